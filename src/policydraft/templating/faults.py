"""A template's faults as located diagnostics, never a traceback.

Whatever a template does wrong, from a typo to a hostile loop, ends in an exception raised
while Jinja compiles or runs it; Jinja rewrites the traceback so its frames carry template
files and lines (``template_frame`` finds the innermost). Each kind of exception has its code.
Exception messages can quote values (``int('jane@example.org')``), so e-mail addresses are
blanked out of every message and long messages are cut.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import TracebackType

import jinja2
from jinja2.exceptions import SecurityError

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.templating.bounds import OutputTooLarge, TemplateTimeout, ValueTooLarge
from policydraft.templating.template_files import TemplateFileError

_EMAIL = re.compile(r"[^\s@<>()\[\]'\"]+@[^\s@<>()\[\]'\"]+\.[^\s@<>()\[\]'\"]+")
_LONGEST_MESSAGE = 200

_LIMITS: tuple[tuple[type[BaseException], str], ...] = (
    (TemplateTimeout, "PD306"),
    (OutputTooLarge, "PD307"),
    (ValueTooLarge, "PD308"),
)


def report_fault(
    diags: Diagnostics,
    exc: Exception,
    folders: tuple[Path, ...],
    fallback: Location,
    what: str = "template",
) -> None:
    """Add the diagnostic for ``exc``, raised while ``what`` (in ``folders``) compiled or ran."""
    if isinstance(exc, TemplateFileError):
        diags.error(exc.code, exc.message, Location(display_path(exc.path), exc.line))
        return
    if isinstance(exc, jinja2.TemplateSyntaxError):
        file = display_path(Path(exc.filename)) if exc.filename else fallback.file
        diags.error(
            "PD302", f"{what} syntax error: {_clean(exc.message)}", Location(file, exc.lineno)
        )
        return
    code, message = _classify(exc, what)
    where = template_frame(exc.__traceback__, folders) or fallback
    diags.error(code, message, where)


def _classify(exc: Exception, what: str) -> tuple[str, str]:
    for kind, code in _LIMITS:
        if isinstance(exc, kind):
            return code, str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        return "PD303", f"{what} uses an undefined variable: {_clean(exc.message)}"
    if isinstance(exc, SecurityError):
        return "PD305", f"{what} not allowed by the sandbox: {_clean(str(exc))}"
    if isinstance(exc, jinja2.TemplateNotFound):
        return "PD310", f"{what} file '{_clean(exc.name)}' not found (include, import or extends)"
    if isinstance(exc, RecursionError):
        return "PD309", f"{what} recursion too deep (a macro, include or block that calls itself)"
    if isinstance(exc, MemoryError):
        return "PD308", f"{what} ran out of memory building a value"
    if isinstance(exc, jinja2.TemplateRuntimeError) and re.match(
        r"No (filter|test) named", str(exc)
    ):
        return "PD302", f"{what} uses an unknown filter or test: {_clean(str(exc))}"
    return "PD311", f"{what} failed while running: {_describe(exc)}"


def _describe(exc: Exception) -> str:
    if isinstance(exc, ZeroDivisionError):
        return "division by zero"
    text = _clean(str(exc))
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _clean(text: object) -> str:
    """No e-mail address and no page-long message in a diagnostic."""
    message = _EMAIL.sub("<e-mail address>", str(text or ""))
    if len(message) > _LONGEST_MESSAGE:
        message = message[: _LONGEST_MESSAGE - 1] + "…"
    return message


def template_frame(tb: TracebackType | None, folders: tuple[Path, ...]) -> Location | None:
    """The innermost line of a template file in a traceback (Jinja maps frames to templates)."""
    found: Location | None = None
    roots = [os.path.join(folder.resolve(), "") for folder in folders]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if any(filename.startswith(root) for root in roots):
            found = Location(display_path(Path(filename)), tb.tb_lineno)
        tb = tb.tb_next
    return found
