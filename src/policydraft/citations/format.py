"""Bluebook forms of one source, printed by templates a legal team can edit.

Each source type has a template ``templates/citations/bluebook/TYPE.j2`` printing its full
form, short form and *Id.* form; a submission overrides one by putting its own file at
``templates/citations/bluebook/TYPE.j2`` in its folder, found the same way as the letter
templates (templating/templates.py). Templates are compiled once per formatter and every
formatted (source, form, pin) is cached: a long comment cites a few sources many times.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import jinja2

from policydraft.citations.filters import FILTERS
from policydraft.citations.legislative import LEGISLATIVE_FILTERS
from policydraft.citations.markup import citation_inlines
from policydraft.citations.secondary import surname, title_markup
from policydraft.citations.source import Source
from policydraft.citations.template_reads import values_read
from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.model import Inline, Text
from policydraft.resources import data_dir
from policydraft.templating.bounds import TemplateLimitError, as_text
from policydraft.templating.faults import report_fault
from policydraft.templating.running import Budget, compile_bounded, render_bounded
from policydraft.templating.safe_filters import text_first
from policydraft.templating.templates import Markdown, Template, template_environment

Form = Literal["full", "short", "id", "history"]
"""The forms a template prints; "history" is a case's subsequent history, printed after the
citation's explanatory parenthetical (rule 10.6.3), only for sources that have one."""
STYLE = "citations/bluebook"
"""Where citation templates live, under the built-in and a submission's ``templates/``."""

_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"[\\*<]")


class CitationFormatter:
    """Formats sources through the Bluebook templates, reporting template errors once."""

    def __init__(self, diags: Diagnostics, folder: Path | None = None) -> None:
        self.diags = diags
        self.templates = citation_templates(folder)
        self.environment = template_environment(self.templates)
        self.environment.finalize = _finalize
        filters = FILTERS | LEGISLATIVE_FILTERS
        self.environment.filters.update({n: text_first(f) for n, f in filters.items()})
        self.environment.filters.update(surname=surname, title_markup=title_markup)
        self.compiled: dict[str, jinja2.Template | None] = {}
        self.reads: dict[str, frozenset[str]] = {}  # type -> the citation values it prints
        self.warned: set[tuple[str, str]] = set()  # (type, value) already reported
        self.cache: dict[tuple[str, Form, str, int, str, str], tuple[Inline, ...]] = {}
        self.budget = Budget.standard()  # for all citations together: one letter cites many
        self.stopped = False  # a template hit a limit: the rest would only hit it again

    def format(
        self,
        source: Source,
        form: Form,
        pin: str = "",
        *,
        note: int = 0,
        hereinafter: str = "",
        weight: str = "",
    ) -> tuple[Inline, ...]:
        """``source`` in ``form`` with ``pin``: model inlines with italics as ``Emph``.

        ``note`` is the footnote of the source's full form for "*supra* note 4" (0: plain
        "*supra*"); ``hereinafter`` the name its full form gives it, in citation markup;
        ``weight`` the citation's weight-of-authority parentheticals ("(mem.)"), which a case
        prints before its opinion's.
        """
        key = (source.id, form, pin, note, hereinafter, weight)
        cached = self.cache.get(key)
        if cached is None:
            later = {"note": note, "hereinafter": Markdown(hereinafter), "weight": weight}
            markup = self._render(source, form, pin, later)
            if markup is not None:
                self._warn_unprinted(source, later)
            cached = citation_inlines(markup) if markup is not None else (Text(f"@{source.id}"),)
            self.cache[key] = cached
        return cached

    def _render(self, source: Source, form: Form, pin: str, later: dict[str, Any]) -> str | None:
        template = self._template(source.type)
        if template is None or self.stopped:
            return None
        try:
            context = {"source": source, "form": form, "pin": pin, **later}
            text = render_bounded(template, context, self.budget)
        except Exception as exc:  # every fault of a template is the template's: a diagnostic
            self._report(exc)
            return None
        return _SPACES.sub(" ", text).strip()

    def _warn_unprinted(self, source: Source, later: dict[str, Any]) -> None:
        """PD330 once per template and value: a citation's value its template never prints."""
        compiled = self.compiled.get(source.type)
        reads = self.reads.get(source.type, frozenset())
        for value in (name for name, given in later.items() if given and name not in reads):
            if compiled is None or (source.type, value) in self.warned:
                continue
            self.warned.add((source.type, value))
            file = display_path(Path(compiled.filename)) if compiled.filename else STYLE
            shown = f"note {later[value]}" if value == "note" else str(later[value])
            message = (
                f"citation template {source.type}.j2 never prints '{value}', so "
                f"'{shown}' in a citation of '{source.id}' is left out; "
                f"add {{{{ {value} }}}} where it belongs (see the built-in {source.type}.j2)"
            )
            self.diags.warning("PD330", message, Location(file, 1))

    def _template(self, kind: str) -> jinja2.Template | None:
        if kind in self.compiled:
            return self.compiled[kind]
        compiled: jinja2.Template | None = None
        try:
            compiled = compile_bounded(self.environment, f"{kind}.j2", self.budget)
            self.reads[kind] = values_read(self.environment, f"{kind}.j2")
        except jinja2.TemplateNotFound as exc:
            if exc.name != f"{kind}.j2":
                self._report(exc)
            else:
                message = f"no citation template for sources of type '{kind}' ({STYLE}/{kind}.j2)"
                self.diags.error("PD301", message, Location(STYLE))
        except Exception as exc:  # syntax errors, files that cannot be read: diagnostics
            self._report(exc)
        self.compiled[kind] = compiled
        return compiled

    def _report(self, exc: Exception) -> None:
        self.stopped |= isinstance(exc, TemplateLimitError | RecursionError | MemoryError)
        report_fault(self.diags, exc, self.templates.folders, Location(STYLE), "citation template")


def citation_templates(folder: Path | None) -> Template:
    """The submission's ``templates/citations/bluebook`` first, then the built-in one."""
    candidates = [data_dir("templates") / STYLE]
    if folder is not None:
        candidates.insert(0, folder / "templates" / STYLE)
    return Template(STYLE, tuple(path for path in candidates if path.is_dir()))


def _finalize(value: Any) -> Any:
    """Print values literally: escape the three characters the citation markup reads."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    return _MARKUP.sub(lambda match: "\\" + match.group(0), as_text(value))
