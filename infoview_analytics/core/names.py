r"""The one name key: how people, organisations, fields and owners are matched.

Every room that asks "is this the same name?" (the loader's duplicate check,
the analyses, :func:`~infoview_analytics.merge_logs`, the LinkedIn import,
anonymisation, the referral tree) uses :func:`key`, :func:`name_key` or
:func:`name_codes` from here. The key of a text is

1. the text in Unicode NFC (the same name typed on macOS, which pastes
   decomposed NFD text, and on Windows gives the same key);
2. case-folded (:meth:`str.casefold`: "ß" -> "ss", "ǅ" -> "ǆ");
3. with accents ignored: decomposed (NFD), combining marks (Unicode category
   Mn) dropped, recomposed (NFC), so "José" == "Jose" == "JOSÉ" ==
   "Jose\u0301";
4. without invisible format characters (category Cf: zero-width space,
   byte-order mark, soft hyphen, zero-width joiner);
5. with every run of Unicode whitespace (space, tab, newline, no-break space,
   U+2028, U+0085 ...; what :meth:`str.split` splits on) collapsed to one
   space, and trimmed;
6. missing (NaN, or None from :func:`key`) when nothing is left.

Numbers and dates among names are keyed as their ``str()``. Keys are for
matching only: names are shown as the user first wrote them.

>>> key("  José   ÁLVAREZ "), key("Jose\u0301 Alvarez"), key("Straße"), key(" \u200b ")
('jose alvarez', 'jose alvarez', 'strasse', None)

Keys are computed on the distinct values only (a cohort log repeats
organisations and fields), and many at a time on one NUL-joined string (see
:func:`_normalise`).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from functools import cache

import numpy as np
import pandas as pd

__all__ = ["key", "name_codes", "name_key", "people_codes", "row_numbers"]

_DROPPED = ("Mn", "Cf")  # combining marks (accents), invisible format characters


def _missing(value: object) -> bool:
    # pandas-stubs: is_scalar does not narrow `object`; pd.isna takes any scalar
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))  # type: ignore[call-overload]


def key(text: object) -> str | None:
    r"""The name key of one value (the rule of the module docstring); None when blank.

    Parameters
    ----------
    text : object
        A name, organisation, field or owner; a number or date is keyed as its
        ``str()``; missing values (None, NaN, NA, NaT) give None.

    Returns
    -------
    str or None

    Examples
    --------
    >>> key("José  Álvarez"), key("JOSE ALVAREZ"), key("Jose\u0301\u00a0Alvarez")
    ('jose alvarez', 'jose alvarez', 'jose alvarez')
    >>> key("\tAna\nRuiz\u2028"), key(""), key(None), key(12)
    ('ana ruiz', None, None, '12')
    """
    if _missing(text):
        return None
    s = text if isinstance(text, str) else str(text)
    if s.isascii():  # nothing to normalise: case and whitespace only
        return " ".join(s.casefold().split()) or None
    s = unicodedata.normalize("NFD", s).casefold()
    s = "".join(c for c in s if unicodedata.category(c) not in _DROPPED)
    return unicodedata.normalize("NFC", " ".join(s.split())) or None


def _untidy(joined: str) -> np.ndarray:
    r"""Which of the NUL-joined ASCII cells need their whitespace cleaned (cell numbers).

    A cell is untidy with a control character (tab, newline, the separators
    0x1c-0x1f; a few flagged are not whitespace, which only costs the clean-up),
    two spaces in a row or a space at its edge. One pass over the bytes finds the
    candidates (bytes up to 0x20: spaces, control characters, the NULs); the rest
    works on those few. Hand-typed logs have a handful of untidy names in a million
    (1,088 of 1.5M in the messy benchmark), so the clean-up then touches only them.

    Examples
    --------
    >>> _untidy("ana ruiz\x00ben").tolist(), _untidy("ana  ruiz\x00ben ").tolist()
    ([], [0, 1])
    >>> _untidy(" ana\x00ben\x00\tx\x00 ").tolist(), _untidy("a\x00\x00").tolist()
    ([0, 2, 3], [])
    """
    a = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    pos = np.flatnonzero(a <= 32)
    byte = a[pos]
    cut, space = byte == 0, byte == 32
    bad = ~cut & ~space  # a control character
    # A space right after or right before another candidate (a space, a control
    # character or a cell boundary), or at either end of the text.
    touching = pos[1:] == pos[:-1] + 1
    bad[1:] |= space[1:] & touching
    bad[:-1] |= space[:-1] & touching
    if len(pos) and space[0] and pos[0] == 0:
        bad[0] = True
    if len(pos) and space[-1] and pos[-1] == len(a) - 1:
        bad[-1] = True
    # A cell's number is the number of boundaries before it.
    return np.unique(np.searchsorted(pos[cut], pos[bad]))


_KEEP, _DROP, _SPACE = 0, 1, 2


@cache
def _char_kinds() -> np.ndarray:
    """What a key does with each code point: keep it, drop it (Mn, Cf) or treat it as a space."""
    kinds = np.zeros(sys.maxunicode + 1, dtype=np.uint8)
    # Planes 0, 1 and 14 hold every Mn, Cf and whitespace character (tested); scanning
    # only them costs ~30 ms, once per process, instead of ~150 ms for all 1.1M.
    for plane in (0, 1, 14):
        for c in range(plane << 16, (plane + 1) << 16):
            ch = chr(c)
            if ch.isspace():
                kinds[c] = _SPACE
            elif unicodedata.category(ch) in _DROPPED:
                kinds[c] = _DROP
    return kinds


def _ascii_keys(joined: str) -> list[str]:
    """Keys ('' for blank) of NUL-joined ASCII cells: casefold, collapse, trim.

    Tidy cells (no runs of whitespace, none at a cell's edge: the usual case)
    are only casefolded and split; the few :func:`_untidy` ones are collapsed
    one by one (collapsing the whole text with numpy took 0.4 s on the 1.5M
    names of a 1M-row messy cohort, finding the untidy ones 0.05 s).
    """
    joined = joined.casefold()
    keys = joined.split("\x00")
    for cell in _untidy(joined).tolist():
        keys[cell] = " ".join(keys[cell].split())
    return keys


def _collapse(points: np.ndarray, space: np.ndarray, cut: np.ndarray) -> np.ndarray:
    """The code points with each cell's whitespace collapsed to single spaces and trimmed.

    ``space`` marks whitespace, ``cut`` the NUL cell boundaries. A space goes
    when it follows a space, a boundary or the start; then (runs now single)
    when it precedes a boundary or the end; the spaces left become U+0020.
    """
    before = np.empty_like(space)
    before[:1], before[1:] = True, space[:-1] | cut[:-1]
    gone = space & before
    if gone.any():
        points, space, cut = points[~gone], space[~gone], cut[~gone]
    after = np.empty_like(space)
    after[-1:], after[:-1] = True, cut[1:]
    gone = space & after
    if gone.any():
        points, space = points[~gone], space[~gone]
    if (space & (points != 32)).any():
        points = np.where(space, points.dtype.type(32), points)
    return points


def _unicode_keys(joined: str) -> list[str]:
    """Keys ('' for blank) of NUL-joined cells, by the whole rule.

    NFD, casefold and NFC run on the joined string (NUL is a boundary for both
    normal forms); dropping marks and collapsing whitespace are numpy passes
    over its code points.
    """
    points = np.frombuffer(
        unicodedata.normalize("NFD", joined).casefold().encode("utf-32-le"), dtype=np.uint32
    )
    kinds = _char_kinds()[points]
    kept = kinds != _DROP
    if not kept.all():
        points, kinds = points[kept], kinds[kept]
    points = _collapse(points, kinds == _SPACE, points == 0)
    text = points.tobytes().decode("utf-32-le")
    return unicodedata.normalize("NFC", text).split("\x00")


def _normalise(values: object) -> np.ndarray:
    """Keys of many present values (object array, NaN for blank), equal to :func:`key` on each.

    Fast path, replacing one Python call of :func:`key` per cell: the cells are
    joined with NUL and keyed by a few C-level passes over the one string
    (measured on a million distinct names: 0.26 s instead of 0.53 s when all
    are ASCII, 0.6 s instead of 0.9 s when one in ten is accented, 1.3 s
    instead of 4.2 s when all are). Pure-ASCII cells (the usual case) are
    joined apart and only casefolded and cleaned of stray whitespace
    (:func:`_ascii_keys`), since ASCII has nothing else to normalise: 0.18 s
    instead of 0.46 s through the Unicode passes (:func:`_unicode_keys`). A
    NUL inside a cell, which would split it, sends every cell through
    :func:`key`. Tested equal to :func:`key` on every code point and by
    hypothesis.
    """
    cells = np.asarray(values, dtype=object)
    if not len(cells):
        return np.array([], dtype=object)
    strings = cells.tolist()
    try:
        joined = "\x00".join(strings)
    except TypeError:  # a number or date among the names
        strings = [v if isinstance(v, str) else str(v) for v in strings]
        cells = np.array(strings, dtype=object)
        joined = "\x00".join(strings)
    if joined.count("\x00") != len(strings) - 1:  # a NUL inside a name: one by one
        return np.array([np.nan if (k := key(v)) is None else k for v in strings], dtype=object)
    keys = np.empty(len(strings), dtype=object)
    if joined.isascii():
        keys[:] = _ascii_keys(joined)
    else:
        ascii_ = np.fromiter((s.isascii() for s in strings), dtype=bool, count=len(strings))
        if ascii_.any():
            keys[ascii_] = _ascii_keys("\x00".join(cells[ascii_].tolist()))
            joined = "\x00".join(cells[~ascii_].tolist())
        keys[~ascii_] = _unicode_keys(joined)
    keys[keys == ""] = np.nan
    return keys


def name_key(values: pd.Series) -> pd.Series:
    r""":func:`key` of every value; missing or blank -> NaN (object dtype, same index).

    Examples
    --------
    >>> name_key(pd.Series([" Ana  Ruiz", "ANA RUIZ", "Zoë", "Zoe\u0308", "", None])).tolist()
    ['ana ruiz', 'ana ruiz', 'zoe', 'zoe', nan, nan]
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
    only they are normalised. Same result either way. The arrays are returned
    read-only: callers copy before changing them.

    Examples
    --------
    >>> codes, keys = name_codes(pd.Series(["Ana Ruiz", " ana  ruiz", None, "Bén", "ben"]))
    >>> codes.tolist(), keys.tolist()
    ([0, 0, -1, 1, 1], ['ana ruiz', 'ben'])
    >>> name_codes(pd.Series(["Ana Ruiz", " ana  ruiz", None, "Ben"]), mostly_distinct=True)[0]
    array([ 0,  0, -1,  1])
    """
    if mostly_distinct:
        present = values.notna().to_numpy()
        key_codes, key_uniques = pd.factorize(
            _normalise(values.to_numpy(dtype=object)[present]), use_na_sentinel=True
        )
        codes = np.full(len(values), -1, dtype=np.int64)
        codes[present] = key_codes
    else:
        raw_codes, uniques = pd.factorize(values, use_na_sentinel=True)
        key_codes, key_uniques = pd.factorize(_normalise(uniques), use_na_sentinel=True)
        key_codes = np.append(key_codes, -1)  # raw code -1 (missing) stays -1
        codes = key_codes[raw_codes].astype(np.int64)
    keys = np.asarray(key_uniques, dtype=object)
    codes.flags.writeable = keys.flags.writeable = False
    return codes, keys


def people_codes(
    log: pd.DataFrame, *, texts: Callable[[str], np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Name-key codes of ``contact`` and of ``referred_by``, numbered together, and the keys.

    One numbering for both columns, so a referrer's code equals the code of
    the contact they name. Used by the referral chains and the funnel's "gave
    referrals" stage.

    Examples
    --------
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben"], "referred_by": [None, "ana  ruiz"]})
    >>> contact, referrer, keys = people_codes(log)
    >>> contact.tolist(), referrer.tolist(), keys.tolist()
    ([0, 1], [-1, 0], ['ana ruiz', 'ben'])
    """
    n = len(log)
    text = texts or (lambda col: log[col].to_numpy(dtype=object))
    both = pd.Series(np.concatenate([text("contact"), text("referred_by")]), dtype=object)
    codes, keys = name_codes(both, mostly_distinct=True)
    return codes[:n], codes[n:], keys


def row_numbers(log: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row numbers: ``source_row`` where known, else position + 2 (header = 1)."""
    pos = np.arange(len(log), dtype=np.int64) + 2
    if "source_row" not in log.columns:
        return pos
    src = pd.to_numeric(log["source_row"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return np.where(np.isnan(src), pos, np.nan_to_num(src)).astype(np.int64)
