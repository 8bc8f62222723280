"""The document tree: the one shape readers produce and writers consume.

Modelled on pandoc's AST: a small, closed set of frozen block and inline nodes. Writers never
see YAML, CSV or Markdown; readers never know about DOCX or PDF. Footnotes are an inline
``Note`` holding blocks; writers number them in document order, so numbering is never stored.

Letter-specific parts (date, addressee block, Re: line, ...) are a ``LetterPart`` whose
``role`` tells writers which paragraph style to use. The signatory appendix keeps plain strings
rather than inline trees, because it may hold 100,000 entries.

The package: ``nodes`` (the node types; ``figure``, the image block), ``walk`` (the one
traversal every pass uses: what a node holds, a fold and a map) and ``text`` (plain text,
merged Text nodes). Everything is imported from ``policydraft.model``.
"""

from __future__ import annotations

from policydraft.model.authorities import (
    AUTHORITIES_TITLE,
    AUTHORITY_GROUPS,
    Authority,
    TableOfAuthorities,
)
from policydraft.model.contents import ContentsEntry, TableOfContents
from policydraft.model.exhibits import Exhibit, ExhibitRef, Exhibits, exhibit_anchor
from policydraft.model.figure import Figure, FigureImage, caption_text
from policydraft.model.nodes import (
    PART_ROLES,
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Cite,
    CiteItem,
    Code,
    ColumnAlignment,
    Document,
    Emph,
    Heading,
    Inline,
    LetterPart,
    LineBreak,
    Link,
    Metadata,
    Node,
    Note,
    OrderedList,
    PageBreak,
    Para,
    PartRole,
    SignatoryEntry,
    SignatoryGroup,
    Strong,
    Table,
    Text,
)
from policydraft.model.signature import (
    MAX_SIDE_BY_SIDE,
    Letterhead,
    Picture,
    SignatureBlock,
    SignatureLayout,
    SignerBlock,
)
from policydraft.model.text import (
    merge_text,
    plain_text,
)
from policydraft.model.walk import (
    BLOCK_TYPES,
    HOLDS,
    BlocksMap,
    InlinesMap,
    children,
    inner_blocks,
    inner_inlines,
    iter_nodes,
    iter_notes,
    kept,
    map_children,
    map_each,
    map_tree,
    walk_inlines,
)

__all__ = [
    "AUTHORITIES_TITLE",
    "AUTHORITY_GROUPS",
    "BLOCK_TYPES",
    "HOLDS",
    "MAX_SIDE_BY_SIDE",
    "PART_ROLES",
    "Appendix",
    "Authority",
    "Block",
    "BlockQuote",
    "BlocksMap",
    "BulletList",
    "Cite",
    "CiteItem",
    "Code",
    "ColumnAlignment",
    "ContentsEntry",
    "Document",
    "Emph",
    "Exhibit",
    "ExhibitRef",
    "Exhibits",
    "Figure",
    "FigureImage",
    "Heading",
    "Inline",
    "InlinesMap",
    "LetterPart",
    "Letterhead",
    "LineBreak",
    "Link",
    "Metadata",
    "Node",
    "Note",
    "OrderedList",
    "PageBreak",
    "Para",
    "PartRole",
    "Picture",
    "SignatoryEntry",
    "SignatoryGroup",
    "SignatureBlock",
    "SignatureLayout",
    "SignerBlock",
    "Strong",
    "Table",
    "TableOfAuthorities",
    "TableOfContents",
    "Text",
    "caption_text",
    "children",
    "exhibit_anchor",
    "inner_blocks",
    "inner_inlines",
    "iter_nodes",
    "iter_notes",
    "kept",
    "map_children",
    "map_each",
    "map_tree",
    "merge_text",
    "plain_text",
    "walk_inlines",
]
