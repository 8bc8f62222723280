"""Hostile templates: sandbox escapes, unbounded work, and template faults.

A submission's ``templates/comment-letter/letter.md.j2`` overrides the built-in letter (and
``templates/citations/bluebook/case.j2`` the case citation), so each row is one template
shared by another organization. Escapes known for Jinja2 and for the objects templates used
to be given (pydantic models: ``parse_raw`` unpickles, ``parse_file`` reads any file) must be
refused with nothing run, read or written; heavy templates must be stopped by a limit; and
every fault must be a located PD3xx from ``check`` as from ``render``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.hostile.harness import Case, base

LETTER = "templates/comment-letter/letter.md.j2"
CASE_CITATION = "templates/citations/bluebook/case.j2"
SECRET = "SECRET-Zq7-template-canary"
EMAIL = "jane.private@example.org"
PICKLE = "cos\\nsystem\\n(S'touch pwned'\\ntR."
"""Protocol-0 pickle (ASCII, escaped for a Jinja string) that runs ``touch pwned``."""

SOURCES = """\
- id: campbell
  type: case
  name: Campbell v. Acuff-Rose Music, Inc.
  volume: 510
  reporter: U.S.
  page: 569
  year: 1994
"""


def letter(template: str, **files: str | bytes) -> dict[str, str | bytes]:
    """The base submission with its letter template replaced (and more template files)."""
    extra = {f"templates/comment-letter/{name.replace('__', '.')}": v for name, v in files.items()}
    return {**base(), LETTER: "::: statement\nIntro\n:::\n\n" + template + "\n", **extra}


def citing(case_template: str) -> dict[str, str | bytes]:
    """A submission that cites one case, with the case citation template replaced."""
    files = base(sources="sources.yaml", introduction="We cite a case.[@campbell]\n")
    return {**files, "sources.yaml": SOURCES, CASE_CITATION: case_template + "\n"}


def _with_email() -> str:
    """policydraft.yaml with the commenter's private e-mail address."""
    text = base(commenter={"name": "Jane Advocate", "email": EMAIL})["policydraft.yaml"]
    assert isinstance(text, str)
    return text


def _secret_json(folder: Path) -> None:
    private = folder / "private"
    private.mkdir()
    (private / "secret.json").write_text(f'{{"name": "{SECRET}"}}', encoding="utf-8")


def _link_to_secret(folder: Path) -> None:
    (folder / "private").mkdir()
    (folder / "private" / "notes.txt").write_text(SECRET, encoding="utf-8")
    (folder / "templates" / "comment-letter" / "notes.j2").symlink_to(
        folder / "private" / "notes.txt"
    )


def _huge_template_file(folder: Path) -> None:
    with (folder / "templates" / "comment-letter" / "big.j2").open("wb") as stream:
        stream.truncate(17 * 1024 * 1024)  # sparse: 17 MB on paper, no disk used


DOUBLING = (
    "{% set s0 = 'x' * 1000000 %}"
    + "".join(f"{{% set s{i + 1} = s{i} ~ s{i} %}}" for i in range(30))
    + "{{ s30 | length }}"
)


def _printed(text: str) -> Callable[[Path], None]:
    """After a render: ``text`` is in the PDF."""

    def check(folder: Path) -> None:
        from pypdf import PdfReader

        for pdf in (folder / "build").glob("*.pdf"):
            assert text in "".join(page.extract_text() for page in PdfReader(pdf).pages)

    return check


ESCAPES: list[Case] = [
    Case("mro-subclasses", letter("{{ ''.__class__.__mro__[1].__subclasses__() }}"), "PD305"),
    Case("cycler-globals", letter("{{ cycler.__init__.__globals__.os.system('id') }}"), "PD305"),
    Case("lipsum-globals", letter("{{ lipsum.__globals__['os'].popen('id').read() }}"), "PD305"),
    Case("self-context", letter("{{ self._TemplateReference__context }}"), "PD305"),
    Case(
        "parse-raw-pickle",
        letter(
            f"{{{{ commenter.parse_raw(\"{PICKLE}\", content_type='application/pickle', "
            "allow_pickle=True) }}"
        ),
        "PD303",
    ),
    Case(
        "parse-file-reads-a-file",
        letter("{{ commenter.parse_file('submission/private/secret.json').name }}"),
        "PD303",
        secrets=(SECRET,),
        setup=_secret_json,
    ),
    Case("model-copy", letter("{{ commenter.model_copy(update={'name': 'X'}) }}"), "PD303"),
    Case("signature-clear", letter("{{ signature.clear() }}{{ signature | length }}"), "PD303"),
    Case("arguments-append", letter("{{ arguments.append(arguments[0]) }}"), "PD303"),
    Case("str-format", letter("{{ '{0.__class__}'.format(title) }}"), "PD305"),
    Case("attr-filter", letter("{{ title | attr('__class__') }}"), "PD305"),
    Case("map-attribute", letter("{{ arguments | map(attribute='__class__') | list }}"), "PD305"),
    Case("citation-parse-file", citing("{{ source.parse_file('/etc/passwd') }}"), "PD303"),
]

LIMITS: list[Case] = [
    Case("range-1e9", letter("{% for i in range(10**9) %}x{% endfor %}"), "PD308"),
    Case("text-times-1e9", letter("{{ 'x' * 10**9 }}"), "PD308"),
    Case("power-1e10", letter("{{ 10 ** (10 ** 10) }}"), "PD308"),
    Case("concat-doubling", letter(DOUBLING), "PD308"),
    Case(
        "keeps-many-long-texts",
        letter(
            "{% set s = 'x' * 1000000 %}{% set ns = namespace(kept=[]) %}"
            "{% for i in range(2000) %}{% set ns.kept = ns.kept + [s ~ i] %}{% endfor %}"
        ),
        "PD308",
        memory_mb=1024,  # without the meter of all values built, this keeps 2 GB alive
    ),
    Case("join-bomb", letter("{{ ([('x' * 1000000)] * 100000) | join }}"), "PD308"),
    Case("macro-recursion", letter("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"), "PD309"),
    Case("include-itself", letter("{% include 'letter.md.j2' %}"), "PD309"),
    Case(
        "output-100mb",
        letter("{% for i in range(100000) %}{{ 'x' * 1000 }}\n{% endfor %}"),
        "PD307",
    ),
    Case(
        "nested-loops-no-output",
        letter("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"),
        "PD306",
        env=(("POLICYDRAFT_TEMPLATE_SECONDS", "2"),),  # the limit lowered, as a user may
    ),
    Case(  # Jinja folds literal expressions while compiling, where no limit used to apply
        "constant-folded-at-compile-time",
        letter("{{ ('x'|center(8000000))|urlencode|urlencode|urlencode|urlencode|length }}"),
        "PD308",
    ),
    Case(  # valid input keeps Jinja's meaning: a mapping becomes a query string
        "urlencode-of-a-mapping",
        letter("{{ {'a': 1, 'b': 'x y'}|urlencode }}"),
        None,
        exit=0,
        after=_printed("a=1&b=x+y"),
    ),
    Case(  # map() gives a generator: list must count it as it is consumed
        "map-upper-of-many-long-texts",
        letter("{% set b='x'*8000000 %}{% set l=([b]*200)|map('upper')|list %}{{ l|length }}"),
        "PD308",
    ),
]

FAULTS: list[Case] = [
    Case("include-missing", letter("{% include 'nonesuch.j2' %}"), "PD310"),
    Case("extends-missing", {**letter(""), LETTER: "{% extends 'base.j2' %}\n"}, "PD310"),
    Case("division-by-zero", letter("{{ 1 / 0 }}"), "PD311"),
    Case(
        "key-is-an-email",
        {
            **letter("{{ {}[commenter.email] }}{{ title[commenter.email] }}"),
            "policydraft.yaml": _with_email(),
        },
        "PD303",
        secrets=(EMAIL,),
    ),
    Case(
        "latin-1-letter",
        {**base(), LETTER: "::: statement\nCaf\xe9\n:::\n".encode("latin-1")},
        "PD312",
    ),
    Case(
        "latin-1-include",
        letter("{% include 'part.j2' %}", part__j2="Caf\xe9\n".encode("latin-1")),
        "PD312",
    ),
    Case(
        "unknown-filter-in-if",
        letter("{% if docket %}{{ title | nosuchfilter }}{% endif %}"),
        "PD302",
    ),
    Case("unknown-test", letter("{% if title is nosuchtest %}x{% endif %}"), "PD302"),
    Case(
        "syntax-error-in-include", letter("{% include 'part.j2' %}", part__j2="{% if %}\n"), "PD302"
    ),
    Case("huge-file-in-folder", letter("plain"), "PD313", setup=_huge_template_file),
    Case(
        "link-outside-folder",
        letter("{% include 'notes.j2' %}"),
        "PD314",
        secrets=(SECRET,),
        setup=_link_to_secret,
    ),
    Case("citation-recursion", citing("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"), "PD309"),
]

CASES: list[Case] = [*ESCAPES, *LIMITS, *FAULTS]
