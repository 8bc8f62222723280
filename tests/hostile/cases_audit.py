"""Red-team audit of the hostile table: inputs the other tables do not try yet.

Each row is what a careful tool should do with the input, by the codes of docs/diagnostics.md.
Where no code fits, the row expects ``code=None`` and exit 1 and says so. Rows marked
``# FAILS:`` failed when the audit was written (see the audit report); the others are
regression guards.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.hostile.harness import BASE_SIGNATORIES, Case, base

PASSWD = "root:x:0:0"  # the first line of every /etc/passwd: must never reach an output
SECRET = "SECRET-Zq7-audit-canary"
CHECK = (("check",),)


# --- helpers --------------------------------------------------------------------------------


def _yaml(extra: str = "", **overrides: object) -> str:
    """policydraft.yaml as block YAML, one JSON value a key, with ``extra`` lines appended."""
    data = json.loads(str(base(**overrides)["policydraft.yaml"]))
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in data.items()]
    return "".join(lines) + extra


def _with(yaml_text: str, **files: str | bytes) -> dict[str, str | bytes]:
    return {**base(), "policydraft.yaml": yaml_text, **files}


def _argument_file(name: str = "arguments/a.md", **overrides: object) -> dict[str, str | bytes]:
    return base(arguments=[{"heading": "From a file", "file": name}], **overrides)


def _markdown(text: str | bytes) -> dict[str, str | bytes]:
    return {**_argument_file(), "arguments/a.md": text}


def _body(text: str) -> dict[str, str | bytes]:
    return base(arguments=[{"heading": "Inline", "body": text}])


_WEB = (
    "- id: site\n  type: web\n  title: A page\n  url: https://example.org\n  accessed: 2025-01-01\n"
)
_CITED = "As shown.[@site]\n"


def _sources(name: str, text: str | bytes, body: str = _CITED) -> dict[str, str | bytes]:
    return {**base(sources=name, arguments=[{"heading": "Inline", "body": body}]), name: text}


_ARTICLE = {
    "id": "site",
    "type": "article-journal",
    "author": [{"family": "Doe", "given": "A"}],
    "title": "T",
    "container-title": "J",
    "volume": 1,
    "page": "5",
    "issued": {"date-parts": [[2020]]},
}


def _article(old: str, new: str) -> str:
    """A CSL-JSON article (volume and page printed) with ``old`` replaced by ``new``."""
    return json.dumps([_ARTICLE]).replace(old, new)


def _web_entries(count: int, key: str) -> str:
    """``count`` one-line web sources in flow style, keyed ``key.format(i)``."""
    entry = "- {{id: {}, type: web, title: T, url: 'https://e.org', accessed: 2025-01-01}}\n"
    return "".join(entry.format(key.format(i)) for i in range(count))


def _copy(path: str, quotation: str) -> dict[str, str | bytes]:
    """A report whose local copy is ``path``, quoted (and so read) by the body."""
    report = (
        f"- id: site\n  type: report\n  author: A\n  title: R\n  date: 2020-01-01\n  file: {path}\n"
    )
    return _sources("sources.yaml", report, body=f"The report says {quotation}.[@site]\n")


def _csl(**fields: object) -> str:
    item = {
        "id": "site",
        "type": "webpage",
        "title": "A page",
        "URL": "https://example.org",
        "accessed": {"date-parts": [[2025, 1, 1]]},
        **fields,
    }
    return json.dumps([item])


_HEAD = "title: Mine\nagency: Example Agency\n"


def _profile(text: str | bytes, **more: str | bytes) -> dict[str, str | bytes]:
    return {**base(profile="./mine.yaml"), "mine.yaml": text, **more}


def _csv(text: str | bytes) -> dict[str, str | bytes]:
    return {**base(), "signatories.csv": text}


# --- setups: links, FIFOs, devices, sparse files ---------------------------------------------


def _link(name: str, target: str):
    def setup(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)

    return setup


def _fifo(name: str):
    def setup(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return setup


def _folder(name: str):
    def setup(folder: Path) -> None:
        path = folder / name
        if path.exists():
            path.unlink()
        path.mkdir(parents=True)
        (path / "x.md").write_text("x\n", encoding="utf-8")

    return setup


def _sparse(name: str, size: int):
    def setup(folder: Path) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as stream:
            stream.truncate(size)

    return setup


def _secret_outside(folder: Path) -> None:
    """A private file next to the submission folder (as in a home folder)."""
    (folder.parent / "private.md").write_text(f"{SECRET}\n", encoding="utf-8")


def _link_to_secret_outside(name: str):
    def setup(folder: Path) -> None:
        _secret_outside(folder)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(folder.parent / "private.md")

    return setup


def _docx_is_a_folder(folder: Path) -> None:
    """The DOCX's place is taken by a folder and an earlier PDF exists: the PDF must survive."""
    (folder / "build" / "submission.docx").mkdir(parents=True)
    (folder / "build" / "submission.pdf").write_bytes(b"the earlier PDF")


def _build_loops(folder: Path) -> None:
    (folder / "build").symlink_to("build")


MB = 1024 * 1024
GB = 1024 * MB

READERS: list[Case] = [
    # dates out of range or impossible
    Case("date-year-99999", base(date="99999-01-01"), "PD104"),
    Case("date-feb-30-quoted", base(date="2025-02-30"), "PD104"),
    Case("date-feb-30-unquoted", _with(_yaml().replace('"2025-03-15"', "2025-02-30")), "PD104"),
    Case(
        "date-timestamp-bad-offset",
        _with(_yaml().replace('"2025-03-15"', "2025-03-15T10:00:00+99:00")),
        "PD104",
    ),
    Case(
        "sources-date-feb-30",
        _sources(
            "sources.yaml",
            "- id: site\n  type: report\n  author: A\n  title: T\n  date: 2024-02-30\n",
        ),
        "PD504",
    ),
    Case(
        "sources-accessed-year-99999",
        _sources("sources.yaml", _WEB.replace("2025-01-01", "99999-01-01")),
        "PD504",
    ),
    Case(
        "sources-case-year-20-digits",
        _sources(
            "sources.yaml",
            "- id: site\n  type: case\n  name: A v. B\n  volume: 510\n  reporter: U.S.\n"
            "  page: 569\n  year: 99999999999999999999\n",
        ),
        "PD507",  # refused as dated after the letter, at the year's line: fair
    ),
    Case(
        "csl-date-parts-feb-30",
        _sources("sources.json", _csl(accessed={"date-parts": [[2024, 2, 30]]})),
        "PD504",
    ),
    Case(
        "csl-date-parts-year-99999",
        _sources("sources.json", _csl(accessed={"date-parts": [[99999, 1, 1]]})),
        "PD504",
    ),
    Case(
        "csl-date-parts-huge-year",
        _sources("sources.json", _csl(accessed={"date-parts": [[10**50, 1, 1]]})),
        "PD504",
    ),
    Case(
        "csl-date-parts-not-numbers",
        _sources("sources.json", _csl(accessed={"date-parts": [["x", None, [1]]]})),
        "PD504",
    ),
    # numbers JSON allows that are no numbers
    Case(
        "csl-volume-infinity",
        _sources("sources.json", _article('"volume": 1', '"volume": 1e999')),
        "PD517",  # refused by the JSON reader, at the number, before the source is checked
    ),
    Case(
        "csl-page-nan",
        _sources("sources.json", _article('"volume": 1', '"volume": NaN')),
        "PD517",  # JSON has no NaN: refused by the reader
    ),
    Case(
        "csl-negative-year",
        _sources("sources.json", _article("[[2020]]", "[[-5]]")),
        "PD504",
    ),
    Case(
        "csl-year-zero",
        _sources("sources.json", _article("[[2020]]", "[[0]]")),
        "PD504",
    ),
    Case(
        "sources-yaml-volume-inf",
        _sources(
            "sources.yaml",
            "- id: site\n  type: article\n  author: A\n  title: T\n  journal: J\n"
            "  volume: .inf\n  page: .nan\n  year: 2020\n",
        ),
        "PD504",
    ),
    # duplicate keys: YAML keeps the last silently
    Case(
        "duplicate-key-deep-in-submission",
        _with(_yaml().replace('"name": "Jane Advocate"', '"name": "Jane Advocate", "name": "X"')),
        "PD107",
    ),
    Case(
        "duplicate-key-deep-in-sources-yaml",
        _sources(
            "sources.yaml",
            "- id: other\n  type: web\n  title: B\n  url: https://example.org/b\n"
            "  accessed: 2025-01-01\n" + _WEB + "  title: Another page\n",
            body="As shown.[@site][@other]\n",
        ),
        "PD500",  # said at the second key, with the line of the first
    ),
    Case(
        "duplicate-key-in-csl-json",
        _sources("sources.json", _csl().replace('"title": "A page"', '"title": "A", "title": "B"')),
        "PD500",
    ),
    Case(
        "duplicate-key-in-profile",
        _profile(_HEAD + "agency: Other Agency\n"),
        "PD601",
    ),
    # YAML features a reader must refuse or handle
    Case(
        "yaml-python-object-tag",
        _with(_yaml('closing: !!python/object/apply:os.system ["touch pwned"]\n')),
        "PD104",  # the tag is ignored (a safe loader), the list refused; nothing is run
    ),
    Case(
        "yaml-python-tag-in-sources",
        _sources(
            "sources.yaml",
            _WEB.replace("title: A page", 'title: !!python/object/apply:os.system ["touch pwned"]'),
        ),
        "PD504",
    ),
    Case(
        "yaml-python-tag-in-profile",
        _profile(_HEAD + 'description: !!python/object/apply:os.system ["touch pwned"]\n'),
        "PD601",
    ),
    Case("yaml-unhashable-key", _with(_yaml("? [a, b]\n: 1\n")), "PD102"),
    Case("yaml-integer-key", _with(_yaml("12: x\n")), "PD102"),
    Case("yaml-two-documents", _with(_yaml() + "---\ntitle: Second\n"), "PD101"),
    Case("yaml-empty-file", _with(""), "PD103"),
    Case("yaml-top-level-list", _with("- a\n- b\n"), "PD104"),
    Case(
        "yaml-latin-1",
        _with(_yaml().replace("Comment on", "Caf\u00e9 comment on").encode("latin-1")),
        "PD101",
    ),
    Case(
        "yaml-utf-16-with-bom",
        _with(_yaml().encode("utf-16")),
        "PD101",  # YAML 1.2 allows UTF-16 with a BOM; a clear "not UTF-8" refusal is fine too
    ),
    Case(
        "sources-yaml-latin-1",
        _sources("sources.yaml", _WEB.replace("A page", "Caf\u00e9").encode("latin-1")),
        "PD500",
    ),
    Case(
        "sources-top-level-mapping",
        _sources("sources.yaml", "site: {type: web}\n"),
        "PD500",
    ),
    Case("sources-top-level-scalar", _sources("sources.yaml", "42\n"), "PD500"),
    Case("csl-json-top-level-null", _sources("sources.json", "null"), "PD500"),
    Case("csl-json-entry-is-a-string", _sources("sources.json", '["site"]'), "PD504"),
    Case(
        "sources-id-is-a-list",
        _sources("sources.yaml", _WEB.replace("id: site", "id: [site]")),
        "PD504",
    ),
    Case(
        "csl-json-deep-object",
        _sources(
            "sources.json", '[{"id": "site", "x": ' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "}]"
        ),
        "PD516",
    ),
    Case(
        "csl-json-latin-1",
        _sources(
            "sources.json", _csl(title="Caf\u00e9").replace("\\u00e9", "\u00e9").encode("latin-1")
        ),
        "PD500",
    ),
    # heavy bibliographies
    Case(
        "sources-yaml-100000-entries",
        _sources(
            "sources.yaml",
            _WEB + _web_entries(100_000, "s{:d}"),
        ),
        "PD514",  # about 7 MB: over the 2 MB YAML limit
    ),
    Case(
        "sources-yaml-25000-entries-under-limit",
        _sources(
            "sources.yaml",
            _WEB + _web_entries(25_000, "s{:d}"),
        ),
        "PD503",
        heavy=True,
        exit=0,
        commands=CHECK,
    ),
    Case(
        "csl-json-100000-entries",
        _sources(
            "sources.json",
            json.dumps(
                [json.loads(_csl())[0]]
                + [
                    {
                        "id": f"s{i}",
                        "type": "webpage",
                        "title": "T",
                        "URL": "https://e.org",
                        "accessed": {"date-parts": [[2025, 1, 1]]},
                    }
                    for i in range(100_000)
                ]
            ),
        ),
        "PD503",
        heavy=True,
        exit=0,
        commands=CHECK,
    ),
    Case(
        "citation-typos-3000-against-3000-sources",
        _sources(
            "sources.yaml",
            _web_entries(3_000, "source{:05d}"),
            body=" ".join(f"Claim.[@sourse{i:05d}x]" for i in range(3_000)) + "\n",
        ),
        "PD501",
        commands=CHECK,
        # closest-key suggestions were quadratic (500: 6.6 s, 1,000: 26 s, this: killed at
        # 60 s); they now stop at a budget (citations/suggest.py): 57 keys suggested, 5 s in all
    ),
    Case(
        "sources-yaml-sparse-2gb",
        base(sources="sources.yaml"),
        "PD514",
        setup=_sparse("sources.yaml", 2 * GB),
    ),
    Case(
        "sources-json-sparse-64mb",
        base(sources="sources.json"),
        "PD514",
        setup=_sparse("sources.json", 64 * MB),
    ),
    Case(
        "sources-is-dev-zero",
        base(sources="sources.yaml"),
        "PD500",
        setup=_link("sources.yaml", "/dev/zero"),
    ),
    Case("sources-is-a-fifo", base(sources="sources.yaml"), "PD500", setup=_fifo("sources.yaml")),
    Case(
        "sources-is-a-folder", base(sources="sources.yaml"), "PD500", setup=_folder("sources.yaml")
    ),
    Case(
        "sources-is-etc-passwd",
        base(sources="/etc/passwd"),
        "PD500",
        secrets=(PASSWD,),
    ),
    # citations with odd pins and keys
    Case(
        "citation-pin-23-digits",
        _sources("sources.yaml", _WEB, body="As shown.[@site, 99999999999999999999999]\n"),
        None,
        exit=0,
    ),
    Case(
        "citation-pin-5000-digits",
        _sources("sources.yaml", _WEB, body="As shown.[@site, " + "9" * 5000 + "]\n"),
        None,
        exit=0,
    ),
    Case(
        "citation-pin-range-huge",
        _sources("sources.yaml", _WEB, body="As shown.[@site, 1-" + "9" * 30 + "]\n"),
        None,
        exit=0,
    ),
    Case(
        "citation-key-100000-chars",
        _sources("sources.yaml", _WEB, body="As shown.[@site] And [@" + "k" * 100_000 + "]\n"),
        "PD501",
    ),
    # a source's local copy (file:) read to check a quotation
    Case(
        "source-copy-is-etc-passwd",
        _copy("/etc/passwd", "“root:y:0:0:root”"),
        "PD522",  # a copy outside sources/ is no copy; its closest passage must not be shown
        secrets=(PASSWD, "/bin/bash"),
    ),
    # exit 1, not 0: a copy outside the submission folder is now an error (ISSUE 8), and
    # /dev/zero is outside; it is still refused unread
    Case("source-copy-is-dev-zero", _copy("/dev/zero", "“a quoted passage”"), "PD522"),
    Case(
        "source-copy-sparse-2gb",
        _copy("sources/big.txt", "“a quoted passage”"),
        "PD522",
        exit=0,
        setup=_sparse("sources/big.txt", 2 * GB),
    ),
    # policydraft.yaml itself
    Case(
        "submission-yaml-is-dev-zero",
        base(),
        "PD100",  # "no policydraft.yaml" for a link to a device: refused at once, fair
        setup=_link("policydraft.yaml", "/dev/zero"),
    ),
    Case("submission-yaml-is-a-fifo", base(), "PD100", setup=_fifo("policydraft.yaml")),
    Case("submission-yaml-sparse-2gb", base(), "PD108", setup=_sparse("policydraft.yaml", 2 * GB)),
    Case("submission-yaml-is-a-folder", base(), "PD100", setup=_folder("policydraft.yaml")),
]

ARGUMENTS: list[Case] = [
    Case("argument-file-dev-zero", _argument_file("/dev/zero"), "PD105"),
    Case(
        "argument-file-link-to-dev-zero",
        _argument_file(),
        "PD105",
        setup=_link("arguments/a.md", "/dev/zero"),
    ),
    Case("argument-file-is-a-fifo", _argument_file(), "PD105", setup=_fifo("arguments/a.md")),
    Case(
        "argument-file-is-a-folder",
        _argument_file("arguments"),
        "PD105",
        setup=_folder("arguments"),
    ),
    Case(
        "argument-file-outside-by-dotdot",
        _argument_file("../private.md"),
        "PD105",
        secrets=(SECRET,),
        setup=_secret_outside,
    ),
    Case(
        "argument-file-etc-passwd",
        _argument_file("/etc/passwd"),
        "PD105",
        secrets=(PASSWD,),
    ),
    Case(
        "argument-file-etc-passwd-by-dotdot",
        _argument_file("../" * 40 + "etc/passwd"),
        "PD105",
        secrets=(PASSWD,),
    ),
    Case(
        "argument-file-link-outside",
        _argument_file(),
        "PD105",
        secrets=(SECRET,),
        setup=_link_to_secret_outside("arguments/a.md"),
    ),
    Case(
        "argument-file-sparse-2gb",
        _argument_file(),
        "PD108",
        setup=_sparse("arguments/a.md", 2 * GB),
    ),
    Case("argument-file-latin-1", _markdown("Caf\u00e9 au lait.\n".encode("latin-1")), "PD105"),
    # heavy and odd Markdown
    Case("markdown-100000-list-items", _markdown("- item\n" * 100_000), None, exit=0, heavy=True),
    Case("markdown-100000-paragraphs", _markdown("Para.\n\n" * 100_000), None, exit=0, heavy=True),
    Case("markdown-50000-backticks", _markdown("`" * 50_000 + "\n"), None, exit=0, commands=CHECK),
    Case(
        "markdown-alternating-backticks",
        _markdown("`a``" * 20_000 + "\n"),
        None,
        exit=0,
        commands=CHECK,
    ),
    Case("markdown-30000-lt", _markdown("<a " * 30_000 + "\n"), None, exit=0, commands=CHECK),
    # raw HTML is plain text (html off), printed as written without PD203, as
    # docs/submission-format.md says (docs/diagnostics.md still lists raw HTML under PD203)
    Case(
        "markdown-30000-html-tags", _markdown("<a> " * 30_000 + "\n"), None, exit=0, commands=CHECK
    ),
    Case("markdown-link-openers", _markdown("[a](" * 20_000 + "\n"), None, exit=0, commands=CHECK),
    Case("markdown-image-openers", _markdown("![" * 20_000 + "\n"), None, exit=0, commands=CHECK),
    Case("markdown-underscores", _markdown("_a " * 20_000 + "\n"), None, exit=0, commands=CHECK),
    Case(
        "markdown-100000-footnotes-unreferenced",
        _markdown("Text.\n\n" + "".join(f"[^n{i}]: x\n" for i in range(100_000))),
        "PD202",
        heavy=True,
        exit=0,
        commands=CHECK,
    ),
    Case(
        "markdown-glyph-outside-fonts",
        _markdown("A face \U0001f600 here.\n"),
        "PD902",
        at="arguments/a.md:1:8",
    ),
    # bidirectional controls are refused like control characters (PD112 in policydraft.yaml,
    # PD207 in a Markdown file); the signatory reader removes them with PD410
    Case("bidi-override-in-body", _body("Signed by \u202eevil\u202c here.\n"), "PD112", exit=1),
    Case(
        "bidi-override-in-commenter",
        base(commenter={"name": "Jane \u202eetacovdA", "organization": "Example Coalition"}),
        "PD112",
        exit=1,
    ),
    Case(
        "prose-hand-citations-50000",
        _body("See 123 U.S. 456 v. " * 20_000 + "\n"),
        None,
        exit=0,
        commands=CHECK,
    ),
]

SIGNATORIES_ALL = (("check",), ("render",), ("signatories", "stats"))

SIGNATORIES: list[Case] = [
    Case(
        "list-is-link-to-etc-passwd",
        base(),
        "PD105",
        commands=SIGNATORIES_ALL,
        secrets=(PASSWD, "/bin/bash", "/usr/sbin/nologin"),
        setup=_link("signatories.csv", "/etc/passwd"),
    ),
    Case(
        "list-file-is-etc-passwd",
        base(signatories={"file": "/etc/passwd"}),
        "PD105",
        commands=SIGNATORIES_ALL,
        secrets=(PASSWD, "/bin/bash", "/usr/sbin/nologin"),
    ),
    Case(
        "list-is-a-fifo", base(), "PD105", commands=SIGNATORIES_ALL, setup=_fifo("signatories.csv")
    ),
    Case(
        "list-is-a-folder",
        base(),
        "PD105",
        commands=SIGNATORIES_ALL,
        setup=_folder("signatories.csv"),
    ),
    Case(
        "list-sparse-300mb",
        base(),
        "PD416",
        commands=SIGNATORIES_ALL,
        setup=_sparse("signatories.csv", 300 * MB),
    ),
    Case(
        "csv-utf-16-without-bom",
        _csv(BASE_SIGNATORIES.encode("utf-16-le")),
        "PD404",
        exit=0,
        commands=SIGNATORIES_ALL,
    ),
    Case(
        "csv-utf-16-with-bom",
        _csv(BASE_SIGNATORIES.encode("utf-16")),
        "PD404",
        exit=0,
        commands=SIGNATORIES_ALL,
    ),
    Case(
        "csv-bidi-override-in-name",
        _csv(BASE_SIGNATORIES.replace("Ada Lovelace", "Ada \u202eecalevoL")),
        "PD410",
        exit=0,
    ),
    Case(
        "csv-duplicate-name-column",
        _csv(
            BASE_SIGNATORIES.replace(
                "name,title,organization,email", "name,name,organization,email"
            )
        ),
        "PD420",  # two columns claim the same field: the second would be dropped
        exit=1,
        commands=SIGNATORIES_ALL,
    ),
    Case(
        "csv-signed-year-99999",
        {
            **base(signatories={"file": "signatories.csv", "sort": "signed"}),
            "signatories.csv": (
                "name,signed\nAda Lovelace,99999-01-01 09:05\nGrace Hopper,2025-02-30\n"
            ),
        },
        "PD412",
        exit=0,
    ),
    Case(
        "csv-100000-rows",
        _csv(
            BASE_SIGNATORIES + "".join(f"Signer {i},Actor,Org {i % 50},\n" for i in range(100_000))
        ),
        None,
        heavy=True,
        exit=0,
        commands=SIGNATORIES_ALL,
    ),
    Case(
        "csv-cr-only-line-ends",
        _csv(BASE_SIGNATORIES.replace("\n", "\r")),
        None,
        exit=0,
        commands=SIGNATORIES_ALL,
    ),
    Case(
        "xlsx-is-a-csv",
        {**base(signatories={"file": "signatories.xlsx"}), "signatories.xlsx": BASE_SIGNATORIES},
        "PD403",
    ),
]

PROFILES: list[Case] = [
    Case("profile-is-a-folder", base(profile="./profdir"), "PD600", setup=_folder("profdir")),
    Case("profile-is-dev-zero", base(profile="/dev/zero"), "PD600"),  # "not found": fair
    Case("profile-is-a-fifo", base(profile="./mine.yaml"), "PD600", setup=_fifo("mine.yaml")),
    Case("profile-is-etc-passwd", base(profile="/etc/passwd"), "PD601", secrets=(PASSWD,)),
    Case(
        "profile-extends-etc-passwd",
        _profile(_HEAD + "extends: /etc/passwd\n"),
        "PD601",
        secrets=(PASSWD,),
    ),
    Case(
        "profile-extends-a-folder",
        _profile(_HEAD + "extends: ./profdir\n"),
        "PD600",
        setup=_folder("profdir"),
    ),
    Case("profile-extends-dev-zero", _profile(_HEAD + "extends: /dev/zero\n"), "PD600"),
    Case(
        "profile-sparse-2gb",
        base(profile="./mine.yaml"),
        "PD603",
        setup=_sparse("mine.yaml", 2 * GB),
    ),
    Case(
        "profile-statement-1mb",
        _profile(
            _HEAD
            + 'rules:\n  - rule: statement\n    source: Example Rule\n    text: "'
            + ("This is a required statement. " * 35_000)
            + '"\n'
        ),
        None,
        heavy=True,
        exit=0,
        seconds=120,
    ),
    # The built-in profile's statement printed across a page break: the PDF text between its
    # halves holds "1 A first note. Page 1 of 3", which the check reads past.
    # Depends on layout: 27-29 sentences of body put the statement at the page break today.
    Case(
        "statement-across-a-page-break",
        base(
            profile="ostp-ai-action-plan",
            docket=None,
            arguments=[
                {
                    "heading": "A",
                    "body": "The agency should reconsider this rule because it harms "
                    "small-business owners. " * 28 + "\n",
                }
            ],
        ),
        None,
        exit=0,
    ),
    Case(
        "profile-font-size-nan",
        _profile(_HEAD + "rules:\n  - rule: font-size\n    minimum: .nan\n    source: R\n"),
        "PD601",
    ),
    Case(
        "profile-font-size-inf",
        _profile(_HEAD + "rules:\n  - rule: font-size\n    minimum: .inf\n    source: R\n"),
        "PD601",
    ),
    Case(
        "profile-pages-max-negative",
        _profile(_HEAD + "rules:\n  - rule: pages\n    max: -1\n    source: R\n"),
        "PD601",
    ),
    Case(
        "profile-file-name-slashes",
        _profile(_HEAD + "file_name: '../../../{stem}'\n"),
        None,
        exit=0,  # package writes pkg/submission.pdf: the name is made safe, as documented
        commands=(("check",), ("package", "{folder}", "--out", "{folder}/../package")),
    ),
    Case(
        "profile-latin-1",
        _profile((_HEAD + "description: Caf\u00e9\n").encode("latin-1")),
        "PD601",
    ),
]

OUTPUTS: list[Case] = [
    Case("dir-is-a-fifo", base(), "PD904", setup=_fifo("build")),
    Case("dir-is-a-link-loop", base(), "PD904", setup=_build_loops),
    Case("dir-is-dev-null-link", base(), "PD904", setup=_link("build", "/dev/null")),
    Case("docx-is-a-folder", base(), "PD901", commands=(("render",),), setup=_docx_is_a_folder),
    # Refused, fairly (240 bytes + suffixes pass NAME_MAX), but the message contradicts itself:
    # "is 120 characters long; at most 120 fit a file name"; docs say 120 characters are allowed
    Case("name-120-two-byte-chars", base(output={"name": "\u00e9" * 120}), "PD903"),
    Case("name-120-emoji", base(output={"name": "\U0001f600" * 120}), "PD903"),
    Case(
        "to-unknown-format",
        base(),
        None,
        exit=2,
        commands=(("render", "{folder}", "--to", "odt"),),
    ),
    Case("to-empty", base(), None, exit=2, commands=(("render", "{folder}", "--to", ""),)),
    Case(
        "to-repeated-format",
        base(),
        None,
        exit=0,
        commands=(("render", "{folder}", "--to", "pdf,pdf,PDF"),),
    ),
    Case(
        "to-trailing-comma",
        base(),
        None,
        exit=0,
        commands=(("render", "{folder}", "--to", "docx,"),),
    ),
    Case(
        "out-is-a-file",
        base(),
        "PD901",
        commands=(("render", "{folder}", "--out", "{folder}/signatories.csv"),),
    ),
    Case(
        "out-is-a-fifo",
        base(),
        "PD901",
        commands=(("render", "{folder}", "--out", "{folder}/pipe"),),
        setup=_fifo("pipe"),
    ),
    Case(
        "init-into-a-fifo",
        base(),
        "PD121",
        commands=(("init", "{folder}/pipe"),),
        setup=_fifo("pipe"),
    ),
    Case(
        "init-over-arguments-only",
        {"arguments/costs.md": "our own argument\n"},
        "PD120",
        commands=(("init",),),
    ),
]

TEMPLATES_LETTER = "templates/comment-letter/letter.md.j2"


def _letter(template: str) -> dict[str, str | bytes]:
    return {**base(), TEMPLATES_LETTER: "::: statement\nIntro\n:::\n\n" + template + "\n"}


TEMPLATES: list[Case] = [
    Case("namespace-globals", _letter("{{ namespace.__init__.__globals__ }}"), "PD305"),
    Case("joiner-globals", _letter("{{ joiner.__init__.__globals__ }}"), "PD305"),
    Case("subscript-dunder", _letter("{{ title['__class__'] }}"), "PD305"),
    Case(
        "attr-escaped-dunder", _letter("{{ title | attr('\\x5f\\x5fclass\\x5f\\x5f') }}"), "PD305"
    ),
    Case("percent-format", _letter("{{ '%s %s' % (title, commenter) }}"), None, exit=0),
    Case("date-strftime", _letter("{{ date.strftime('%s' * 100000) }}"), "PD308"),
    Case("signature-pop", _letter("{{ signature.pop() }}"), "PD303"),
    Case("dict-update", _letter("{{ commenter.update({'name': 'X'}) }}"), "PD303"),
    Case("str-mul-negative-huge", _letter("{{ 'x' * -(10**30) }}"), "PD311"),
    Case("float-overflow", _letter("{{ 10.0 ** 400 }}"), "PD311"),
    Case("int-of-long-string", _letter("{{ ('9' * 5000) | int }}"), None, exit=0),  # Jinja: 0
]

REVIEW: list[Case] = [  # found by reviewing the fixes above
    Case(  # each note is an inline source: one bracket index per source, not one in all
        "markdown-8000-inline-notes-with-brackets",
        _markdown("[a] ^[[b]] " * 8000 + "\n"),
        None,
        exit=0,
        commands=CHECK,
    ),
    Case(
        "csl-json-infinite-year",
        _sources(
            "sources.json", _csl(issued={"date-parts": [["YEAR"]]}).replace('"YEAR"', "1e999")
        ),
        "PD517",
    ),
    Case(
        "csl-json-infinity-constant",
        _sources(
            "sources.json", _csl(issued={"date-parts": [["YEAR"]]}).replace('"YEAR"', "Infinity")
        ),
        "PD517",
    ),
    Case(
        "csl-json-101-digit-volume",
        _sources("sources.json", _csl(volume="V").replace('"V"', "9" * 101)),
        "PD517",
    ),
    Case(
        "csl-json-raw-bidi-located",
        _sources("sources.json", _csl(title="A \u202epage").replace("\\u202e", "\u202e")),
        "PD518",
        at="sources.json:1:",
    ),
    Case(
        "csv-no-header-organization-with-header-words",
        _csv(
            "Jane Advocate,Policy Director,National Organization for Women,jane@example.org\n"
            "Bo Li,Counsel,Title Insurance Guild,bo@example.org\n"
        ),
        "PD402",
        commands=(("check",), ("signatories", "stats")),
        secrets=("National Organization", "Title Insurance", "Jane Advocate"),
    ),
]

CASES: list[Case] = [
    *READERS,
    *ARGUMENTS,
    *SIGNATORIES,
    *PROFILES,
    *OUTPUTS,
    *TEMPLATES,
    *REVIEW,
]
