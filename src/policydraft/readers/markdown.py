"""Markdown bodies -> document-tree blocks (model.py), with diagnostics at file lines.

markdown-it does the parsing (parser in markdown_parser.py); this module only maps its syntax
tree onto the letter's small model; an image alone on its line is a figure, read from the
submission folder (markdown_figures.py), a pipe table a Table (markdown_table.py). Anything a
letter cannot carry (code blocks, rules) is warned about and, where it has text, printed
literally: nothing a user wrote disappears silently. Footnotes are scoped to one body and each
reference becomes a ``Note`` holding its definition's blocks, at the reference's position. A
note cannot hold another note (Word has no nested notes, and expanding notes that each
reference the next twice doubled the work per level), so a footnote referenced inside a
footnote is PD205; citations inside a footnote stay citations. A body nested deeper than
``limits.NESTING`` is refused (PD206) before anything recursive walks it, and so is a control
character (PD207).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    PART_ROLES,
    Block,
    BlockQuote,
    BulletList,
    Cite,
    Code,
    Emph,
    Heading,
    Inline,
    LetterPart,
    LineBreak,
    Link,
    Note,
    OrderedList,
    Para,
    Strong,
    Text,
    merge_text,
)
from policydraft.readers.markdown_bounds import refuse_control_characters, refuse_deep_nesting
from policydraft.readers.markdown_citations import CitationError, parse_citation
from policydraft.readers.markdown_figures import figure_or_paragraph, image_in_text
from policydraft.readers.markdown_parser import (
    CITATION,
    CONTAINER,
    MISSING_NOTE,
    is_part_role,
    markdown_parser,
    unknown_part_message,
)
from policydraft.readers.markdown_table import read_table
from policydraft.readers.markdown_text import MarkdownText

_NO_SLOTS: Mapping[str, tuple[Block, ...]] = MappingProxyType({})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_markdown(
    body: MarkdownText,
    diags: Diagnostics,
    *,
    parts: Collection[str] = (),
    slots: Mapping[str, tuple[Block, ...]] = _NO_SLOTS,
    smart: bool = True,
    folder: Path | None = None,
) -> tuple[Block, ...]:
    """Parse one body into blocks.

    ``parts`` (a subset of model.PART_ROLES) and ``slots`` are for templates: ``::: date``
    becomes a ``LetterPart`` and ``::: slot NAME`` is replaced by ``slots[NAME]``. Without
    either, ``:::`` lines are ordinary text. ``smart`` curls quotes (markdown_smart.py).
    ``folder`` is the submission's, where figures' images are read; without it an image is text.
    """
    unknown_roles = set(parts) - set(PART_ROLES)
    if unknown_roles:
        raise ValueError(f"not letter part roles: {sorted(unknown_roles)}")
    if refuse_control_characters(body, diags):
        return ()
    env: dict[str, Any] = {}
    parser = markdown_parser(containers=bool(parts or slots), smart=smart)
    tokens = parser.parse(body.text, env)
    if refuse_deep_nesting(tokens, env, body, diags):
        return ()
    root = SyntaxTreeNode(tokens)
    reader = _Reader(body, diags, frozenset(parts), slots, env, _LINE_BREAK.split(body.text))
    reader.folder = folder
    reader.collect_definitions(root)
    blocks = reader.blocks(root.children)
    reader.report_unused_definitions()
    return blocks


@dataclass
class _Reader:
    """State of one body's conversion: its footnote definitions and what was referenced."""

    body: MarkdownText
    diags: Diagnostics
    parts: frozenset[str]
    slots: Mapping[str, tuple[Block, ...]]
    env: dict[str, Any]
    lines: list[str]
    folder: Path | None = None  # the submission's, where figures' images are
    definitions: dict[str, SyntaxTreeNode] = field(default_factory=dict)
    referenced: set[str] = field(default_factory=set)
    expanding: list[str] = field(default_factory=list)

    # --- footnote definitions --------------------------------------------------------------

    def collect_definitions(self, root: SyntaxTreeNode) -> None:
        """Index every ``[^label]:`` definition; the first of two with one label wins."""
        for node in root.walk():
            if node.type != "footnote_reference":
                continue
            label = str(node.meta["label"])
            first = self.definitions.get(label)
            if first is None:
                self.definitions[label] = node
                continue
            message = (
                f"footnote [^{label}] is defined twice (first at line "
                f"{self.at(first).line}); the first definition is used"
            )
            self.diags.error("PD204", message, self.at(node))

    def report_unused_definitions(self) -> None:
        for label, node in self.definitions.items():
            if label not in self.referenced:
                message = f"footnote [^{label}] is defined but never referenced in this text"
                self.diags.warning("PD202", message, self.at(node))

    # --- locations -------------------------------------------------------------------------

    def at(self, node: SyntaxTreeNode, line_offset: int = 0) -> Location:
        """The file location of a block node (inline nodes carry no line of their own)."""
        start = node.map[0] if node.map else 0
        return self.body.location(start + line_offset)

    def source(self, node: SyntaxTreeNode) -> list[str]:
        """The body lines a block node was written on, for printing it literally."""
        start, end = node.map if node.map else (0, 0)
        lines = self.lines[start:end]
        while lines and not lines[-1].strip():
            lines.pop()
        return lines

    # --- blocks ----------------------------------------------------------------------------

    def blocks(self, nodes: Sequence[SyntaxTreeNode]) -> tuple[Block, ...]:
        converted: list[Block] = []
        for node in nodes:
            handler = _BLOCK_HANDLERS.get(node.type, _Reader.unsupported_block)
            converted.extend(handler(self, node))
        return tuple(converted)

    def paragraph(self, node: SyntaxTreeNode) -> Iterable[Block]:
        inlines = self.inline_children(node)
        return (Para(inlines),) if inlines else ()

    def heading(self, node: SyntaxTreeNode) -> Iterable[Block]:
        return (Heading(int(node.tag[1:]), self.inline_children(node)),)

    def bullet_list(self, node: SyntaxTreeNode) -> Iterable[Block]:
        return (BulletList(tuple(self.blocks(item.children) for item in node.children)),)

    def ordered_list(self, node: SyntaxTreeNode) -> Iterable[Block]:
        items = tuple(self.blocks(item.children) for item in node.children)
        return (OrderedList(items, int(node.attrs.get("start", 1))),)

    def blockquote(self, node: SyntaxTreeNode) -> Iterable[Block]:
        return (BlockQuote(self.blocks(node.children)),)

    def thematic_break(self, node: SyntaxTreeNode) -> Iterable[Block]:
        message = "a horizontal rule (---, ***) has no place in a letter and is left out"
        self.diags.warning("PD203", message, self.at(node))
        return ()

    def code_block(self, node: SyntaxTreeNode) -> Iterable[Block]:
        message = (
            "code block printed as plain lines (a line indented 4 spaces or more, or "
            "fenced with ``` or ~~~, starts one)"
        )
        self.diags.warning("PD203", message, self.at(node))
        return (_lines_para(node.content.rstrip("\n").split("\n")),)

    def table(self, node: SyntaxTreeNode) -> Iterable[Block]:
        return (read_table(node, self.lines, self.inline_children, self.body.location, self.diags),)

    def unsupported_block(self, node: SyntaxTreeNode) -> Iterable[Block]:
        message = f"Markdown construct ({node.type}) printed as its source text"
        self.diags.warning("PD203", message, self.at(node))
        lines = self.source(node)
        return (_lines_para(lines),) if lines else ()

    def footnote_definition(self, node: SyntaxTreeNode) -> Iterable[Block]:
        return ()  # placed at its references instead

    # --- letter parts and slots ------------------------------------------------------------

    def container(self, node: SyntaxTreeNode) -> Iterable[Block]:
        words = node.info.split()
        name = words[0] if words else ""
        if name == "slot":
            return self.slot(node, words[1:])
        if is_part_role(name) and name in self.parts:
            return (LetterPart(name, self.blocks(node.children)),)
        self.diags.error("PD304", unknown_part_message(name, self.parts), self.at(node))
        return self.blocks(node.children)

    def slot(self, node: SyntaxTreeNode, names: list[str]) -> Iterable[Block]:
        if len(names) != 1:
            self.diags.error("PD304", "'::: slot' needs exactly one slot name", self.at(node))
            return self.blocks(node.children)
        if names[0] not in self.slots:
            known = ", ".join(sorted(self.slots)) or "none"
            message = f"'::: slot {names[0]}' names no body of this letter (bodies: {known})"
            self.diags.error("PD304", message, self.at(node))
            return ()
        if node.children:
            message = f"'::: slot {names[0]}' must be empty; its content is replaced, not shown"
            self.diags.error("PD304", message, self.at(node))
        return self.slots[names[0]]

    # --- inlines ---------------------------------------------------------------------------

    def inline_children(self, node: SyntaxTreeNode) -> tuple[Inline, ...]:
        """The inlines of a paragraph or heading (held by its single ``inline`` child)."""
        converted: list[Inline] = []
        for child in node.children:
            converted.extend(self.inlines(child.children, child))
        return merge_text(converted)

    def inlines(self, nodes: Sequence[SyntaxTreeNode], block: SyntaxTreeNode) -> list[Inline]:
        converted: list[Inline] = []
        for node in nodes:
            handler = _INLINE_HANDLERS.get(node.type, _Reader.unsupported_inline)
            converted.extend(handler(self, node, block))
        return converted

    def text(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        return (Text(node.content),)

    def soft_break(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        return (Text(" "),)

    def hard_break(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        return (LineBreak(),)

    def code_inline(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        return (Code(node.content),)

    def emphasis(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        return (Emph(merge_text(self.inlines(node.children, block))),)

    def strong(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        return (Strong(merge_text(self.inlines(node.children, block))),)

    def link(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        children = merge_text(self.inlines(node.children, block))
        return (Link(children, str(node.attrs.get("href", ""))),)

    def unsupported_inline(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        message = f"Markdown construct ({node.type}) printed as its source text"
        self.diags.warning("PD203", message, self.at(block))
        return (Text(node.content),)

    # --- footnotes -------------------------------------------------------------------------

    def note(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        label = node.meta.get("label")
        if label is not None:
            self.referenced.add(label)
        if self.expanding:
            return self.nested_note(label, block)
        self.expanding.append("^[...]" if label is None else f"[^{label}]")
        try:
            if label is None:  # an inline note, ^[text]
                tokens = self.env["footnotes"]["list"][node.meta["id"]]["tokens"]
                inlines = merge_text(self.inlines(SyntaxTreeNode(tokens).children, block))
                return (Note((Para(inlines),)),)
            return (Note(self.blocks(self.definitions[label].children)),)
        finally:
            self.expanding.pop()

    def nested_note(self, label: str | None, block: SyntaxTreeNode) -> Iterable[Inline]:
        """A note referenced inside a note: refused, not expanded (PD201 when it is itself)."""
        written = "^[...]" if label is None else f"[^{label}]"
        if label is not None and written in self.expanding:
            message = f"footnote {written} refers to itself; the inner reference is left out"
            self.diags.error("PD201", message, self.at(block))
            return ()
        message = (
            f"footnote {written} is referenced inside footnote {self.expanding[-1]}; a note "
            "cannot hold another note (Word has no nested notes): put its text in the outer "
            "note, or reference it from the text itself"
        )
        self.diags.error("PD205", message, self.written_at(block, written))
        return ()

    def written_at(self, block: SyntaxTreeNode, written: str) -> Location:
        """Where ``written`` first appears in ``block``'s lines, else the block's start."""
        start = block.map[0] if block.map else 0
        for offset, line in enumerate(self.source(block)):
            column = line.find(written)
            if column >= 0:
                return self.body.location(start + offset, column)
        return self.at(block)

    def missing_note(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        label, offset = str(node.meta["label"]), int(node.meta["line"])
        message = f"footnote reference [^{label}] has no definition in this text"
        self.diags.error("PD201", message, self._reference_location(block, offset, node.content))
        return (Text(node.content),)

    def _reference_location(self, block: SyntaxTreeNode, offset: int, written: str) -> Location:
        start = block.map[0] if block.map else 0
        line = self.lines[start + offset] if start + offset < len(self.lines) else ""
        column = line.find(written)
        return self.body.location(start + offset, max(column, 0))

    # --- citations -------------------------------------------------------------------------

    def citation(self, node: SyntaxTreeNode, block: SyntaxTreeNode) -> Iterable[Inline]:
        """A ``Cite`` (bracketed or in-text) where it was written, or the text and PD513."""
        where = self._citation_location(block, node.meta)
        items = parse_citation(node.content)
        if isinstance(items, CitationError):
            written = " ".join(node.content.split())
            message = f"citation {written} cannot be read ({items.message}); printed as written"
            self.diags.error("PD513", message, where)
            return (Text(written),)
        return (Cite(items, where.file, where.line, where.column, node.content[0] == "@"),)

    def _citation_location(self, block: SyntaxTreeNode, meta: Mapping[str, Any]) -> Location:
        """Map the citation's place in the inline source back to the file's line and column.

        The inline source is the block's lines without their indentation or list and quote
        markers, so the line as written is found in the file's line to learn that prefix.
        """
        offset = (block.map[0] if block.map else 0) + int(meta["line"])
        line = self.lines[offset] if offset < len(self.lines) else ""
        prefix = _prefix_length(line, str(meta["text"])) if meta["text"] else 0
        return self.body.location(offset, max(prefix, 0) + int(meta["column"]))


@lru_cache(maxsize=64)
def _prefix_length(line: str, text: str) -> int:
    """Where ``text`` starts in ``line``; remembered, since every citation of a line asks."""
    return line.find(text)


BlockHandler = Callable[[_Reader, SyntaxTreeNode], Iterable[Block]]
InlineHandler = Callable[[_Reader, SyntaxTreeNode, SyntaxTreeNode], Iterable[Inline]]

_BLOCK_HANDLERS: dict[str, BlockHandler] = {
    "paragraph": figure_or_paragraph,  # an image alone: a figure (markdown_figures.py)
    "heading": _Reader.heading,
    "bullet_list": _Reader.bullet_list,
    "ordered_list": _Reader.ordered_list,
    "blockquote": _Reader.blockquote,
    "hr": _Reader.thematic_break,
    "code_block": _Reader.code_block,
    "fence": _Reader.code_block,
    "table": _Reader.table,
    "footnote_reference": _Reader.footnote_definition,
    f"container_{CONTAINER}": _Reader.container,
}

_INLINE_HANDLERS: dict[str, InlineHandler] = {
    "text": _Reader.text,
    "softbreak": _Reader.soft_break,
    "hardbreak": _Reader.hard_break,
    "code_inline": _Reader.code_inline,
    "em": _Reader.emphasis,
    "strong": _Reader.strong,
    "link": _Reader.link,
    "image": image_in_text,
    "footnote_ref": _Reader.note,
    MISSING_NOTE: _Reader.missing_note,
    CITATION: _Reader.citation,
}


def _lines_para(lines: Sequence[str]) -> Para:
    """Lines printed literally, one per line of the paragraph."""
    inlines: list[Inline] = []
    for index, line in enumerate(lines):
        if index:
            inlines.append(LineBreak())
        inlines.append(Text(line))
    return Para(merge_text(inlines))
