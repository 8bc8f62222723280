"""Citation syntax in Markdown bodies: pandoc's ``[see @key, 579 (holding ...); cf. @other]``.

Two steps, both pure functions so the reader and the tests share them: ``scan_citation``
decides, on the *source* text, whether a ``[...]`` is meant as a citation (so ``\\[@key]`` and
``[text](url)`` stay what they are), and ``parse_citation`` reads its items or says, in
words a legal writer understands, why it cannot.

A bracket is a citation attempt when an ``@`` (or ``-@``, pandoc's author suppression)
starts a word inside it (``foo@bar.com`` does not count) and it is not a link's text. Outside
brackets, an ``@key`` starting a word is pandoc's in-text citation, with an optional locator
in brackets after one space: ``@campbell [579]`` (``scan_in_text``). Every attempt becomes
either a ``Cite`` or a PD513: nothing that looks like a citation is printed silently as text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from policydraft.model import CiteItem

SIGNALS: tuple[str, ...] = (
    "e.g.,",
    "accord",
    "see",
    "see, e.g.,",
    "see also",
    "see also, e.g.,",
    "cf.",
    "cf., e.g.,",
    "compare",
    "contra",
    "but see",
    "but see, e.g.,",
    "but cf.",
    "see generally",
)
"""Bluebook's signals (rule 1.2), as written in a citation, lower case."""

_ATTEMPT = re.compile(r"(?<![^\s;\[])-?@")
_IN_TEXT_BEFORE = frozenset(" \t\n(")
"""What may stand right before an in-text ``@key``: a space, a line break or ``(``."""
_KEY = re.compile(r"@(?:\{([^{}\s]+)\}|(\w(?:[\w:.#$%&+?<>~/-]*\w)?))")
_PAGE_PREFIX = re.compile(r"^(?:pp?\.|at)\s+")
_BARE_COMMA = re.compile(r"\s*,\s*")


@dataclass(frozen=True, slots=True)
class CitationError:
    """Why a citation attempt cannot be read; the reader reports it as PD513."""

    message: str


def scan_citation(src: str, start: int, end: int) -> int | None:
    """The end (exclusive) of a citation starting at ``src[start] == "["``, or None.

    The closing bracket is found with brackets balanced and backslash escapes honoured.
    A bracket followed by ``(`` is a link's text and is left to the link rule.
    """
    close = _closing_bracket(src, start, end)
    if close is None:
        return None
    if close + 1 < end and src[close + 1] == "(":
        return None
    if _ATTEMPT.search(src, start + 1, close) is None:
        return None
    return close + 1


def _closing_bracket(src: str, start: int, end: int) -> int | None:
    depth = 0
    index = start
    while index < end:
        char = src[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def scan_in_text(src: str, start: int, end: int) -> int | None:
    """The end (exclusive) of an in-text citation at ``src[start] == "@"``, or None.

    The ``@`` must start a word (so ``name@example.com`` is an address, not a citation); a
    ``[locator]`` after one space belongs to it unless it is a citation, note or link itself.
    """
    if start > 0 and src[start - 1] not in _IN_TEXT_BEFORE:
        return None
    match = _KEY.match(src, start, end)
    if match is None:
        return None
    after = match.end()
    if not src.startswith(" [", after) or src.startswith(" [^", after):
        return after
    close = _closing_bracket(src, after + 1, end)
    if close is None or src.startswith("(", close + 1):
        return after
    return after if _ATTEMPT.search(src, after + 2, close) else close + 1


def parse_citation(written: str) -> tuple[CiteItem, ...] | CitationError:
    """The items of a citation as written: ``[see @a, 5; @b]`` or in-text ``@a [5]``."""
    if written.startswith("@"):
        return _parse_in_text(written)
    inner = written[1:-1] if written.startswith("[") and written.endswith("]") else written
    parts = _split_items(inner)
    if isinstance(parts, CitationError):
        return parts
    items: list[CiteItem] = []
    for number, part in enumerate(parts, start=1):
        item = _parse_item(part.strip())
        if isinstance(item, CitationError):
            where = f"item {number}: " if len(parts) > 1 else ""
            return CitationError(f"{where}{item.message}")
        items.append(item)
    return tuple(items)


def _split_items(inner: str) -> list[str] | CitationError:
    """Split on ``;`` outside parentheses, so a parenthetical may hold semicolons."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in inner:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    if depth:
        return CitationError("a parenthesis '(' is never closed")
    return parts


def _parse_in_text(written: str) -> tuple[CiteItem, ...] | CitationError:
    """``@campbell`` or ``@campbell [579]``: one item; the brackets hold its pin, as after
    the comma of a bracketed citation (``p.`` and ``at`` are dropped, a parenthetical kept)."""
    match = _KEY.match(written)
    if match is None:
        return CitationError(f"'{written}' names no source; write '@key', e.g. @campbell [579]")
    key = match.group(1) or match.group(2)
    locator = written[match.end() :].strip()
    if not locator:
        return (CiteItem(key=key),)
    inner = locator[1:-1].strip()
    if not inner:
        return CitationError("the brackets after the key are empty; write e.g. @campbell [579]")
    parts = _split_items(inner)
    if isinstance(parts, CitationError):
        return parts
    if len(parts) > 1:
        return CitationError("the brackets after the key hold one pin; cite more in [@a; @b]")
    rest = _pin_and_parenthetical(inner if inner.startswith(("(", ",")) else f", {inner}")
    if isinstance(rest, CitationError):
        return rest
    return (CiteItem(key=key, pin=rest[0], parenthetical=rest[1]),)


def _parse_item(text: str) -> CiteItem | CitationError:
    if not text:
        return CitationError("an empty item (a ';' with no '@key' after it)")
    match = _KEY.search(text)
    if match is None:
        return CitationError(f"'{text}' names no source; write '@key', e.g. [@campbell, 579]")
    prefix = text[: match.start()].strip()
    suppress_author = prefix.endswith("-") and text[match.start() - 1] == "-"
    prefix = prefix[:-1].strip() if suppress_author else prefix
    if "@" in prefix:
        return CitationError(f"'{prefix}' before the key is not a signal: '@' needs a key")
    signal = _signal(prefix)
    if isinstance(signal, CitationError):
        return signal
    key = match.group(1) or match.group(2)
    rest = _pin_and_parenthetical(text[match.end() :])
    if isinstance(rest, CitationError):
        return rest
    pin, parenthetical = rest
    return CiteItem(key, signal, pin, parenthetical, suppress_author=suppress_author)


def _signal(prefix: str) -> str | CitationError:
    if not prefix:
        return ""
    normal = " ".join(prefix.lower().split())
    for signal in SIGNALS:
        if normal in (signal, signal.rstrip(",")):
            return signal
    message = f"'{prefix}' is not a Bluebook signal"
    close = difflib.get_close_matches(normal, SIGNALS, n=1)
    if close:
        return CitationError(f"{message}; did you mean '{close[0]}'?")
    return CitationError(f"{message} (signals: {', '.join(SIGNALS)})")


def _pin_and_parenthetical(rest: str) -> tuple[str, str] | CitationError:
    """``, 579 (holding that ...)`` -> ("579", "holding that ..."); both are optional.

    Several parentheticals may follow (``(mem.) (unsigned, ...)``): they are kept as one
    text without the outer parentheses, "mem.) (unsigned, ...", which prints as written.
    """
    stripped = rest.strip()
    groups: list[str] = []
    end = len(stripped)
    opening = _parenthetical_start(stripped, end)
    while opening is not None:
        inner = stripped[opening + 1 : end - 1].strip()
        if not inner:
            return CitationError("the parenthetical '()' is empty")
        groups.append(inner)
        end = opening
        while end and stripped[end - 1].isspace():
            end -= 1
        opening = _parenthetical_start(stripped, end)
    parenthetical = ") (".join(reversed(groups))
    stripped = stripped[:end]
    if not stripped:
        return "", parenthetical
    if not stripped.startswith(","):
        return CitationError(
            f"'{stripped}' after the key: a pin cite follows a comma, e.g. [@campbell, 579]"
        )
    pin = _PAGE_PREFIX.sub("", stripped[1:].strip())
    if not pin:
        return CitationError("a comma after the key needs a pin cite, e.g. [@campbell, 579]")
    return pin, parenthetical


def _parenthetical_start(text: str, end: int) -> int | None:
    """Index of the ``(`` opening the parenthetical that ends ``text[:end]``, or None.

    It must open a word (``107(1)`` is a pin, ``579 (holding)`` a parenthetical); a bare
    ``(1)`` straight after the comma is a pin too.
    """
    opening = _matching_open(text, end)
    if opening is None or _BARE_COMMA.fullmatch(text, 0, opening):
        return None
    return opening if opening == 0 or text[opening - 1].isspace() else None


def _matching_open(text: str, end: int) -> int | None:
    """Index of the ``(`` matching the ``)`` at ``text[end - 1]``, or None."""
    if end == 0 or text[end - 1] != ")":
        return None
    depth = 0
    for index in range(end - 1, -1, -1):
        depth += (text[index] == ")") - (text[index] == "(")
        if depth == 0:
            return index
    return None
