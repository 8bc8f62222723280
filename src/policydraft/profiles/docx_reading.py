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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD_DEFAULT_SIZE = 10.0
"""The size Word gives text when no style or run sets one (``w:sz`` absent everywhere)."""

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
    styles = _Styles(parts.get("word/styles.xml"))
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


class _Styles:
    """A document's styles by id, each with its own size, superscript and ``basedOn``."""

    def __init__(self, root: etree._Element | None) -> None:
        self.default_size = WORD_DEFAULT_SIZE
        self.default_paragraph = ""
        self.names: dict[str, str] = {}
        self.sizes: dict[str, float | None] = {}
        self.raised: dict[str, bool | None] = {}
        self.based_on: dict[str, str] = {}
        if root is None:
            return
        size = _size(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        self.default_size = size if size is not None else WORD_DEFAULT_SIZE
        for style in root.iter(f"{W}style"):
            self._add(style)

    def _add(self, style: etree._Element) -> None:
        sid = style.get(f"{W}styleId") or ""
        name = style.find(f"{W}name")
        self.names[sid] = (name.get(f"{W}val") if name is not None else None) or sid
        rpr = style.find(f"{W}rPr")
        self.sizes[sid] = _size(rpr)
        self.raised[sid] = _superscript(rpr)
        based = style.find(f"{W}basedOn")
        if based is not None:
            self.based_on[sid] = based.get(f"{W}val") or ""
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
            self.default_paragraph = sid

    def chain(self, sid: str) -> Iterator[str]:
        """The style and those it is based on, nearest first (a loop is followed once)."""
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.names:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid, "")

    def size(self, sid: str) -> float | None:
        return next((s for i in self.chain(sid) if (s := self.sizes[i]) is not None), None)

    def superscript(self, sid: str) -> bool:
        return next((r for i in self.chain(sid) if (r := self.raised[i]) is not None), False)


def _size(rpr: etree._Element | None) -> float | None:
    """The size ``w:sz`` sets, in points (it counts half-points), if it sets a usable one."""
    sz = rpr.find(f"{W}sz") if rpr is not None else None
    value = sz.get(f"{W}val") if sz is not None else None
    if value is None or not value.isdigit() or len(value) > 5:
        return None
    return int(value) / 2


def _superscript(rpr: etree._Element | None) -> bool | None:
    align = rpr.find(f"{W}vertAlign") if rpr is not None else None
    return None if align is None else align.get(f"{W}val") == "superscript"


def _read_story(name: str, root: etree._Element, styles: _Styles, runs: list[DocxRun]) -> str:
    """The part's paragraphs as lines of text; its runs' sizes appended to ``runs``."""
    lines = []
    for paragraph in root.iter(f"{W}p"):
        style_el = paragraph.find(f"{W}pPr/{W}pStyle")
        pstyle = (style_el.get(f"{W}val") if style_el is not None else None) or ""
        pstyle = pstyle or styles.default_paragraph
        line = []
        for run in paragraph.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            line.append(text)
            if text.strip():
                runs.append(_run(name, run, pstyle, styles))
        lines.append("".join(line))
    return "\n".join(lines)


def _run(part: str, run: etree._Element, pstyle: str, styles: _Styles) -> DocxRun:
    rpr = run.find(f"{W}rPr")
    rstyle_el = rpr.find(f"{W}rStyle") if rpr is not None else None
    rstyle = (rstyle_el.get(f"{W}val") if rstyle_el is not None else None) or ""
    size = next(
        (found for found in (_size(rpr), styles.size(rstyle), styles.size(pstyle)) if found),
        styles.default_size,
    )
    raised = _superscript(rpr)
    if raised is None:
        raised = styles.superscript(rstyle) or styles.superscript(pstyle)
    style = styles.names.get(rstyle) or styles.names.get(pstyle) or "no style"
    return DocxRun(part, size, style, raised)
