"""``RenderedPdf.prints`` normalizes the PDF's text once for every rule that asks; it must
answer exactly as ``contains`` on the whole text, then on the flowing text, always did."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydraft.profiles.pdf_reading import RenderedPdf, contains


def read_back(pages: list[tuple[str, str]]) -> RenderedPdf:
    """A read-back PDF whose pages extracted as (whole text, body text), with no file."""
    pdf = RenderedPdf(Path("unused.pdf"))
    pdf.__dict__["_read"] = pages  # what the cached extraction would hold
    return pdf


def asked_each_time(pages: list[tuple[str, str]], wanted: str) -> bool:
    """The definition: the whole text, then the flowing text, each normalized per question."""
    whole = "\n".join(text for text, _ in pages)
    flowing = "\n".join(body for _, body in pages)
    return contains(whole, wanted) or contains(flowing, wanted)


PAGES = [
    ("The statement is approved for pub-\nlic dissemination.\nPage 1 of 2", "The statement is "),
    ("1 A note.\nPage 2 of 2", "approved for public\ndissemination."),
]


@pytest.mark.parametrize(
    ("wanted", "found"),
    [
        ("approved for public dissemination", True),  # on one page, hyphen rejoined
        ("The statement is approved for public dissemination.", True),  # across the break
        ("“The Statement”", False),
        ("statement is approved", True),
        ("PAGE 2 OF 2", True),  # case folded
        ("a note. the statement", False),  # not in either text
        ("pub-lic", True),  # hyphens ignored when nothing else matches
        ("", True),
    ],
)
def test_prints_table(wanted: str, found: bool) -> None:
    pdf = read_back(PAGES)
    assert pdf.prints(wanted) is found
    assert asked_each_time(PAGES, wanted) is found


def test_repeated_questions_reuse_the_normalized_text() -> None:
    pdf = read_back(PAGES)
    assert pdf.prints("approved for public dissemination")
    flat = pdf.__dict__["_flat_text"]
    assert pdf.prints("The statement is approved")
    assert pdf.__dict__["_flat_text"] is flat


_TEXT = st.text(alphabet="ab -\u00ad\n\u201c\u201dﬁ'\"Aa", max_size=40)


@given(
    pages=st.lists(st.tuples(_TEXT, _TEXT), max_size=4),
    questions=st.lists(_TEXT, min_size=1, max_size=4),
)
def test_prints_answers_as_contains_did(pages: list[tuple[str, str]], questions: list[str]) -> None:
    pdf = read_back(pages)
    for wanted in questions:  # asked in turn, as the rules ask one PDF
        assert pdf.prints(wanted) is asked_each_time(pages, wanted)
