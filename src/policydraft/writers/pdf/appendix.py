"""The signatory columns as platypus flowables.

``SignatoryColumns`` is "the signers from here on"; asked to split, it lays out one page
(``appendix_layout.lay_out_until``: a page's worth of signers in one call) and returns that
page as a ``SignatoryPage`` plus the rest, so a 100,000-signer list costs one page of layout
at a time; the last page's columns are balanced. A page draws its lines straight into one
text object, through ``TextOps``, shared by all the pages of a list so that a repeated run
is encoded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from policydraft.model import SignatoryGroup

from .appendix_layout import (
    ColumnFill,
    ColumnStyle,
    SourceItem,
    balance_columns,
    fill_columns,
    lay_out_until,
)
from .text_ops import TextOps

NO_PAGE_IS_TALLER = 14400.0  # points: PDF's largest page; a taller "space" is a probe


def source_items(groups: Sequence[SignatoryGroup]) -> list[SourceItem]:
    """The appendix in reading order: group headings (when named) and signers."""
    items: list[SourceItem] = []
    for group in groups:
        if group.heading is not None:
            items.append(group.heading)
        items.extend(group.entries)
    return items


class SignatoryPage(Flowable):  # type: ignore[misc]
    """One page's (or the last part's) columns, already laid out."""

    def __init__(
        self, fill: ColumnFill, column_width: float, gutter: float, ops: TextOps | None = None
    ) -> None:
        super().__init__()
        self.fill = fill
        self.column_width = column_width
        self.gutter = gutter
        self.ops = ops or TextOps()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, self.fill.height

    def draw(self) -> None:
        draw_columns(self.canv, self.fill, self.column_width, self.gutter, self.ops)


def draw_columns(
    canv: Any, fill: ColumnFill, column_width: float, gutter: float, ops: TextOps
) -> None:
    """Paint laid-out columns with the flowable's origin at their bottom-left corner."""
    ops.begin(canv)
    height = fill.height
    for number, column in enumerate(fill.columns):
        x = number * (column_width + gutter)
        for top, item in column:
            ops.lines(x, height - top, item.lines)
    ops.end(canv)


class SignatoryColumns(Flowable):  # type: ignore[misc]
    """The signers from ``start`` on, in ``count`` columns; splits page by page."""

    def __init__(
        self,
        items: Sequence[SourceItem],
        count: int,
        style: ColumnStyle,
        start: int = 0,
        ops: TextOps | None = None,
    ) -> None:
        super().__init__()
        self.items = items
        self.count = max(count, 1)
        self.style = style
        self.start = start
        self.ops = ops or TextOps()
        self._fill: tuple[float, float, ColumnFill, bool] | None = None

    def _column_width(self, width: float) -> float:
        return (width - self.style.gutter * (self.count - 1)) / self.count

    def _page(self, width: float, height: float) -> tuple[ColumnFill, bool]:
        """Lay out as many items as could fit; return the fill and whether it ends the list."""
        if self._fill and self._fill[:2] == (width, height):
            return self._fill[2], self._fill[3]
        column_width = self._column_width(width)
        laid = lay_out_until(self.items, self.start, self.style, column_width, self.count * height)
        index = self.start + len(laid)
        fill = fill_columns(laid, self.count, height)
        complete = index == len(self.items) and fill.next_index == len(laid)
        if complete:  # the DOCX ends the names with a continuous section break
            fill = balance_columns(laid, self.count, height)
        self._fill = (width, height, fill, complete)
        return fill, complete

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availHeight > NO_PAGE_IS_TALLER:
            return availWidth, availHeight + 1  # a probe (KeepTogether): don't lay out all
        fill, complete = self._page(availWidth, availHeight)
        return availWidth, fill.height if complete else availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fill, complete = self._page(availWidth, availHeight)
        if fill.next_index == 0 or fill.height > availHeight + 1e-6:
            return []  # not even one signer fits: the rest starts on the next page
        page = SignatoryPage(fill, self._column_width(availWidth), self.style.gutter, self.ops)
        if complete:
            return [page]
        start = self.start + fill.next_index
        rest = SignatoryColumns(self.items, self.count, self.style, start, self.ops)
        return [page, rest]

    def draw(self) -> None:
        """Draw the whole remainder; the frame placed it unsplit after ``wrap``."""
        if self._fill is not None:
            width, _, fill, _ = self._fill
            draw_columns(self.canv, fill, self._column_width(width), self.style.gutter, self.ops)
