"""Bibliography entries (``sources.yaml``, or CSL-JSON mapped onto the same types).

One pydantic model per source type, selected by ``type``; each forbids unknown fields and
requires the fields the table of docs/sources.md requires, so "required field missing for the
type" is a schema error with the entry's line. Rules that compare fields with the world (a
reporter's years, a Federal Register volume against its date) live in
``citations/validate_sources``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from policydraft.submission.schema import IsoDate

# pandoc's citation key grammar: a word character first, punctuation only between word
# characters. An id outside it could be written in sources.yaml but never cited as [@id].
_CITATION_KEY = re.compile(r"\w(?:[\w]|[:.#$%&\-+?<>~/](?=\w))*")


def _citable(value: str) -> str:
    if not _CITATION_KEY.fullmatch(value):
        raise PydanticCustomError(
            "source_id",
            "cannot be cited as [@{value}]; use letters, digits and _, with "
            "- . : / only between them",
            {"value": value},
        )
    return value


SourceId = Annotated[str, AfterValidator(_citable)]
Volume = Annotated[int, Field(gt=0)]  # a volume or page number 0 is always a typo
Page = Annotated[int, Field(gt=0)]
# A year 0 or below is no year a citation can print: "(-5)" was cited as written. (A year
# after the letter's date is PD507, checked with the other dates.)
Year = Annotated[int, Field(gt=0)]


class _Source(BaseModel):
    # A title like 1984 or a section like 107 is a number to YAML; users mean text.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    id: SourceId
    file: str | None = None  # a local copy under sources/, for checking quotations
    short: str | None = None  # the short name used in later citations


class Case(_Source):
    type: Literal["case"]
    name: str
    volume: Volume
    reporter: str
    page: Page
    year: Year
    court: str | None = None
    pin: str | None = None
    url: str | None = None
    docket: str | None = None  # docket number, for slip opinions and database cites (WL)
    date: IsoDate | None = None  # exact decision date, printed instead of the year when given


class Statute(_Source):
    type: Literal["statute"]
    title: str  # the code's title number, e.g. "17"
    code: str  # e.g. "U.S.C."
    section: str
    year: Year | None = None
    name: str | None = None
    url: str | None = None


class Regulation(_Source):
    type: Literal["regulation"]
    title: str
    code: str  # e.g. "C.F.R."
    section: str
    year: Year | None = None
    url: str | None = None


class FederalRegister(_Source):
    type: Literal["federal-register"]
    title: str
    volume: Volume
    page: Page
    date: IsoDate
    doc_number: str | None = None
    docket: str | None = None
    url: str | None = None


class Comment(_Source):
    type: Literal["comment"]
    author: str
    title: str
    date: IsoDate
    docket: str | None = None
    url: str | None = None


class Report(_Source):
    type: Literal["report"]
    author: str
    title: str
    date: IsoDate
    publisher: str | None = None
    url: str | None = None


class Book(_Source):
    type: Literal["book"]
    author: str
    title: str
    year: Year
    publisher: str | None = None
    edition: str | None = None
    pin: str | None = None


class Article(_Source):
    type: Literal["article"]
    author: str
    title: str
    journal: str
    volume: Volume
    page: Page
    year: Year
    url: str | None = None


class News(_Source):
    type: Literal["news"]
    author: str
    title: str
    publication: str
    date: IsoDate
    url: str | None = None


class Web(_Source):
    type: Literal["web"]
    title: str
    url: str
    accessed: IsoDate
    author: str | None = None
    date: IsoDate | None = None
    publisher: str | None = None


AnySource = (
    Case | Statute | Regulation | FederalRegister | Comment | Report | Book | Article | News | Web
)
Source = Annotated[AnySource, Field(discriminator="type")]

MODELS: dict[str, type[AnySource]] = {
    "case": Case,
    "statute": Statute,
    "regulation": Regulation,
    "federal-register": FederalRegister,
    "comment": Comment,
    "report": Report,
    "book": Book,
    "article": Article,
    "news": News,
    "web": Web,
}
"""Each ``type:`` a user can write, with its model, in the order of docs/sources.md."""

SOURCE_TYPES: tuple[str, ...] = tuple(MODELS)


def required_fields(source_type: str) -> tuple[str, ...]:
    """The fields an entry of ``source_type`` must have besides id and type (docs/sources.md)."""
    model = MODELS[source_type]
    return tuple(
        name
        for name, info in model.model_fields.items()
        if info.is_required() and name not in ("id", "type")
    )


def source_date(source: AnySource) -> dt.date | None:
    """The latest date a source claims for itself (a year counts as its first day)."""
    date: Any = getattr(source, "date", None)
    if isinstance(date, dt.date):
        return date
    year: Any = getattr(source, "year", None)
    return dt.date(year, 1, 1) if isinstance(year, int) and 1 <= year <= 9999 else None
