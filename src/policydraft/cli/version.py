"""``policydraft --version`` and ``policydraft version``: which policydraft, and what shapes
its output.

The same inputs give byte-identical files with the same version of policydraft *and* of the
libraries and fonts that lay them out, so a filer comparing two renders (or a bug report)
needs all of them: the libraries' versions from their installed metadata, the bundled fonts'
from their own ``name`` table (read here with a few lines of ``struct``: fontTools is only a
test dependency, and reportlab's TrueType reader does not keep the version string).

Nothing here imports the pipeline or a heavy library: ``--version`` stays as fast as
``--help``.
"""

from __future__ import annotations

import hashlib
import platform
import struct
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

LIBRARIES = (
    "python-docx",
    "reportlab",
    "lxml",
    "jinja2",
    "pydantic",
    "markdown-it-py",
    "uharfbuzz",
    "python-bidi",
    "pyuca",
    "nameparser",
    "pypdf",
)
"""The distributions whose version changes what a render writes (the DOCX and PDF writers,
the templates, the Markdown reader, shaping, bidi, the sort order of names) or what is read
back from it (pypdf, for the profile's checks)."""

FONTS = Path(__file__).resolve().parent.parent / "fonts"
"""The fonts the PDF embeds, bundled with the package (``writers/pdf/families.py``)."""


def policydraft_version() -> str:
    """This policydraft's version, from its installed metadata (the one source of truth:
    pyproject.toml's ``version``, which ``policydraft.__version__`` and manifest.json read too)."""
    from policydraft import __version__

    return __version__


@dataclass(frozen=True)
class FontVersion:
    """One bundled font: its file, its full name and version as its ``name`` table says."""

    file: str
    name: str
    version: str
    sha256: str


def library_versions() -> dict[str, str | None]:
    """Each library of ``LIBRARIES`` with its installed version; None when not installed."""
    found: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def font_versions(folder: Path = FONTS) -> list[FontVersion]:
    """Every bundled TrueType font, by file name."""
    fonts = []
    for path in sorted(folder.glob("*.ttf")):
        data = path.read_bytes()
        names = sfnt_names(data)
        fonts.append(
            FontVersion(
                file=path.name,
                name=names.get(4) or names.get(1) or path.stem,
                version=short_version(names.get(5, "")),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    return fonts


def versions_report() -> dict[str, object]:
    """What ``policydraft version`` prints: policydraft, Python, the libraries, the fonts."""
    return {
        "policydraft": policydraft_version(),
        "python": platform.python_version(),
        "libraries": library_versions(),
        "fonts": [asdict(font) for font in font_versions()],
    }


def short_version(text: str) -> str:
    """A font's version string without its prefix and the hinting notes after ``;``:
    "Version 2.1.5" -> "2.1.5"; "Version 2.001; ttfautohint (v1.8.3) ..." -> "2.001"."""
    head = text.split(";", 1)[0].strip()
    return head.removeprefix("Version").strip() or "unknown"


_WANTED = (1, 4, 5)
"""The ``name`` table's records read: family (1), full name (4) and version (5)."""


def sfnt_names(data: bytes) -> dict[int, str]:
    """The family, full name and version records of a TrueType/OpenType font's ``name``
    table, preferring Windows Unicode English records over Macintosh Roman ones; an empty
    dict when the file is not a font or its table is cut short."""
    try:
        return _read_names(data)
    except (struct.error, UnicodeDecodeError, IndexError):
        return {}


def _read_names(data: bytes) -> dict[int, str]:
    (tables,) = struct.unpack_from(">H", data, 4)
    for index in range(tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag == b"name":
            break
    else:
        return {}
    _format, count, strings = struct.unpack_from(">HHH", data, offset)
    found: dict[int, tuple[int, str]] = {}
    for index in range(count):
        platform_id, encoding, language, name_id, length, start = struct.unpack_from(
            ">HHHHHH", data, offset + 6 + 12 * index
        )
        if name_id not in _WANTED:
            continue
        raw = data[offset + strings + start : offset + strings + start + length]
        if platform_id == 3 and encoding in (0, 1, 10):
            rank, text = (0 if language == 0x409 else 1), raw.decode("utf-16-be")
        elif platform_id == 1 and encoding == 0:
            rank, text = 2, raw.decode("latin-1")
        else:
            continue
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, text)
    return {name_id: text for name_id, (_rank, text) in found.items()}
