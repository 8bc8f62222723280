"""``select_printed`` looks at whole columns and only then at the rows that need a look; here it
is compared with the rules applied one row at a time, as the module's docstring states them:
the same rows printed and left out, the same possible duplicates, the same diagnostics in the
same order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories import select
from policydraft.signatories.identity import Identity, identity
from policydraft.signatories.select import Exclusion, PossibleDuplicate, select_printed
from policydraft.signatories.signatory import Signatory, SignatoryList
from policydraft.signatories.signed import parse_signed

from .test_identity_keys import defined_similar_key

_EMAIL = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]+")
PRINTED = ("name", "title", "organization", "category", "location")


def _same(key: Identity) -> str:
    return "same e-mail address" if key[0] == "email" else "same name and organization"


def _before(signer: Signatory, other: Signatory) -> bool:
    mine = parse_signed(signer.signed) if signer.signed else None
    theirs = parse_signed(other.signed) if other.signed else None
    return mine is not None and (theirs is None or mine < theirs)


def rules_row_by_row(
    listing: SignatoryList, diags: Diagnostics
) -> tuple[list[Signatory], list[Exclusion], list[PossibleDuplicate]]:
    """Rules 1 to 5, each row in turn, without any short way."""
    excluded = [Exclusion(where, "", "nameless") for where in listing.nameless]
    excluded += [Exclusion(where, "", "unreadable") for where in listing.unreadable]
    eligible = []
    for signer in listing.signers:
        column = next((c for c in PRINTED if _EMAIL.search(getattr(signer, c))), None)
        if column is None:
            eligible.append(signer)
            continue
        name = "the name" if column == "name" else repr(signer.name)
        diags.warning(
            "PD411",
            f"the {column} column of {name} holds an e-mail address, which is never "
            "printed; the row is left out (move the address to the email column)",
            signer.where,
        )
        shown = "" if column == "name" else signer.name
        excluded.append(Exclusion(signer.where, shown, "email-in-print"))
    withdrew = {identity(s): s for s in eligible if s.withdrawn}
    rows: dict[Identity, list[Signatory]] = {}
    for signer in eligible:
        if signer.consent:
            rows.setdefault(identity(signer), []).append(signer)
    kept = {}
    for key, theirs in rows.items():
        best = theirs[0]
        for signer in theirs[1:]:
            if _before(signer, best):
                best = signer
        kept[key] = best
    printed = []
    for signer in eligible:
        key = identity(signer)
        if signer.withdrawn:
            excluded.append(Exclusion(signer.where, signer.name, "withdrawn"))
        elif not signer.consent:
            excluded.append(Exclusion(signer.where, signer.name, "unclear"))
        elif key in withdrew:
            other = withdrew[key].where
            diags.warning(
                "PD409",
                f"{signer.name!r} withdrew on line {other.line} ({_same(key)}); "
                "no row of theirs is printed",
                signer.where,
            )
            excluded.append(Exclusion(signer.where, signer.name, "withdrawn-elsewhere", other))
        elif kept[key] is not signer:
            other = kept[key].where
            earlier = " signed earlier" if other.line > signer.where.line else ""
            diags.warning(
                "PD407",
                f"{signer.name!r} is a duplicate of line {other.line} ({_same(key)}); "
                f"only line {other.line}{earlier} is printed",
                signer.where,
            )
            excluded.append(Exclusion(signer.where, signer.name, "duplicate", other))
        else:
            printed.append(signer)
    first: dict[str, Signatory] = {}
    possible = []
    for signer in printed:
        earlier = first.setdefault(defined_similar_key(signer.name), signer)
        if earlier is not signer:
            possible.append(PossibleDuplicate(earlier, signer))
            diags.note(
                "PD408",
                f"{signer.name!r} may be the same person as {earlier.name!r} on line "
                f"{earlier.where.line}; both are printed (delete a row if they are one person)",
                signer.where,
            )
    excluded.sort(key=lambda e: e.where.line)
    return printed, excluded, possible


# Small pools, so that rows share signers, names alike, addresses and withdrawals; cells
# with an address, with an "@" that is no address, and with neither.
names = st.sampled_from(
    [
        "Ada Lovelace",
        "ADA  lovelace",
        "Ａｄａ Lovelace",
        "Zoë Ávila",
        "Zoe Avila",
        "Grace",
        "grace",
        "Ødegaard",
        "Odegaard",
        "me@x.org",
        "@ada",
        "Ada\u00a0Lovelace",
    ]
)
emails = st.sampled_from(["", "anonymous", "a@x.org", " A@X.org", "b@x.org", "c@x.org"])
titles = st.sampled_from(["", "Writer", "see a@b.co", "@home"])
organizations = st.sampled_from(["", "Engines", "ENGINES", "x@y.org", "Looms"])
categories = st.sampled_from(["", "Writers", "a@b.cd"])
locations = st.sampled_from(["", "Paris", "@", "<a@b.c>"])
signed = st.sampled_from(
    ["", "2025-03-13 09:05", "2025-03-12", "2025-03-13T09:00:00-04:00", "garbage", "a@b.c"]
)
answers = st.sampled_from([(True, False), (False, False), (False, True), (True, True)])
rows = st.lists(
    st.tuples(names, emails, titles, organizations, categories, locations, signed, answers),
    max_size=14,
)


def _signer(line: int, cells: tuple) -> Signatory:
    name, email, title, organization, category, location, when, answer = cells
    return Signatory(
        name, Location("list.csv", line), title=title, organization=organization,
        category=category, location=location, signed=when, email=email,
        consent=answer[0], withdrawn=answer[1],
    )  # fmt: skip


def _listing(cells: list[tuple], nameless: int, unreadable: int) -> SignatoryList:
    signers = tuple(_signer(line, row) for line, row in enumerate(cells, start=2))
    end = len(cells) + 2
    return SignatoryList(
        "list.csv",
        signers,
        nameless=tuple(Location("list.csv", end + n) for n in range(nameless)),
        unreadable=tuple(Location("list.csv", end + nameless + n) for n in range(unreadable)),
    )


@settings(max_examples=400, deadline=None)
@given(
    cells=rows,
    nameless=st.integers(0, 2),
    unreadable=st.integers(0, 1),
    sort=st.sampled_from(["", "signed"]),
)
def test_selection_is_the_rules_row_by_row(
    cells: list[tuple], nameless: int, unreadable: int, sort: str
) -> None:
    listing = _listing(cells, nameless, unreadable)
    diags = Diagnostics()
    selection = select_printed(listing, diags, sort=sort)
    expected = Diagnostics()
    printed, excluded, possible = rules_row_by_row(listing, expected)
    assert list(selection.printed) == printed
    assert all(a is b for a, b in zip(selection.printed, printed, strict=True))
    assert list(selection.excluded) == excluded
    assert list(selection.possible_duplicates) == possible
    found = [d for d in diags.items if d.code in {"PD407", "PD408", "PD409", "PD411"}]
    assert found == expected.items


@pytest.mark.parametrize(
    ("cells", "printed", "codes"),
    [
        # nothing to look at: every row printed as it stands
        ([("Ada", "a@x.org", "", "", "", "", "", (True, False))] * 1, [2], []),
        # an "@" that is no address leaves the row in; an address leaves it out
        (
            [
                ("@ada", "", "", "", "", "", "", (True, False)),
                ("Grace", "", "see g@x.org", "", "", "", "", (True, False)),
            ],
            [2],
            [("PD411", 3)],
        ),
        # a withdrawal elsewhere, a duplicate signed earlier, an unclear answer
        (
            [
                ("Ada", "a@x.org", "", "", "", "", "", (True, False)),
                ("Ada L.", "A@x.org", "", "", "", "", "", (False, True)),
                ("Zoë", "z@x.org", "", "", "", "", "2025-03-13", (True, False)),
                ("Zoe", "Z@x.org ", "", "", "", "", "2025-03-12", (True, False)),
                ("Grace", "", "", "", "", "", "", (False, False)),
            ],
            [5],
            [("PD409", 2), ("PD407", 4)],
        ),
    ],
)
def test_rows_that_need_a_look(
    cells: list[tuple], printed: list[int], codes: list[tuple[str, int]]
) -> None:
    diags = Diagnostics()
    selection = select_printed(_listing(cells, 0, 0), diags)
    assert [s.where.line for s in selection.printed] == printed
    assert [(d.code, d.line) for d in diags.items if d.code != "PD413"] == codes


def test_a_list_with_nothing_to_look_at_is_printed_whole() -> None:
    cells = [
        (f"Signer {n}", f"s{n}@x.org", "Writer", "Engines", "", "", "", (True, False))
        for n in range(50)
    ]
    listing = _listing(cells, 0, 0)
    diags = Diagnostics()
    selection = select_printed(listing, diags)
    assert list(selection.printed) == list(listing.signers)
    assert (selection.excluded, selection.possible_duplicates, diags.items) == ((), (), [])


def test_the_hash_of_a_name_still_decides_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every name hashed alike: the signers are compared by their keys, as before."""
    cells = [
        (name, "", "", "", "", "", "", (True, False))
        for name in ["Zoë Ávila", "Ada", "Zoe Avila", "ADA", "Grace"]
    ]
    listing = _listing(cells, 0, 0)
    expected = Diagnostics()
    _, _, possible = rules_row_by_row(listing, expected)
    monkeypatch.setattr(select, "hash", lambda key: 0, raising=False)
    diags = Diagnostics()
    assert list(select_printed(listing, diags).possible_duplicates) == possible
    alike = [d for d in expected.items if d.code == "PD408"]
    assert alike and [d for d in diags.items if d.code == "PD408"] == alike
