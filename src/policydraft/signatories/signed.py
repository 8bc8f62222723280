"""When someone signed: the ``signed`` column as an instant, for ``sort: signed``.

Forms and petition tools write timestamps their own way: ISO 8601 with or without a zone
(Typeform's "2025-03-13 13:05:12", "2025-03-13T13:05:12Z", "+02:00"), Google Forms' download
"2025/03/13 9:00:00 AM GMT-4" and its sheet's "3/13/2025 9:05:12", Microsoft Forms'
"3/13/2025 9:05:12 AM" (sometimes with "EST"), Jotform's "Mar 13, 2025". They are read by
python-dateutil's parser, not a list of patterns, with these rules of our own:

- **Zones.** Numeric offsets, UTC/GMT/Z, the US abbreviations (EST/EDT, CST/CDT, MST/MDT,
  PST/PDT, AKST/AKDT, HST) and the Western, Central and Eastern European ones are read as
  fixed offsets, never as the computer's own zone. "GMT-4", as Google Forms writes it, means
  four hours *behind* UTC (dateutil alone reads it the POSIX way, four hours ahead), so such
  offsets are rewritten as "-04:00" before parsing. Any other zone name (IST is three zones)
  makes the time unreadable rather than silently wrong by hours.
- **Comparing.** A time with a zone becomes its instant in UTC; one without stays as written
  and is compared as if it were UTC (Typeform's "Submit Date (UTC)" is exactly that). Every
  result is a naive ``datetime``, so times with and without zones in one list sort without
  error; ``read_signed`` says which had a zone.
- **Day or month first.** Slashed and dashed dates (ISO's year-month-day aside) are month
  first, as the US tools that write them do ("3/4/2025" is March 4), unless the first
  number cannot be a month ("13/3/2025" is March 13); a four-digit first number is the year
  ("2025/03/13"). Dotted dates are day first, as German and other European forms write them
  ("04.03.2025" is March 4).
- **Dates, not fragments.** A time needs a year and at least two numbers ("2025",
  "Mar 2025", "9:05", "3/13" are not readable); a date without a time is its midnight.

Unreadable text is None (``sort: signed`` then warns, PD412). The forms with slashes that
Google and Microsoft Forms write are also read by a quick path (``_quick``) that gives what
dateutil gives (a property test checks it) some twenty times faster: 100,000 distinct ones
are read in about a second, where dateutil alone takes half a minute. Results are cached, as
large lists repeat their dates.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache
from typing import NamedTuple

from dateutil import parser
from dateutil.parser import UnknownTimezoneWarning

_HOURS = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10,
    "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
}  # fmt: skip
ZONES = {name: dt.timezone(dt.timedelta(hours=hours), name) for name, hours in _HOURS.items()}
_UTC_OFFSET = re.compile(r"(?<![A-Za-z])(?:GMT|UTC|UT) ?([+-])(\d{1,2})(?::?(\d{2}))?(?![\d:])")
_QUICK = re.compile(
    r"(\d{1,4})/(\d{1,2})/(\d{1,4})"
    r"(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])[Mm])?)?"
    r"(?: ([A-Z]{1,4}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?))?"
)
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_DIGITS = re.compile(r"\d+")
_LONGEST = 80  # characters: "Thursday, March 13, 2025 9:05:12 AM GMT-04:00" is 45
_NO_YEAR = dt.datetime(1, 1, 1)  # dateutil fills what the text lacks from this


class Signed(NamedTuple):
    """A signing time as compared (naive, in UTC when the text had a zone) and whether it had."""

    instant: dt.datetime
    zoned: bool


def parse_signed(text: str) -> dt.datetime | None:
    """The instant ``text`` names, or None when it is empty or not a time we can read."""
    signed = read_signed(text)
    return None if signed is None else signed.instant


@lru_cache(maxsize=131072)
def read_signed(text: str) -> Signed | None:
    """``text`` as a ``Signed`` (see the module's docstring), or None when unreadable."""
    text = " ".join(text.split())
    if not text or len(text) > _LONGEST:
        return None
    try:
        moment = _iso(text) or _quick(text) or _by_dateutil(text)
        if moment is None or moment.tzinfo is None:
            return None if moment is None else Signed(moment, zoned=False)
        return Signed(moment.astimezone(dt.UTC).replace(tzinfo=None), zoned=True)
    except (ValueError, OverflowError):  # an offset of a day or more; a year past 9999 in UTC
        return None


def _iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _quick(text: str) -> dt.datetime | None:
    """The slashed forms Google and Microsoft Forms write, without dateutil; None for any
    other text, or where dateutil's reading is not plainly the same."""
    found = _QUICK.fullmatch(text)
    if found is None:
        return None
    first, second, third, hour, minute, second_, half, zone = found.groups()
    if len(first) == 4 and len(third) <= 2:
        year, month, day = int(first), int(second), int(third)
    elif len(third) == 4 and len(first) <= 2 and int(first) <= 12:
        year, month, day = int(third), int(first), int(second)
    else:
        return None
    hours = int(hour or 0)
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half in "Pp" else 0)
    tzinfo = _zone(zone) if zone else None
    if zone and tzinfo is None:
        return None
    try:
        return dt.datetime(year, month, day, hours, int(minute or 0), int(second_ or 0), 0, tzinfo)
    except ValueError:  # "2/30/2025", "25:00": dateutil has the last word
        return None


def _zone(name: str) -> dt.tzinfo | None:
    if name in ZONES:
        return ZONES[name]
    offset = _UTC_OFFSET.fullmatch(name)
    return None if offset is None else _offset(offset)


def _offset(found: re.Match[str]) -> dt.timezone:
    """An offset as Google Forms means "GMT-4": four hours behind UTC."""
    sign = -1 if found[1] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(found[2]), minutes=int(found[3] or 0)))


def _by_dateutil(text: str) -> dt.datetime | None:
    if len(_DIGITS.findall(text)) < 2:  # "2025", "Mar 2025", "9am": not a whole date
        return None
    text = _UTC_OFFSET.sub(lambda found: f" {_as_written(found)}", text)
    dayfirst = _DOTTED.match(text) is not None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", UnknownTimezoneWarning)
            moment = parser.parse(text, default=_NO_YEAR, dayfirst=dayfirst, tzinfos=ZONES)
    except (ValueError, OverflowError, UnknownTimezoneWarning):
        return None
    return None if moment.year == _NO_YEAR.year else moment


def _as_written(found: re.Match[str]) -> str:
    """A "GMT-4" offset as ISO 8601 writes it, "-04:00", which dateutil reads the same way."""
    return f"{found[1]}{int(found[2]):02}:{found[3] or '00'}"
