"""The ``signatories:`` section of policydraft.yaml: which list, how to read, group and sort it.

The submission schema embeds this model; the column names it accepts come from the column
table (``signatories.columns``), so a new column is declared there and nowhere here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from policydraft.signatories.columns import COLUMN_NAMES, GROUP_COLUMNS

if TYPE_CHECKING:  # a Literal built from the table is checked by pydantic, not by mypy
    ColumnName = str
    GroupColumn = str
else:
    ColumnName = Literal[COLUMN_NAMES]
    GroupColumn = Literal[GROUP_COLUMNS]

SortOrder = Literal["surname", "given", "as-listed", "signed"]


class SignatoriesConfig(BaseModel):
    """How a submission's signatory list is read and printed (docs/signatories.md)."""

    # As the rest of the submission: unknown keys are errors, numbers written are text.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, coerce_numbers_to_str=True
    )

    file: str = "signatories.csv"
    sheet: str | None = None  # an XLSX workbook's sheet; default the first
    columns: dict[ColumnName, str] = Field(default_factory=dict)  # column -> the list's header
    group_by: GroupColumn | None = None
    group_order: list[str] = Field(default_factory=list)
    sort: SortOrder = "surname"
    note: str | None = None
    heading: str | None = None
