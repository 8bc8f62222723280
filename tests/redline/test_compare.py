"""The comparison itself (``redline.compare``), without Word: for any two versions, taking
every change gives NEW's blocks and words in NEW's order, refusing every change gives OLD's
in OLD's order, and every note NEW references is placed once; plus the alignments the
redline promises (moves by heading, notes by what they cite)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.model import Document, Emph, Heading, Inline, Metadata, Note, Para, Text
from policydraft.redline.compare import (
    Block,
    BlockEdit,
    Comparison,
    NoteRef,
    Version,
    compare_versions,
    restyled,
    words,
)
from policydraft.redline.tree import compare_documents

WORDS = st.sampled_from(["the", "agency", "rule", "should", "data", "fair", "use", " ", ","])
KINDS = st.sampled_from(["Heading1", "BodyText", "BodyText", "BodyText", "Closing"])


@st.composite
def versions(draw: st.DrawFn) -> Version:
    """A version: blocks of a few kinds and words, some with notes citing a few sources."""
    blocks: list[Block] = []
    notes: dict[int, tuple[Block, ...]] = {}
    for _ in range(draw(st.integers(0, 12))):
        tokens: list[Hashable] = []
        looks: list[Hashable] = []
        refs: list[int] = []
        for token in draw(st.lists(WORDS, max_size=8)):
            tokens.append(token)
            looks.append(draw(st.sampled_from([b"", b"", b"<i/>"])))
            if draw(st.integers(0, 5)) == 0:
                note = len(notes) + 1
                cites = tuple(draw(st.lists(st.sampled_from(["a", "b", "c"]), max_size=2)))
                pin = draw(st.sampled_from(["12", "13"]))
                notes[note] = (Block("FootnoteText", tuple(words(f"{cites} at {pin}"))),)
                tokens.append(NoteRef(cites))
                looks.append(b"")
                refs.append(note)
        blocks.append(Block(draw(KINDS), tuple(tokens), tuple(looks), tuple(refs)))
    return Version(tuple(blocks), notes)


def _taken(edit: BlockEdit, old: Version, new: Version, accept: bool) -> tuple | None:
    """The block's tokens once every change is taken (accept) or refused, None if gone."""
    if edit.kind in ("removed", "moved-from"):
        return None if accept else old.blocks[edit.old].tokens  # type: ignore[index]
    if edit.kind in ("added",) or (edit.kind == "moved-to" and not accept):
        return new.blocks[edit.new].tokens if accept else None  # type: ignore[index]
    if accept or edit.kind == "same":
        source = new.blocks[edit.new] if accept else old.blocks[edit.old]  # type: ignore[index]
        return source.tokens
    assert edit.old is not None
    return old.blocks[edit.old].tokens


def _resolve(comparison: Comparison, accept: bool) -> list[tuple]:
    made = []
    for edit in comparison.blocks:
        tokens = _taken(edit, comparison.old, comparison.new, accept)
        if tokens is not None and edit.words and accept:
            tokens = _from_words(edit, comparison)
        if tokens is not None:
            made.append(tokens)
    return made


def _from_words(edit: BlockEdit, comparison: Comparison) -> tuple:
    """NEW's tokens rebuilt from the word edits alone (equal spans and insertions)."""
    assert edit.new is not None
    new = comparison.new.blocks[edit.new].tokens
    return tuple(new[j] for w in edit.words for j in w.new)


@given(versions(), versions())
@settings(max_examples=300, deadline=None)
def test_accept_all_is_new_and_reject_all_is_old(old: Version, new: Version) -> None:
    comparison = compare_versions(old, new)
    assert _resolve(comparison, accept=True) == [b.tokens for b in new.blocks]
    assert _resolve(comparison, accept=False) == [b.tokens for b in old.blocks]
    for edit in comparison.blocks:  # word edits cover both blocks, in order
        if edit.words:
            assert [i for w in edit.words for i in w.old] == list(
                range(len(old.blocks[edit.old].tokens))  # type: ignore[index]
            ) or edit.kind == "moved-to"
            assert [j for w in edit.words for j in w.new] == list(
                range(len(new.blocks[edit.new].tokens))  # type: ignore[index]
            )
    placed = Counter(n.new for n in comparison.notes if n.new is not None)
    referenced = Counter(
        j for e in comparison.blocks if e.new is not None for j in new.blocks[e.new].notes
    )
    assert placed == referenced
    assert all(count == 1 for count in placed.values())
    assert comparison.changes >= 0
    if old == new:
        assert comparison.changes == 0


def _block(kind: str, text: str, notes: tuple[tuple[int, tuple[str, ...]], ...] = ()) -> Block:
    tokens: list[Hashable] = list(words(text))
    tokens += [NoteRef(cites) for _, cites in notes]
    return Block(kind, tuple(tokens), (b"",) * len(tokens), tuple(n for n, _ in notes))


def test_a_moved_section_is_found_by_its_heading() -> None:
    a = [_block("Heading1", "Fair use"), _block("BodyText", "Case by case.")]
    b = [_block("Heading1", "Data"), _block("BodyText", "Publish it.")]
    lead = [_block("BodyText", "We write.")]
    comparison = compare_versions(
        Version(tuple(lead + a + b), {}), Version(tuple(lead + b + a), {})
    )
    kinds = Counter(edit.kind for edit in comparison.blocks)
    assert kinds == Counter({"same": 3, "moved-to": 2, "moved-from": 2})
    assert [s.kind for s in comparison.sections].count("moved") == 1
    assert comparison.changes == 1
    assert {edit.move for edit in comparison.blocks if edit.kind.startswith("moved")} == {1}


def test_notes_pair_by_what_they_cite_not_by_number() -> None:
    note = lambda pin: (Block("FootnoteText", tuple(words(f"Loving, 388 U.S. at {pin}"))),)  # noqa: E731
    old = Version(
        (
            _block("BodyText", "One.", ((1, ("loving",)),)),
            _block("BodyText", "Two.", ((2, ("brown",)),)),
        ),
        {1: note("12"), 2: note("495")},
    )
    new = Version(
        (
            _block("BodyText", "One.", ((1, ("loving",)),)),
            _block("BodyText", "New.", ((2, ("campbell",)),)),
            _block("BodyText", "Two.", ((3, ("brown",)),)),
        ),
        {1: note("11"), 2: note("580"), 3: note("495")},
    )
    comparison = compare_versions(old, new)
    assert [(n.kind, n.old, n.new) for n in comparison.notes] == [
        ("changed", 1, 1), ("added", None, 2), ("same", 2, 3),
    ]  # fmt: skip
    changed = comparison.notes[0].blocks[0]
    assert [w.tag for w in changed.words if w.tag != "equal"] == ["replace"]


def _letter(order: str, pin: str, italic: bool = False) -> Document:
    clear: Inline = Emph((Text("clear"),)) if italic else Text("clear")
    note = Note((Para((Text(f"Loving v. Virginia, 388 U.S. 1, {pin} (1967)."),)),), ("loving",))
    sections = {
        "f": (Heading(1, (Text("Fair use"),), 1), Para((Text("A "), clear, Text(" rule."), note))),
        "d": (Heading(1, (Text("Data"),), 2), Para((Text("Publish it."),))),
    }
    blocks = (Para((Text("We write."),)), *(b for k in order for b in sections[k]))
    return Document(Metadata("Comment", "Jane Advocate"), blocks)


def test_documents_compare_by_structure() -> None:
    comparison = compare_documents(_letter("fd", "12"), _letter("df", "11", italic=True))
    assert sorted(s.kind for s in comparison.sections) == ["changed", "moved", "same"]
    assert [(n.kind, n.old, n.new) for n in comparison.notes] == [("changed", 1, 1)]
    pin = comparison.notes[0].blocks[0].words
    assert [(w.tag, len(w.old), len(w.new)) for w in pin if w.tag != "equal"] == [("replace", 1, 1)]
    edited = next(e for e in comparison.blocks if e.words)
    old, new = comparison.old.blocks[edited.old], comparison.new.blocks[edited.new]
    assert [len(r) for w in edited.words if w.tag == "equal" for r in restyled(old, new, w)] == [1]
    assert comparison.changes == 3  # the move, "clear" in italics, the pin
