"""Online checks (PD530, PD531, PD532) against a local HTTP server; never the internet."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs

import pytest
from pydantic import TypeAdapter

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.online import check_online
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostic, Diagnostics, Location

TOKEN = "secret-token"
KNOWN_CASES = {"510 U.S. 569"}
SLOW_SECONDS = 1.5


class Handler(BaseHTTPRequestHandler):
    """Answers like the servers policydraft meets: fine, gone, HEAD-shy, moved, slow."""

    seen: ClassVar[list[tuple[str, str, str]]] = []  # method, path, User-Agent

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_POST(self) -> None:
        self._record()
        if self.path != "/api/rest/v4/citation-lookup/":
            return self._send(404)
        if self.headers.get("Authorization") != f"Token {TOKEN}":
            return self._send(401, b'{"detail": "Invalid token."}')
        length = int(self.headers.get("Content-Length", "0"))
        text = parse_qs(self.rfile.read(length).decode())["text"][0]
        status = 200 if text in KNOWN_CASES else 404
        body = [{"citation": text, "status": status, "clusters": [{}] if status == 200 else []}]
        self._send(200, json.dumps(body).encode())

    def _answer(self, head: bool) -> None:
        self._record()
        if self.path == "/ok":
            self._send(200, b"hello", head)
        elif self.path == "/no-head":
            self._send(405 if head else 200, b"hello", head)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"late", head)
        else:
            self._send(404, b"gone", head)

    def _record(self) -> None:
        Handler.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))

    def _send(self, status: int, body: bytes = b"", head: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    Handler.seen = []
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("POLICYDRAFT_COURTLISTENER_URL", base)
    monkeypatch.delenv("COURTLISTENER_TOKEN", raising=False)
    yield base
    httpd.shutdown()
    httpd.server_close()


def web(key: str, url: str) -> dict[str, Any]:
    return {"id": key, "type": "web", "title": key, "url": url, "accessed": "2025-03-01"}


def case(key: str, volume: int, page: int) -> dict[str, Any]:
    name = f"{key} v. United States"
    return {"id": key, "type": "case", "name": name, "volume": volume, "reporter": "U.S."} | {
        "page": page,
        "year": 1994,
    }


def bibliography(*entries: dict[str, Any]) -> Bibliography:
    adapter: TypeAdapter[Any] = TypeAdapter(Source)
    return Bibliography(
        {
            entry["id"]: LocatedSource(
                adapter.validate_python(entry), Location("sources.yaml", 10 * i + 1)
            )
            for i, entry in enumerate(entries)
        },
        "sources.yaml",
    )


def run(bib: Bibliography, **kwargs: Any) -> list[Diagnostic]:
    diags = Diagnostics()
    check_online(bib, diags, **kwargs)
    return diags.sorted()


def test_urls(server: str) -> None:
    bib = bibliography(
        web("fine", f"{server}/ok"),
        web("gone", f"{server}/gone"),
        web("head-shy", f"{server}/no-head"),
        web("moved", f"{server}/moved"),
        web("slow", f"{server}/slow"),
        web("not-http", "ftp://example.invalid/file"),
    )
    found = run(bib, timeout=0.5)
    assert [d.format() for d in found] == [
        f"sources.yaml:11:1: warning PD530: the url of source 'gone' does not work "
        f"(answered 404 Not Found): {server}/gone",
        f"sources.yaml:41:1: warning PD530: the url of source 'slow' does not work "
        f"(timed out): {server}/slow",
    ]
    requests = {(method, path) for method, path, _ in Handler.seen}
    assert {("HEAD", "/no-head"), ("GET", "/no-head"), ("HEAD", "/ok")} <= requests
    assert ("GET", "/ok") not in requests
    assert {agent for _, _, agent in Handler.seen} == {"policydraft"}


def test_a_url_shared_by_sources_is_asked_once_and_reported_for_each(server: str) -> None:
    found = run(bibliography(web("a", f"{server}/gone"), web("b", f"{server}/gone")))
    assert [(d.code, d.line) for d in found] == [("PD530", 1), ("PD530", 11)]
    assert len(Handler.seen) == 1


def test_progress_is_reported_on_the_calling_thread(server: str) -> None:
    calls: list[tuple[int, int, threading.Thread]] = []
    bib = bibliography(web("a", f"{server}/ok"), web("b", f"{server}/gone"))
    run(bib, progress=lambda done, total: calls.append((done, total, threading.current_thread())))
    assert [(done, total) for done, total, _ in calls] == [(1, 2), (2, 2)]
    assert {thread for _, _, thread in calls} == {threading.main_thread()}


def test_without_a_token_cases_are_skipped_with_one_note(server: str) -> None:
    found = run(bibliography(case("campbell", 510, 569), case("fake", 999, 1)))
    assert [d.format() for d in found] == [
        "sources.yaml:1:1: note PD532: 2 case citation(s) were not looked up on CourtListener; "
        "to check them, set COURTLISTENER_TOKEN to a CourtListener API token (free at "
        "courtlistener.com)"
    ]
    assert Handler.seen == []


def test_cases_are_looked_up_with_the_token(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURTLISTENER_TOKEN", TOKEN)
    found = run(bibliography(case("campbell", 510, 569), case("fake", 999, 1)))
    assert [d.format() for d in found] == [
        "sources.yaml:11:1: error PD531: CourtListener has no case at 999 U.S. 1 "
        "(source 'fake'); check the volume, reporter and page"
    ]
    assert {(m, p) for m, p, _ in Handler.seen} == {("POST", "/api/rest/v4/citation-lookup/")}


def test_a_refused_token_is_one_warning(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURTLISTENER_TOKEN", "wrong")
    found = run(bibliography(case("campbell", 510, 569), case("fake", 999, 1)))
    assert [d.format() for d in found] == [
        "sources.yaml:1:1: warning PD532: CourtListener could not be asked about 2 case "
        "citation(s) (it answered 401 Unauthorized); check COURTLISTENER_TOKEN and the network"
    ]


def test_an_unreachable_server_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    closed = f"http://127.0.0.1:{probe.server_address[1]}"
    probe.server_close()  # nothing listens on this port any more
    monkeypatch.setenv("POLICYDRAFT_COURTLISTENER_URL", closed)
    monkeypatch.setenv("COURTLISTENER_TOKEN", TOKEN)
    found = run(bibliography(web("site", f"{closed}/ok"), case("campbell", 510, 569)))
    assert [(d.code, d.severity) for d in found] == [("PD530", "warning"), ("PD532", "warning")]
    assert "refused" in found[0].message.lower()


def test_nothing_to_check_asks_nothing(server: str) -> None:
    book = {"id": "b", "type": "book", "author": "A", "title": "T", "year": 2000}
    assert run(bibliography(book)) == []
    assert Handler.seen == []
