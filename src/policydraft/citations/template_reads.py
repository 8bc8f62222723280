"""Which of a citation's values a citation template prints at all.

A citation passes its template values that are not fields of the source: ``weight`` (the
citation's "(mem.)" or "(en banc)"), ``hereinafter`` and ``note`` (for "*supra* note 4").
A legal team's own ``case.j2`` written before ``weight`` existed would drop "(mem.)" from
the filed letter without a word; so the formatter asks which of these names a template (and
the templates it includes, imports or extends) mentions, and warns once when a citation
has a value its template never prints.
"""

from __future__ import annotations

import jinja2
from jinja2 import meta

CITATION_VALUES = ("weight", "hereinafter", "note")
"""The values a citation gives its template besides the source, its form and its pin."""
_MOST_TEMPLATES = 20  # a chain of includes longer than this is not followed further


def values_read(environment: jinja2.Environment, name: str) -> frozenset[str]:
    """The names in ``CITATION_VALUES`` that template ``name`` or one it uses refers to."""
    seen: set[str] = set()
    found: set[str] = set()
    waiting = [name]
    while waiting and len(seen) < _MOST_TEMPLATES:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        assert environment.loader is not None
        try:
            text, _, _ = environment.loader.get_source(environment, current)
        except Exception:  # missing (PD310), unreadable, too large: running it says so, located
            continue
        tree = environment.parse(text)
        found.update(meta.find_undeclared_variables(tree) & set(CITATION_VALUES))
        waiting.extend(t for t in meta.find_referenced_templates(tree) if t is not None)
    return frozenset(found)
