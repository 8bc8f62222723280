"""The kinds of error the gold table found, each fixed in general and tested as a table.

Expected strings are the Indigo Book's (2d ed., 2023 revision; see gold/README.md), rule
named on each row; rows marked "ours" state a consequence of that rule the reference gives
no example of.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policydraft.citations.filters import after_title, sections
from policydraft.citations.parentheticals import split, weight_first
from policydraft.citations.secondary import surname
from policydraft.citations.sources_file import load_bibliography
from policydraft.diagnostics import Diagnostics, Location
from policydraft.readers.markdown_citations import CitationError, parse_citation
from tests.citations.test_gold import _sources_yaml, footnotes

# --- several parentheticals, weight of authority first ----------------------------------

PARSED = [
    # Indigo Book R13.1: "(mem.) (unsigned, on application for injunctive relief)"
    ("[@wwh (mem.) (unsigned, on application)]", "", "mem.) (unsigned, on application"),
    ("[@beam, 349 (7–2 decision) (disagreeing)]", "349", "7–2 decision) (disagreeing"),
    ("@higgs [647 (mem.) (x)]", "647", "mem.) (x"),
    # ours: a subsection pin and a parenthetical holding parentheses stay what they are
    ("[@act, 107(1) (holding that (a) applies)]", "107(1)", "holding that (a) applies"),
    ("[@act, (1)]", "(1)", ""),
]


@pytest.mark.parametrize(("written", "pin", "parenthetical"), PARSED)
def test_several_parentheticals_are_read(written: str, pin: str, parenthetical: str) -> None:
    (item,) = parse_citation(written)  # type: ignore[misc]
    assert (item.pin, item.parenthetical) == (pin, parenthetical)


BAD_PARENTHETICALS = [
    ("[@a (mem.) ()]", "is empty"),
    ("[@a () (mem.)]", "is empty"),
    ("[@a mem. (x)]", "a pin cite follows a comma"),
    ("[@a, 5 (mem.", "never closed"),
]


@pytest.mark.parametrize(("written", "message"), BAD_PARENTHETICALS)
def test_a_broken_parenthetical_is_an_error(written: str, message: str) -> None:
    error = parse_citation(written)
    assert isinstance(error, CitationError) and message in error.message


ORDERED = [
    ("mem.) (unsigned, on application", ("mem.",), ("unsigned, on application",)),
    ("7–2 decision) (disagreeing", ("7–2 decision",), ("disagreeing",)),
    ("holding (a) that", (), ("holding (a) that",)),
    ("unpublished table decision", ("unpublished table decision",), ()),
    ("explaining) (per curiam", ("per curiam",), ("explaining",)),
    ("a) b (c", (), ("a) b (c",)),  # not several parentheticals: kept as written
]


@pytest.mark.parametrize(("written", "weight", "explanatory"), ORDERED)
def test_weight_of_authority_comes_first(
    written: str, weight: tuple[str, ...], explanatory: tuple[str, ...]
) -> None:
    assert weight_first(written) == (weight, explanatory)
    assert len(split(written)) == len(weight) + len(explanatory)


# --- sections, "at" after a numeral, supra names ------------------------------------------

SECTIONS = [
    ("3681-82", "§§ 3681-82"),  # Indigo Book R5.2.3: 18 U.S.C. §§ 3681-82
    ("1201-05", "§§ 1201-05"),  # ours: the same shortened range
    ("2000e-2", "§ 2000e-2"),  # one section whose number holds a dash
    ("1.61-1", "§ 1.61-1"),
    ("78j-1", "§ 78j-1"),
]


@pytest.mark.parametrize(("section", "expected"), SECTIONS)
def test_a_shortened_range_takes_two_signs(section: str, expected: str) -> None:
    assert sections(section) == expected


AFTER_TITLE = [
    ("12", "1984", ", at 12"),  # Indigo Book R5.1.1: George Orwell, *1984*, at 12 (1961)
    ("32", "Beyond Freedom and Dignity", " 32"),  # R29.2: *Beyond Freedom and Dignity* 32
    ("§ 12.01", "Nimmer on Copyright", " § 12.01"),  # R29.2
    ("§ 3", "Report 2", " § 3"),  # ours: no "at" before §
    ("at 12", "1984", ", at 12"),  # ours: the user's "at" is not doubled
    ("", "1984", ""),
]


@pytest.mark.parametrize(("pin", "title", "expected"), AFTER_TITLE)
def test_a_pin_after_a_numeral_takes_at(pin: str, title: str, expected: str) -> None:
    assert after_title(pin, title) == expected


SURNAMES = [
    ("B.F. Skinner", True, "Skinner"),  # Indigo Book R29.2: Skinner, *supra*, at 21
    ("Graham C. Lilly et al.", False, "Lilly"),  # R29.2 (a book): Lilly, *supra*, at 90
    ("Roy F. Baumeister et al.", True, "Baumeister et al."),  # R31.2 (an article)
    ("Melville Nimmer & David Nimmer", False, "Nimmer & Nimmer"),  # R29.2
    ("J.-P. Sartre", True, "Sartre"),  # ours: initials with a hyphen
    ("OECD", True, "OECD"),  # an acronym is an institution, named whole
    ("A.B. C.D.", True, "A.B. C.D."),  # initials alone are no surname
]


@pytest.mark.parametrize(("author", "et_al", "expected"), SURNAMES)
def test_the_supra_name(author: str, et_al: bool, expected: str) -> None:
    assert surname(author, et_al) == expected


# --- through the real path -----------------------------------------------------------------

BEAM = {
    "id": "beam",
    "type": "case",
    "name": "Department of Revenue v. James B. Beam Distilling Co.",
    "volume": 377,
    "reporter": "U.S.",
    "page": 341,
    "year": 1964,
    "opinion": "Black, J., dissenting",
}
BEAM_FULL = "*Dep’t of Revenue v. James B. Beam Distilling Co.*, 377 U.S. 341, 349 (1964)"
HARRIS = {
    "id": "harris",
    "type": "case",
    "name": "Harris v. State",
    "volume": 887,
    "reporter": "S.W.2d",
    "page": 514,
    "year": 1994,
    "court": "Ark.",
}
LEONARD = {
    "id": "leonard",
    "type": "case",
    "name": "Leonard v. Pepsico, Inc.",
    "volume": 88,
    "reporter": "F. Supp. 2d",
    "page": 116,
    "year": 1999,
    "court": "S.D.N.Y.",
}
AFFIRMED = {
    "relation": "aff’d",
    "volume": 210,
    "reporter": "F.3d",
    "page": 88,
    "year": 2000,
    "court": "2d Cir.",
}
LETTERS = [
    pytest.param(  # Indigo Book R13.2: weight, opinion, then the explanatory parenthetical
        [BEAM],
        "[@beam, 349 (7–2 decision) (disagreeing with Justice Goldberg)]",
        f"{BEAM_FULL} (7–2 decision) (Black, J., dissenting) (disagreeing with Justice Goldberg).",
        id="weight-opinion-explanation",
    ),
    pytest.param(  # ours: written in the other order, printed in the rule's
        [BEAM],
        "[@beam, 349 (disagreeing) (7–2 decision)]",
        f"{BEAM_FULL} (7–2 decision) (Black, J., dissenting) (disagreeing).",
        id="weight-written-last",
    ),
    pytest.param(  # Indigo Book R13.1: *Harris v. State*, 887 S.W.2d 514 (Ark. 1994) (per curiam)
        [HARRIS],
        "[@harris (per curiam)]",
        "*Harris v. State*, 887 S.W.2d 514 (Ark. 1994) (per curiam).",
        id="weight-without-pin",
    ),
    pytest.param(  # Indigo Book R11.1: a history step's own (per curiam)
        [{**LEONARD, "history": [{**AFFIRMED, "per_curiam": True}]}],
        "[@leonard, 127]",
        "*Leonard v. Pepsico, Inc.*, 88 F. Supp. 2d 116, 127 (S.D.N.Y. 1999), "
        "*aff’d*, 210 F.3d 88 (2d Cir. 2000) (per curiam).",
        id="history-per-curiam",
    ),
    pytest.param(  # ours: the same with (en banc)
        [{**LEONARD, "history": [{**AFFIRMED, "en_banc": True}]}],
        "[@leonard]",
        "*Leonard v. Pepsico, Inc.*, 88 F. Supp. 2d 116 (S.D.N.Y. 1999), "
        "*aff’d*, 210 F.3d 88 (2d Cir. 2000) (en banc).",
        id="history-en-banc",
    ),
]


@pytest.mark.parametrize(("sources", "cite", "expected"), LETTERS)
def test_a_letter_prints_the_rule(
    sources: list[dict[str, Any]], cite: str, expected: str, tmp_path: Path
) -> None:
    row = {"sources": sources, "notes": [{"cite": cite}]}
    assert footnotes(row, tmp_path) == [expected]


def test_a_history_step_refuses_an_unknown_weight(tmp_path: Path) -> None:
    diags = Diagnostics()
    entry = {**LEONARD, "history": [{**AFFIRMED, "per_curiam": "maybe"}]}
    bibliography = load_bibliography(
        _sources_yaml([entry], tmp_path), diags, Location("policydraft.yaml", 1)
    )
    assert "leonard" not in bibliography
    assert any("per_curiam" in d.message for d in diags.items), diags.sorted()
