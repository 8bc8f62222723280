"""Every rule of every built-in profile, passing and failing, on PDFs written from trees.

Each rule type has a letter that keeps it and one that breaks it; the table below runs both
for every rule of every built-in profile, so a new profile's rules are tested by existing
cases. The rendered checks read the written PDF back, as they do for a real filing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Appendix,
    Block,
    Document,
    LetterPart,
    Metadata,
    Note,
    PageBreak,
    Para,
    SignatoryEntry,
    SignatoryGroup,
    Text,
)
from policydraft.profiles.load import load_profile
from policydraft.profiles.pdf_reading import contains, normalize
from policydraft.profiles.rendered import LetterFacts, Rendered, check_rendered
from policydraft.profiles.rules import (
    BaseRule,
    FontSizeRule,
    SearchableTextRule,
    StatementRule,
    SubmitterRule,
)
from policydraft.profiles.schema import Profile
from policydraft.resources import builtin_profiles
from policydraft.typography import LETTER, Typography, at_least
from policydraft.writers.pdf import PdfOptions, write_pdf

TITLE = "Comment on the Proposed Rule"
COMMENTER = "Jane Advocate"
ORGANIZATION = "Example Coalition"
FACTS = LetterFacts(TITLE, COMMENTER, ORGANIZATION, "Signatories")
WHERE = Location("policydraft.yaml", 2, 10)
STATEMENT = (
    "This document is approved for public dissemination. The document contains no "
    "business-proprietary or confidential information."
)
FILLER = "The agency should reconsider the proposal for the reasons this letter gives. " * 4


def para(text: str, *notes: str) -> Para:
    return Para((Text(text), *(Note((Para((Text(n),)),)) for n in notes)))


def letterhead() -> list[Block]:
    return [
        LetterPart("letterhead", (para(COMMENTER), para(ORGANIZATION))),
        LetterPart("subject", (para(f"Re: {TITLE}"),)),
    ]


def appendix(entries: int = 30) -> Appendix:
    signers = tuple(SignatoryEntry(f"Signer {i}", "Actor, Studio") for i in range(entries))
    return Appendix((Text("Signatories"),), (), (SignatoryGroup(None, signers),))


def statement(text: str) -> list[Block]:
    return [LetterPart("statement", (para(text),))]


def write(
    path: Path,
    blocks: list[Block],
    minimum: float | None = 12.0,
    typography: Typography | None = None,
) -> Path:
    """The letter as a profile with a ``minimum`` type size would have it rendered."""
    metadata = Metadata(TITLE, COMMENTER, date=dt.date(2025, 3, 15))
    if typography is None:
        typography = LETTER if minimum is None else at_least(LETTER, minimum)
    with path.open("wb") as out:
        write_pdf(Document(metadata, tuple(blocks)), out, PdfOptions(typography=typography))
    return path


def good_letter(path: Path) -> Path:
    blocks = [*letterhead(), para(FILLER, "A note."), *statement(STATEMENT), appendix()]
    return write(path, blocks)


# --- one builder per rule type: a PDF that breaks the rule -------------------------------


def too_many_pages(path: Path, rule: BaseRule) -> Path:
    pages: list[Block] = []
    for _ in range(getattr(rule, "max", 15) + 1):
        pages += [para(FILLER), PageBreak()]
    return write(path, [*letterhead(), *statement(STATEMENT), *pages, appendix()])


def too_many_words(path: Path, rule: BaseRule) -> Path:
    words = para("word " * (getattr(rule, "max", 50) + 1))
    return write(path, [*letterhead(), words, *statement(STATEMENT), appendix()])


def small_notes(path: Path, rule: BaseRule) -> Path:
    return write(path, [*letterhead(), para(FILLER, "A note in small type.")], minimum=None)


def encrypted(path: Path, rule: BaseRule) -> Path:
    writer = PdfWriter(clone_from=good_letter(path.with_suffix(".plain.pdf")))
    writer.encrypt(user_password="", owner_password="secret")
    with path.open("wb") as out:
        writer.write(out)
    return path


def no_text(path: Path, rule: BaseRule) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    with path.open("wb") as out:
        writer.write(out)
    return path


def no_statement(path: Path, rule: BaseRule) -> Path:
    return write(path, [*letterhead(), para(FILLER), appendix()])


def submitter_at_the_end(path: Path, rule: BaseRule) -> Path:
    body: list[Block] = [para(f"Re: {TITLE}"), *(para(FILLER) for _ in range(8))]
    return write(path, [*body, *statement(STATEMENT), para(f"{COMMENTER}, {ORGANIZATION}")])


def nobody(path: Path, rule: BaseRule) -> Path:
    return write(path, [para(f"Re: {TITLE}"), para(FILLER), *statement(STATEMENT)])


def unnumbered(path: Path, rule: BaseRule) -> Path:
    canvas = Canvas(str(path))
    for _ in range(2):
        canvas.drawString(72, 700, f"{TITLE} by {COMMENTER}")
        canvas.showPage()
    canvas.save()
    return path


def too_big(path: Path, rule: BaseRule) -> Path:
    good_letter(path)
    with path.open("ab") as out:
        out.truncate(int(getattr(rule, "max_mb", 10) * 1_000_000) + 1)
    return path


def failing_submitter(path: Path, rule: BaseRule) -> Path:
    if getattr(rule, "where", "anywhere") == "top":
        return submitter_at_the_end(path, rule)
    return nobody(path, rule)


BREAKERS: dict[str, tuple[str, Callable[[Path, BaseRule], Path]]] = {
    "pages": ("PD610", too_many_pages),
    "words": ("PD619", too_many_words),
    "font-size": ("PD611", small_notes),
    "file-size": ("PD612", too_big),
    "not-copy-protected": ("PD614", encrypted),
    "searchable-text": ("PD615", no_text),
    "statement": ("PD616", no_statement),
    "submitter": ("PD617", failing_submitter),
    "page-numbers": ("PD618", unnumbered),
}


def profiles() -> dict[str, Profile]:
    found = {}
    for name in builtin_profiles():
        profile = load_profile(name, Path("."), Diagnostics(), WHERE)
        assert profile is not None, name
        found[name] = profile
    return found


PROFILES = profiles()
CASES = [
    pytest.param(name, index, id=f"{name}-{index}-{rule.rule}")
    for name, profile in PROFILES.items()
    for index, rule in enumerate(profile.rules)
    if rule.rule in BREAKERS
]


def only(profile: Profile, index: int) -> Profile:
    return profile.model_copy(update={"rules": [profile.rules[index]]})


def run(profile: Profile, pdf: Path) -> Diagnostics:
    diags = Diagnostics()
    check_rendered(Rendered(profile, {"pdf": pdf}, FACTS, diags, WHERE))
    return diags


def test_every_built_in_profile_has_rendered_rules_under_test() -> None:
    tested = {name for name, _ in ((c.values[0], c.values[1]) for c in CASES)}
    assert tested == set(PROFILES)


@pytest.mark.parametrize(("name", "index"), CASES)
def test_a_letter_that_keeps_the_rule_passes(tmp_path: Path, name: str, index: int) -> None:
    profile = only(PROFILES[name], index)
    pdf = good_letter(tmp_path / "good.pdf")
    if isinstance(profile.rules[0], StatementRule):
        pdf = write(tmp_path / "stated.pdf", [*letterhead(), *statement(profile.rules[0].text)])
    assert [d.format() for d in run(profile, pdf)] == []


@pytest.mark.parametrize(("name", "index"), CASES)
def test_a_letter_that_breaks_the_rule_fails(tmp_path: Path, name: str, index: int) -> None:
    profile = only(PROFILES[name], index)
    rule = profile.rules[0]
    code, breaker = BREAKERS[rule.rule]
    found = run(profile, breaker(tmp_path / "bad.pdf", rule)).sorted()
    assert {d.code for d in found} == {code}  # a submitter rule reports name and organization
    problem = found[0]
    assert problem.severity == rule.severity
    assert (problem.file, problem.line) == ("policydraft.yaml", 2)
    assert name in problem.message and problem.message.endswith(f"({rule.source})")


def test_page_limit_message_names_the_limit_and_the_count(tmp_path: Path) -> None:
    profile = PROFILES["ostp-ai-action-plan"]
    rule = next(r for r in profile.rules if r.rule == "pages")
    (problem,) = run(
        only(profile, profile.rules.index(rule)), too_many_pages(tmp_path / "x.pdf", rule)
    )
    assert problem.message.startswith(
        f"the PDF has {len(PdfReader(tmp_path / 'x.pdf').pages)} pages; "
        "ostp-ai-action-plan allows at most 15 (90 Fed. Reg. 9088"
    )


def test_body_scope_does_not_count_the_appendix(tmp_path: Path) -> None:
    """NHTSA's 15 pages exclude attachments: a long appendix is fine, a long body is not."""
    profile = PROFILES["nhtsa"]
    index = next(i for i, r in enumerate(profile.rules) if r.rule == "pages")
    long_appendix = write(tmp_path / "a.pdf", [*letterhead(), para(FILLER), appendix(1500)])
    assert len(PdfReader(long_appendix).pages) > 15
    assert run(only(profile, index), long_appendix).items == []


def font_size_rule(name: str) -> int:
    profile = PROFILES[name]
    return next(i for i, r in enumerate(profile.rules) if r.rule == "font-size")


def test_every_line_is_12_pt_under_the_ostp_profile(tmp_path: Path) -> None:
    """Only note marks are exempt: notes, the footer and the appendix are raised too."""
    profile = only(PROFILES["ostp-ai-action-plan"], font_size_rule("ostp-ai-action-plan"))
    rule = profile.rules[0]
    assert isinstance(rule, FontSizeRule)
    assert rule.exempt == ["superscripts"]
    assert run(profile, good_letter(tmp_path / "good.pdf")).items == []
    no_notes = [*letterhead(), para(FILLER), *statement(STATEMENT), appendix()]
    small = write(tmp_path / "small.pdf", no_notes, minimum=None)  # 10 pt footer, 9 pt names
    (problem,) = run(profile, small)
    assert "requires at least 12 pt" in problem.message


def test_footer_and_appendix_can_be_exempted(tmp_path: Path) -> None:
    """A profile may exempt them; the check then reads only the letter's own text."""
    profile = PROFILES["ostp-ai-action-plan"]
    rule = profile.rules[font_size_rule("ostp-ai-action-plan")]
    lenient = rule.model_copy(update={"exempt": ["superscripts", "footer", "appendix"]})
    notes_only = replace(at_least(LETTER, 12.0), footer=LETTER.footer, appendix=LETTER.appendix)
    blocks = [*letterhead(), para(FILLER, "A note."), *statement(STATEMENT), appendix()]
    pdf = write(tmp_path / "notes-only.pdf", blocks, typography=notes_only)
    assert run(profile.model_copy(update={"rules": [lenient]}), pdf).items == []
    (problem,) = run(profile.model_copy(update={"rules": [rule]}), pdf)
    assert "requires at least 12 pt" in problem.message


def test_statement_is_found_across_line_breaks_and_hyphens(tmp_path: Path) -> None:
    text = PROFILES["ostp-ai-action-plan"].statements[0]
    narrow = [LetterPart("statement", (para(text),)), para(FILLER)]
    pdf = write(tmp_path / "s.pdf", narrow)
    rule = StatementRule(rule="statement", text=text, source="s")
    profile = PROFILES["ostp-ai-action-plan"].model_copy(update={"rules": [rule]})
    assert text not in PdfReader(pdf).pages[0].extract_text()  # printed on broken lines
    assert run(profile, pdf).items == []


@pytest.mark.parametrize(
    ("printed", "wanted", "found"),
    [
        ("no busi-\nness-proprietary", "no business-proprietary", True),
        ("no business-\nproprietary", "no business-proprietary", True),
        ("the  government\n in   developing", "the government in developing", True),
        ("the government’s plan", "the government's plan", True),
        ("ﬁnal text", "final text", True),
        ("no business proprietary", "no business-proprietary", False),
        ("approved for dissemination", "approved for public dissemination", False),
    ],
)
def test_statement_matching(printed: str, wanted: str, found: bool) -> None:
    assert contains(printed, wanted) is found


def test_word_limit(tmp_path: Path) -> None:
    words = Profile.model_validate(
        {
            "name": "w",
            "title": "t",
            "agency": "a",
            "rules": [{"rule": "words", "max": 50, "source": "s"}],
        }
    )
    (problem,) = run(words, good_letter(tmp_path / "w.pdf"))
    assert problem.code == "PD619" and "w allows at most 50" in problem.message


# --- text that flows across a page break ---------------------------------------------------

SENTENCE = "The agency should reconsider this rule because it harms small-business owners. "
LONG_TEXT = (
    "This document is approved for public dissemination. The document contains no "
    "business-proprietary or confidential information. Document contents may be reused by "
    "the government in developing the AI Action Plan and associated documents without "
    "attribution."
)


def text_rule(kind: str, text: str) -> tuple[BaseRule, LetterFacts]:
    """A rule looking for ``text`` in the PDF, and the facts that make it the wanted text."""
    if kind == "statement":
        return StatementRule(rule="statement", text=text, source="s"), FACTS
    if kind == "title":
        return SearchableTextRule(rule="searchable-text", source="s"), replace(FACTS, title=text)
    rule = SubmitterRule(rule="submitter", fields=["organization"], where="anywhere", source="s")
    return rule, replace(FACTS, organization=text)


def flowing(path: Path, sentences: int, text: str, around: int = 0) -> Path:
    """``text`` in a paragraph of its own (between ``around`` sentences on each side) after
    ``sentences`` of noted body, and a noted paragraph after."""
    blocks: list[Block] = [
        para(SENTENCE * sentences, "A first note."),
        para(SENTENCE * around + text + (" " + SENTENCE * around if around else "")),
        para(SENTENCE, "A second note."),
    ]
    return write(path, blocks)


@pytest.mark.parametrize("kind", ["statement", "title", "submitter"])
@pytest.mark.parametrize("sentences", [46, 47])
def test_text_split_by_a_page_break_is_found(tmp_path: Path, kind: str, sentences: int) -> None:
    """Between its halves the PDF prints the page's notes and "Page 1 of 2": not the letter's
    text, so they are read past. Widow control moves a paragraph of three lines whole, so the
    text sits in a longer one; 46 and 47 sentences before it break it inside the text."""
    pdf = flowing(tmp_path / "flow.pdf", sentences, LONG_TEXT, around=2)
    pages = [normalize(page.extract_text()) for page in PdfReader(pdf).pages]
    wanted = normalize(LONG_TEXT)
    assert wanted[:30] in pages[0] and wanted[-30:] in pages[1]  # split by the page break
    assert "a first note." in pages[0] and "page 1 of" in pages[0]
    rule, facts = text_rule(kind, LONG_TEXT)
    diags = Diagnostics()
    profile = PROFILES["ostp-ai-action-plan"].model_copy(update={"rules": [rule]})
    check_rendered(Rendered(profile, {"pdf": pdf}, facts, diags, WHERE))
    assert [d.format() for d in diags] == []


def test_a_statement_over_several_pages_is_found(tmp_path: Path) -> None:
    """A statement longer than a page: whole pages of it, each with its footer, in between."""
    text = "This is a required statement. " * 400
    pdf = flowing(tmp_path / "long.pdf", 30, text)
    assert len(PdfReader(pdf).pages) >= 4
    rule = StatementRule(rule="statement", text=text, source="s")
    assert (
        run(PROFILES["ostp-ai-action-plan"].model_copy(update={"rules": [rule]}), pdf).items == []
    )


@pytest.mark.parametrize(
    "missing",
    [
        "The agency should reconsider this rule because it harms small-business owners. 1 A",
        "small-business owners. Page 1 of 2 The agency",
        "A first note. This document is approved",
    ],
)
def test_notes_and_footers_do_not_join_the_text(tmp_path: Path, missing: str) -> None:
    """Read past at a page break, notes and the footer are not letter text to be found."""
    pdf = flowing(tmp_path / "flow.pdf", 42, LONG_TEXT)
    rule = StatementRule(rule="statement", text=missing, source="s")
    profile = PROFILES["ostp-ai-action-plan"].model_copy(update={"rules": [rule]})
    assert [d.code for d in run(profile, pdf).items] == ["PD616"]
