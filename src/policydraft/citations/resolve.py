"""Resolve citations: every ``Cite`` becomes Bluebook text, before any writer runs.

A citation in the body becomes a ``Note`` of its own, so it is numbered with the ``[^x]``
notes simply by standing where it was written. A citation inside a note is formatted in
that note's text, not nested. The walk is in document order, the order readers read the
footnotes in, which is what *Id.* and short forms are about (see ``history.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from policydraft.citations.authorities import fill_authorities
from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.format import CitationFormatter
from policydraft.citations.history import CitationHistory
from policydraft.citations.in_text import in_text_form, name_in_text, noun_citation, without_name
from policydraft.citations.markup import citation_inlines
from policydraft.citations.parentheticals import split, weight_first
from policydraft.citations.secondary import SECONDARY, hereinafter_names
from policydraft.citations.source import Source
from policydraft.citations.suggest import Budget, close_matches
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    Cite,
    CiteItem,
    Document,
    Emph,
    Inline,
    Note,
    Para,
    Text,
    inner_inlines,
    iter_nodes,
    kept,
    map_children,
    map_each,
    merge_text,
    plain_text,
)
from policydraft.submission.schema import CitationsConfig

NO_BIBLIOGRAPHY = "no bibliography: add sources: to policydraft.yaml"
_SENTENCE_END = (".", "?", "!")


def resolve_citations(
    document: Document,
    bibliography: Bibliography | None,
    diags: Diagnostics,
    *,
    folder: Path | None = None,
    used: Collection[str] = (),
    settings: CitationsConfig | None = None,
) -> Document:
    """The document without ``Cite``: notes in Bluebook form, problems as diagnostics.

    ``bibliography`` is None when the submission has no ``sources:`` (every citation is then
    PD501). ``folder`` is the submission's, for its own citation templates; ``used`` names
    sources used outside citations (``responding_to:``), which are not reported as uncited.
    ``settings`` is the submission's ``citations:`` (*supra* note numbers, five footnotes).
    """
    settings = settings or CitationsConfig()
    resolver = _Resolver(bibliography, diags, CitationFormatter(diags, folder), settings)
    resolver.hereinafter = _cited_again(document, resolver.hereinafter)
    blocks = resolver.blocks(document.blocks)
    if bibliography is not None:
        _report_uncited(bibliography, resolver.history.cited | set(used), diags)
    # the table of authorities lists what the notes cite (citations/authorities.py)
    return fill_authorities(
        replace(document, blocks=blocks), bibliography, resolver.formatter, diags
    )


def _cited_again(document: Document, names: dict[str, str]) -> dict[str, str]:
    """The hereinafter names of sources cited more than once: a name never used is noise."""
    if not names:
        return names
    counts = Counter(
        item.key
        for node in iter_nodes(document.blocks)
        if isinstance(node, Cite)
        for item in node.items
    )
    return {key: name for key, name in names.items() if counts[key] > 1}


def _report_uncited(bibliography: Bibliography, cited: set[str], diags: Diagnostics) -> None:
    for key, located in bibliography.items():
        if key not in cited:
            diags.warning("PD503", f"source '{key}' is never cited", located.where)


@dataclass
class KeySuggestions:
    """The closest of ``ids`` to each unknown key, once per key and within one ``Budget`` for
    the run: past it, unknown keys are reported without a suggestion (see ``suggest.py``)."""

    ids: tuple[str, ...]
    budget: Budget = field(default_factory=Budget)
    found: dict[str, str | None] = field(default_factory=dict)

    def closest(self, key: str) -> str | None:
        if key not in self.found:
            close = close_matches(key, self.ids, n=1, budget=self.budget)
            self.found[key] = close[0] if close else None
        return self.found[key]


@dataclass
class _Resolver:
    bibliography: Bibliography | None
    diags: Diagnostics
    formatter: CitationFormatter
    settings: CitationsConfig
    history: CitationHistory = field(init=False)
    suggestions: KeySuggestions = field(init=False)
    hereinafter: dict[str, str] = field(init=False)  # the "[hereinafter NAME]" of sources
    note_cites: list[str] = field(default_factory=list)  # the sources the open note cites

    def __post_init__(self) -> None:
        self.history = CitationHistory(five_footnotes=self.settings.five_footnotes)
        self.suggestions = KeySuggestions(tuple(self.bibliography or ()))
        located = (self.bibliography or {}).values()
        self.hereinafter = hereinafter_names(item.source for item in located)

    # --- the tree ------------------------------------------------------------------------

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return map_each(blocks, self.block)

    def block(self, block: Block) -> Block:
        return map_children(block, self.blocks, self.inlines)

    def inlines(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for index, inline in enumerate(inlines):
            match inline:
                case Cite() if self.history.open_notes:
                    out.extend(self.citation(inline, capitalise=_starts_sentence(out)))
                case Cite(in_text=True):
                    out.extend(self.in_text(inline))
                case Cite():
                    self.check_noun_use(inlines, index)
                    out.append(self.citation_note(inline))
                case Note():
                    out.append(self.note(inline))
                case Text(text) if _period_after_citation(inlines, index, out):
                    out.append(Text(text[1:]))  # "See [@a]." printing "id." keeps one period
                case _:
                    out.append(map_children(inline, self.blocks, self.inlines))
        return kept(merge_text(out), inlines)

    def note(self, note: Note) -> Note:
        self.history.begin_note()
        outer, self.note_cites = self.note_cites, []
        resolved = map_children(note, self.blocks, self.inlines)
        self.history.end_note()
        cites, self.note_cites = tuple(self.note_cites), outer
        return replace(resolved, cites=cites) if cites else resolved

    def citation_note(self, cite: Cite) -> Note:
        """A citation in the text: a note of its own that ends with one period."""
        self.history.begin_note()
        self.note_cites = []
        inlines = self.citation(cite, capitalise=True)
        self.history.end_note()
        if not _ends_with_period(inlines):
            inlines = [*inlines, Text(".")]
        return Note((Para(merge_text(inlines)),), tuple(self.note_cites))

    def in_text(self, cite: Cite) -> list[Inline]:
        """``@campbell [579]``: the name in the sentence, the citation in a note after it."""
        key = cite.items[0].key
        located = self.bibliography.get(key) if self.bibliography is not None else None
        if located is None:
            return self.unknown_in_text(cite)
        name = name_in_text(located.source, first=key not in self.history.cited)
        return [*name, self.citation_note(cite)]

    def unknown_in_text(self, cite: Cite) -> list[Inline]:
        """PD501 for ``@key`` in a sentence that names no source: it may be a handle or an
        address written without thinking of citations, so the message says how to write it."""
        key = cite.items[0].key
        where = Location(cite.file, cite.line, cite.column)
        if self.bibliography is None:
            why = "there is no bibliography (add sources: to policydraft.yaml)"
        elif key in self.bibliography.invalid:
            return [Text(f"@{key}")]  # the source itself is reported
        else:
            close = self.suggestions.closest(key)
            why = f"{self.bibliography.file or 'the bibliography'} has no source '{key}'"
            why += f" (did you mean '@{close}'?)" if close else ""
        message = (
            f"'@{key}' is read as an in-text citation, but {why}; if it is not a citation "
            f"(a social-media handle, say), write it as \\@{key}"
        )
        self.diags.error("PD501", message, where)
        self.history.record_unknown(key)
        return [Text(f"@{key}")]

    def check_noun_use(self, inlines: tuple[Inline, ...], index: int) -> None:
        """PD519 for "As [@x, 43] explains", which would print "As ⁷ explains"."""
        cite = inlines[index]
        before = inlines[index - 1] if index else None
        after = inlines[index + 1] if index + 1 < len(inlines) else None
        if isinstance(cite, Cite) and noun_citation(before, cite, after):
            message = (
                "a citation in brackets prints only a footnote mark, but the sentence reads it "
                f"as a name; write the in-text form {in_text_form(cite)} to print the name"
            )
            self.diags.warning("PD519", message, Location(cite.file, cite.line, cite.column))

    # --- one citation --------------------------------------------------------------------

    def citation(self, cite: Cite, *, capitalise: bool) -> list[Inline]:
        """The items joined with "; "; only the first may open with a capital."""
        where = Location(cite.file, cite.line, cite.column)
        out: list[Inline] = []
        for index, item in enumerate(cite.items):
            if index:
                out.append(Text("; "))
            out.extend(self.item(item, where, capitalise=capitalise and not index))
        return out

    def item(self, item: CiteItem, where: Location, *, capitalise: bool) -> list[Inline]:
        located = self.lookup(item.key, where)
        if located is None:
            self.history.record_unknown(item.key)
            return [Text(f"@{item.key}")]
        source = located.source
        pin = item.pin or (getattr(source, "pin", None) or "")
        form, shown_pin = self.history.form(source.id, pin, case=source.type == "case")
        weight, explanatory = _parentheticals(item.parenthetical, source)
        cited = self.formatter.format(
            source,
            form,
            shown_pin,
            note=self.supra_note(source),
            hereinafter=self.hereinafter.get(source.id, ""),
            weight=" ".join(f"({text})" for text in weight),
        )
        if item.suppress_author and form != "id":
            cited = without_name(cited, source)
        if form == "id" and (item.signal or not capitalise):
            cited = _lower_first(cited)
        out = [*_signal(item.signal, capitalise=capitalise), *cited]
        for text in explanatory:
            out += [Text(" ("), *citation_inlines(text), Text(")")]
        if form == "full" and getattr(source, "history", None):  # after the parenthetical
            out += self.formatter.format(source, "history")
        self.history.record(source.id, pin)
        self.note_cites.append(source.id)
        return out

    def supra_note(self, source: Source) -> int:
        """The footnote "*supra* note N" names, when the settings ask for note numbers."""
        if self.settings.supra != "note" or source.type not in SECONDARY:
            return 0
        return self.history.first_footnote(source.id) or 0

    def lookup(self, key: str, where: Location) -> LocatedSource | None:
        if self.bibliography is None:
            self.diags.error("PD501", f"{NO_BIBLIOGRAPHY} (to cite @{key})", where)
            return None
        located = self.bibliography.get(key)
        if located is None and key not in self.bibliography.invalid:  # invalid: reported
            message = f"no source '{key}' in {self.bibliography.file or 'the bibliography'}"
            close = self.suggestions.closest(key)
            hint = f"; did you mean '@{close}'?" if close else ""
            self.diags.error("PD501", message + hint, where)
        return located


def _parentheticals(written: str, source: Source) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A citation's weight-of-authority parentheticals, which a case's template prints
    before its opinion ("(mem.) (Roberts, C.J., concurring)"), and those printed after."""
    if source.type == "case":
        return weight_first(written)
    return (), split(written)


def _signal(signal: str, *, capitalise: bool) -> list[Inline]:
    """``*See*`` before the authority; ``e.g.,`` keeps its comma outside the italics."""
    if not signal:
        return []
    words = signal.rstrip(",")
    if capitalise:
        words = words[:1].upper() + words[1:]
    after = ", " if signal.endswith(",") else " "
    return [Emph((Text(words),)), Text(after)]


def _lower_first(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """``*Id.*`` -> ``*id.*`` inside a note or after a signal."""
    if not inlines:
        return inlines
    first = inlines[0]
    if isinstance(first, Emph):
        first = Emph(_lower_first(first.children))
    elif isinstance(first, Text):
        first = Text(first.text[:1].lower() + first.text[1:])
    return (first, *inlines[1:])


def _period_after_citation(written: tuple[Inline, ...], index: int, out: list[Inline]) -> bool:
    """Text opening with "." right after an in-note citation whose form already ends in one."""
    text = written[index]
    return (
        index > 0
        and isinstance(written[index - 1], Cite)
        and isinstance(text, Text)
        and text.text.startswith(".")
        and _ends_with_period(out)
    )


def _starts_sentence(before: list[Inline]) -> bool:
    """After ". ", "?” " or ".) " a citation starts a sentence and is capitalised.

    Only the end of what precedes is read, inline by inline from the last: a note may hold
    thousands of citations, and reading all that precedes each one would be quadratic.
    """
    text = ""
    for inline in reversed(before):
        text = plain_text((inline,)) + text
        stripped = text.rstrip().rstrip(_CLOSERS)
        if stripped:  # what is stripped from the whole text ends within this tail
            return stripped.endswith(_SENTENCE_END)
    return True


_CLOSERS = "\"'”’)]"


def _ends_with_period(inlines: Sequence[Inline]) -> bool:
    return _last_text(inlines).endswith(".")


def _last_text(inlines: Sequence[Inline]) -> str:
    """The last character written, looking into italics and links (a URL's text counts)."""
    for inline in reversed(inlines):
        found = inline.text if isinstance(inline, Text) else _last_text(inner_inlines(inline))
        if found:
            return found
    return ""
