"""The signatory appendix's entries, written as text while document.xml is deflated.

An open letter may carry a million names, so this is the writer's hot loop. Nothing after
the appendix reads or changes its entries except the last paragraph (a section break goes
into it, and it loses its gap), so that one is an element of the tree and all the others are
a ``streamed.Stretch``: at save time their XML is made from four paragraph templates, a few
thousand entries at a time, straight into the zip entry (``streamed.write_entry``); they are
never a tree. The text is what lxml would write for the same paragraphs, byte for byte: the
same elements and attributes, libxml2's escaping, and the runs ``scripts.split_script_runs``
makes for names in scripts Word must be told about (tests/writers/test_docx_appendix_stream.py
holds the text to the tree the writer built before). A tree that cannot defer them (see
``streamed.defer``) gets the same text parsed into elements.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import accumulate

from lxml import etree

from policydraft.model import SignatoryEntry, SignatoryGroup
from policydraft.writers.docx.oxml import W_NS, insert_before_any, needs_preserve, w, xml_text
from policydraft.writers.docx.scripts import Script, needs_script_runs, script_pieces
from policydraft.writers.docx.streamed import TextCounts, count_paragraphs, defer
from policydraft.writers.docx.styles import TWIPS, StyleIds

HEADING, NAME, LONE_NAME, AFFILIATION = range(4)
"""The kinds of paragraph in the list: a group's heading, a name followed by its
affiliation, a name alone (it carries the gap after an entry) and an affiliation."""


def add_entries(
    container: etree._Element,
    groups: tuple[SignatoryGroup, ...],
    styles: StyleIds,
    entry_gap: float,
) -> None:
    """Group headings, then each signer's name and (if any) affiliation, as paragraphs.

    The name style keeps with the next paragraph so a name never ends a column without its
    affiliation; a name with no affiliation turns that off, or the whole list would be
    chained into one unbreakable block, and takes the typography's ``entry_gap`` after it.
    """
    if not any(group.entries or group.heading is not None for group in groups):
        return
    entries = Entries(groups, styles, entry_gap)
    if entries.several() and not defer(container, entries):
        for chunk in entries.chunks("w"):
            append_xml(container, chunk)
    append_xml(container, entries.last("w"))
    if any(group.entries for group in groups):
        _end_without_gap(container[-1])


def append_xml(container: etree._Element, xml: str) -> None:
    """Append the paragraphs of ``xml`` (``w:`` elements) to ``container``.

    Every text is set, even an empty one: lxml writes ``<w:t></w:t>`` for it, as the text
    says, where an element without text would be ``<w:t/>``.
    """
    wrapper = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')
    for text in wrapper.iter(_W_T):
        if text.text is None:
            text.text = ""
    container.extend(list(wrapper))


_W_T = w("t")


class Entries:
    """The list's paragraphs as text: all but the last (a ``Stretch``), and the last."""

    def __init__(
        self, groups: tuple[SignatoryGroup, ...], styles: StyleIds, entry_gap: float
    ) -> None:
        self._groups = groups
        self._styles = (
            styles["Signatory Group"],
            styles["Signatory Name"],
            styles["Signatory Name"],
            styles["Signatory Affiliation"],
        )
        self._gap = str(round(entry_gap * TWIPS))
        self._counts: TextCounts | None = None
        self._size = (0, 0)  # paragraphs and characters, but the last

    def several(self) -> bool:
        """Whether there are paragraphs before the last."""
        return any(h is not None or entries or n is not None for h, entries, n in self._spans())

    def _spans(self) -> Iterator[tuple[str | None, Sequence[SignatoryEntry], str | None]]:
        """All paragraphs but the last, group by group: the heading (or None), the entries,
        and the name of the last entry when its affiliation is the last paragraph."""
        groups = self._groups
        last = max(
            (i for i, g in enumerate(groups) if g.entries or g.heading is not None), default=-1
        )
        for group in groups[:last]:
            yield group.heading, group.entries, None
        if last >= 0 and groups[last].entries:  # else its heading is the last paragraph
            group = groups[last]
            final = group.entries[-1]
            yield group.heading, group.entries[:-1], final.name if final.affiliation else None

    def chunks(self, w_prefix: str) -> Iterator[str]:
        """All paragraphs but the last, a few thousand entries to a chunk."""
        writer = _Writer(w_prefix, self._styles, self._gap)
        for heading, entries, name in self._spans():
            if heading is not None:
                yield writer.paragraph(HEADING, heading)
            for start in range(0, len(entries), _PER_CHUNK):
                yield writer.entries(entries[start : start + _PER_CHUNK])
            if name is not None:
                yield writer.paragraph(NAME, name)

    def last(self, w_prefix: str) -> str:
        """The last paragraph."""
        kind, text = _last(self._groups)
        return _Writer(w_prefix, self._styles, self._gap).paragraph(kind, text)

    def counts(self) -> TextCounts:
        """Words and characters of all paragraphs but the last, as Word counts them."""
        if self._counts is None:
            texts: list[str] = []
            affiliations: Counter[str] = Counter()  # a few hundred, each counted once
            for heading, entries, name in self._spans():
                texts.extend(text for text in (heading, name) if text is not None)
                texts.extend([entry.name for entry in entries])
                affiliations.update([entry.affiliation for entry in entries])
            del affiliations[""]
            counts = count_paragraphs(texts)
            for text, times in affiliations.items():
                counts += count_paragraphs([text]) * times
            self._counts = counts
            self._size = (
                len(texts) + affiliations.total(),
                sum(map(len, texts)) + sum(len(text) * n for text, n in affiliations.items()),
            )
        return self._counts

    def bound(self, w_prefix: str, precise: bool = False) -> int:
        """More than the size of their XML: each paragraph's opening and closing, each
        character escaped, and a run of its own for each character of an unusual text (of
        any text, unless ``precise``: that takes a pass over them)."""
        self.counts()
        paragraphs, characters = self._size
        unusual = self._unusual_characters() if precise else characters
        openings = [_opening(w_prefix, kind, self._styles[kind], self._gap) for kind in range(4)]
        around = 4 * max(len(opening) for opening in openings) + 8 * len(w_prefix) + 64
        run = 12 * len(w_prefix) + _MAX_RUN
        return paragraphs * around + characters * _MAX_ESCAPED + unusual * run

    def _unusual_characters(self) -> int:
        """The characters of the texts (all but the last) that need more than the template."""
        total = 0
        for heading, entries, name in self._spans():
            total += _unusual_characters([text for text in (heading, name) if text is not None])
            for start in range(0, len(entries), _PER_CHUNK):
                batch = entries[start : start + _PER_CHUNK]
                total += _unusual_characters([entry.name for entry in batch])
                total += _unusual_characters([entry.affiliation for entry in batch])
        return total


class _Writer:
    """Paragraphs of each kind as text, from templates; each affiliation made once."""

    def __init__(self, prefix: str, styles: tuple[str, ...], gap: str) -> None:
        self._prefix = prefix
        self._openings = [_opening(prefix, kind, styles[kind], gap) for kind in range(4)]
        self._plain = [f"{opening}<{prefix}:r><{prefix}:t>" for opening in self._openings]
        self._tail = f"</{prefix}:t></{prefix}:r></{prefix}:p>"
        self._affiliations: dict[str, str] = {}

    def paragraph(self, kind: int, text: str) -> str:
        """A paragraph of ``kind``: the template, unless ``text`` needs more (``_paragraph``)."""
        if "\0" in text or _UNUSUAL.search(text) or needs_preserve(text):
            return _paragraph(self._openings[kind], text, self._prefix)
        return self._plain[kind] + text + self._tail

    def affiliation(self, text: str) -> str:
        paragraph = self._affiliations.get(text)
        if paragraph is None:
            paragraph = self.paragraph(AFFILIATION, text)
            if len(self._affiliations) < _CACHED:
                self._affiliations[text] = paragraph
        return paragraph

    def entries(self, batch: Sequence[SignatoryEntry]) -> str:
        """Names and affiliations, each name from its template; then the few names that need
        more are made again (``_unusual``)."""
        affiliation, made = self.affiliation, self._affiliations.get
        named, lone, tail = self._plain[NAME], self._plain[LONE_NAME], self._tail
        paragraphs = [
            named + e.name + tail + (made(e.affiliation) or affiliation(e.affiliation))
            if e.affiliation
            else lone + e.name + tail
            for e in batch
        ]
        for index in sorted(_unusual([entry.name for entry in batch])):
            entry = batch[index]
            if entry.affiliation:
                paragraphs[index] = self.paragraph(NAME, entry.name) + affiliation(
                    entry.affiliation
                )
            else:
                paragraphs[index] = self.paragraph(LONE_NAME, entry.name)
        return "".join(paragraphs)


def _unusual(texts: list[str]) -> set[int]:
    """The indexes of the texts that need more than the template: their characters are
    searched all at once, joined by NUL (every text, if one holds a NUL itself)."""
    # ``needs_preserve``, inlined: this runs once a name
    found = {i for i, text in enumerate(texts) if text != text.strip() or "  " in text}
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:
        return set(range(len(texts)))
    matches = [match.start() for match in _UNUSUAL.finditer(joined)]
    if matches:
        ends = list(accumulate([len(text) + 1 for text in texts]))
        found.update(bisect_right(ends, start) for start in matches)
    return found


def _unusual_characters(texts: list[str]) -> int:
    """The characters of those ``texts`` that need more than the template."""
    return sum(len(texts[index]) for index in _unusual(texts))


def _last(groups: tuple[SignatoryGroup, ...]) -> tuple[int, str]:
    """The kind and text of the list's last paragraph (there is one)."""
    for group in reversed(groups):
        if group.entries:
            entry = group.entries[-1]
            if entry.affiliation:
                return AFFILIATION, entry.affiliation
            return LONE_NAME, entry.name
        if group.heading is not None:
            return HEADING, group.heading
    raise ValueError("a list without paragraphs has no last one")


_CACHED = 1 << 16  # distinct affiliations remembered
_PER_CHUNK = 4096  # entries
_MAX_ESCAPED = 5  # bytes of a character in UTF-8 (4) or escaped ("&amp;")
_MAX_RUN = 160  # bytes of a run with script properties around one character, but prefixes

# Texts that need more than the template: escaping, a character XML cannot hold, a script
# Word must be told about (``scripts``); spaces are ``needs_preserve``'s.
_UNUSUAL_CHARS = (
    "&<>\r\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
    "\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufefe\uff00-\uffef"
    "\U00020000-\U0003ffff"
)
_UNUSUAL = re.compile(f"[{_UNUSUAL_CHARS}]")  # and NUL, which texts are joined by here


def _opening(prefix: str, kind: int, style_id: str, gap: str) -> str:
    """``<w:p>`` and its properties, as lxml writes them for a paragraph of ``kind``."""
    style = f'<{prefix}:pStyle {prefix}:val="{escape_attribute(style_id)}"/>'
    if kind == LONE_NAME:
        style += f'<{prefix}:keepNext {prefix}:val="0"/><{prefix}:spacing {prefix}:after="{gap}"/>'
    return f"<{prefix}:p><{prefix}:pPr>{style}</{prefix}:pPr>"


def _paragraph(opening: str, text: str, prefix: str) -> str:
    """A paragraph: ``opening``, then ``text`` in one run, or a run per script in it."""
    if not needs_script_runs(text):
        return f"{opening}{_run(text, None, prefix)}</{prefix}:p>"
    runs = "".join(_run(piece, script, prefix) for piece, script in script_pieces(text))
    return f"{opening}{runs}</{prefix}:p>"


def _run(text: str, script: Script | None, prefix: str) -> str:
    """A run holding ``text``, with its script's properties (``scripts.add_script_properties``)."""
    properties = "" if script is None else _script_properties(script, prefix)
    space = ' xml:space="preserve"' if needs_preserve(text) else ""
    body = escape_text(xml_text(text))
    return f"<{prefix}:r>{properties}<{prefix}:t{space}>{body}</{prefix}:t></{prefix}:r>"


def _script_properties(script: Script, prefix: str) -> str:
    """``w:rPr`` for a run in ``script``: direction or complex script, then languages."""
    inside = ""
    if script.rtl:
        inside = f"<{prefix}:rtl/>"
    elif script.complex:
        inside = f"<{prefix}:cs/>"
    languages = ""
    if script.bidi_lang:
        languages += f' {prefix}:bidi="{escape_attribute(script.bidi_lang)}"'
    if script.east_asia_lang:
        languages += f' {prefix}:eastAsia="{escape_attribute(script.east_asia_lang)}"'
    if languages:
        inside += f"<{prefix}:lang{languages}/>"
    return f"<{prefix}:rPr>{inside}</{prefix}:rPr>" if inside else f"<{prefix}:rPr/>"


_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_TEXT_TABLE = str.maketrans(_TEXT_ESCAPES)
_ATTRIBUTE_TABLE = str.maketrans(_TEXT_ESCAPES | {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


def escape_text(text: str) -> str:
    """Element text as libxml2 writes it in UTF-8 (``>`` and carriage returns too)."""
    return text.translate(_TEXT_TABLE)


def escape_attribute(value: str) -> str:
    """An attribute's value as libxml2 writes it between double quotes."""
    return value.translate(_ATTRIBUTE_TABLE)


# What may follow ``w:spacing`` in a paragraph's properties (the schema's order).
_AFTER_SPACING = tuple(
    w(name)
    for name in (
        "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
        "pPrChange",
    )
)  # fmt: skip


def _end_without_gap(paragraph: etree._Element) -> None:
    """The list's last paragraph, with no ``entry_gap`` after it.

    The PDF's columns end at their last line; so must the DOCX's last column, or Word and
    LibreOffice count the gap in the balanced columns' height (a full last page would then
    push the paragraph after the columns onto a page of its own).
    """
    properties = paragraph[0]
    spacing = properties.find(w("spacing"))
    if spacing is None:
        spacing = properties.makeelement(w("spacing"))
        insert_before_any(properties, spacing, _AFTER_SPACING)
    spacing.set(w("after"), "0")
