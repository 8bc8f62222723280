"""``policydraft package``: the files to file, the comment-box text and a manifest, at once.

Everything is staged in the output folder and published together, as ``render`` does: if a
profile rule fails or anything cannot be written, no file of the package replaces an
earlier one. The attachments are checked against the profile before publishing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from policydraft.diagnostics import Diagnostics, SubmissionError
from policydraft.model.filing import FilingDraft
from policydraft.outputs.staging import StagedOutputs, staged_outputs
from policydraft.packaging.comment import DEFAULT_LIMIT, comment_text
from policydraft.packaging.email import Letter, email_message
from policydraft.packaging.manifest import FiledAs, PackagedFile, manifest_json
from policydraft.packaging.record import RECORD, record_json
from policydraft.pipeline import CheckedSubmission
from policydraft.profiles.rules import EmailSubjectRule
from policydraft.profiles.schema import Profile, ProfileView
from policydraft.submission.ignoring import Ignoring

COMMENT = "comment.txt"
MANIFEST = "manifest.json"
_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Package:
    folder: Path
    files: tuple[PackagedFile, ...]  # as published: comment, manifest and record included
    email_subject: str | None
    ignored: dict[str, int]  # findings not reported, by code (--ignore, diagnostics.ignore)


def build_package(
    checked: CheckedSubmission,
    out: Path,
    diags: Diagnostics,
    filing: FilingDraft | None = None,
    ignoring: Ignoring | None = None,
) -> Package:
    """Write the attachments, check them, write comment.txt and manifest.json, and with
    ``filing`` the filing record (``packaging.record``); publish all.

    Raises ``SubmissionError`` (after adding to ``diags``) when a rule fails. The findings
    ``ignoring`` leaves out are counted in the manifest (``"ignored"``), never left silent.
    """
    plan = checked.plan
    assert plan is not None, "build_package() needs a document without errors"
    rules = plan.profile
    targets = plan.targets(plan.attach, out, _file_stem(checked, plan.stem))
    with staged_outputs(out) as outputs:
        written = plan.stage(outputs, targets)
        staged = {file.format: outputs.staged(file.path) for file in written}
        verify = plan.verifier(targets, diags)
        if verify is not None:
            verify(staged)
        files = [PackagedFile(f.path.name, outputs.staged(f.path), f.pages) for f in written]
        letter = _letter(checked, filing)
        attached = list(files)
        files.append(_write_comment(outputs, checked, out, letter, attached, diags))
        profile = rules.profile if rules else None
        if profile is not None and profile.submit and profile.submit.email:
            files.append(_write_email(outputs, checked, out, letter, profile, attached))
        view = ProfileView.of(profile)
        ignored = ignoring.counts(diags.items) if ignoring is not None else {}
        manifest = manifest_json(
            checked.loaded,
            view.name,
            letter.signatories,
            files,
            view.email_subject,
            FiledAs(letter.title, _supplement(filing)),
            ignored,
        )
        outputs.write(out / MANIFEST, _text(manifest))
        files.append(PackagedFile(MANIFEST, outputs.staged(out / MANIFEST), None))
        if filing is not None:
            record = record_json(checked.loaded, view.name, files, filing)
            outputs.write(out / RECORD, _text(record))
            files.append(PackagedFile(RECORD, outputs.staged(out / RECORD), None))
        published = [PackagedFile(f.name, out / f.name, f.pages) for f in files]
        outputs.commit()
    return Package(out, tuple(published), view.email_subject, ignored)


def _write_comment(
    outputs: StagedOutputs,
    checked: CheckedSubmission,
    out: Path,
    letter: Letter,
    attached: Sequence[PackagedFile],
    diags: Diagnostics,
) -> PackagedFile:
    limit = _comment_limit(checked)
    names = [file.name for file in attached]
    comment = comment_text(checked.loaded, letter.signatories, names, limit, letter.title)
    if not comment.fits:
        message = (
            f"the comment box takes at most {limit:,} characters, but the title, submitter "
            f"and attachment line alone need {comment.needed:,}; shorten the title"
        )
        where = checked.loaded.locate("profile")
        found = Diagnostics()
        found.error("PD620", message, where)
        diags.extend(found.items)
        raise SubmissionError(found)
    outputs.write(out / COMMENT, _text(comment.text + "\n"))
    return PackagedFile(COMMENT, outputs.staged(out / COMMENT), None)


def _write_email(
    outputs: StagedOutputs,
    checked: CheckedSubmission,
    out: Path,
    letter: Letter,
    profile: Profile,
    attached: Sequence[PackagedFile],
) -> PackagedFile:
    """``NAME.eml``, named as the attachments are, beside them (``packaging.email``)."""
    assert profile.submit is not None and profile.submit.email is not None
    required = [rule.contains for rule in profile.rules_of(EmailSubjectRule)]
    message = email_message(checked.loaded, letter, profile.submit.email.to, required, attached)
    path = out / f"{Path(attached[0].name).stem}.eml"
    outputs.write(path, _bytes(message))
    return PackagedFile(path.name, outputs.staged(path), None)


def _comment_limit(checked: CheckedSubmission) -> int:
    if checked.profile is None:
        return DEFAULT_LIMIT
    return checked.profile.profile.comment_limit(DEFAULT_LIMIT)


def _file_stem(checked: CheckedSubmission, stem: str) -> str:
    """The profile's ``file_name`` pattern filled in (``stem``: the outputs' own), made safe
    for any file system."""
    if checked.profile is None:
        return stem
    submission = checked.loaded.submission
    name = checked.profile.profile.file_name.format(
        stem=stem,
        docket=submission.docket or "",
        date=submission.date.isoformat(),
        commenter=submission.commenter.organization or submission.commenter.name,
    )
    return _UNSAFE.sub("-", name).strip("-.") or stem


def _letter(checked: CheckedSubmission, filing: FilingDraft | None) -> Letter:
    """The letter as filed: a supplement's title and the total signed as of it (its own
    signers are only those added since)."""
    title = checked.loaded.submission.title
    if filing is None or filing.number == 0:
        count = None if checked.signers is None else len(checked.signers)
        return Letter(title, count)
    return Letter(f"Supplement No. {filing.number} to {title}", len(filing.signers))


def _supplement(filing: FilingDraft | None) -> int | None:
    return filing.number if filing is not None and filing.number else None


def _text(content: str) -> Callable[[BinaryIO], None]:
    return _bytes(content.encode("utf-8"))


def _bytes(content: bytes) -> Callable[[BinaryIO], None]:
    def write(stream: BinaryIO) -> None:
        stream.write(content)

    return write
