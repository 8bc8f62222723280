"""Citations typed by hand into the prose (PD520).

A writer who types ``17 U.S.C. § 106`` into a sentence bypasses the bibliography: the cite is
neither formatted nor checked, and the footnotes lose count of it. eyecite finds such full
case and law citations; each is compared with the bibliography by (volume, reporter, page)
for cases and (title, code, section) for laws, so the warning can name the key to use.

eyecite takes about 0.25 s to import and about 1 ms per paragraph, so it is imported only
when some paragraph looks as if it could hold a citation, and called once per paragraph on
the paragraph's whole text (a case name in italics and its reporter cite are separate
``Text`` nodes, and only together are they a citation).

Locations are approximate: ``Text`` nodes carry no line, so a warning points at the nearest
``Cite`` written before it in the same paragraph (else the nearest after it), else at the
origin of the body the paragraph came from (``origins``), else at ``where``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.passages import Origins, iter_passages
from policydraft.citations.source import Case, FederalRegister, Regulation, Statute
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Document

if TYPE_CHECKING:
    from eyecite.models import CitationBase

# --- matching typed citations with the bibliography ----------------------------------------

# A full citation is a number, a capitalised abbreviation and another number ("510 U.S. 569",
# "17 U.S.C. § 107", "2025 WL 458520"), or a code's name and a section ("Cal. Civ. Code
# § 3344"). Only text of that shape pays for eyecite (its import alone costs ~0.2 s);
# "U.S. Const. art. I, § 8" or "section 107" do not.
_MAY_CITE = re.compile(
    r"\b\d+\s+(?:[A-Z][\w.'&]*\s*){1,6}(?:§+\s*)?\d"  # 510 U.S. 569, 17 U.S.C. § 107
    r"|(?:[A-Z][\w.'&]*\s+){1,6}§+\s*\d"  # Cal. Civ. Code § 3344
)
AuthorityKey = tuple[str, str, str, str]  # kind, volume or title, reporter or code, page/section


def _squash(abbreviation: str) -> str:
    """ "F. 3d", "F.3d" and "f3d" are one reporter; "U.S.C." and "USC" one code."""
    return re.sub(r"[\W_]+", "", abbreviation).casefold()


def _section(section: str) -> str:
    """A section without its sign or subsection: "§ 107(a)" -> "107"."""
    return re.split(r"[(\s]", section.replace("§", "").strip(), maxsplit=1)[0].casefold()


def _bibliography_keys(bibliography: Bibliography) -> dict[AuthorityKey, str]:
    keys: dict[AuthorityKey, str] = {}
    for key, located in bibliography.items():
        source = located.source
        if isinstance(source, Case):
            found = [("case", str(source.volume), _squash(source.reporter), str(source.page))]
        elif isinstance(source, Statute | Regulation):
            found = [("law", source.title.strip(), _squash(source.code), _section(source.section))]
        elif isinstance(source, FederalRegister):
            volume, page = str(source.volume), str(source.page)
            found = [("law", volume, "fedreg", page), ("law", volume, "fr", page)]
        else:
            continue
        for authority in found:
            keys.setdefault(authority, key)
    return keys


@dataclass(frozen=True, slots=True)
class TypedCitation:
    """A full citation eyecite found in a passage: as written, where, and its lookup keys."""

    written: str
    offset: int
    keys: tuple[AuthorityKey, ...]


def _typed(citation: CitationBase) -> TypedCitation | None:
    """The keys a full case or law citation may be filed under; None for other kinds."""
    from eyecite.models import FullCaseCitation, FullLawCitation

    if not isinstance(citation, FullCaseCitation | FullLawCitation):
        return None
    # eyecite's methods carry no annotations; these say what they return.
    corrected: Callable[[], str] = citation.corrected_reporter
    matched: Callable[[], str] = citation.matched_text
    span: Callable[[], tuple[int, int]] = citation.span
    groups = citation.groups
    keys: list[AuthorityKey] = []
    if isinstance(citation, FullCaseCitation):
        volume, page = groups.get("volume") or "", groups.get("page") or ""
        reporters = {groups.get("reporter") or "", corrected()}
        keys = [("case", volume, _squash(r), page) for r in reporters if volume and page]
    else:
        number = groups.get("title") or groups.get("chapter") or groups.get("volume") or ""
        section = _section(groups.get("section") or groups.get("page") or "")
        reporter, subject = groups.get("reporter") or "", groups.get("subject") or ""
        codes = {reporter, reporter + subject, corrected()}
        keys = [("law", number, _squash(code), section) for code in codes if code]
    return TypedCitation(" ".join(matched().split()), span()[0], tuple(sorted(keys)))


def check_prose_citations(
    document: Document,
    bibliography: Bibliography,
    diags: Diagnostics,
    where: Location,
    *,
    origins: Origins | None = None,
) -> None:
    """Warn (PD520) about every full case or law citation typed into the prose.

    ``where`` is the fallback location (the submission file); ``origins`` optionally maps each
    body's top-level blocks to the body's first line, for better locations.
    """
    passages = [p for p in iter_passages(document.blocks, origins) if _MAY_CITE.search(p.text)]
    if not passages:
        return  # eyecite is never imported
    from eyecite import get_citations

    known = _bibliography_keys(bibliography)
    for passage in passages:
        for found in get_citations(passage.text):
            typed = _typed(found)
            if typed is None or not typed.keys:
                continue
            source_id = next((known[key] for key in typed.keys if key in known), None)
            at = passage.locate(typed.offset, where)
            diags.warning("PD520", _message(typed.written, source_id), at)


def _message(written: str, source_id: str | None) -> str:
    if source_id is None:
        return (
            f"'{written}' is typed into the text and is not in the bibliography; add it to "
            "the sources and cite it with [@key] so it is formatted and checked"
        )
    return (
        f"'{written}' is typed into the text, but the bibliography has it as '{source_id}'; "
        f"cite it as [@{source_id}] instead"
    )
