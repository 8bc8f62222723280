"""The PDF blackline ``policydraft redline`` writes beside the tracked DOCX, and LibreOffice's
accept-all / reject-all of that DOCX.

One version pair holds a change of every kind the summary counts: an argument added, one
removed, one moved and one changed; a footnote changed (a pin cite) and one added; citations
added and removed; signers added, removed and corrected. The authorities are real: Campbell
v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994), and Loving v. Virginia, 388 U.S. 1 (1967).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from policydraft.diagnostics import Diagnostics
from policydraft.redline import blackline, checked_version, docx_bytes, note_cites
from policydraft.redline.blackline import _marked_body
from policydraft.redline.blackline_text import Passage, Version, Word, compared, marked_words
from policydraft.redline.compare import Comparison, compare_versions, diff_words
from policydraft.redline.docx import docx_comparison
from policydraft.redline.summary import Summary, is_argument
from tests.helpers import run_cli, write_submission

ENV = {"SOURCE_DATE_EPOCH": "1700000000"}
SOURCES = """\
- id: campbell
  type: case
  name: Campbell v. Acuff-Rose Music, Inc.
  volume: 510
  reporter: U.S.
  page: 569
  year: 1994
- id: loving
  type: case
  name: Loving v. Virginia
  volume: 388
  reporter: U.S.
  page: 1
  year: 1967
"""
FIRST = {"heading": "The first argument", "body": "The agency should adopt a clear standard.\n"}
DATA = {"heading": "Data", "body": "The agency should also publish the data it relies on.\n"}
COSTS = {"heading": "Costs", "body": "The costs are high.[@loving, 12]\n"}
RISING = {"heading": "Costs", "body": "The costs are high, and rising.[@loving, 12]\n"}
GONE = {"heading": "Gone", "body": "This argument goes away entirely.\n"}
REMEDIES = {"heading": "Remedies", "body": "The agency should weigh remedies.[@loving, 11]\n"}
INTRO = "We submit these comments on the {rule} rule.[@campbell, {pin}]\n"

OLD = {
    "sources": "sources.yaml",
    "introduction": INTRO.format(rule="proposed", pin=577),
    "arguments": [FIRST, DATA, COSTS, GONE],
}
NEW = {
    "sources": "sources.yaml",
    "introduction": INTRO.format(rule="final", pin=579),
    "arguments": [DATA, FIRST, RISING, REMEDIES],
}
OLD_SIGNERS = """\
name,title,organization
Ada Lovelace,Analyst,Engines Ltd
Bob Gone,Writer,Example Guild
Grace Hopper,Rear Admiral,US Navy
"""
NEW_SIGNERS = """\
name,title,organization
Ada Lovelace,Chief Analyst,Engines Ltd
Grace Hopper,Rear Admiral,US Navy
Carl New,Composer,Example Guild
王小明,Director,Example Studio
"""

EXPECTED = Summary(
    arguments_added=("Remedies",),
    arguments_removed=("Gone",),
    arguments_moved=("Data",),
    arguments_changed=("Costs",),
    notes_added=1,  # "Id. at 11." after Loving's full cite
    notes_removed=0,
    notes_changed=1,  # Campbell's pin, 577 -> 579
    citations_added=("@campbell, 579", "@loving, 11"),
    citations_removed=("@campbell, 577",),
    signers_added=("Carl New", "王小明"),
    signers_removed=("Bob Gone",),
    signers_corrected=("Ada Lovelace (title)",),
)


def _version(folder: Path, overrides: dict, signers: str | None) -> Path:
    write_submission(folder, overrides, signers)
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return folder


def _redline(old: Path, new: Path, out: Path) -> Path:
    done = run_cli("redline", old, new, "--out", out, "--author", "A. Reviewer", env=ENV)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / f"{new.name}-redline.pdf"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("blackline")
    return _version(base / "old", OLD, OLD_SIGNERS), _version(base / "new", NEW, NEW_SIGNERS)


@pytest.fixture(scope="module")
def pdf(pair: tuple[Path, Path]) -> Path:
    return _redline(*pair, pair[0].parent / "out")


# --- the summary ---------------------------------------------------------------------------


def test_summary_counts_a_change_of_every_kind(pair: tuple[Path, Path]) -> None:
    diags = Diagnostics()
    old, new = checked_version(pair[0], diags), checked_version(pair[1], diags)
    assert old is not None and new is not None, [str(d) for d in diags]
    summary = blackline.compare(old, new).summary
    ordered = Summary(**{
        k: tuple(sorted(v)) if isinstance(v, tuple) else v for k, v in vars(summary).items()
    })  # fmt: skip
    assert ordered == EXPECTED


def _arguments_and_notes(compared: Comparison) -> tuple[list[tuple[str, str]], list[str]]:
    sections = [s for s in compared.sections if is_argument(compared, s)]
    return [(s.kind, " ".join(s.heading.split())) for s in sections], [
        n.kind for n in compared.notes
    ]


def test_the_blackline_and_the_docx_compare_alike(pair: tuple[Path, Path]) -> None:
    """One comparison: the blackline's and the DOCX's find the same arguments added,
    removed, moved and changed, and the same notes added, removed, changed."""
    diags = Diagnostics()
    old, new = checked_version(pair[0], diags), checked_version(pair[1], diags)
    assert old is not None and new is not None, [str(d) for d in diags]
    drawn = blackline.compare(old, new).comparison
    tracked = docx_comparison(docx_bytes(old), docx_bytes(new), note_cites(old), note_cites(new))
    assert _arguments_and_notes(drawn) == _arguments_and_notes(tracked)
    kinds = {kind for kind, _ in _arguments_and_notes(drawn)[0]}
    assert {"added", "removed", "moved", "changed"} <= kinds


PAGE_ONE = [  # what the summary page says
    "Arguments: 1 added, 1 removed, 1 moved, 1 changed",
    "Added (1): “Remedies”",
    "Removed (1): “Gone”",
    "Moved (1): “Data”",
    "Changed (1): “Costs”",
    "Footnotes: 1 added, 0 removed, 1 changed",
    "Citations: 2 added, 1 removed",
    "@campbell, 579",
    "Removed (1): @campbell, 577",
    "Signatories: 2 added, 1 removed, 1 corrected",
    "Carl New",
    "王小明",
    "Removed (1): Bob Gone",
    "Corrected (1): Ada Lovelace (title)",
    "old (2025-03-15) compared with new (2025-03-15)",
]


@pytest.mark.parametrize("said", PAGE_ONE)
def test_summary_page_says(pdf: Path, said: str) -> None:
    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert said in first


def test_letter_follows_the_summary_with_both_versions_words(pdf: Path) -> None:
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    letter = " ".join(" ".join(pages[1:]).split())
    assert "Summary of changes" in pages[0] and "proposed" not in pages[0]
    for word in ("proposed", "final", "goes away entirely", "weigh remedies", "and rising"):
        assert word in letter
    assert "Notes" in letter and "Bob Gone" not in letter  # the appendix is summarised only


def test_fonts_are_embedded(pdf: Path) -> None:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"LiberationSerif", "LiberationSerif-Bold", "DroidSansFallback"} <= names


_STROKE = re.compile(
    r"([\d.]+) ([\d.]+) ([\d.]+) RG|n (-?[\d.]+) (-?[\d.]+) m (-?[\d.]+) (-?[\d.]+) l S"
)


def _strokes(pdf: Path) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every line the letter's pages stroke, with its colour (hex), in its own coordinates."""
    found = []
    for page in PdfReader(pdf).pages[1:]:
        colour = "#000000"
        for match in _STROKE.finditer(page.get_contents().get_data().decode("latin-1")):
            if match.group(1) is not None:
                colour = "#" + "".join(f"{round(float(c) * 255):02x}" for c in match.groups()[:3])
            else:
                x1, y1, x2, y2 = (float(v) for v in match.groups()[3:])
                found.append((colour, (x1, y1, x2, y2)))
    return found


@pytest.mark.parametrize(
    ("what", "colour", "is_it"),
    [
        ("underline", blackline.INSERTED, lambda x1, y1, x2, y2: y1 == y2 and y1 < 2),
        ("strike-through", blackline.DELETED, lambda x1, y1, x2, y2: y1 == y2 and y1 > 2),
        ("moved, struck", blackline.MOVED, lambda x1, y1, x2, y2: y1 == y2 and y1 > 2),
        ("moved, underlined", blackline.MOVED, lambda x1, y1, x2, y2: y1 == y2 and y1 < 2),
        ("change bar", "#000000", lambda x1, y1, x2, y2: x1 == x2 < 0 and y2 > y1),
    ],
)
def test_marks_are_drawn(pdf: Path, what: str, colour: str, is_it) -> None:
    """Underlines sit under the baseline, strike-throughs cross the letters: a black and
    white copy tells them apart; change bars stand left of the text."""
    assert any(c == colour and is_it(*line) for c, line in _strokes(pdf)), what


def test_same_bytes_twice(pair: tuple[Path, Path], pdf: Path, tmp_path: Path) -> None:
    assert _redline(*pair, tmp_path / "again").read_bytes() == pdf.read_bytes()


def test_unchanged_versions_say_so_and_mark_nothing(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    made = _redline(pair[1], pair[1], tmp_path / "same")
    assert "No changes" in PdfReader(made).pages[0].extract_text()
    assert _strokes(made) == []


def test_a_failed_write_publishes_neither_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "new-redline.pdf").mkdir(parents=True)  # a folder where the PDF should go
    done = run_cli("redline", *pair, "--out", out, env=ENV)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / "new-redline.docx").exists()


# --- the comparison, on any words ----------------------------------------------------------

_WORDS = st.lists(st.sampled_from(["a", "b", "c", " ", ",", "rule", "579", "Id."]), max_size=30)


def _passage(words: list[str], kind: str = "para") -> Passage:
    return Passage(kind, tuple(Word(w) for w in words))


@settings(max_examples=200, deadline=None)
@given(_WORDS, _WORDS)
def test_marked_words_accept_to_new_and_reject_to_old(old: list[str], new: list[str]) -> None:
    edits = diff_words(old, new)
    marked = marked_words(_passage(old), _passage(new), edits)
    assert [w.text for tag, w in marked if tag != "del"] == new
    assert [w.text for tag, w in marked if tag != "ins"] == old


_PASSAGES = st.lists(
    st.tuples(st.sampled_from(["para", "heading"]), _WORDS.filter(bool)), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(_PASSAGES, _PASSAGES)
def test_letter_marked_from_the_comparison_accepts_to_new_and_rejects_to_old(
    old: list[tuple[str, list[str]]], new: list[tuple[str, list[str]]]
) -> None:
    """The blackline's passages, drawn from the one comparison (arguments cut at headings,
    moved whole): kept and inserted words give NEW's passages in order; without moves, kept
    and deleted words give OLD's."""
    olds = tuple(_passage(words, kind) for kind, words in old)
    news = tuple(_passage(words, kind) for kind, words in new)
    comparison = compare_versions(compared(Version(olds, ())), compared(Version(news, ())))
    shown = list(_marked_body(olds, news, comparison.blocks))
    accepted = [
        "".join(w.text for tag, w in marked if tag not in ("del", "from", "label"))
        if marked is not None else passage.text
        for passage, marked in shown
    ]  # fmt: skip
    assert [text for text in accepted if text] == [p.text for p in news]
    if any(edit.move for edit in comparison.blocks):
        return
    rejected = [
        "".join(w.text for tag, w in marked if tag != "ins") if marked is not None
        else passage.text
        for passage, marked in shown
    ]  # fmt: skip
    assert [text for text in rejected if text] == [p.text for p in olds]


# --- LibreOffice: accept all, reject all ---------------------------------------------------

RESOLVE = r"""
Sub Dump(source As String, target As String, how As String)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    args(0).Name = "Hidden"
    args(0).Value = True
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, args())
    If how <> "" Then
        dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(frame, ".uno:" & how & "AllTrackedChanges", "", 0, Array())
    End If
    text = ""
    paragraphs = doc.getText().createEnumeration()
    Do While paragraphs.hasMoreElements()
        element = paragraphs.nextElement()
        If element.supportsService("com.sun.star.text.Paragraph") Then
            text = text & element.getString() & Chr(10)
        End If
    Loop
    text = text & "--notes--" & Chr(10)
    notes = doc.getFootnotes()
    For i = 0 To notes.getCount() - 1
        text = text & notes.getByIndex(i).getString() & Chr(10)
    Next i
    files = createUnoService("com.sun.star.ucb.SimpleFileAccess")
    stream = createUnoService("com.sun.star.io.TextOutputStream")
    stream.setOutputStream(files.openFileWrite(ConvertToURL(target)))
    stream.setEncoding("UTF-8")
    stream.writeString(text)
    stream.closeOutput()
    doc.close(True)
End Sub

Sub Main(folder As String)
    Dump(folder & "/redline.docx", folder & "/accepted.txt", "Accept")
    Dump(folder & "/redline.docx", folder & "/rejected.txt", "Reject")
    Dump(folder & "/old.docx", folder & "/old.txt", "")
    Dump(folder & "/new.docx", folder & "/new.txt", "")
    StarDesktop.terminate()
End Sub
"""
"""A LibreOffice Basic module: the redline with all changes accepted, then rejected, and
both versions' own DOCX files, each as its body's paragraphs and its footnotes, in UTF-8."""


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (install LibreOffice)")
        pytest.skip("LibreOffice (soffice) is not on PATH: cannot accept or reject the changes")
    return found


def resolved_by_libreoffice(folder: Path) -> dict[str, str]:
    """The texts of ``folder``'s redline.docx accepted and rejected in LibreOffice, and of
    old.docx and new.docx, read alike: {"accepted", "rejected", "old", "new"}.

    The macro goes into a private user profile, made first (LibreOffice writes its own
    Basic libraries into a new profile, so the module is added after that).
    """
    soffice = _soffice()
    profile = (folder / "lo-profile").resolve()
    start = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    subprocess.run([*start, "--terminate_after_init"], check=True, capture_output=True, timeout=120)
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC'
        ' "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module'
        ' xmlns:script="http://openoffice.org/2000/script" script:name="Module1"'
        f' script:language="StarBasic">{html.escape(RESOLVE, quote=False)}</script:module>\n',
        encoding="utf-8",
    )
    macro = f'macro:///Standard.Module1.Main("{folder.resolve()}")'
    subprocess.run([*start, macro], check=True, capture_output=True, timeout=240)
    names = ("accepted", "rejected", "old", "new")
    return {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in names}


def _docx(folder: Path, out: Path) -> Path:
    done = run_cli("render", folder, "--to", "docx", "--out", out, env=ENV)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / f"{folder.name}.docx"


LOVELACE = "Ada Lovelace,Analyst,Engines Ltd\n"  # the appendix's last row (by surname)
ROUND_TRIPS = [  # (case, OLD's signatory list, NEW's)
    ("letter, notes, arguments; signers unchanged", OLD_SIGNERS, OLD_SIGNERS),
    ("signers added, removed and corrected", OLD_SIGNERS, NEW_SIGNERS),
    ("the last signer removed", OLD_SIGNERS, OLD_SIGNERS.replace(LOVELACE, "")),
]  # fmt: skip


@pytest.mark.parametrize(("case", "old_signers", "new_signers"), ROUND_TRIPS)
def test_libreoffice_accepts_to_new_and_rejects_to_old(
    tmp_path: Path, case: str, old_signers: str, new_signers: str
) -> None:
    _soffice()
    old = _version(tmp_path / "old", OLD, old_signers)
    new = _version(tmp_path / "new", NEW, new_signers)
    _redline(old, new, tmp_path / "out")
    job = tmp_path / "job"
    job.mkdir()
    shutil.copyfile(tmp_path / "out" / "new-redline.docx", job / "redline.docx")
    shutil.copyfile(_docx(old, tmp_path / "o"), job / "old.docx")
    shutil.copyfile(_docx(new, tmp_path / "n"), job / "new.docx")
    texts = resolved_by_libreoffice(job)
    assert texts["old"] != texts["new"]
    assert "final" in texts["new"] and "579" in texts["new"]  # the body and a footnote
    assert texts["accepted"] == texts["new"]
    assert texts["rejected"] == texts["old"]
