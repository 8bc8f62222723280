"""The appendix's entries and groups, built from whole columns, against one signer at a time:
``Signatory.affiliation`` for each entry, and groups filled row by row."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.compose import appendix
from policydraft.compose.appendix import build_appendix, entries
from policydraft.diagnostics import Location
from policydraft.model import SignatoryEntry
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.printed import OTHER, grouped
from policydraft.signatories.select import PrintedSignatories
from policydraft.signatories.signatory import Signatory

cells = st.sampled_from(["", "Writer", "Engines", "Paris", " ", "ÉCRIVAIN", "a, b"])


def _signer(n: int, title: str, organization: str, place: str, category: str) -> Signatory:
    where = Location("list.csv", n + 2)
    return Signatory(
        f"Signer {n}", where, title=title, organization=organization, location=place,
        category=category,
    )  # fmt: skip


groups = st.sampled_from(["", "Writers", "writers", "WRITERS", "Actors", "Other", "other"])
signers = st.lists(
    st.builds(_signer, st.integers(0, 999), cells, cells, cells, groups), max_size=20
)


@settings(max_examples=300, deadline=None)
@given(listed=signers, kept=st.integers(1, 4))
def test_entries_are_each_signers_name_and_affiliation(listed: list[Signatory], kept: int) -> None:
    """Also with a table of affiliations so small that it is emptied as it goes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(appendix, "_AFFILIATIONS_KEPT", kept)
        built = entries(listed)
    assert built == tuple(SignatoryEntry(s.name, s.affiliation) for s in listed)
    assert entries(iter(listed)) == built


def grouped_row_by_row(
    listed: list[Signatory], config: SignatoriesConfig
) -> list[tuple[str | None, list[Signatory]]]:
    """Groups as the docstring of ``grouped`` defines them, filled one signer at a time."""
    if not config.group_by:
        return [(None, listed)]
    ranked = {name.casefold(): i for i, name in enumerate(config.group_order)}
    headings = {name.casefold(): name for name in config.group_order}
    by_group: dict[str, list[Signatory]] = {}
    for signer in listed:
        group = getattr(signer, config.group_by) or OTHER
        headings.setdefault(group.casefold(), group)
        by_group.setdefault(group.casefold(), []).append(signer)
    names = sorted(by_group, key=lambda g: (ranked.get(g, len(ranked)), g == "other", g))
    return [(headings[g], by_group[g]) for g in names]


@settings(max_examples=300, deadline=None)
@given(
    listed=signers,
    group_by=st.sampled_from([None, "category", "organization", "title", "location"]),
    group_order=st.lists(st.sampled_from(["writers", "Actors", "Directors", "OTHER"]), unique=True),
)
def test_groups_are_filled_as_row_by_row(
    listed: list[Signatory], group_by: str | None, group_order: list[str]
) -> None:
    config = SignatoriesConfig(group_by=group_by, group_order=group_order)
    assert grouped(PrintedSignatories(listed), config) == grouped_row_by_row(listed, config)


def test_a_single_group_keeps_every_signer_in_order() -> None:
    listed = [Signatory(f"S{n}", Location("l.csv", n), category="writers") for n in range(5)]
    config = SignatoriesConfig(group_by="category", group_order=["Writers"])
    assert grouped(PrintedSignatories(listed), config) == [("Writers", listed)]


def test_the_appendix_prints_each_affiliation_as_given() -> None:
    where = Location("l.csv", 2)
    listed = PrintedSignatories(
        [
            Signatory("Ada", where, title="Writer", organization="Engines", location="London"),
            Signatory("Grace", where, organization="Engines"),
            Signatory("Alan", where),
            Signatory("Zoë", where, title="Writer", location="Paris"),
        ]
    )
    built = build_appendix(listed, SignatoriesConfig(sort="as-listed"))
    assert [(e.name, e.affiliation) for e in built.groups[0].entries] == [
        ("Ada", "Writer, Engines, London"),
        ("Grace", "Engines"),
        ("Alan", ""),
        ("Zoë", "Writer, Paris"),
    ]
