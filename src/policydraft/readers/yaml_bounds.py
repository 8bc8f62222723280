"""A ruamel composer that refuses heavy YAML while composing it, before anything expands it.

ruamel composes an alias as a second reference to the anchored node, so a 400-byte "billion
laughs" file composes and constructs in microseconds; the blow-up comes later, when something
walks the data as a tree (``to_plain``, pydantic, a template) and every reference becomes a
copy: nine levels of nine aliases are 387 million values. The composer is the one place that
sees every alias where it is written, so it counts there, against ``limits.py``:

- aliases written (``YAML_ALIASES``): alias bombs need many, real files need a few;
- values the document expands to (``YAML_NODES``): each node counts once where written, and
  an alias counts the expanded size of what it repeats, so the running total is exactly the
  size of the tree a walker will build, known at the alias that makes it too big;
- nesting (``NESTING``): ruamel composes recursively, so ``[[[[...]]]]`` 10,000 deep was a
  RecursionError; the depth is checked before each level is entered;
- numbers (``NUMBER_DIGITS``): an int of 5,000 digits is a ValueError in Python's
  conversion, refused here with its line;
- control characters (bounded.CONTROL) that YAML's escapes (``"\\0"``, ``"\\e"``) produce,
  and bidirectional controls (``BIDI``), which YAML allows even written raw.

Each refusal raises ``Refused`` with the mark of the offending node, and ``parse_yaml``
turns it into a diagnostic at that line.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from policydraft.limits import NESTING, NUMBER_DIGITS, YAML_ALIASES, YAML_NODES
from policydraft.readers.bounded import BIDI, forbidden_character

_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})

CODES = {
    "size": "PD108",
    "aliases": "PD109",
    "nesting": "PD110",
    "number": "PD111",
    "control": "PD112",
}
"""The code of each refusal in policydraft.yaml; the bibliography and profile readers map
them onto their own ranges (PD514-PD518, PD603-PD607)."""


class Refused(Exception):
    """A YAML file refused as too heavy: the code, the reason and the node's mark."""

    def __init__(self, kind: str, message: str, mark: Any) -> None:
        super().__init__(message)
        self.code = CODES[kind]
        self.message = message
        self.mark = mark


class BoundedComposer(Composer):
    """ruamel's composer with the counts above; one instance composes one document."""

    def compose_document(self: Any) -> Any:
        self._aliases = 0
        self._expanded = 0
        self._depth = 0
        self._sizes: dict[int, int] = {}  # expanded size of each finished collection node
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, AliasEvent):
            return self._alias(parent, index, event)
        if self._depth >= NESTING.value:
            message = (
                f"the YAML is nested more than {NESTING.value} levels deep here; "
                "no letter, bibliography or profile needs that many"
            )
            raise Refused("nesting", message, event.start_mark)
        self._depth += 1
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._count(1, event.start_mark)
        if isinstance(node, SequenceNode | MappingNode):
            self._sizes[id(node)] = 1 + sum(map(self._size, _children(node)))
        return node

    def compose_scalar_node(self, anchor: Any) -> Any:
        node = super().compose_scalar_node(anchor)
        value = str(node.value)
        if node.style == ">":  # ruamel marks where a folded scalar folds with BEL (U+0007)
            value = value.replace("\a", "")
        if str(node.tag) in _NUMBER_TAGS:
            _check_number(value, node.start_mark)
        found = forbidden_character(value)
        if found is not None:
            offset, name = found
            if BIDI.match(value, offset):
                message = (
                    f"a value contains the {name}, which makes the text around it print in "
                    "another order than it is written (it can disguise a name); remove it"
                )
            else:
                message = (
                    f"a value contains the control character {name} (written as an escape "
                    "such as \\0 or \\e); a letter cannot print it, so remove it"
                )
            raise Refused("control", message, node.start_mark)
        return node

    def _alias(self, parent: Any, index: Any, event: Any) -> Any:
        self._aliases += 1
        if self._aliases > YAML_ALIASES.value:
            message = (
                f"more than {YAML_ALIASES.value} aliases (*name) in one file; write the "
                "values out, or look for an alias bomb if you did not write them"
            )
            raise Refused("aliases", message, event.start_mark)
        node = super().compose_node(parent, index)
        self._count(self._size(node), event.start_mark)
        return node

    def _count(self, values: int, mark: Any) -> None:
        self._expanded += values
        if self._expanded > YAML_NODES.value:
            message = (
                f"this alias makes the file expand to more than {YAML_NODES.value:,} values "
                "(an alias bomb); write the values out instead of repeating them with aliases"
            )
            raise Refused("aliases", message, mark)

    def _size(self, node: Node) -> int:
        """Expanded size of a node; 1 for a scalar or a collection still being composed
        (an alias inside what it names: a cycle, which ``to_plain`` cuts)."""
        return self._sizes.get(id(node), 1)


def _children(node: SequenceNode | MappingNode) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    return [part for pair in node.value for part in pair]


def _check_number(value: str, mark: Any) -> None:
    digits = sum(character.isdigit() for character in value)
    if digits > NUMBER_DIGITS.value:
        message = (
            f"a number of {digits:,} digits (the limit is {NUMBER_DIGITS.value}); no volume, "
            "page or year is that long: quote it if it is meant as text"
        )
        raise Refused("number", message, mark)
