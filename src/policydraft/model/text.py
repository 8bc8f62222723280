"""The text of inlines: plain text for comparisons, and Text nodes merged so equal text
gives equal trees."""

from __future__ import annotations

from collections.abc import Iterable

from policydraft.model.exhibits import ExhibitRef
from policydraft.model.nodes import Code, Inline, LineBreak, Text
from policydraft.model.walk import inner_inlines


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The inlines' text without notes: for bookmarks, metadata and comparisons."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case Text(text) | Code(text):
                parts.append(text)
            case LineBreak():
                parts.append("\n")
            case ExhibitRef():
                parts.append(inline.text)
            case _:  # a Note holds blocks, not inlines, so its text is left out
                parts.append(plain_text(inner_inlines(inline)))
    return "".join(parts)


def merge_text(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Join adjacent Text nodes and drop empty ones, so equal text gives equal trees.

    A Text standing alone is kept as it is (the same object), so text that needs no merging
    leaves the tree unchanged for ``kept``.
    """
    merged: list[Inline] = []
    run: list[Text] = []  # joined once per run: pairwise joining copies a long run n times
    for inline in inlines:
        if isinstance(inline, Text):
            if inline.text:
                run.append(inline)
            continue
        if run:
            merged.append(_joined(run))
            run = []
        merged.append(inline)
    if run:
        merged.append(_joined(run))
    return tuple(merged)


def _joined(run: list[Text]) -> Text:
    return run[0] if len(run) == 1 else Text("".join([node.text for node in run]))
