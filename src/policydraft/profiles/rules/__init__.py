"""The registry of agency rules: every rule a profile may name, declared once, here.

``RULES`` lists the rule classes; the profile schema's discriminated union ``Rule`` (on the
``rule:`` key) and ``RULE_TYPES`` (each rule's class by name, for validating one rule at a
time) are derived from it. Each class carries its fields, its ``profiles show`` line and its
checks (``rules/base.py`` says which hooks there are). A rule class left out of ``RULES``
cannot be written in a profile, and tests/profiles/test_registry.py fails.
"""

from __future__ import annotations

import functools
import operator
from typing import TYPE_CHECKING, Annotated, get_args

from pydantic import Field

from policydraft.profiles.rules.base import BaseRule, SetUp
from policydraft.profiles.rules.files import (
    AttachmentsRule,
    FileSizeRule,
    FileTypesRule,
    NotCopyProtectedRule,
)
from policydraft.profiles.rules.length import PagesRule, WordsRule
from policydraft.profiles.rules.portal import CommentBoxRule, EmailSubjectRule
from policydraft.profiles.rules.text import (
    PageNumbersRule,
    SearchableTextRule,
    StatementRule,
    SubmitterRule,
)
from policydraft.profiles.rules.type_size import FontSizeRule

RULES: tuple[type[BaseRule], ...] = (
    PagesRule,
    WordsRule,
    FontSizeRule,
    FileSizeRule,
    FileTypesRule,
    AttachmentsRule,
    CommentBoxRule,
    StatementRule,
    SubmitterRule,
    PageNumbersRule,
    NotCopyProtectedRule,
    SearchableTextRule,
    EmailSubjectRule,
)
"""Every rule, in the order error messages list their names."""


def rule_name(kind: type[BaseRule]) -> str:
    """The name a profile writes after ``rule:``: the one value of the class's ``rule`` field."""
    (name,) = get_args(kind.model_fields["rule"].annotation)
    return str(name)


RULE_TYPES: dict[str, type[BaseRule]] = {rule_name(kind): kind for kind in RULES}
"""Each rule's model by its ``rule:`` name, for validating (and reporting) one rule at a time."""

if TYPE_CHECKING:  # a union built at run time is no type to mypy: to it, a rule is a BaseRule
    Rule = BaseRule
else:
    Rule = Annotated[functools.reduce(operator.or_, RULES), Field(discriminator="rule")]

__all__ = [
    "RULES",
    "RULE_TYPES",
    "AttachmentsRule",
    "BaseRule",
    "CommentBoxRule",
    "EmailSubjectRule",
    "FileSizeRule",
    "FileTypesRule",
    "FontSizeRule",
    "NotCopyProtectedRule",
    "PageNumbersRule",
    "PagesRule",
    "Rule",
    "SearchableTextRule",
    "SetUp",
    "StatementRule",
    "SubmitterRule",
    "WordsRule",
    "rule_name",
]
