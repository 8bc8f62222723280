"""What a Word document made anywhere says, read without laying it out: its text and the type
size of every run, through the styles it inherits.

A DOCX given to ``verify`` is a stranger's file, read as untrusted input: it must be a zip of
at most ``limits.REFERENCE_DOCX_PARTS`` entries unpacking to at most
``limits.VERIFY_FILE_BYTES``, and each part read must be well-formed XML without a DTD (no
entity is expanded). A run's size is the first of: its own ``w:sz``, its character style's
(through ``basedOn``), its paragraph's style's (through ``basedOn``, the default paragraph
style when none is named), the document defaults, and Word's own default of 10 pt.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from policydraft.limits import REFERENCE_DOCX_PARTS, VERIFY_FILE_BYTES
from policydraft.wordml.styles import StyleSheet, half_points, superscript, w

_STORY = re.compile(r"word/(document|footnotes|endnotes|header\d*|footer\d*)\.xml")
_CHUNK = 1 << 16


class UnreadableDocx(Exception):
    """Why a file is not a Word document that can be read safely."""


@dataclass(frozen=True, slots=True)
class DocxRun:
    """One run of text: its part (word/document.xml...), effective size, style and rise."""

    part: str
    size: float
    style: str
    superscript: bool


@dataclass
class DocxContent:
    """A Word document's text (the body first, then notes, headers and footers) and runs."""

    text: str = ""
    runs: list[DocxRun] = field(default_factory=list)


def read_docx(path: Path) -> DocxContent:
    """Read the text and run sizes of ``path``; raise ``UnreadableDocx`` saying why not."""
    parts = _parts(path)
    if "word/document.xml" not in parts:
        raise UnreadableDocx("it is a zip without word/document.xml, not a Word document")
    styles = StyleSheet(parts.get("word/styles.xml"))
    content = DocxContent()
    texts = []
    for name in sorted(parts, key=lambda n: (n != "word/document.xml", n)):
        if _STORY.fullmatch(name):
            texts.append(_read_story(name, parts[name], styles, content.runs))
    content.text = "\n".join(texts)
    return content


def _parts(path: Path) -> dict[str, etree._Element]:
    """The XML parts we read, parsed safely, every entry unpacked and counted."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableDocx(f"it is not a readable zip ({exc})") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > REFERENCE_DOCX_PARTS.value:
            raise UnreadableDocx(f"it holds {len(infos):,} zip entries, more than Word writes")
        if any(info.flag_bits & 0x1 for info in infos):
            raise UnreadableDocx("its parts are encrypted")
        return dict(_read_parts(archive, infos))


def _read_parts(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]
) -> Iterator[tuple[str, etree._Element]]:
    total, limit = 0, VERIFY_FILE_BYTES.value
    for info in infos:
        wanted = info.filename == "word/styles.xml" or _STORY.fullmatch(info.filename)
        chunks: list[bytes] = []
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        raise UnreadableDocx(f"it unpacks to more than {limit:,} bytes")
                    if wanted:
                        chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise UnreadableDocx(f"its part {info.filename} cannot be unpacked ({exc})") from exc
        if wanted:
            yield info.filename, _parse(info.filename, b"".join(chunks))


def _parse(name: str, data: bytes) -> etree._Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnreadableDocx(f"its part {name} declares a DTD, which Word documents never do")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableDocx(f"its part {name} is not well-formed XML ({exc.msg})") from exc


def _read_story(name: str, root: etree._Element, styles: StyleSheet, runs: list[DocxRun]) -> str:
    """The part's paragraphs as lines of text; its runs' sizes appended to ``runs``."""
    lines = []
    for paragraph in root.iter(w("p")):
        named = _style_id(paragraph.find(w("pPr")), "pStyle")
        pstyle = styles.style(named) if named else styles.default_paragraph()
        line = []
        for run in paragraph.iter(w("r")):
            text = "".join(t.text or "" for t in run.iter(w("t")))
            line.append(text)
            if text.strip():
                runs.append(_run(name, run, pstyle, styles))
        lines.append("".join(line))
    return "\n".join(lines)


def _run(
    part: str, run: etree._Element, pstyle: etree._Element | None, styles: StyleSheet
) -> DocxRun:
    """A run's size: its own, else its character style's, else its paragraph style's (each
    through ``basedOn``), else the document's default."""
    rpr = run.find(w("rPr"))
    rstyle = styles.style(_style_id(rpr, "rStyle"))
    size = (
        half_points(rpr)
        or styles.chain_half_points(rstyle)
        or styles.chain_half_points(pstyle)
        or styles.default_half_points()
    )
    raised = superscript(rpr)
    if raised is None:
        raised = styles.superscript(rstyle) or styles.superscript(pstyle)
    named = rstyle if rstyle is not None else pstyle
    style = styles.name(named) if named is not None else "no style"
    return DocxRun(part, size / 2, style, raised)


def _style_id(props: etree._Element | None, tag: str) -> str | None:
    """The style id a ``w:pPr``'s ``w:pStyle`` or a ``w:rPr``'s ``w:rStyle`` names."""
    named = props.find(w(tag)) if props is not None else None
    return (named.get(w("val")) if named is not None else None) or None
