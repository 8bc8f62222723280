"""List numbering: ``w:abstractNum`` definitions and ``w:num`` instances in numbering.xml.

Real numbering (not typed "1." text) lets Word and LibreOffice renumber and re-indent lists.
All bullet lists share one definition; every ordered list gets a definition of its own that
starts at its ``start``, so each list restarts in Word and LibreOffice alike (both honour a
fresh abstract definition, while ``startOverride`` handling differs between them).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from policydraft.typography import ListFormat
from policydraft.writers.docx.oxml import sub, w
from policydraft.writers.docx.styles import TWIPS

LEVELS = 9
_BULLETS = ("•", "◦", "▪")
_ORDERED_FORMATS = ("decimal", "lowerLetter", "lowerRoman")


@dataclass(frozen=True, slots=True)
class ListIndents:
    """A list's indent per nesting level and its number's hang, in twentieths of a point.

    Whole twentieths, rounded once, so a level's indent is an exact multiple of the step in
    the numbering and in the body's nested paragraphs alike.
    """

    step: int
    hanging: int

    @classmethod
    def of(cls, lists: ListFormat) -> ListIndents:
        return cls(round(lists.indent * TWIPS), round(lists.hanging * TWIPS))


class ListNumbering:
    """Allocates numbering definitions in a ``w:numbering`` element, in schema order.

    The schema wants every ``w:abstractNum`` before every ``w:num``; a reference document's
    own definitions stay, and ids continue after the highest one in use. Indents come from
    the typography's ``lists``, as the PDF's do.
    """

    def __init__(self, numbering: etree._Element, lists: ListFormat) -> None:
        self._numbering = numbering
        self._indents = ListIndents.of(lists)
        self._next_abstract = 1 + _max_id(numbering, "abstractNum", "abstractNumId")
        self._next_num = 1 + _max_id(numbering, "num", "numId")
        self._first_num = numbering.find(w("num"))
        self._bullet_num: str | None = None
        self.headings: str | None = None  # the numId linked to Heading 1, once there is one

    def bullet(self) -> str:
        """The ``w:numId`` every bullet list uses."""
        if self._bullet_num is None:
            self._bullet_num = self._add_list(ordered=False, start=1)
        return self._bullet_num

    def ordered(self, start: int) -> str:
        """A new ``w:numId`` for one ordered list, counting from ``start``."""
        return self._add_list(ordered=True, start=start)

    def _add_list(self, *, ordered: bool, start: int) -> str:
        abstract, num_id = self.add_definition("hybridMultilevel")
        for level in range(LEVELS):
            _add_level(abstract, level, self._indents, ordered=ordered, start=start)
        return num_id

    def add_definition(self, multi_level_type: str) -> tuple[etree._Element, str]:
        """A new ``w:abstractNum`` (levels to be added by the caller) and its ``w:numId``."""
        abstract_id = str(self._next_abstract)
        self._next_abstract += 1
        abstract = self._numbering.makeelement(w("abstractNum"), {w("abstractNumId"): abstract_id})
        sub(abstract, "multiLevelType", val=multi_level_type)
        if self._first_num is not None:
            self._first_num.addprevious(abstract)
        else:
            self._numbering.append(abstract)
        num_id = str(self._next_num)
        self._next_num += 1
        num = self._numbering.makeelement(w("num"), {w("numId"): num_id})
        sub(num, "abstractNumId", val=abstract_id)
        cleanup = self._numbering.find(w("numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self._numbering.append(num)
        if self._first_num is None:
            self._first_num = num
        return abstract, num_id

    @property
    def element(self) -> etree._Element:
        """The ``w:numbering`` element the definitions go into."""
        return self._numbering


def _add_level(
    abstract: etree._Element, level: int, indents: ListIndents, *, ordered: bool, start: int
) -> None:
    lvl = sub(abstract, "lvl", ilvl=str(level))
    sub(lvl, "start", val=str(max(start, 0)))
    if ordered:
        sub(lvl, "numFmt", val=_ORDERED_FORMATS[level % len(_ORDERED_FORMATS)])
        sub(lvl, "lvlText", val=f"%{level + 1}.")
    else:
        sub(lvl, "numFmt", val="bullet")
        sub(lvl, "lvlText", val=_BULLETS[level % len(_BULLETS)])
    sub(lvl, "lvlJc", val="left")
    ppr = sub(lvl, "pPr")
    sub(ppr, "ind", left=str(indents.step * (level + 1)), hanging=str(indents.hanging))


def _max_id(numbering: etree._Element, local: str, attribute: str) -> int:
    ids = [element.get(w(attribute), "0") for element in numbering.iterchildren(w(local))]
    return max((int(value) for value in ids if value.lstrip("-").isdigit()), default=0)
