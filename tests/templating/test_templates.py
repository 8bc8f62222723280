"""Templates: escaping of users' data, overrides, and template mistakes as diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.model import SignatureBlock, Text
from tests.helpers import write_submission
from tests.templating.template_helpers import compose, part_text


@pytest.mark.parametrize(
    "name",
    [
        "Tom *Star* Baxter",
        "Hart & Hart <LLC>",
        "1. Street Films",
        "# Not a heading",
        "- not a list",
        "[^1] not a note",
        "__init__ & `code`",
        "Zoë Ødegaard-Łukasz",
        "王小明",
        "Jane {{ title }} Doe",
        "Back\\slash",
    ],
)
@pytest.mark.parametrize("template", ["comment-letter", "open-letter"])
def test_users_text_prints_literally(tmp_path: Path, name: str, template: str) -> None:
    folder = write_submission(
        tmp_path, {"template": template, "signature": [{"name": name, "organization": name}]}
    )
    document, diags = compose(folder)
    assert document is not None, diags.sorted()
    (block,) = [b for b in document.blocks if isinstance(b, SignatureBlock)]
    assert block.signers[0].printed_lines() == (name, name)  # plain strings, never Markdown


def test_submission_overrides_builtin_template(tmp_path: Path) -> None:
    folder = write_submission(tmp_path)
    own = folder / "templates" / "comment-letter"
    own.mkdir(parents=True)
    (own / "letter.md.j2").write_text("::: statement\nOur own {{ title }}\n:::\n", encoding="utf-8")
    document, diags = compose(folder)
    assert document is not None, diags.sorted()
    assert part_text(document, "statement") == "Our own Comment on the Proposed Rule"


@pytest.mark.parametrize(
    ("source", "code", "line"),
    [
        ("Line one\n{% if %}\n", "PD302", 2),
        ("Line one\n\n{{ titel }}\n", "PD303", 3),
        ("::: dat\n{{ date }}\n:::\n", "PD304", 1),
        ('Line\n{{ "{0.__class__}".format(title) }}\n', "PD305", 2),
    ],
)
def test_template_mistakes_are_diagnostics(
    tmp_path: Path, source: str, code: str, line: int
) -> None:
    folder = write_submission(tmp_path, {"template": "./mine"})
    (folder / "mine").mkdir()
    (folder / "mine" / "letter.md.j2").write_text(source, encoding="utf-8")
    document, diags = compose(folder)
    assert document is None
    found = [d for d in diags.sorted() if d.code == code]
    assert found, diags.sorted()
    assert found[0].line == line
    assert found[0].file.endswith("letter.md.j2")


def test_a_paragraph_after_a_closing_fence_is_not_a_part_name(tmp_path: Path) -> None:
    # ":::" then a new line starting with a word: the fence's line names no part
    folder = write_submission(tmp_path, {"template": "./mine"})
    (folder / "mine").mkdir()
    text = "::: statement\nOur {{ title }}\n:::\nDear Sir,\n"
    (folder / "mine" / "letter.md.j2").write_text(text, encoding="utf-8")
    _, diags = compose(folder)
    assert not [d for d in diags.sorted() if d.code == "PD304"], diags.sorted()


def test_unknown_template_is_reported_at_its_key(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"template": "nonesuch"})
    _, diags = compose(folder)
    (d,) = [d for d in diags.sorted() if d.code == "PD301"]
    assert d.file.endswith("policydraft.yaml")
    assert "comment-letter" in d.message


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=names)
def test_any_name_prints_literally(tmp_path: Path, name: str) -> None:
    folder = write_submission(tmp_path / "s", {"signature": [{"name": name}]})
    document, diags = compose(folder)
    if document is None:
        # a character no bundled font can draw (PD902), or a bidirectional control such as
        # U+202A (PD112): a clear diagnostic instead
        errors = [d for d in diags.sorted() if d.severity == "error"]
        assert errors and all(d.code in {"PD902", "PD112"} for d in errors), errors
        return
    (block,) = [b for b in document.blocks if isinstance(b, SignatureBlock)]
    assert block.signers[0].printed_lines()[0] == name  # a plain string, never Markdown
    assert not any(isinstance(b, Text) for b in document.blocks)
