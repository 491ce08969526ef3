"""The one name key (core/names.py): the rule, its fast paths, and every room using it."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import infoview_analytics as iv
from infoview_analytics.core import names
from infoview_analytics.core.names import _normalise, key, name_codes, name_key, people_codes

AS_OF = "2026-04-17"

# ---------------------------------------------------------------- the rule, by hand


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Ruiz", "ana ruiz"),
        ("  Ana   Ruiz ", "ana ruiz"),
        ("ANA RUIZ", "ana ruiz"),
        # accents: NFC and NFD (macOS copy-paste) alike, and ignored
        ("José Álvarez", "jose alvarez"),  # NFC
        ("Jose\u0301 A\u0301lvarez", "jose alvarez"),  # NFD
        ("JOSÉ ÁLVAREZ", "jose alvarez"),
        ("Jose Alvarez", "jose alvarez"),
        ("Zoë Ñúñez", "zoe nunez"),
        ("François Çelik", "francois celik"),
        ("Søren Łukasz", "søren łukasz"),  # letters of their own, not accents: kept
        ("Dvořák", "dvorak"),
        # case folding, not lower(): ß -> ss
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Weiß", "weiss"),
        # whitespace: tabs, newlines, NBSP, U+2028, U+0085, ideographic space
        ("Ana\tRuiz", "ana ruiz"),
        ("Ana\nRuiz\r\n", "ana ruiz"),
        ("Ana\u00a0Ruiz", "ana ruiz"),
        ("Ana\u2028Ruiz", "ana ruiz"),
        ("Ana\u0085Ruiz", "ana ruiz"),
        ("Ana\u3000\u3000Ruiz", "ana ruiz"),
        ("\u00a0 Ana \t\u2028 Ruiz\u00a0", "ana ruiz"),
        # invisible format characters (Cf) removed
        ("Ana\u200bRuiz", "anaruiz"),  # zero-width space
        ("Ana \u200b Ruiz", "ana ruiz"),
        ("\ufeffAna Ruiz", "ana ruiz"),  # byte-order mark from a CSV
        ("Ana Ru\u00adiz", "ana ruiz"),  # soft hyphen
        ("Ana\u200d Ruiz", "ana ruiz"),  # zero-width joiner
        # blank -> missing
        ("", None),
        ("   ", None),
        ("\t\n\u00a0\u2028", None),
        ("\u200b", None),
        ("\u0301", None),  # a lone accent
        (None, None),
        (np.nan, None),
        (pd.NA, None),
        (pd.NaT, None),
        # numbers and dates: their str()
        (12, "12"),
        (12.5, "12.5"),
        (dt.date(2026, 4, 17), "2026-04-17"),
        # other scripts pass through, folded
        ("Ελένη Παπαδοπούλου", "ελενη παπαδοπουλου"),
        ("ΣΟΦΊΑ", "σοφια"),
        ("Мария", "мария"),
        ("山田 太郎", "山田 太郎"),
    ],
)
def test_key_by_hand(text, expected):
    assert key(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("José Álvarez", "jose  alvarez"),
        ("José Álvarez", "Jose\u0301 A\u0301lvarez"),
        ("Política", "politica"),
        ("Política", "POLI\u0301TICA"),
        ("Straße", "STRASSE"),
        ("Ana Ruiz", "\ufeffAna\u00a0Ruiz\u200b"),
    ],
)
def test_same_key(a, b):
    assert key(a) == key(b)


def test_series_and_codes_by_hand():
    values = pd.Series(
        ["José Álvarez", "jose alvarez", "Jose\u0301\tA\u0301lvarez", None, " ", "Ben", 7],
        index=[10, 11, 12, 13, 14, 15, 16],
    )
    keys = name_key(values)
    assert keys.index.tolist() == values.index.tolist()
    assert keys.tolist()[:3] == ["jose alvarez"] * 3
    assert keys.isna().tolist() == [False, False, False, True, True, False, False]
    assert keys.tolist()[5:] == ["ben", "7"]
    for mostly_distinct in (False, True):
        codes, uniques = name_codes(values, mostly_distinct=mostly_distinct)
        assert codes.tolist() == [0, 0, 0, -1, -1, 1, 2]
        assert uniques.tolist() == ["jose alvarez", "ben", "7"]


def test_name_codes_returns_read_only_arrays():
    codes, keys = name_codes(pd.Series(["Ana", "ana"]))
    with pytest.raises(ValueError, match="read-only"):
        codes[0] = 5
    with pytest.raises(ValueError, match="read-only"):
        keys[0] = "x"


def test_name_codes_of_empty_and_all_missing():
    for values in (pd.Series([], dtype=object), pd.Series([None, np.nan], dtype=object)):
        for mostly_distinct in (False, True):
            codes, keys = name_codes(values, mostly_distinct=mostly_distinct)
            assert codes.tolist() == [-1] * len(values)
            assert keys.tolist() == []


@pytest.mark.parametrize("dtype", [object, "str", "string", "category"])
def test_name_codes_same_for_every_text_dtype(dtype):
    values = pd.Series(["Zoë", "Zoe\u0308", "ZOE", None, "Ana"], dtype=dtype)
    codes, keys = name_codes(values)
    assert codes.tolist() == [0, 0, 0, -1, 1]
    assert keys.tolist() == ["zoe", "ana"]


def test_people_codes_match_an_nfd_referrer():
    log = pd.DataFrame(
        {"contact": ["José Álvarez", "Ben"], "referred_by": [None, "Jose\u0301 a\u0301lvarez"]}
    )
    contact, referrer, keys = people_codes(log)
    assert contact.tolist() == [0, 1]
    assert referrer.tolist() == [-1, 0]
    assert keys.tolist() == ["jose alvarez", "ben"]


def test_a_nul_inside_a_name_is_keyed_one_by_one():
    got = _normalise(["Ana\x00Ruiz", "José", "  "])
    assert got[:2].tolist() == ["ana\x00ruiz", "jose"]
    assert got[2] != got[2]  # NaN


def test_the_char_table_covers_every_code_point():
    # _char_kinds scans only planes 0, 1 and 14: no other plane holds Mn, Cf or spaces.
    kinds = names._char_kinds()
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if ch.isspace():
            assert kinds[c] == names._SPACE, hex(c)
        elif unicodedata.category(ch) in ("Mn", "Cf"):
            assert kinds[c] == names._DROP, hex(c)
        else:
            assert kinds[c] == names._KEEP, hex(c)


def test_normalise_equals_key_on_every_code_point():
    # Each character between an accented letter and a no-break space, so that marks,
    # spaces and case meet their neighbours; surrogates cannot be encoded.
    cells = [f"É{chr(c)}\u00a0b" for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    got = _normalise(cells)
    want = np.array([key(c) for c in cells], dtype=object)
    differ = np.flatnonzero(got != want)
    assert [cells[i] for i in differ[:5]] == []


# ---------------------------------------------------------------- properties

# Text likely to trip the rule: accents precomposed and combining, ß, odd spaces,
# format characters, NUL, a control character that is whitespace (\x1f).
_TRICKY = st.text(
    alphabet=st.sampled_from(
        [
            *"aB ß\tÉé\n\x1f\x00x .-İΣςﬁ",
            *["\u0301", "\u0308", "\u00a0", "\u2028", "\u0085", "\u200b", "\ufeff", "\u00ad"],
            *["\u3000", "\u0345", "\u1e9e", "\uac00", "\u1100", "\u1161", "\U0001d165"],
        ]
    ),
    max_size=8,
)
_ANY = st.one_of(_TRICKY, st.text(max_size=8))


def _same(got, want):
    return got == want or (got != got and want is None)  # NaN for blank names


@given(st.lists(_ANY, max_size=20))
def test_normalise_matches_key_on_each(values):
    got = _normalise(values)
    assert len(got) == len(values)
    for g, v in zip(got, values, strict=True):
        assert _same(g, key(v)), (v, g, key(v))


@given(_ANY)
def test_key_is_idempotent(text):
    k = key(text)
    assert k is None or key(k) == k


@given(_ANY)
def test_key_is_the_same_for_nfd_and_nfc(text):
    assert key(unicodedata.normalize("NFD", text)) == key(unicodedata.normalize("NFC", text))


@given(_ANY)
def test_a_key_is_nfc_trimmed_and_single_spaced(text):
    k = key(text)
    if k is not None:
        assert unicodedata.is_normalized("NFC", k)
        assert k == " ".join(k.split())
        assert not any(unicodedata.category(c) in ("Mn", "Cf") for c in k)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=12))
def test_key_ignores_ascii_case(text):
    assert key(text.upper()) == key(text) == key(text.lower())


_ASCII_TEXT = st.text(alphabet=st.sampled_from("aB \t\n\r\x0b\x0c\x1c\x1f\x01x.-"), max_size=8)


@given(st.lists(_ASCII_TEXT, max_size=20))
def test_normalise_ascii_fast_path_matches_the_definition(values):
    # ASCII text is checked for stray spaces with numpy on its bytes (_untidy), and
    # needs nothing beyond case and whitespace.
    got = _normalise(values)
    for g, v in zip(got, values, strict=True):
        want = " ".join(v.casefold().split())
        assert _same(g, want or None)


@given(st.lists(st.one_of(_ANY, st.none()), max_size=30), st.booleans())
def test_name_codes_agree_with_key(values, mostly_distinct):
    series = pd.Series(values, dtype=object)
    codes, keys = name_codes(series, mostly_distinct=mostly_distinct)
    want = [key(v) for v in values]
    assert [None if c < 0 else keys[c] for c in codes] == want
    # Numbered in order of first appearance, each key once.
    assert keys.tolist() == list(dict.fromkeys(k for k in want if k is not None))
    assert [None if k != k else k for k in name_key(series)] == want


def test_normalise_examples():
    got = list(_normalise([" Ana  Ruiz", "ANA RUIZ", "", "\tBen\nOde ", "Straße", 12]))
    assert got[:2] == ["ana ruiz", "ana ruiz"]
    assert got[2] != got[2]  # NaN
    assert got[3:] == ["ben ode", "strasse", "12"]


# ---------------------------------------------------------------- every room, one key


def _people() -> pd.DataFrame:
    """José written three ways (NFC with a double space, ASCII lower case, NFD)."""
    return pd.DataFrame(
        {
            "contact": ["José  Álvarez", "Ben Ode", "Cy Park"],
            "organization": ["Acme", "Globex", "Initech"],
            "referred_by": [None, "jose alvarez", "Jose\u0301 A\u0301lvarez"],
            "field": ["Política", "politica", "POLI\u0301TICA"],
            "status": ["interviewed"] * 3,
            "interview_on": pd.to_datetime(["2026-03-02"] * 3),
        }
    )


def test_referral_chains_link_referrers_written_otherwise():
    chains = iv.referral_chains(_people(), as_of=AS_OF).set_index("contact")
    assert chains.loc["Ben Ode", "root"] == "José  Álvarez"
    assert chains.loc["Cy Park", "root"] == "José  Álvarez"
    assert chains.loc["José  Álvarez", "referrals_made"] == 2
    assert chains["in_log"].all()  # no outside referrer invented for the other spellings


def test_coverage_treats_spellings_of_a_field_as_one():
    table = iv.coverage(_people(), as_of=AS_OF)
    assert table["field"].tolist() == ["Política"]
    assert table["interviewed"].tolist() == [3]


def test_coverage_matches_planned_fields_by_the_name_key():
    table = iv.coverage(_people(), as_of=AS_OF, fields=["Política", "Economía"])
    assert table["field"].tolist() == ["Economía", "Política"]
    assert table["interviewed"].tolist() == [0, 3]


def test_merge_matches_spellings_of_a_person():
    mine = pd.DataFrame({"contact": ["José Álvarez"], "organization": ["Café Ñu"]})
    theirs = pd.DataFrame(
        {
            "contact": ["JOSE\u00a0ALVAREZ", "Jose\u0301 A\u0301lvarez"],
            "organization": ["cafe nu", "Cafe\u0301 N\u0303u"],
            "role": ["Analyst", "Engineer"],
        }
    )
    result = iv.merge_logs(mine, theirs)
    assert result.added == 0
    assert result.log["contact"].tolist() == ["José Álvarez"]
    assert result.log["role"].tolist() == ["Analyst"]  # from the first matching row


def test_anonymize_gives_spellings_of_a_person_one_pseudonym():
    log = _people()
    out = iv.anonymize(log)
    assert out["contact"].tolist() == ["Contact 01", "Contact 02", "Contact 03"]
    assert out["referred_by"].tolist()[1:] == ["Contact 01", "Contact 01"]
    table = iv.pseudonym_map(log)
    people = table[table["kind"] == "contact"]
    assert people["name"].tolist() == ["José  Álvarez", "Ben Ode", "Cy Park"]


def test_pseudonym_map_one_owner_and_organisation_per_key():
    log = pd.DataFrame(
        {
            "contact": ["A", "B", "C"],
            "owner": ["Zoë", "ZOE", "Zoe\u0308"],
            "organization": ["Société", "societe", "SOCIE\u0301TE\u0301"],
        }
    )
    table = iv.pseudonym_map(log)
    assert table[table["kind"] != "contact"]["pseudonym"].tolist() == [
        "Student 1",
        "Organization 01",
    ]
