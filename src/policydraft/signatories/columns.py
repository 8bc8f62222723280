"""The columns a signatory list may have, declared once, and everything derived from them.

A column's name is the key ``signatories.columns`` maps to a header and the ``Signatory``
field the reader fills (the ``consent`` column, read as yes or no, fills ``consent`` and
``withdrawn``). Its ``headers`` are what form and mailing-tool exports write for it; the
reader matches them ignoring case, spaces, punctuation and underscores (headers.py). Whether a
column is printed, private, groupable or glyph-checked is said here and nowhere else: the
submission schema, the reader, the e-mail check, the export, the reports and the glyph check
all read the derived tuples below. docs/signatories.md describes each column for users and
lists every header recognised (a test keeps that list in step with this table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a signatory list and what policydraft does with it."""

    name: str
    printed: bool = False
    """Shown: in the appendix (or as its group headings), the export, ``stats`` and ``diff``
    reports; a row holding an e-mail address in a printed column is left out (PD411)."""
    private: bool = False
    """Never printed, exported or shown in a message (read only to find duplicates)."""
    affiliation: bool = False
    """Part of the line printed under the name (in table order, ``, `` between parts)."""
    glyph_checked: bool = False
    """Drawn in the PDF as text, so each character needs a glyph in the bundled fonts."""
    group_rank: int | None = None
    """Set when ``group_by`` may name the column: its place among the choices a wrong
    ``group_by`` is told about (the usual choice, ``category``, first)."""
    headers: tuple[str, ...] = ()
    """The headers exports write for the column besides its own name, as they write them
    (matched ignoring case, spaces, punctuation and underscores)."""
    joins: tuple[str, ...] = ()
    """When the list has no header for the column itself: the columns or parts whose cells,
    joined in this order (empty ones left out), fill it."""
    separator: str = " "
    """What goes between the joined cells."""

    @property
    def groupable(self) -> bool:
        return self.group_rank is not None


COLUMNS: tuple[Column, ...] = (
    Column(
        "name", printed=True, glyph_checked=True, joins=("given", "family"),
        headers=(
            "Full name", "Your name", "Your full name", "Full name (first and last)",
            "Signer", "Signer name", "Signer's name", "Signatory", "Signatory name",
            "Signature name", "Printed name", "Print name", "Name (printed)", "Display name",
            "Name to display", "Name as it should appear", "Contact name",
        ),
    ),
    Column(
        "given",
        headers=(
            "First name", "First", "Given name", "Given names", "Forename", "Forenames",
            "FNAME", "Your first name", "Vorname", "Prénom",
        ),
    ),
    Column(
        "family",
        headers=(
            "Last name", "Last", "Surname", "Family name", "LNAME", "Your last name",
            "Your surname", "Nachname", "Nom de famille",
        ),
    ),
    Column(
        "title", printed=True, affiliation=True, glyph_checked=True, group_rank=3,
        headers=(
            "Job title", "Your title", "Your job title", "Role", "Your role", "Position",
            "Title/Position", "Position/Title", "Occupation", "Profession",
        ),
    ),
    Column(
        "organization", printed=True, affiliation=True, glyph_checked=True, group_rank=2,
        headers=(
            "Organisation", "Organization name", "Organisation name", "Your organization",
            "Your organisation", "Organization/Affiliation", "Company", "Company name",
            "Affiliation", "Institutional affiliation", "Institution", "Employer",
        ),
    ),
    Column(
        "category", printed=True, group_rank=1,
        headers=(
            "Sector", "Signer category", "Signatory category", "Signer type", "Signatory type",
        ),
    ),
    Column(
        "location", printed=True, affiliation=True, glyph_checked=True, group_rank=4,
        joins=("city", "state", "country"), separator=", ",
        headers=(
            "Your location", "City/State", "City, State", "City and state", "City, Country",
            "Hometown",
        ),
    ),
    Column(
        "email", private=True,
        headers=(
            "E-mail", "Email address", "E-mail address", "Your email", "Your email address",
            "Work email", "Work email address", "Contact email",
        ),
    ),
    Column(
        "consent",
        headers=(
            "Display my name", "Display my name publicly", "List my name",
            "List my name publicly", "Publish my name", "May we list your name?",
            "May we list your name publicly?", "Can we list your name?",
            "May we publish your name?", "Can we publish your name?", "Permission to publish",
            "Permission to list my name", "Public listing",
        ),
    ),
    Column(
        "signed",
        headers=(
            "Timestamp", "Submitted", "Submitted at", "Submitted on", "Submit date",
            "Submit Date (UTC)", "Submission date", "Submission time", "Date submitted",
            "Completion time", "Completed at", "End Date", "Created", "Created at",
            "created_date", "Created time", "Date created", "Date signed", "Signed at",
            "Signed on", "Date", "OPTIN_TIME",
        ),
    ),
    Column("sort_as", headers=("Sort name", "Sort key", "File under")),
)  # fmt: skip
"""Every column, in the order the reader matches headers and messages list them."""

PARTS: tuple[Column, ...] = (
    Column("city", headers=("Town", "City/Town", "Town/City", "Your city", "can2_user_city")),
    Column(
        "state",
        headers=(
            "Province",
            "State/Province",
            "State/Province/Region",
            "State/Region",
            "State or province",
            "can2_state_abbreviated",
        ),
    ),
    Column("country", headers=("Country/Region", "Your country", "Nation", "can2_country")),
)
"""Parts of a column that some lists split (``location``'s ``joins``): read only to be
joined, never a ``Signatory`` field of their own, so not mappable in ``signatories.columns``."""

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
"""What ``signatories.columns`` may map (its keys)."""

GROUP_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in sorted((c for c in COLUMNS if c.groupable), key=lambda c: c.group_rank or 0)
)
"""What ``signatories.group_by`` may name, in the order a wrong value is told about."""

PRINTED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.printed)
"""The only columns that ever reach a document, an export or a report."""

AFFILIATION_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.affiliation)
"""The parts of the line printed under a signer's name."""

GLYPH_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.glyph_checked)
"""The columns whose characters the PDF draws, checked against its fonts (PD902)."""
