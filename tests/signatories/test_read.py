"""Reading signatory CSVs: headers, mapping, blank lines, rows without names, consent."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.read import read_signatories

WHERE = Location("policydraft.yaml", 30, 9)


def _read(tmp_path: Path, text: str | bytes, columns: dict[str, str] | None = None):
    path = tmp_path / "signers.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    diags = Diagnostics()
    return read_signatories(path, columns or {}, diags, WHERE), diags


@pytest.mark.parametrize(
    ("text", "columns", "names"),
    [
        ("name\nAda Lovelace\n", {}, ["Ada Lovelace"]),
        ("NAME,Title\nAda Lovelace,Analyst\n", {}, ["Ada Lovelace"]),
        ("\ufeffName\nZoë Ødegaard\n", {}, ["Zoë Ødegaard"]),
        (
            "Full Name,Company\nAda Lovelace,Analytical Engines\n",
            {"name": "Full Name"},
            ["Ada Lovelace"],
        ),
        ("name\n\nAda Lovelace\n,\n\nGrace Hopper\n", {}, ["Ada Lovelace", "Grace Hopper"]),
        ("name\n  Ada   Lovelace  \n", {}, ["Ada Lovelace"]),
        ('name,organization\n"Tom *Star* Baxter","Hart & Hart <LLC>"\n', {}, ["Tom *Star* Baxter"]),
    ],
)
def test_reads_names(tmp_path: Path, text: str, columns: dict[str, str], names: list[str]) -> None:
    signers, diags = _read(tmp_path, text, columns)
    assert [s.name for s in signers] == names
    assert not diags.has_errors


def test_affiliation_joins_title_and_organization(tmp_path: Path) -> None:
    signers, _ = _read(
        tmp_path, "Name,Title,Company\nAda,Analyst,Engines Ltd\n", {"organization": "Company"}
    )
    assert signers[0].affiliation == "Analyst, Engines Ltd"


def test_row_without_name_is_reported_with_its_line(tmp_path: Path) -> None:
    signers, diags = _read(tmp_path, "name,title\nAda,Analyst\n\n,Director\nGrace,Admiral\n")
    assert [s.name for s in signers] == ["Ada", "Grace"]
    (d,) = diags.sorted()
    assert (d.code, d.line, d.severity) == ("PD401", 4, "error")


def test_missing_name_column(tmp_path: Path) -> None:
    _, diags = _read(tmp_path, "Signer ID,Title\nAda,Analyst\n")
    (d,) = diags.sorted()
    assert d.code == "PD402"
    assert "Signer ID" in d.message


def test_empty_file(tmp_path: Path) -> None:
    _, diags = _read(tmp_path, "")
    assert [d.code for d in diags.sorted()] == ["PD402"]


def test_missing_file_points_at_the_reference(tmp_path: Path) -> None:
    diags = Diagnostics()
    read_signatories(tmp_path / "nope.csv", {}, diags, WHERE)
    (d,) = diags.sorted()
    assert (d.code, d.file, d.line) == ("PD105", "policydraft.yaml", 30)


def test_windows_1252_is_detected_and_reported(tmp_path: Path) -> None:
    text = "name,organization\nFrançois Müller,Société Générale des Auteurs\nJosé Ñúñez,Café\n"
    signers, diags = _read(tmp_path, text.encode("cp1252"))
    assert [s.name for s in signers] == ["François Müller", "José Ñúñez"]
    assert [d.code for d in diags.sorted()] == ["PD404"]


@pytest.mark.parametrize(
    ("value", "printed", "code"),
    [
        ("yes", True, None),
        ("Y", True, None),
        ("TRUE", True, None),
        ("1", True, None),
        ("no", False, None),
        ("N", False, None),
        ("false", False, None),
        ("0", False, None),
        ("", False, "PD405"),
        ("maybe", False, "PD422"),
    ],
)
def test_consent_values(tmp_path: Path, value: str, printed: bool, code: str | None) -> None:
    signers, diags = _read(tmp_path, f"name,consent\nAda,{value}\n")
    assert signers[0].consent is printed
    assert [d.code for d in diags.sorted()] == ([code] if code else [])


def test_absent_consent_column_means_consent(tmp_path: Path) -> None:
    signers, _ = _read(tmp_path, "name\nAda\n")
    assert signers[0].consent is True
