"""Consent as forms ask it: the built-in words, a form's own answers, the grouped messages.

Where the answers come from: a multiple-choice or checkbox question in Google Forms or
Microsoft Forms downloads the text of the option chosen, so a consent question's cells are
whatever its author wrote ("Yes, list my name", "No, keep my name private", "Oui"); survey
tools that code a checkbox download 1 when it is checked and 0 when it is not (PsychData's
help, "Data Structure"); Excel's TRUE and FALSE arrive as "true"/"false" in a CSV (the XLSX
reader turns them into yes/no itself). An unchecked box, or a question skipped, is an empty
cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.consent import (
    NO_ANSWERS,
    NO_WORDS,
    YES_ANSWERS,
    ConsentAnswers,
    answer_words,
    classify,
)
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import select_printed

WHERE = Location("policydraft.yaml", 30, 9)

YES = [
    "yes", "Yes", "YES", "y", "Y", "true", "TRUE", "1", "x", "X", "✓", "✔", "☑", "checked",
    "Checked", "agree", "Agree", "I agree", "I Agree.", "Agreed", "I consent", "OK", "Oui",
    "Sí", "Si", "Ja", "Sim", "Yes.", "Yes!", "  yes  ", "Yes, list my name",
    "Yes, you may list my name", "Yes - include my name", "Yes – include my name",
    "Yes, list my name publicly", "Yes please", "yes, I agree", "I agree to be listed",
    "I agree to have my name and organization listed", "Sure", "Oui, vous pouvez",
    "Ja, bitte", "☑ Yes",
]  # fmt: skip
NO = [
    "no", "No", "NO", "n", "N", "false", "FALSE", "0", "✗", "✘", "unchecked", "decline",
    "Decline", "I decline", "Declined", "disagree", "I disagree", "I do not agree",
    "I don't agree", "I don’t agree", "Do not list", "Do not list my name", "Don't list",
    "No thanks", "No, thank you", "opt out", "Non", "Nein", "Não", "No.",
    "No, keep my name private", "No - do not include my name", "Please do not list my name",
    "I don't consent", "Never", "Nope",
]  # fmt: skip
UNKNOWN = [
    "Yes, but do not list my name",  # mixes yes and no: conservative
    "Yes, anonymously",
    "Yes, but keep it private",
    "No, but yes you may list my organization",
    "Not sure",
    "yes/no",
    "Maybe",
    "Peut-être",
    "Bien sûr",
    "N/A",
    "-",
    "?",
    "2",
    "1.0",
    "Keep my name private",
    "Anonymous",
    "i",
    "ok@example.org",  # a shifted e-mail column is never a yes
    "yes@example.org",
]


@pytest.mark.parametrize("answer", YES)
def test_yes_forms(answer: str) -> None:
    assert classify(answer) == "yes"


@pytest.mark.parametrize("answer", NO)
def test_no_forms(answer: str) -> None:
    assert classify(answer) == "no"


@pytest.mark.parametrize("answer", UNKNOWN)
def test_unclear_answers_are_unknown(answer: str) -> None:
    assert classify(answer) == "unknown"


@pytest.mark.parametrize("answer", ["", "   "])
def test_empty(answer: str) -> None:
    assert classify(answer) == "empty"


def test_the_word_lists_do_not_contradict_each_other() -> None:
    assert not YES_ANSWERS & NO_ANSWERS
    for answer in YES_ANSWERS:
        assert NO_WORDS.isdisjoint(answer_words(answer)), answer
        assert classify(answer) == "yes"
    for answer in NO_ANSWERS:
        assert classify(answer) == "no"


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@given(_TEXT)
def test_classify_never_raises(answer: str) -> None:
    assert classify(answer) in ("yes", "no", "unknown", "empty")


@given(_TEXT, st.sampled_from(sorted(NO_WORDS)), _TEXT, st.booleans())
def test_an_answer_with_a_no_word_is_never_yes(
    before: str, word: str, after: str, upper: bool
) -> None:
    answer = f"{before} {word.upper() if upper else word} {after}"
    assert classify(answer) != "yes"


@given(_TEXT)
def test_yes_followed_by_a_no_word_is_never_yes(rest: str) -> None:
    assert classify(f"Yes, but {rest} not") != "yes"


# A form's own answers: policydraft.yaml's signatories.consent_values.


def _config(**values: list[str]) -> SignatoriesConfig:
    return SignatoriesConfig.model_validate({"consent_values": values})


@pytest.mark.parametrize(
    ("values", "answer", "consents", "withdrew"),
    [
        ({"yes": ["Bien sûr"]}, "Bien sûr", True, False),
        ({"yes": ["Bien sûr"]}, "BIEN   SÛR", True, False),  # any case, any spacing
        ({"yes": ["  bien sûr "]}, "Bien sûr", True, False),
        ({"yes": ["Bien su\u0302r"]}, "Bien s\u00fbr", True, False),  # composed alike
        ({"no": ["Pas cette fois"]}, "pas cette fois", False, True),
        ({"no": ["Yes"]}, "yes", False, True),  # the form's own answers win
        ({"yes": ["No"]}, "No", True, False),
        ({"yes": ["Peut-être"]}, "Peut-être", True, False),
        ({"yes": [1]}, "1", True, False),  # a number written in YAML is text
        ({"yes": ["Bien sûr"]}, "Bien sûr!", False, False),  # not the same answer: unknown
    ],
)
def test_consent_values(
    values: dict[str, list[str]], answer: str, consents: bool, withdrew: bool
) -> None:
    config = _config(**values)
    answers = ConsentAnswers(config.consent_values.yes, config.consent_values.no)
    assert answers.decide(answer, Location("list.csv", 2)) == (consents, withdrew)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"yes": ["Oui"], "no": ["OUI "]}, "'oui' is listed under both yes: and no:"),
        ({"yes": ["a", "b"], "no": ["B", "A"]}, "'a', 'b' are listed under both yes: and no:"),
        ({"yes": [""]}, "an empty answer cannot be listed"),
        ({"no": ["  "]}, "an empty answer cannot be listed"),
        ({"yes": "Oui"}, "valid list"),
        ({"yes": [["Oui"]]}, "valid string"),
        ({"maybe": ["Oui"]}, "Extra inputs are not permitted"),
    ],
)
def test_bad_consent_values_are_refused(values: dict[str, object], expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        SignatoriesConfig.model_validate({"consent_values": values})


def test_consent_values_default_to_none() -> None:
    values = SignatoriesConfig().consent_values
    assert (values.yes, values.no) == ([], [])


# The messages: one per list, never one per row.


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages name the list as the user would, relative to the working folder."""
    monkeypatch.chdir(tmp_path)


def _read(tmp_path: Path, text: str, config: SignatoriesConfig | None = None):
    path = tmp_path / "signatories.csv"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    config = (config or SignatoriesConfig()).model_copy(update={"file": path.name})
    listing = read_signatory_list(path, config, diags, WHERE)
    return listing, diags


def _rows(*answers: str) -> str:
    lines = ["name,consent"]
    lines += [f'Signer {i},"{answer}"' for i, answer in enumerate(answers, start=2)]
    return "\n".join(lines) + "\n"


SUGGESTION = (
    "; if they mean yes or no, add to policydraft.yaml:\n"
    "  signatories:\n"
    "    consent_values:\n"
    "      yes: [{answers}]\n"
    "      no: [{answers}]\n"
    "then delete each answer from the list it does not belong to (an answer in both is an "
    "error); rows without a clear yes are never printed"
)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            ["yes", "Bien sûr", "Peut-être", "Bien sûr", "Bien sûr", "Peut-être", "no"],
            '2 consent answers are neither yes nor no: "Bien sûr" (3 rows, first on line 3), '
            '"Peut-être" (2 rows, first on line 4)'
            + SUGGESTION.format(answers='"Bien sûr", "Peut-être"'),
        ),
        (
            ["Maybe"],
            '1 consent answer is neither yes nor no: "Maybe" (1 row, on line 2)'
            + SUGGESTION.format(answers='"Maybe"'),
        ),
        (
            ["Yes, but do not list my name", 'Say "yes"'],
            "2 consent answers are neither yes nor no: "
            '"Yes, but do not list my name" (1 row, on line 2), "Say \\"yes\\"" (1 row, on '
            "line 3)"
            + SUGGESTION.format(answers='"Yes, but do not list my name", "Say \\"yes\\""'),
        ),
        (
            ["ada@example.org", "Maybe", "grace@example.org", "grace@example.org"],
            '3 consent answers are neither yes nor no: "Maybe" (1 row, on line 3), 2 values '
            "with an @ (not shown; 3 rows, first on line 2)" + SUGGESTION.format(answers='"Maybe"'),
        ),
        (
            ["ada@example.org"],
            "1 consent answer is neither yes nor no: a value with an @ (not shown; 1 row, on "
            "line 2); write them as yes or no in the list",
        ),
    ],
)
def test_unknown_answers_are_one_error(tmp_path: Path, answers: list[str], message: str) -> None:
    text = _rows(*answers).replace('"Say "yes""', '"Say ""yes"""')
    _, diags = _read(tmp_path, text)
    (error,) = [d for d in diags.sorted() if d.severity == "error"]
    assert (error.code, error.file, error.line, error.column) == ("PD422", "signatories.csv", 1, 1)
    assert error.message == message
    assert "example.org" not in error.message


def test_many_unknown_answers_are_capped(tmp_path: Path) -> None:
    answers = [f"Answer {n}" for n in range(14) for _ in range(14 - n)]  # "Answer 0" most often
    _, diags = _read(tmp_path, _rows(*answers))
    (error,) = diags.sorted()
    assert error.message.startswith("14 consent answers are neither yes nor no: ")
    assert '"Answer 0" (14 rows, first on line 2)' in error.message
    assert '"Answer 9"' in error.message and '"Answer 10"' not in error.message
    assert "and 4 more; if they mean yes or no" in error.message


def test_a_long_answer_is_shortened_and_not_suggested(tmp_path: Path) -> None:
    long = "I have read the terms " + "and so on " * 30
    _, diags = _read(tmp_path, _rows(long))
    (error,) = diags.sorted()
    assert len(error.message) < 400
    assert error.message.endswith("write them as yes or no in the list")


def test_consent_values_silence_the_error(tmp_path: Path) -> None:
    config = _config(yes=["Bien sûr"], no=["Peut-être"])
    listing, diags = _read(tmp_path, _rows("Bien sûr", "Peut-être", "yes"), config)
    assert diags.sorted() == []
    assert [(s.name, s.consent, s.withdrawn) for s in listing.signers] == [
        ("Signer 2", True, False),
        ("Signer 3", False, True),
        ("Signer 4", True, False),
    ]


@pytest.mark.parametrize(
    ("answers", "line", "message"),
    [
        (
            ["yes", ""],
            3,
            "the consent answer on line 3 is empty: the row is left out (an empty answer is "
            "not a yes; ask the signer, then write yes or no)",
        ),
        (
            ["", "yes", "", " "],
            2,
            "3 rows have an empty consent answer (lines 2, 4, 5): they are left out (an empty "
            "answer is not a yes; ask the signers, then write yes or no)",
        ),
        (
            ["yes"] + [""] * 8,
            3,
            "8 rows have an empty consent answer (lines 3, 4, 5, 6, 7 and 3 more): they are "
            "left out (an empty answer is not a yes; ask the signers, then write yes or no)",
        ),
    ],
)
def test_empty_answers_are_one_warning(
    tmp_path: Path, answers: list[str], line: int, message: str
) -> None:
    listing, diags = _read(tmp_path, _rows(*answers))
    (warning,) = diags.sorted()
    assert (warning.code, warning.severity, warning.line) == ("PD405", "warning", line)
    assert warning.message == message
    assert sum(s.consent for s in listing.signers) == 1


def test_empty_answers_are_counted_in_the_summary(tmp_path: Path) -> None:
    listing, diags = _read(tmp_path, _rows("yes", "", "no", ""))
    selection = select_printed(listing, diags)
    assert [s.name for s in selection.printed] == ["Signer 2"]
    assert selection.counts() == {"withdrawn": 1, "unclear": 2}
    assert [d.code for d in diags.sorted()] == ["PD413", "PD405"]


# Nobody printed: PD423.


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _rows("", "", ""),
            "nobody in signatories.csv would be printed: all 3 rows are left out (consent "
            "unclear 3), so the letter would go out without its signers and nothing is "
            "written (an empty consent answer is not a yes)",
        ),
        (
            _rows("no"),
            "nobody in signatories.csv would be printed: the only row is left out (withdrawn 1)"
            ", so the letter would go out without its signers and nothing is written (if the "
            "form's yes is not one policydraft knows, list it under "
            "signatories.consent_values.yes)",
        ),
        (
            "name,email,consent\nAda,a@x.org,yes\nAda,a@x.org,no\n",
            "nobody in signatories.csv would be printed: all 2 rows are left out (withdrawn 1, "
            "withdrawn on another row 1), so the letter would go out without its signers and "
            "nothing is written (if the form's yes is not one policydraft knows, list it under "
            "signatories.consent_values.yes)",
        ),
        (
            "name,organization\nada@example.org,Engines\n",
            "nobody in signatories.csv would be printed: the only row is left out (e-mail "
            "address in a printed column 1), so the letter would go out without its signers "
            "and nothing is written (move the e-mail addresses to the email column)",
        ),
    ],
)
def test_nobody_printed_is_an_error(tmp_path: Path, text: str, message: str) -> None:
    listing, diags = _read(tmp_path, text)
    select_printed(listing, diags)
    (error,) = [d for d in diags.sorted() if d.severity == "error"]
    assert (error.code, error.file, error.line) == ("PD423", "signatories.csv", 1)
    assert error.message == message
    assert "PD413" not in [d.code for d in diags.sorted()]


@pytest.mark.parametrize(
    "text",
    [
        "name,consent\n",  # only the header: no signers, no appendix, no error
        "name,consent\nAda,yes\nBo,\n",  # somebody printed
        "name,consent\nAda,Maybe\n",  # PD422 already says why: no second error
        "name,consent\n,yes\n",  # PD401 (no name) already says why
    ],
)
def test_no_nobody_printed_error(tmp_path: Path, text: str) -> None:
    listing, diags = _read(tmp_path, text)
    select_printed(listing, diags)
    assert "PD423" not in [d.code for d in diags.sorted()]
