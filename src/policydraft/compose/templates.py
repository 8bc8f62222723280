"""Finding and rendering the Jinja2 templates a legal team owns.

Templates run in Jinja's sandbox with strict undefined variables. Everything a template prints
with ``{{ ... }}`` is Markdown-escaped unless it is already ``Markdown`` (a body slot, or the
output of a helper that escapes its own parts), so a signer called ``Tom *Star* Baxter`` or a
firm called ``Hart & Hart <LLC>`` prints literally.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.readers.markdown_escape import escape_markdown
from policydraft.resources import builtin_templates

ENTRY = "letter.md.j2"
REFERENCE = "reference.docx"
_PART_LINE = re.compile(r"^:::\s*([A-Za-z][\w-]*)", re.MULTILINE)


class Markdown(str):
    """Text that is already Markdown: printed by templates without escaping."""


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
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def lines(*values: Any) -> Markdown:
    """Join non-empty values (strings or lists of strings) as lines with hard breaks."""
    flat: list[str] = []
    for value in values:
        items = value if isinstance(value, list | tuple) else [value]
        flat.extend(str(item) for item in items if item)
    return Markdown("\\\n".join(escape_markdown(item) for item in flat))


def _finalize(value: Any) -> Any:
    if isinstance(value, Markdown):
        return value
    if value is None:
        return ""
    return escape_markdown(str(value))


def template_environment(template: Template) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(f) for f in template.folders]),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
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
    entry = template.entry
    shown = display_path(entry)
    try:
        source = template_environment(template).get_template(ENTRY)
        return source.render(**context), Location(shown, 1, 1)
    except jinja2.TemplateSyntaxError as exc:
        file = display_path(Path(exc.filename)) if exc.filename else shown
        diags.error("PD302", f"template syntax error: {exc.message}", Location(file, exc.lineno))
    except jinja2.UndefinedError as exc:
        where = template_frame(exc.__traceback__, template) or Location(shown)
        diags.error("PD303", f"template uses an undefined variable: {exc.message}", where)
    except SecurityError as exc:
        where = template_frame(exc.__traceback__, template) or Location(shown)
        diags.error("PD305", f"template not allowed by the sandbox: {exc}", where)
    return None


def template_frame(tb: TracebackType | None, template: Template) -> Location | None:
    """The innermost line of a template file in a traceback (Jinja maps frames to templates)."""
    found: Location | None = None
    folders = [str(f.resolve()) for f in template.folders]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(filename.startswith(folder) for folder in folders):
            found = Location(display_path(Path(filename)), tb.tb_lineno)
        tb = tb.tb_next
    return found


def check_parts(template: Template, known: set[str], diags: Diagnostics) -> None:
    """Every ``::: name`` container in the template's files names a known letter part."""
    for folder in template.folders:
        for path in sorted(folder.glob("*.j2")):
            text = path.read_text(encoding="utf-8")
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
