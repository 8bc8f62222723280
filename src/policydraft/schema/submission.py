"""The submission file, ``policydraft.yaml``, as pydantic models that forbid unknown keys.

Field names follow ../SPEC.md. Models only describe shape and simple value rules; checks
that need other files (a Markdown file exists, a source key is known) live in readers/checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Person(_Strict):
    """Someone named in the letter: the commenter, the addressee, a signer of the block."""

    name: str
    title: str | None = None
    organization: str | None = None
    address: list[str] = Field(default_factory=list)
    email: str | None = None  # printed only in the signature block, when the user asks for it


class Argument(_Strict):
    heading: str
    body: str | None = None
    file: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Argument:
        if (self.body is None) == (self.file is None):
            raise ValueError("PD106: an argument needs exactly one of body: and file:")
        return self


SortOrder = Literal["surname", "given", "as-listed", "signed"]


class SignatoriesConfig(_Strict):
    file: str = "signatories.csv"
    columns: dict[str, str] = Field(default_factory=dict)
    group_by: str | None = None
    group_order: list[str] = Field(default_factory=list)
    sort: SortOrder = "surname"
    note: str | None = None
    heading: str | None = None


class OutputConfig(_Strict):
    dir: str = "build"
    name: str | None = None


class Submission(_Strict):
    title: str
    date: dt.date
    profile: str | None = None
    template: str = "comment-letter"
    docket: str | None = None
    responding_to: str | None = None
    commenter: Person
    addressee: Person | None = None
    salutation: str = "To Whom It May Concern:"
    introduction: str | None = None
    arguments: list[Argument] = Field(default_factory=list)
    conclusion: str | None = None
    closing: str = "Respectfully submitted,"
    signature: list[Person] = Field(default_factory=list)
    signatories: SignatoriesConfig | None = None
    sources: str | None = None
    output: OutputConfig = Field(default_factory=OutputConfig)
