"""Hostile workbooks for tests: real XLSX files made with openpyxl, then edited in the zip.

openpyxl writes only well-formed workbooks, so each fault (a shrunken dimension, a cut sheet,
an entity bomb, a giant number) is made by rewriting one part of a workbook it saved.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence

import openpyxl
from openpyxl.chart import BarChart, Reference

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
_PROLOG = re.compile(rb"^<\?xml[^>]*\?>")


def workbook(rows: Sequence[Sequence[object]]) -> bytes:
    """An XLSX with one sheet holding ``rows`` (strings are written inline, no sharedStrings)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(raw: bytes, part: str, edit: Callable[[bytes], bytes]) -> bytes:
    """``raw`` with ``part`` replaced by ``edit(part)`` (added if the workbook lacks it)."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            data = source.read(name)
            target.writestr(name, edit(data) if name == part else data)
        if part not in names:
            target.writestr(part, edit(b""))
    return buffer.getvalue()


def with_dimension(raw: bytes, ref: str) -> bytes:
    """The workbook claiming its sheet spans only ``ref`` (e.g. "A1:A3")."""
    dimension = f'<dimension ref="{ref}"/>'.encode()
    return rewrite(raw, SHEET, lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', dimension, xml))


def with_cut_sheet(raw: bytes, fraction: float = 0.6) -> bytes:
    """The workbook with its sheet's XML cut short, as an interrupted copy leaves it."""
    return rewrite(raw, SHEET, lambda xml: xml[: int(len(xml) * fraction)])


def with_doctype(raw: bytes, doctype: bytes, find: bytes, replace: bytes) -> bytes:
    """The sheet given a DOCTYPE (entities) and ``find`` replaced by ``replace`` in it."""

    def edit(xml: bytes) -> bytes:
        body = _PROLOG.sub(b"", xml).replace(find, replace, 1)
        return b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + body

    return rewrite(raw, SHEET, edit)


def entity_bomb(levels: int = 9) -> bytes:
    """A billion-laughs DOCTYPE whose entity &e{levels}; is 10**levels characters long."""
    entities = [b'<!ENTITY e0 "lol">']
    for level in range(1, levels + 1):
        entities.append(f'<!ENTITY e{level} "{f"&e{level - 1};" * 10}">'.encode())
    return b"<!DOCTYPE worksheet [" + b"".join(entities) + b"]>"


def with_number(raw: bytes, cell: str, digits: int) -> bytes:
    """The workbook with ``cell`` replaced by a number of ``digits`` digits."""
    pattern = rf'<c r="{cell}"[^>]*>.*?</c>'.encode()
    number = f'<c r="{cell}"><v>{"9" * digits}</v></c>'.encode()
    return rewrite(raw, SHEET, lambda xml: re.sub(pattern, number, xml, count=1))


def with_text(raw: bytes, cell: str, text: str) -> bytes:
    """The workbook with ``cell`` holding ``text`` as an inline string."""
    pattern = rf'<c r="{cell}"[^>]*>.*?</c>'.encode()
    inline = f'<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()
    return rewrite(raw, SHEET, lambda xml: re.sub(pattern, lambda _: inline, xml, count=1))


def chart_only() -> bytes:
    """A workbook whose only sheet is a chart sheet (its data sheet deleted)."""
    book = openpyxl.Workbook()
    data = book.active
    assert data is not None
    data.append(["name"])
    data.append(["Ada Lovelace"])
    charts = book.create_chartsheet("Chart", 0)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
    charts.add_chart(chart)
    book.remove(data)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def chart_first(rows: Sequence[Sequence[object]]) -> bytes:
    """A workbook whose first and active sheet is a chart, the signers on a second sheet."""
    book = openpyxl.Workbook()
    data = book.active
    assert data is not None
    data.title = "Signers"
    for row in rows:
        data.append(list(row))
    charts = book.create_chartsheet("Chart", 0)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
    charts.add_chart(chart)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_shared_strings(raw: bytes, strings_xml: bytes, cell: str = "A2") -> bytes:
    """The workbook with ``cell`` taken from a sharedStrings part of the given XML (string 0)."""
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    raw = rewrite(
        raw, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", override + b"</Types>")
    )
    pattern = rf'<c r="{cell}"[^>]*>.*?</c>'.encode()
    shared = f'<c r="{cell}" t="s"><v>0</v></c>'.encode()
    raw = rewrite(raw, SHEET, lambda xml: re.sub(pattern, shared, xml, count=1))
    return rewrite(raw, STRINGS, lambda _: strings_xml)


def with_declared_size(raw: bytes, part: str, size: int) -> bytes:
    """The workbook whose zip directory claims ``part`` unpacks to ``size`` bytes (a zip bomb's
    signature, without building one)."""
    data = bytearray(raw)
    name = part.encode()
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                data[start + offset : start + offset + 4] = size.to_bytes(4, "little")
            start += 4
    return bytes(data)
