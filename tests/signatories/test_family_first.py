"""Names written family name first (CJK, Vietnamese), and a list's own family name column.

The names follow the conventions the Unicode CLDR person-name data and the national naming
guides describe: Chinese, Japanese and Korean names family name first (with or without a
space, Japanese often with an ideographic space U+3000), foreign names transliterated into
Chinese or Japanese joined by a middle dot in their own (given-first) order, Vietnamese names
family name, middle name, given name ("Nguyễn Thị Mai"), with "Thị" and "Văn" the commonest
middle names.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policydraft.diagnostics import Location
from policydraft.signatories.order import order_signatories
from policydraft.signatories.signatory import Signatory
from policydraft.signatories.surnames import _parsed_parts, family_and_given, surname_and_given
from tests.signatories.test_commands import run

HERE = Location("list.csv", 2, 1)

FAMILY_FIRST = [
    # CJK: the first word when spaced, the whole name (which starts with it) when not
    ("山田 太郎", ("山田", "太郎")),
    ("山田\u3000太郎", ("山田", "太郎")),  # ideographic space, as Japanese keyboards type it
    ("毛泽东", ("毛泽东", "")),
    ("김민준", ("김민준", "")),
    ("김 민준", ("김", "민준")),
    ("やまだ たろう", ("やまだ", "たろう")),
    ("森田 S. 蒼", ("森田", "S. 蒼")),
    ("Dr. 山田 太郎", ("山田", "太郎")),
    # transliterated foreign names keep their own order: the last part
    ("约翰·史密斯", ("史密斯", "约翰")),
    ("ジョン・スミス", ("スミス", "ジョン")),
    ("ｼﾞｮﾝ･ｽﾐｽ", ("ｽﾐｽ", "ｼﾞｮﾝ")),
    # Vietnamese: a leading family name, shown by diacritics or by a middle name
    ("Nguyễn Thị Mai", ("Nguyễn", "Thị Mai")),
    ("Trần Văn An", ("Trần", "Văn An")),
    ("NGUYỄN Thị Mai", ("NGUYỄN", "Thị Mai")),
    ("Lê Anh", ("Lê", "Anh")),
    ("Hồ Chí Minh", ("Hồ", "Chí Minh")),
    ("Phan Thanh Bình", ("Phan", "Thanh Bình")),
    ("Đỗ Mười", ("Đỗ", "Mười")),
    ("Nguyen Van An", ("Nguyen", "Van An")),
    ("Tran Thi Mai", ("Tran", "Thi Mai")),
    ("Pham Duc Anh", ("Pham", "Duc Anh")),
    ("Dr. Nguyễn Thị Mai", ("Nguyễn", "Thị Mai")),
    ("Nguyễn Thị Mai (she/her)", ("Nguyễn", "Thị Mai")),
]


@pytest.mark.parametrize(("name", "parts"), FAMILY_FIRST)
def test_family_first_names_file_under_the_family_name(name: str, parts: tuple[str, str]) -> None:
    assert surname_and_given(name) == parts


# Names whose order nothing shows: read the Western way, exactly as nameparser reads them.
WESTERN = [
    ("Anna Le", "Le"),
    ("David Lee", "Lee"),
    ("Lee Kuan Yew", "Yew"),  # Singaporean, family first, but indistinguishable in Latin
    ("Yamada Taro", "Taro"),  # romanised Japanese: the same
    ("Le Anh", "Anh"),  # no diacritics, no middle name: nothing says Le is the family name
    ("Nguyen Mai", "Mai"),
    ("Mai Nguyễn", "Nguyễn"),  # Vietnamese written given name first
    ("Dương Nguyễn", "Nguyễn"),  # both are family names: the Western reading
    ("Van Nguyen", "Nguyen"),
    ("Ho Ching", "Ching"),
    ("Cao Ming", "Ming"),
    ("Ursula Le Guin", "Le Guin"),
    ("Jean-Marie Le Pen", "Le Pen"),
    ("Lee Van Cleef", "Van Cleef"),
    ("José Phan", "Phan"),
]


@pytest.mark.parametrize(("name", "surname"), WESTERN)
def test_names_that_show_no_order_are_read_the_western_way(name: str, surname: str) -> None:
    assert surname_and_given(name) == (surname, _parsed_parts(name)[1])
    assert _parsed_parts(name)[0] == surname


BAD_INPUT = [
    ("", ("", "")),
    ("   ", ("   ", "")),
    ("Nguyễn", ("Nguyễn", "")),
    ("Thị", ("Thị", "")),
    ("Lê Lê", ("Lê", "Lê")),
    ("·", ("·", "")),
    ("山田・", ("山田・", "")),  # a trailing dot and nothing after it
    ("Dr.", ("Dr.", "")),
    ("Dr. Prof.", ("Prof.", "")),
    ("Nguyễn ()", ("Nguyễn", "")),
]


@pytest.mark.parametrize(("name", "parts"), BAD_INPUT)
def test_odd_names_file_under_something_without_failing(name: str, parts: tuple[str, str]) -> None:
    assert surname_and_given(name) == parts


def _order(rows: list[dict[str, str]], sort: str = "surname") -> list[str]:
    signers = [Signatory(where=HERE, **row) for row in rows]
    return [s.name for s in order_signatories(signers, sort)]


def test_a_mixed_list_files_each_name_under_its_family_name() -> None:
    names = ["Trần Văn An", "Anna Le", "Nguyễn Thị Mai", "Mai Nguyễn", "Bob Adams",
             "Lê Anh", "Zoe Tran", "Nguyen Van Binh"]  # fmt: skip
    assert _order([{"name": n} for n in names]) == [
        "Bob Adams",
        "Anna Le",  # Le, then Lê: collation compares the family names first, accents and all
        "Lê Anh",
        "Nguyen Van Binh",
        "Mai Nguyễn",  # Nguyễn: Mai before Thị Mai
        "Nguyễn Thị Mai",
        "Zoe Tran",
        "Trần Văn An",
    ]


def test_cjk_names_group_under_their_family_name_spaced_or_not() -> None:
    """Han sorts in the collation's order of characters (not by reading or strokes), Hangul
    before Han; within a family name the spaced names come first, whose filing key is
    exactly the family name, then the unspaced ones, whose key is the whole name."""
    names = ["山田 花子", "山口 一郎", "山田太郎", "김 민준", "김서연", "山田 一郎",
             "王小明", "王 芳"]  # fmt: skip
    assert _order([{"name": n} for n in names]) == [
        "김 민준", "김서연", "山口 一郎", "山田 一郎", "山田 花子", "山田太郎", "王 芳", "王小明",
    ]  # fmt: skip


FAMILY_COLUMN = [
    ("Anneke van der Berg", "van der Berg", ("Berg", "Anneke")),
    ("Ludwig Von Hoffmann", "Von Hoffmann", ("Von Hoffmann", "Ludwig")),
    ("Lee Kuan Yew", "Lee", ("Lee", "Kuan Yew")),
    ("Mai Nguyen", "Nguyen", ("Nguyen", "Mai")),
    ("山田 太郎", "山田", ("山田", "太郎")),
    ("山田太郎", "山田", ("山田", "太郎")),
    ("María José García López", "García López", ("García López", "María José")),
    ("Zed  Smith", " Smith ", ("Smith", "Zed")),
    ("Robin", "Hood", ("Hood", "Robin")),  # a family name the joined name lacks: kept whole
]


@pytest.mark.parametrize(("name", "family", "parts"), FAMILY_COLUMN)
def test_a_family_column_is_filed_under_as_written(
    name: str, family: str, parts: tuple[str, str]
) -> None:
    assert family_and_given(family, name) == parts


def test_a_family_column_wins_over_the_name_and_sort_as_over_both() -> None:
    rows = [
        {"name": "Lee Kuan Yew", "family": "Lee"},
        {"name": "Yamada Taro", "family": "Yamada"},
        {"name": "Ann Zimmer", "family": "Zimmer", "sort_as": "Abbot"},
        {"name": "Mai Nguyen", "family": "Nguyen"},
        {"name": "Kim Park"},
    ]
    assert _order(rows) == ["Ann Zimmer", "Lee Kuan Yew", "Mai Nguyen", "Kim Park", "Yamada Taro"]


def test_an_empty_family_column_falls_back_to_the_name() -> None:
    rows = [{"name": "Trần Văn An", "family": ""}, {"name": "Amy Zhu", "family": ""}]
    assert _order(rows) == ["Trần Văn An", "Amy Zhu"]


def test_same_family_name_sorts_by_given_name() -> None:
    rows = [
        {"name": "Zed Smith", "family": "Smith"},
        {"name": "Anna Smith", "family": "Smith"},
        {"name": "Nguyễn Văn Minh"},
        {"name": "Nguyễn Thị An"},
    ]
    assert _order(rows) == ["Nguyễn Thị An", "Nguyễn Văn Minh", "Anna Smith", "Zed Smith"]


def test_a_given_column_breaks_ties_between_equal_family_names() -> None:
    rows = [
        {"name": "Dr. Zed Smith", "given": "Zed", "family": "Smith"},
        {"name": "Prof. Anna Smith", "given": "Anna", "family": "Smith"},
        {"name": "Smith Bo", "given": "Bo", "family": "Smith"},
    ]
    assert _order(rows) == ["Prof. Anna Smith", "Smith Bo", "Dr. Zed Smith"]


# Mailchimp's audience export headers (Mailchimp Help, "View or export an audience"; see
# tests/fixtures/exports/README.md): the family name has a column of its own.
MAILCHIMP = (
    "Email Address,First Name,Last Name,Company\n"
    "zm@example.org,Zoe,Martinez,\n"
    "gabo@example.org,Gabriel,García Márquez,Writers\n"
    "mh@example.org,Miguel,Hernández,\n"
    "kl@example.org,Kuan Yew,Lee,\n"
    "ab@example.org,Anneke,van der Berg,\n"
    "nm@example.org,Nguyễn Thị Mai,,\n"  # no family name given: read from the name
)


def test_export_prints_a_split_name_list_in_family_name_order(tmp_path: Path) -> None:
    source = tmp_path / "audience.csv"
    source.write_text(MAILCHIMP, encoding="utf-8")
    result = run("signatories", "export", source, "-o", tmp_path / "printed.csv")
    assert result.returncode == 0, result.stderr
    with (tmp_path / "printed.csv").open(encoding="utf-8", newline="") as handle:
        names = [row["name"] for row in csv.DictReader(handle)]
    assert names == [
        "Anneke van der Berg",
        "Gabriel García Márquez",  # under García Márquez, as given; parsed, under Márquez
        "Miguel Hernández",
        "Kuan Yew Lee",
        "Zoe Martinez",
        "Nguyễn Thị Mai",
    ]
