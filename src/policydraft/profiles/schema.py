"""An agency profile: one YAML file saying what an agency expects of a filing.

A profile carries defaults for the letter (addressee, docket), the docket's form, which files
are attached, and a list of typed rules. Every rule cites its ``source`` (the agency's own
text), so a legal team can check the profile against the notice; where the agency's words
allow more than one reading, ``reading`` says which one the profile takes and ``check``
prints it as a note. The rules are a pydantic discriminated union on ``rule:``, derived from
the registry of rules in ``profiles/rules/``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import re2  # type: ignore[import-untyped]  # google-re2 ships no type information
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from policydraft.profiles.rules import BaseRule, EmailSubjectRule, Rule, StatementRule
from policydraft.submission.schema import Person
from policydraft.typography import Typography, at_least

Format = Literal["pdf", "docx"]

FILE_NAME_FIELDS = ("stem", "docket", "date", "commenter")
"""Placeholders a profile's ``file_name`` may use."""

RuleT = TypeVar("RuleT", bound=BaseRule)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=False)


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


class ProfileDefaults(_Strict):
    """What the letter gets when policydraft.yaml leaves it out."""

    addressee: Person | None = None
    docket: str | None = None
    salutation: str | None = None


_ADDRESS = re.compile(r"[^@\s<>,;:\"()\[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_EXAMPLE = "comments@agency.gov"


class EmailSubmit(_Strict):
    """Comments go by e-mail to ``to``: ``package`` writes the message (``NAME.eml``)."""

    to: str = Field(max_length=254)
    source: str = Field(min_length=1)

    @field_validator("to")
    @classmethod
    def _one_address(cls, value: str) -> str:
        """One bare address (``comments@agency.gov``): no name, list or header text."""
        if _ADDRESS.fullmatch(value) is None:
            raise ValueError(f"must be one e-mail address, such as {_EXAMPLE}")
        return value


class RegulationsGovSubmit(_Strict):
    """Comments go through regulations.gov, on ``docket`` (else the letter's own docket)."""

    docket: str | None = None
    source: str = Field(min_length=1)


class PortalSubmit(_Strict):
    """Comments go through the agency's own web form at ``url``."""

    url: str = Field(pattern=r"^https://[^\s]+$", max_length=2000)
    source: str = Field(min_length=1)


class Submit(_Strict):
    """How the agency takes comments: exactly one way, with the text that says so."""

    email: EmailSubmit | None = None
    regulations_gov: RegulationsGovSubmit | None = None
    portal: PortalSubmit | None = None

    @model_validator(mode="after")
    def _one_way(self) -> Submit:
        ways = [way for way in (self.email, self.regulations_gov, self.portal) if way]
        if len(ways) != 1:
            raise ValueError("takes exactly one of email:, regulations_gov: or portal:")
        return self


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
    submit: Submit | None = None
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

    def typography(self, base: Typography) -> Typography:
        """``base`` under this profile: no text below the largest of its rules' minimum sizes.

        Made once per render and given to every writer, so the DOCX and the PDF keep breaking
        pages alike when a profile enlarges type. The sizes are combined before raising, once:
        raising by one rule and then another would round the grown lengths twice.
        """
        sizes = [size for rule in self.rules if (size := rule.min_font_size()) is not None]
        return at_least(base, max(sizes)) if sizes else base

    def comment_limit(self, default: int) -> int:
        """The most characters the portal's comment box takes: the strictest rule's, else
        ``default``."""
        limits = [limit for rule in self.rules if (limit := rule.comment_limit()) is not None]
        return min(limits) if limits else default


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
