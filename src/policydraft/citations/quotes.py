"""Quotations checked against the local copies of their sources (PD521, PD522).

A misquotation in a public comment is an embarrassment a tool can prevent: when a source has
a local copy (``file:``), every quotation cited to it must be found in that copy. A
quotation is text in quotation marks immediately followed by a citation (``“...”[@key].``),
or a block quote whose last paragraph ends with a citation.

Quotations and copies are compared in :func:`~policydraft.citations.copies.normalise`'d
form. Legal quoting conventions are honoured: an ellipsis (``...``, ``…``, ``. . .``) or a
bracketed insertion standing alone (``[the Act]``) splits the quotation into parts that must
appear in order; a bracketed alteration inside a word (``[b]y``) is read without brackets;
``[sic]`` is ignored.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import accumulate
from pathlib import Path

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.copies import CopyError, CopyReader, CopyText, normalise
from policydraft.citations.passages import Flattened, iter_passages
from policydraft.citations.pins import check_pins, report_uncopied
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    BlockQuote,
    BulletList,
    Cite,
    Document,
    Inline,
    Node,
    OrderedList,
    Para,
    inner_blocks,
    iter_nodes,
)

# A closing mark at the end of the text before a Cite, maybe with punctuation after it.
_CLOSING = re.compile(r"([\"\u201d])[\s.,;:!?]*$")
_OPENING_FOR = {"\u201d": '\u201c"', '"': '"\u201c'}  # opening marks to look for, in turn
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:!?]*")
_SIC = re.compile(r"\[\s*sic\s*\]", re.IGNORECASE)
_IN_WORD_BRACKET = re.compile(r"(?<=\w)\[([^\[\]]*)\]|\[([^\[\]]*)\](?=\w)")
_GAP = re.compile(r"\.(?:\s*\.){2,}|\[[^\[\]]*\]")  # an ellipsis, or an insertion standing alone
_EDGE = re.compile(r"^[\s.,;:!?]+|[\s.,;:!?]+$")
SHOWN_QUOTE = 80  # characters of the quotation shown in a PD521 message
SHOWN_PASSAGE = 120  # characters of the closest passage shown
COMPARED_WORDS = 200  # words of a quotation compared character by character, at most


@dataclass(frozen=True, slots=True)
class Quotation:
    """Quoted words as written (without their quotation marks) and the citation after them."""

    text: str
    cite: Cite


def check_quotations(
    document: Document,
    bibliography: Bibliography,
    folder: Path,
    diags: Diagnostics,
    *,
    warn_uncopied: bool = True,
) -> None:
    """Report quotations missing from their sources' local copies, unusable copies, pins to
    sections and paragraphs a copy lacks (PD529) and, unless ``warn_uncopied`` is off,
    quotations no local copy can confirm (one PD528 for all).

    ``folder`` is the submission folder; a ``file:`` is looked up relative to it, then
    relative to its ``sources/`` folder. Every copy named is checked to exist; only copies
    something is quoted from are read (a 100-page PDF takes about half a second).
    """
    copies = _Copies(bibliography, folder, diags)
    for key in bibliography:
        copies.check_exists(key)
    uncopied: list[Quotation] = []
    for quotation in find_quotations(document.blocks):
        keys = [item.key for item in quotation.cite.items]
        if keys and all(key in bibliography and not copies.has_copy(key) for key in keys):
            uncopied.append(quotation)
        _check(quotation, copies, diags)
    if warn_uncopied:
        report_uncopied(uncopied, diags)
    check_pins(document.blocks, copies.text, diags)


def find_quotations(blocks: Iterable[Block]) -> Iterator[Quotation]:
    """Inline quotations in every paragraph and footnote, then cited block quotes."""
    blocks = tuple(blocks)
    for passage in iter_passages(blocks):
        previous = 0
        for offset, cite in passage.cites:
            quoted = _quoted_before(passage.text[previous:offset])
            if quoted is not None:
                yield Quotation(quoted, cite)
            previous = offset
    yield from _block_quotes(blocks)


def _quoted_before(text: str) -> str | None:
    """The quotation that ``text`` ends with, if it ends with one."""
    closing = _CLOSING.search(text)
    if closing is None:
        return None
    end = closing.start()
    for mark in _OPENING_FOR[closing.group(1)]:
        start = text.rfind(mark, 0, end)
        if start >= 0:
            quoted = text[start + 1 : end]
            return quoted if quoted.strip() else None
    return None


def _block_quotes(blocks: Iterable[Block]) -> Iterator[Quotation]:
    """Cited block quotes in the body's lists and quotes (not in notes or letter parts)."""
    for node in iter_nodes(blocks, _may_hold_quotes):
        if _ends_with_paragraph(node):
            quotation = _cited_block_quote(inner_blocks(node))
            if quotation is not None:
                yield quotation


def _may_hold_quotes(node: Node) -> bool:
    return isinstance(node, BulletList | OrderedList) or _ends_with_paragraph(node)


def _ends_with_paragraph(node: Node) -> bool:
    return isinstance(node, BlockQuote) and bool(node.blocks) and isinstance(node.blocks[-1], Para)


def _cited_block_quote(blocks: tuple[Block, ...]) -> Quotation | None:
    last = _flat(blocks[-1].inlines if isinstance(blocks[-1], Para) else ())
    if not last.cites:
        return None
    offset, cite = last.cites[-1]
    if not _ONLY_PUNCTUATION.fullmatch(last.text[offset:]):
        return None
    earlier = [_flat(block.inlines).text for block in blocks[:-1] if isinstance(block, Para)]
    return Quotation(" ".join([*earlier, last.text[:offset]]), cite)


def _flat(inlines: Iterable[Inline]) -> Flattened:
    flat = Flattened()
    flat.add(inlines)
    return flat


# --- comparing ----------------------------------------------------------------------------


def quotation_parts(quotation: str) -> list[str]:
    """The normalised pieces of a quotation that must appear, in order, in the source."""
    text = unicodedata.normalize("NFKC", quotation)  # "…" becomes "..."
    text = _SIC.sub(" ", text)
    text = _IN_WORD_BRACKET.sub(lambda m: m.group(1) or m.group(2) or "", text)
    parts = (_EDGE.sub("", normalise(piece)) for piece in _GAP.split(text))
    return [part for part in parts if part]


def is_quoted_in(parts: list[str], copy: CopyText) -> bool:
    """Whether every part appears in the copy, in order, as whole words."""
    position = 0
    for part in parts:
        found = _part_pattern(part).search(copy.folded, position)
        if found is None:
            return False
        position = found.end()
    return True


def _part_pattern(part: str) -> re.Pattern[str]:
    """A pattern for ``part`` as whole words, in which a hyphen between letters is optional.

    So "copyright" matches a copy's "copy-right" and "well-known" its "wellknown" (from
    "well-\nknown"), while "bright line" still does not match "bright-line".
    """
    pieces = [r"(?<!\w)" if part[0].isalnum() else ""]
    for i, char in enumerate(part):
        before, after = part[i - 1 : i], part[i + 1 : i + 2]
        if char == "-" and before.isalpha() and after.isalpha():
            continue
        pieces.append(re.escape(char))
        if char.isalpha() and (after.isalpha() or (after == "-" and part[i + 2 : i + 3].isalpha())):
            pieces.append("-?")
    pieces.append(r"(?!\w)" if part[-1].isalnum() else "")
    return re.compile("".join(pieces))


def closest_passage(parts: list[str], copy: CopyText) -> tuple[str, float]:
    """The copy's passage most like the quotation, and how alike they are (0 to 1).

    Windows as long as the quotation are ranked by how many of its words they hold (linear
    in the copy's length); only the best few are compared character by character. That
    comparison is quadratic in length, so a quotation longer than ``COMPARED_WORDS`` is
    compared by its first stretch of that many words missing from the copy.
    """
    wanted = _first_missing_stretch(parts, copy)
    words = copy.folded.split(" ")
    size = min(len(wanted.split(" ")), len(words))
    vocabulary = set(wanted.split(" "))
    hits = [0, *accumulate(1 if word in vocabulary else 0 for word in words)]
    starts = range(len(words) - size + 1)
    candidates = heapq.nlargest(24, starts, key=lambda s: hits[s + size] - hits[s])

    def similarity(start: int) -> float:
        window = " ".join(words[start : start + size])
        return SequenceMatcher(None, wanted, window, autojunk=False).ratio()

    best = max(candidates, key=similarity)
    window = words[best : best + size]
    differences = (first_difference(wanted.split(" "), window, context) for context in (4, 2, 0))
    fitting = [found for found in differences if found and len(found) <= SHOWN_PASSAGE]
    shown = (
        fitting[0] if fitting else _shorten(" ".join(copy.words[best : best + size]), SHOWN_PASSAGE)
    )
    return shown, similarity(best)


def _first_missing_stretch(parts: list[str], copy: CopyText) -> str:
    """The quotation's words, or for a long one its first stretch the copy lacks, in order.

    Stretches are searched from where the last one was found, so this reads the copy once.
    """
    words = " ".join(parts).split(" ")
    if len(words) <= COMPARED_WORDS:
        return " ".join(words)
    position = 0
    for start in range(0, len(words), COMPARED_WORDS):
        stretch = " ".join(words[start : start + COMPARED_WORDS])
        found = _part_pattern(stretch).search(copy.folded, position)
        if found is None:
            return stretch
        position = found.end()
    return " ".join(words[:COMPARED_WORDS])  # each stretch is there, not all in one run


def first_difference(quoted: list[str], copied: list[str], context: int = 4) -> str | None:
    """Where a near-miss quotation first departs from the copy, as a lawyer would look for it:
    “…of the [protected] work…” against “…of the [copyrighted] work…” (normalised words)."""
    matcher = SequenceMatcher(None, quoted, copied, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    # The copy's window is cut to the quotation's length, so its two ends may be misaligned
    # by a word; a difference inside the quotation is the one worth showing.
    inside = [op for op in changes if op[1] > 0 and op[2] < len(quoted)]
    if not (inside or changes):
        return None
    _, q1, q2, c1, c2 = (inside or changes)[0]
    return (
        f"“{_around(quoted, q1, q2, context)}” where the copy reads "
        f"“{_around(copied, c1, c2, context)}”"
    )


def _around(words: list[str], start: int, end: int, context: int) -> str:
    before = words[max(0, start - context) : start]
    after = words[end : end + context]
    changed = "[" + " ".join(words[start:end]) + "]" if end > start else "[…]"
    text = " ".join([*before, changed, *after])
    lead = "…" if start - context > 0 else ""
    tail = "…" if end + context < len(words) else ""
    return f"{lead}{text}{tail}"


def _reads(passage: str) -> str:
    """A first difference is shown as it is; a whole passage is quoted."""
    return f"differs at {passage}" if passage.startswith("“") else f"reads: “{passage}”"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- sources and their copies --------------------------------------------------------------


@dataclass
class _Copies:
    """The bibliography's local copies, each read once and each problem reported once."""

    bibliography: Bibliography
    folder: Path
    diags: Diagnostics
    reader: CopyReader = field(default_factory=CopyReader)
    reported: set[str] = field(default_factory=set)

    def path(self, written: str) -> Path:
        path = self.folder / written
        if not path.exists() and Path(written).parts[:1] != ("sources",):
            beside = self.folder / "sources" / written
            if beside.exists():
                return beside
        return path

    def check_exists(self, key: str) -> None:
        written = self.bibliography[key].source.file
        problem = self.reader.problem(self.folder, self.path(written)) if written else None
        if problem is not None:  # outside the submission folder (an error) or missing
            self._report(key, problem)

    def text(self, key: str) -> CopyText | None:
        """The copy's text; None when the source has no copy or it cannot be read."""
        located = self.bibliography.get(key)
        if located is None or not located.source.file or key in self.reported:
            return None
        try:
            return self.reader.read(self.path(located.source.file), self.folder)
        except CopyError as error:
            self._report(key, error)
            return None

    def has_copy(self, key: str) -> bool:
        located = self.bibliography.get(key)
        return located is not None and bool(located.source.file)

    def _report(self, key: str, error: CopyError) -> None:
        if key in self.reported:
            return
        self.reported.add(key)
        located = self.bibliography[key]
        message = f"the local copy '{located.source.file}' of source '{key}' {error}"
        self.diags.add(error.severity, "PD522", message, located.where)


def _check(quotation: Quotation, copies: _Copies, diags: Diagnostics) -> None:
    """PD521 unless some cited source's copy holds the quotation.

    When one of the cited sources has no copy, the quotation may come from that one, so a
    miss is only reported when every cited source has a readable copy.
    """
    keys = [item.key for item in quotation.cite.items]
    if not keys or not any(copies.has_copy(key) for key in keys):
        return
    parts = quotation_parts(quotation.text)
    texts = [copies.text(key) for key in keys]
    readable = [(key, text) for key, text in zip(keys, texts, strict=True) if text is not None]
    if not parts or any(is_quoted_in(parts, text) for _, text in readable):
        return
    if len(readable) < len(keys):
        return
    closest = [(closest_passage(parts, text), key) for key, text in readable]
    (passage, similarity), key = max(closest, key=lambda found: found[0][1])
    cite = quotation.cite
    where = Location(cite.file, max(cite.line, 1), max(cite.column, 1))
    diags.error(
        "PD521",
        f"quotation “{_shorten(quotation.text, SHOWN_QUOTE)}” is not in the local copy of "
        f"'{key}'; the closest passage ({similarity:.0%} alike) {_reads(passage)}",
        where,
    )
