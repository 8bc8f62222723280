"""Federal Register citations and regulations.gov docket ids: forms an agency's staff know.

The Federal Register began with volume 1 in 1936, one volume a year, so the volume of a
document dated in year Y is Y - 1935 (90 Fed. Reg. is 2025). Its document numbers are
YYYY-NNNNN, numbered by the year the document was filed: one filed in late December and
published in early January keeps the previous year. regulations.gov docket ids are an
agency acronym (possibly several parts, as in EPA-HQ-OAR), a year and a sequence number
(FDA adds a letter: FDA-2013-N-0001), with a document's number appended for one comment;
agencies outside the system file under AGENCY_FRDOC_NNNN (OSTP's NSF_FRDOC_0001).
"""

from __future__ import annotations

import re

from policydraft.citations.bibliography import LocatedSource
from policydraft.citations.source import FederalRegister
from policydraft.diagnostics import Diagnostics

FIRST_YEAR = 1936
_DOC_NUMBER = re.compile(r"(\d{4})-(\d{5})")
_DOCKET = re.compile(
    r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d{4}-(?:[A-Z]{1,2}-)?\d{4,}(?:-\d{4,})?"
    r"|[A-Z][A-Z0-9]*_FRDOC_\d{4}(?:-\d{4,})?"
)
DOCKET_FORMS = "AGENCY-YYYY-NNNN[-NNNN], e.g. COLC-2023-0006, or AGENCY_FRDOC_NNNN"

# Pages the Federal Register printed in a year, for the years whose count was published:
# 1936 and 2004 from the Government Printing Office at the Register's 70th anniversary (2006);
# 2000 and 2010 from the final print issue of volume 75 (Zief Law Library, 2011); 2009's
# unadjusted count as reported during 2010 (American Spectator, citing the Office of the
# Federal Register); 2001, 2016-2019, 2021 and 2022 from Ballotpedia's year-end counts, which
# follow the Office of the Federal Register's statistics; 2024 from the Federal Register
# Rundown's history of the Register (2025), consistent with page 106,308 printed on
# 30 December 2024. A page number is continuous through a volume, so the count is about its
# last page. (1937's count, kept earlier from memory, was dropped: no public source was found.)
PAGES_PRINTED: dict[int, int] = {
    1936: 2_620,
    2000: 83_294,
    2001: 64_438,
    2004: 75_675,
    2009: 69_644,
    2010: 82_589,
    2016: 95_894,
    2017: 61_950,
    2018: 68_082,
    2019: 72_564,
    2021: 74_532,
    2022: 80_756,
    2024: 107_262,
}
# Counts net of blank and skipped pages run a little under the last page number: allow this.
PAGE_MARGIN = 1.05


def volume_for(year: int) -> int:
    return year - (FIRST_YEAR - 1)


def check_volume(located: LocatedSource, diags: Diagnostics) -> None:
    """PD508: the volume and the date of a Federal Register citation must agree."""
    notice = located.source
    if not isinstance(notice, FederalRegister):
        return
    year = notice.date.year
    if year < FIRST_YEAR:
        message = (
            f"source '{notice.id}' is dated {notice.date.isoformat()}, but the Federal "
            f"Register began in {FIRST_YEAR} (volume 1)"
        )
        diags.error("PD508", message, located.at("date"))
    elif notice.volume != volume_for(year):
        message = (
            f"Federal Register volume {notice.volume} does not match the date "
            f"{notice.date.isoformat()} in source '{notice.id}': {year} is volume "
            f"{volume_for(year)} (volume = year - 1935)"
        )
        diags.error("PD508", message, located.at("volume"))


def last_page(volume: int) -> tuple[int, bool]:
    """The highest page ``volume`` can have, and whether that volume's own count is known
    (otherwise the bound is the largest year on record, which no volume has exceeded)."""
    year = volume + FIRST_YEAR - 1
    known = PAGES_PRINTED.get(year)
    pages = known if known is not None else max(PAGES_PRINTED.values())
    return int(pages * PAGE_MARGIN), known is not None


def check_last_page(located: LocatedSource, diags: Diagnostics) -> None:
    """PD526: a page beyond the last page of its volume ("85 Fed. Reg. 912345")."""
    notice = located.source
    if not isinstance(notice, FederalRegister):
        return
    highest, known = last_page(notice.volume)
    if notice.page <= highest:
        return
    if known:
        year = notice.volume + FIRST_YEAR - 1
        printed = f"volume {notice.volume} ({year}) has {PAGES_PRINTED[year]:,} pages"
    else:
        printed = f"no volume has had more than {max(PAGES_PRINTED.values()):,} pages"
    message = (
        f"Federal Register page {notice.page:,} in source '{notice.id}' is beyond the last "
        f"page: {printed}; check the page"
    )
    diags.error("PD526", message, located.at("page"))


def check_doc_number(located: LocatedSource, diags: Diagnostics) -> None:
    """PD509: a document number's form, and its year against the date's."""
    notice = located.source
    if not isinstance(notice, FederalRegister) or notice.doc_number is None:
        return
    where = located.at("doc_number")
    match = _DOC_NUMBER.fullmatch(notice.doc_number.strip())
    if match is None:
        message = (
            f"Federal Register document number '{notice.doc_number}' in source '{notice.id}' "
            f"is not of the form YYYY-NNNNN (e.g. {notice.date.year}-02305)"
        )
        diags.error("PD509", message, where)
        return
    filed = int(match.group(1))
    published = notice.date
    if filed == published.year or (filed == published.year - 1 and published.month == 1):
        return
    message = (
        f"Federal Register document number '{notice.doc_number}' in source '{notice.id}' is "
        f"from {filed}, but the document is dated {published.isoformat()}"
    )
    diags.error("PD509", message, where)


def docket_problem(docket: str) -> str | None:
    """Why ``docket`` is not a regulations.gov docket or document id; None if it is one."""
    written = docket.strip()
    if _DOCKET.fullmatch(written):
        return None
    upper = re.sub(r"\s+", "", written).upper()
    if _DOCKET.fullmatch(upper):
        return f"docket '{docket}' is not written as regulations.gov does; write '{upper}'"
    return f"docket '{docket}' is not a regulations.gov docket id ({DOCKET_FORMS})"


def check_docket(located: LocatedSource, diags: Diagnostics) -> None:
    """PD510, a warning: agencies outside regulations.gov (the FCC, the SEC) have their own
    docket forms, which a letter to them may rightly cite. A case's docket is a court's
    number (1:20-cv-613), not an agency docket, so cases are left alone."""
    if located.source.type == "case":
        return
    docket = getattr(located.source, "docket", None)
    if not isinstance(docket, str):
        return
    problem = docket_problem(docket)
    if problem is not None:
        diags.warning("PD510", f"{problem} (source '{located.id}')", located.at("docket"))
