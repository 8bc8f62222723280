"""The table of authorities as a block of the tree (``table_of_authorities: true``).

Composing places an empty table where a brief has it (after the table of contents); the
citation step fills it with every source the letter cites, grouped and sorted
(``compose.authorities``). Its page numbers are not in the tree as composed: each writer
takes them from the real layout, where each note's ``cites`` says which sources it cites.
"""

from __future__ import annotations

from dataclasses import dataclass

AUTHORITY_GROUPS: tuple[str, ...] = (
    "Cases",
    "Constitutional Provisions",
    "Statutes",
    "Regulations",
    "Federal Register and Administrative Materials",
    "Other Authorities",
)
"""The table's groups in printed order; a group's category number (Word's TA ``\\c``) is its
place here, from 1."""

AUTHORITIES_TITLE = "Table of Authorities"


@dataclass(frozen=True, slots=True)
class Authority:
    """One source as the table lists it: once, in its full form without a pin cite."""

    source_id: str
    category: int  # 1 to 6: its group in AUTHORITY_GROUPS
    text: str  # the full form as plain text: "Campbell v. Acuff-Rose Music, Inc., 510 U.S. ..."
    short: str  # the short form as plain text, for Word's TA field (\s)
    italic: str = ""  # the part printed in italics at the start (a case's name), if any
    first_note: int = 0  # the number of the first note citing it (the HTML links there)

    @property
    def group(self) -> str:
        return AUTHORITY_GROUPS[self.category - 1]


@dataclass(frozen=True, slots=True)
class TableOfAuthorities:
    """The table: a title, then the authorities in group order, each group sorted.

    ``pages`` is empty as composed; a writer's layout gives each authority the pages its
    citations print on (``pages[i]`` for ``authorities[i]``); more than ``passim`` pages
    print as "passim". ``file``, ``line``, ``column`` say where it was asked for.
    """

    title: str
    authorities: tuple[Authority, ...] = ()
    passim: int = 5
    pages: tuple[tuple[int, ...], ...] = ()
    file: str = ""
    line: int = 0
    column: int = 0

    def groups(self) -> tuple[tuple[int, tuple[int, ...]], ...]:
        """Each group with authorities: its category and the indexes of its authorities."""
        found: dict[int, list[int]] = {}
        for index, authority in enumerate(self.authorities):
            found.setdefault(authority.category, []).append(index)
        return tuple((category, tuple(found[category])) for category in sorted(found))

    def page_text(self, index: int) -> str:
        """The pages printed for authority ``index``: "3, 7, 12", or "passim" past the limit."""
        pages = self.pages[index] if index < len(self.pages) else ()
        if len(pages) > self.passim:
            return "passim"
        return ", ".join(str(page) for page in pages)
