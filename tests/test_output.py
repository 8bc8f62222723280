"""Publishing outputs all or nothing, cleaning leftovers, and the output name rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydraft.outputs import staging as output
from policydraft.outputs.location import dir_problem, stem_problem
from policydraft.outputs.staging import PublishError, remove_stale_temporaries, staged_outputs


def _stage(folder: Path, contents: dict[str, bytes]) -> output.StagedOutputs:
    outputs = output.StagedOutputs(folder)
    for name, content in contents.items():
        outputs.write(folder / name, lambda stream, content=content: stream.write(content))
    return outputs


def _failing_replace(fail_on: set[str]) -> object:
    real = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target).name in fail_on:
            raise PermissionError(13, "Permission denied", str(target))
        real(source, target)

    return replace


def test_a_failed_rename_puts_back_what_was_already_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old pdf")
    (tmp_path / "a.docx").write_bytes(b"old docx")
    outputs = _stage(tmp_path, {"a.pdf": b"new pdf", "a.docx": b"new docx"})
    monkeypatch.setattr(output.os, "replace", _failing_replace({"a.docx"}))
    with pytest.raises(PublishError) as raised:
        outputs.commit()
    monkeypatch.undo()
    outputs.discard()
    assert raised.value.final == tmp_path / "a.docx" and raised.value.unrestored == ()
    assert (tmp_path / "a.pdf").read_bytes() == b"old pdf"
    assert (tmp_path / "a.docx").read_bytes() == b"old docx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


def test_a_new_file_is_removed_again_when_there_was_no_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = _stage(tmp_path, {"a.pdf": b"new pdf", "a.docx": b"new docx"})
    monkeypatch.setattr(output.os, "replace", _failing_replace({"a.docx"}))
    with pytest.raises(PublishError):
        outputs.commit()
    monkeypatch.undo()
    outputs.discard()
    assert list(tmp_path.iterdir()) == []


def test_a_backup_that_cannot_be_put_back_is_named_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old pdf")
    outputs = _stage(tmp_path, {"a.pdf": b"new pdf", "a.docx": b"new docx"})
    real = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target).name == "a.docx" or str(source).endswith(".old"):
            raise PermissionError(13, "Permission denied", str(target))
        real(source, target)

    monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(PublishError) as raised:
        outputs.commit()
    monkeypatch.undo()
    outputs.discard()
    [(final, backup)] = raised.value.unrestored
    assert final == tmp_path / "a.pdf" and final.read_bytes() == b"new pdf"
    assert backup.read_bytes() == b"old pdf" and backup.name.startswith(".a.pdf.")


def test_a_folder_in_the_way_stops_publishing_before_anything_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"old pdf")
    (tmp_path / "a.docx").mkdir()
    outputs = _stage(tmp_path, {"a.pdf": b"new pdf", "a.docx": b"new docx"})
    with pytest.raises(PublishError, match="in the way"):
        outputs.commit()
    outputs.discard()
    assert (tmp_path / "a.pdf").read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf"]


def test_a_folder_created_for_outputs_that_are_never_published_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "build" / "deeper"
    with pytest.raises(RuntimeError), staged_outputs(folder) as outputs:
        outputs.write(folder / "a.pdf", lambda stream: stream.write(b"x"))
        raise RuntimeError("a profile rule failed")
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_the_way_of_the_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "build").write_text("a file")
    with pytest.raises(NotADirectoryError), staged_outputs(tmp_path / "build" / "sub"):
        pass


@pytest.mark.parametrize(
    ("name", "removed"),
    [
        (".a.pdf.99999999.abcd1234.tmp", True),  # a process that is gone
        (".a.pdf.99999999.abcd1234.old", True),
        (".a.pdf.k2j4h6g8.tmp", True),  # the naming before process ids
        (".a.pdf.k2j4h6g8.old", False),  # never ours
        (".a.pdf.{pid}.abcd1234.tmp", False),  # this very run
        (".a.pdf.1.abcd1234.tmp", False),  # a process that runs
        (".b.pdf.99999999.abcd1234.tmp", False),  # another output
        (".a.pdf.99999999.abcd1234.tmp.keep", False),
        ("a.pdf.99999999.abcd1234.tmp", False),
        (".a.pdf.tmp", False),
    ],
)
def test_only_our_stale_leftovers_are_removed(tmp_path: Path, name: str, removed: bool) -> None:
    name = name.format(pid=os.getpid())  # filled in here: test ids must not vary between runs
    (tmp_path / name).write_bytes(b"left over")
    remove_stale_temporaries(tmp_path / "a.pdf")
    assert (tmp_path / name).exists() is not removed


@given(st.text(max_size=200))
def test_a_stem_that_passes_names_a_file_in_the_folder(stem: str) -> None:
    folder = Path("/submission/build")
    if stem_problem(stem) is None:
        target = folder / f"{stem}.pdf"
        assert target.parent == folder and ".." not in target.parts
        assert "\x00" not in stem


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("build", None),
        ("out/pdf", None),
        (".", None),
        ("/tmp/x", "absolute"),
        ("C:\\out", "absolute"),
        ("../x", "'..'"),
        ("a/../../x", "'..'"),
        ("a\\..\\..\\x", "'..'"),
        ("", "empty"),
        ("a\x00b", "U+0000"),
    ],
)
def test_output_dir_rules(tmp_path: Path, name: str, problem: str | None) -> None:
    found = dir_problem(tmp_path, name)
    assert found is None if problem is None else problem in (found or "")


@pytest.mark.parametrize(
    ("stem", "problem"),
    [
        ("ostp-comment", None),
        ("Zoë's letter (final)", None),
        ("x" * 120, None),
        ("x" * 121, "characters long"),
        ("é" * 101, "202 bytes long"),  # 101 characters, 202 bytes of UTF-8
        ("", "empty"),
        ("   ", "empty"),
        ("../../x", "folder separator"),
        ("/tmp/abs", "folder separator"),
        ("..\\x", "folder separator"),
        ("..", "starts with '.'"),
        (".hidden", "starts with '.'"),
        ("a\x00b", "U+0000"),
        ("a\nb", "U+000A"),
        ("letter\u202efdp", "U+202E"),
        ("a\ud800b", "U+D800"),
    ],
)
def test_output_name_rules(stem: str, problem: str | None) -> None:
    found = stem_problem(stem)
    assert found is None if problem is None else problem in (found or "")
