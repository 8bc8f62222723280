"""A second header row, as SurveyMonkey writes one, merged into the first, once per file.

SurveyMonkey's "all responses" export heads each question's columns with the question in the
first row and, in the second, "Response" or "Open-Ended Response" (one answer) or each
sub-field's label ("First Name", "City/Town"); the columns it fills itself (respondent ID,
dates, an e-mail invitation's contact) come first, empty in the second row. Read as a
signer, that row would be one without a name; merged, its labels name the columns.
"""

from __future__ import annotations

from collections.abc import Sequence

from policydraft.signatories.headers import header_key

_RESPONSE = frozenset({"response", "openendedresponse"})
"""What SurveyMonkey writes in its second header row under a question with one answer."""


def continues_header(header: Sequence[str], row: Sequence[str]) -> bool:
    """Whether the row under the header is a second header row, as SurveyMonkey writes one.

    Its cells say "Response" or "Open-Ended Response" under questions with one answer, and
    it is SurveyMonkey's (its first column is "Respondent ID"), or has sub-fields' labels
    under the empty cells a question spans, or says nothing else in two cells or more. A
    signer named "Response" stays a signer.
    """
    if not any(header_key(cell) in _RESPONSE for cell in row):
        return False
    width = max(len(header), len(row))
    top = [header[i].strip() if i < len(header) else "" for i in range(width)]
    below = [row[i].strip() if i < len(row) else "" for i in range(width)]
    spans = any(b and not a for a, b in zip(top, below, strict=True))  # sub-fields' labels
    answers = [header_key(b) in _RESPONSE for b in below if b]
    answers_only = len(answers) > 1 and all(answers)  # one "Response" may be a signer's name
    return header_key(top[0]) == "respondentid" or spans or answers_only


def merge_header_rows(
    header: Sequence[str], row: Sequence[str]
) -> tuple[list[str], frozenset[int]]:
    """(each column's header, the columns the tool fills itself) from two header rows.

    A column's header is its label in the second row (a sub-field such as "First Name"),
    else its question in the first row; a question's cell spans the empty cells after it.
    The columns before the first question (respondent ID, dates, and the e-mail and names
    of an e-mail invitation's contact) are the tool's own.
    """
    merged: list[str] = []
    tool: set[int] = set()
    question, asked = "", False
    for i in range(max(len(header), len(row))):
        top = header[i].strip() if i < len(header) else ""
        sub = row[i].strip() if i < len(row) else ""
        question = top or question
        asked = asked or bool(sub)
        if not sub:
            merged.append(top)
            if not asked:
                tool.add(i)
        else:
            merged.append(question if header_key(sub) in _RESPONSE else sub)
    return merged, frozenset(tool)
