"""What changed between two versions, counted as a reviewer counts it: the blackline's first page.

Arguments and footnotes are counted from the comparison the blackline is drawn from
(``compare.Comparison``), so the page and the marks never disagree:

- **Arguments** are the comparison's sections opened by a first-level heading (the text
  before the first one and the appendix are not arguments), listed by heading: added,
  removed, moved (a heading in both, out of the order they share) and changed (paired, a
  word differing; a reworded heading half the same is one argument changed).
- **Footnotes** are the comparison's notes, paired by their references and what they cite:
  added, removed, or changed (a note moved with its argument is counted once).
- **Citations** are compared as citations, by source and pin (``@campbell, 579``), counted
  as written: a pin changed is one citation removed and one added, not a rewritten footnote.
- **Signatories** are matched as ``policydraft signatories diff`` matches them
  (``signatories.report.diff_lists``: by e-mail address, else by name): added, removed,
  and corrected (the same person with a printed column changed), listed by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from policydraft.model import Cite
from policydraft.pipeline import CheckedSubmission
from policydraft.redline.compare import Comparison, SectionEdit
from policydraft.signatories.report import diff_lists
from policydraft.signatories.select import NOBODY, PrintedSignatories


@dataclass(frozen=True)
class Summary:
    """The counts and lists of the blackline's summary page."""

    arguments_added: tuple[str, ...] = ()
    arguments_removed: tuple[str, ...] = ()
    arguments_moved: tuple[str, ...] = ()
    arguments_changed: tuple[str, ...] = ()
    notes_added: int = 0
    notes_removed: int = 0
    notes_changed: int = 0
    citations_added: tuple[str, ...] = ()
    citations_removed: tuple[str, ...] = ()
    signers_added: tuple[str, ...] = ()
    signers_removed: tuple[str, ...] = ()
    signers_corrected: tuple[str, ...] = ()

    @property
    def unchanged(self) -> bool:
        return self == Summary()


def summarize(old: CheckedSubmission, new: CheckedSubmission, compared: Comparison) -> Summary:
    """The summary of OLD -> NEW (both checked without errors), ``compared`` their texts."""
    sections = [s for s in compared.sections if is_argument(compared, s)]
    notes = [n.kind for n in compared.notes]
    cited_before, cited_after = citations(old.cites), citations(new.cites)
    signers = diff_lists(_signers(old.signers), _signers(new.signers))
    return Summary(
        arguments_added=_headings(sections, "added"),
        arguments_removed=_headings(sections, "removed"),
        arguments_moved=_headings(sections, "moved"),
        arguments_changed=_headings(sections, "changed"),
        notes_added=notes.count("added"),
        notes_removed=notes.count("removed"),
        notes_changed=notes.count("changed"),
        citations_added=_listed(cited_after - cited_before),
        citations_removed=_listed(cited_before - cited_after),
        signers_added=tuple(s["name"] for s in signers["added"]),
        signers_removed=tuple(s["name"] for s in signers["removed"]),
        signers_corrected=tuple(_corrected(c) for c in signers["changed"]),
    )


ARGUMENT = "Heading1"
"""The kind of block that opens an argument (``blackline_text.KINDS``)."""


def is_argument(compared: Comparison, section: SectionEdit) -> bool:
    """Whether the section is an argument: opened by a first-level heading."""
    if section.new is not None:
        return compared.new.blocks[section.new].kind == ARGUMENT
    return section.old is not None and compared.old.blocks[section.old].kind == ARGUMENT


def _headings(sections: Iterable[SectionEdit], kind: str) -> tuple[str, ...]:
    return tuple(" ".join(s.heading.split()) for s in sections if s.kind == kind)


def citations(cites: Iterable[Cite]) -> Counter[str]:
    """Every citation as written, by source and pin: ``@campbell, 579``."""
    return Counter(
        f"@{item.key}, {item.pin}" if item.pin else f"@{item.key}"
        for cite in cites
        for item in cite.items
    )


def _listed(counted: Counter[str]) -> tuple[str, ...]:
    return tuple(f"{c} ({n}\u00d7)" if n > 1 else c for c, n in sorted(counted.items()))


def _signers(signers: PrintedSignatories | None) -> PrintedSignatories:
    return signers if signers is not None else NOBODY


def _corrected(change: dict[str, object]) -> str:
    """A corrected signer: the name, and which printed columns changed."""
    columns = change.get("changes")
    what = ", ".join(str(c) for c in columns) if isinstance(columns, dict) else ""
    return f"{change['name']} ({what})" if what else str(change["name"])
