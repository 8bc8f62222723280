"""Template limits and faults: bounded values, time and output; faults as located diagnostics.

The end-to-end rows (through the real CLI) are in tests/hostile/cases_templates.py; these run
in-process, more of them, and check the line each diagnostic points at.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics
from policydraft.pipeline import check
from tests.helpers import write_submission
from tests.templating.template_helpers import check_template as _check
from tests.templating.template_helpers import error_codes as _codes

LIMITS = [
    ("{% for i in range(10**9) %}x{% endfor %}", "PD308"),
    ("{% for i in range(10**30) %}x{% endfor %}", "PD308"),
    ("{% for i in range(0, -10**9, -1) %}x{% endfor %}", "PD308"),
    ("{{ 'x' * 10**9 }}", "PD308"),
    ("{{ 10**9 * 'x' }}", "PD308"),
    ("{{ ([1] * 10**9) | length }}", "PD308"),
    ("{{ ('x' * 8000000) + ('x' * 8000000) }}", "PD308"),
    ("{{ 10 ** (10 ** 10) }}", "PD308"),
    ("{{ (2 ** 9000) * (2 ** 9000) }}", "PD308"),
    ("{% set s = 'x' * 5000000 %}{{ (s ~ s) | length }}", "PD308"),
    (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "PD308",
    ),
    ("{{ ([('x' * 1000000)] * 100000) | join }}", "PD308"),
    ("{{ ', '.join([('x' * 1000000)] * 100000) }}", "PD308"),
    ("{{ ('x' * 1000000) | replace('x', 'xxxxxxxxxx') }}", "PD308"),
    ("{{ ('x' * 1000000).replace('', 'xxxxxxxxxx') }}", "PD308"),
    ("{{ title | center(10**9) }}", "PD308"),
    ("{{ title.ljust(10**9) }}", "PD308"),
    ("{{ title.zfill(10**9) }}", "PD308"),
    ("{{ ('x\\n' * 1000000) | indent(100) }}", "PD308"),
    ("{{ '%999999999d' | format(1) }}", "PD308"),
    ("{{ '%*d' | format(10**9, 1) }}", "PD308"),
    ("{{ '%999999999s' % title }}", "PD308"),
    ("{{ (10**12) | roman }}", "PD308"),
    ("{{ lines(*([('x' * 1000000)] * 100000)) }}", "PD308"),
    ("{{ [1] | batch(10**9, 0) | list }}", "PD308"),
    ("{{ [1] | slice(10**9) | list }}", "PD308"),
    ("{{ ([[1] * 100000] * 100000) | sum(start=[]) }}", "PD308"),
    ("{{ date.strftime('%Y' * 1000) }}", "PD308"),
    ("{{ ('x ' * 4000000).split() | length }}", "PD308"),
    ("{{ ('x,' * 4000000).split(',') | length }}", "PD308"),
    ("{{ ('x\\n' * 4000000).splitlines() | length }}", "PD308"),
    ("{{ ('x' * 4000000) | list | length }}", "PD308"),
    (
        "{% set s = 'x' * 1000000 %}{% set ns = namespace(kept=[]) %}{% for i in range(2000) %}"
        "{% set ns.kept = ns.kept + [s ~ i] %}{% endfor %}",
        "PD308",
    ),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "PD309"),
    ("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('x') }}", "PD308"),
    ("{% for i in range(100000) %}{{ 'x' * 1000 }}\n{% endfor %}", "PD307"),
]


MANY = "{% set many = ['x' * 1000000] * 100000 %}"
"""A list of 100,000 references to one long text: cheap to hold, 100 GB as text."""
LIMITS += [
    (MANY + "{{ many }}", "PD308"),
    (MANY + "{{ many ~ '' }}", "PD308"),
    (MANY + "{{ many | string }}", "PD308"),
    (MANY + "{{ many | upper }}", "PD308"),
    (MANY + "{{ many | replace('a', 'b') }}", "PD308"),
    (MANY + "{{ '%s' % (many,) }}", "PD308"),
    (MANY + "{{ '%s' | format(many) }}", "PD308"),
    (MANY + "{{ [many] | join }}", "PD308"),
    (MANY + "{{ 'a'.join([many]) }}", "PD308"),
    (MANY + "{% if many is lower %}{% endif %}", "PD308"),
    (MANY + "{% set ns = namespace(kept=many) %}{{ ns }}", "PD308"),
    (MANY + "{{ {'a': many} }}", "PD308"),
    (MANY + "{{ lines([many]) }}", "PD308"),
    (MANY + "{{ title.replace('C', many) }}", "PD308"),
    (MANY + "{{ title[many] }}", "PD303"),
]


@pytest.mark.parametrize(("source", "code"), LIMITS)
def test_values_and_work_are_bounded(tmp_path: Path, source: str, code: str) -> None:
    diags = _check(tmp_path, f"Line one\n{source}\n")
    assert _codes(diags) == [(code, "letter.md.j2", 2)]


def test_recursion_through_include_and_blocks(tmp_path: Path) -> None:
    diags = _check(tmp_path, "Line one\n{% include 'letter.md.j2' %}\n")
    assert [c for c, _, _ in _codes(diags)] == ["PD309"]
    block = "{% block b %}{{ self.b() }}{% endblock %}\n"
    assert [c for c, _, _ in _codes(_check(tmp_path / "2", block))] == ["PD309"]


FAULTS = [
    ("{% include 'nonesuch.j2' %}", {}, ("PD310", "letter.md.j2", 2)),
    ("{% import 'nonesuch.j2' as m %}", {}, ("PD310", "letter.md.j2", 2)),
    ("{% from 'nonesuch.j2' import m %}", {}, ("PD310", "letter.md.j2", 2)),
    ("{{ 1 / 0 }}", {}, ("PD311", "letter.md.j2", 2)),
    ("{{ 1 // 0 }}", {}, ("PD311", "letter.md.j2", 2)),
    ("{{ title + 1 }}", {}, ("PD311", "letter.md.j2", 2)),
    ("{{ title.index('nowhere') }}", {}, ("PD311", "letter.md.j2", 2)),
    ("{{ 2.0 ** 5000 }}", {}, ("PD311", "letter.md.j2", 2)),
    ("{{ range('a') }}", {}, ("PD311", "letter.md.j2", 2)),
    ("{{ title | nosuchfilter }}", {}, ("PD302", "letter.md.j2", 2)),
    ("{% if docket %}{{ title | nosuch }}{% endif %}", {}, ("PD302", "letter.md.j2", 2)),
    ("{% if title is nosuchtest %}x{% endif %}", {}, ("PD302", "letter.md.j2", 2)),
    ("{% include 'part.j2' %}", {"part.j2": "ok\n{% if %}\n"}, ("PD302", "part.j2", 2)),
    ("{% include 'part.j2' %}", {"part.j2": "ok\n{{ 1/0 }}\n"}, ("PD311", "part.j2", 2)),
    ("{% include 'part.j2' %}", {"part.j2": b"ok\nCaf\xe9\n"}, ("PD312", "part.j2", 2)),
    ("{% include '../s/policydraft.yaml' %}", {}, ("PD310", "letter.md.j2", 2)),
]


@pytest.mark.parametrize(("source", "files", "expected"), FAULTS)
def test_faults_are_located_diagnostics(
    tmp_path: Path, source: str, files: dict[str, str | bytes], expected: tuple[str, str, int]
) -> None:
    diags = _check(tmp_path, f"Line one\n{source}\n", **files)
    assert _codes(diags) == [expected]


def test_a_latin_1_letter_is_pd312_at_the_bad_line(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"template": "./mine"})
    (folder / "mine").mkdir()
    (folder / "mine" / "letter.md.j2").write_bytes(b"ok\nok\nCaf\xe9\n")
    diags = Diagnostics()
    check(folder, diags, render_checks=False)
    assert _codes(diags) == [("PD312", "letter.md.j2", 3)]


def test_an_undefined_key_never_echoes_an_email(tmp_path: Path) -> None:
    email = "jane.private@example.org"
    folder = write_submission(
        tmp_path, {"template": "./mine", "commenter": {"name": "J", "email": email}}
    )
    (folder / "mine").mkdir()
    (folder / "mine" / "letter.md.j2").write_text("{{ title[commenter.email] }}\n")
    diags = Diagnostics()
    check(folder, diags, render_checks=False)
    assert [d.code for d in diags.sorted()] == ["PD303"]
    assert email not in diags.sorted()[0].message


def test_the_time_limit_stops_a_loop_without_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYDRAFT_TEMPLATE_SECONDS", "1")
    source = "a\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    assert _codes(_check(tmp_path, source)) == [("PD306", "letter.md.j2", 2)]


def test_the_deadline_holds_off_the_main_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No alarm signal reaches another thread: the sandbox's own deadline check stops it."""
    monkeypatch.setenv("POLICYDRAFT_TEMPLATE_SECONDS", "1")
    source = (
        "a\n{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% if j.x is defined %}{% endif %}{% endfor %}{% endfor %}"
    )
    found: list[Diagnostics] = []
    worker = threading.Thread(target=lambda: found.append(_check(tmp_path, source)))
    worker.start()
    worker.join()
    assert [c for c, _, _ in _codes(found[0])] == ["PD306"]


def test_a_large_template_file_is_refused_before_it_is_compiled(tmp_path: Path) -> None:
    diags = _check(tmp_path, "{{ title }}\n" * 20_000)  # 240 KB: 5 s and 400 MB to compile
    assert _codes(diags) == [("PD313", "letter.md.j2", 1)]


def test_the_time_limit_covers_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYDRAFT_TEMPLATE_SECONDS", "1")
    monkeypatch.setenv("POLICYDRAFT_MAX_TEMPLATE_BYTES", str(10**7))
    diags = _check(tmp_path, "{{ title }}\n" * 100_000)  # 1.2 MB: ~14 s to compile
    assert [c for c, _, _ in _codes(diags)] == ["PD306"]


def test_links_out_of_the_template_folder_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-canary")
    folder = write_submission(tmp_path / "s", {"template": "./mine"})
    (folder / "mine").mkdir()
    (folder / "mine" / "letter.md.j2").write_text("{% include 'notes.j2' %}\n")
    (folder / "mine" / "notes.j2").symlink_to(secret)
    diags = Diagnostics()
    check(folder, diags, render_checks=False)
    assert {(c, f) for c, f, _ in _codes(diags)} == {("PD314", "notes.j2")}
    assert all("SECRET" not in d.message for d in diags.sorted())


SOURCES = """\
- {id: campbell, type: case, name: "Campbell v. Acuff-Rose Music, Inc.", volume: 510,
   reporter: U.S., page: 569, year: 1994}
"""
CITATION_FAULTS = [
    ("{{ 1 / 0 }}", "PD311"),
    ("{% for i in range(10**9) %}{% endfor %}", "PD308"),
    ("{{ (['x' * 1000000] * 100000) | page }}", "PD308"),
    ("{{ source.model_copy() }}", "PD303"),
    ("{{ source.parse_file('/etc/passwd') }}", "PD303"),
    ("{{ source.__class__ }}", "PD305"),
    ("{{ source.name.format() }}", "PD305"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "PD309"),
    ("{% include 'nonesuch.j2' %}", "PD310"),
]


@pytest.mark.parametrize(("source", "code"), CITATION_FAULTS)
def test_citation_templates_run_in_the_same_sandbox(tmp_path: Path, source: str, code: str) -> None:
    folder = write_submission(
        tmp_path, {"sources": "sources.yaml", "introduction": "A case.[@campbell]\n"}
    )
    (folder / "sources.yaml").write_text(SOURCES)
    bluebook = folder / "templates" / "citations" / "bluebook"
    bluebook.mkdir(parents=True)
    (bluebook / "case.j2").write_text(f"Line one\n{source}\n")
    diags = Diagnostics()
    check(folder, diags, render_checks=False)
    assert _codes(diags) == [(code, "case.j2", 2)]
