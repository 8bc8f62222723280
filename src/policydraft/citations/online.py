"""Online checks, run only when asked (``policydraft check --online``): PD530, PD531, PD532.

A dead link or a case that does not exist is found by asking the world, which is slow,
needs a network and may be throttled, so it never happens by default. Every source's ``url``
must answer, and when a CourtListener token is set (``COURTLISTENER_TOKEN``) every case's
volume, reporter and page are looked up with CourtListener's citation-lookup API.

Requests run on a few threads (one slow server must not hold up the rest); diagnostics are
added on the calling thread only. Only the standard library is used.
"""

from __future__ import annotations

import http.client
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.source import Case
from policydraft.diagnostics import Diagnostics, Location

USER_AGENT = "policydraft"
TOKEN_VARIABLE = "COURTLISTENER_TOKEN"
URL_VARIABLE = "POLICYDRAFT_COURTLISTENER_URL"  # e.g. a local server in tests
COURTLISTENER = "https://www.courtlistener.com"
LOOKUP_PATH = "/api/rest/v4/citation-lookup/"
WORKERS = 8
# Servers that refuse HEAD (or answer it wrongly) often serve GET fine; 404 and 410 are final.
_TRY_GET_ON = frozenset({400, 403, 405, 406, 501})
_NETWORK_ERRORS = (OSError, http.client.HTTPException, ValueError)

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Answer:
    """What a server said: an HTTP status, or None with the reason nothing was said."""

    status: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400


@dataclass(frozen=True, slots=True)
class Lookup:
    """CourtListener's verdict on one cite: found, missing, or why it could not say."""

    verdict: str  # "found", "missing", "unknown" (per cite) or "failed" (the request failed)
    detail: str = ""


def check_online(
    bibliography: Bibliography,
    diags: Diagnostics,
    *,
    progress: Progress | None = None,
    timeout: float = 10.0,
) -> None:
    """Check every source's URL and, with a token, every case citation; see the module doc.

    ``progress(done, total)`` is called on this thread after each check, so the caller can
    draw a progress bar (the CLI does so only when stderr is a terminal).
    """
    urls = _by_text(bibliography, _url_of)
    cases = _by_text(bibliography, _case_cite)
    token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if cases and not token:
        where = next(iter(cases.values()))[0].where
        diags.note("PD532", _NO_TOKEN.format(count=len(cases)), Location(where.file))
        cases = {}
    endpoint = os.environ.get(URL_VARIABLE, COURTLISTENER).rstrip("/") + LOOKUP_PATH
    checks: dict[str, Callable[[], Answer | Lookup]] = {
        **{url: partial(probe, url, timeout) for url in urls},
        **{cite: partial(look_up, cite, endpoint, token, timeout) for cite in cases},
    }
    failures: list[tuple[Location, str]] = []
    for text, result in _run(checks, progress):
        if isinstance(result, Answer):
            _report_url(text, result, urls[text], diags)
        else:
            _report_case(text, result, cases[text], diags, failures)
    _report_failures(failures, diags)


def _run(
    checks: dict[str, Callable[[], Answer | Lookup]], progress: Progress | None
) -> Iterator[tuple[str, Answer | Lookup]]:
    """Each check's result as it completes, on this thread; at most WORKERS at once."""
    if not checks:
        return
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(checks))) as pool:
        jobs = {pool.submit(check): text for text, check in checks.items()}
        for done, job in enumerate(as_completed(jobs), start=1):
            yield jobs[job], job.result()
            if progress is not None:
                progress(done, len(checks))


_NO_TOKEN = (
    "{count} case citation(s) were not looked up on CourtListener; to check them, set "
    "COURTLISTENER_TOKEN to a CourtListener API token (free at courtlistener.com)"
)


def _url_of(located: LocatedSource) -> str | None:
    url = getattr(located.source, "url", None)
    if not isinstance(url, str) or urlsplit(url.strip()).scheme not in {"http", "https"}:
        return None  # no URL, or one PD511 already reports as malformed
    return url.strip()


def _case_cite(located: LocatedSource) -> str | None:
    source = located.source
    if not isinstance(source, Case):
        return None
    return f"{source.volume} {source.reporter} {source.page}"


def _by_text(
    bibliography: Bibliography, text_of: Callable[[LocatedSource], str | None]
) -> dict[str, list[LocatedSource]]:
    """Sources grouped by the URL or cite to check, so each is asked about only once."""
    grouped: dict[str, list[LocatedSource]] = {}
    for located in bibliography.values():
        text = text_of(located)
        if text:
            grouped.setdefault(text, []).append(located)
    return grouped


# --- URLs ----------------------------------------------------------------------------------


def probe(url: str, timeout: float) -> Answer:
    """Whether ``url`` answers: HEAD, then GET when the server will not do HEAD.

    Redirects are followed; any final status from 200 to 399 counts as an answer.
    """
    answer = _request(url, "HEAD", timeout)
    if answer.status in _TRY_GET_ON:
        answer = _request(url, "GET", timeout)
    return answer


class _SameMethodRedirects(HTTPRedirectHandler):
    """Follows a redirect with the method asked for: urllib would turn a HEAD into a GET."""

    def redirect_request(self, req: Request, *args: Any, **kwargs: Any) -> Request | None:
        followed = super().redirect_request(req, *args, **kwargs)
        if followed is not None and req.get_method() == "HEAD":
            followed.method = "HEAD"
        return followed


_OPENER = build_opener(_SameMethodRedirects)


def _request(url: str, method: str, timeout: float) -> Answer:
    request = Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Answer(response.status, str(response.reason))
    except HTTPError as error:
        error.close()
        return Answer(error.code, str(error.reason))
    except URLError as error:
        return Answer(None, _reason(error.reason))
    except _NETWORK_ERRORS as error:
        return Answer(None, _reason(error))


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    return str(error) or type(error).__name__


def _report_url(url: str, answer: Answer, sources: list[LocatedSource], diags: Diagnostics) -> None:
    if answer.ok:
        return
    said = f"answered {answer.status} {answer.reason}" if answer.status else answer.reason
    for located in sources:
        message = f"the url of source '{located.id}' does not work ({said}): {url}"
        diags.warning("PD530", message, located.where)


# --- CourtListener -------------------------------------------------------------------------


def look_up(cite: str, endpoint: str, token: str, timeout: float) -> Lookup:
    """CourtListener's verdict on one ``volume reporter page`` cite."""
    request = Request(
        endpoint,
        data=urlencode({"text": cite}).encode(),
        method="POST",
        headers={
            "Authorization": f"Token {token}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        },
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            found = json.load(response)
    except HTTPError as error:
        error.close()
        return Lookup("failed", f"it answered {error.code} {error.reason}")
    except URLError as error:
        return Lookup("failed", _reason(error.reason))
    except (*_NETWORK_ERRORS, json.JSONDecodeError) as error:
        return Lookup("failed", _reason(error))
    return _verdict(found)


def _verdict(found: object) -> Lookup:
    """Read the API's answer: a list with one object per citation found in the text."""
    statuses = (
        [c.get("status") for c in found if isinstance(c, dict)] if isinstance(found, list) else []
    )
    if 200 in statuses or 300 in statuses:  # 300: several cases share the cite; it exists
        return Lookup("found")
    if 404 in statuses:
        return Lookup("missing")
    if 429 in statuses:
        return Lookup("unknown", "CourtListener throttled the lookup; try again later")
    if 400 in statuses:
        return Lookup("unknown", "CourtListener does not know its reporter")
    return Lookup("unknown", "CourtListener did not read it as a citation")


def _report_case(
    cite: str,
    lookup: Lookup,
    sources: list[LocatedSource],
    diags: Diagnostics,
    failures: list[tuple[Location, str]],
) -> None:
    for located in sources:
        if lookup.verdict == "missing":
            message = (
                f"CourtListener has no case at {cite} (source '{located.id}'); "
                "check the volume, reporter and page"
            )
            diags.error("PD531", message, located.where)
        elif lookup.verdict == "unknown":
            message = f"{cite} (source '{located.id}') was not checked: {lookup.detail}"
            diags.note("PD532", message, located.where)
        elif lookup.verdict == "failed":
            failures.append((located.where, lookup.detail))


def _report_failures(failures: list[tuple[Location, str]], diags: Diagnostics) -> None:
    """One warning for a lookup that failed as a whole (bad token, no network), not one a case."""
    if not failures:
        return
    where, detail = min(failures, key=lambda failure: (failure[0].line, failure[1]))
    message = (
        f"CourtListener could not be asked about {len(failures)} case citation(s) ({detail}); "
        f"check {TOKEN_VARIABLE} and the network"
    )
    diags.warning("PD532", message, Location(where.file))
