"""``package`` writes filing.json: what was filed, pinned by hashes, with no e-mail address.

A record is public-ish; what it must never hold is an address, nor a plain hash of one that a
guess ("grace@example.org") would reverse. What it must hold is every file's SHA-256 and its
own, so a changed file or record is caught when a supplement reads it (PD802).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run_cli
from tests.packaging.conftest import FILED

KEY = Path(".policydraft") / "filing-key"


def record(filing: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((filing / "filing.json").read_text(encoding="utf-8"))
    return data


def canonical(data: dict[str, Any]) -> bytes:
    """The documented canonical form: sorted keys, no spaces, without the hash and seal."""
    fields = {k: v for k, v in data.items() if k not in ("record_sha256", "seal")}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_record_names_the_filing(filed: tuple[Path, Path]) -> None:
    data = record(filed[1])
    assert (data["title"], data["date"], data["docket"]) == (
        "Comment on the Proposed Rule",
        "2025-03-15",
        "AGENCY-2025-0001",
    )
    assert data["supplement"] is None and data["follows"] == []
    names = {f["name"] for f in data["files"]}
    assert names == {"letter.pdf", "comment.txt", "manifest.json"}


def test_record_hashes_match_the_files(filed: tuple[Path, Path]) -> None:
    data = record(filed[1])
    for entry in data["files"]:
        content = (filed[1] / entry["name"]).read_bytes()
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
    assert hashlib.sha256(canonical(data)).hexdigest() == data["record_sha256"]


def test_signers_as_printed(filed: tuple[Path, Path]) -> None:
    """In the appendix's order (surnames: Hopper, Lovelace, Turing), positions from 1."""
    signers = record(filed[1])["signatories"]
    printed = [(s["position"], s["name"], s["title"], s["organization"]) for s in signers]
    assert printed == [
        (1, "Grace Hopper", "Rear Admiral", "US Navy"),
        (2, "Ada Lovelace", "Analyst", "Engines Ltd"),
        (3, "Alan Turing", "", "Bletchley Park"),
    ]
    assert ["email_hmac" in s for s in signers] == [True, True, False]


def test_no_email_address_in_the_record(filed: tuple[Path, Path]) -> None:
    """Neither the address nor its plain SHA-256 (reversible by guessing) is written."""
    text = (filed[1] / "filing.json").read_text(encoding="utf-8")
    for address in ("ada@example.org", "grace@example.org"):
        assert address not in text
        assert hashlib.sha256(address.encode()).hexdigest() not in text
    assert "@" not in text


def test_key_is_kept_in_the_submission_not_the_filing(filed: tuple[Path, Path]) -> None:
    folder, filing = filed
    key = bytes.fromhex((folder / KEY).read_text().strip())
    assert len(key) == 32
    assert stat.S_IMODE((folder / KEY).stat().st_mode) == 0o600
    assert key.hex() not in "".join(p.read_text(errors="replace") for p in filing.iterdir())
    expected = hmac.new(key, b"grace@example.org", hashlib.sha256).hexdigest()
    assert record(filing)["signatories"][0]["email_hmac"] == expected


def test_same_key_same_record(filed: tuple[Path, Path], tmp_path: Path) -> None:
    folder, filing = filed
    assert run_cli("package", folder, "--out", tmp_path / "again").returncode == 0
    assert (tmp_path / "again" / "filing.json").read_bytes() == (
        filing / "filing.json"
    ).read_bytes()


def _not_a_folder_with_record(filing: Path) -> None:
    (filing / "filing.json").unlink()


def _not_json(filing: Path) -> None:
    (filing / "filing.json").write_text("{not json", encoding="utf-8")


def _edited_pdf(filing: Path) -> None:
    pdf = filing / "letter.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n%")


def _edited_record(filing: Path) -> None:
    data = record(filing)
    data["title"] = "Another Title"
    (filing / "filing.json").write_text(json.dumps(data), encoding="utf-8")


def _rehashed_record(filing: Path) -> None:
    """Edited and its record_sha256 recomputed: only the keyed seal catches it."""
    data = record(filing)
    data["signatories"] = data["signatories"][:1]
    data["record_sha256"] = hashlib.sha256(canonical(data)).hexdigest()
    (filing / "filing.json").write_text(json.dumps(data), encoding="utf-8")


def _missing_file(filing: Path) -> None:
    (filing / "comment.txt").unlink()


BAD_FILINGS: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("no record", _not_a_folder_with_record, "PD801", "not a filing: no filing.json"),
    ("record not JSON", _not_json, "PD801", "not a filing record"),
    ("PDF changed", _edited_pdf, "PD802", "letter.pdf does not match the SHA-256"),
    ("record edited", _edited_record, "PD802", "no longer matches its record_sha256"),
    ("record re-hashed", _rehashed_record, "PD802", "the seal does not match"),
    ("file missing", _missing_file, "PD802", "comment.txt is missing"),
]


@pytest.mark.parametrize(
    ("spoil", "code", "message"),
    [pytest.param(*row[1:], id=row[0]) for row in BAD_FILINGS],
)
def test_bad_filing(
    filed: tuple[Path, Path],
    tmp_path: Path,
    spoil: Callable[[Path], None],
    code: str,
    message: str,
) -> None:
    folder, filing = filed
    copy = shutil.copytree(filing, tmp_path / "filing")
    spoil(copy)
    result = run_cli("render", folder, "--supplement-to", copy, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert f"error {code}: " in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("key", "message"),
    [
        pytest.param("00" * 32, "made with another filing key", id="another key"),
        pytest.param(None, "this submission has no filing key", id="no key"),
    ],
)
def test_key_that_differs(
    filed: tuple[Path, Path], tmp_path: Path, key: str | None, message: str
) -> None:
    folder, filing = filed
    other = shutil.copytree(folder, tmp_path / "letter")
    if key is None:
        (other / KEY).unlink()
    else:
        (other / KEY).write_text(key + "\n")
    (other / "signatories.csv").write_text(
        (folder / "signatories.csv").read_text() + "Mary Somerville,,,mary@example.org,yes\n"
    )
    result = run_cli("render", other, "--supplement-to", filing, "--out", tmp_path / "out")
    assert result.returncode == 1 and "error PD804: " in result.stderr, result.stderr
    assert message in result.stderr and "e-mail hashes cannot match" in result.stderr


def test_chain_with_a_gap(filed: tuple[Path, Path], tmp_path: Path) -> None:
    """A record, validly sealed, of Supplement No. 2 whose chain lacks No. 1 (PD803)."""
    folder, filing = filed
    copy = shutil.copytree(filing, tmp_path / "filing")
    data = record(copy)
    letter = {k: data[k] for k in ("title", "date", "docket", "record_sha256")}
    data["supplement"] = 2
    data["follows"] = [{"number": 0, **letter}]
    key = bytes.fromhex((folder / KEY).read_text().strip())
    data["record_sha256"] = hashlib.sha256(canonical(data)).hexdigest()
    data["seal"] = hmac.new(key, canonical(data), hashlib.sha256).hexdigest()
    (copy / "filing.json").write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("render", folder, "--supplement-to", copy, "--out", tmp_path / "out")
    assert result.returncode == 1 and "error PD803: " in result.stderr, result.stderr
    assert "lacks Supplement No. 1" in result.stderr


def test_filed_rows_fixture_is_the_list() -> None:
    assert FILED.count("\n") == 3
