"""Hostile outputs, starters and reference documents: where files go, what they replace.

``output.name``/``output.dir`` that reach outside the folder (PD903/PD904), a folder in the
way of an output (PD901, the earlier file intact), leftovers of killed renders, a refused
render that must leave no ``build/``, ``init`` and ``templates copy`` over existing files or
into places they cannot write (PD120/PD121), and reference.docx files that are no Word
document, declare entities, unpack to gigabytes, or carry private document properties.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

from tests.hostile.harness import Case, base

REFERENCE = "templates/comment-letter/reference.docx"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PROPERTY_SECRETS = (
    "KEYWORD-Zq7-secret",
    "CATEGORY-Zq7-secret",
    "DESCRIPTION-Zq7-secret",
    "EDITOR-Zq7-secret",
    "COMPANY-Zq7-secret",
    "MANAGER-Zq7-secret",
    "CUSTOM-Zq7-secret",
)
STALE = (
    "build/.submission.pdf.99999999.abcd1234.tmp",
    "build/.submission.docx.99999999.abcd1234.old",
    "build/.submission.pdf.k2j4h6g8.tmp",
)
KEPT = ("build/.other.pdf.99999999.abcd1234.tmp", "build/notes.tmp", "build/.submission.pdf.tmp")


def reference_docx(mutate: Callable[[dict[str, bytes]], None] | None = None) -> bytes:
    """A reference.docx made by python-docx, its parts changed by ``mutate``."""
    stream = io.BytesIO()
    docx.Document().save(stream)
    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    if mutate is not None:
        mutate(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_linked_header_picture() -> bytes:
    """A reference whose header links a picture (and a hyperlink) from outside the file."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = "Example Coalition"
    header.part.relate_to("https://tracker.example/pixel.png?reader=1", RT.IMAGE, is_external=True)
    header.part.relate_to("https://coalition.example/", RT.HYPERLINK, is_external=True)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _reference_link_outside(folder: Path) -> None:
    """reference.docx as a link to a Word file elsewhere on the machine."""
    elsewhere = folder.parent / "private.docx"
    elsewhere.write_bytes(reference_docx())
    target = folder / REFERENCE
    target.unlink()
    target.symlink_to(elsewhere)


def _hyperlink_kept(folder: Path) -> None:
    built = folder / "build" / "submission.docx"
    if built.exists():
        with zipfile.ZipFile(built) as archive:
            rels = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".rels"))
        assert b"coalition.example" in rels


def _without(*names: str) -> Callable[[dict[str, bytes]], None]:
    def mutate(parts: dict[str, bytes]) -> None:
        for name in names:
            del parts[name]

    return mutate


def _replace(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    def mutate(parts: dict[str, bytes]) -> None:
        parts[name] = data

    return mutate


_XXE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    b'<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b'<w:style w:type="paragraph" w:styleId="X"><w:name w:val="&xxe;"/></w:style></w:styles>'
)
_LAUGHS = b"".join(
    b'<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">' % ((i,) + (i - 1,) * 10)
    for i in range(1, 10)
)
_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY l0 "lol">' + _LAUGHS + b"]>\n"
    b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:style><w:name w:val='&l9;'/></w:style></w:styles>"
)


def _zip_bomb() -> bytes:
    """A valid reference.docx plus a 100 MB part of zeros that deflates to about 100 KB."""
    data = reference_docx()
    out = io.BytesIO(data)
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/zeros.bin", "w") as stream,
    ):
        for _ in range(100):
            stream.write(bytes(1024 * 1024))
    return out.getvalue()


def _with_private_properties() -> bytes:
    """A reference.docx whose document properties hold what must not reach any output."""
    word = docx.Document()
    props = word.core_properties
    props.keywords, props.category = PROPERTY_SECRETS[0], PROPERTY_SECRETS[1]
    props.comments, props.last_modified_by = PROPERTY_SECRETS[2], PROPERTY_SECRETS[3]
    props.content_status, props.identifier = "Draft-Zq7", "ID-Zq7"
    props.revision = 42
    stream = io.BytesIO()
    word.save(stream)

    def mutate(parts: dict[str, bytes]) -> None:
        app = parts["docProps/app.xml"].decode()
        app = app.replace("<Company/>", f"<Company>{PROPERTY_SECRETS[4]}</Company>")
        parts["docProps/app.xml"] = app.replace(
            "<Manager/>", f"<Manager>{PROPERTY_SECRETS[5]}</Manager>"
        ).encode()
        add_custom_properties(parts, PROPERTY_SECRETS[6])

    with zipfile.ZipFile(io.BytesIO(stream.getvalue())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    mutate(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)


def add_custom_properties(parts: dict[str, bytes], value: str) -> None:
    """Add docProps/custom.xml (Word's File > Properties > Custom) holding ``value``."""
    parts["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property></Properties>"
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        f'<Override PartName="/docProps/custom.xml" ContentType="{_CUSTOM_TYPE}"/></Types>',
    ).encode()
    rels = parts["_rels/.rels"].decode()
    parts["_rels/.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdCustom9" Type="{_CUSTOM_REL}" Target="docProps/custom.xml"/>'
        "</Relationships>",
    ).encode()


def _with_reference(data: bytes, **overrides: object) -> dict[str, str | bytes]:
    return {**base(**overrides), REFERENCE: data}


def _pdf_is_a_folder(folder: Path) -> None:
    (folder / "build" / "submission.pdf").mkdir(parents=True)
    (folder / "build" / "submission.docx").write_bytes(b"the earlier DOCX")


def _stale_leftovers(folder: Path) -> None:
    (folder / "build").mkdir()
    for name in (*STALE, *KEPT):
        (folder / name).write_bytes(b"left over")


def _stale_removed(folder: Path) -> None:
    """Once a render has published, its own leftovers are gone and nobody else's are."""
    if (folder / "build" / "submission.pdf").exists():
        assert not [name for name in STALE if (folder / name).exists()]
        assert all((folder / name).exists() for name in KEPT)


def _build_is_a_link_outside(folder: Path) -> None:
    outside = folder.parent / "outside"
    outside.mkdir()
    (folder / "build").symlink_to(outside)


_PROFILE = (
    "title: One word\nagency: Example Agency\nrules:\n"
    "  - rule: words\n    max: 5\n    source: Example Rule\n"
)
_LONG = "x" * 300
_PROC = "/proc{folder}"  # a path under /proc: no one, root included, can create it
_ROOT = "{folder}" + "/.." * 40  # the file system's root, written relative to the folder

CASES: list[Case] = [
    # output.name and output.dir: plain stems inside the folder (PD903, PD904)
    Case("name-dotdot", base(output={"name": "../../x"}), "PD903"),
    Case("name-absolute", base(output={"name": "/tmp/policydraft-abs"}), "PD903"),
    # NUL written as an escape is refused by the YAML reader already (PD112); PD903 backs it up
    Case("name-nul", base(output={"name": "letter\u0000.pdf"}), "PD112"),
    Case("name-newline", base(output={"name": "a\nb"}), "PD903"),
    Case("name-bidi", base(output={"name": "letter\u202efdp"}), "PD112"),  # the reader first
    Case("name-backslash", base(output={"name": "..\\x"}), "PD903"),
    Case("name-empty", base(output={"name": ""}), "PD903"),
    Case("name-hidden", base(output={"name": ".hidden"}), "PD903"),
    Case("name-too-long", base(output={"name": _LONG}), "PD903"),
    Case(
        "folder-name-default-hidden",
        {f".hidden/{name}": text for name, text in base().items()},
        "PD903",
        commands=(("check", "{folder}/.hidden"), ("render", "{folder}/.hidden")),
    ),
    Case("dir-absolute", base(output={"dir": "/tmp/policydraft-out"}), "PD904"),
    Case("dir-up", base(output={"dir": "../out"}), "PD904"),
    Case("dir-up-inside", base(output={"dir": "build/../../out"}), "PD904"),
    Case("dir-is-a-file", {**base(), "build": "a file"}, "PD904"),
    Case("dir-link-outside", base(), "PD904", setup=_build_is_a_link_outside),
    # publishing: all or nothing, leftovers cleaned, refusals leave no build/
    Case("pdf-is-a-folder", base(), "PD901", commands=(("render",),), setup=_pdf_is_a_folder),
    Case("stale-temporaries", base(), None, exit=0, setup=_stale_leftovers, after=_stale_removed),
    Case(
        "refused-by-profile-on-staged-files",
        {**base(profile="./agency.yaml", docket=None), "agency.yaml": _PROFILE},
        "PD619",
    ),
    Case(
        "package-refused",
        base(output={"name": "../x"}),
        "PD903",
        commands=(("package", "{folder}", "--out", "{folder}/../package"),),
    ),
    # init and templates copy: never overwrite, never crash (PD120, PD121)
    Case("init-over-existing", base(), "PD120", commands=(("init",),)),
    Case(
        "init-under-a-file", base(), "PD121", commands=(("init", "{folder}/signatories.csv/new"),)
    ),
    Case("init-into-proc", base(), "PD121", commands=(("init", _PROC),)),
    Case(
        "templates-copy-over-existing",
        {**base(), "templates/comment-letter/letter.md.j2": "our own template\n"},
        "PD120",
        commands=(("templates", "copy", "comment-letter", "{folder}"),),
    ),
    Case(
        "templates-copy-onto-a-file",
        base(),
        "PD121",
        commands=(("templates", "copy", "open-letter", "{folder}/signatories.csv"),),
    ),
    Case(
        "templates-copy-into-proc",
        base(),
        "PD121",
        commands=(("templates", "copy", "open-letter", f"{_ROOT}/proc"),),
    ),
    # reference.docx from strangers: located PD315-PD319 in check and render alike
    Case("reference-not-a-zip", _with_reference(b"This is not a Word document."), "PD315"),
    Case("reference-truncated", _with_reference(reference_docx()[:4000]), "PD315"),
    Case(
        "reference-no-styles", _with_reference(reference_docx(_without("word/styles.xml"))), "PD316"
    ),
    Case(
        "reference-no-document",
        _with_reference(reference_docx(_without("word/document.xml"))),
        "PD316",
    ),
    Case(
        "reference-broken-xml",
        _with_reference(reference_docx(_replace("word/styles.xml", b"<w:styles><unclosed>"))),
        "PD317",
    ),
    Case(
        "reference-xxe",
        _with_reference(reference_docx(_replace("word/styles.xml", _XXE))),
        "PD318",
        secrets=("root:x:0:0",),
    ),
    Case(
        "reference-entity-bomb",
        _with_reference(reference_docx(_replace("word/styles.xml", _BOMB))),
        "PD318",
        memory_mb=1024,
    ),
    Case("reference-zip-bomb", _with_reference(_zip_bomb()), "PD319", memory_mb=1024),
    Case(
        "reference-link-outside",
        _with_reference(b"replaced by a link"),
        "PD314",
        setup=_reference_link_outside,
    ),
    Case(
        "reference-linked-picture-dropped",
        _with_reference(_with_linked_header_picture()),
        None,
        exit=0,
        secrets=("tracker.example",),
        after=_hyperlink_kept,
    ),
    Case(
        "reference-properties-do-not-leak",
        _with_reference(_with_private_properties()),
        None,
        exit=0,
        secrets=(*PROPERTY_SECRETS, "Draft-Zq7", "ID-Zq7"),
    ),
    Case(
        "reference-made-by-libreoffice",
        _with_reference((FIXTURES / "reference-libreoffice.docx").read_bytes()),
        None,
        exit=0,
        secrets=("Zq7-LibreOffice-secret", "must not survive"),
    ),
]
