"""The one name key for people, organisations and fields, shared by every room.

A name key is the text casefolded, trimmed, with runs of whitespace collapsed
to one space, so that "Ana  Ruiz " and "ana ruiz" match. Computed on the
distinct values only: a cohort log repeats names, organisations and fields.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .memo import remembered

__all__: list[str] = []

_ODD_SPACE = re.compile(r"[^\S ]")  # whitespace other than a plain space


_SPACES = re.compile(r"\s+")
_CELL_EDGES = re.compile(r" ?\x00 ?")


def _spacing(joined: str) -> tuple[bool, bool]:
    r"""For NUL-joined cells: (runs of spaces or other whitespace, a space at a cell's edge).

    Either may be a false positive (it only costs the slower clean-up), never a
    false negative. ASCII text is scanned as bytes with numpy: three passes over
    the array instead of three substring searches, ~6x faster on a million names.

    Examples
    --------
    >>> _spacing("ana ruiz\x00ben"), _spacing("ana  ruiz\x00ben"), _spacing("ana \x00ben")
    ((False, False), (True, False), (False, True))
    >>> _spacing("ana\truiz\x00ben"), _spacing("zoë \x00ben")
    ((True, False), (False, True))
    """
    if not joined.isascii():
        dirty = "  " in joined or _ODD_SPACE.search(joined) is not None
        return dirty, " \x00" in joined or "\x00 " in joined
    a = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    space, nul = a == 32, a == 0
    # Control characters (tab, newline, \x1c-\x1f ... and a few that are not whitespace).
    dirty = bool(((a < 32) & ~nul).any() or (space[:-1] & space[1:]).any())
    edges = bool((space[:-1] & nul[1:]).any() or (nul[:-1] & space[1:]).any())
    return dirty, edges


def _normalise(uniques: object) -> np.ndarray:
    """Keys of distinct values: casefold, trim, collapse whitespace; blank -> NaN."""
    values = np.asarray(uniques, dtype=object).tolist()
    if not values:
        return np.array([], dtype=object)
    # A cohort has about a million distinct names: fold and clean them as one NUL-joined
    # string (C-level passes) instead of one Python call per name.
    try:
        joined = "\x00".join(values).casefold()
    except TypeError:  # a number or date among the names
        values = [str(v) for v in values]
        joined = "\x00".join(values).casefold()
    if joined.count("\x00") != len(values) - 1:  # a NUL inside a name: one by one
        keys = np.array([" ".join(v.casefold().split()) for v in values], dtype=object)
    else:
        dirty, edges = _spacing(joined)
        if dirty:
            joined = _SPACES.sub(" ", joined)
            edges = " \x00" in joined or "\x00 " in joined
        if edges:
            joined = _CELL_EDGES.sub("\x00", joined)
        keys = np.array(joined.strip(" ").split("\x00"), dtype=object)
    keys[keys == ""] = np.nan
    return keys


def name_key(values: pd.Series) -> pd.Series:
    """Casefolded, trimmed, whitespace-collapsed text; missing or blank -> NaN (object dtype).

    Examples
    --------
    >>> name_key(pd.Series([" Ana  Ruiz", "ANA RUIZ", "", None])).tolist()
    ['ana ruiz', 'ana ruiz', nan, nan]
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    keys = _normalise(uniques)
    out = np.full(len(values), np.nan, dtype=object)
    have = codes >= 0
    out[have] = keys[codes[have]]
    return pd.Series(out, index=values.index)


def name_codes(
    values: pd.Series, *, mostly_distinct: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of the name keys (-1 for missing or blank) and the keys themselves.

    Codes are numbered in order of first appearance. With ``mostly_distinct``
    (people's names: nearly every row differs) every present value is
    normalised and the keys hashed once; otherwise (organisations, fields,
    owners: a few values repeated) the distinct values are found first and
    only they are normalised. Same result either way. Remembered for the
    same values (:mod:`._memo`): the arrays returned are read-only.

    Examples
    --------
    >>> codes, keys = name_codes(pd.Series(["Ana Ruiz", " ana  ruiz", None, "Ben"]))
    >>> codes.tolist(), keys.tolist()
    ([0, 0, -1, 1], ['ana ruiz', 'ben'])
    >>> name_codes(pd.Series(["Ana Ruiz", " ana  ruiz", None, "Ben"]), mostly_distinct=True)[0]
    array([ 0,  0, -1,  1])
    """
    return remembered(
        "name_codes",
        [values],
        lambda: _name_codes(values, mostly_distinct=mostly_distinct),
        params=mostly_distinct,
    )


def _name_codes(values: pd.Series, *, mostly_distinct: bool) -> tuple[np.ndarray, np.ndarray]:
    if mostly_distinct:
        present = values.notna().to_numpy()
        keys = _normalise(values.to_numpy(dtype=object)[present])
        key_codes, key_uniques = pd.factorize(keys, use_na_sentinel=True)
        codes = np.full(len(values), -1, dtype=np.int64)
        codes[present] = key_codes
        return codes, np.asarray(key_uniques, dtype=object)
    raw_codes, uniques = pd.factorize(values, use_na_sentinel=True)
    keys = _normalise(uniques)
    key_codes, key_uniques = pd.factorize(keys, use_na_sentinel=True)
    key_codes = np.append(key_codes, -1)  # raw code -1 (missing) stays -1
    return key_codes[raw_codes].astype(np.int64), np.asarray(key_uniques, dtype=object)


def people_codes(log: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Name-key codes of ``contact`` and of ``referred_by``, numbered together, and the keys.

    One numbering for both columns, so a referrer's code equals the code of
    the contact they name. Shared (remembered) by the referral chains and the
    funnel's "gave referrals" stage.

    Examples
    --------
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben"], "referred_by": [None, "ana  ruiz"]})
    >>> contact, referrer, keys = people_codes(log)
    >>> contact.tolist(), referrer.tolist(), keys.tolist()
    ([0, 1], [-1, 0], ['ana ruiz', 'ben'])
    """
    n = len(log)
    both = pd.concat([log["contact"].astype(object), log["referred_by"].astype(object)])
    codes, keys = name_codes(both, mostly_distinct=True)
    return codes[:n], codes[n:], keys


def first_appearances(codes: np.ndarray) -> np.ndarray:
    """Positions where a code first appears, for codes numbered in order of first appearance.

    Such a code is new exactly where it exceeds every code before it, so one
    running maximum finds them (no hashing, no sort).

    Examples
    --------
    >>> first_appearances(np.array([0, 1, 0, 2, 1, 3])).tolist()
    [0, 1, 3, 5]
    """
    codes = np.asarray(codes, dtype=np.int64)
    return np.flatnonzero(codes > running_max_before(codes))


def running_max_before(codes: np.ndarray) -> np.ndarray:
    """For each position, the largest code before it (-1 at the start and for negatives).

    Examples
    --------
    >>> running_max_before(np.array([0, 2, 1, -1, 3])).tolist()
    [-1, 0, 2, 2, 2]
    """
    out = np.empty(len(codes), dtype=np.int64)
    if len(codes):
        out[0] = -1
        np.maximum.accumulate(codes[:-1], out=out[1:])
        np.maximum(out, -1, out=out)
    return out


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for integers, by a sort.

    numpy 2.4's plain ``np.unique`` takes a hash-based path that is ~40x slower
    than sorting on a few hundred thousand spread-out integers (measured:
    160 ms vs 4 ms for 300k values), and it grows worse than linearly.

    Examples
    --------
    >>> sorted_unique(np.array([5, 1, 5, 3, 1])).tolist()
    [1, 3, 5]
    """
    s = np.sort(np.asarray(values))
    if len(s) == 0:
        return s
    return s[np.r_[True, s[1:] != s[:-1]]]


def row_numbers(log: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row numbers: ``source_row`` where known, else position + 2 (header = 1)."""
    pos = np.arange(len(log), dtype=np.int64) + 2
    if "source_row" not in log.columns:
        return pos
    src = pd.to_numeric(log["source_row"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return np.where(np.isnan(src), pos, np.nan_to_num(src)).astype(np.int64)
