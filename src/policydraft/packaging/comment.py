"""The text for a portal's comment box: a plain summary that points at the attachment.

regulations.gov takes at most 5,000 characters typed into its form; the letter itself goes
as an attachment. The summary is built from what the submission already says (its title,
who submits, the introduction's opening paragraphs) and cut at a sentence boundary, so a
reader of the docket sees complete sentences and where the full comment is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from policydraft.diagnostics import Diagnostics
from policydraft.model import Para, plain_text
from policydraft.readers.markdown import read_markdown
from policydraft.submission.load import LoadedSubmission, MarkdownText

DEFAULT_LIMIT = 5000
"""Without a comment-box rule: regulations.gov's limit, the most common one."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


@dataclass(frozen=True)
class CommentText:
    text: str
    fits: bool  # False when even the heading and the pointer exceed the limit
    needed: int  # characters of the heading and pointer alone


def comment_text(
    loaded: LoadedSubmission,
    signers: int | None,
    attachments: Sequence[str],
    limit: int,
    title: str | None = None,
) -> CommentText:
    """Title (``title``, else the submission's), submitter and docket, as many opening
    sentences as fit, and the attachments; ``signers``: everyone signed as of this filing."""
    head = _heading(loaded, signers, title or loaded.submission.title)
    tail = f"The full comment is attached: {', '.join(attachments)}."
    room = limit - len(head) - len(tail) - 4  # the blank lines around the summary
    if room < 0:
        return CommentText(f"{head}\n\n{tail}", False, len(head) + len(tail) + 2)
    summary = _fit(_paragraphs(loaded), room)
    parts = [head, summary, tail] if summary else [head, tail]
    return CommentText("\n\n".join(parts), True, len(head) + len(tail) + 2)


def _heading(loaded: LoadedSubmission, signers: int | None, title: str) -> str:
    submission = loaded.submission
    commenter = submission.commenter
    who = commenter.name + (f", {commenter.organization}" if commenter.organization else "")
    lines = [title]
    if submission.docket:
        lines.append(f"Docket No. {submission.docket}")
    signed = f", with {signers:,} signatories" if signers else ""
    lines.append(f"Submitted by {who}{signed}.")
    return "\n".join(lines)


def _paragraphs(loaded: LoadedSubmission) -> list[str]:
    """The introduction's paragraphs as plain text (notes and citations left out)."""
    body: MarkdownText | None = loaded.introduction
    if body is None and loaded.arguments:
        body = loaded.arguments[0][1]
    if body is None:
        return []
    blocks = read_markdown(body, Diagnostics())  # already checked; problems reported there
    paras = [block for block in blocks if isinstance(block, Para)]
    texts = [" ".join(plain_text(block.inlines).split()) for block in paras]
    return [text for text in texts if text]


def _fit(paragraphs: Sequence[str], room: int) -> str:
    """Whole paragraphs while they fit, then whole sentences of the next one."""
    kept: list[str] = []
    used = 0
    for paragraph in paragraphs:
        extra = len(paragraph) + (2 if kept else 0)
        if used + extra <= room:
            kept.append(paragraph)
            used += extra
            continue
        sentences = _sentences(paragraph)
        partial = ""
        for sentence in sentences:
            candidate = f"{partial} {sentence}" if partial else sentence
            if used + len(candidate) + (2 if kept else 0) > room:
                break
            partial = candidate
        if partial:
            kept.append(partial)
        break
    return "\n\n".join(kept)


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]
