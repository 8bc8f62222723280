"""Inline nodes as runs: emphasis, strong, links, line breaks and footnote references."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from policydraft.model import (
    Cite,
    Code,
    Emph,
    ExhibitRef,
    Inline,
    LineBreak,
    Link,
    Note,
    Para,
    Strong,
    Text,
    plain_text,
)
from policydraft.writers.docx.oxml import R_ID, add_text, sub, w
from policydraft.writers.docx.scripts import add_script_properties, script_pieces
from policydraft.writers.docx.story import Story

_BREAKS = re.compile(r"(\n|\t)")


@dataclass(frozen=True, slots=True)
class RunFormat:
    """Formatting inherited from enclosing inlines; nesting combines (bold inside italic)."""

    bold: bool = False
    italic: bool = False
    char_style: str | None = None


PLAIN = RunFormat()


def add_inlines(
    parent: etree._Element, inlines: tuple[Inline, ...], story: Story, fmt: RunFormat = PLAIN
) -> None:
    """Append the runs for ``inlines`` to ``parent`` (a ``w:p`` or ``w:hyperlink``)."""
    for inline in inlines:
        match inline:
            case Text(text) | Code(text):
                add_text_runs(parent, text, fmt)
            case Emph(children):
                add_inlines(parent, children, story, replace(fmt, italic=True))
            case Strong(children):
                add_inlines(parent, children, story, replace(fmt, bold=True))
            case Link(children, url):
                _add_link(parent, children, url, story, fmt)
            case LineBreak():
                sub(new_run(parent, fmt), "br")
            case ExhibitRef():  # plain text: the DOCX lists exhibits, it does not hold them
                add_text_runs(parent, inline.text, fmt)
            case Note():
                _add_note(parent, inline, story, fmt)
            case Cite():
                raise ValueError("a Cite reached the DOCX writer; citations are resolved first")


def new_run(parent: etree._Element, fmt: RunFormat) -> etree._Element:
    """A ``w:r`` with the run properties ``fmt`` asks for (CT_RPr order: rStyle, b, i)."""
    run = sub(parent, "r")
    if fmt != PLAIN:
        rpr = sub(run, "rPr")
        if fmt.char_style is not None:
            sub(rpr, "rStyle", val=fmt.char_style)
        if fmt.bold:
            sub(rpr, "b")
        if fmt.italic:
            sub(rpr, "i")
    return run


def add_text_runs(parent: etree._Element, text: str, fmt: RunFormat) -> None:
    """Text as one run (a run per script where Word must be told the script, see
    ``scripts``); newlines and tabs in it become ``w:br`` and ``w:tab``."""
    if not text:
        return
    for chunk, script in script_pieces(text):
        run = new_run(parent, fmt)
        if script is not None:
            add_script_properties(run, script)
        for piece in _BREAKS.split(chunk):
            if piece == "\n":
                sub(run, "br")
            elif piece == "\t":
                sub(run, "tab")
            elif piece:
                add_text(run, piece)


def _add_link(
    parent: etree._Element, children: tuple[Inline, ...], url: str, story: Story, fmt: RunFormat
) -> None:
    """A real ``w:hyperlink``: external URLs by relationship, ``#name`` as a bookmark anchor."""
    link = sub(parent, "hyperlink")
    if url.startswith("#"):
        link.set(w("anchor"), url[1:])
    else:
        link.set(R_ID, story.link_id(url))
    add_inlines(link, children, story, replace(fmt, char_style=story.styles["Hyperlink"]))


def _add_note(parent: etree._Element, note: Note, story: Story, fmt: RunFormat) -> None:
    """A footnote reference run; inside a footnote, the nested note's text in parentheses."""
    if story.notes is None:
        text = " ".join(plain_text(b.inlines) for b in note.blocks if isinstance(b, Para))
        add_text_runs(parent, f" ({text})", fmt)
        return
    note_id = story.notes(note)
    run = new_run(parent, RunFormat(char_style=story.styles["footnote reference"]))
    sub(run, "footnoteReference", id=str(note_id))
