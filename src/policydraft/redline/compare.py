"""What changed between two versions: blocks aligned, then words diffed inside each block.

The comparison is generic over what a block is: the caller gives each block a key (what it
says, with its kind) and each block's tokens (its words and the marks between them). Blocks
with equal keys are the same block; in a stretch where the versions differ, blocks of the
same kind are paired in order and diffed word by word, the rest are added or removed whole.
``difflib`` (the standard library's) does both alignments.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

WORD = re.compile(r"\s+|\w+|[^\w\s]")
"""A token of running text: a stretch of spaces, a word, or one punctuation mark."""

SIMILAR = 0.5
"""How alike (difflib's ratio) two blocks must be to be shown as one block edited."""

BlockKind = Literal["same", "changed", "added", "removed"]
WordTag = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class WordEdit:
    """One stretch of a changed block: OLD's tokens ``old`` became NEW's tokens ``new``."""

    tag: WordTag
    old: range
    new: range


@dataclass(frozen=True)
class BlockEdit:
    """One block of the redline: the same in both versions, changed, added or removed."""

    kind: BlockKind
    old: int | None  # the block's index in OLD (None: added)
    new: int | None  # the block's index in NEW (None: removed)
    words: tuple[WordEdit, ...] = ()  # for a changed block: its word edits


@dataclass(frozen=True)
class Block:
    """A block as the comparison sees it: its kind (a style), its key and its tokens."""

    kind: str
    tokens: tuple[Hashable, ...]

    @property
    def key(self) -> tuple[str, tuple[Hashable, ...]]:
        return (self.kind, self.tokens)


def words(text: str) -> list[str]:
    """``text`` as tokens: spaces, words and punctuation, which join back into ``text``."""
    return WORD.findall(text)


def diff_words(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[WordEdit, ...]:
    """The edits that turn token list ``old`` into ``new``."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return tuple(
        WordEdit(tag, range(i1, i2), range(j1, j2)) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def compare_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[BlockEdit]:
    """The redline of two block sequences, in NEW's order (a removed block where it was)."""
    matcher = SequenceMatcher(None, [b.key for b in old], [b.key for b in new], autojunk=False)
    edits: list[BlockEdit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            edits += [
                BlockEdit("same", i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
        else:
            edits += _pair_stretch(old, new, range(i1, i2), range(j1, j2))
    return edits


def _pair_stretch(
    old: Sequence[Block], new: Sequence[Block], olds: range, news: range
) -> list[BlockEdit]:
    """A stretch that differs: blocks of one kind paired in order, the others whole."""
    edits: list[BlockEdit] = []
    waiting = list(olds)
    for j in news:
        match = next((i for i in waiting if _alike(old[i], new[j])), None)
        if match is None:
            edits.append(BlockEdit("added", None, j))
            continue
        for i in waiting[: waiting.index(match)]:
            edits.append(BlockEdit("removed", i, None))
        waiting = waiting[waiting.index(match) + 1 :]
        changes = diff_words(old[match].tokens, new[j].tokens)
        edits.append(BlockEdit("changed", match, j, changes))
    edits += [BlockEdit("removed", i, None) for i in waiting]
    return edits


def _alike(old: Block, new: Block) -> bool:
    """Two blocks are one block edited when of one kind and at least half the same."""
    if old.kind != new.kind:
        return False
    return SequenceMatcher(None, old.tokens, new.tokens, autojunk=False).ratio() >= SIMILAR


def count_changes(edits: Sequence[BlockEdit]) -> int:
    """How many tracked changes the edits make: each word edit and each whole block."""
    whole = sum(1 for edit in edits if edit.kind in ("added", "removed"))
    inside = sum(1 for e in edits for w in e.words if w.tag != "equal")
    return whole + inside
