"""``NAME.eml``: the e-mail that sends the comment, for agencies that take comments by e-mail.

An RFC 5322 message, ready to open in a mail program and send: To the profile's address,
the subject line the profile's ``email-subject`` rules require, a short plain-text body
naming the commenter and the docket, and the attached files (the PDF) byte for byte.

It is a draft, and marked as one (``X-Unsent: 1``, which Outlook reads to open it for
editing). Nothing in it tracks or hides anything: no Bcc, no HTML, no remote images. The
same inputs give the same bytes: the Date is the submission's date (at noon, zone
unknown: ``-0000``), the MIME boundary is derived from the content, and there is no
Message-ID (the mail program that sends the message gives it one; a fixed one could make a
server drop a second sending as a duplicate). From is the commenter's ``email:`` when the
submission gives one, else left out for the mail program to fill in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from policydraft.packaging.manifest import PackagedFile
from policydraft.submission.load import LoadedSubmission

MEDIA_TYPES = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}
"""The attached files' media types, by extension."""

MAIL_POLICY = policy.SMTP
"""CRLF line ends, and non-ASCII headers as RFC 2047 encoded words (not raw UTF-8, which
``policy.SMTPUTF8`` writes and older mail programs show as mojibake)."""


@dataclass(frozen=True)
class Letter:
    """What the message says about the letter it sends."""

    title: str  # as filed: "Supplement No. 1 to ..." for a supplement
    signatories: int | None  # everyone signed as of this filing, None without a list


def subject_line(title: str, required: Sequence[str]) -> str:
    """The title, after the words the profile requires that it lacks: "AI Action Plan: ..."."""
    missing = [
        words for words in dict.fromkeys(required) if words.casefold() not in title.casefold()
    ]
    return ": ".join([*missing, title])


def email_message(
    loaded: LoadedSubmission,
    letter: Letter,
    to: str,
    required: Sequence[str],
    attachments: Sequence[PackagedFile],
) -> bytes:
    """The message's bytes: headers, the plain-text body, then ``attachments`` in order."""
    submission = loaded.submission
    message = EmailMessage(policy=MAIL_POLICY)
    commenter = submission.commenter
    if commenter.email:
        message["From"] = Address(commenter.name, addr_spec=commenter.email.strip())
    message["To"] = Address(addr_spec=to)
    message["Subject"] = subject_line(letter.title, required)
    message["Date"] = format_datetime(dt.datetime.combine(submission.date, dt.time(12)))
    message["X-Unsent"] = "1"
    names = [file.name for file in attachments]
    message.set_content(body_text(loaded, letter, names), cte="quoted-printable")
    digest = hashlib.sha256(message.as_bytes())
    for file in attachments:
        content = file.path.read_bytes()
        digest.update(content)
        maintype, subtype = MEDIA_TYPES.get(
            file.name.rsplit(".", 1)[-1], ("application", "octet-stream")
        )
        message.add_attachment(content, maintype, subtype, filename=file.name)
    for part in message.iter_parts():
        del part["MIME-Version"]  # the email package repeats it in each part; once is the rule
    message.set_boundary(f"=_policydraft_{digest.hexdigest()[:32]}")
    return message.as_bytes()


def body_text(loaded: LoadedSubmission, letter: Letter, attachments: Sequence[str]) -> str:
    """A few lines a clerk reads before opening the attachment: what, by whom, on which docket."""
    submission = loaded.submission
    commenter = submission.commenter
    who = commenter.name + (f", {commenter.organization}" if commenter.organization else "")
    signed = f", with {letter.signatories:,} signatories" if letter.signatories else ""
    docket = f" on Docket No. {submission.docket}" if submission.docket else ""
    files = ", ".join(attachments)
    lines = [
        f"Attached is the comment “{letter.title},” filed{docket} by {who}{signed}.",
        "",
        f"Attached: {files}",
        "",
        commenter.name,
    ]
    return "\n".join(lines) + "\n"
