"""The ``signatories:`` section of policydraft.yaml: which list, how to read, group and sort it.

The submission schema embeds this model; the column names it accepts come from the column
table (``signatories.columns``), so a new column is declared there and nowhere here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from policydraft.signatories.columns import COLUMN_NAMES, GROUP_COLUMNS
from policydraft.signatories.consent import answer_key

if TYPE_CHECKING:  # a Literal built from the table is checked by pydantic, not by mypy
    ColumnName = str
    GroupColumn = str
else:
    ColumnName = Literal[COLUMN_NAMES]
    GroupColumn = Literal[GROUP_COLUMNS]

SortOrder = Literal["surname", "given", "as-listed", "signed"]


class ConsentValues(BaseModel):
    """A form's own consent answers (``signatories.consent_values``), matched in any case and
    spacing before the built-in yes and no words (docs/signatories.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    yes: list[str] = Field(default_factory=list)
    no: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _each_answer_once(self) -> ConsentValues:
        """An empty answer, or one in both lists, would decide consent by accident."""
        if any(not answer_key(answer) for answer in (*self.yes, *self.no)):
            raise ValueError(
                "an empty answer cannot be listed: a row without an answer is left out (PD405)"
            )
        both = sorted({answer_key(a) for a in self.yes} & {answer_key(a) for a in self.no})
        if both:
            shown = ", ".join(f"'{answer}'" for answer in both)
            raise ValueError(
                f"{shown} {'is' if len(both) == 1 else 'are'} listed under both yes: and no: "
                "(in any case and spacing); keep each answer in the one list it means"
            )
        return self


class SignatoriesConfig(BaseModel):
    """How a submission's signatory list is read and printed (docs/signatories.md)."""

    # As the rest of the submission: unknown keys are errors, numbers written are text.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, coerce_numbers_to_str=True
    )

    file: str = "signatories.csv"
    sheet: str | None = None  # an XLSX workbook's sheet; default the first
    columns: dict[ColumnName, str] = Field(default_factory=dict)  # column -> the list's header
    consent_values: ConsentValues = Field(default_factory=ConsentValues)
    group_by: GroupColumn | None = None
    group_order: list[str] = Field(default_factory=list)
    sort: SortOrder = "surname"
    note: str | None = None
    heading: str | None = None
