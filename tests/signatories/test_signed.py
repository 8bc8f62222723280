"""Signing times as the form tools write them, read as instants (``signed.py``).

The forms below are as each tool's help pages show its export's timestamp column: Google
Forms' CSV download ("2025/03/13 9:00:00 AM GMT-4"; its linked sheet shows
"3/13/2025 9:05:12"), Microsoft Forms' Excel download ("3/13/2025 9:05:12 AM", with the
respondent's zone abbreviation in some exports), Typeform's "Submit Date (UTC)"
("2025-03-13 13:05:12"), Jotform's "Submission Date" ("Mar 13, 2025"), Mailchimp's
"OPTIN_TIME" ("2025-03-13 09:05:12"), and ISO 8601 from APIs and Airtable.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Location
from policydraft.signatories.order import order_signatories
from policydraft.signatories.signatory import Signatory
from policydraft.signatories.signed import _by_dateutil, _quick, parse_signed, read_signed

UTC = dt.datetime  # expected instants are naive datetimes in UTC


@pytest.mark.parametrize(
    ("text", "instant", "zoned"),
    [
        # ISO 8601: Z, offsets, no zone
        ("2025-03-13T13:05:12Z", UTC(2025, 3, 13, 13, 5, 12), True),
        ("2025-03-13T15:05:12+02:00", UTC(2025, 3, 13, 13, 5, 12), True),
        ("2025-03-13T09:05:12-04:00", UTC(2025, 3, 13, 13, 5, 12), True),
        ("2025-03-13T13:05:12.250Z", UTC(2025, 3, 13, 13, 5, 12, 250000), True),
        ("2025-03-13 13:05:12 UTC", UTC(2025, 3, 13, 13, 5, 12), True),
        ("2025-03-13 13:05:12 GMT", UTC(2025, 3, 13, 13, 5, 12), True),
        # Google Forms' CSV download: "GMT-4" is four hours BEHIND UTC
        ("2025/03/13 9:00:00 AM GMT-4", UTC(2025, 3, 13, 13, 0), True),
        ("2025/03/13 9:00:00 PM GMT-4", UTC(2025, 3, 14, 1, 0), True),
        ("2025/03/13 9:00:00 AM GMT+3", UTC(2025, 3, 13, 6, 0), True),
        ("2025/03/13 9:00:00 AM GMT+5:30", UTC(2025, 3, 13, 3, 30), True),
        ("2025/03/13 9:00:00 AM GMT", UTC(2025, 3, 13, 9, 0), True),
        ("13 March 2025 09:05 UTC-4", UTC(2025, 3, 13, 13, 5), True),
        ("March 13, 2025 9:05 AM GMT-04:00", UTC(2025, 3, 13, 13, 5), True),
        # Google Sheets, Microsoft Forms: month first, 12- or 24-hour clock
        ("3/13/2025 9:05:12", UTC(2025, 3, 13, 9, 5, 12), False),
        ("3/13/2025 9:05:12 AM", UTC(2025, 3, 13, 9, 5, 12), False),
        ("3/13/2025 9:05:12 PM", UTC(2025, 3, 13, 21, 5, 12), False),
        ("3/13/2025 12:05:12 AM", UTC(2025, 3, 13, 0, 5, 12), False),
        ("3/13/2025 12:05:12 PM", UTC(2025, 3, 13, 12, 5, 12), False),
        ("3/13/25 9:05", UTC(2025, 3, 13, 9, 5), False),
        # US zone abbreviations, each its fixed offset whatever the date
        ("3/13/2025 9:05:12 AM EST", UTC(2025, 3, 13, 14, 5, 12), True),
        ("3/13/2025 9:05:12 AM EDT", UTC(2025, 3, 13, 13, 5, 12), True),
        ("3/13/2025 9:05:12 AM CST", UTC(2025, 3, 13, 15, 5, 12), True),
        ("3/13/2025 9:05:12 AM CDT", UTC(2025, 3, 13, 14, 5, 12), True),
        ("3/13/2025 9:05:12 AM MST", UTC(2025, 3, 13, 16, 5, 12), True),
        ("3/13/2025 9:05:12 AM MDT", UTC(2025, 3, 13, 15, 5, 12), True),
        ("3/13/2025 9:05:12 AM PST", UTC(2025, 3, 13, 17, 5, 12), True),
        ("3/13/2025 9:05:12 PM PDT", UTC(2025, 3, 14, 4, 5, 12), True),
        ("3/13/2025 9:05:12 AM AKST", UTC(2025, 3, 13, 18, 5, 12), True),
        ("3/13/2025 9:05:12 AM HST", UTC(2025, 3, 13, 19, 5, 12), True),
        ("Mar 13, 2025 9:05 AM EST", UTC(2025, 3, 13, 14, 5), True),
        ("3/13/2025 10:05 CET", UTC(2025, 3, 13, 9, 5), True),
        # Typeform (UTC, written without a zone), Mailchimp: taken as written
        ("2025-03-13 13:05:12", UTC(2025, 3, 13, 13, 5, 12), False),
        ("2025-03-13 09:05:12", UTC(2025, 3, 13, 9, 5, 12), False),
        ("2025-03-13", UTC(2025, 3, 13), False),
        # Jotform and other written-out dates
        ("Mar 13, 2025", UTC(2025, 3, 13), False),
        ("March 13, 2025 9:05 PM", UTC(2025, 3, 13, 21, 5), False),
        ("Thursday, March 13, 2025 9:05 AM", UTC(2025, 3, 13, 9, 5), False),
        ("13 Mar 2025", UTC(2025, 3, 13), False),
        # day or month first: slashes month first unless the first number cannot be a month
        ("3/4/2025", UTC(2025, 3, 4), False),
        ("13/3/2025", UTC(2025, 3, 13), False),
        ("2025/03/04", UTC(2025, 3, 4), False),
        ("03-04-2025", UTC(2025, 3, 4), False),
        # dotted dates day first, as European forms write them
        ("04.03.2025", UTC(2025, 3, 4), False),
        ("13.03.2025 09:05", UTC(2025, 3, 13, 9, 5), False),
        # spacing does not matter
        ("  3/13/2025   9:05:12  AM  ", UTC(2025, 3, 13, 9, 5, 12), False),
    ],
)
def test_timestamps_as_instants(text: str, instant: dt.datetime, zoned: bool) -> None:
    assert read_signed(text) == (instant, zoned)
    assert parse_signed(text) == instant


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "yes",
        "2025",  # a year is not a date
        "Mar 2025",  # nor a month
        "9:05",  # nor a time
        "3/13",  # no year
        "2025-02-30",  # no such day
        "99999-01-01 09:05",
        "3/13/2025 9:05 IST",  # India, Ireland or Israel: unreadable, not silently wrong
        "3/13/2025 9:05 XYZ",
        "3/13/2025 25:00",
        "3/13/2025 13:05 PM",
        "2025-03-13T09:05:12+25:00",
        "2025/03/13 9:00:00 AM GMT-99",
        "0001-01-01T00:00:00+05:00",  # before the first instant a datetime holds, in UTC
        "9999-12-31T23:00:00-05:00",  # after the last
        "3/13/2025 " + "9" * 200,
    ],
)
def test_unreadable_times_are_none(text: str) -> None:
    assert parse_signed(text) is None


def test_the_computers_own_zone_never_decides() -> None:
    """dateutil reads a zone name equal to the computer's (time.tzname) as the local zone;
    every name we read is a fixed offset instead, so results do not depend on the machine."""
    assert read_signed("3/13/2025 9:05 AM UTC") == (UTC(2025, 3, 13, 9, 5), True)
    assert read_signed("July 4, 2025 9:05 AM EST") == (UTC(2025, 7, 4, 14, 5), True)


def test_dateutil_warns_about_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_signed("3/13/2025 9:05 ACDT") is None
        assert parse_signed("Mar 13, 2025 9:05 BRST") is None


def test_mixed_zoned_and_naive_times_sort_without_error() -> None:
    """A time without a zone compares as if it were UTC."""
    texts = ["2025-03-13 13:30", "2025/03/13 9:00:00 AM GMT-4", "Mar 13, 2025", "", "soon"]
    signers = [
        Signatory(f"Signer {i}", Location("list.csv", i + 2), signed=text)
        for i, text in enumerate(texts)
    ]
    ordered = [s.signed for s in order_signatories(signers, "signed")]
    assert ordered == [
        "Mar 13, 2025",
        "2025/03/13 9:00:00 AM GMT-4",
        "2025-03-13 13:30",
        "soon",
        "",
    ]


def test_repeated_dates_are_parsed_once() -> None:
    read_signed.cache_clear()
    for _ in range(1000):
        parse_signed("3/13/2025 9:05:12 AM EST")
    info = read_signed.cache_info()
    assert (info.misses, info.hits) == (1, 999)


_DATEISH = st.text(alphabet=st.sampled_from(list("0123456789/:-+.,  TZAPMESDGUCJanMrJulyt")))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), _DATEISH))
def test_any_text_never_raises(text: str) -> None:
    result = parse_signed(text)
    assert result is None or (isinstance(result, dt.datetime) and result.tzinfo is None)


_TIME_PARTS = st.tuples(
    st.integers(0, 23), st.integers(0, 59), st.one_of(st.none(), st.integers(0, 59))
)


@st.composite
def _slashed(draw: st.DrawFn) -> str:
    """A timestamp of the shape the quick path reads, including ones it must hand over."""
    year, month, day = (
        draw(st.integers(1900, 2100)),
        draw(st.integers(1, 13)),
        draw(st.integers(1, 31)),
    )
    date = draw(st.sampled_from([f"{month}/{day}/{year}", f"{year}/{month:02}/{day:02}"]))
    if draw(st.booleans()):
        return date
    hour, minute, second = draw(_TIME_PARTS)
    clock = f"{hour}:{minute:02}" + ("" if second is None else f":{second:02}")
    if draw(st.booleans()):
        clock = f"{hour % 12 or 12}:{minute:02}" + draw(st.sampled_from([" AM", " PM", "PM"]))
    zone = draw(st.sampled_from(["", " EST", " PDT", " UTC", " GMT-4", " GMT+5:30", " CET"]))
    return f"{date} {clock}{zone}"


@settings(max_examples=300, deadline=None)
@given(_slashed())
def test_the_quick_path_reads_as_dateutil_does(text: str) -> None:
    quick = _quick(text)
    if quick is not None:
        assert quick == _by_dateutil(text)
        assert quick.utcoffset() == _by_dateutil(text).utcoffset()  # type: ignore[union-attr]
