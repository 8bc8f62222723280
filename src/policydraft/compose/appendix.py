"""Signers -> the model's ``Appendix`` block and what templates see of the signers.

The appendix heading shows the count, the ``note`` is printed under it, then the groups.
Templates get a ``SignatoriesView``: the count, the count of each group, and ``more_than``
for prose like "signed by more than 420 artists" that stays true as the list grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import ClassVar

from policydraft.model import Appendix, Emph, Para, SignatoryEntry, SignatoryGroup, Text
from policydraft.signatories.columns import AFFILIATION_COLUMNS
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.printed import grouped, printed_groups
from policydraft.signatories.select import PrintedSignatories
from policydraft.signatories.signatory import Signatory
from policydraft.templating.templates import Markdown


def build_appendix(signers: PrintedSignatories, config: SignatoriesConfig | None) -> Appendix:
    groups = tuple(
        SignatoryGroup(group.heading, entries(group.signers))
        for group in printed_groups(signers, config)
    )
    count = sum(len(g.entries) for g in groups)
    title = config.heading if config and config.heading else "Signatories"
    intro = []
    if config and config.note:
        intro.append(Para((Emph((Text(config.note),)),)))
    return Appendix(heading=(Text(f"{title} ({count:,})"),), intro=tuple(intro), groups=groups)


_NAME = attrgetter("name")
_AFFILIATION_CELLS = attrgetter(*AFFILIATION_COLUMNS)  # two or more: a tuple of the cells


def entries(signers: Iterable[Signatory]) -> tuple[SignatoryEntry, ...]:
    """Each signer's entry: the name, and ``Signatory.affiliation`` as it is printed.

    Built as maps of C functions rather than a Python loop calling the ``affiliation``
    property, which costs more than the entry itself at 100,000 signers; signers share
    titles and organizations, so each distinct affiliation is joined once (``_Affiliations``).
    """
    signers = signers if isinstance(signers, tuple | list) else tuple(signers)
    affiliations = map(_Affiliations().__getitem__, map(_AFFILIATION_CELLS, signers))
    return tuple(map(SignatoryEntry, map(_NAME, signers), affiliations))


class _Affiliations(dict[tuple[str, ...], str]):
    """The affiliation line of each distinct set of cells, joined when first asked for.

    Looked up through ``__getitem__`` from C, so a line seen before costs no Python call.
    Emptied when it grows large: a list whose every affiliation differs keeps no table as
    long as itself.
    """

    def __missing__(self, cells: tuple[str, ...]) -> str:
        if len(self) >= _AFFILIATIONS_KEPT:
            self.clear()
        line = self[cells] = ", ".join(filter(None, cells))
        return line


_AFFILIATIONS_KEPT = 4096


@dataclass(frozen=True)
class GroupCount:
    """One appendix group as templates see it: ``{{ group.heading }} ({{ group.count }})``."""

    heading: str
    count: int


@dataclass(frozen=True)
class SignatoriesView:
    """What a template sees of the signers (docs/templates.md and docs/signatories.md)."""

    template_helpers: ClassVar[tuple[str, ...]] = ("more_than",)
    """Methods templates may call; ``templating.plain`` hands them over as helpers."""

    count: int
    note: str | None
    appendix: Markdown
    groups: tuple[GroupCount, ...] = ()

    def more_than(self, step: int | None = None) -> str:
        """ "more than 420" for 423 signers: the count rounded down, always strictly below.

        ``step`` is the round number to round down to (``more_than(100)`` gives "more than
        400"); by default two significant digits. Below 11 signers it is the count itself.
        """
        return more_than(self.count, step)


def signatories_view(
    signers: PrintedSignatories, config: SignatoriesConfig | None, appendix: Markdown
) -> SignatoriesView:
    groups = tuple(
        GroupCount(heading, len(members))
        for heading, members in grouped(signers, config)
        if heading is not None
    )
    return SignatoriesView(len(signers), config.note if config else None, appendix, groups)


def more_than(count: int, step: int | None = None) -> str:
    if step is None:
        step = max(10, 10 ** (len(str(count)) - 2))
    if step < 1 or count <= step:
        return f"{count:,}"
    return f"more than {(count - 1) // step * step:,}"
