"""Signers -> the model's ``Appendix`` block: heading with the count, the note, the groups."""

from __future__ import annotations

from collections.abc import Sequence

from policydraft.model import Appendix, Emph, Para, SignatoryEntry, SignatoryGroup, Text
from policydraft.schema.submission import SignatoriesConfig
from policydraft.signatories.model import Signatory
from policydraft.signatories.printed import printed_groups


def build_appendix(signers: Sequence[Signatory], config: SignatoriesConfig | None) -> Appendix:
    groups = tuple(
        SignatoryGroup(
            group.heading, tuple(SignatoryEntry(s.name, s.affiliation) for s in group.signers)
        )
        for group in printed_groups(signers, config)
    )
    count = sum(len(g.entries) for g in groups)
    title = config.heading if config and config.heading else "Signatories"
    intro = []
    if config and config.note:
        intro.append(Para((Emph((Text(config.note),)),)))
    return Appendix(heading=(Text(f"{title} ({count:,})"),), intro=tuple(intro), groups=groups)
