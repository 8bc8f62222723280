"""The DOCX floor: a signatory list written as the appendix writes it, the simplest fast way.

Run:  .venv/bin/python bench/floor_docx.py LIST.csv OUT.docx

Prints one JSON line: ``seconds`` (reading the list and writing the DOCX) and ``peak_mb``
(ru_maxrss). ``bench/signatories.py`` runs it in a fresh process for each size and divides
the pipeline's time by it.

The paragraphs are the DOCX writer's, byte for byte: for each signer a name in the
SignatoryName style and an affiliation ("title, organization") in SignatoryAffiliation, or,
with no affiliation, a name that does not keep with the next and carries the entry gap (4 pt,
80 twips) itself; one run each, text escaped (``&``, ``<``, ``>``). They go in a three-column
section, in a package with just enough around it for Word to open it (content types,
relationships, the two styles), deflated at level 6 as the writer deflates. What it leaves
out: sorting (the list is written in file order), the letter before the list, runs per script
and ``xml:space`` (so it is a floor for the Latin names that need neither), control
characters, the last entry's gap, document properties.

How it is fast: each paragraph is one string from a template, joined ten thousand at a time,
encoded and written into the zip entry as it is deflated (``ZipFile.open(name, "w")``).
"""

from __future__ import annotations

import csv
import json
import resource
import sys
import time
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAME = '<w:p><w:pPr><w:pStyle w:val="SignatoryName"/></w:pPr><w:r><w:t>'
LONE_NAME = (
    '<w:p><w:pPr><w:pStyle w:val="SignatoryName"/><w:keepNext w:val="0"/>'
    '<w:spacing w:after="80"/></w:pPr><w:r><w:t>'
)
AFFILIATION = '<w:p><w:pPr><w:pStyle w:val="SignatoryAffiliation"/></w:pPr><w:r><w:t>'
END = "</w:t></w:r></w:p>"
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
DOCUMENT_START = f'{DECLARATION}<w:document xmlns:w="{W}"><w:body>'
DOCUMENT_END = (
    '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" '
    'w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>'
    '<w:cols w:num="3" w:space="360"/></w:sectPr></w:body></w:document>'
)
STYLES = (
    f'{DECLARATION}<w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="SignatoryName"><w:name w:val="Signatory Name"/>'
    '<w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="SignatoryAffiliation">'
    '<w:name w:val="Signatory Affiliation"/><w:pPr><w:spacing w:after="80"/></w:pPr>'
    '<w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style></w:styles>'
)
PACKAGE_TYPES = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    f'{DECLARATION}<Types xmlns="{PACKAGE_TYPES}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/></Types>'
)
PACKAGE_RELS = (
    f'{DECLARATION}<Relationships xmlns="{PACKAGE_TYPES}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    f'{DECLARATION}<Relationships xmlns="{PACKAGE_TYPES}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/styles" Target="styles.xml"/></Relationships>'
)


def paragraphs(list_path: Path) -> Iterator[str]:
    """Each signer's paragraphs, in file order."""
    with list_path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        name, title, organization = (header.index(c) for c in ("name", "title", "organization"))
        for row in rows:
            affiliation = ", ".join(filter(None, (row[title], row[organization])))
            if affiliation:
                yield f"{NAME}{escape(row[name])}{END}{AFFILIATION}{escape(affiliation)}{END}"
            else:
                yield f"{LONE_NAME}{escape(row[name])}{END}"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_floor(list_path: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        package.writestr("word/styles.xml", STYLES)
        with package.open("word/document.xml", "w") as document:
            document.write(DOCUMENT_START.encode())
            signers = paragraphs(list_path)
            while batch := list(islice(signers, 10_000)):
                document.write("".join(batch).encode())
            document.write(DOCUMENT_END.encode())


def main() -> None:
    list_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    start = time.perf_counter()
    write_floor(list_path, out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


if __name__ == "__main__":
    main()
