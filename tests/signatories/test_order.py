"""Ordering by surname: particles, suffixes, accents, mononyms, CJK, sort_as."""

from __future__ import annotations

import pytest

from policydraft.diagnostics import Location
from policydraft.signatories.order import order_signatories, surname_and_given
from policydraft.signatories.signatory import Signatory

HERE = Location("list.csv", 2, 1)


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Penélope del Río", "Río"),
        ("Anneke van der Berg", "Berg"),
        ("Ludwig von Hoffmann", "Hoffmann"),
        ("Marie de la Cruz", "Cruz"),
        ("Robert Hale Jr.", "Hale"),
        ("James Whitaker III", "Whitaker"),
        ("Zendaya", "Zendaya"),
        ("Sean O'Brien", "O'Brien"),
        ("Αλέξης Παπαδόπουλος", "Παπαδόπουλος"),
        ("Дмитрий Соколов", "Соколов"),
        ("山田 太郎", "山田"),
        ("王小明", "王小明"),
        ("Mary-Kate Smith-Jones", "Smith-Jones"),
        ("Riley Fenn [they/them]", "Fenn"),
        ("Ann Lee (she/her)", "Lee"),
    ],
)
def test_surname(name: str, surname: str) -> None:
    assert surname_and_given(name)[0] == surname


def _names(names: list[str], sort: str = "surname", **extra: str) -> list[str]:
    signers = [Signatory(name=n, where=HERE, **extra) for n in names]
    return [s.name for s in order_signatories(signers, sort)]


def test_accents_sort_with_their_base_letter() -> None:
    names = ["Zoë Young", "Lars Ødegaard", "María Ávila", "Ben Baker", "Olga Olsen"]
    assert _names(names) == ["María Ávila", "Ben Baker", "Lars Ødegaard", "Olga Olsen", "Zoë Young"]


def test_particles_and_suffixes() -> None:
    names = ["Penélope del Río", "Robert Hale Jr.", "Anneke van der Berg", "Amy Adams", "Zendaya"]
    assert _names(names) == [
        "Amy Adams",
        "Anneke van der Berg",
        "Robert Hale Jr.",
        "Penélope del Río",
        "Zendaya",
    ]


def test_same_surname_sorts_by_given_name() -> None:
    assert _names(["Zed Smith", "Anna Smith"]) == ["Anna Smith", "Zed Smith"]


def test_sort_as_overrides() -> None:
    signers = [
        Signatory(name="Ludwig van Beethoven", where=HERE, sort_as="Beethoven"),
        Signatory(name="Johann Bach", where=HERE),
        Signatory(name="Carl Czerny", where=HERE),
    ]
    assert [s.name for s in order_signatories(signers, "surname")] == [
        "Johann Bach",
        "Ludwig van Beethoven",
        "Carl Czerny",
    ]


def test_given_and_as_listed_and_signed() -> None:
    assert _names(["Bob Adams", "Amy Zhu"], "given") == ["Amy Zhu", "Bob Adams"]
    assert _names(["Bob Adams", "Amy Zhu"], "as-listed") == ["Bob Adams", "Amy Zhu"]
    signers = [
        Signatory(name="Late", where=HERE, signed="2025-03-14T10:00"),
        Signatory(name="Unknown", where=HERE),
        Signatory(name="Early", where=HERE, signed="2025-03-01T09:00"),
    ]
    assert [s.name for s in order_signatories(signers, "signed")] == ["Early", "Late", "Unknown"]
