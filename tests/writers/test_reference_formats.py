"""A reference.docx that is no .docx, through the real command line: a located diagnostic
naming the file and what it is, never a traceback or an "internal error". Word templates
(.dotx, .dotm) and macro-enabled documents (.docm) serve as style sources; no macro reaches
the letter.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from tests.helpers import run_cli, write_submission

REFERENCE = Path("templates") / "comment-letter" / "reference.docx"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
VBA_TYPE = "application/vnd.ms-office.vbaProject"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _docx_parts() -> dict[str, bytes]:
    stream = io.BytesIO()
    docx.Document().save(stream)
    with zipfile.ZipFile(stream) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _retyped(main_type: str, with_macros: bool = False) -> bytes:
    """python-docx's document with another main part type (and a macro project)."""
    parts = _docx_parts()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        main_type,
    )
    if with_macros:
        types = types.replace(
            "</Types>", f'<Default Extension="bin" ContentType="{VBA_TYPE}"/></Types>'
        )
        parts["word/vbaProject.bin"] = b"MACRO-SECRET-q9" * 10
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rId99" Type="{VBA_REL}" Target="vbaProject.bin"/></Relationships>',
        ).encode()
    parts["[Content_Types].xml"] = types.encode()
    return _zipped(parts)


def _truncated() -> bytes:
    data = _zipped(_docx_parts())
    return data[: len(data) // 2]


# (case, the file's bytes, the message's telling words)
REFUSED: list[tuple[str, Callable[[], bytes], str]] = [
    ("corrupt-zip", lambda: b"PK\x03\x04" + b"\x00garbage" * 20, "not a readable zip"),
    ("truncated-docx", _truncated, "not a readable zip"),
    ("word-97-doc", lambda: OLE2 + b"\x00" * 504, "Word 97-2003 .doc"),
    ("rtf", lambda: b"{\\rtf1\\ansi Hello}", "an RTF file"),
    ("pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF"),
    ("empty", lambda: b"", "not a readable zip"),
]


@pytest.mark.parametrize(
    ("make", "words"), [(m, w) for _, m, w in REFUSED], ids=[c for c, _, _ in REFUSED]
)
def test_a_reference_that_is_no_docx_is_a_located_error(
    tmp_path: Path, make: Callable[[], bytes], words: str
) -> None:
    folder = write_submission(tmp_path / "submission")
    (folder / REFERENCE).parent.mkdir(parents=True)
    (folder / REFERENCE).write_bytes(make())
    result = run_cli("render", folder, "--out", tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "error PD315" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].split(":")[0].endswith(str(REFERENCE)), lines[0]
    assert words in lines[0]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.docx"))


ACCEPTED = [
    ("dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
    ("dotm", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
    ("docm", "application/vnd.ms-word.document.macroEnabled.main+xml"),
]


@pytest.mark.parametrize(("main_type"), [t for _, t in ACCEPTED], ids=[c for c, _ in ACCEPTED])
def test_a_word_template_or_macro_document_is_a_style_source(
    tmp_path: Path, main_type: str
) -> None:
    folder = write_submission(tmp_path / "submission")
    (folder / REFERENCE).parent.mkdir(parents=True)
    (folder / REFERENCE).write_bytes(_retyped(main_type, with_macros="macro" in main_type))
    result = run_cli("render", folder, "--out", tmp_path / "out", "--to", "docx")
    assert result.returncode == 0, result.stderr
    assert " error PD" not in result.stderr
    (letter,) = (tmp_path / "out").glob("*.docx")
    with zipfile.ZipFile(letter) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
        types = archive.read("[Content_Types].xml")
    assert b"MACRO-SECRET-q9" not in everything
    assert b"vbaProject" not in everything
    assert b"wordprocessingml.document.main+xml" in types
