"""``filing.json``: the record of a filing, and reading one back to supplement it.

``package`` writes it beside the files and ``manifest.json``: the submission's date, profile,
docket and title, every file's SHA-256 (the manifest's included), where the filing stands in
a chain of supplements, and the signers as printed (name, title, organization, group,
position). A signer filed with an e-mail address carries a keyed hash of it, never the
address: HMAC-SHA256 under the submission's *filing key*, kept in
``.policydraft/filing-key`` inside the submission folder and never in the filing. The record
is meant to be shown (to a clerk, a coalition partner, a reporter); a plain hash of an
address is reversed by hashing guesses, a keyed one only by whoever holds the key.

The record pins itself: ``record_sha256`` is the SHA-256 of its canonical form (sorted keys,
no spaces, everything but ``record_sha256`` and ``seal``), which anyone can recompute, and
``seal`` is an HMAC of the same bytes under the filing key, which an editor of the record
cannot recompute without the key. A folder holding a record is a *filing*.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.model.filing import FiledLetter, FiledSigner, FilingDraft, FilingRecord
from policydraft.packaging.manifest import PackagedFile, file_entry
from policydraft.submission.load import LoadedSubmission

RECORD = "filing.json"
KEY_FILE = Path(".policydraft") / "filing-key"
FORMAT = "policydraft filing record 1"
_KEY_ID_LABEL = b"policydraft filing key id"
_SIGNER_FIELDS = {field for field in FiledSigner.__dataclass_fields__}


def filing_key(folder: Path, *, create: bool) -> bytes | None:
    """The submission's filing key, made (32 random bytes, readable by its owner only) when
    ``create`` and there is none yet."""
    path = folder / KEY_FILE
    if path.is_file():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    if not create:
        return None
    path.parent.mkdir(exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        stream.write(secrets.token_hex(32) + "\n")
    return filing_key(folder, create=False)


def key_id(key: bytes) -> str:
    """Which key a record was made with, without telling the key."""
    return hmac.new(key, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


def record_json(
    loaded: LoadedSubmission,
    profile: str | None,
    files: Sequence[PackagedFile],
    draft: FilingDraft,
) -> str:
    """The record of a filing of ``files``, sealed under ``draft.key``."""
    submission = loaded.submission
    data: dict[str, Any] = {
        "format": FORMAT,
        "supplement": draft.number or None,
        "title": submission.title,
        "date": submission.date.isoformat(),
        "docket": submission.docket,
        "profile": profile,
        "commenter": submission.commenter.name,
        "organization": submission.commenter.organization,
        "follows": [asdict(letter) for letter in draft.chain],
        "files": [file_entry(file) for file in files],
        "signatories": [_signer_entry(s) for s in draft.signers],
        "key_id": key_id(draft.key),
    }
    canonical = _canonical(data)
    data["record_sha256"] = hashlib.sha256(canonical).hexdigest()
    data["seal"] = hmac.new(draft.key, canonical, hashlib.sha256).hexdigest()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _signer_entry(signer: FiledSigner) -> dict[str, Any]:
    entry = asdict(signer)
    if entry["email_hmac"] is None:
        del entry["email_hmac"]
    return entry


def _canonical(data: dict[str, Any]) -> bytes:
    fields = {k: v for k, v in data.items() if k not in ("record_sha256", "seal")}
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def read_filing(folder: Path, key: bytes | None, diags: Diagnostics) -> FilingRecord | None:
    """The record of the filing in ``folder``, checked against its files and the key.

    A folder without a record is PD801; a record or file changed since it was written is
    PD802; a record made under another filing key (or none here) PD804; a chain of
    supplements that skips a number PD803. Each returns None after its diagnostic.
    """
    path = folder / RECORD
    where = Location(display_path(path))
    data = _load(folder, path, diags)
    if data is None:
        return None
    problem = _tampered(folder, data)
    if problem:
        diags.error("PD802", f"the filing was changed after it was made: {problem}", where)
        return None
    if key is None or data.get("key_id") != key_id(key):
        diags.error("PD804", _key_message(key), where)
        return None
    if not hmac.compare_digest(
        str(data.get("seal")), hmac.new(key, _canonical(data), hashlib.sha256).hexdigest()
    ):
        message = "the filing was changed after it was made: its record was rewritten"
        diags.error("PD802", message + " (the seal does not match)", where)
        return None
    return _record(data, where, diags)


def _load(folder: Path, path: Path, diags: Diagnostics) -> dict[str, Any] | None:
    shown = Location(display_path(folder))
    if not path.is_file():
        message = f"not a filing: no {RECORD} (a folder made by `policydraft package` has one)"
        diags.error("PD801", message, shown)
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        diags.error("PD801", f"not a filing record: {exc}", Location(display_path(path)))
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        message = f"not a filing record: it does not say format: {FORMAT!r}"
        diags.error("PD801", message, Location(display_path(path)))
        return None
    return data


def _tampered(folder: Path, data: dict[str, Any]) -> str | None:
    """What no longer matches: the record's own hash, or a file's; None when all do."""
    if data.get("record_sha256") != hashlib.sha256(_canonical(data)).hexdigest():
        return f"the {RECORD} no longer matches its record_sha256"
    for entry in data.get("files") or []:
        name = str(entry.get("name", "")) if isinstance(entry, dict) else ""
        file = folder / Path(name).name
        if not name or not file.is_file():
            return f"{name or 'a file'} is missing"
        if hashlib.sha256(file.read_bytes()).hexdigest() != entry.get("sha256"):
            return f"{name} does not match the SHA-256 the record gives"
    return None


def _key_message(key: bytes | None) -> str:
    start = (
        f"this submission has no filing key ({KEY_FILE})"
        if key is None
        else f"the filing was made with another filing key than this submission's {KEY_FILE}"
    )
    return (
        f"{start}: its e-mail hashes cannot match this list's; use the key the filing was "
        "made with (copy it from where the letter was packaged)"
    )


def _record(data: dict[str, Any], where: Location, diags: Diagnostics) -> FilingRecord | None:
    number = data.get("supplement") or 0
    letter = FiledLetter(
        number, data["title"], data["date"], data.get("docket"), data["record_sha256"]
    )
    chain = tuple(FiledLetter(**link) for link in data.get("follows") or [])
    numbers = [link.number for link in chain]
    if numbers != list(range(number)):
        missing = sorted(set(range(number)) - set(numbers))
        gap = ", ".join("the letter" if n == 0 else f"Supplement No. {n}" for n in missing)
        diags.error(
            "PD803",
            f"the filing is Supplement No. {number}, but the chain it follows lacks {gap}"
            if missing
            else f"the filing is Supplement No. {number}, but the filings it follows are "
            f"numbered {numbers}",
            where,
        )
        return None
    signers = tuple(
        FiledSigner(**{k: v for k, v in s.items() if k in _SIGNER_FIELDS})
        for s in data.get("signatories") or []
    )
    return FilingRecord(letter, chain, signers)
