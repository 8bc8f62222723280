"""Load a submission folder's ``policydraft.yaml`` into a validated ``Submission``.

Everything a user can get wrong (a missing folder, broken YAML, a misspelt key, a bad date,
a Markdown file that is not there) becomes a diagnostic pointing at the exact line, and all
of them are collected in one pass, so a user fixes a file once rather than once per error.
A broken key does not stop the rest: its part is left out or falls back (partial.py) and the
later stages report their own findings on what could be loaded, in the same run.

A submission folder is often received from someone else, so every file it names for its data
(an argument's ``file:``, ``signatories.file``, ``sources:``) must resolve inside the folder,
symbolic links followed (PD105; PD500 for ``sources:``): else a ``file: /etc/passwd`` would be
printed in the letter. Such a ``signatories:`` or ``sources:`` is left out, never read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.readers.bounded import (
    NamedFile,
    not_regular,
    outside_folder,
    read_named,
)
from policydraft.readers.markdown_text import MarkdownText
from policydraft.readers.schema_errors import describe, report_schema_errors
from policydraft.readers.yaml_source import YamlDocument, parse_yaml, to_plain
from policydraft.submission.partial import KeptItems, keep_valid, written_path
from policydraft.submission.schema import Submission

# MarkdownText is re-exported: it is part of what a loaded submission hands out.
__all__ = ["SUBMISSION_FILE", "LoadedSubmission", "MarkdownText", "load_submission"]

SUBMISSION_FILE = "policydraft.yaml"


MARKDOWN_FILE = NamedFile("Markdown file", "PD105", "PD108")
"""An argument's or part's body file: PD105 when it cannot be read, PD108 when too large."""


@dataclass(frozen=True)
class LoadedSubmission:
    """A validated submission, its Markdown bodies with their origins, and its YAML positions.

    Returned whenever policydraft.yaml is a mapping, even with broken keys (``broken`` names
    the top-level keys that lost a part, fell back to their default or stand in with a
    placeholder) or a missing Markdown file (that body is then empty): later stages can still
    report their own problems, and a stage that needs a broken key skips its work. Callers
    must check ``diags.has_errors`` before rendering.
    """

    submission: Submission
    folder: Path
    file: Path
    introduction: MarkdownText | None
    arguments: tuple[tuple[str, MarkdownText], ...]
    conclusion: MarkdownText | None
    document: YamlDocument = field(repr=False, compare=False)
    broken: frozenset[str] = frozenset()

    def locate(self, *path: str | int, key: bool = False) -> Location:
        """Where ``path`` (e.g. "signatories", "file") is written in policydraft.yaml.

        The value's position by default, the key's with ``key=True``; a path that does not
        exist falls back to its nearest existing parent.
        """
        if key:
            return self.document.key_location(path)
        return self.document.value_location(path)


def load_submission(folder: Path, diags: Diagnostics) -> LoadedSubmission | None:
    """Read ``folder/policydraft.yaml``; None when it cannot be read or is not a mapping."""
    file = folder / SUBMISSION_FILE
    if not _submission_file_exists(folder, file, diags):
        return None
    document = parse_yaml(file, display_path(file), diags)
    if document is None:
        return None
    data = {} if document.data is None else document.data
    if not isinstance(data, Mapping):
        message = (
            f"{SUBMISSION_FILE} must be a mapping of keys such as title:, date: and "
            f"commenter:, not {describe(to_plain(data))}"
        )
        diags.error("PD104", message, document.value_location(()))
        return None
    file_bodies = _read_argument_files(folder, data, document, diags)
    plain = to_plain(data)
    broken: frozenset[str] = frozenset()
    try:
        submission = Submission.model_validate(plain)
    except ValidationError as error:
        report_schema_errors(error, Submission, document, diags)
        kept = keep_valid(plain, error)
        if kept is None:
            return None
        submission, broken = kept.submission, kept.broken
        if kept.items:
            document = KeptItems(document.file, document.data, document.lines, kept.items)
    outside = _named_files_outside(folder, submission, document, diags)
    if outside:  # left out: later stages would open the file outside
        submission = submission.model_copy(update=dict.fromkeys(outside))
        broken |= outside
    return LoadedSubmission(
        submission=submission,
        folder=folder,
        file=file,
        introduction=_inline_body(submission.introduction, ("introduction",), document),
        arguments=_argument_bodies(submission, file_bodies, document),
        conclusion=_inline_body(submission.conclusion, ("conclusion",), document),
        document=document,
        broken=broken,
    )


def _submission_file_exists(folder: Path, file: Path, diags: Diagnostics) -> bool:
    if not folder.exists():
        message = f"submission folder '{display_path(folder)}' does not exist"
        diags.error("PD100", message, Location(display_path(folder)))
        return False
    if not folder.is_dir():
        message = f"'{display_path(folder)}' is not a folder; give the submission's folder"
        diags.error("PD100", message, Location(display_path(folder)))
        return False
    shown = str(Path(display_path(folder)) / SUBMISSION_FILE)  # the link itself, if one
    if not file.exists():
        message = f"no {SUBMISSION_FILE} in '{display_path(folder)}'"
        diags.error("PD100", message, Location(shown))
        return False
    problem = not_regular(file)
    if problem is not None:
        message = f"{SUBMISSION_FILE} {problem}; it must be a YAML text file"
        diags.error("PD100", message, Location(shown))
        return False
    return True


def _named_files_outside(
    folder: Path, submission: Submission, document: YamlDocument, diags: Diagnostics
) -> frozenset[str]:
    """PD105 for ``signatories.file``, PD500 for ``sources:``, leading outside the folder;
    the keys that name such a file."""
    named: list[tuple[str, str, str, tuple[str, ...]]] = []
    if submission.signatories is not None:
        file = submission.signatories.file
        named.append(("PD105", "signatory list", file, ("signatories", "file")))
    if submission.sources is not None:  # PD500, as every other problem of the bibliography file
        named.append(("PD500", "bibliography", submission.sources, ("sources",)))
    outside: set[str] = set()
    for code, what, name, path in named:
        problem = outside_folder(folder, name)
        if problem is not None:
            diags.error(code, f"{what} '{name}' {problem}", document.value_location(path))
            outside.add(path[0])
    return frozenset(outside)


def _inline_body(
    text: str | None, path: tuple[str | int, ...], document: YamlDocument
) -> MarkdownText | None:
    if text is None:
        return None
    return MarkdownText(text, document.body_origin(path, text))


def _argument_bodies(
    submission: Submission, file_bodies: Mapping[int, MarkdownText], document: YamlDocument
) -> tuple[tuple[str, MarkdownText], ...]:
    kept = document.items if isinstance(document, KeptItems) else {}
    bodies: list[tuple[str, MarkdownText]] = []
    for index, argument in enumerate(submission.arguments):
        if argument.body is not None:
            origin = document.body_origin(("arguments", index, "body"), argument.body)
            bodies.append((argument.heading, MarkdownText(argument.body, origin)))
        else:
            written = written_path(("arguments", index), kept)[1]
            assert isinstance(written, int)
            where = document.value_location(("arguments", index, "file"))
            bodies.append((argument.heading, file_bodies.get(written, MarkdownText("", where))))
    return tuple(bodies)


def _read_argument_files(
    folder: Path, data: Mapping[Any, Any], document: YamlDocument, diags: Diagnostics
) -> dict[int, MarkdownText]:
    """Read every argument's ``file:``; done on the raw data so that a schema error elsewhere
    does not hide a missing file (all problems are reported in one run)."""
    arguments = data.get("arguments")
    if not isinstance(arguments, list):
        return {}
    bodies: dict[int, MarkdownText] = {}
    for index, argument in enumerate(arguments):
        if not isinstance(argument, Mapping) or argument.get("body") is not None:
            continue
        name = _file_name(argument.get("file"))
        if name is not None:
            where = document.value_location(("arguments", index, "file"))
            text = _read_markdown_file(folder, name, where, diags)
            origin = Location(display_path(folder / name), 1, 1)
            bodies[index] = (
                MarkdownText(text, origin) if text is not None else MarkdownText("", where)
            )
    return bodies


def _file_name(value: Any) -> str | None:
    """The file name as the schema will read it (numbers are text there too)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def _read_markdown_file(folder: Path, name: str, where: Location, diags: Diagnostics) -> str | None:
    raw = read_named(folder, name, MARKDOWN_FILE, where, diags)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = (
            f"Markdown file '{name}' is not UTF-8 text (byte 0x{raw[error.start]:02x} "
            f"on its line {line}); save it as UTF-8"
        )
        diags.error("PD105", message, where)
        return None
