"""The redline DOCX: NEW's own DOCX, with what changed from OLD's marked as tracked changes.

Both versions are written by our DOCX writer. Each is read back as a ``compare.Version``:
the body's paragraphs (kind: their Word style) and each footnote's paragraphs, a footnote
reference being the sources its note cites (taken from the document tree, ``cites``). The
comparison (``compare.compare_versions``) is then written onto NEW's XML:

- a paragraph added or removed whole is ``w:ins``/``w:del``, paragraph mark included; a
  removed one is OLD's, put back where it stood;
- an edited paragraph is rewritten word by word (``w:ins``, ``w:del``), and a word whose
  formatting changed carries NEW's ``w:rPr`` with a ``w:rPrChange`` holding OLD's;
- a moved section is OLD's paragraphs put back as ``w:moveFrom`` at its old place, NEW's as
  ``w:moveTo`` (edits inside it as ``w:ins``), each inside a named range
  (``w:moveFromRangeStart``/``End``, ``w:moveToRangeStart``/``End``, the names paired);
- notes follow their references: a paired note is compared paragraph by paragraph, an added
  note is inserted whole, a removed one is a copy of OLD's under a new id, deleted whole (a
  note of a moved section's old place is a copy left unmarked: it goes with its reference,
  as Word's own notes do). Footnotes are kept in the order the redline references them.

Word's Accept All gives NEW's text, Reject All OLD's.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from lxml import etree

from policydraft.redline.compare import (
    TABLE,
    Block,
    BlockEdit,
    Comparison,
    NoteRef,
    Version,
    compare_versions,
    restyled,
)
from policydraft.redline.marks import (
    Change,
    Token,
    deleted,
    inserted,
    mark_of,
    mark_paragraph,
    mark_rpr,
    move_range,
    moved,
    paragraph_tokens,
    plain_runs,
    section_of,
    style_of,
    w,
)
from policydraft.redline.relations import Carrier

BODY = "word/document.xml"
NOTES = "word/footnotes.xml"

Cites = Sequence[tuple[str, ...]]
"""What each note cites, in the order the body references the notes (from the tree)."""


@dataclass
class _Story:
    """One version's parsed parts: the body, the footnotes by id, and how they compare."""

    body: etree._Element
    notes_root: etree._Element | None
    notes: dict[int, etree._Element]
    version: Version


def tracked_docx(
    old: bytes, new: bytes, change: Change, old_cites: Cites = (), new_cites: Cites = ()
) -> tuple[bytes, int]:
    """NEW's DOCX with OLD -> NEW as tracked changes, and how many changes it holds."""
    old_parts, new_parts = _parts(old), _parts(new)
    before = _story(old_parts, old_cites)
    after = _story(new_parts, new_cites)
    comparison = compare_versions(before.version, after.version)
    shift = max([*before.notes, *after.notes, 0]) + 1  # OLD note n, copied: id n + shift
    carriers = [Carrier(part, old_parts, new_parts) for part in (BODY, NOTES)]
    body = after.body.find(w("body"))
    assert body is not None
    old_body = before.body.find(w("body"))
    assert old_body is not None
    placed = _apply(
        comparison.blocks, _elements(old_body), _elements(body), body, change,
        (comparison.old.blocks, comparison.new.blocks), _carry(carriers[0], shift),
    )  # fmt: skip
    _moves(comparison, placed, change)
    _keep_section_breaks(body)
    if after.notes_root is not None:
        _track_notes(comparison, before, after, change, _carry(carriers[1], shift), shift)
        new_parts[NOTES] = _xml(after.notes_root)
    new_parts[BODY] = _xml(after.body)
    for carrier in carriers:
        carrier.finish()
    return _zipped(new, new_parts), comparison.changes


def docx_comparison(
    old: bytes, new: bytes, old_cites: Cites = (), new_cites: Cites = ()
) -> Comparison:
    """OLD and NEW compared as ``tracked_docx`` marks them (indices are Word's paragraphs)."""
    before, after = _story(_parts(old), old_cites), _story(_parts(new), new_cites)
    return compare_versions(before.version, after.version)


Carry = Callable[[etree._Element], etree._Element]
"""Makes OLD's content fit NEW's story: note references and relationship ids rewritten."""


def _carry(carrier: Carrier, shift: int) -> Carry:
    def carry(element: etree._Element) -> etree._Element:
        for ref in element.iter(w("footnoteReference")):
            ref.set(w("id"), str(int(ref.get(w("id"), "0")) + shift))
        carrier.carry(element)
        return element

    return carry


def _story(parts: dict[str, bytes], cites: Cites) -> _Story:
    body = etree.fromstring(parts[BODY])
    notes_root = etree.fromstring(parts[NOTES]) if NOTES in parts else None
    notes = {
        int(note.get(w("id"), "0")): note
        for note in (notes_root.iter(w("footnote")) if notes_root is not None else ())
        if note.get(w("type")) is None
    }
    refs = [int(ref.get(w("id"), "0")) for ref in body.iter(w("footnoteReference"))]
    cited = dict(zip(refs, cites, strict=False)) if len(cites) == len(refs) else {}
    box = body.find(w("body"))
    assert box is not None
    version = Version(
        tuple(_block(p, cited) for p in _elements(box)),
        {n: tuple(_block(p, cited) for p in _paragraphs(note)) for n, note in notes.items()},
    )
    return _Story(body, notes_root, notes, version)


def _block(paragraph: etree._Element, cited: dict[int, tuple[str, ...]]) -> Block:
    if paragraph.tag == w("tbl"):
        return _table_block(paragraph, cited)
    tokens = paragraph_tokens(paragraph)
    keys: list[Hashable] = []
    notes: list[int] = []
    for token in tokens:
        if token.element is not None and token.element.tag == w("footnoteReference"):
            note = int(token.element.get(w("id"), "0"))
            notes.append(note)
            keys.append(NoteRef(cited.get(note, ())))
        else:
            keys.append(token.key)
    look = tuple(token.look for token in tokens)
    return Block(style_of(paragraph), tuple(keys), look, tuple(notes))


def _table_block(table: etree._Element, cited: dict[int, tuple[str, ...]]) -> Block:
    """A table as one block, compared whole (``compare.WHOLE``): its paragraphs' tokens."""
    keys: list[Hashable] = []
    look: list[Hashable] = []
    notes: list[int] = []
    for paragraph in table.iter(w("p")):
        inner = _block(paragraph, cited)
        keys += [*inner.tokens, "\u00b6"]
        look += [*inner.look, b""]
        notes += inner.notes
    return Block(TABLE, tuple(keys), tuple(look), tuple(notes))


def _paragraphs(box: etree._Element) -> list[etree._Element]:
    return [child for child in box if child.tag == w("p")]


def _elements(box: etree._Element) -> list[etree._Element]:
    """The body's blocks: its paragraphs and tables, in order."""
    return [child for child in box if child.tag in (w("p"), w("tbl"))]


def _content(paragraph: etree._Element) -> list[etree._Element]:
    return [child for child in paragraph if child.tag in (w("r"), w("hyperlink"))]


# --- marking one container (the body, a footnote) ------------------------------------------


def _apply(
    edits: Sequence[BlockEdit],
    old_paras: Sequence[etree._Element],
    new_paras: Sequence[etree._Element],
    box: etree._Element,
    change: Change,
    blocks: tuple[Sequence[Block], Sequence[Block]],
    carry: Carry,
) -> list[etree._Element]:
    """Write ``edits`` onto NEW's paragraphs in ``box``; OLD's removed ones put back.

    Returns the element each edit placed or marked, in order. A table is inserted or
    deleted whole, rows and text (moved, it is deleted there and inserted here: Word tracks
    no table moves)."""
    anchor: etree._Element | None = None  # the last paragraph placed
    placed: list[etree._Element] = []
    for edit in edits:
        if edit.kind in ("removed", "moved-from"):
            assert edit.old is not None
            local = "del" if edit.kind == "removed" else "moveFrom"
            anchor = _put_back(old_paras[edit.old], box, anchor, new_paras, change, local, carry)
            placed.append(anchor)
            continue
        assert edit.new is not None
        paragraph = new_paras[edit.new]
        placed.append(paragraph)
        if paragraph.tag == w("tbl"):
            if edit.kind != "same":
                _mark_table(paragraph, change, "ins")
        elif edit.kind == "added":
            _mark_whole(paragraph, change, "ins")
        elif edit.kind == "moved-to" and not edit.words:
            _mark_whole(paragraph, change, "moveTo")
        elif edit.kind in ("changed", "moved-to"):
            assert edit.old is not None
            pair = (blocks[0][edit.old], blocks[1][edit.new])
            _mark_changed(old_paras[edit.old], paragraph, edit, change, pair, carry)
        anchor = paragraph
    return placed


def _keep_section_breaks(box: etree._Element) -> None:
    """A paragraph inserted at the end of a section keeps its mark, which carries the
    section break (``w:pPr/w:sectPr``): the mark tracked as inserted is the one before the
    inserted paragraphs, as Word tracks it. Rejected, the paragraphs then join the one
    before them, whose text is all that is left, and the section ends where it ended in
    OLD; marking the section's own mark would leave an empty paragraph (LibreOffice keeps a
    mark holding a section break), OLD's paragraphs after it in the next section.

    Left as it is when a deleted paragraph or a table comes first (no mark to move to)."""
    for paragraph in [p for p in box if p.tag == w("p") and section_of(p) is not None]:
        mark = mark_of(paragraph)
        if mark is None or mark.tag != w("ins"):
            continue
        holder = _untracked_before(paragraph)
        if holder is None:
            continue
        _unmark(mark)
        mark_rpr(holder).insert(0, mark)


def _end_section_with(
    paragraph: etree._Element, anchor: etree._Element, old: etree._Element
) -> None:
    """OLD's paragraph deleted at the end of a section, put back after the paragraph whose
    mark ends the section in NEW: the section break goes to the deleted paragraph's mark,
    left untracked, and the mark before it is the one deleted (unless it was inserted), as
    Word tracks it. Accepted, the deleted paragraphs join the one before and the section
    ends where NEW's does; rejected, OLD's last paragraph ends it."""
    section = section_of(anchor) if anchor.tag == w("p") else None
    if paragraph.tag != w("p") or section is None:
        return
    if _sections_before(old) != _sections_before(anchor):
        return  # OLD's paragraph opened the next section: it goes after the break
    held = mark_of(anchor)
    if held is not None and held.tag != w("ins"):
        return
    mark = mark_of(paragraph)
    assert mark is not None, "a deleted paragraph's mark is deleted"
    _unmark(mark)
    if held is None:
        mark_rpr(anchor).insert(0, mark)
    holder = section.getparent()
    assert holder is not None
    holder.remove(section)
    ppr = paragraph.find(w("pPr"))
    assert ppr is not None, "a deleted paragraph's mark has its properties"
    record = ppr.find(w("pPrChange"))
    if record is not None:
        record.addprevious(section)
    else:
        ppr.append(section)


def _sections_before(paragraph: etree._Element) -> int:
    """How many section breaks the paragraphs before ``paragraph`` carry."""
    return sum(1 for p in paragraph.itersiblings(preceding=True) if section_of(p) is not None)


def _unmark(mark: etree._Element) -> None:
    """Take a paragraph mark's tracking away (an emptied ``w:rPr`` with it)."""
    rpr = mark.getparent()
    assert rpr is not None
    rpr.remove(mark)
    if len(rpr) == 0:
        ppr = rpr.getparent()
        assert ppr is not None
        ppr.remove(rpr)


def _untracked_before(paragraph: etree._Element) -> etree._Element | None:
    """The paragraph before a run of inserted ones ending at ``paragraph``, when its mark
    is not tracked."""
    before = paragraph.getprevious()
    while before is not None:
        if before.tag == w("tbl"):
            return None
        if before.tag == w("p"):
            tracked = mark_of(before)
            if tracked is None:
                return before
            if tracked.tag != w("ins"):
                return None
        before = before.getprevious()
    return None


def _mark_table(table: etree._Element, change: Change, local: str) -> None:
    """Every row of ``table`` inserted or deleted (``w:trPr``), and every paragraph in it."""
    for row in table.iter(w("tr")):
        props = row.find(w("trPr"))
        if props is None:
            props = etree.Element(w("trPr"))
            before = row.find(w("tblPrEx"))
            if before is not None:
                before.addnext(props)
            else:
                row.insert(0, props)
        props.append(change.mark(local))
    for paragraph in table.iter(w("p")):
        runs = _content(paragraph)
        for run in runs:
            paragraph.remove(run)
        paragraph.extend(inserted(runs, change) if local == "ins" else deleted(runs, change))
        mark_paragraph(paragraph, change, local)


def _mark_whole(paragraph: etree._Element, change: Change, local: str) -> None:
    runs = _content(paragraph)
    for run in runs:
        paragraph.remove(run)
    wrap: Callable[[list[etree._Element], Change], list[etree._Element]] = (
        inserted if local == "ins" else lambda runs, change: moved(runs, change, local)
    )
    paragraph.extend(wrap(runs, change))
    mark_paragraph(paragraph, change, local)


def _put_back(
    old: etree._Element,
    box: etree._Element,
    anchor: etree._Element | None,
    new_paras: Sequence[etree._Element],
    change: Change,
    local: str,
    carry: Carry,
) -> etree._Element:
    """OLD's paragraph, deleted or moved away, after ``anchor`` (else before NEW's first)."""
    paragraph = copy.deepcopy(old)
    for section in list(paragraph.iter(w("sectPr"))):
        holder = section.getparent()
        if holder is not None:
            holder.remove(section)  # NEW's sections stay NEW's
    carry(paragraph)
    if paragraph.tag == w("tbl"):
        _mark_table(paragraph, change, "del")
    else:
        runs = _content(paragraph)
        for run in runs:
            paragraph.remove(run)
        paragraph.extend(deleted(runs, change) if local == "del" else moved(runs, change, local))
        mark_paragraph(paragraph, change, local)
    if anchor is not None:
        anchor.addnext(paragraph)
        if local == "del":
            _end_section_with(paragraph, anchor, old)
    elif new_paras:
        new_paras[0].addprevious(paragraph)
    else:
        box.append(paragraph)
    return paragraph


def _mark_changed(
    old: etree._Element,
    new: etree._Element,
    edit: BlockEdit,
    change: Change,
    blocks: tuple[Block, Block],
    carry: Carry,
) -> None:
    """Rewrite NEW's paragraph word by word: kept (or moved here), inserted, deleted runs.

    In a moved paragraph, OLD's words that went are not repeated: they are in the paragraph
    moved away, at the section's old place.
    """
    old_tokens = paragraph_tokens(old)
    new_tokens = _restyled(old_tokens, paragraph_tokens(new), edit, blocks)
    here = edit.kind == "moved-to"
    made: list[etree._Element] = []
    for words in edit.words:
        if words.tag == "equal":
            runs = plain_runs(_picked(new_tokens, words.new), change)
            made += moved(runs, change, "moveTo") if here else runs
            continue
        if words.old and not here:
            runs = [carry(run) for run in plain_runs(_picked(old_tokens, words.old))]
            made += deleted(runs, change)
        if words.new:
            made += inserted(plain_runs(_picked(new_tokens, words.new), change), change)
    for run in _content(new):
        new.remove(run)
    new.extend(made)
    if here:
        mark_paragraph(new, change, "moveTo")


def _restyled(
    old: Sequence[Token], new: Sequence[Token], edit: BlockEdit, blocks: tuple[Block, Block]
) -> list[Token]:
    """NEW's tokens, those kept with a new look marked with OLD's formatting."""
    tokens = list(new)
    for words in edit.words:
        if words.tag != "equal":
            continue
        for stretch in restyled(blocks[0], blocks[1], words):
            for j in stretch:
                i = words.old[words.new.index(j)]
                tokens[j] = replace(tokens[j], was=old[i].rpr, restyled=True)
    return tokens


def _picked(tokens: Sequence[Token], span: range) -> list[Token]:
    return [tokens[i] for i in span]


def _moves(comparison: Comparison, placed: Sequence[etree._Element], change: Change) -> None:
    """Each moved section, at both places, inside ranges named ``moveN`` (N its number).

    ``placed`` holds the element each of the comparison's body edits placed, in order."""
    spans: dict[tuple[int, str], list[etree._Element]] = {}
    for edit, element in zip(comparison.blocks, placed, strict=True):
        if edit.move:
            where = "moveFrom" if edit.kind == "moved-from" else "moveTo"
            spans.setdefault((edit.move, where), []).append(element)
    for (number, where), elements in sorted(spans.items()):
        move_range(elements[0], elements[-1], change, where, f"move{number}")


# --- notes ---------------------------------------------------------------------------------


def _track_notes(
    comparison: Comparison,
    before: _Story,
    after: _Story,
    change: Change,
    carry: Carry,
    shift: int,
) -> None:
    """Mark each note as compared, add copies of OLD's removed notes, order by reference."""
    root = after.notes_root
    assert root is not None
    for edit in comparison.notes:
        if edit.kind == "changed":
            assert edit.old is not None and edit.new is not None
            note, old_note = after.notes[edit.new], before.notes[edit.old]
            blocks = (comparison.old.notes[edit.old], comparison.new.notes[edit.new])
            _apply(
                edit.blocks, _paragraphs(old_note), _paragraphs(note), note, change, blocks, carry
            )
        elif edit.kind == "added":
            assert edit.new is not None
            for paragraph in _paragraphs(after.notes[edit.new]):
                _mark_whole(paragraph, change, "ins")
        elif edit.kind in ("removed", "moved-from"):
            assert edit.old is not None and edit.old in before.notes
            copied = carry(copy.deepcopy(before.notes[edit.old]))
            copied.set(w("id"), str(edit.old + shift))
            for paragraph in _paragraphs(copied) if edit.kind == "removed" else ():
                runs = _content(paragraph)
                for run in runs:
                    paragraph.remove(run)
                paragraph.extend(deleted(runs, change))
                mark_paragraph(paragraph, change, "del")
            root.append(copied)  # a moved-away note goes with its reference, unmarked
    _in_reference_order(root, after.body)


def _in_reference_order(root: etree._Element, body: etree._Element) -> None:
    """The footnotes in the order the body references them (separators first, then any
    not referenced), so the part reads in the order Word numbers the notes."""
    order = {
        int(ref.get(w("id"), "0")): k for k, ref in enumerate(body.iter(w("footnoteReference")))
    }
    notes = [n for n in root if n.tag == w("footnote") and n.get(w("type")) is None]
    for note in notes:
        root.remove(note)
    last = len(order)
    notes.sort(key=lambda n: order.get(int(n.get(w("id"), "0")), last))
    root.extend(notes)


# --- the package ---------------------------------------------------------------------------


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zipped(template: bytes, parts: dict[str, bytes]) -> bytes:
    """The package again, members in their order and with their dates (reproducible), and
    the parts added after them."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        members = source.infolist()
        for info in members:
            target.writestr(info, parts[info.filename])
        known = {info.filename for info in members}
        for name in sorted(set(parts) - known):  # OLD's pictures a put-back paragraph shows
            added = zipfile.ZipInfo(name, date_time=members[0].date_time)
            added.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(added, parts[name])
    return out.getvalue()
