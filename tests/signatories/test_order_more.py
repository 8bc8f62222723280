"""Sorting beyond the basics: the fast surname path agrees with nameparser, groups, signed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories import surnames
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.order import collation_key, order_signatories
from policydraft.signatories.printed import printed_groups
from policydraft.signatories.select import select_printed
from policydraft.signatories.signatory import Signatory, SignatoryList

HERE = Location("list.csv", 2, 1)

GIVEN = ["Ana", "Jürgen", "Zoë", "Mary-Kate", "Łukasz", "Νίκος", "Вера", "Siobhán", "Bo", "Dean"]
MIDDLE = ["", "E.", "A.", "Maria", "José", "ann", "I.", "V."]
PARTICLES = [
    "",
    "de",
    "de la",
    "van der",
    "von",
    "del",
    "da",
    "dos",
    "ter",
    "Van",
    "De",
    "St",
    "le",
]
SURNAMES = ["Río", "Berg", "Hoffmann", "Ødegaard", "O'Brien", "D'Amato", "Smith-Jones", "Ткаченко",
            "King", "Souza Santos", "Nguyễn", "Major"]  # fmt: skip
SUFFIXES = ["", "Jr.", "Sr", "III", "IV", "V", "PhD", "Esq."]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(GIVEN),
    st.sampled_from(MIDDLE),
    st.sampled_from(PARTICLES),
    st.sampled_from(SURNAMES),
    st.sampled_from(SUFFIXES),
)
def test_fast_path_agrees_with_nameparser(
    first: str, middle: str, particle: str, surname: str, suffix: str
) -> None:
    name = " ".join(p for p in (first, middle, particle, surname, suffix) if p)
    fast = surnames._fast_parts(name.split()) if surnames._PLAIN.fullmatch(name) else None
    if fast is not None:
        assert fast == surnames._parsed_parts(name)


CASELESS_WORDS = [
    "דוד", "בן-שחר", "מרים", "ליה", "ليلى", "عبد", "الله", "حداد", "प्रिया", "क्षितिज",
    "श्रीवास्तव", "অমিত", "চক্রবর্তী", "கார்த்திக்", "சுப்பிரமணியன்", "สมชาย", "ใจดี", "Jr.", "E.",
    "van",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CASELESS_WORDS), min_size=2, max_size=4))
def test_fast_path_agrees_with_nameparser_in_caseless_scripts(words: list[str]) -> None:
    """Hebrew, Arabic, Indic and Thai names take the fast path (nameparser costs ~0.7 ms a
    name) and file as nameparser files them, Latin initials, suffixes and particles mixed in."""
    name = " ".join(words)
    assert surnames._PLAIN.fullmatch(name)
    fast = surnames._fast_parts(name.split())
    if fast is not None:
        assert fast == surnames._parsed_parts(name)


@pytest.mark.parametrize(
    "text",
    ["Ada Lovelace", "  two  spaces ", "", "Ørsted-Åse", "ﬀ ligature", "x\u0301 y", "ノート"],
)
def test_collation_key_is_pyucas(text: str) -> None:
    import pyuca

    assert collation_key(text) == tuple(pyuca.Collator().sort_key(text.casefold()))


def test_mixed_list_in_surname_order() -> None:
    names = [
        "Robert Hale Jr.", "Zendaya", "Penélope del Río", "Ingrid Ødegaard", "Zoë Ávila",
        "Anneke van der Berg", "Ludwig Von Hoffmann", "Amy Adams", "James Whitaker III",
        "Colin E. Barlow",
    ]  # fmt: skip
    signers = [Signatory(name=n, where=HERE) for n in names]
    assert [s.name for s in order_signatories(signers, "surname")] == [
        "Amy Adams", "Zoë Ávila", "Colin E. Barlow", "Anneke van der Berg", "Robert Hale Jr.",
        "Ingrid Ødegaard", "Penélope del Río", "Ludwig Von Hoffmann", "James Whitaker III",
        "Zendaya",
    ]  # fmt: skip


def test_groups_follow_group_order_then_alphabet_with_other_last() -> None:
    rows = [("Zed Young", "Writers"), ("Amy Adams", "Actors"), ("Bo Berg", ""),
            ("Cy Cole", "Directors"), ("Al Able", "writers")]  # fmt: skip
    signers = [Signatory(name=n, where=HERE, category=c) for n, c in rows]
    config = SignatoriesConfig(group_by="category", group_order=["Writers"])
    printed = select_printed(SignatoryList("list.csv", tuple(signers)), Diagnostics()).printed
    groups = printed_groups(printed, config)
    assert [(g.heading, [s.name for s in g.signers]) for g in groups] == [
        ("Writers", ["Al Able", "Zed Young"]),
        ("Actors", ["Amy Adams"]),
        ("Directors", ["Cy Cole"]),
        ("Other", ["Bo Berg"]),
    ]


def test_sort_signed_reads_common_formats() -> None:
    rows = [("Late", "2025-03-14T10:00:00-04:00"), ("Bad", "last week"), ("None", ""),
            ("US", "3/13/2025 9:05 PM"), ("Early", "Mar 1, 2025"),
            ("Zulu", "2025-03-14T13:30Z")]  # fmt: skip
    signers = [Signatory(name=n, where=HERE, signed=t) for n, t in rows]
    ordered = [s.name for s in order_signatories(signers, "signed")]
    assert ordered == ["Early", "US", "Zulu", "Late", "Bad", "None"]
