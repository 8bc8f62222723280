"""Hostile signatory lists: lists that lose signers silently, break the reader, or leak a row.

Each case goes through ``check``, ``render`` and ``signatories stats`` (where the count of rows
matters) and must end with its diagnostic, never a traceback, and never with a signer lost
while the run succeeds.
"""

from __future__ import annotations

from pathlib import Path

from tests.hostile.harness import BASE_EMAILS, BASE_SIGNATORIES, Case, base
from tests.signatories import workbooks as wb

ALL = (("check",), ("render",), ("signatories", "stats"))
HEADER = ["name", "title", "organization", "email"]
ROWS = [
    ["Ada Lovelace", "Analyst", "Engines Ltd", BASE_EMAILS[0]],
    ["Grace Hopper", "Rear Admiral", "US Navy", BASE_EMAILS[1]],
    ["Katherine Johnson", "Mathematician", "NASA", BASE_EMAILS[2]],
]
BOOK = wb.workbook([HEADER, *ROWS])


def _csv(text: str | bytes) -> dict[str, str | bytes]:
    return {**base(), "signatories.csv": text}


def _xlsx(raw: bytes) -> dict[str, str | bytes]:
    return {**base(signatories={"file": "signatories.xlsx"}), "signatories.xlsx": raw}


def _shrunken() -> bytes:
    """Rows past the stored dimension, the last of them without a name: it must be seen."""
    rows = [HEADER, *ROWS, *([f"Signer {i}", "Actor", "", ""] for i in range(20)), ["", "x"]]
    return wb.with_dimension(wb.workbook(rows), "A1:B3")


def _list_is_dev_zero(folder: Path) -> None:
    """signatories.csv is a link to an endless device: read forever, it would hang."""
    (folder / "signatories.csv").unlink()
    (folder / "signatories.csv").symlink_to("/dev/zero")


_UNCLOSED_AT_END = BASE_SIGNATORIES.replace("Rear Admiral,", '"Rear Admiral,')
_UNCLOSED_MID = BASE_SIGNATORIES.replace("Rear Admiral,", '"Rear Admiral,').replace(
    "NASA", '"NASA"'
)
_HEADERLESS = BASE_SIGNATORIES.split("\n", 1)[1]
_STRINGS_BOMB = (
    b'<?xml version="1.0"?>' + wb.entity_bomb() + b'<sst xmlns="http://schemas.openxmlformats'
    b'.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&e9;</t></si></sst>'
)

CASES: list[Case] = [
    Case("csv-unclosed-quote-to-end", _csv(_UNCLOSED_AT_END), "PD415", commands=ALL),
    Case("csv-unclosed-quote-closed-later", _csv(_UNCLOSED_MID), "PD415", commands=ALL),
    Case(
        "csv-unclosed-quote-every-row-counted",
        _csv(_UNCLOSED_AT_END),
        "PD415",
        commands=(("signatories", "stats"),),
        said=("3 rows read, 2 printed, 1 left out", "could not be read: 1"),
        at="signatories.csv:3:",
    ),
    Case(
        "csv-no-header-row",
        _csv(_HEADERLESS),
        "PD402",
        commands=ALL,
        secrets=("Ada Lovelace", "Engines Ltd"),
    ),
    Case(
        "csv-nul-in-cell",
        _csv(BASE_SIGNATORIES.replace("Rear Admiral", "Rear\x00 Admiral")),
        "PD410",
        exit=0,
    ),
    Case("csv-escape-in-cell", _csv(BASE_SIGNATORIES.replace("NASA", "NA\x1b[2JSA")), "PD410", 0),
    Case(
        "csv-huge-cell",
        _csv(BASE_SIGNATORIES.replace("NASA", "N" * 200_000)),
        "PD419",
        commands=ALL,
    ),
    Case(
        "csv-long-cell", _csv(BASE_SIGNATORIES.replace("NASA", "N" * 40_000)), "PD419", commands=ALL
    ),
    Case("xlsx-shrunken-dimension", _xlsx(_shrunken()), "PD401", commands=ALL),
    Case("xlsx-cut-sheet", _xlsx(wb.with_cut_sheet(BOOK)), "PD403", commands=ALL),
    Case("xlsx-cut-zip", _xlsx(BOOK[: len(BOOK) // 2]), "PD403", commands=ALL),
    Case("xlsx-not-a-zip", _xlsx(b"PK\x03\x04 not really a workbook"), "PD403"),
    Case("xlsx-chart-sheet-only", _xlsx(wb.chart_only()), "PD418", commands=ALL),
    Case(
        "xlsx-chart-sheet-named",
        {
            **base(signatories={"file": "signatories.xlsx", "sheet": "Chart"}),
            "signatories.xlsx": wb.chart_first([HEADER, *ROWS]),
        },
        "PD418",
    ),
    Case(
        "xlsx-entity-bomb-in-sheet",
        _xlsx(wb.with_doctype(BOOK, wb.entity_bomb(), b"<t>Analyst</t>", b"<t>&e9;</t>")),
        "PD417",
        commands=ALL,
        memory_mb=1024,
    ),
    Case(
        "xlsx-entity-injects-a-name",
        _xlsx(
            wb.with_doctype(
                BOOK,
                b'<!DOCTYPE worksheet [<!ENTITY n "Injected Signer">]>',
                b"<t>Ada Lovelace</t>",
                b"<t>&n;</t>",
            )
        ),
        "PD417",
        secrets=("Injected Signer",),
    ),
    Case(
        "xlsx-entity-bomb-in-shared-strings",
        _xlsx(wb.with_shared_strings(BOOK, _STRINGS_BOMB)),
        "PD417",
        commands=ALL,
        memory_mb=1024,
    ),
    Case("xlsx-giant-number", _xlsx(wb.with_number(BOOK, "B3", 5000)), "PD419", commands=ALL),
    Case("xlsx-huge-cell", _xlsx(wb.with_text(BOOK, "C2", "N" * 40_000)), "PD419", commands=ALL),
    Case(
        "xlsx-declared-zip-bomb",
        _xlsx(wb.with_declared_size(BOOK, wb.SHEET, 3_000_000_000)),
        "PD416",
        commands=ALL,
    ),
    Case("csv-is-dev-zero", base(), "PD105", commands=ALL, setup=_list_is_dev_zero),
    Case(
        "diff-with-errors",
        {**base(), "old.csv": BASE_SIGNATORIES + ",No name here\n"},
        "PD401",
        commands=(("signatories", "diff", "{folder}/old.csv", "{folder}/signatories.csv"),),
    ),
    Case(
        "diff-against-an-empty-list-after-errors",
        {**base(), "old.csv": BASE_SIGNATORIES + ",No name here\n", "new.csv": "name,title\n"},
        "PD401",
        commands=(("signatories", "diff", "{folder}/old.csv", "{folder}/new.csv"),),
        said=("0 added, 3 removed, 0 changed",),  # compared, though the old list has an error
    ),
]
