"""What changed between two versions: sections aligned, then blocks, then words, then notes.

The comparison is generic over where the blocks come from (the DOCX our writer made, or the
document tree, ``redline.tree``): a ``Version`` is the body's blocks in order and each note's
blocks. A block has a kind (a style), its tokens (words, spaces, punctuation, and a
``NoteRef`` where a footnote is referenced), the look of each token (its formatting, which
never decides alignment) and the notes it references.

1. **Sections**: the body is cut at argument headings (``HEADS``); a section's identity is
   its heading. Sections with the same heading are the same section, wherever they stand:
   one that changed place is *moved*. Others are paired in order when alike, or added and
   removed whole.
2. **Blocks** inside paired sections: equal blocks are the same; in a stretch that differs,
   blocks of one kind at least half alike are one block edited, the rest added or removed.
3. **Words** inside an edited block: ``difflib.SequenceMatcher`` on the tokens. Tokens equal
   in text but not in look are a formatting change.
4. **Notes** follow their references: a reference kept pairs OLD's note with NEW's (their
   blocks then compared as above), a reference inserted adds a note, one deleted removes
   one. A reference's token is the sources the note cites (``NoteRef``), so an added note
   leaves the later ones paired, and a changed pin cite is a word edit in a paired note.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

WORD = re.compile(r"\s+|\w+|[^\w\s]")
"""A token of running text: a stretch of spaces, a word, or one punctuation mark."""

SIMILAR = 0.5
"""How alike (difflib's ratio) two blocks must be to be shown as one block edited."""

HEADS = frozenset({"Heading1", "AppendixHeading"})
"""Block kinds that open a section: an argument's heading (Word's style id), the appendix."""

TABLE = "Table"
"""The kind of a block compared only whole (a table): equal, or removed and added."""

BlockKind = Literal["same", "changed", "added", "removed", "moved-from", "moved-to"]
SectionKind = Literal["same", "changed", "added", "removed", "moved"]
NoteKind = Literal["same", "changed", "added", "removed", "moved-from"]
WordTag = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class NoteRef:
    """A footnote reference as a token: the sources its note cites (none: a note of prose)."""

    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordEdit:
    """One stretch of a changed block: OLD's tokens ``old`` became NEW's tokens ``new``."""

    tag: WordTag
    old: range
    new: range


@dataclass(frozen=True)
class BlockEdit:
    """One block of the redline, in the redline's order.

    same / changed: in both versions (``words``: a changed block's word edits); added: NEW's
    only; removed: OLD's only, shown where it stood; moved-from: OLD's block of a moved
    section, where it stood; moved-to: NEW's block of a moved section (``words`` against its
    OLD block when it was also edited, ``old`` None when it is new in the moved section).
    """

    kind: BlockKind
    old: int | None  # the block's index in OLD (None: added)
    new: int | None  # the block's index in NEW (None: removed, moved-from)
    words: tuple[WordEdit, ...] = ()
    move: int = 0  # in a moved section: the move's number (1, 2...), both places alike


@dataclass(frozen=True)
class Block:
    """A block as the comparison sees it: its kind (a style), tokens, their look, its notes."""

    kind: str
    tokens: tuple[Hashable, ...]
    look: tuple[Hashable, ...] = ()  # per token, its formatting; () when all plain
    notes: tuple[int, ...] = field(default=(), compare=False)  # the notes its NoteRefs name

    @property
    def key(self) -> tuple[str, tuple[Hashable, ...], tuple[Hashable, ...]]:
        return (self.kind, self.tokens, self.look)

    def text(self) -> str:
        return "".join(t for t in self.tokens if isinstance(t, str))


@dataclass(frozen=True)
class Version:
    """One version as compared: the body's blocks, and each note's blocks by note id."""

    blocks: tuple[Block, ...]
    notes: dict[int, tuple[Block, ...]]


@dataclass(frozen=True)
class SectionEdit:
    """A section (the text before the first heading, an argument, the appendix) compared."""

    kind: SectionKind
    old: int | None  # index of the section's first block in OLD
    new: int | None  # index of the section's first block in NEW
    heading: str  # its heading's text ("" before the first heading)


@dataclass(frozen=True)
class NoteEdit:
    """A note compared: ``old``/``new`` are note ids; ``blocks`` its blocks' edits.

    moved-from: OLD's note referenced from a moved section's old place (its new place pairs
    it with NEW's note)."""

    kind: NoteKind
    old: int | None
    new: int | None
    blocks: tuple[BlockEdit, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Two versions aligned: sections, body blocks and notes, each in the redline's order."""

    sections: tuple[SectionEdit, ...]
    blocks: tuple[BlockEdit, ...]
    notes: tuple[NoteEdit, ...]
    old: Version
    new: Version

    @property
    def changes(self) -> int:
        """How many changes a reader sees: moves, whole blocks, word and formatting edits."""
        moves = sum(1 for s in self.sections if s.kind == "moved")
        body = count_changes(self.blocks, self.old.blocks, self.new.blocks)
        notes = sum(
            count_changes(
                n.blocks, self.old.notes.get(n.old or 0, ()), self.new.notes.get(n.new or 0, ())
            )
            if n.kind == "changed"
            else 0
            for n in self.notes
        )
        return moves + body + notes


def words(text: str) -> list[str]:
    """``text`` as tokens: spaces, words and punctuation, which join back into ``text``."""
    return WORD.findall(text)


def diff_words(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[WordEdit, ...]:
    """The edits that turn token list ``old`` into ``new``."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return tuple(
        WordEdit(tag, range(i1, i2), range(j1, j2)) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def compare_versions(old: Version, new: Version) -> Comparison:
    """Align two versions: sections by heading, blocks, words, then notes by reference."""
    sections, blocks = _compare_body(old.blocks, new.blocks)
    notes = _compare_notes(old, new, blocks)
    return Comparison(tuple(sections), tuple(blocks), tuple(notes), old, new)


def compare_blocks(
    old: Sequence[Block], new: Sequence[Block], olds: range | None = None, news: range | None = None
) -> list[BlockEdit]:
    """The edits of blocks ``olds`` of OLD into ``news`` of NEW (all by default), NEW's order."""
    olds = range(len(old)) if olds is None else olds
    news = range(len(new)) if news is None else news
    matcher = SequenceMatcher(
        None, [old[i].key for i in olds], [new[j].key for j in news], autojunk=False
    )
    edits: list[BlockEdit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            edits += [
                BlockEdit("same", olds[i], news[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
        else:
            edits += _pair_stretch(old, new, olds[i1:i2], news[j1:j2])
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
    if old.kind != new.kind or old.kind == TABLE:
        return False
    return SequenceMatcher(None, old.tokens, new.tokens, autojunk=False).ratio() >= SIMILAR


# --- sections ------------------------------------------------------------------------------


def sections(blocks: Sequence[Block]) -> list[range]:
    """The body cut before each heading in ``HEADS`` (the first range may be empty)."""
    starts = [0] + [i for i, block in enumerate(blocks) if block.kind in HEADS and i > 0]
    ends = [*starts[1:], len(blocks)]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]


def _section_key(blocks: Sequence[Block], span: range) -> Hashable:
    if span and blocks[span.start].kind in HEADS:
        return (blocks[span.start].kind, blocks[span.start].tokens)
    return ("",)  # the text before the first heading: always the same section


def _heading(blocks: Sequence[Block], span: range) -> str:
    return blocks[span.start].text() if span and blocks[span.start].kind in HEADS else ""


def _compare_body(
    old: Sequence[Block], new: Sequence[Block]
) -> tuple[list[SectionEdit], list[BlockEdit]]:
    old_secs, new_secs = sections(old), sections(new)
    old_keys = [_section_key(old, s) for s in old_secs]
    new_keys = [_section_key(new, s) for s in new_secs]
    opcodes = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
    moved = _moves(opcodes, old_keys, new_keys)
    number = {i: n for n, i in enumerate(moved.values(), start=1)}  # OLD section -> move
    moved_old = set(moved.values())
    out_sections: list[SectionEdit] = []
    out_blocks: list[BlockEdit] = []

    def paired(i: int, j: int, kind: SectionKind) -> None:
        edits = compare_blocks(old, new, old_secs[i], new_secs[j])
        if kind == "moved":
            edits = [_moved_to(edit, number[i]) for edit in edits if edit.kind != "removed"]
        elif all(edit.kind == "same" for edit in edits):
            kind = "same"
        out_sections.append(
            SectionEdit(kind, old_secs[i].start, new_secs[j].start, _heading(new, new_secs[j]))
        )
        out_blocks.extend(edits)

    def gone(i: int) -> None:
        kind: SectionKind = "moved" if i in moved_old else "removed"
        block: BlockKind = "moved-from" if i in moved_old else "removed"
        if kind == "removed":
            out_sections.append(
                SectionEdit(kind, old_secs[i].start, None, _heading(old, old_secs[i]))
            )
        out_blocks.extend(BlockEdit(block, k, None, move=number.get(i, 0)) for k in old_secs[i])

    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                paired(i, j, "changed")
            continue
        waiting = list(range(i1, i2))
        for j in range(j1, j2):
            if j in moved:
                paired(moved[j], j, "moved")
                continue
            match = next(
                (
                    i
                    for i in waiting
                    if i not in moved_old and _sections_alike(old, new, old_secs[i], new_secs[j])
                ),
                None,
            )
            if match is None:
                out_sections.append(
                    SectionEdit("added", None, new_secs[j].start, _heading(new, new_secs[j]))
                )
                out_blocks.extend(BlockEdit("added", None, k) for k in new_secs[j])
                continue
            for i in waiting[: waiting.index(match)]:
                gone(i)
            waiting = waiting[waiting.index(match) + 1 :]
            paired(match, j, "changed")
        for i in waiting:
            gone(i)
    return out_sections, out_blocks


def _moves(
    opcodes: Sequence[tuple[str, int, int, int, int]],
    old_keys: Sequence[Hashable],
    new_keys: Sequence[Hashable],
) -> dict[int, int]:
    """NEW sections (index -> OLD index) whose heading OLD has elsewhere, unmatched: moves."""
    unmatched_old = [i for tag, i1, i2, _, _ in opcodes if tag != "equal" for i in range(i1, i2)]
    unmatched_new = [j for tag, _, _, j1, j2 in opcodes if tag != "equal" for j in range(j1, j2)]
    moves: dict[int, int] = {}
    for j in unmatched_new:
        if new_keys[j] == ("",):
            continue
        i = next((i for i in unmatched_old if old_keys[i] == new_keys[j]), None)
        if i is not None:
            unmatched_old.remove(i)
            moves[j] = i
    return moves


def _sections_alike(old: Sequence[Block], new: Sequence[Block], a: range, b: range) -> bool:
    """Sections are one section edited when their headings, or their texts, are half alike."""
    if not a or not b or old[a.start].kind != new[b.start].kind:
        return False
    if _alike(old[a.start], new[b.start]):
        return True
    old_tokens = [t for i in a for t in old[i].tokens]
    new_tokens = [t for i in b for t in new[i].tokens]
    return SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).ratio() >= SIMILAR


def _moved_to(edit: BlockEdit, move: int) -> BlockEdit:
    """A block of a moved section at its new place (an added block stays added)."""
    kind: BlockKind = "added" if edit.kind == "added" else "moved-to"
    words = edit.words if edit.kind == "changed" else ()
    return BlockEdit(kind, edit.old, edit.new, words, move)


# --- notes ---------------------------------------------------------------------------------


def _compare_notes(old: Version, new: Version, blocks: Sequence[BlockEdit]) -> list[NoteEdit]:
    """Notes in the order the redline references them: paired, added or removed."""
    edits: list[NoteEdit] = []

    def pair(i: int, j: int) -> None:
        before, after = old.notes.get(i, ()), new.notes.get(j, ())
        inner = compare_blocks(before, after)
        same = all(edit.kind == "same" for edit in inner)
        edits.append(NoteEdit("same" if same else "changed", i, j, tuple(inner)))

    for edit in blocks:
        before = old.blocks[edit.old] if edit.old is not None else None
        after = new.blocks[edit.new] if edit.new is not None else None
        if edit.kind in ("removed", "moved-from"):
            assert before is not None
            edits += [NoteEdit(edit.kind, i, None) for i in before.notes]
        elif edit.kind == "added":
            assert after is not None
            edits += [NoteEdit("added", None, j) for j in after.notes]
        elif before is not None and after is not None and not edit.words:
            for i, j in zip(before.notes, after.notes, strict=False):
                pair(i, j)
        elif before is not None and after is not None:
            old_refs, new_refs = _ref_notes(before), _ref_notes(after)
            for words_edit in edit.words:
                olds = [old_refs[k] for k in words_edit.old if k in old_refs]
                news = [new_refs[k] for k in words_edit.new if k in new_refs]
                if words_edit.tag == "equal":
                    for i, j in zip(olds, news, strict=True):
                        pair(i, j)
                    continue
                if edit.kind != "moved-to":  # a moved block's deletions stay at its old place
                    edits += [NoteEdit("removed", i, None) for i in olds]
                edits += [NoteEdit("added", None, j) for j in news]
    return edits


def _ref_notes(block: Block) -> dict[int, int]:
    """Token index -> note id, for the block's note references."""
    at = [k for k, token in enumerate(block.tokens) if isinstance(token, NoteRef)]
    return dict(zip(at, block.notes, strict=False))


def count_changes(
    edits: Sequence[BlockEdit], old: Sequence[Block] = (), new: Sequence[Block] = ()
) -> int:
    """Tracked changes the edits make: whole blocks, word edits and formatting changes."""
    whole = sum(1 for edit in edits if edit.kind in ("added", "removed"))
    inside = sum(1 for e in edits for w in e.words if w.tag != "equal")
    looks = sum(
        len(restyled(old[e.old], new[e.new], w))
        for e in edits
        if e.old is not None and e.new is not None and e.old < len(old) and e.new < len(new)
        for w in e.words
        if w.tag == "equal"
    )
    return whole + inside + looks


def restyled(old: Block, new: Block, span: WordEdit) -> list[range]:
    """The stretches of an equal span (NEW's token indices) whose look changed."""
    if not old.look and not new.look:
        return []
    stretches: list[range] = []
    start: int | None = None
    for i, j in zip(span.old, span.new, strict=True):
        differs = _look(old, i) != _look(new, j)
        if differs and start is None:
            start = j
        elif not differs and start is not None:
            stretches.append(range(start, j))
            start = None
    if start is not None:
        stretches.append(range(start, span.new.stop))
    return stretches


def _look(block: Block, index: int) -> Hashable:
    return block.look[index] if index < len(block.look) else None
