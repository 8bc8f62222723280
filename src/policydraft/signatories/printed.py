"""The printed signers in their groups and order: the appendix before it has a format."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.order import order_signatories
from policydraft.signatories.select import PrintedSignatories
from policydraft.signatories.signatory import Signatory

OTHER = "Other"  # the heading of signers whose group column is empty


@dataclass(frozen=True)
class PrintedGroup:
    """One group of the appendix: its heading (None when not grouped), signers in order."""

    heading: str | None
    signers: tuple[Signatory, ...]


def grouped(
    signers: PrintedSignatories, config: SignatoriesConfig | None
) -> list[tuple[str | None, list[Signatory]]]:
    """Printed signers by ``group_by`` (groups in ``group_order``, then A-Z), unordered.

    Group names are compared ignoring case; the heading is ``group_order``'s spelling, else
    the first row's.
    Without ``group_by`` there is one group without a heading. Counting needs no order, so
    this is what the template's group counts use; ``printed_groups`` adds the order.
    Each distinct cell is folded once: a list has few groups and many signers.
    """
    config = config or SignatoriesConfig()
    if not config.group_by:
        return [(None, list(signers))]
    ranked = {name.casefold(): i for i, name in enumerate(config.group_order)}
    headings = {name.casefold(): name for name in config.group_order}
    cells = list(map(attrgetter(config.group_by), signers))
    groups: dict[object, str] = {}  # a cell -> its group, folded; cells in the list's order
    for cell in dict.fromkeys(cells):
        group = (cell if isinstance(cell, str) else "") or OTHER
        groups[cell] = group.casefold()
        headings.setdefault(group.casefold(), group)  # "writers" joins "Writers"
    by_group: dict[str, list[Signatory]] = {group: [] for group in groups.values()}
    if len(by_group) == 1:
        by_group = {group: list(signers) for group in by_group}
    else:
        for signer, group in zip(signers, map(groups.__getitem__, cells), strict=True):
            by_group[group].append(signer)
    names = sorted(by_group, key=lambda g: (ranked.get(g, len(ranked)), g == OTHER.casefold(), g))
    return [(headings[g], by_group[g]) for g in names]


def printed_groups(
    signers: PrintedSignatories, config: SignatoriesConfig | None
) -> list[PrintedGroup]:
    """Printed signers, grouped by ``group_by`` (in ``group_order``, then A-Z) and ordered."""
    sort = config.sort if config else "surname"
    return [
        PrintedGroup(heading, tuple(order_signatories(members, sort)))
        for heading, members in grouped(signers, config)
    ]
