"""The redline DOCX: NEW's own DOCX, with what changed from OLD's marked as tracked changes.

Both versions are written by our DOCX writer; their body paragraphs, and each footnote's
paragraphs (footnotes paired in order), are compared with ``compare``; NEW's XML then gets
``w:ins`` and ``w:del`` where they differ. A removed paragraph is OLD's, put back where it
stood, all of it deleted. Word's Accept All gives NEW's text, Reject All OLD's.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence

from lxml import etree

from policydraft.redline.compare import Block, BlockEdit, compare_blocks, count_changes
from policydraft.redline.marks import (
    Change,
    Token,
    deleted,
    inserted,
    mark_paragraph,
    paragraph_tokens,
    plain_runs,
    style_of,
    w,
)

BODY = "word/document.xml"
NOTES = "word/footnotes.xml"


def tracked_docx(old: bytes, new: bytes, change: Change) -> tuple[bytes, int]:
    """NEW's DOCX with OLD -> NEW as tracked changes, and how many changes it holds."""
    old_parts = _parts(old)
    new_parts = _parts(new)
    count = 0
    for name, containers in ((BODY, _bodies), (NOTES, _footnotes)):
        if name not in new_parts:
            continue
        new_root = etree.fromstring(new_parts[name])
        old_root = etree.fromstring(old_parts[name]) if name in old_parts else None
        old_boxes = containers(old_root) if old_root is not None else []
        for index, box in enumerate(containers(new_root)):
            before = old_boxes[index] if index < len(old_boxes) else None
            count += _track(before, box, change)
        new_parts[name] = etree.tostring(
            new_root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    return _zipped(new, new_parts), count


def _bodies(root: etree._Element) -> list[etree._Element]:
    body = root.find(w("body"))
    return [body] if body is not None else []


def _footnotes(root: etree._Element) -> list[etree._Element]:
    """The footnotes themselves, in order (not the separators, which have a ``w:type``)."""
    return [note for note in root.iter(w("footnote")) if note.get(w("type")) is None]


def _track(old_box: etree._Element | None, new_box: etree._Element, change: Change) -> int:
    """Mark the changes in one container of paragraphs (the body, a footnote)."""
    old_paras = _paragraphs(old_box) if old_box is not None else []
    new_paras = _paragraphs(new_box)
    edits = compare_blocks(_blocks(old_paras), _blocks(new_paras))
    anchor: etree._Element | None = None  # the last NEW paragraph placed
    for edit in edits:
        if edit.kind == "removed":
            assert edit.old is not None
            anchor = _put_back(old_paras[edit.old], new_box, anchor, new_paras, change)
            continue
        assert edit.new is not None
        paragraph = new_paras[edit.new]
        if edit.kind == "added":
            _mark_added(paragraph, change)
        elif edit.kind == "changed":
            assert edit.old is not None
            _mark_changed(old_paras[edit.old], paragraph, edit, change)
        anchor = paragraph
    return count_changes(edits)


def _paragraphs(box: etree._Element) -> list[etree._Element]:
    return [child for child in box if child.tag == w("p")]


def _blocks(paragraphs: Sequence[etree._Element]) -> list[Block]:
    return [
        Block(style_of(p), tuple(token.key for token in paragraph_tokens(p))) for p in paragraphs
    ]


def _content(paragraph: etree._Element) -> list[etree._Element]:
    return [child for child in paragraph if child.tag in (w("r"), w("hyperlink"))]


def _mark_added(paragraph: etree._Element, change: Change) -> None:
    runs = _content(paragraph)
    for run in runs:
        paragraph.remove(run)
    paragraph.extend(inserted(runs, change))
    mark_paragraph(paragraph, change, "ins")


def _put_back(
    old: etree._Element,
    box: etree._Element,
    anchor: etree._Element | None,
    new_paras: Sequence[etree._Element],
    change: Change,
) -> etree._Element:
    """OLD's removed paragraph, all deleted, after ``anchor`` (else before NEW's first)."""
    paragraph = copy.deepcopy(old)
    for section in list(paragraph.iter(w("sectPr"))):
        holder = section.getparent()
        if holder is not None:
            holder.remove(section)  # NEW's sections stay NEW's
    runs = _content(paragraph)
    for run in runs:
        paragraph.remove(run)
    paragraph.extend(deleted(runs, change))
    mark_paragraph(paragraph, change, "del")
    if anchor is not None:
        anchor.addnext(paragraph)
    elif new_paras:
        new_paras[0].addprevious(paragraph)
    else:
        box.append(paragraph)
    return paragraph


def _mark_changed(
    old: etree._Element, new: etree._Element, edit: BlockEdit, change: Change
) -> None:
    """Rewrite NEW's paragraph content word by word: kept, inserted and deleted runs."""
    old_tokens = paragraph_tokens(old)
    new_tokens = paragraph_tokens(new)
    made: list[etree._Element] = []
    for words in edit.words:
        if words.tag == "equal":
            made += plain_runs(_picked(new_tokens, words.new))
            continue
        if words.old:
            made += deleted(plain_runs(_picked(old_tokens, words.old)), change)
        if words.new:
            made += inserted(plain_runs(_picked(new_tokens, words.new)), change)
    for run in _content(new):
        new.remove(run)
    new.extend(made)


def _picked(tokens: Sequence[Token], span: range) -> list[Token]:
    return [tokens[i] for i in span]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zipped(template: bytes, parts: dict[str, bytes]) -> bytes:
    """The package again, members in their order and with their dates (reproducible)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, parts[info.filename])
    return out.getvalue()
