"""Bibliography entries (``sources.yaml``, or CSL-JSON mapped onto the same types).

One pydantic model per source type, selected by ``type``; each forbids unknown keys and
requires the fields the SPEC's table requires, so "required fields missing for the type" is
a schema error with the entry's line. Rules that compare fields with the world (a reporter's
years, a Federal Register volume against its date) live in ``citations/validate``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from policydraft.schema.submission import IsoDate


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    id: str
    file: str | None = None  # a local copy under sources/, for checking quotations
    short: str | None = None  # the short name used in later citations


class Case(_Source):
    type: Literal["case"]
    name: str
    volume: int
    reporter: str
    page: int
    year: int
    court: str | None = None
    pin: str | None = None
    url: str | None = None


class Statute(_Source):
    type: Literal["statute"]
    title: str  # the code's title number, e.g. "17"
    code: str  # e.g. "U.S.C."
    section: str
    year: int | None = None
    name: str | None = None
    url: str | None = None


class Regulation(_Source):
    type: Literal["regulation"]
    title: str
    code: str  # e.g. "C.F.R."
    section: str
    year: int | None = None
    url: str | None = None


class FederalRegister(_Source):
    type: Literal["federal-register"]
    title: str
    volume: int
    page: int
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
    year: int
    publisher: str | None = None
    edition: str | None = None
    pin: str | None = None


class Article(_Source):
    type: Literal["article"]
    author: str
    title: str
    journal: str
    volume: int
    page: int
    year: int
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


Source = Annotated[
    Case | Statute | Regulation | FederalRegister | Comment | Report | Book | Article | News | Web,
    Field(discriminator="type"),
]
SOURCE_TYPES: tuple[str, ...] = (
    "case",
    "statute",
    "regulation",
    "federal-register",
    "comment",
    "report",
    "book",
    "article",
    "news",
    "web",
)


def source_date(
    source: Case
    | Statute
    | Regulation
    | FederalRegister
    | Comment
    | Report
    | Book
    | Article
    | News
    | Web,
) -> dt.date | None:
    """The latest date a source claims for itself (a year counts as its first day)."""
    date = getattr(source, "date", None)
    if isinstance(date, dt.date):
        return date
    year = getattr(source, "year", None)
    return dt.date(year, 1, 1) if isinstance(year, int) else None
