"""The one traversal of the document tree: what each node holds, the fold, the map."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from typing import TypeVar, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.model import (
    BLOCK_TYPES,
    HOLDS,
    PART_ROLES,
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Cite,
    CiteItem,
    Code,
    ContentsEntry,
    Emph,
    Exhibit,
    ExhibitRef,
    Exhibits,
    Figure,
    FigureImage,
    Heading,
    Inline,
    Letterhead,
    LetterPart,
    LineBreak,
    Link,
    Node,
    Note,
    OrderedList,
    PageBreak,
    Para,
    SignatoryEntry,
    SignatoryGroup,
    SignatureBlock,
    SignerBlock,
    Strong,
    Table,
    TableOfAuthorities,
    TableOfContents,
    Text,
    children,
    inner_blocks,
    inner_inlines,
    iter_nodes,
    iter_notes,
    kept,
    map_children,
    map_each,
    map_tree,
    merge_text,
    walk_inlines,
)

A, B, C = Text("a"), Text("b"), Text("c")
P, Q = Para((A,)), Para((B,))
CITE = Cite((CiteItem("campbell"),), "body.md", 3, 4)
T = TypeVar("T")
GROUP = SignatoryGroup(None, (SignatoryEntry("Ada Lovelace", "Analytical Engines"),))

# (node, everything directly inside it, in document order)
CHILDREN: list[tuple[Node, tuple[Node, ...]]] = [
    (A, ()),
    (Code("x"), ()),
    (LineBreak(), ()),
    (CITE, ()),
    (PageBreak(), ()),
    (Emph((A, B)), (A, B)),
    (Strong((A,)), (A,)),
    (Link((A, B), "https://example.org"), (A, B)),
    (Note((P, Q)), (P, Q)),
    (Para((A, Emph((B,)))), (A, Emph((B,)))),
    (Heading(2, (A,)), (A,)),
    (BulletList(((P,), (Q, P))), (P, Q, P)),
    (OrderedList(((Q,),), start=3), (Q,)),
    (BlockQuote((P, Q)), (P, Q)),
    (LetterPart("closing", (P,)), (P,)),
    (Appendix((A,), (P, Q), (GROUP,)), (A, P, Q)),
    (SignatureBlock((SignerBlock("Jane Roe", ("Counsel",), conformed=True),)), ()),  # text
    (Letterhead(("Authors Guild",)), ()),  # plain strings and a picture
    (Figure(FigureImage(b"", "png", 1, 1), "alt", "caption"), ()),  # its caption is text
    (Table(((P,), (), (Q, P), (Q,)), ("default", "right")), (P, Q, P, Q)),
    (TableOfContents("Table of Contents", (ContentsEntry(1, "I.", "a"),)), ()),
    (TableOfAuthorities("Table of Authorities"), ()),  # plain strings, no nodes
    (ExhibitRef("A"), ()),  # prints "Exhibit A"
    (Exhibits((Exhibit("A", "A study", "study.pdf", "pdf", b"%PDF-"),)), ()),  # files' bytes
]


@pytest.mark.parametrize(("node", "expected"), CHILDREN, ids=lambda v: type(v).__name__)
def test_children_of_each_node_type(node: Node, expected: tuple[Node, ...]) -> None:
    assert children(node) == expected
    inlines, blocks = inner_inlines(node), inner_blocks(node)
    assert (*inlines, *blocks) == expected
    assert all(type(i) not in BLOCK_TYPES for i in inlines)
    assert all(type(b) in BLOCK_TYPES for b in blocks)


def test_every_node_type_is_in_the_table() -> None:
    """A node type that holds others but is missing from HOLDS would be silently skipped."""
    tested = {type(node) for node, _ in CHILDREN}
    assert tested == set(get_args(Inline)) | set(get_args(Block))
    assert {type(node) for node, held in CHILDREN if held} == set(HOLDS)


@pytest.mark.parametrize(("node", "expected"), CHILDREN, ids=lambda v: type(v).__name__)
def test_map_changing_nothing_returns_the_same_node(node: Node, expected: object) -> None:
    assert map_children(node, lambda blocks: blocks, lambda inlines: inlines) is node
    same = map_children(node, _each_as_it_is, _each_as_it_is)
    assert same is node  # each child came back as it was, so the tuples were kept


def _each_as_it_is(nodes: tuple[T, ...]) -> tuple[T, ...]:
    return map_each(nodes, lambda node: node)


@pytest.mark.parametrize(("node", "expected"), CHILDREN, ids=lambda v: type(v).__name__)
def test_map_rebuilds_the_same_shape(node: Node, expected: tuple[Node, ...]) -> None:
    """Copies of every child come back in their places, and the node's own fields stay."""
    copied = map_children(node, _copies, _copies)
    assert copied == node
    assert all(new is not old for new, old in zip(children(copied), expected, strict=True))
    if expected:
        assert copied is not node


def _copies(nodes: tuple[T, ...]) -> tuple[T, ...]:
    return tuple(copy.copy(node) for node in nodes)


def _swap(old: Text, new: Text) -> Callable[[Inline], Inline]:
    return lambda inline: new if inline == old else inline


# (blocks, where the "x" is, the same blocks with "y" there)
NESTED = [
    pytest.param((Para((Note((Para((Text("x"),)),)),)),), id="footnote"),
    pytest.param((BlockQuote((P, Para((Emph((Text("x"),)),)))),), id="quote"),
    pytest.param((BulletList(((P,), (BlockQuote((Para((Text("x"),)),)),))),), id="list"),
    pytest.param((OrderedList(((Para((Link((Text("x"),), "u"),)),),), 2),), id="ordered"),
    pytest.param((Appendix((Text("x"),), (P,), (GROUP,), 2),), id="appendix-heading"),
    pytest.param((LetterPart("signature", (Para((Strong((Text("x"),)),)),)),), id="part"),
]


@pytest.mark.parametrize("blocks", NESTED)
def test_map_replaces_a_nested_inline(blocks: tuple[Block, ...]) -> None:
    mapped = map_tree((P, *blocks, Q), inline=_swap(Text("x"), Text("y")))
    texts = [i.text for i in walk_inlines(mapped) if isinstance(i, Text)]
    assert "y" in texts and "x" not in texts
    assert mapped[0] is P and mapped[-1] is Q  # what did not change is not copied
    again = map_tree(mapped, inline=_swap(Text("y"), Text("x")))
    assert again == (P, *blocks, Q)


def test_map_replaces_a_block_inside_a_note() -> None:
    tree = (Para((A, Note((P, BlockQuote((P,)))))),)
    mapped = map_tree(tree, block=lambda block: Q if block == P else block)
    assert mapped == (Para((A, Note((Q, BlockQuote((Q,)))))),)


DOCUMENT: tuple[Block, ...] = (
    LetterPart("date", (Para((Text("1"),)),)),
    Heading(1, (Text("2"), Emph((Text("3"),)))),
    Para((Text("4"), Note((Para((Text("5"), Strong((Text("6"),)))),)), Text("7"), CITE)),
    BulletList(((Para((Text("8"),)),), (Para((Text("9"),)), BlockQuote((Para((Text("10"),)),))))),
    Appendix((Text("11"),), (Para((Text("12"),)),), (GROUP,)),
)


def test_fold_is_document_order() -> None:
    texts = [node.text for node in iter_nodes(DOCUMENT) if isinstance(node, Text)]
    assert texts == [str(n) for n in range(1, 13)]


def test_fold_yields_each_container_before_what_it_holds() -> None:
    nodes = list(iter_nodes(DOCUMENT))
    for index, node in enumerate(nodes):
        for child in children(node):
            assert any(found is child for found in nodes[index + 1 :])
    assert nodes[0] is DOCUMENT[0]


def test_fold_does_not_enter_what_enter_refuses() -> None:
    outside_notes = list(iter_nodes(DOCUMENT, lambda node: not isinstance(node, Note)))
    texts = [node.text for node in outside_notes if isinstance(node, Text)]
    assert "5" not in texts and "6" not in texts and "7" in texts
    assert sum(isinstance(node, Note) for node in outside_notes) == 1  # yielded, not entered
    (note,) = iter_notes(DOCUMENT)
    assert note.blocks == (Para((Text("5"), Strong((Text("6"),)))),)


def test_fold_survives_deep_nesting() -> None:
    tree: Block = P
    for _ in range(5000):
        tree = BlockQuote((tree,))
    assert sum(1 for _ in iter_nodes((tree,))) == 5002


def test_kept_and_merge_text_keep_what_needs_no_change() -> None:
    inlines = (A, Emph((B,)), C)
    assert merge_text(inlines) == inlines
    assert kept(merge_text(inlines), inlines) is inlines
    assert merge_text((A, B)) == (Text("ab"),)
    assert kept(merge_text((A, B)), (A, B)) == (Text("ab"),)


# --- property: any small tree ----------------------------------------------------------------

_leaves = st.one_of(
    st.builds(Text, st.text("ab ", max_size=3)),
    st.builds(Code, st.text("c", max_size=2)),
    st.just(LineBreak()),
    st.builds(Cite, st.tuples(st.builds(CiteItem, st.sampled_from(["k", "m"])))),
)
_inlines: st.SearchStrategy[tuple[Inline, ...]] = st.deferred(
    lambda: st.lists(_inline, max_size=3).map(tuple)
)
_blocks: st.SearchStrategy[tuple[Block, ...]] = st.deferred(
    lambda: st.lists(_block, max_size=3).map(tuple)
)
_inline: st.SearchStrategy[Inline] = st.one_of(
    _leaves,
    st.builds(Emph, _inlines),
    st.builds(Strong, _inlines),
    st.builds(Link, _inlines, st.just("https://example.org")),
    st.builds(Note, _blocks),
)
_block: st.SearchStrategy[Block] = st.one_of(
    st.builds(Para, _inlines),
    st.just(PageBreak()),
    st.builds(Heading, st.integers(1, 2), _inlines),
    st.builds(BlockQuote, _blocks),
    st.builds(BulletList, st.lists(_blocks, max_size=2).map(tuple)),
    st.builds(OrderedList, st.lists(_blocks, max_size=2).map(tuple), st.integers(1, 3)),
    st.builds(LetterPart, st.sampled_from(PART_ROLES), _blocks),
    st.builds(Appendix, _inlines, _blocks, st.just((GROUP,))),
)


def _reference_order(nodes: tuple[Node, ...]) -> list[Node]:
    """Document order written out by hand, type by type: the oracle for ``iter_nodes``."""
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        match node:
            case Para(held) | Heading(_, held) | Emph(held) | Strong(held) | Link(held, _):
                out += _reference_order(held)
            case BlockQuote(held) | LetterPart(_, held) | Note(held):
                out += _reference_order(held)
            case BulletList(items) | OrderedList(items, _):
                for item in items:
                    out += _reference_order(item)
            case Appendix(heading, intro, _, _):
                out += _reference_order(heading) + _reference_order(intro)
    return out


@settings(max_examples=200, deadline=None)
@given(_blocks)
def test_any_tree_maps_to_itself_and_folds_in_document_order(blocks: tuple[Block, ...]) -> None:
    assert map_tree(blocks) is blocks
    assert map_tree(blocks, lambda b: dataclasses.replace(b), copy.copy) == blocks
    order = _reference_order(blocks)
    assert list(iter_nodes(blocks)) == order
    assert all(a is b for a, b in zip(iter_nodes(blocks), order, strict=True))
    assert list(walk_inlines(blocks)) == [n for n in order if type(n) not in BLOCK_TYPES]
