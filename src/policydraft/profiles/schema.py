"""An agency profile: one YAML file saying what an agency expects of a filing.

A profile carries defaults for the letter (addressee, docket), the docket's form, which files
are attached, and a list of typed rules. Every rule cites its ``source`` (the agency's own
text), so a legal team can check the profile against the notice; where the agency's words
allow more than one reading, ``reading`` says which one the profile takes and ``check``
prints it as a note. The rules are a pydantic discriminated union on ``rule:``.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

import re2  # type: ignore[import-untyped]  # google-re2 ships no type information
from pydantic import BaseModel, ConfigDict, Field, field_validator

from policydraft.submission.schema import Person
from policydraft.typography import Typography, at_least

Scope = Literal["whole", "body"]
"""What a page or word limit counts: every page, or only the pages before the appendix."""

Format = Literal["pdf", "docx"]
SubmitterField = Literal["name", "organization"]
Zone = Literal["superscripts", "footer", "appendix"]
"""Text a font-size rule can exempt: note marks, the page-number line, the signatory list."""

FILE_NAME_FIELDS = ("stem", "docket", "date", "commenter")
"""Placeholders a profile's ``file_name`` may use."""

# The range of a rule's numbers: finite (no .inf or .nan), positive, and no larger than any
# agency could mean. A profile is often someone else's file; ``minimum: .inf`` was an
# OverflowError when the type size became half-points.
MAX_PAGES = 10_000
MAX_WORDS = 10_000_000  # words, and characters of a comment box
MAX_FONT_SIZE = 72  # points
MAX_FILE_MB = 100_000  # 100 GB
MAX_ATTACHMENTS = 1_000
MAX_TOP_LINES = 1_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=False)


class BaseRule(_Strict):
    """What every rule has: where it comes from, how the profile reads it, how bad a breach is."""

    rule: str  # each rule narrows it to its own name, the union's tag
    source: str = Field(min_length=1)  # the citation: "90 Fed. Reg. 9088 (Feb. 6, 2025)"
    summary: str | None = (
        None  # the rule in the agency's terms, paraphrased; shown by `profiles show`
    )
    reading: str | None = None
    severity: Literal["error", "warning"] = "error"


RuleT = TypeVar("RuleT", bound=BaseRule)


class PagesRule(BaseRule):
    rule: Literal["pages"]
    max: int = Field(gt=0, le=MAX_PAGES)
    scope: Scope = "whole"


class WordsRule(BaseRule):
    rule: Literal["words"]
    max: int = Field(gt=0, le=MAX_WORDS)
    scope: Scope = "whole"


class FontSizeRule(BaseRule):
    rule: Literal["font-size"]
    minimum: float = Field(gt=0, le=MAX_FONT_SIZE, allow_inf_nan=False)
    exempt: list[Zone] = Field(default_factory=lambda: list[Zone](["superscripts"]))


class FileSizeRule(BaseRule):
    rule: Literal["file-size"]
    max_mb: float = Field(gt=0, le=MAX_FILE_MB, allow_inf_nan=False)

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1_000_000)


class FileTypesRule(BaseRule):
    rule: Literal["file-types"]
    allowed: list[str] = Field(min_length=1)

    @field_validator("allowed")
    @classmethod
    def _extensions(cls, value: list[str]) -> list[str]:
        return [item.strip().lower().lstrip(".") for item in value]


class AttachmentsRule(BaseRule):
    rule: Literal["attachments"]
    max: int = Field(gt=0, le=MAX_ATTACHMENTS)


class CommentBoxRule(BaseRule):
    rule: Literal["comment-box"]
    max_characters: int = Field(gt=0, le=MAX_WORDS)


class StatementRule(BaseRule):
    """A statement the agency requires in every response: inserted, then found in the PDF."""

    rule: Literal["statement"]
    text: str = Field(min_length=1)


class SubmitterRule(BaseRule):
    rule: Literal["submitter"]
    fields: list[SubmitterField] = Field(default_factory=lambda: list[SubmitterField](["name"]))
    where: Literal["top", "anywhere"] = "anywhere"
    top_lines: int = Field(default=12, gt=0, le=MAX_TOP_LINES)


class PageNumbersRule(BaseRule):
    rule: Literal["page-numbers"]


class NotCopyProtectedRule(BaseRule):
    rule: Literal["not-copy-protected"]


class SearchableTextRule(BaseRule):
    rule: Literal["searchable-text"]


class EmailSubjectRule(BaseRule):
    rule: Literal["email-subject"]
    contains: str = Field(min_length=1)


Rule = Annotated[
    PagesRule
    | WordsRule
    | FontSizeRule
    | FileSizeRule
    | FileTypesRule
    | AttachmentsRule
    | CommentBoxRule
    | StatementRule
    | SubmitterRule
    | PageNumbersRule
    | NotCopyProtectedRule
    | SearchableTextRule
    | EmailSubjectRule,
    Field(discriminator="rule"),
]


def docket_matcher(pattern: str) -> Callable[[str], bool]:
    """Whether a docket matches ``pattern`` as a whole, run by RE2 in time linear in its length.

    Python's backtracking engine takes exponential time on patterns like ``(a+)+$``, and a
    profile is often written by someone else. RE2 has no backreferences or lookaround and
    refuses patterns that would need too much memory to compile: ValueError says why.
    """
    options = re2.Options()
    options.log_errors = False
    try:
        compiled: Any = re2.compile(pattern, options)
    except re2.error as error:
        reason = error.args[0] if error.args else "invalid"
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        message = (
            f"docket_pattern cannot run in RE2, the linear-time engine profiles use ({reason}); "
            "backreferences and lookaround are not supported"
        )
        raise ValueError(message) from None

    def matches(docket: str) -> bool:
        return compiled.fullmatch(docket) is not None

    return matches


RULE_TYPES: dict[str, type[BaseRule]] = {
    "pages": PagesRule,
    "words": WordsRule,
    "font-size": FontSizeRule,
    "file-size": FileSizeRule,
    "file-types": FileTypesRule,
    "attachments": AttachmentsRule,
    "comment-box": CommentBoxRule,
    "statement": StatementRule,
    "submitter": SubmitterRule,
    "page-numbers": PageNumbersRule,
    "not-copy-protected": NotCopyProtectedRule,
    "searchable-text": SearchableTextRule,
    "email-subject": EmailSubjectRule,
}
"""Each rule's model by its ``rule:`` name, for validating (and reporting) one rule at a time."""


class ProfileDefaults(_Strict):
    """What the letter gets when policydraft.yaml leaves it out."""

    addressee: Person | None = None
    docket: str | None = None
    salutation: str | None = None


class Profile(_Strict):
    name: str = ""  # the built-in name or the file's stem, filled in by the reader
    title: str
    agency: str
    description: str | None = None
    extends: str | None = None
    defaults: ProfileDefaults = Field(default_factory=ProfileDefaults)
    docket_pattern: str | None = None
    attach: list[Format] = Field(default_factory=lambda: list[Format](["pdf"]), min_length=1)
    file_name: str = "{stem}"
    rules: list[Rule] = Field(default_factory=list)

    @field_validator("file_name")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        """Only ``{stem}``, ``{docket}``, ... : no attribute, index, conversion or format spec.

        ``str.format`` runs the pattern when ``package`` names its files: ``{stem:>999999999}``
        would build a gigabyte, ``{stem.__class__}`` reach into Python, ``{stem`` fail.
        """
        wanted = ", ".join("{" + name + "}" for name in FILE_NAME_FIELDS)
        try:
            fields = [part for part in string.Formatter().parse(value) if part[1] is not None]
        except ValueError as error:
            raise ValueError(f"file_name is not a valid pattern ({error}); use {wanted}") from None
        unknown = {str(name) for _, name, _, _ in fields} - set(FILE_NAME_FIELDS)
        if unknown:
            raise ValueError(
                f"file_name uses unknown placeholder(s) {', '.join(sorted(unknown))}; use {wanted}"
            )
        if any(spec or conversion for _, _, spec, conversion in fields):
            raise ValueError(f"file_name placeholders take no format or conversion; use {wanted}")
        return value

    def rules_of(self, kind: type[RuleT]) -> list[RuleT]:
        return [rule for rule in self.rules if isinstance(rule, kind)]

    @property
    def statements(self) -> list[str]:
        return [rule.text for rule in self.rules_of(StatementRule)]

    @property
    def min_font_size(self) -> float | None:
        sizes = [rule.minimum for rule in self.rules_of(FontSizeRule)]
        return max(sizes) if sizes else None

    def typography(self, base: Typography) -> Typography:
        """``base`` under this profile: no text below its font-size rules, if it has any.

        Made once per render and given to every writer, so the DOCX and the PDF keep breaking
        pages alike when a profile enlarges type.
        """
        size = self.min_font_size
        return base if size is None else at_least(base, size)


@dataclass(frozen=True)
class ProfileView:
    """What a template sees as ``profile``: defined even without one, so templates need no
    ``{% if profile %}`` around ``{% for statement in profile.statements %}``."""

    name: str | None = None
    title: str | None = None
    agency: str | None = None
    statements: tuple[str, ...] = ()
    email_subject: str | None = None

    @classmethod
    def of(cls, profile: Profile | None) -> ProfileView:
        if profile is None:
            return cls()
        subjects = profile.rules_of(EmailSubjectRule)
        return cls(
            profile.name,
            profile.title,
            profile.agency,
            tuple(profile.statements),
            subjects[0].contains if subjects else None,
        )
