"""Which signers are printed, in which groups and order: the appendix before it has a format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from policydraft.schema.submission import SignatoriesConfig
from policydraft.signatories.model import Signatory
from policydraft.signatories.order import order_signatories


@dataclass(frozen=True)
class PrintedGroup:
    heading: str | None
    signers: tuple[Signatory, ...]


def printed_groups(
    signers: Sequence[Signatory], config: SignatoriesConfig | None
) -> list[PrintedGroup]:
    """Consenting signers, grouped by ``group_by`` (in ``group_order``, then A-Z) and ordered."""
    config = config or SignatoriesConfig()
    consenting = [s for s in signers if s.consent]
    if not config.group_by:
        return [PrintedGroup(None, tuple(order_signatories(consenting, config.sort)))]
    by_group: dict[str, list[Signatory]] = {}
    for signer in consenting:
        by_group.setdefault(_group_value(signer, config.group_by), []).append(signer)
    ranked = {name: i for i, name in enumerate(config.group_order)}
    names = sorted(by_group, key=lambda g: (ranked.get(g, len(ranked)), g.casefold()))
    return [
        PrintedGroup(g or "Other", tuple(order_signatories(by_group[g], config.sort)))
        for g in names
    ]


def _group_value(signer: Signatory, column: str) -> str:
    value = getattr(signer, column, "")
    return value if isinstance(value, str) else ""
