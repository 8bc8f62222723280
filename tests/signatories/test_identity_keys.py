"""The keys' short ways (ASCII in C, names word by word, whole lists at once) against the
keys as defined: NFKC, case folding and collapsed spaces; diacritics off the whole key."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Location
from policydraft.signatories.identity import identity, identity_keys, name_key, similar_key
from policydraft.signatories.signatory import Signatory

_UNMARKED = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}


def defined_name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def defined_similar_key(name: str) -> str:
    key = defined_name_key(name)
    if key.isascii():
        return key
    decomposed = unicodedata.normalize("NFD", key)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = "".join(_UNMARKED.get(c, c) for c in bare)
    return unicodedata.normalize("NFC", bare)


# Characters where a word-by-word or ASCII short way could go wrong: whitespace that is not a
# space (NBSP, ideographic, the separators \x1c-\x1f), characters NFKC makes a space and a mark
# ("¨", "´", "¸"), lone and stacked marks, ligatures and full-width letters, case folding that
# lengthens ("ß", "İ") or depends on context in ``lower`` (final sigma), Hangul jamo that
# compose, letters ``_UNMARKED`` maps, and controls.
TRICKY = (
    " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u202f\u3000"
    "\u200b\ufeff\x00¨´¸˘\u037a\u0384\ufe70\u0301\u0308\u0327\u0323\u302a\u05b0"
    "ﬁﬀＡｚ①ǅßİıΣσςΟΔ\u1100\u1161\u11a8가ÅåÉéeEaAøØłŁæÆœŒþÞđħ-.'@"
)
tricky_text = st.text(st.sampled_from(TRICKY), max_size=12)
any_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=24)
names = st.one_of(tricky_text, any_text, st.text(st.characters(max_codepoint=127)))


@settings(max_examples=600, deadline=None)
@given(name=names)
def test_name_key_is_the_defined_key(name: str) -> None:
    assert name_key(name) == defined_name_key(name)


@settings(max_examples=600, deadline=None)
@given(name=names)
def test_similar_key_is_the_defined_key(name: str) -> None:
    assert similar_key(name) == defined_similar_key(name)


@pytest.mark.parametrize(
    ("name", "key", "similar"),
    [
        ("Ada  LOVELACE", "ada lovelace", "ada lovelace"),
        ("\tAda\x1fLovelace ", "ada lovelace", "ada lovelace"),  # \x1f is whitespace to split
        ("Zoë Ávila", "zoë ávila", "zoe avila"),
        ("ＡＤＡ\u3000Lovelace", "ada lovelace", "ada lovelace"),
        ("Ødegaard Straße", "ødegaard strasse", "odegaard strasse"),
        ("a\u00a8b", "a \u0308b", "a b"),  # NFKC makes "¨" a space and a mark
        ("a \u0301 b", "a \u0301 b", "a  b"),  # a word of marks alone stays an empty word
        ("ΟΔΟΣ", "οδοσ", "οδοσ"),
        ("", "", ""),
        ("   ", "", ""),
    ],
)
def test_keys_of_known_names(name: str, key: str, similar: str) -> None:
    assert (name_key(name), similar_key(name)) == (key, similar)
    assert (defined_name_key(name), defined_similar_key(name)) == (key, similar)


emails = st.sampled_from(
    ["", "anonymous", "N/A", "a@x.org", " A@X.ORG ", "a@x.org\t", "b@x.org", "ß@x.org", "SS@x.org"]
)
short_names = st.sampled_from(["Ada", "ADA", "ada ", "Ａｄａ", "Zoë", "Zoe", "", "Grace"])
orgs = st.sampled_from(["", "Engines", "ENGINES", "Looms", "ﬁrm", "firm"])
signers = st.lists(
    st.builds(
        lambda n, name, org, email: Signatory(
            name, Location("list.csv", n), organization=org, email=email
        ),
        st.integers(2, 99),
        short_names,
        orgs,
        emails,
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(listed=signers)
def test_identity_keys_match_exactly_when_identities_do(listed: list[Signatory]) -> None:
    keys = identity_keys(listed)
    defined = [identity(s) for s in listed]
    assert len(keys) == len(listed)
    for a in range(len(listed)):
        assert isinstance(keys[a], str) == (defined[a][0] == "email")
        for b in range(len(listed)):
            assert (keys[a] == keys[b]) == (defined[a] == defined[b])
