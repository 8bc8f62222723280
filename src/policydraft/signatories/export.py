"""The printed list as a CSV file: for a press release, a website or a partner's records.

Only the printed columns are written, in printed order. A cell that begins with = + - @ (or a
tab or carriage return) would run as a formula when the file is opened in a spreadsheet
("CSV injection"); it gets a leading single quote, which spreadsheets show as text.
The file is written atomically: a failed export never leaves a truncated file behind.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from policydraft.outputs.staging import staged_outputs
from policydraft.signatories.signatory import PRINTED_COLUMNS, Signatory

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet will not execute."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def export_csv(signers: Iterable[Signatory], path: Path) -> int:
    """Write ``signers`` (already in printed order) to ``path``; return how many."""
    rows = [[neutralise(getattr(s, c)) for c in PRINTED_COLUMNS] for s in signers]

    def produce(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(PRINTED_COLUMNS)
        writer.writerows(rows)
        text.flush()
        text.detach()

    with staged_outputs(path.parent) as outputs:
        outputs.write(path, produce)
        outputs.commit()
    return len(rows)
