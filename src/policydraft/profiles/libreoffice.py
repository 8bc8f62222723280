"""A Word document laid out by LibreOffice, so its pages can be counted and measured.

A DOCX has no pages of its own: they exist only once a word processor lays it out. When
LibreOffice is installed, ``lay_out`` has it convert the document to a PDF in a scratch folder
(with a private user profile, so runs side by side do not share one, and within a time limit,
so a document built to hang the layout cannot hang ``verify``); when it is not, or it fails,
the caller is told why and reports the page rules as not checked.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from policydraft.limits import LAYOUT_SECONDS


@dataclass(frozen=True)
class Layout:
    """The PDF LibreOffice made of a document, or why there is none (``pdf`` is then None)."""

    pdf: Path | None
    why_not: str = ""


def libreoffice() -> str | None:
    """The LibreOffice program to run, if one is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def lay_out(document: Path, scratch: Path) -> Layout:
    """``document`` converted to PDF by LibreOffice into ``scratch`` (a folder of our own)."""
    program = libreoffice()
    if program is None:
        return Layout(None, "LibreOffice (soffice) is not installed to lay the document out")
    source = scratch / f"document{document.suffix.lower()}"
    shutil.copyfile(document, source)  # a plain name: LibreOffice reads options from odd ones
    profile = (scratch / "profile").resolve().as_uri()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", "pdf", "--outdir", str(scratch / "out"), str(source)]
    seconds = LAYOUT_SECONDS.value
    try:
        finished = _run(command, seconds)
    except OSError as exc:
        return Layout(None, f"LibreOffice could not be started ({exc.strerror or exc})")
    if not finished:
        return Layout(None, f"LibreOffice did not finish laying it out within {seconds} seconds")
    pdf = scratch / "out" / "document.pdf"
    if not pdf.is_file():
        return Layout(None, "LibreOffice could not lay the document out (no PDF was made)")
    return Layout(pdf)


def _run(command: list[str], seconds: int) -> bool:
    """Run ``command`` in its own process group; False (the group killed) if it overruns.

    ``soffice`` starts ``soffice.bin`` as a child: killing only the first would leave the
    second running, so the whole group is stopped.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return False
    return True
