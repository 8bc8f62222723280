"""The PDF blackline: a summary page, then the letter with OLD -> NEW marked (docs/reviewing.md).

The first page counts what changed (``summary``): arguments added, removed, moved and
changed, footnotes, citations, and the signatory list, whose names added, removed and
corrected are listed there rather than marked in an appendix of thousands. Then comes the
letter as NEW prints it, passage by passage (``blackline_text``), with OLD's differences
marked as the comparison the DOCX is marked by (``compare.compare_versions``) finds them,
run once on both versions' passages, and read for the summary too: inserted words
underlined in blue, deleted words struck through in red (so that a black-and-white copy
still tells them apart), a moved argument's passages in green, struck through and labelled
where they were and underlined where they are, and a bar in the left margin beside every
passage that changed. Footnotes follow the letter, under "Notes", marked the same way; the
signatory appendix is its heading and a line pointing at the summary.

The PDF is set in NEW's typography (page, type, family: Liberation Serif unless a
reference.docx asks for a twin), with its fonts embedded and the CJK and script fallbacks
of the letter's own writer; its dates are NEW's (``SOURCE_DATE_EPOCH`` when set), so the
same two versions give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph

from policydraft.model import Metadata
from policydraft.outputs.write import with_source_date
from policydraft.pipeline import CheckedSubmission
from policydraft.redline.blackline_text import (
    NEWLINE,
    Passage,
    Version,
    Word,
    compared,
    marked_words,
    read_version,
)
from policydraft.redline.compare import BlockEdit, Comparison, NoteEdit, compare_versions
from policydraft.redline.summary import Summary, summarize
from policydraft.typography import Typography
from policydraft.writers.pdf.families import family_named, setting_in
from policydraft.writers.pdf.markup import text_markup
from policydraft.writers.pdf.page import FooterLine, canvas_maker
from policydraft.writers.pdf.styles import Styles, make_styles

INSERTED = "#1f4fbf"
"""Inserted words: blue, and underlined."""
DELETED = "#c0261f"
"""Deleted words: red, and struck through."""
MOVED = "#1a7f37"
"""A moved passage: green, struck through where it was and underlined where it is, each
labelled ("[moved below]", "[moved from above]")."""
BAR_WIDTH = 2.0
BAR_GAP = 14.0
"""A change bar: its width, and how far left of the text it is drawn (points)."""
NAMES_PER_PARAGRAPH = 200
"""Listed names are set in paragraphs of this many, so a long list breaks pages cheaply."""

Marked = tuple[str, Word]
"""A word and its mark: "same", "ins", "del", "from" and "to" (moved), or "label"."""


@dataclass(frozen=True)
class Blackline:
    """Two versions compared: their texts, the summary, and what the PDF is set with."""

    old: Version
    new: Version
    comparison: Comparison  # of ``compared(old)`` and ``compared(new)``: indices are passages'
    summary: Summary
    labels: tuple[str, str]  # "folder (date)" of OLD and NEW
    metadata: Metadata
    typography: Typography


def compare(
    old: CheckedSubmission, new: CheckedSubmission, labels: tuple[str, str] | None = None
) -> Blackline:
    """OLD and NEW (checked without errors) read and compared; the summary names them by
    ``labels``, else as "folder (date)" (``--against REV`` may prefer the revision)."""
    assert old.plan is not None and new.plan is not None, "versions without errors"
    old_text, new_text = read_version(old.plan.document), read_version(new.plan.document)
    comparison = compare_versions(compared(old_text), compared(new_text))
    summary = summarize(old, new, comparison)
    metadata = with_source_date(new.plan.document).metadata
    title = f"Blackline: {metadata.title}"
    labels = labels or (label(old), label(new))
    metadata = replace(metadata, title=title, subject=f"{labels[0]} compared with {labels[1]}")
    typography = new.plan.settings.typography
    return Blackline(old_text, new_text, comparison, summary, labels, metadata, typography)


def label(version: CheckedSubmission) -> str:
    """A version as the summary names it: "folder (date)"."""
    submission = version.loaded.submission
    return f"{version.loaded.folder.name} ({submission.date.isoformat()})"


def write_blackline(blackline: Blackline, out: BinaryIO) -> int:
    """Write the blackline's PDF to ``out``; return its number of pages."""
    typography = blackline.typography
    styles = make_styles(typography)
    with setting_in(family_named(typography.pdf_font)) as family:
        story = [*summary_page(blackline, styles), PageBreak()]
        story += letter(blackline, styles)
        page = typography.page
        width = page.width - page.left - page.right
        height = page.height - page.top - page.bottom
        frame = Frame(page.left, page.bottom, width, height, id="text")
        template = BaseDocTemplate(
            out,
            pagesize=(page.width, page.height),
            title=blackline.metadata.title,
            author=blackline.metadata.author,
            subject=blackline.metadata.subject,
            creator="policydraft",
            lang=blackline.metadata.language,
            invariant=1,
            pageCompression=1,
            initialFontName=family.regular,
        )
        template.addPageTemplates([PageTemplate(id="blackline", frames=[frame])])
        footer = FooterLine.of(typography, family.regular)
        template.build(story, canvasmaker=canvas_maker(blackline.metadata, footer))
    return int(template.page)


# --- the summary page ----------------------------------------------------------------------


def summary_page(blackline: Blackline, styles: Styles) -> list[Flowable]:
    """The counts, the legend and the lists of what changed."""
    s, (old, new) = blackline.summary, blackline.labels
    body, item = styles.body, styles.list_item
    # not kept with the next: a long list after a count would take all counts to page 2
    count = ParagraphStyle("count", parent=styles.heading2, keepWithNext=0)
    made: list[Flowable] = [
        Paragraph("Blackline", styles.parts["title"]),
        Paragraph(text_markup(blackline.metadata.title.removeprefix("Blackline: ")), body),
        Paragraph(f"{text_markup(old)} compared with {text_markup(new)}.", body),
        Paragraph(_legend(), body),
        Paragraph("Summary of changes", styles.heading1),
    ]
    if s.unchanged:
        made.append(Paragraph("No changes: the two versions print the same letter.", body))
        return made
    arguments = (
        ("added", s.arguments_added),
        ("removed", s.arguments_removed),
        ("moved", s.arguments_moved),
        ("changed", s.arguments_changed),
    )
    made.append(Paragraph(f"Arguments: {_counts(arguments)}", count))
    made += _lists(arguments, item, quoted=True)
    notes = f"{s.notes_added} added, {s.notes_removed} removed, {s.notes_changed} changed"
    made.append(Paragraph(f"Footnotes: {notes}", count))
    cites = (("added", s.citations_added), ("removed", s.citations_removed))
    made.append(Paragraph(f"Citations: {_counts(cites)}", count))
    made += _lists(cites, item)
    signers = (
        ("added", s.signers_added),
        ("removed", s.signers_removed),
        ("corrected", s.signers_corrected),
    )
    made.append(Paragraph(f"Signatories: {_counts(signers)}", count))
    made += _lists(signers, item)
    return made


def _legend() -> str:
    inserted = _marked("ins", "inserted text is underlined")
    deleted = _marked("del", "deleted text is struck through")
    return (
        f"In the letter that follows, {inserted} (blue), {deleted} (red), and a bar in the "
        "left margin marks each paragraph that changed. The signatory list is summarised "
        "here, not marked."
    )


def _counts(kinds: Sequence[tuple[str, Sequence[str]]]) -> str:
    return ", ".join(f"{len(listed):,} {kind}" for kind, listed in kinds)


def _lists(
    kinds: Sequence[tuple[str, Sequence[str]]], style: Any, *, quoted: bool = False
) -> Iterator[Flowable]:
    """Each non-empty list, a paragraph of names per ``NAMES_PER_PARAGRAPH``."""
    for kind, listed in kinds:
        shown = [f"\u201c{name}\u201d" if quoted else name for name in listed]
        for start in range(0, len(shown), NAMES_PER_PARAGRAPH):
            names = "; ".join(
                text_markup(name) for name in shown[start : start + NAMES_PER_PARAGRAPH]
            )
            lead = f"<i>{kind.capitalize()}</i> ({len(listed):,}): " if not start else ""
            yield Paragraph(f"{lead}{names}", style)


# --- the letter ----------------------------------------------------------------------------


class BarredParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph with a change bar in the margin beside it (kept on every piece a page
    break cuts it into: reportlab splits a paragraph into paragraphs of its class)."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(BAR_WIDTH)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.line(-BAR_GAP, 0, -BAR_GAP, self.height)
        canvas.restoreState()
        super().draw()


def letter(blackline: Blackline, styles: Styles) -> list[Flowable]:
    """The letter's passages with OLD -> NEW marked, then its footnotes under "Notes"."""
    old, new, comparison = blackline.old, blackline.new, blackline.comparison
    made = [
        _paragraph(passage, marked, styles, blackline.summary)
        for passage, marked in _marked_body(old.passages, new.passages, comparison.blocks)
    ]
    notes = list(_marked_notes(old.notes, new.notes, comparison.notes))
    if notes:
        made.append(Paragraph("Notes", styles.heading1))
        made += [
            _paragraph(passage, marked, styles, blackline.summary) for passage, marked in notes
        ]
    return made


def _marked_body(
    old: Sequence[Passage], new: Sequence[Passage], edits: Sequence[BlockEdit]
) -> Iterator[tuple[Passage, list[Marked] | None]]:
    """Each passage (NEW's, or OLD's where it went) with its words marked; None: unchanged.

    A moved argument's passages are marked where they were ("from", labelled "[moved
    below]" or "[moved above]") and where they are ("to", with words edited since marked as
    any edit), as the comparison's moves say."""
    first: dict[tuple[int, str], int] = {}
    for k, edit in enumerate(edits):
        if edit.move and edit.kind in ("moved-from", "moved-to"):
            first.setdefault((edit.move, edit.kind), k)
    for k, edit in enumerate(edits):
        i, j = edit.old, edit.new
        if edit.kind in ("removed", "moved-from"):
            assert i is not None
            if edit.kind == "removed":
                yield old[i], [("del", word) for word in old[i].words]
                continue
            where = "below" if first.get((edit.move, "moved-to"), -1) > k else "above"
            label = ("label", Word(f"[moved {where}] "))
            yield old[i], [label, *(("from", word) for word in old[i].words)]
            continue
        assert j is not None
        if edit.kind == "same":
            yield new[j], None
        elif edit.kind == "added" or i is None:
            yield new[j], [("ins", word) for word in new[j].words]
        elif edit.kind == "changed":
            yield new[j], marked_words(old[i], new[j], edit.words)
        else:  # moved-to
            where = "above" if first.get((edit.move, "moved-from"), k) < k else "below"
            label = ("label", Word(f"[moved from {where}] "))
            words = (
                marked_words(old[i], new[j], edit.words, same="to")
                if edit.words
                else [("to", word) for word in new[j].words]
            )
            yield new[j], [label, *words]


def _marked_notes(
    old: Sequence[Passage], new: Sequence[Passage], edits: Sequence[NoteEdit]
) -> Iterator[tuple[Passage, list[Marked]]]:
    """The notes as the comparison pairs them, in the order the letter references them,
    each begun with its number (NEW's, or OLD's when removed); a note referenced from a
    moved argument's old place is shown once, at its new place."""
    shown: set[int] = set()
    for edit in edits:
        if edit.kind == "moved-from":
            continue
        if edit.new is None:
            assert edit.old is not None
            passage = old[edit.old - 1]
            yield passage, [("del", word) for word in (Word(f"{edit.old}. "), *passage.words)]
            continue
        shown.add(edit.new)
        passage = new[edit.new - 1]
        number = ("same", Word(f"{edit.new}. "))
        if edit.kind == "added" or edit.old is None:
            yield passage, [("ins", word) for word in (number[1], *passage.words)]
            continue
        before = old[edit.old - 1]
        marked: list[Marked] = [number]
        for inner in edit.blocks or ():
            if inner.kind == "removed":
                marked += [("del", word) for word in before.words]
            elif inner.kind == "added":
                marked += [("ins", word) for word in passage.words]
            elif inner.kind == "changed":
                marked += marked_words(before, passage, inner.words)
            else:
                marked += [("same", word) for word in passage.words]
        yield passage, marked if edit.blocks else [number, *(("same", w) for w in passage.words)]
    for at, passage in enumerate(new, start=1):  # any not referenced from the letter
        if at not in shown:
            yield passage, [("same", word) for word in (Word(f"{at}. "), *passage.words)]


def _paragraph(
    passage: Passage, marked: list[Marked] | None, styles: Styles, summary: Summary
) -> Flowable:
    style = _style(passage.kind, styles)
    changed = marked is not None and any(tag != "same" for tag, _ in marked)
    words = marked if marked is not None else [("same", word) for word in passage.words]
    text = _words_markup(words)
    if passage.label:
        text = f"{text_markup(passage.label)}\u00a0 {text}"
    if passage.kind == "appendix":
        counts = _counts(
            (
                ("added", summary.signers_added),
                ("removed", summary.signers_removed),
                ("corrected", summary.signers_corrected),
            )
        )
        text += f"<br/><i>(not marked here; the summary lists the changes: {counts})</i>"
    return (BarredParagraph if changed else Paragraph)(text, style)


def _style(kind: str, styles: Styles) -> Any:
    named = {
        "heading": styles.heading1,
        "subheading": styles.heading2,
        "quote": styles.quote,
        "item": styles.list_item,
        "note": styles.note,
        "appendix": styles.appendix_heading,
    }
    if kind in named:
        return named[kind]
    return styles.parts.get(kind, styles.body)  # type: ignore[call-overload]


def _words_markup(marked: Iterable[Marked]) -> str:
    """Paragraph markup: runs of one mark and one style, inserted and deleted ones marked."""
    parts: list[str] = []
    for (tag, italic, bold), run in groupby(marked, key=lambda m: (m[0], m[1].italic, m[1].bold)):
        inner = "".join(_word_markup(word) for _, word in run)
        if italic:
            inner = f"<i>{inner}</i>"
        if bold:
            inner = f"<b>{inner}</b>"
        parts.append(_marked(tag, inner, escaped=True))
    return "".join(parts)


def _marked(tag: str, text: str, *, escaped: bool = False) -> str:
    inner = text if escaped else text_markup(text)
    if tag == "ins":
        return f'<font color="{INSERTED}"><u>{inner}</u></font>'
    if tag == "del":
        return f'<font color="{DELETED}"><strike>{inner}</strike></font>'
    if tag == "to":
        return f'<font color="{MOVED}"><u>{inner}</u></font>'
    if tag == "from":
        return f'<font color="{MOVED}"><strike>{inner}</strike></font>'
    if tag == "label":
        return f'<font color="{MOVED}"><i>{inner}</i></font>'
    return inner


def _word_markup(word: Word) -> str:
    if word.note:
        return f"<super>{word.note}</super>"
    if word.text == NEWLINE:
        return "<br/>"
    return text_markup(word.text)
