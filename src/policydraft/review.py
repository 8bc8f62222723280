"""Review copies: what a draft render adds to the letter, decided once for every writer.

A review copy (``render --draft``, or a submission whose ``draft:`` setting asks for one)
carries a diagonal watermark, line numbers in the left margin and a footer line saying when
it was made, so that nobody files it by mistake or loses track of which round of comments
it belongs to. Its files are named ``STEM-draft``; ``package`` refuses a draft (PD910,
in the command). Writers take a ``ReviewCopy`` as they take the typography.

The footer's time is the one place policydraft reads the clock: a review copy made twice
differs in that line. With ``SOURCE_DATE_EPOCH`` set (reproducible-builds.org's convention)
the time is taken from it instead, and the same inputs give the same bytes again.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

DEFAULT_WATERMARK = "DRAFT"
DRAFT_SUFFIX = "-draft"  # added to a review copy's file names


@dataclass(frozen=True)
class ReviewCopy:
    """What marks a review copy: the watermark's text and the footer's "Draft of" line."""

    watermark: str = DEFAULT_WATERMARK
    made: dt.datetime = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # when the copy was made, UTC

    @property
    def footer(self) -> str:
        """The footer line, e.g. "Draft of 2025-03-15 14:05 UTC"."""
        return f"Draft of {self.made:%Y-%m-%d %H:%M} UTC"


def review_time() -> dt.datetime:
    """When a review copy is made: SOURCE_DATE_EPOCH when set, else the clock (UTC).

    A malformed SOURCE_DATE_EPOCH is refused before anything is rendered (the commands'
    ``require_source_date``); here it is read as whole seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)


def review_copy(watermark: str | None = None) -> ReviewCopy:
    """The review copy made now, watermarked ``watermark`` (default "DRAFT")."""
    return ReviewCopy(watermark or DEFAULT_WATERMARK, review_time())


def asked_for(setting: object) -> str | None:
    """The watermark a submission's ``draft:`` setting asks for, or None when it asks for no
    review copy (``draft: false``, or no ``draft:``). ``draft: true`` asks for "DRAFT"."""
    if setting is True:
        return DEFAULT_WATERMARK
    watermark = getattr(setting, "watermark", None)
    return watermark if isinstance(watermark, str) else None


def review_of(setting: object, flag: bool) -> ReviewCopy | None:
    """The review copy a render makes: with ``--draft`` (``flag``) or a ``draft:`` setting
    asking for one, watermarked as the setting says; None for the filing itself."""
    watermark = asked_for(setting)
    if watermark is None and not flag:
        return None
    return review_copy(watermark)
