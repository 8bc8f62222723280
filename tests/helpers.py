"""Building small submission folders for tests, and running the real command line on them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests import warm

MINIMAL: dict[str, object] = {
    "template": "comment-letter",
    "title": "Comment on the Proposed Rule",
    "date": "2025-03-15",
    "docket": "AGENCY-2025-0001",
    "commenter": {"name": "Jane Advocate", "organization": "Example Coalition"},
    "addressee": {"name": "Office of the General Counsel", "organization": "Example Agency"},
    "salutation": "Dear Sir or Madam:",
    "introduction": "We submit these comments.[^a]\n\n[^a]: A first note.\n",
    "arguments": [
        {"heading": "The first argument", "body": "Argument text with *emphasis*.\n"},
    ],
    "conclusion": "We ask the agency to reconsider.\n",
}


def write_submission(
    folder: Path,
    overrides: dict[str, object] | None = None,
    signatories: str | None = "name,title,organization\nAda Lovelace,Analyst,Engines Ltd\n",
) -> Path:
    """Write policydraft.yaml (MINIMAL updated with ``overrides``) and a signatory list."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {**MINIMAL, **(overrides or {})}
    if signatories is not None:
        data.setdefault("signatories", {"file": "signatories.csv"})
        (folder / "signatories.csv").write_text(signatories, encoding="utf-8")
    text = json.dumps(data, indent=2, ensure_ascii=False)  # JSON is YAML
    (folder / "policydraft.yaml").write_text(text, encoding="utf-8")
    return folder


def _text(output: str) -> str:
    """Line ends as ``subprocess.run(text=True)`` reads them (universal newlines)."""
    return output.replace("\r\n", "\n").replace("\r", "\n")


def run_cli(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``policydraft ARGS`` in a fresh interpreter, as a user runs it (without the debug
    switch, so an internal error looks as it does to them); ``env`` adds variables."""
    environment = {k: v for k, v in os.environ.items() if k != "POLICYDRAFT_DEBUG"}
    environment.update(env or {})
    if not warm.fresh():  # forked from a warm interpreter (tests/warm.py)
        argv = tuple(map(str, args))
        done = warm.run(argv, cwd, environment, timeout)
        stdout = _text(done.stdout.decode("utf-8", "surrogateescape"))
        stderr = _text(done.stderr.decode("utf-8", "backslashreplace"))
        if done.killed:
            raise subprocess.TimeoutExpired(["policydraft", *argv], timeout, stdout, stderr)
        return subprocess.CompletedProcess(["policydraft", *argv], done.returncode, stdout, stderr)
    return subprocess.run(
        [sys.executable, "-m", "policydraft", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=environment, timeout=timeout, check=False,
    )  # fmt: skip
