"""Reading a list's consent column as forms ask the question, each distinct answer once.

Forms do not write ``yes``: they write "Yes, list my name", "I agree", ``✓``, ``TRUE`` or
"Oui". ``classify`` reads such answers with a conservative rule (docs/signatories.md):

- an answer that is one of the yes forms (``YES_ANSWERS``), or whose first word says yes
  ("Yes, you may list my name"), is yes, unless it has a word that says no anywhere
  ("Yes, but do not list my name" is not a yes);
- an answer that is one of the no forms, or begins by saying no ("No, keep my name
  private", "Do not list"), is no, unless it also has a word that says yes;
- anything else, a mix of both included, is unknown: a person is printed only on a clear yes.

A form's own answers (``signatories.consent_values``) come first. ``ConsentAnswers`` decides
each distinct answer once and remembers it, so a 100,000-row list costs a dict lookup a row;
at the end it reports the unknown answers as one error (PD422) and the empty ones as one
warning (PD405), each naming lines, never one message a row.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from policydraft.diagnostics import Diagnostics, Location

Answer = Literal["yes", "no", "unknown", "empty"]

YES_ANSWERS = frozenset({
    "yes", "y", "yeah", "yep", "true", "1", "x", "✓", "✔", "☑", "✅", "checked", "ticked",
    "agree", "agreed", "i agree", "i consent", "consent given", "ok", "okay", "oui", "si",
    "sí", "ja", "sim",
})  # fmt: skip
"""Whole answers (as ``answer_words`` joins them) that mean yes."""

NO_ANSWERS = frozenset({
    "no", "n", "nope", "false", "0", "✗", "✘", "❌", "unchecked", "decline", "declined",
    "i decline", "disagree", "i disagree", "i do not agree", "i don't agree", "do not list",
    "don't list", "no thanks", "no thank you", "opt out", "opted out", "non", "nein", "não",
    "nao",
})  # fmt: skip
"""Whole answers that mean no."""

YES_WORDS = frozenset({
    "yes", "yeah", "yep", "yup", "oui", "si", "sí", "ja", "sim", "ok", "okay", "sure", "✓",
    "✔", "☑", "✅",
})  # fmt: skip
"""Words that say yes wherever they stand: an answer with one of them is never a no."""

YES_VERBS = frozenset({"agree", "agreed", "consent", "accept", "approve", "confirm"})
"""Words that say yes when an answer begins with them ("I agree to be listed")."""

NO_WORDS = frozenset({
    "no", "n", "nope", "not", "never", "false", "0", "don't", "dont", "doesn't", "won't",
    "can't", "cannot", "decline", "declined", "refuse", "disagree", "withdraw", "withdrawn",
    "private", "anonymous", "anonymously", "unlisted", "non", "nein", "nicht", "kein",
    "keine", "pas", "não", "nao", "✗", "✘", "❌",
})  # fmt: skip
"""Words that say no wherever they stand: an answer with one of them is never a yes."""

NO_OPENINGS = frozenset({
    "no", "nope", "not", "never", "don't", "dont", "decline", "declined", "disagree",
    "refuse", "withdraw", "non", "nein", "não", "nao",
})  # fmt: skip
"""First words that make an answer a no ("No, keep my name private")."""

_FILLERS = frozenset({"i", "please", "we"})
"""Words skipped before the one that decides ("I agree", "Please do not list my name")."""

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[✓✔☑✅✗✘❌]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})

SHOWN_ANSWERS = 10
"""How many distinct unknown answers PD422 names; the rest are counted."""
_LONGEST_SHOWN = 200
"""An answer longer than this is shortened in PD422 and left out of its suggested lines."""
_LINES_SHOWN = 5
"""How many lines PD405 names before counting the rest."""


def answer_words(answer: str) -> tuple[str, ...]:
    """The words of an answer, in compatibility form, case-folded, with plain apostrophes."""
    folded = unicodedata.normalize("NFKC", answer).casefold().translate(_APOSTROPHES)
    return tuple(_WORD.findall(folded))


def answer_key(answer: str) -> str:
    """How ``consent_values`` match an answer: any case, any run of spaces, composed form."""
    return " ".join(unicodedata.normalize("NFC", answer).casefold().split())


def classify(answer: str) -> Answer:
    """Whether a built-in rule reads ``answer`` as yes or no (module docstring)."""
    if "@" in answer:  # a shifted e-mail column ("ok@example.org" is no consent)
        return "unknown"
    words = answer_words(answer)
    if not words:
        return "unknown" if answer.strip() else "empty"
    whole = " ".join(words)
    says_no = not NO_WORDS.isdisjoint(words)
    says_yes = not YES_WORDS.isdisjoint(words)
    if whole in YES_ANSWERS and not says_no:
        return "yes"
    if whole in NO_ANSWERS and not says_yes:
        return "no"
    first, second = _deciding_words(words)
    if not says_no and (first in YES_WORDS or first in YES_VERBS):
        return "yes"
    if not says_yes and (first in NO_OPENINGS or (first in ("do", "does") and second == "not")):
        return "no"
    return "unknown"


def _deciding_words(words: tuple[str, ...]) -> tuple[str, str]:
    """The first two words after fillers such as "I" and "please"."""
    start = 0
    while start < len(words) - 1 and words[start] in _FILLERS:
        start += 1
    rest = words[start : start + 2]
    return rest[0], rest[1] if len(rest) > 1 else ""


_DECISIONS: dict[Answer, tuple[bool, bool]] = {
    "yes": (True, False),
    "no": (False, True),
    "unknown": (False, False),
    "empty": (False, False),
}
"""(consents, withdrew) for each kind of answer: only a yes prints a name."""


@dataclass
class _Seen:
    """The rows that gave one unknown answer, or no answer."""

    rows: int = 0
    lines: list[int] = field(default_factory=list)

    def add(self, line: int) -> None:
        self.rows += 1
        if len(self.lines) < _LINES_SHOWN:
            self.lines.append(line)


class ConsentAnswers:
    """The consent answers of one list: decided once per distinct answer, reported at the end.

    ``yes`` and ``no`` are the form's own answers (``signatories.consent_values``); they win
    over the built-in words. ``decide`` gives a row's (consents, withdrew); ``report`` adds the
    one PD422 error for answers that are neither and the one PD405 warning for empty ones.
    """

    def __init__(self, yes: Iterable[str] = (), no: Iterable[str] = ()) -> None:
        self._own: dict[str, Answer] = {answer_key(a): "yes" for a in yes}
        self._own.update({answer_key(a): "no" for a in no})
        self._decided: dict[str, tuple[bool, bool]] = {}
        self._unknown: dict[str, _Seen] = {}
        self._empty = _Seen()

    def decide(self, answer: str, where: Location) -> tuple[bool, bool]:
        """(consents, withdrew) for a row's answer; a yes or no is looked up after the first."""
        decided = self._decided.get(answer)
        if decided is not None:
            return decided
        kind = self._own.get(answer_key(answer)) or classify(answer)
        if kind == "empty":
            self._empty.add(where.line)
        elif kind == "unknown":
            self._unknown.setdefault(answer, _Seen()).add(where.line)
        else:
            self._decided[answer] = _DECISIONS[kind]
        return _DECISIONS[kind]

    def decide_all(
        self, answers: Sequence[str], wheres: Sequence[Location]
    ) -> list[tuple[bool, bool]]:
        """``decide`` for many rows in order: answers decided before (a yes or a no) are
        looked up in one pass, then the others are decided in row order."""
        decided: list[tuple[bool, bool] | None] = list(map(self._decided.get, answers))
        if None in decided:
            for index, known in enumerate(decided):
                if known is None:
                    decided[index] = self.decide(answers[index], wheres[index])
        return cast(list[tuple[bool, bool]], decided)

    def report(self, where: Location, diags: Diagnostics) -> None:
        """PD422 (at ``where``, the header row) and PD405, once each, when they apply."""
        if self._unknown:
            diags.error("PD422", unknown_message(self._unknown), where)
        empty = self._empty
        if empty.rows:
            first = Location(where.file, empty.lines[0], 1)
            diags.warning("PD405", empty_message(empty.rows, empty.lines), first)


def empty_message(rows: int, lines: list[int]) -> str:
    """PD405: how many rows have no consent answer, and on which lines."""
    if rows == 1:
        return (
            f"the consent answer on line {lines[0]} is empty: the row is left out (an empty "
            "answer is not a yes; ask the signer, then write yes or no)"
        )
    return (
        f"{rows:,} rows have an empty consent answer ({_lines(rows, lines)}): they are left out "
        "(an empty answer is not a yes; ask the signers, then write yes or no)"
    )


def _lines(rows: int, lines: list[int]) -> str:
    shown = ", ".join(str(line) for line in lines)
    more = rows - len(lines)
    return f"lines {shown} and {more:,} more" if more else f"lines {shown}"


def unknown_message(unknown: dict[str, _Seen]) -> str:
    """PD422: each distinct answer that is neither yes nor no, and the lines that accept it."""
    hidden = [seen for answer, seen in unknown.items() if "@" in answer]
    listed = sorted(
        ((a, s) for a, s in unknown.items() if "@" not in a),
        key=lambda item: (-item[1].rows, item[1].lines[0]),
    )
    shown = listed[:SHOWN_ANSWERS]
    parts = [f"{_quoted(answer)} ({_where(seen)})" for answer, seen in shown]
    if hidden:
        parts.append(_hidden(hidden))
    more = len(listed) - len(shown)
    count = len(unknown)
    text = f"{count:,} consent answer{'s are' if count != 1 else ' is'} neither yes nor no: "
    text += ", ".join(parts)
    if more:
        text += f" and {more:,} more"
    suggested = [json.dumps(a, ensure_ascii=False) for a, _ in shown if len(a) <= _LONGEST_SHOWN]
    if not suggested:
        return text + "; write them as yes or no in the list"
    answers = ", ".join(suggested)
    return (
        f"{text}; if they mean yes or no, add to policydraft.yaml:\n"
        "  signatories:\n"
        "    consent_values:\n"
        f"      yes: [{answers}]\n"
        f"      no: [{answers}]\n"
        "then delete each answer from the list it does not belong to (an answer in both is an "
        "error); rows without a clear yes are never printed"
    )


def _quoted(answer: str) -> str:
    if len(answer) > _LONGEST_SHOWN:
        answer = answer[: _LONGEST_SHOWN - 3] + "..."
    return json.dumps(answer, ensure_ascii=False)


def _where(seen: _Seen) -> str:
    if seen.rows == 1:
        return f"1 row, on line {seen.lines[0]}"
    return f"{seen.rows:,} rows, first on line {seen.lines[0]}"


def _hidden(hidden: list[_Seen]) -> str:
    """The answers holding an ``@`` (a shifted e-mail column), counted but never shown."""
    rows = sum(seen.rows for seen in hidden)
    first = min(seen.lines[0] for seen in hidden)
    noun = "a value with an @" if len(hidden) == 1 else f"{len(hidden):,} values with an @"
    lines = f"1 row, on line {first}" if rows == 1 else f"{rows:,} rows, first on line {first}"
    return f"{noun} (not shown; {lines})"
