"""Possible duplicates are found by the names' hashes, with the same answers as by the names."""

from __future__ import annotations

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories import select
from policydraft.signatories.signatory import Signatory


def _pairs(names: list[str]) -> list[tuple[int, int]]:
    signers = [Signatory(name, Location("list.csv", n + 2)) for n, name in enumerate(names)]
    found = select._possible_duplicates(signers, Diagnostics())
    return [(pair.first.where.line, pair.second.where.line) for pair in found]


NAMES = [
    ["Zoë Ávila", "Zoe Avila", "ZOE AVILA", "Ada Lovelace"],
    ["Ada Lovelace", "Grace Hopper", "ada  lovelace", "Grace Höpper", "Alan Turing"],
    ["Ødegaard", "Odegaard", "Ingrid", "ingrid", "INGRID"],
    ["One", "Two", "Three"],
    [],
]


@pytest.mark.parametrize("names", NAMES)
@pytest.mark.parametrize("hashed", [hash, lambda key: 0, lambda key: len(key) % 2])
def test_clashing_hashes_change_nothing(
    names: list[str], hashed: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _pairs(names)
    monkeypatch.setattr(select, "hash", hashed, raising=False)
    assert _pairs(names) == expected


def test_each_alike_name_is_paired_with_the_first_of_its_kind() -> None:
    assert _pairs(NAMES[0]) == [(2, 3), (2, 4)]
    assert _pairs(NAMES[2]) == [(2, 3), (4, 5), (4, 6)]
