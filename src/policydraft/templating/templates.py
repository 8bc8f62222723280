"""Finding and rendering the Jinja2 templates a legal team owns.

Templates run in policydraft's sandbox (``templating.sandbox``) on plain data
(``templating.plain``), with strict undefined variables and limits on time, output and the size
of values. Everything a template prints with ``{{ ... }}`` is Markdown-escaped unless it is
already ``Markdown`` (a body slot, or the output of a helper that escapes its own parts), so a
signer called ``Tom *Star* Baxter`` or a firm called ``Hart & Hart <LLC>`` prints literally.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.numerals import upper_roman
from policydraft.resources import builtin_templates
from policydraft.templating.bounds import as_text, check_text
from policydraft.templating.faults import report_fault
from policydraft.templating.markdown_writer import escape_markdown
from policydraft.templating.plain import Markdown
from policydraft.templating.running import Budget, compile_bounded, render_bounded
from policydraft.templating.sandbox import LetterSandbox
from policydraft.templating.template_files import TemplateFileError, read_template_file

__all__ = ["Markdown", "Template", "find_template", "render_template", "template_environment"]

ENTRY = "letter.md.j2"
REFERENCE = "reference.docx"
_PART_LINE = re.compile(r"^:::[ \t]*([A-Za-z][\w-]*)", re.MULTILINE)


@dataclass(frozen=True)
class Template:
    """A template by name, and the folders searched for its files, the user's first."""

    name: str
    folders: tuple[Path, ...]

    @property
    def entry(self) -> Path:
        return next(f / ENTRY for f in self.folders if (f / ENTRY).is_file())

    @property
    def reference_docx(self) -> Path | None:
        """The template's ``reference.docx`` (Word styles, margins, header and footer), if any."""
        return next((f / REFERENCE for f in self.folders if (f / REFERENCE).is_file()), None)


def find_template(name: str, folder: Path, diags: Diagnostics, where: Location) -> Template | None:
    """``name`` is a built-in template, the submission's own ``templates/NAME``, or a folder."""
    candidates: list[Path] = []
    if "/" in name or name.startswith("."):
        candidates.append((folder / name).resolve())
    else:
        candidates.append(folder / "templates" / name)
        builtin = builtin_templates().get(name)
        if builtin is not None:
            candidates.append(builtin)
    folders = tuple(c for c in candidates if c.is_dir())
    if not any((f / ENTRY).is_file() for f in folders):
        known = ", ".join(sorted(builtin_templates())) or "none"
        diags.error("PD301", f"template '{name}' not found (built-in templates: {known})", where)
        return None
    return Template(name, folders)


def long_date(value: dt.date) -> str:
    """ "March 15, 2025": the date line of a US letter."""
    return f"{value:%B} {value.day}, {value.year}"


def roman(number: int) -> str:
    check_text(number // 1000)  # 10**12 would be a billion M's
    return upper_roman(number)


def lines(*values: Any) -> Markdown:
    """Join non-empty values (strings or lists of strings) as lines with hard breaks."""
    flat: list[str] = []
    for value in values:
        items = value if isinstance(value, list | tuple) else [value]
        flat.extend(as_text(item) for item in items if item)
    check_text(sum(map(len, flat)) * 2)  # escaping at most doubles a line
    return Markdown("\\\n".join(escape_markdown(item) for item in flat))


def _finalize(value: Any) -> Any:
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    return escape_markdown(as_text(value))


def template_environment(template: Template) -> LetterSandbox:
    env = LetterSandbox(
        template.folders,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(long_date=long_date, roman=roman)
    env.globals.update(lines=lines)
    return env


def render_template(
    template: Template, context: Mapping[str, Any], diags: Diagnostics
) -> tuple[str, Location] | None:
    """The template's Markdown output and where it came from, or None after diagnostics."""
    shown = Location(display_path(template.entry))
    budget = Budget.standard()
    try:
        source = compile_bounded(template_environment(template), ENTRY, budget)
        return render_bounded(source, context, budget), shown
    except Exception as exc:  # every fault of a template is the template's: a diagnostic
        report_fault(diags, exc, template.folders, shown)
    return None


def check_parts(template: Template, known: set[str], diags: Diagnostics) -> None:
    """Every ``::: name`` container in the template's files names a known letter part."""
    for folder in template.folders:
        for path in sorted(folder.glob("*.j2")):
            try:
                text = read_template_file(path, template.folders)
            except TemplateFileError as exc:
                report_fault(diags, exc, template.folders, Location(display_path(path)))
                continue
            for match in _PART_LINE.finditer(text):
                name = match.group(1)
                if name not in known:
                    line = text.count("\n", 0, match.start()) + 1
                    choices = ", ".join(sorted(known))
                    diags.error(
                        "PD304",
                        f"unknown letter part '{name}' (known: {choices})",
                        Location(display_path(path), line, 1),
                    )
