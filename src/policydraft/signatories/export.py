"""The printed list as a CSV file: for a press release, a website or a partner's records.

Only the printed columns are written, signers in printed order (groups, then sort order). A
cell that begins with = + - @ (or a tab or carriage return) would run as a formula when the
file is opened in a spreadsheet ("CSV injection"); it gets a leading single quote, which
spreadsheets show as text. The command writes the file atomically (staged, then published),
so a failed export never leaves a truncated file behind.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from policydraft.signatories.columns import PRINTED_COLUMNS
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.printed import printed_groups
from policydraft.signatories.select import PrintedSignatories

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet will not execute."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def export_csv(signers: PrintedSignatories, config: SignatoriesConfig, stream: BinaryIO) -> int:
    """Write ``signers`` to ``stream`` as UTF-8 CSV in printed order; return how many."""
    ordered = [s for group in printed_groups(signers, config) for s in group.signers]
    rows = [[neutralise(getattr(s, c)) for c in PRINTED_COLUMNS] for s in ordered]
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(PRINTED_COLUMNS)
    writer.writerows(rows)
    text.flush()
    text.detach()
    return len(rows)
