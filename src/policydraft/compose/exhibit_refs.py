"""``[Exhibit A]`` in a body made a reference to exhibit A (an ``ExhibitRef``), or PD234.

The Markdown reader leaves ``[Exhibit A]`` as text (it is no link); this pass, run on each
body's blocks, turns every such text into a reference, outside links and code. A label no
exhibit has is an error at the place it is written in the body's file.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from policydraft.diagnostics import Diagnostics
from policydraft.model import (
    Block,
    ExhibitRef,
    Inline,
    Link,
    Text,
    kept,
    map_children,
    map_each,
)
from policydraft.readers.markdown_text import MarkdownText
from policydraft.submission.load import LoadedSubmission

REFERENCE = re.compile(r"\[Exhibit ([A-Za-z0-9]{1,3})\]")
"""How the letter refers to an exhibit: ``[Exhibit A]``."""


def body_texts(loaded: LoadedSubmission) -> dict[str, MarkdownText]:
    """Each body's Markdown under the name of its slot (as ``compose.letter`` names them)."""
    bodies: dict[str, MarkdownText] = {}
    if loaded.introduction is not None:
        bodies["introduction"] = loaded.introduction
    for index, (_, body) in enumerate(loaded.arguments, start=1):
        bodies[f"argument-{index}"] = body
    if loaded.conclusion is not None:
        bodies["conclusion"] = loaded.conclusion
    return bodies


def refer_to_exhibits(
    slots: dict[str, tuple[Block, ...]],
    loaded: LoadedSubmission,
    labels: Collection[str],
    diags: Diagnostics,
) -> dict[str, tuple[Block, ...]]:
    """``slots`` with every ``[Exhibit X]`` of the bodies a reference; PD234 for unknown X."""
    bodies = body_texts(loaded)
    linked = dict(slots)
    for name, blocks in slots.items():
        body = bodies.get(name)
        if body is not None:
            linked[name] = _Pass(frozenset(labels), body, diags).blocks(blocks)
    return linked


@dataclass
class _Pass:
    """One body's references: known labels, the body's source for locating unknown ones."""

    labels: frozenset[str]
    body: MarkdownText
    diags: Diagnostics
    found: dict[str, Iterator[int]] = field(default_factory=dict)

    def blocks(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return map_each(blocks, lambda block: map_children(block, self.blocks, self.inlines))

    def inlines(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        changed: list[Inline] = []
        for inline in inlines:
            if isinstance(inline, Text):
                changed.extend(self.text(inline))
            elif isinstance(inline, Link):
                changed.append(inline)  # a link's text stays text: a link in a link is none
            else:
                changed.append(map_children(inline, self.blocks, self.inlines))
        return kept(tuple(changed), inlines)

    def text(self, node: Text) -> list[Inline]:
        if "[Exhibit " not in node.text:
            return [node]
        pieces: list[Inline] = []
        start = 0
        for match in REFERENCE.finditer(node.text):
            label = match.group(1)
            if label not in self.labels:
                self.unknown(match.group(0), label)
                continue
            pieces.append(Text(node.text[start : match.start()]))
            pieces.append(ExhibitRef(label))
            start = match.end()
        pieces.append(Text(node.text[start:]))
        return [piece for piece in pieces if not isinstance(piece, Text) or piece.text]

    def unknown(self, written: str, label: str) -> None:
        offset = next(self._offsets(written), 0)
        source = self.body.text
        line = source.count("\n", 0, offset)
        column = offset - (source.rfind("\n", 0, offset) + 1)
        known = ", ".join(sorted(self.labels)) or "none"
        message = f"{written} names no exhibit (exhibits: {known}); see 'exhibits:'"
        self.diags.error("PD234", message, self.body.location(line, column))

    def _offsets(self, written: str) -> Iterator[int]:
        """Where ``written`` stands in the body's source, the next occurrence each time."""
        if written not in self.found:
            pattern = re.escape(written)
            self.found[written] = (m.start() for m in re.finditer(pattern, self.body.text))
        return self.found[written]
