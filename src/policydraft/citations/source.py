"""Bibliography entries (``sources.yaml``, or CSL-JSON mapped onto the same types).

One pydantic model per source type, selected by ``type``; each forbids unknown fields and
requires the fields the table of docs/sources.md requires, so "required field missing for the
type" is a schema error with the entry's line. ``SOURCES`` is the one registry of source
types: the discriminated union ``Source``, ``MODELS`` and ``SOURCE_TYPES`` derive from it, and
each class declares the CSL types it is imported from. A type's Bluebook forms are its
template ``templates/citations/bluebook/TYPE.j2``; tests/citations/test_source_registry.py
holds every registered type to a template, a row of docs/sources.md and a CSL mapper. Rules
that compare fields with the world (a reporter's years, a Federal Register volume against its
date) live in ``citations/validate_sources``.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from policydraft.citations.secondary import PublicationDate
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


class BaseSource(BaseModel):
    """What every entry has; a source type subclasses it with ``type: Literal["NAME"]``."""

    # A title like 1984 or a section like 107 is a number to YAML; users mean text.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    csl_types: ClassVar[tuple[str, ...]] = ()
    """The CSL-JSON types imported as this type (the mapper is in ``citations/csl``)."""
    short_form: ClassVar[bool] = True
    """False for a type the Bluebook cites in full every time but *Id.* (constitutions)."""
    authority_group: ClassVar[int] = 6
    """Its group in a table of authorities (``model.AUTHORITY_GROUPS``, from 1): 6 is "Other
    Authorities"."""

    id: SourceId
    file: str | None = None  # a local copy under sources/, for checking quotations
    short: str | None = None  # the short name used in later citations
    type: str  # each type narrows it to its own name


class CaseHistory(BaseModel):
    """One step of a case's subsequent history: "*aff'd*, 600 F.3d 1 (2d Cir. 2010)"."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    relation: str  # as the Bluebook's table T8 writes it: aff'd, rev'd, cert. denied, ...
    volume: Volume
    reporter: str
    page: Page
    year: Year
    court: str | None = None
    en_banc: bool = False  # "(en banc)" after this step's court and date
    per_curiam: bool = False  # "(per curiam)": "*aff'd*, 210 F.3d 88 (2d Cir. 2000) (per curiam)"


class Case(BaseSource):
    csl_types = ("legal_case",)
    authority_group = 1  # Cases
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
    abbreviate: bool = True  # false: cite the name as written, not abbreviated per T6/T10
    en_banc: bool = False  # "(en banc)" after the court and date
    per_curiam: bool = False  # "(per curiam)"
    opinion: str | None = None  # a separate opinion: "Ginsburg, J., dissenting"
    history: tuple[CaseHistory, ...] = ()  # subsequent history, printed in the full form only


class Statute(BaseSource):
    csl_types = ("legislation",)
    authority_group = 3  # Statutes
    type: Literal["statute"]
    title: str  # the code's title number, e.g. "17"
    code: str  # e.g. "U.S.C."
    section: str
    year: Year | None = None
    name: str | None = None
    url: str | None = None
    publisher: str | None = None  # a state code's publisher: "(West 2024)"
    supplement: str | None = None  # "Supp. IV 2022": "(2018 & Supp. IV 2022)"


class Regulation(BaseSource):
    csl_types = ("regulation",)
    authority_group = 4  # Regulations
    type: Literal["regulation"]
    title: str
    code: str  # e.g. "C.F.R."
    section: str
    year: Year | None = None
    name: str | None = None  # a rule cited by name: "FTC Credit Practices Rule, 16 C.F.R. ..."
    url: str | None = None


class FederalRegister(BaseSource):
    authority_group = 5  # Federal Register and Administrative Materials
    type: Literal["federal-register"]
    title: str
    volume: Volume
    page: Page
    date: IsoDate
    doc_number: str | None = None
    docket: str | None = None
    url: str | None = None
    proposed: bool = False  # a proposed rule: "(proposed Jan. 5, 2024)"
    codified_at: str | None = None  # "37 C.F.R. pt. 202": "(to be codified at 37 C.F.R. pt. 202)"


class Comment(BaseSource):
    authority_group = 5  # a comment in an agency's docket is administrative material
    type: Literal["comment"]
    author: str
    title: str
    date: PublicationDate
    docket: str | None = None
    url: str | None = None


class Report(BaseSource):
    csl_types = ("report",)
    type: Literal["report"]
    author: str
    title: str
    date: PublicationDate  # YYYY-MM-DD, or YYYY-MM / YYYY: printed "2014", never "Jan. 1, 2014"
    publisher: str | None = None
    url: str | None = None


class Book(BaseSource):
    csl_types = ("book",)
    type: Literal["book"]
    author: str
    title: str
    year: Year
    publisher: str | None = None
    edition: str | None = None
    pin: str | None = None
    volume: Volume | None = None  # of a multivolume work: "2 William F. Patry, ..."


class Article(BaseSource):
    csl_types = ("article-journal",)
    type: Literal["article"]
    author: str
    title: str
    journal: str
    volume: Volume
    page: Page
    year: Year
    url: str | None = None


class News(BaseSource):
    csl_types = ("article-newspaper", "article-magazine")
    type: Literal["news"]
    author: str
    title: str
    publication: str
    date: PublicationDate
    url: str | None = None
    page: str | None = None  # first page in print: "Wall St. J., Mar. 3, 2023, at B1"


class Web(BaseSource):
    csl_types = ("webpage", "post-weblog", "post")
    type: Literal["web"]
    title: str
    url: str
    accessed: IsoDate | None = None  # needed only when the page gives no date of its own
    author: str | None = None
    date: PublicationDate | None = None
    publisher: str | None = None

    @model_validator(mode="after")
    def _dated_or_visited(self) -> Web:
        """A web page is cited with its own date, or with the day it was last visited."""
        if self.date is None and self.accessed is None:
            raise PydanticCustomError(
                "web_date",
                "a web page needs its date (date:) or the day it was visited (accessed:), "
                'which the citation prints as "(last visited ...)"',
            )
        return self


class Constitution(BaseSource):
    """A federal or state constitution (Bluebook rule 11, Indigo Book R23): no date unless
    the provision was repealed or amended, and no short form but *Id.*"""

    short_form = False
    authority_group = 2  # Constitutional Provisions
    type: Literal["constitution"]
    jurisdiction: str  # "U.S.", or a state as table T12 abbreviates it: "N.Y.", "Ariz."
    provision: str | None = None  # "art. I, § 8, cl. 8", "amend. XIV, § 1"; or in each pin
    status: str | None = None  # "repealed 1933": "U.S. Const. amend. XVIII (repealed 1933)"


class Bill(BaseSource):
    """An unenacted federal bill or resolution (Bluebook rule 13.2, Indigo Book R21.1)."""

    csl_types = ("bill",)
    type: Literal["bill"]
    number: str  # "H.R. 3262", "S. 1", "H.R. Res. 431", "S.J. Res. 12"
    congress: Volume  # 118: "118th Cong."
    year: Year
    name: str | None = None  # "Paycheck Fairness Act, H.R. 11, ..."
    version: str | None = None  # "as passed by House, Dec. 3, 2014", printed for the year
    enacted: bool = False  # "(enacted)" after the year
    url: str | None = None


class Hearing(BaseSource):
    """A congressional committee hearing (Bluebook rule 13.3, Indigo Book R21.4.1)."""

    csl_types = ("hearing",)
    type: Literal["hearing"]
    title: str  # the hearing's own title, or the whole "...: Hearing Before the ..." line
    congress: Volume
    year: Year
    committee: str | None = None  # "Subcomm. on Cts. ... of the H. Comm. on the Judiciary"
    bill: str | None = None  # "H.R. 5793": "Hearing on H.R. 5793 Before the ..."
    statement: str | None = None  # "Zoe Lofgren, Member, H. Comm. on the Judiciary"
    url: str | None = None


class Treaty(BaseSource):
    """A treaty or other international agreement (Bluebook rule 21.4)."""

    csl_types = ("treaty",)
    type: Literal["treaty"]
    name: str
    date: IsoDate  # of signing, or of the event date_label names
    series: str  # where it is published (table T4): "1155 U.N.T.S. 331"
    parties: str | None = None  # a bilateral treaty's parties: "U.S.-Austl."
    date_label: str | None = None  # "opened for signature", "adopted": before the date
    url: str | None = None


SOURCES: tuple[type[BaseSource], ...] = (
    Case,
    Statute,
    Regulation,
    FederalRegister,
    Comment,
    Report,
    Book,
    Article,
    News,
    Web,
    Constitution,
    Bill,
    Hearing,
    Treaty,
)
"""Every source type a user can write, in the order of docs/sources.md and of the messages
that list them."""


def source_type(kind: type[BaseSource]) -> str:
    """The name an entry writes after ``type:``: the one value of the class's ``type`` field."""
    (name,) = get_args(kind.model_fields["type"].annotation)
    return str(name)


MODELS: dict[str, type[BaseSource]] = {source_type(kind): kind for kind in SOURCES}
"""Each ``type:`` a user can write, with its model, in the order of docs/sources.md."""

SOURCE_TYPES: tuple[str, ...] = tuple(MODELS)

if TYPE_CHECKING:  # a union built at run time is no type to mypy: to it, a source is a BaseSource
    Source = BaseSource
else:
    Source = Annotated[functools.reduce(operator.or_, SOURCES), Field(discriminator="type")]


def required_fields(source_type: str) -> tuple[str, ...]:
    """The fields an entry of ``source_type`` must have besides id and type (docs/sources.md)."""
    model = MODELS[source_type]
    return tuple(
        name
        for name, info in model.model_fields.items()
        if info.is_required() and name not in ("id", "type")
    )


def source_date(source: BaseSource) -> dt.date | None:
    """The latest date a source claims for itself (a year counts as its first day)."""
    date: Any = getattr(source, "date", None)
    if isinstance(date, dt.date):
        return date
    year: Any = getattr(source, "year", None)
    return dt.date(year, 1, 1) if isinstance(year, int) and 1 <= year <= 9999 else None
