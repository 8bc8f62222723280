"""pandoc's in-text citations and author suppression, printed the Bluebook way.

pandoc's manual gives ``@smith04 [p. 33] says`` ("author in text") and ``[-@smith04]``
("suppress author"): in a note style, the first prints the author's name in the sentence
and the citation in a footnote; the second cites without repeating a name the sentence
already gives. In a Bluebook letter (docs/citations.md, "In-text citations"):

- ``@campbell [579]`` prints the authority's name in the sentence (a case's name in italics,
  in full the first time and by its ``short`` name, or its first party's, after, as rules
  10.2.1 and 10.9 have textual references; an author as written) and its citation, pin
  included, in a footnote at that point, in the form the footnote would take anyway
  (full, short or *Id.*);
- ``[-@campbell, 579]`` is the footnote citation without the name: ``510 U.S. at 579`` as
  rule 10.9(a)(i) allows when the case is named in the sentence, ``510 U.S. 569, 579 (1994)``
  for a full form, and a secondary source without its author. *Id.* and a *supra* form
  (which needs its author) print as usual.

``noun_citation`` finds a bracketed citation standing as a word of the sentence ("As
[@x, 43] explains", which prints "As ⁷ explains"); the resolver reports it as PD519.
"""

from __future__ import annotations

import re

from policydraft.citations.source import Source
from policydraft.model import Cite, Emph, Inline, Text, plain_text

NOUN_CUES = frozenset(
    {"as", "in", "see", "by", "of", "from", "under", "to", "with", "like", "unlike", "per"}
)
"""Words after which a sentence needs a noun: a footnote mark there stands for a name."""

_CUE_BEFORE = re.compile(r"(?:^|\s)([A-Za-z]+) $")
_WORD_AFTER = re.compile(r"^ [a-z]")


def name_in_text(source: Source, *, first: bool) -> tuple[Inline, ...]:
    """What an in-text citation prints in the sentence: the name its reader knows it by."""
    short = source.short or ""
    if source.type == "case":
        name = str(getattr(source, "name", ""))
        later = short or name.split(" v. ")[0]  # rule 10.9: one party's name after the first
        return (Emph((Text(name if first else later),)),)
    for field in ("author", "name"):
        value = getattr(source, field, None)
        if value:
            return (Text(str(value)),)
    return (Text(short or str(getattr(source, "title", source.id))),)


def without_name(cited: tuple[Inline, ...], source: Source) -> tuple[Inline, ...]:
    """``cited`` without the leading name and its comma, when the form starts with one."""
    text = plain_text(cited)
    length = _leading_name_length(cited, text, source)
    if length is None or not text.startswith(", ", length):
        return cited
    rest = _drop_characters(cited, length + 2)
    if plain_text(rest).lower().startswith("supra"):  # "supra, at 12" names nothing
        return cited
    return rest


def _leading_name_length(cited: tuple[Inline, ...], text: str, source: Source) -> int | None:
    if source.type == "case":  # the case name is the italic opening, abbreviated or not
        return len(plain_text(cited[:1])) if cited and isinstance(cited[0], Emph) else None
    author = str(getattr(source, "author", None) or "")
    return len(author) if author and text.startswith(author) else None


def _drop_characters(inlines: tuple[Inline, ...], count: int) -> tuple[Inline, ...]:
    """``inlines`` without their first ``count`` characters of text, markup kept."""
    out: list[Inline] = []
    for inline in inlines:
        length = len(plain_text((inline,)))
        if count >= length:
            count -= length
            continue
        if count and isinstance(inline, Text):
            inline = Text(inline.text[count:])
        elif count and isinstance(inline, Emph):
            inline = Emph(_drop_characters(inline.children, count))
        count = 0
        out.append(inline)
    return tuple(out)


def noun_citation(before: Inline | None, cite: Cite, after: Inline | None) -> bool:
    """Whether a bracketed ``cite`` stands where the sentence needs a noun.

    Conservative: one item without a signal, right after a cue word and a space ("As ",
    "in ", "see "...) and right before a space and a lower-case word ("explains").
    """
    if cite.in_text or len(cite.items) != 1 or cite.items[0].signal:
        return False
    if not isinstance(before, Text) or not isinstance(after, Text):
        return False
    cue = _CUE_BEFORE.search(before.text)
    return (
        cue is not None
        and cue.group(1).lower() in NOUN_CUES
        and _WORD_AFTER.match(after.text) is not None
    )


def in_text_form(cite: Cite) -> str:
    """The in-text form to suggest for a bracketed citation: ``@x [43]``."""
    item = cite.items[0]
    locator = item.pin + (f" ({item.parenthetical})" if item.parenthetical else "")
    return f"@{item.key} [{locator.strip()}]" if locator.strip() else f"@{item.key}"
