"""The e-mail ``package`` writes for agencies that take comments by e-mail, read back with
Python's own ``email`` parser, as a mail program would read it.

Expected address and subject words are the notice's, not ours: 90 Fed. Reg. 9088, 9088
(Feb. 6, 2025) (ADDRESSES): "Email: ostp-ai-rfi@nitrd.gov ... Submissions should include
'AI Action Plan' in the subject line of the message."
"""

from __future__ import annotations

import json
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from policydraft.packaging.email import subject_line
from tests.helpers import run_cli, write_submission

NOTICE = {"profile": "ostp-ai-action-plan", "docket": "NSF_FRDOC_0001"}
COMMENTER = {"name": "Jane Advocate", "organization": "Example Coalition"}
WITH_ADDRESS = {**COMMENTER, "email": "jane@example.org"}


def package(folder: Path, overrides: dict[str, object], out: Path) -> Path:
    write_submission(folder, overrides)
    result = run_cli("package", folder, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def filed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("email")
    return package(root / "letter", {**NOTICE, "commenter": WITH_ADDRESS}, root / "filing")


def read(path: Path) -> EmailMessage:
    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("To", "ostp-ai-rfi@nitrd.gov", id="To: 90 FR 9088 ADDRESSES"),
        pytest.param(
            "Subject", "AI Action Plan: Comment on the Proposed Rule", id="Subject: 90 FR 9088"
        ),
        pytest.param("From", "Jane Advocate <jane@example.org>", id="From: the commenter"),
        pytest.param("Date", "Sat, 15 Mar 2025 12:00:00 -0000", id="Date: RFC 5322 3.3"),
        pytest.param("X-Unsent", "1", id="opens as a draft"),
        pytest.param("MIME-Version", "1.0", id="MIME"),
    ],
)
def test_headers(filed: Path, header: str, expected: str) -> None:
    assert read(filed / "letter.eml")[header] == expected


@pytest.mark.parametrize("header", ["Bcc", "Cc", "Message-ID", "Disposition-Notification-To"])
def test_headers_left_out(filed: Path, header: str) -> None:
    assert read(filed / "letter.eml")[header] is None


def test_the_pdf_is_attached_byte_for_byte(filed: Path) -> None:
    attachments = list(read(filed / "letter.eml").iter_attachments())
    assert [part.get_content_type() for part in attachments] == ["application/pdf"]
    assert attachments[0].get_filename() == "letter.pdf"
    assert attachments[0].get_content() == (filed / "letter.pdf").read_bytes()


@pytest.mark.parametrize(
    "words",
    ["Jane Advocate, Example Coalition", "Docket No. NSF_FRDOC_0001", "letter.pdf"],
)
def test_body_names_commenter_docket_and_file(filed: Path, words: str) -> None:
    body = read(filed / "letter.eml").get_body(preferencelist=("plain",))
    assert body is not None
    assert words in " ".join(body.get_content().split())


def test_crlf_line_ends(filed: Path) -> None:
    content = (filed / "letter.eml").read_bytes()
    assert content.count(b"\n") == content.count(b"\r\n")


def test_listed_in_manifest_and_record(filed: Path) -> None:
    size = (filed / "letter.eml").stat().st_size
    for name in ("manifest.json", "filing.json"):
        files = json.loads((filed / name).read_text(encoding="utf-8"))["files"]
        assert {"name": "letter.eml", "size": size} in [
            {"name": f["name"], "size": f["size"]} for f in files
        ]


def test_same_bytes_twice(filed: Path, tmp_path: Path) -> None:
    again = package(tmp_path / "letter", {**NOTICE, "commenter": WITH_ADDRESS}, tmp_path / "f")
    assert (again / "letter.eml").read_bytes() == (filed / "letter.eml").read_bytes()


@pytest.mark.parametrize(
    ("overrides", "eml"),
    [
        pytest.param({**NOTICE, "commenter": COMMENTER}, True, id="e-mail agency, no From"),
        pytest.param({"profile": "regulations-gov"}, False, id="regulations.gov: no e-mail"),
        pytest.param({}, False, id="no profile: no e-mail"),
    ],
)
def test_which_profiles_get_an_email(
    tmp_path: Path, overrides: dict[str, object], eml: bool
) -> None:
    out = package(tmp_path / "letter", overrides, tmp_path / "filing")
    assert (out / "letter.eml").exists() == eml
    if eml:
        assert read(out / "letter.eml")["From"] is None  # the mail program fills it


@pytest.mark.parametrize(
    ("title", "required", "expected"),
    [
        pytest.param("Comment", ["AI Action Plan"], "AI Action Plan: Comment", id="prefixed"),
        pytest.param(
            "On the AI Action Plan", ["AI Action Plan"], "On the AI Action Plan", id="has it"
        ),
        pytest.param(
            "On the ai action plan", ["AI Action Plan"], "On the ai action plan", id="any case"
        ),
        pytest.param("Comment", [], "Comment", id="no rule"),
        pytest.param("Comment", ["A", "A"], "A: Comment", id="once"),
    ],
)
def test_subject_line(title: str, required: list[str], expected: str) -> None:
    assert subject_line(title, required) == expected


def test_non_ascii_subject_reads_back(tmp_path: Path) -> None:
    title = "Commentaire sur l’Action Plan — éditeurs"
    out = package(tmp_path / "letter", {**NOTICE, "title": title}, tmp_path / "filing")
    assert read(out / "letter.eml")["Subject"] == f"AI Action Plan: {title}"
    assert (out / "letter.eml").read_bytes().isascii()  # encoded words, base64, QP


BAD_SUBMIT = [
    pytest.param("  email:\n    source: a notice\n", 4, "missing required key 'to'", id="no to"),
    pytest.param(
        "  email:\n    to: 'Clerk <c@agency.gov>'\n    source: a notice\n",
        5,
        "must be one e-mail address",
        id="to with a name",
    ),
    pytest.param(
        "  email:\n    to: c@agency.gov\n    source: n\n  portal:\n    url: https://a.gov\n"
        "    source: n\n",
        4,
        "exactly one of email:, regulations_gov: or portal:",
        id="two ways",
    ),
    pytest.param(
        "  email:\n    to: c@agency.gov\n", 4, "missing required key 'source'", id="no source"
    ),
]


@pytest.mark.parametrize(("submit", "line", "message"), BAD_SUBMIT)
def test_bad_submit_is_located(tmp_path: Path, submit: str, line: int, message: str) -> None:
    folder = write_submission(tmp_path / "letter", {"profile": "./agency.yaml"})
    profile = f"title: Test agency\nagency: Test\nsubmit:\n{submit}"
    (folder / "agency.yaml").write_text(profile, encoding="utf-8")
    result = run_cli("check", folder)
    assert result.returncode != 0
    assert f"agency.yaml:{line}:" in result.stderr
    assert "error PD601" in result.stderr and message in result.stderr
