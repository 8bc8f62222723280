"""An agency profile's rules checked on files made anywhere: ``policydraft verify``.

Legal teams often file a PDF that Word exported after the last edits, not ours. The rules
that check our rendered files (``profiles/rules/``) check such a file too, with two
differences. The facts of the letter that our own renders know (the submitter, the title,
where the appendix starts) are known here only when the person running ``verify`` gives
them: a rule needing a fact we lack is left out with a note saying so, never run against an
invented value. And the file is a stranger's: it may be missing, too large, not what its
name says, encrypted, text-less or broken, and each of those is a diagnostic at the file,
never a traceback.

Every diagnostic sits at ``FILE:1:1``; a message about pages names them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.limits import VERIFY_FILE_BYTES
from policydraft.profiles.foreign_docx import verify_docx
from policydraft.profiles.foreign_pdf import NOT_CHECKED, UNREADABLE, rules_of, verify_pdf
from policydraft.profiles.rendered import LetterFacts, Rendered
from policydraft.profiles.rules import (
    AttachmentsRule,
    BaseRule,
    EmailSubjectRule,
    FileTypesRule,
    FontSizeRule,
    PagesRule,
    SearchableTextRule,
    SetUp,
    SubmitterRule,
    WordsRule,
)
from policydraft.profiles.schema import Profile


@dataclass(frozen=True)
class KnownFacts:
    """What the person running ``verify`` says about the letter: nothing is guessed."""

    submitter: str | None = None
    organization: str | None = None
    title: str | None = None
    appendix_heading: str | None = None

    def letter_facts(self) -> LetterFacts:
        heading = self.appendix_heading
        return LetterFacts(self.title or "", self.submitter or "", self.organization, heading)


def verify_files(
    paths: Sequence[Path], profile: Profile, known: KnownFacts, diags: Diagnostics
) -> None:
    """Check every file in ``paths`` against ``profile``; what is found goes to ``diags``."""
    _check_count(paths, profile, diags)
    if paths:  # what the portal asks beside the files, said once
        where = Location(display_path(paths[0]))
        for rule in rules_of(profile.rules, EmailSubjectRule):
            rule.check_setup(SetUp(profile, diags, where))
    with _quiet_pypdf():
        for path in paths:
            verify_file(path, profile, known, diags)


def verify_file(path: Path, profile: Profile, known: KnownFacts, diags: Diagnostics) -> None:
    """One file: what it is, whether the profile takes its type, then the profile's rules."""
    where = Location(display_path(path))
    kind = identify(path, diags, where)
    if kind is None:
        return
    book = profile.model_copy(update={"attach": [kind]})
    _check_type(book, kind, diags, where)
    rules = _checkable(book.rules, known, diags, where)
    book = book.model_copy(update={"rules": rules})
    facts = known.letter_facts()
    if kind == "pdf":
        verify_pdf(Rendered(book, {"pdf": path}, facts, diags, where))
    else:
        verify_docx(Rendered(book, {"docx": path}, facts, diags, where))


def identify(path: Path, diags: Diagnostics, where: Location) -> str | None:
    """ "pdf" or "docx" from the file's first bytes (and its name agreeing); None after PD630
    or PD631 when it is missing, too large or neither."""
    problem = _unopenable(path)
    if problem is not None:
        diags.error("PD630", f"{where.file} {problem}", where)
        return None
    with path.open("rb") as stream:
        head = stream.read(1024)
    kind = "pdf" if b"%PDF-" in head else "docx" if head.startswith(b"PK\x03\x04") else None
    named = path.suffix.lower().lstrip(".")
    if kind is not None and named in ("pdf", "docx") and named != kind:
        what = "a PDF" if kind == "pdf" else "a zip archive (a Word document?)"
        message = f"{where.file} is named .{named} but is {what}; rename it or export it again"
        diags.error(UNREADABLE, message, where)
        return None
    if kind is None:
        diags.error(UNREADABLE, f"{where.file} {_what_else(head, named)}", where)
    return kind


def _unopenable(path: Path) -> str | None:
    if not path.exists():
        return "does not exist"
    if not path.is_file():
        return "is not a regular file (a folder, a device or a pipe)"
    size, limit = path.stat().st_size, VERIFY_FILE_BYTES.value
    if size > limit:
        return (
            f"is {size:,} bytes, more than the {limit:,} verify reads "
            f"(set {VERIFY_FILE_BYTES.env} to allow larger files)"
        )
    try:
        with path.open("rb"):
            return None
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"


def _what_else(head: bytes, named: str) -> str:
    """What a file that is neither a PDF nor a DOCX is, without quoting a byte of it."""
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "is an old .doc or a password-protected Word document (an OLE compound file), "
            "which cannot be read; save it as .docx without a password, or export a PDF"
        )
    shown = f"named .{named} but is " if named in ("pdf", "docx") else ""
    return f"is {shown}neither a PDF nor a Word document (.docx); verify reads those two"


def _check_type(book: Profile, kind: str, diags: Diagnostics, where: Location) -> None:
    setup = SetUp(book, diags, where)
    for rule in rules_of(book.rules, FileTypesRule):
        if kind not in rule.allowed:
            message = f"a .{kind} file; {book.name} accepts files of type {', '.join(rule.allowed)}"
            rule.broken(setup, "PD633", message)


def _check_count(paths: Sequence[Path], profile: Profile, diags: Diagnostics) -> None:
    for rule in rules_of(profile.rules, AttachmentsRule):
        if len(paths) > rule.max:
            where = Location(display_path(paths[rule.max]))
            message = f"{len(paths)} files; {profile.name} takes at most {rule.max}"
            rule.broken(SetUp(profile, diags, where), "PD634", message)


def _checkable(
    rules: Sequence[BaseRule], known: KnownFacts, diags: Diagnostics, where: Location
) -> list[BaseRule]:
    """The rules that can be checked with what is known; a note for each fact missing."""
    kept = []
    for rule in rules:
        if isinstance(rule, SubmitterRule) and not known.submitter:
            message = (
                "the submitter rule is not checked: verify cannot know who files the letter "
                "(give --submitter NAME, and --organization ORG)"
            )
            diags.note(NOT_CHECKED, message, where)
            continue
        kept.append(rule)
        _note_missing_facts(rule, known, diags, where)
    return kept


def _note_missing_facts(
    rule: BaseRule, known: KnownFacts, diags: Diagnostics, where: Location
) -> None:
    if isinstance(rule, SearchableTextRule) and not known.title:
        message = "the title is not looked for in the text (give --title TITLE to look for it)"
        diags.note(NOT_CHECKED, message, where)
    needs_appendix = (isinstance(rule, PagesRule | WordsRule) and rule.scope == "body") or (
        isinstance(rule, FontSizeRule) and "appendix" in rule.exempt
    )
    if needs_appendix and not known.appendix_heading:
        message = (
            f"the {rule.rule} rule counts every page as before the appendix, the strictest "
            "reading (give --appendix-heading TEXT to find where it starts)"
        )
        diags.note(NOT_CHECKED, message, where)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every oddity of a broken file to stderr; verify reports in its own words."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)
