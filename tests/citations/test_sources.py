"""load_bibliography: sources.yaml and CSL-JSON load with their lines; mistakes are PD50x."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.source import SOURCE_TYPES, Case, FederalRegister, Statute, Web
from policydraft.citations.sources_file import load_bibliography
from policydraft.citations.validate_sources import validate_sources
from policydraft.codes import CODES
from policydraft.diagnostics import Diagnostics, Location

WHERE = Location("policydraft.yaml", 30, 10)

GOOD_YAML = """\
- id: campbell
  type: case
  name: Campbell v. Acuff-Rose Music, Inc.
  volume: 510
  reporter: U.S.
  page: 569
  year: 1994
  short: Campbell
- id: fair-use
  type: statute
  title: 17
  code: U.S.C.
  section: 107
- id: rfi
  type: federal-register
  title: Request for Information on the Development of an AI Action Plan
  volume: 90
  page: 9088
  date: 2025-02-06
  doc_number: 2025-02305
  docket: NSF_FRDOC_0001
- id: mpa
  type: web
  title: The American Motion Picture and Television Industry
  url: https://www.motionpictures.org/research/
  accessed: 2025-03-01
"""


def load(tmp_path: Path, text: str, name: str = "sources.yaml") -> tuple[Bibliography, Diagnostics]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    return load_bibliography(path, diags, WHERE), diags


def test_yaml_sources_load_in_order_with_their_lines(tmp_path: Path) -> None:
    bibliography, diags = load(tmp_path, GOOD_YAML)
    assert not diags.items
    assert list(bibliography) == ["campbell", "fair-use", "rfi", "mpa"]
    case = bibliography["campbell"]
    assert isinstance(case.source, Case) and case.source.short == "Campbell"
    assert case.where.line == 1 and case.at("reporter").line == 5
    statute = bibliography["fair-use"].source
    assert isinstance(statute, Statute) and (statute.title, statute.section) == ("17", "107")
    notice = bibliography["rfi"].source
    assert isinstance(notice, FederalRegister) and notice.date == dt.date(2025, 2, 6)
    assert bibliography["mpa"].at("accessed").line == 26
    assert bibliography.file.endswith("sources.yaml") and not bibliography.invalid


# (sources.yaml text, code, line, message fragment)
YAML_MISTAKES = [
    pytest.param(
        "- id: a\n  type: web\n  title: T\n  url: https://a.org\n  accessed: 2025-01-01\n"
        "- id: a\n  type: web\n  title: U\n  url: https://b.org\n  accessed: 2025-01-01\n",
        "PD502",
        6,
        "duplicate source id 'a' (first used by the entry at line 1)",
        id="dup-id",
    ),
    pytest.param(
        "- id: a\n  type: case\n  name: N\n  volume: 1\n  reporter: U.S.\n  page: 1\n",
        "PD504",
        1,
        "missing required field 'year' in source 'a'",
        id="missing-field",
    ),
    pytest.param(
        "- id: a\n  type: web\n  title: T\n  url: https://a.org\n",
        "PD504",
        1,
        "source 'a': a web page needs its date (date:) or the day it was visited (accessed:)",
        id="web-needs-date-or-accessed",
    ),
    pytest.param(
        "- id: a\n  type: case\n  name: N\n  volum: 1\n  reporter: U.S.\n  page: 1\n  year: 1\n",
        "PD504",
        4,
        "unknown field 'volum' in source 'a'; did you mean 'volume'?",
        id="unknown",
    ),
    pytest.param(
        "- id: a\n  type: cse\n",
        "PD504",
        2,
        "unknown type 'cse' in source 'a'; did you mean 'case'? (valid types: case,",
        id="unknown-type",
    ),
    pytest.param("- id: a\n  title: T\n", "PD504", 1, "source 'a' has no type", id="no-type"),
    pytest.param(
        "- type: book\n  author: A\n  title: T\n  year: 2000\n",
        "PD504",
        1,
        "missing required field 'id' in source #1",
        id="no-id",
    ),
    *[
        pytest.param(
            f"- id: a\n  type: {kind}\n  year: {year}\n  {rest}\n",
            "PD504",
            3,
            f"'year' in source 'a': must be {bound}",
            id=f"{kind}-year-{year}",
        )
        for kind, rest in [
            ("book", "author: A\n  title: T"),
            ("statute", "title: '17'\n  code: U.S.C.\n  section: '107'"),
        ]
        for year, bound in [(-5, "greater than 0"), (0, "greater than 0")]
    ],
    pytest.param(
        "- id: a\n  type: book\n  author: A\n  title: T\n  year: soon\n",
        "PD504",
        5,
        "'year' in source 'a' must be a whole number, not 'soon'",
        id="bad-int",
    ),
    pytest.param(
        "- id: a\n  type: report\n  author: A\n  title: T\n  date: 2025-02-30\n",
        "PD504",
        5,
        "'date' in source 'a' is not a real calendar date",
        id="bad-date",
    ),
    pytest.param(
        "- id: my key\n  type: book\n  author: A\n  title: T\n  year: 2000\n",
        "PD504",
        1,
        "cannot be cited as [@my key]",
        id="uncitable-id",
    ),
    pytest.param("- just text\n", "PD504", 1, "source #1 must be a mapping", id="not-mapping"),
    pytest.param("campbell:\n  type: case\n", "PD500", 1, "must be a list of entries", id="map"),
    pytest.param("- id: a\n  type: [\n", "PD500", 3, "invalid YAML", id="syntax"),
    pytest.param(
        "- id: a\n  type: book\n  type: web\n", "PD500", 3, "duplicate key 'type'", id="dup-key"
    ),
]


@pytest.mark.parametrize(("text", "code", "line", "fragment"), YAML_MISTAKES)
def test_yaml_mistakes_are_diagnosed_at_their_line(
    tmp_path: Path, text: str, code: str, line: int, fragment: str
) -> None:
    _, diags = load(tmp_path, text)
    found = [(d.code, d.line) for d in diags if fragment in d.message]
    assert (code, line) in found, [d.format() for d in diags]


def test_a_broken_entry_is_left_out_but_its_id_remembered(tmp_path: Path) -> None:
    bibliography, diags = load(tmp_path, "- id: a\n  type: book\n  title: T\n")
    assert "a" not in bibliography and bibliography.invalid == frozenset({"a"})
    assert diags.has_errors


@pytest.mark.parametrize(
    ("name", "fragment"),
    [("missing.yaml", "does not exist"), ("sources.bib", "must be sources.yaml or CSL-JSON")],
)
def test_file_problems_point_at_the_sources_key(tmp_path: Path, name: str, fragment: str) -> None:
    if name.endswith(".bib"):
        (tmp_path / name).write_text("@book{x}", encoding="utf-8")
    diags = Diagnostics()
    bibliography = load_bibliography(tmp_path / name, diags, WHERE)
    assert len(bibliography) == 0
    [diagnostic] = diags.items
    assert (diagnostic.code, diagnostic.file, diagnostic.line) == ("PD500", "policydraft.yaml", 30)
    assert fragment in diagnostic.message


def test_an_empty_yaml_file_is_an_empty_bibliography(tmp_path: Path) -> None:
    bibliography, diags = load(tmp_path, "# nothing yet\n")
    assert len(bibliography) == 0 and not diags.items


# --- CSL-JSON ---------------------------------------------------------------------------

ZOTERO_CASE = {
    "id": "http://zotero.org/users/local/abc/items/X1",
    "citation-key": "campbell",
    "type": "legal_case",
    "title": "Campbell v. Acuff-Rose Music, Inc.",
    "container-title": "U.S.",
    "volume": "510",
    "page": "569-600",
    "authority": "Supreme Court",
    "issued": {"date-parts": [["1994", 3, 7]]},
    "URL": "https://supreme.justia.com/cases/federal/us/510/569/",
    "abstract": "ignored: CSL fields policydraft has no use for are skipped",
}


def csl(tmp_path: Path, *items: Any) -> tuple[Bibliography, Diagnostics]:
    return load(tmp_path, json.dumps(list(items), indent="\t"), "sources.json")


def test_zotero_case_maps_onto_case(tmp_path: Path) -> None:
    bibliography, diags = csl(tmp_path, ZOTERO_CASE)
    assert not diags.items
    located = bibliography["campbell"]
    assert located.source == Case(
        id="campbell",
        type="case",
        name="Campbell v. Acuff-Rose Music, Inc.",
        volume=510,
        reporter="U.S.",
        page=569,
        year=1994,
        court="Supreme Court",
        url="https://supreme.justia.com/cases/federal/us/510/569/",
    )
    assert located.where.line == 2 and located.at("reporter").line == 7  # container-title


# (CSL item, expected type and selected fields)
CSL_MAPPINGS = [
    pytest.param(
        {
            "id": "s",
            "type": "legislation",
            "title": "Copyright Act",
            "container-title": "U.S.C.",
            "volume": "17",
            "section": "§ 107",
        },
        {
            "type": "statute",
            "title": "17",
            "code": "U.S.C.",
            "section": "107",
            "name": "Copyright Act",
        },
        id="zotero-statute",
    ),
    pytest.param(
        {"id": "s", "type": "legislation", "container-title": "17 U.S.C. § 512"},
        {"type": "statute", "title": "17", "code": "U.S.C.", "section": "512"},
        id="statute-whole-cite",
    ),
    pytest.param(
        {
            "id": "r",
            "type": "legislation",
            "container-title": "Code of Federal Regulations",
            "volume": "37",
            "section": "202.1",
        },
        {"type": "regulation", "title": "37", "code": "C.F.R.", "section": "202.1"},
        id="cfr-becomes-regulation",
    ),
    pytest.param(
        {
            "id": "f",
            "type": "legislation",
            "title": "RFI",
            "container-title": "Fed. Reg.",
            "volume": "90",
            "page": "9088",
            "number": "2025-02305",
            "issued": {"date-parts": [[2025, 2, 6]]},
        },
        {
            "type": "federal-register",
            "volume": 90,
            "doc_number": "2025-02305",
            "date": dt.date(2025, 2, 6),
        },
        id="fed-reg",
    ),
    pytest.param(
        {
            "id": "r",
            "type": "report",
            "author": [{"literal": "Motion Picture Association"}],
            "title": "T",
            "issued": {"raw": "2024-05-01"},
            "publisher": "MPA",
        },
        {"type": "report", "author": "Motion Picture Association", "date": dt.date(2024, 5, 1)},
        id="report",
    ),
    pytest.param(
        {
            "id": "a",
            "type": "article-journal",
            "title": "Toward a Fair Use Standard",
            "author": [{"family": "Leval", "given": "Pierre N."}, {"family": "Roe", "given": "R."}],
            "container-title": "Harv. L. Rev.",
            "volume": 103,
            "page": "1105-1136",
            "issued": {"date-parts": [[1990]]},
        },
        {
            "type": "article",
            "author": "Pierre N. Leval & R. Roe",
            "journal": "Harv. L. Rev.",
            "page": 1105,
            "year": 1990,
        },
        id="article",
    ),
    pytest.param(
        {
            "id": "n",
            "type": "article-newspaper",
            "title": "T",
            "author": [{"family": "X"}],
            "container-title": "N.Y. Times",
            "issued": {"date-parts": [[2025, 3, 1]]},
        },
        {"type": "news", "publication": "N.Y. Times", "date": dt.date(2025, 3, 1)},
        id="news",
    ),
    pytest.param(
        {
            "id": "w",
            "type": "post-weblog",
            "title": "T",
            "URL": "https://a.org/p",
            "container-title": "Blog",
            "accessed": {"date-parts": [[2025, 3, 1]]},
        },
        {"type": "web", "publisher": "Blog", "accessed": dt.date(2025, 3, 1)},
        id="blog",
    ),
    pytest.param(
        {
            "id": "b",
            "type": "book",
            "editor": [{"family": "Nimmer", "given": "Melville"}],
            "title": "Nimmer on Copyright",
            "issued": {"date-parts": [[2024]]},
            "edition": "2",
        },
        {"type": "book", "author": "Melville Nimmer", "year": 2024, "edition": "2d"},
        id="book-by-editor",
    ),
]


@pytest.mark.parametrize(("item", "expected"), CSL_MAPPINGS)
def test_csl_types_map_onto_source_types(
    tmp_path: Path, item: dict[str, Any], expected: dict[str, Any]
) -> None:
    bibliography, diags = csl(tmp_path, item)
    assert not diags.items, [d.format() for d in diags]
    source = bibliography[item["id"]].source
    assert {name: getattr(source, name) for name in expected} == expected


# (CSL items, code, line, message fragment); items are dumped one key a line from line 2
ZOTERO_ARTICLE = {
    "id": "a",
    "type": "article-journal",
    "author": [{"family": "Doe", "given": "A"}],
    "title": "T",
    "container-title": "J",
    "volume": 1,
    "page": "5",
    "issued": {"date-parts": [[2020]]},
}
ZOTERO_REPORT = {
    "id": "r",
    "type": "report",
    "author": [{"family": "Doe"}],
    "title": "T",
    "issued": {"date-parts": [[2020, 1, 2]]},
}

CSL_MISTAKES = [
    pytest.param(
        [{"id": "t", "type": "thesis", "title": "T"}],
        "PD504",
        4,
        "CSL type 'thesis' has no policydraft source type; use one of legal_case,",
        id="type",
    ),
    pytest.param(
        [
            {
                "id": "r",
                "type": "report",
                "author": [{"literal": "A"}],
                "title": "T",
                "issued": {"date-parts": [[2024]]},
            }
        ],
        "PD504",
        11,
        "'issued' gives only 2024, but a report's date must be a full date",
        id="partial-date",
    ),
    pytest.param(
        [{"id": "l", "type": "legislation", "title": "Some Act"}],
        "PD504",
        2,
        "cannot tell the code's title, code, section",
        id="statute-guess",
    ),
    pytest.param(
        [
            {
                "id": "c",
                "type": "legal_case",
                "title": "A v. B",
                "volume": "1",
                "page": "1",
                "issued": {"date-parts": [[1990]]},
            }
        ],
        "PD504",
        2,
        "has no 'container-title', which a case source needs (its reporter)",
        id="case-without-reporter",
    ),
    pytest.param(
        [
            {
                "id": "c",
                "type": "legal_case",
                "title": "A v. B",
                "container-title": "U.S.",
                "volume": "12(3)",
                "page": "1",
                "issued": {"date-parts": [[1990]]},
            }
        ],
        "PD504",
        7,
        "'volume' in CSL item 'c' (legal_case) must be a whole number",
        id="bad-volume",
    ),
    *[
        pytest.param(
            [{**ZOTERO_ARTICLE, "issued": {"date-parts": parts}}],
            "PD504",
            15,
            f"'issued' gives the year {year}, but a year must be 1 or later",
            id=f"article-year-{year}",
        )
        for parts, year in [([[-5]], -5), ([[0]], 0), ([[-10_000]], -10_000)]
    ],
    *[
        pytest.param(
            [{**ZOTERO_REPORT, "issued": issued}],
            "PD504",
            11,
            f"'issued' gives the year {year}, but a year must be 1 or later",
            id=f"report-year-{year}",
        )
        for issued, year in [
            ({"date-parts": [[-5, 1, 2]]}, -5),
            ({"date-parts": [[0, 1, 2]]}, 0),
            ({"raw": "0000-01-02"}, 0),
        ]
    ],
    pytest.param(
        [{"type": "book", "title": "T"}],
        "PD504",
        2,
        "has no 'id' (or 'citation-key')",
        id="no-id",
    ),
    pytest.param([42], "PD504", 2, "must be an object", id="not-object"),
    pytest.param(
        [ZOTERO_CASE, ZOTERO_CASE], "PD502", 25, "duplicate source id 'campbell'", id="dup"
    ),
]


@pytest.mark.parametrize(("items", "code", "line", "fragment"), CSL_MISTAKES)
def test_csl_mistakes_are_diagnosed_at_their_line(
    tmp_path: Path, items: list[Any], code: str, line: int, fragment: str
) -> None:
    _, diags = csl(tmp_path, *items)
    found = [(d.code, d.line) for d in diags if fragment in d.message]
    assert (code, line) in found, [d.format() for d in diags]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('[\n  {"id": "a",}\n]', 2, "invalid JSON"),
        ('{"items": []}', 1, "must be a list of items"),
        ('[{"id": "a", "type": "book", "id": "b"}]', 1, "duplicate key 'id'"),
    ],
)
def test_unreadable_json_is_pd500(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    _, diags = load(tmp_path, text, "sources.json")
    assert [(d.code, d.line) for d in diags if fragment in d.message] == [("PD500", line)]


def test_a_partial_date_on_an_optional_field_is_a_warning(tmp_path: Path) -> None:
    item = {
        "id": "w",
        "type": "webpage",
        "title": "T",
        "URL": "https://a.org",
        "accessed": {"date-parts": [[2025, 3, 1]]},
        "issued": {"date-parts": [[2025, 2]]},
    }
    bibliography, diags = csl(tmp_path, item)
    web = bibliography["w"].source
    assert isinstance(web, Web) and web.date is None
    assert [(d.severity, d.code) for d in diags] == [("warning", "PD504")]
    assert "gives only 2025-02, so the web's date is left out" in diags.items[0].message


# --- never a traceback ------------------------------------------------------------------

VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2025-02-30", "2025-03-01", "U. S.", "F.4th", "https://a b", "19-1"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
FIELDS = st.sampled_from(
    [
        "id",
        "type",
        "name",
        "volume",
        "reporter",
        "page",
        "year",
        "date",
        "url",
        "accessed",
        "title",
        "code",
        "section",
        "docket",
        "doc_number",
        "author",
        "journal",
        "issued",
        "container-title",
        "citation-key",
        "URL",
        "edition",
        "bogus",
    ]
)
TYPES = st.sampled_from([*SOURCE_TYPES, "legal_case", "legislation", "webpage", "book", "x"])
ENTRIES = st.lists(
    st.builds(
        lambda kind, fields: {"type": kind, **fields},
        TYPES,
        st.dictionaries(FIELDS, VALUES, max_size=8),
    ),
    max_size=4,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=ENTRIES, name=st.sampled_from(["sources.yaml", "sources.json"]))
def test_any_field_values_give_diagnostics_never_exceptions(
    tmp_path: Path, entries: list[dict[str, Any]], name: str
) -> None:
    bibliography, diags = load(tmp_path, json.dumps(entries), name)  # JSON is YAML too
    validate_sources(bibliography, dt.date(2025, 3, 15), diags)
    for diagnostic in diags:
        assert diagnostic.code in CODES and diagnostic.line >= 1 and diagnostic.message


def test_the_user_guide_example_is_valid(tmp_path: Path) -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "sources.md").read_text()
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    bibliography, diags = load(tmp_path, example)
    validate_sources(bibliography, dt.date(2025, 3, 15), diags)
    assert not diags.items, [d.format() for d in diags]
    assert len(bibliography) == len(SOURCE_TYPES)  # one entry of each type
