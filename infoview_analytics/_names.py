"""Name keys shared by the referral and coverage modules (private).

A name key is the text casefolded, trimmed, with runs of whitespace collapsed
to one space, so that "Ana  Ruiz " and "ana ruiz" match. Computed on the
distinct values only: a cohort log repeats names, organisations and fields.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__: list[str] = []


def _normalise(uniques: object) -> np.ndarray:
    """Keys of distinct values: casefold, trim, collapse whitespace; blank -> NaN."""
    # One pass over the distinct values (not the rows). Plain str methods beat chained
    # pandas .str calls and a regex here.
    join = " ".join
    values = np.asarray(uniques, dtype=object).tolist()
    keys = np.array([join(str(u).casefold().split()) for u in values], dtype=object)
    if len(keys):
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


def name_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of the name keys (-1 for missing or blank) and the keys themselves.

    Examples
    --------
    >>> codes, keys = name_codes(pd.Series(["Ana Ruiz", " ana  ruiz", None, "Ben"]))
    >>> codes.tolist(), keys.tolist()
    ([0, 0, -1, 1], ['ana ruiz', 'ben'])
    """
    raw_codes, uniques = pd.factorize(values, use_na_sentinel=True)
    keys = _normalise(uniques)
    key_codes, key_uniques = pd.factorize(keys, use_na_sentinel=True)
    key_codes = np.append(key_codes, -1)  # raw code -1 (missing) stays -1
    return key_codes[raw_codes].astype(np.int64), np.asarray(key_uniques, dtype=object)


def row_numbers(log: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row numbers: ``source_row`` where known, else position + 2 (header = 1)."""
    pos = np.arange(len(log), dtype=np.int64) + 2
    if "source_row" not in log.columns:
        return pos
    src = pd.to_numeric(log["source_row"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return np.where(np.isnan(src), pos, np.nan_to_num(src)).astype(np.int64)
