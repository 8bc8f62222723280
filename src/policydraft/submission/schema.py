"""The submission file, ``policydraft.yaml``, as pydantic models that forbid unknown keys.

Field names follow docs/submission-format.md. Models only describe shape and simple value rules;
checks that need other files (a Markdown file exists, a source key is known) live in readers/checks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from policydraft.signatories.config import SignatoriesConfig
from policydraft.submission.ignoring import ignore_problem


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


class Signer(Person):
    """A signer of the block: ``conformed`` prints "/s/ Name"; ``image`` is a scanned
    signature (PNG or JPEG inside the folder). See docs/submission-format.md."""

    conformed: bool = False
    image: str | None = None


class Firm(_Strict):
    """The firm's or organization's block under the signers: counsel's contact details."""

    name: str
    address: list[str] = Field(default_factory=list)
    phone: str | None = None
    email: str | None = None


class LetterheadConfig(_Strict):
    """The first page's top: text lines (name, address) and/or a logo inside the folder."""

    lines: list[str] = Field(default_factory=list)
    image: str | None = None


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


class AuthoritiesConfig(_Strict):
    """How the table of authorities prints pages (docs/citations.md, "Table of authorities")."""

    passim: int = Field(default=5, ge=1)  # cited on more pages than this: "passim"


class TypographyConfig(_Strict):
    """How the letter's text is set: ``smart_quotes`` curls "straight" quotes (default on)."""

    smart_quotes: bool = True


EXHIBIT_LABEL = r"^(?:[A-Z]{1,3}|[1-9][0-9]{0,2})$"
"""An exhibit's label: one to three capital letters (A, B, ..., AA) or a number (1 to 999)."""


class ExhibitConfig(_Strict):
    """A file filed behind the letter (docs/submission-format.md, "Exhibits")."""

    file: str  # a PDF, DOCX, PNG or JPEG inside the submission folder
    title: str = Field(min_length=1)
    label: str | None = Field(default=None, pattern=EXHIBIT_LABEL)  # default: A, B, C ...


def _one_line(value: str) -> str:
    """A watermark is one line of printable text: no control characters, no line breaks."""
    if any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in value) or not value.strip():
        raise PydanticCustomError("one_line", "a watermark is one line of printable text")
    return value


class DraftConfig(_Strict):
    """A review copy's marks (docs/reviewing.md): ``draft: true`` or ``draft: {watermark: ...}``."""

    watermark: Annotated[str, Field(max_length=60), AfterValidator(_one_line)] = "DRAFT"


def _ignorable(code: str) -> str:
    code = code.strip().upper()
    problem = ignore_problem(code)
    if problem is not None:
        raise PydanticCustomError("ignored_code", problem)
    return code


class DiagnosticsConfig(_Strict):
    """``diagnostics: {ignore: [PD404, ...]}``: warnings and notes not to print or count."""

    ignore: list[Annotated[str, AfterValidator(_ignorable)]] = Field(default_factory=list)


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
    signature: list[Signer] = Field(default_factory=list)
    signature_layout: Literal["stacked", "side-by-side"] = "stacked"
    firm: Firm | None = None
    letterhead: LetterheadConfig | None = None
    signatories: SignatoriesConfig | None = None
    sources: str | None = None
    citations: CitationsConfig = Field(default_factory=CitationsConfig)
    output: OutputConfig = Field(default_factory=OutputConfig)
    typography: TypographyConfig = Field(default_factory=TypographyConfig)
    draft: bool | DraftConfig = False  # a review copy: watermark, line numbers; never packaged
    toc: bool = False  # a table of contents before the first argument (compose/toc.py)
    table_of_authorities: bool = False  # after the contents (compose/authorities.py)
    toa: AuthoritiesConfig = Field(default_factory=AuthoritiesConfig)
    exhibits: list[ExhibitConfig] = Field(default_factory=list)
    diagnostics: DiagnosticsConfig = Field(default_factory=DiagnosticsConfig)
