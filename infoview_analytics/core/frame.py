"""The canonical frame: every canonical column present, dates at midnight."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidArgumentError
from .schema import COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS

__all__ = ["LOW_CONFIDENCE"]

#: The key of a loaded log's ``attrs`` listing the columns read with low confidence
#: (a fuzzy or content match with a low score): ``{column: {"header": ..., "how":
#: "fuzzy" or "content", "score": ...}}``. The analyses that rely on such a column
#: say so in their ``attrs["gaps"]`` (``analysis/needs.py``).
LOW_CONFIDENCE = "low_confidence"


_DAY_NS = 86_400_000_000_000


def canonical(log: pd.DataFrame) -> pd.DataFrame:
    """Return a shallow copy of ``log`` with every canonical column present.

    Missing columns are added as all-missing with the right dtype, so analyses
    work on hand-made DataFrames and on logs that lack optional columns. Date
    columns are coerced to datetime64 and normalised to midnight; category
    columns to plain strings; a time-zone-aware date column keeps its local date
    (not converted to UTC). The input is never modified.
    """
    if not isinstance(log, pd.DataFrame):
        msg = (
            "Expected the log as a pandas DataFrame (from load_log), "
            f"but got {type(log).__name__}."
        )
        raise InvalidArgumentError(msg)
    out = log.copy(deep=False)
    n = len(out)
    for col in COLUMNS:
        if col not in out.columns:
            if col in DATE_COLUMNS:
                out[col] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
            elif col in INTEGER_COLUMNS:
                out[col] = pd.Series(pd.NA, index=out.index, dtype="Int64")
            else:
                out[col] = pd.Series([None] * n, index=out.index, dtype=object)
    out = out[[*COLUMNS, *(c for c in out.columns if c not in set(COLUMNS))]]
    for col in DATE_COLUMNS:
        s = original = out[col]
        if not pd.api.types.is_datetime64_any_dtype(s):
            s = pd.to_datetime(s, errors="coerce")
        if getattr(s.dt, "tz", None) is not None:
            # The local date is the day, as the loader reads "2026-03-02T23:30-05:00":
            # converting to UTC would move a late-evening meeting to the next day.
            s = s.dt.tz_localize(None)
        if s.dtype != "datetime64[ns]":
            # pandas 3 reads dates as datetime64[us]: a unit change is a multiply.
            s = s.astype("datetime64[ns]")
        ns = s.to_numpy()
        # Loaded logs are at midnight already: checking is ~10x cheaper than normalising
        # (and a floor division by a constant is cheaper than a remainder).
        ints = ns.view(np.int64)
        if ((ints // _DAY_NS * _DAY_NS != ints) & ~np.isnat(ns)).any():
            s = s.dt.normalize()
        if s is not original:  # a loaded log's dates are already right: no setitem
            out[col] = s
    return out
