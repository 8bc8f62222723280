"""When someone signed: the ``signed`` column as a point in time, for ``sort: signed``.

Forms and petition tools write timestamps their own way: ISO 8601 (with or without a zone),
Google Forms' US "3/13/2025 9:05:12", "Mar 13, 2025 9:05 AM", Excel's dates. Slashed dates are
read month first, as US tools write them, unless the first number cannot be a month. A time
with a zone is compared in UTC; one without is taken as written.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

_DATES = ("%m/%d/%Y", "%m/%d/%y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y",
          "%d %B %Y", "%d %b %Y", "%m-%d-%Y")  # fmt: skip
_TIMES = ("", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p", " %I:%M%p")
_FORMATS = tuple(date + time for date in _DATES for time in _TIMES)


@lru_cache(maxsize=131072)
def parse_signed(text: str) -> dt.datetime | None:
    """The moment ``text`` names, or None when it is empty or not a timestamp we can read."""
    text = " ".join(text.split())
    if not text:
        return None
    try:
        return _naive(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    for pattern in _FORMATS:
        try:
            return _naive(dt.datetime.strptime(text, pattern))
        except ValueError:
            continue
    return None


def _naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
