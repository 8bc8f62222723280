"""Exhibits' labels, as the submission lists them: the one naming every stage agrees on.

Composing the letter (references, covers) and the package's manifest both name exhibits by
label; a label is the one given, else the next in the court rule's series A ... Z, AA, AB ...
(S.D. Cal. CivLR 5.1(e)).
"""

from __future__ import annotations

from policydraft.submission.load import LoadedSubmission


def default_label(index: int) -> str:
    """The label of the exhibit at ``index`` without one: A ... Z, then AA, AB ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def exhibit_labels(loaded: LoadedSubmission) -> tuple[str, ...]:
    """Every exhibit's label, as listed (a reference to one whose file fails is no PD234)."""
    exhibits = loaded.submission.exhibits
    return tuple(config.label or default_label(i) for i, config in enumerate(exhibits))
