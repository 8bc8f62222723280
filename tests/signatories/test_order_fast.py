"""The fast paths of ordering give the slow paths' answers: collation keys made by
``str.translate`` are pyuca's, names read from known words are read as ``_read_name`` (and so
nameparser) reads them, and tie-breaking all tied signers at once orders as tie-breaking each
run alone did (issue 17)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Location
from policydraft.signatories import order, surnames
from policydraft.signatories.signatory import Signatory

HERE = Location("list.csv", 2, 1)


@cache
def _pyuca() -> Any:
    import pyuca

    return pyuca.Collator()


def _pyuca_key(text: str) -> str:
    """pyuca's own sort key of the case-folded text, one code point per weight."""
    return "".join(map(chr, _pyuca().sort_key(text.casefold())))


# Letters names are written in, with the characters that trip a per-character key: the
# middle dot of Catalan "l·l" (a contraction with l), Cyrillic й (a contraction with its
# breve), Thai vowels written before their consonant (contractions), Hangul syllables (which
# decompose), combining marks on their own, ligatures and ß (which case-fold to two
# letters), an ignorable control, CJK ideographs and a supplementary one (implicit weights).
ALPHABET = (
    "abcxyzABCXYZ0129 .'’-,\"()[]"
    "áàâäãåæçéèêëíìîïñóòôöõøœßúùûüýÿÁÉÖØÆŁłđĐŞşİıǅǆ"
    "ΑΒΓαβγάέήίόύώΐ"
    "ДдИиЙйЁёЇї"
    "l·\u0387"
    "กขเแโใไ"
    "김민준가ᄀ\u1161\u11a8"
    "\u0301\u0308\u0323\u0306"
    "ﬀﬁ\u0000\u00ad\u200b"
    "中文山田𠀀"
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "", "Ada Lovelace", "marcus s. merriweather", "O'Brien-Smith", "Ørsted-Åse", "Zárate",
        "Дмитрий", "Δήμητρα", "l·l", "Ll·", "เก", "김민준", "x\u0301 y", "a\u0301\u0301",
        "ﬀ ligature", "Straße", "\u0000", "中文", "𠀀", "3 Ávila", "Nguyễn Thị Mai",
    ],
)  # fmt: skip
def test_compact_key_is_pyucas(text: str) -> None:
    assert order._compact(text) == _pyuca_key(text)
    assert order._primary(text) == _pyuca_key(text).partition("\0")[0]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=14))
def test_any_text_over_name_letters_keys_as_pyuca(text: str) -> None:
    assert order._compact(text) == _pyuca_key(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=10))
def test_any_text_keys_as_pyuca(text: str) -> None:
    assert order._compact(text) == _pyuca_key(text)


def test_translated_keys_cover_common_names() -> None:
    """The fast path is taken where it matters: Latin, Greek and Cyrillic names, accented."""
    for text in ["marcus s. merriweather", "rocío ávila", "δήμητρα", "дмитрий", "o'brien-smith"]:
        assert order._UNKEYED not in text.translate(order._PRIMARY), text
    for text in ["l·l", "เก", "x\u0301"]:  # a contraction or a lone mark: the general path
        assert order._UNKEYED in text.translate(order._PRIMARY), text


def _contractions(node: Any, prefix: tuple[int, ...] = ()) -> set[tuple[int, ...]]:
    found = set()
    for code, child in (node.children or {}).items():
        key = (*prefix, code)
        if len(key) > 1 and child.value:
            found.add(key)
        found |= _contractions(child, key)
    return found


def test_the_lazy_table_knows_every_contraction() -> None:
    """What keeps a text of keyable characters from meeting a contraction: every character
    after the first of one of pyuca's contractions is among the followers, and none of them
    is keyed by the table (nor is any character that decomposes to start with one)."""
    contractions = _contractions(_pyuca().table.root)
    assert contractions  # pyuca has them: l·, Thai, Cyrillic й, ...
    followers = {code for key in contractions for code in key[1:]}
    assert order._collator().followers == followers
    for code in sorted(followers):
        assert order._PRIMARY[code] == order._UNKEYED


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=8), max_size=30))
def test_text_ranks_order_as_pyuca_keys(texts: list[str]) -> None:
    """Ranked by primary weights, full keys only where primaries tie: the full keys' order,
    equal keys sharing a rank, whatever mix of translated and general keys."""
    rank = order._text_ranks(set(texts))
    for a in texts:
        for b in texts:
            ka, kb = _pyuca_key(a), _pyuca_key(b)
            assert (rank[a] < rank[b]) == (ka < kb)
            assert (rank[a] == rank[b]) == (ka == kb)


# Names: words of every kind the readers tell apart, so that the fast paths meet each.
GIVEN = ["Ana", "Jürgen", "Zoë", "Mary-Kate", "Łukasz", "Νίκος", "Вера", "Siobhán", "Bo", "Marcus"]
MIDDLE = ["E.", "A.", "S.", "Maria", "José", "ann", "I.", "V.", "J.R.", "Le", "Thi", "Van"]
PARTICLES = ["de", "de la", "van der", "von", "del", "da", "dos", "ter", "Van", "De", "St", "le"]
SURNAMES = ["Río", "Berg", "Hoffmann", "Ødegaard", "O'Brien", "D'Amato", "d'Amato", "dell'Orto",
            "Dell’Orto", "l'Estrange", "Smith-Jones", "Ткаченко", "King", "Souza Santos",
            "Nguyễn", "Major", "Merriweather", "Lee", "Cao", "Ho", "Ly"]  # fmt: skip
SUFFIXES = ["Jr.", "Sr", "Sr.", "III", "II", "IV", "V", "PhD", "Esq.", "jr"]
TITLES = ["Dr.", "Prof.", "Mr", "Mrs.", "Sir", "Rev."]
NICKNAMES = ['"Liam"', '"Kit"', '"Bo"', '"Jr"', '"II"', '"Mc"', '"Dr"', '"J.R."', '"van"',
             '"Anne Marie"', '"Mac"', '"D\'Arcy"', '"Nee"', "'Kit'", '“Bo”', '"', '""',
             '"Ann']  # fmt: skip
OTHERS = ["山田", "太郎", "김", "Nguyễn", "Trần", "Lê", "Thị", "and", "&", "(she/her)",
          "[they/them]", "Smith,", "E", "-", ".", "'", "'t", "Mc", "y", "Hà", "ǅemal"]  # fmt: skip
WORDS = GIVEN + MIDDLE + PARTICLES + SURNAMES + SUFFIXES + TITLES + NICKNAMES + OTHERS
SPACES = [" ", " ", " ", "  ", "\u00a0", "\t", "\u3000"]


def _general(name: str) -> tuple[str, str]:
    return surnames._read_name.__wrapped__(name)  # type: ignore[no-any-return]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.data())
def test_names_read_from_known_words_as_the_general_path_reads_them(
    words: list[str], data: st.DataObject
) -> None:
    """Any mix of words: plain names, particles, suffixes, titles, nicknames in quotes,
    elided particles, Vietnamese and CJK names, annotations, odd spacing."""
    name = words[0]
    for word in words[1:]:
        name += data.draw(st.sampled_from(SPACES)) + word
    assert surnames.surname_and_given(name) == _general(name)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(GIVEN),
    st.lists(st.sampled_from(MIDDLE), max_size=2),
    st.sampled_from(SURNAMES),
    st.sampled_from(['"Liam"', '"Kit"', '"Bobby"', '"Ana-Lu"', '"O\'Neil"', '"Thi"', '"x"']),
    st.integers(0, 4),
)
def test_nicknames_in_double_quotes_are_read_as_nameparser_reads_them(
    first: str, middle: list[str], surname: str, nickname: str, at: int
) -> None:
    words = [first, *middle, surname]
    words.insert(min(at, len(words)), nickname)
    name = " ".join(words)
    assert surnames.surname_and_given(name) == _general(name)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Marcus S. Merriweather", ("Merriweather", "Marcus S.")),
        ("Matteo D'Amato", ("D'Amato", "Matteo")),
        ("Chiara N. dell'Orto", ("dell'Orto", "Chiara N.")),
        ('William "Liam" Galloway', ("Galloway", "William")),
        ('Robert J. "Bobby" Radcliffe', ("Radcliffe", "Robert J.")),
        ("Anneke K. N. van der Berg", ("Berg", "Anneke K. N.")),
        ("Callum Fenwick Jr.", ("Fenwick", "Callum")),
        ("Cao Minh", ("Minh", "Cao")),  # a Vietnamese family name leading: the general path
        ("Nguyen Van An", ("Nguyen", "Van An")),
        ("Dr. Ann Lee", ("Lee", "Ann")),
    ],
)
def test_common_shapes(name: str, parts: tuple[str, str]) -> None:
    assert surnames.surname_and_given(name) == parts == _general(name)


def test_names_past_the_bound_on_known_words_take_the_general_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(surnames, "_MOST_WORDS", len(surnames._SEEN))
    name = "Quillon Zzyzxa-Unseenword"
    assert surnames.surname_and_given(name) == ("Zzyzxa-Unseenword", "Quillon") == _general(name)
    assert "Quillon" not in surnames._SEEN


def _reference_order(signers: list[Signatory]) -> list[Signatory]:
    """The order ``order_signatories`` promises, from pyuca's keys: filing text, the rest,
    the full name, then the list's order."""

    def key(signer: Signatory) -> tuple[str, ...]:
        return (*map(_pyuca_key, order._surname_texts(signer)), _pyuca_key(signer.name))

    return sorted(signers, key=key)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Ann", "ann", "Ánn", "Bo", "Zoë", "Marcus S.", "Łukasz"]),
            st.sampled_from(["Lee", "LEE", "Lée", "van der Berg", "Berg", "Ødegaard", "Smith"]),
            st.sampled_from(["", "", "Jr.", "(she/her)"]),
        ),
        max_size=40,
    )
)
def test_ties_broken_at_once_order_as_run_by_run(rows: list[tuple[str, str, str]]) -> None:
    """Few distinct names, so many tie on their filing texts and on their full names."""
    signers = [Signatory(name=" ".join(filter(None, row)), where=HERE) for row in rows]
    assert order.order_signatories(signers, "surname") == _reference_order(signers)
    by_given = sorted(signers, key=lambda s: _pyuca_key(s.name))
    assert order.order_signatories(signers, "given") == by_given


def test_characters_past_the_bound_on_the_tables_take_the_general_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = ord("\u0d9a")  # a Sinhala letter: keyable, and met by no other test but by chance
    for table in (order._PRIMARY, order._SECONDARY, order._TERTIARY):
        monkeypatch.delitem(table, code, raising=False)
    monkeypatch.setattr(order, "_MOST_CHARACTERS", len(order._PRIMARY))
    text = "\u0d9a Ada"
    assert order._compact(text) == _pyuca_key(text)
    assert order._primary(text) == _pyuca_key(text).partition("\0")[0]
    assert code not in order._PRIMARY


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Ann Lee", "Bo Berg", "Zoë van der Berg", "Dr. Ann Lee", "Lee Ann"]),
            st.sampled_from(["", "", "Lee", "Berg"]),
            st.sampled_from(["", "", "van der Berg", "Lee"]),
        ),
        max_size=20,
    )
)
def test_lists_with_sort_as_or_family_columns_order_alike(rows: list[tuple[str, str, str]]) -> None:
    """Signers with their own filing texts take the per-signer path, in the same order."""
    signers = [Signatory(name=n, where=HERE, sort_as=s, family=f) for n, s, f in rows]
    assert order.order_signatories(signers, "surname") == _reference_order(signers)
