"""Case reporters checked against reporters-db (Free Law Project's list of every US reporter).

A case's ``reporter`` must be a reporter edition that exists (PD505) and that was published
in the case's year (PD506): "F.4th" in 1990 or "F.2d" in 2010 is a mistyped cite. A known
variant spelling ("U. S.", "F.Supp.2d") is a warning that names the standard abbreviation.

reporters-db's table is read, and its index built, on the first lookup only
(``reporters_file``): commands that never look at a case do not pay for it.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from policydraft.citations.bibliography import LocatedSource
from policydraft.citations.reporters_file import reporters as reporter_table
from policydraft.citations.reporters_file import year
from policydraft.citations.source import Case
from policydraft.diagnostics import Diagnostics

YearRange = tuple[int | None, int | None]  # first and last year; None is open-ended

# Where reporters-db's years are wrong or out of date. F.3d closed with volume 999 in 2021,
# when F.4th began; F. Supp. ran until 1998 and F. Supp. 2d began then (reporters-db has
# 1988 for both, which would make every F. Supp. case of 1989-1998 an error).
CORRECTED_YEARS: dict[str, YearRange] = {
    "F.3d": (1993, 2021),
    "F. Supp.": (1932, 1998),
    "F. Supp. 2d": (1998, 2014),
}

# Spellings in use that reporters-db does not list as variants. The Indigo Book (R12.4.2)
# cites the Navajo Reporter as "Nav. R."; reporters-db knows it as "Navajo Rptr.", the
# Bluebook's form. A variant is printed as written, with a warning naming the standard form.
LOCAL_VARIANTS: dict[str, tuple[str, ...]] = {
    "Nav. R.": ("Navajo Rptr.",),
}


@dataclass(frozen=True)
class ReporterIndex:
    """reporters-db reshaped for lookups by what a user might type."""

    editions: dict[str, tuple[YearRange, ...]]  # standard abbreviation -> its years
    siblings: dict[str, tuple[str, ...]]  # edition -> the series it belongs to (F., F.2d, ...)
    variants: dict[str, tuple[str, ...]]  # variant spelling -> standard abbreviations
    squeezed: dict[str, tuple[str, ...]]  # spacing- and case-free form -> standard ones


@dataclass(frozen=True)
class Resolution:
    """What a written reporter is: known, a variant of known ones, or unknown."""

    kind: Literal["standard", "variant", "unknown"]
    candidates: tuple[str, ...]  # the standard abbreviations it may stand for


def squeeze(abbreviation: str) -> str:
    return re.sub(r"\s+", "", abbreviation).casefold()


@functools.cache
def reporter_index() -> ReporterIndex:
    """Built once per process, on first use."""
    editions: dict[str, list[YearRange]] = defaultdict(list)
    siblings: dict[str, set[str]] = defaultdict(set)
    variants: dict[str, set[str]] = defaultdict(set)
    for reporters in reporter_table().values():
        for reporter in reporters:
            series = tuple(reporter["editions"])
            for name, years in reporter["editions"].items():
                editions[name].append((year(years.get("start")), year(years.get("end"))))
                siblings[name].update(series)
            for variant, standard in reporter.get("variations", {}).items():
                variants[variant].add(standard)
    for variant, local in LOCAL_VARIANTS.items():
        variants[variant].update(local)
    squeezed: dict[str, set[str]] = defaultdict(set)
    for name in editions:
        squeezed[squeeze(name)].add(name)
    for variant, standards in variants.items():
        squeezed[squeeze(variant)].update(standards)
    for name, years in CORRECTED_YEARS.items():
        editions[name] = [years]
    return ReporterIndex(
        {name: tuple(ranges) for name, ranges in editions.items()},
        {name: tuple(sorted(series)) for name, series in siblings.items()},
        {variant: tuple(sorted(standards)) for variant, standards in variants.items()},
        {key: tuple(sorted(standards)) for key, standards in squeezed.items()},
    )


@functools.lru_cache(maxsize=4096)
def resolve(reporter: str) -> Resolution:
    """Look ``reporter`` up as written, as a variant, then without spaces and case."""
    index = reporter_index()
    written = reporter.strip()
    if written in index.editions:
        return Resolution("standard", (written,))
    for table, key in ((index.variants, written), (index.squeezed, squeeze(written))):
        standards = tuple(name for name in table.get(key, ()) if name in index.editions)
        if standards:
            return Resolution("variant", standards)
    close = difflib.get_close_matches(written, index.editions, n=3, cutoff=0.8)
    return Resolution("unknown", tuple(close))


def covers(years: Iterable[YearRange], year: int) -> bool:
    return any((start or year) <= year <= (end or year) for start, end in years)


def check_reporter(located: LocatedSource, diags: Diagnostics) -> None:
    """PD505 for a reporter reporters-db does not know, PD506 for one used outside its years."""
    case = located.source
    if not isinstance(case, Case):
        return
    where = located.at("reporter")
    resolution = resolve(case.reporter)
    if resolution.kind == "unknown":
        diags.error("PD505", _unknown_message(case, resolution.candidates), where)
        return
    index = reporter_index()
    in_print = [name for name in resolution.candidates if covers(index.editions[name], case.year)]
    if resolution.kind == "variant":
        best = in_print or list(resolution.candidates)
        message = (
            f"reporter '{case.reporter}' in source '{case.id}' is a variant spelling; "
            f"write {_either(best)} as the Bluebook does"
        )
        diags.warning("PD505", message, where)
    if not in_print:
        diags.error("PD506", _out_of_print_message(case, resolution.candidates), where)


def _unknown_message(case: Case, close: tuple[str, ...]) -> str:
    message = f"unknown reporter '{case.reporter}' in source '{case.id}'"
    if close:
        return f"{message}; did you mean {_either(close)}?"
    return f"{message}; reporters-db knows no reporter by that abbreviation (e.g. U.S., F.3d)"


def _out_of_print_message(case: Case, names: tuple[str, ...]) -> str:
    index = reporter_index()
    name = names[0]
    message = (
        f"reporter '{name}' in source '{case.id}' was published {_span(index.editions[name])}, "
        f"but the case is dated {case.year}"
    )
    series = {sibling for name in names for sibling in index.siblings.get(name, ())}
    fitting = sorted(edition for edition in series if covers(index.editions[edition], case.year))
    if fitting:
        return f"{message}; check the year, or the reporter ({_either(fitting)} covers it)"
    return f"{message}; check the year and the reporter"


def _span(years: tuple[YearRange, ...]) -> str:
    parts = [f"{start or '?'}–{end or 'today'}" for start, end in years]
    return "in " + " and ".join(parts)


def _either(names: Iterable[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
