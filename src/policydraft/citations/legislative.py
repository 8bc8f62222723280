"""Filters for the forms of constitutions, bills, hearings and treaties.

Their pins are subdivisions a reader finds by name ("art. I, § 8", "art. 32", "§ 2(b)")
or pages ("12"); the Bluebook prints a named subdivision as written and a page with "at".
The Congress of a bill or hearing is an ordinal in the Bluebook's spelling ("102d", "118th").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from policydraft.citations.csl_text import bluebook_edition
from policydraft.citations.filters import at, sections
from policydraft.templating.bounds import as_text

_SUBDIVISION = re.compile(
    r"^(?:arts?\.|amends?\.|pmbl\.|cls?\.|paras?\.|pts?\.|chs?\.|annex|§|¶)", re.IGNORECASE
)
_WHOLE_PROVISION = re.compile(r"^(?:arts?\.|amends?\.|pmbl\.)", re.IGNORECASE)


def congress(number: Any) -> str:
    """A Congress by number, as the Bluebook writes it: 118 -> "118th Cong.", 102 -> "102d"."""
    return f"{bluebook_edition(as_text(number).strip())} Cong."


def subdivision(pin: Any) -> str:
    """A pin after a name ("Vienna Convention art. 32", "*Id.* art. 32"): a named
    subdivision (art., amend., cl., §, ¶) as written; a page with "at" ("at 12")."""
    text = as_text(pin).strip()
    return text if _SUBDIVISION.match(text) else at(text)


def provision(value: Any, pin: Any = "") -> str:
    """The part of a constitution cited: the entry's provision with the citation's pin.

    A pin naming an article, amendment or the preamble replaces the provision
    (``[@us-const, amend. XIV, § 1]``); any other pin ("§ 8", "cl. 8") continues it:
    "art. I" + "§ 8, cl. 8" -> "art. I, § 8, cl. 8".
    """
    base, extra = as_text(value or "").strip(), as_text(pin or "").strip()
    if not extra:
        return base
    if not base or _WHOLE_PROVISION.match(extra):
        return extra
    return f"{base}, {extra}"


def bill_section(pin: Any) -> str:
    """A bill's pin is one of its sections: "2(b)" -> "§ 2(b)", "2-4" -> "§§ 2-4"."""
    text = as_text(pin).strip()
    return sections("", text) if text else ""


LEGISLATIVE_FILTERS: dict[str, Callable[..., Any]] = {
    "congress": congress,
    "subdivision": subdivision,
    "provision": provision,
    "bill_section": bill_section,
}
"""The filters the constitution, bill, hearing and treaty templates use, by name."""
