"""The submission file, ``policydraft.yaml``, as pydantic models that forbid unknown keys.

Field names follow docs/submission-format.md. Models only describe shape and simple value rules;
checks that need other files (a Markdown file exists, a source key is known) live in readers/checks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from policydraft.signatories.config import SignatoriesConfig


class _Strict(BaseModel):
    # A docket like 12345 or a title like 1984 is a number to YAML; users mean text.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, coerce_numbers_to_str=True
    )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    """Accept only a calendar date (YAML's own, or text YYYY-MM-DD).

    pydantic's lax date parsing would read 20250315 as a Unix timestamp and accept datetimes;
    a letter's date is neither, so anything else is an ``iso_date`` error.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("iso_date", "a date must be written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


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
            # A custom type (not ValueError) so the reader can tell it apart and report PD106.
            raise PydanticCustomError(
                "body_or_file", "an argument needs exactly one of body: and file:"
            )
        return self


class OutputConfig(_Strict):
    dir: str = "build"
    name: str | None = None


class CitationsConfig(_Strict):
    """How later citations are written (docs/citations.md, "Id., short forms and supra")."""

    supra: Literal["plain", "note"] = "plain"  # "Litman, *supra*, at 4" or "*supra* note 3"
    five_footnotes: bool = True  # a case cited more than five notes back is cited in full
    # quotations cited to sources without a local copy (file:): one warning listing them (PD528)
    quotes_without_copy: Literal["warn", "ignore"] = "warn"


class TypographyConfig(_Strict):
    """How the letter's text is set: ``smart_quotes`` curls "straight" quotes (default on)."""

    smart_quotes: bool = True


class Submission(_Strict):
    title: str
    date: IsoDate
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
    citations: CitationsConfig = Field(default_factory=CitationsConfig)
    output: OutputConfig = Field(default_factory=OutputConfig)
    typography: TypographyConfig = Field(default_factory=TypographyConfig)
