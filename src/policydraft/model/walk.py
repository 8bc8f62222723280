"""One traversal of the tree that every pass uses: what a node holds, a fold, a map.

``HOLDS`` is the one declaration of which nodes hold others, and in which fields. A pass that
reads the tree (a check, a listing) folds over ``iter_nodes``; a pass that rewrites it
(citation resolution) rebuilds nodes with ``map_children``, deciding itself what to do with
the nodes it cares about; ``map_tree`` rewrites every node bottom-up. A new node type that
holds others is one row of ``HOLDS``, and every pass walks into it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain
from operator import attrgetter
from typing import Any, Literal, TypeAlias, TypeVar, cast, get_args

from policydraft.model.nodes import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Emph,
    Heading,
    Inline,
    LetterPart,
    Link,
    Node,
    Note,
    OrderedList,
    Para,
    Strong,
    Table,
)

T = TypeVar("T")
N = TypeVar("N", bound=Node)
Held: TypeAlias = Literal["inlines", "blocks", "items"]  # items: a list's tuple of block tuples
BlocksMap: TypeAlias = Callable[[tuple[Block, ...]], tuple[Block, ...]]
InlinesMap: TypeAlias = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]

HOLDS: dict[type, tuple[tuple[str, Held], ...]] = {
    Para: (("inlines", "inlines"),),
    Heading: (("inlines", "inlines"),),
    BulletList: (("items", "items"),),
    OrderedList: (("items", "items"),),
    BlockQuote: (("blocks", "blocks"),),
    LetterPart: (("blocks", "blocks"),),
    Appendix: (("heading", "inlines"), ("intro", "blocks")),  # its signers are plain strings
    Table: (("cells", "items"),),  # row by row, each cell's blocks
    Emph: (("children", "inlines"),),
    Strong: (("children", "inlines"),),
    Link: (("children", "inlines"),),
    Note: (("blocks", "blocks"),),
}
"""For each node that holds others, the fields holding them, in document order.

Every other node (Text, Code, LineBreak, Cite, PageBreak, Figure) holds nothing: a Cite's
items are not nodes, nor is a Figure's caption (plain text)."""

BLOCK_TYPES: frozenset[type[Node]] = frozenset(get_args(Block))

Getter: TypeAlias = Callable[[Any], tuple[Node, ...]]


def _getter(fields: Iterable[tuple[str, Held]]) -> Getter | None:
    """One function reading ``fields`` of a node as a single tuple, in order."""
    getters = [_field_getter(name, held) for name, held in fields]
    if len(getters) <= 1:
        return getters[0] if getters else None
    return lambda node: tuple(chain.from_iterable(get(node) for get in getters))


def _field_getter(name: str, held: Held) -> Getter:
    get = attrgetter(name)
    if held != "items":
        return cast(Getter, get)
    return lambda node: tuple(chain.from_iterable(get(node)))


def _getters(wanted: tuple[Held, ...]) -> dict[type, Getter]:
    tables = {kind: _getter(f for f in fields if f[1] in wanted) for kind, fields in HOLDS.items()}
    return {kind: get for kind, get in tables.items() if get is not None}


_CHILDREN = _getters(("inlines", "blocks", "items"))
_INLINES = _getters(("inlines",))
_BLOCKS = _getters(("blocks", "items"))


def children(node: Node) -> tuple[Node, ...]:
    """Everything directly inside ``node``, in document order (a list's items one by one)."""
    get = _CHILDREN.get(type(node))
    return () if get is None else get(node)


def inner_inlines(node: Node) -> tuple[Inline, ...]:
    """The inlines directly inside ``node`` (a paragraph's, a heading's, an emphasis's)."""
    get = _INLINES.get(type(node))
    return () if get is None else cast(tuple[Inline, ...], get(node))


def inner_blocks(node: Node) -> tuple[Block, ...]:
    """The blocks directly inside ``node`` (a quote's, a note's, every item of a list's)."""
    get = _BLOCKS.get(type(node))
    return () if get is None else cast(tuple[Block, ...], get(node))


def iter_nodes(
    nodes: Iterable[Node], enter: Callable[[Node], bool] | None = None
) -> Iterator[Node]:
    """Every node in document order, each container before what it holds.

    ``enter`` says whether to look inside a node (by default, inside every one); a node not
    entered is still yielded. Iterative, so a deeply nested tree cannot exhaust the stack.
    """
    stack: list[Iterator[Node]] = [iter(nodes)]
    held_by = _CHILDREN.get
    while stack:
        for node in stack[-1]:
            yield node
            get = held_by(type(node))
            if get is not None and (enter is None or enter(node)):
                stack.append(iter(get(node)))
                break
        else:
            stack.pop()


def map_children(node: N, blocks: BlocksMap, inlines: InlinesMap) -> N:
    """``node`` with the blocks and inlines it holds passed through ``blocks`` and ``inlines``.

    The very same object comes back when each returns what it was given, so a pass that
    changes little of a large tree copies little. A list's items go through ``blocks`` one by
    one.
    """
    changes: dict[str, object] = {}
    for name, held in HOLDS.get(type(node), ()):
        old: Any = getattr(node, name)
        new: Any
        if held == "inlines":
            new = inlines(old)
        elif held == "blocks":
            new = blocks(old)
        else:
            new = map_each(old, blocks)
        if new is not old:
            changes[name] = new
    return cast(N, replace(cast(Any, node), **changes)) if changes else node


def map_each(items: tuple[T, ...], change: Callable[[T], T]) -> tuple[T, ...]:
    """``change`` applied to each item; ``items`` itself when no item changed."""
    return kept(tuple(change(item) for item in items), items)


def kept(new: tuple[T, ...], old: tuple[T, ...]) -> tuple[T, ...]:
    """``old`` when ``new`` holds the very same objects, else ``new``: so that a map which
    changed nothing hands back what it was given."""
    same = len(new) == len(old) and all(map(operator.is_, new, old))
    return old if same else new


def map_tree(
    blocks: tuple[Block, ...],
    block: Callable[[Block], Block] = lambda node: node,
    inline: Callable[[Inline], Inline] = lambda node: node,
) -> tuple[Block, ...]:
    """Every node rebuilt bottom-up: what a node holds is mapped, then the node itself.

    ``block`` and ``inline`` are given each node with its contents already mapped; the
    tree comes back unchanged (the same objects) when they return what they are given.
    """

    def on_blocks(held: tuple[Block, ...]) -> tuple[Block, ...]:
        return map_each(held, lambda node: block(map_children(node, on_blocks, on_inlines)))

    def on_inlines(held: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return map_each(held, lambda node: inline(map_children(node, on_blocks, on_inlines)))

    return on_blocks(blocks)


def walk_inlines(blocks: Iterable[Block], *, into_notes: bool = True) -> Iterator[Inline]:
    """Every inline in document order, each container before its children.

    ``into_notes`` says whether a Note's own blocks are walked (they are part of the text,
    but not of the note order).
    """
    enter = None if into_notes else _outside_notes
    for node in iter_nodes(blocks, enter):
        if type(node) not in BLOCK_TYPES:
            yield cast(Inline, node)


def _outside_notes(node: Node) -> bool:
    return not isinstance(node, Note)


def iter_notes(blocks: tuple[Block, ...]) -> Iterator[Note]:
    """Every Note in document order (the order writers number them in)."""
    for inline in walk_inlines(blocks, into_notes=False):
        if isinstance(inline, Note):
            yield inline
