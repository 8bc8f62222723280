"""Check a loaded bibliography against the world: the rules a schema cannot express.

The schema (``citations/source.py``) already guarantees each entry's shape. What is left is
what embarrasses a commenter in public: a case in a reporter that did not exist that year,
a Federal Register volume that does not match its date, a source dated after the letter,
a URL that cannot be followed. Each rule is one function over one source; each diagnostic
points at the line of the field it is about.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.federal_register import (
    check_doc_number,
    check_docket,
    check_last_page,
    check_volume,
)
from policydraft.citations.reporters import check_reporter
from policydraft.citations.volumes import check_supreme_court, check_volume_year
from policydraft.diagnostics import Diagnostics

Rule = Callable[[LocatedSource, Diagnostics], None]

_HOST = re.compile(r"(?:[\w-]+\.)+[\w-]{2,}|localhost|\[[0-9a-fA-F:.]+\]", re.UNICODE)


def validate_sources(
    bibliography: Bibliography, submission_date: dt.date, diags: Diagnostics
) -> None:
    """Apply every rule to every source; problems become diagnostics, never exceptions."""
    rules: tuple[Rule, ...] = (
        check_reporter,
        check_volume_year,
        check_supreme_court,
        check_volume,
        check_last_page,
        check_doc_number,
        check_docket,
        check_url,
        _dated_after(submission_date),
    )
    for located in bibliography.values():
        for rule in rules:
            rule(located, diags)


def _dated_after(submission_date: dt.date) -> Rule:
    """PD507 (error) for a source dated after the letter, PD512 (warning) for one accessed
    after it: a letter cannot cite what did not yet exist, and "last visited" a day after
    the letter's date tells the reader the date is not the one it was written on."""

    def check(located: LocatedSource, diags: Diagnostics) -> None:
        source, letter = located.source, submission_date.isoformat()
        date = getattr(source, "date", None)
        year = getattr(source, "year", None)
        if isinstance(date, dt.date) and date > submission_date:
            message = f"source '{source.id}' is dated {date.isoformat()}, after the letter's date"
            diags.error("PD507", f"{message} ({letter})", located.at("date"))
        elif isinstance(year, int) and year > submission_date.year:
            message = f"source '{source.id}' is dated {year}, after the letter's date ({letter})"
            diags.error("PD507", message, located.at("year"))
        accessed = getattr(source, "accessed", None)
        if isinstance(accessed, dt.date) and accessed > submission_date:
            message = (
                f"source '{source.id}' was accessed on {accessed.isoformat()}, after the "
                f"letter's date ({letter}); update accessed: or the letter's date"
            )
            diags.warning("PD512", message, located.at("accessed"))

    return check


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be followed from a printed letter; None when it is well formed."""
    shown = f"URL '{url}'" if len(url) <= 80 else f"URL '{url[:77]}...'"
    if url != url.strip() or any(character.isspace() for character in url):
        return f"{shown} contains spaces; write them as %20"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError as error:
        return f"{shown} cannot be read: {error}"
    if not parts.scheme and _HOST.fullmatch(url.split("/")[0]):
        return f"{shown} has no scheme; write 'https://{url}'"
    if parts.scheme.lower() not in ("http", "https"):
        return f"{shown} must start with http:// or https://"
    if not parts.hostname or not (_HOST.fullmatch(parts.hostname) or _is_ip(parts.hostname)):
        return f"{shown} has no host name (as in https://www.example.gov/page)"
    return None


def _is_ip(host: str) -> bool:
    """An address such as 127.0.0.1 or ::1 is a well-formed host, though rare in a letter."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_url(located: LocatedSource, diags: Diagnostics) -> None:
    """PD511 for a source's url: that it can be typed into a browser as printed."""
    url = getattr(located.source, "url", None)
    if not isinstance(url, str):
        return
    problem = url_problem(url)
    if problem is not None:
        diags.error("PD511", f"{problem} (source '{located.id}')", located.at("url"))
