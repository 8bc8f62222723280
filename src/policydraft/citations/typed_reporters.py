"""Citations typed into the prose to a reporter that does not exist (PD527).

eyecite (``prose.py``, PD520) finds typed citations of reporters and codes it knows; a cite to
"123 F.5th 456" or "12 U.S.C.A.X. 3" it passes over in silence, and the letter goes out with
it. Here any reporter-shaped text (a volume, an abbreviation with a period, a page) is looked
up in reporters-db's reporters, codes and journals with their variant spellings; an
abbreviation none of them knows is reported with the closest real one.

Text carries no line numbers, so the place is found again in the file the paragraph came
from: the occurrence of the same words nearest to the paragraph's nearest citation.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from policydraft.citations.passages import Passage, iter_passages
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block
from policydraft.readers.bounded import TooLarge, outside_folder, read_bounded

# A volume, one to five abbreviation words (at least one ending in a period), and a page:
# "123 F.5th 456", "12 U.S.C.A.X. 3", "45 Cal. App. 5th 12". "§" may stand before the page.
_WORD = r"(?:[A-Z][A-Za-z0-9'&.]*|\d+(?:st|nd|rd|th|d)\.?)"
_SHAPED = re.compile(
    rf"(?<![\w.§-])(?P<volume>\d{{1,5}})\s+(?P<abbreviation>{_WORD}(?:[ \t]{_WORD}){{0,4}})"
    r"\s+(?:§+\s*)?(?P<page>\d{1,6})(?![\w-])"
)
# Abbreviations that are words of a date or a document, not reporters: "12 Jan. 2024",
# "3 No. 4", "2 Fig. 5".
_NOT_REPORTERS = frozenset(
    [
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "no.",
        "nos.",
        "vol.",
        "vols.",
        "p.",
        "pp.",
        "fig.",
        "figs.",
        "tbl.",
        "ex.",
        "exs.",
        "id.",
        "ch.",
        "art.",
        "pt.",
        "sec.",
        "st.",
        "inc.",
        "co.",
        "cl.",
        "para.",
        "app.",
        "supp.",
        "a.m.",
        "p.m.",
    ]
)

# Federal sources a comment letter cites that reporters-db does not list.
ALSO_KNOWN = (
    "Cong. Rec.",
    "Op. O.L.C.",
    "Op. Att'y Gen.",
    "Comp. Gen.",
    "U.S.P.Q.",
    "U.S.P.Q.2d",
    "Daily Comp. Pres. Doc.",
    "Weekly Comp. Pres. Doc.",
    "Pub. Papers",
)


def squeeze(abbreviation: str) -> str:
    """An abbreviation without spaces, periods or case: "F. Supp. 2d" -> "fsupp2d"."""
    return re.sub(r"[\s.]+", "", abbreviation).casefold()


@functools.cache
def known_abbreviations() -> dict[str, str]:
    """Every abbreviation reporters-db knows (reporters, codes, journals, and their variant
    spellings), squeezed, mapped to its standard form."""
    from reporters_db import JOURNALS, LAWS, REPORTERS  # type: ignore[import-untyped]

    known: dict[str, str] = {squeeze(name): name for name in ALSO_KNOWN}
    for table in (REPORTERS, LAWS, JOURNALS):
        for standard, entries in table.items():
            known.setdefault(squeeze(standard), standard)
            for entry in entries:
                for edition in entry.get("editions", {}):
                    known.setdefault(squeeze(edition), edition)
                variations = entry.get("variations") or {}
                if isinstance(variations, list):  # codes and journals list their variants
                    variations = dict.fromkeys(variations, standard)
                for variant, target in variations.items():
                    known.setdefault(squeeze(variant), target)
    return known


def closest(abbreviation: str) -> str | None:
    """The real abbreviation nearest to ``abbreviation`` as typed, or None."""
    known = known_abbreviations()
    found = difflib.get_close_matches(squeeze(abbreviation), list(known), n=1, cutoff=0.6)
    return known[found[0]] if found else None


def unknown_reporters(text: str) -> Iterable[re.Match[str]]:
    """Reporter-shaped matches in ``text`` whose abbreviation reporters-db does not know."""
    for match in _SHAPED.finditer(text):
        abbreviation = match.group("abbreviation")
        if "." not in abbreviation or abbreviation.casefold() in _NOT_REPORTERS:
            continue
        if squeeze(abbreviation) not in known_abbreviations():
            yield match


def check_typed_reporters(
    blocks: Iterable[Block], diags: Diagnostics, where: Location, folder: Path | None = None
) -> None:
    """PD527 for each typed citation of a reporter reporters-db does not know."""
    passages = [passage for passage in iter_passages(blocks) if _SHAPED.search(passage.text)]
    lines = _SourceLines(folder)
    for passage in passages:
        for match in unknown_reporters(passage.text):
            written = " ".join(match.group(0).split())
            abbreviation = match.group("abbreviation")
            suggestion = closest(abbreviation)
            hint = f"; did you mean '{suggestion}'?" if suggestion else ""
            message = (
                f"'{written}' cites a reporter '{abbreviation}' that does not exist "
                f"(reporters-db knows no reporter, code or journal by that name){hint}"
            )
            diags.warning("PD527", message, lines.find(written, _near(passage, match, where)))


def _near(passage: Passage, match: re.Match[str], where: Location) -> Location:
    return passage.locate(match.start(), where)


class _SourceLines:
    """The submission's text files, read once each, to find where typed words stand."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.texts: dict[str, str | None] = {}

    def text(self, name: str) -> str | None:
        if self.folder is None or not name:
            return None
        if name not in self.texts:
            self.texts[name] = None
            if outside_folder(self.folder, name) is None:
                try:
                    data = read_bounded(self.folder / name)
                except OSError:
                    data = b""
                if not isinstance(data, TooLarge):
                    self.texts[name] = data.decode("utf-8", errors="replace")
        return self.texts[name]

    def find(self, written: str, near: Location) -> Location:
        """Where ``written`` occurs in ``near``'s file nearest to its line; else ``near``."""
        text = self.text(near.file)
        if text is None:
            return near
        pattern = r"\s+".join(map(re.escape, written.split()))
        best: Location | None = None
        for found in re.finditer(pattern, text):
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            here = Location(near.file, line, column)
            if best is None or abs(line - near.line) < abs(best.line - near.line):
                best = here
        return best or near
