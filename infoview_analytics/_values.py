"""Cleaning the cells of each kind of column, and the checks across columns.

Private to the loader. Every function works on the unique values of a column
(through integer codes) and maps the answers back to the rows with array
indexing, so a million-row log costs a few hash passes, not a million Python
calls per column.
"""

from __future__ import annotations

import datetime as _dt
import re

import numpy as np
import pandas as pd

from ._dates import factorize
from .schema import CATEGORIES, VALUE_SYNONYMS, normalize_value

__all__: list[str] = []

_INTEGER = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes)?\.?\s*$", re.I
)
MINUTE_COLUMNS = frozenset({"minutes_planned", "minutes_actual"})


def as_text(value: object, *, collapse: bool = True) -> str | None:
    """One cell as clean text (None when empty): whitespace stripped, inner runs collapsed."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, str):
        text = " ".join(value.split()) if collapse else value.strip()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # calamine reads every number as float: 5551234.0
    elif isinstance(value, _dt.datetime):
        text = value.isoformat(sep=" ") if value.time() != _dt.time() else value.date().isoformat()
    elif isinstance(value, _dt.date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    return text or None


def _take(codes: np.ndarray, per_unique: np.ndarray, missing: object) -> np.ndarray:
    out = per_unique[np.where(codes >= 0, codes, 0)] if len(per_unique) else per_unique[:0]
    if len(per_unique) == 0:
        return np.full(len(codes), missing, dtype=per_unique.dtype)
    return np.where(codes >= 0, out, missing)


def clean_text(values: pd.Series, *, collapse: bool = True) -> pd.Series:
    """Text column: stripped, inner whitespace runs collapsed (unless ``collapse=False``)."""
    codes, uniques = factorize(values)
    is_str = np.array([type(u) is str for u in uniques], dtype=bool)
    cleaned = np.empty(len(uniques) + 1, dtype=object)
    cleaned[:-1][is_str] = _clean_strings(uniques[is_str].tolist(), collapse)
    cleaned[:-1][~is_str] = [as_text(u, collapse=collapse) for u in uniques[~is_str]]
    cleaned[cleaned == ""] = None
    rows = cleaned[np.where(codes >= 0, codes, len(uniques))]
    return pd.Series(rows, index=values.index, dtype="str", name=values.name)


_RUNS = re.compile(r"\s+")
_EDGES = re.compile(r"\s*\x00\s*")


def _clean_strings(strings: list[str], collapse: bool) -> list[str]:
    """Strip (and collapse) many strings in three C-level passes over one joined string."""
    if not strings:
        return []
    joined = "\x00".join(strings)
    if joined.count("\x00") != len(strings) - 1:  # a NUL inside a cell: do it one by one
        return [(" ".join(s.split()) if collapse else s.strip()) for s in strings]
    if collapse:
        joined = _RUNS.sub(" ", joined)
    return _EDGES.sub("\x00", joined).strip().split("\x00")


def clean_category(values: pd.Series, column: str) -> tuple[pd.Series, pd.Series]:
    """Category column mapped through the synonyms; unknown values kept as written.

    Returns the Categorical (allowed values in order, then unknown ones) and a
    mask of rows holding an unknown value.
    """
    allowed = list(CATEGORIES[column])
    synonyms = VALUE_SYNONYMS[column]
    codes, uniques = factorize(values)
    texts = [as_text(u) for u in uniques]
    mapped = [None if t is None else synonyms.get(normalize_value(t), t) for t in texts]
    categories = allowed + list(dict.fromkeys(m for m in mapped if m and m not in allowed))
    position = {c: i for i, c in enumerate(categories)}
    per_unique = np.array([-1 if m is None else position[m] for m in mapped], dtype=np.int64)
    unknown_u = np.array([m is not None and m not in synonyms.values() for m in mapped])
    row_codes = _take(codes, per_unique, -1)
    cat = pd.Categorical.from_codes(row_codes, categories=pd.Index(categories, dtype=object))
    series = pd.Series(cat, index=values.index, name=values.name)
    unknown = _take(codes, unknown_u.astype(bool), False).astype(bool)
    return series, pd.Series(unknown, index=values.index)


def clean_integer(values: pd.Series, column: str) -> tuple[pd.Series, pd.Series]:
    """Whole numbers written as numbers or text ("30", "30.0", "30 min", "1h" for minutes).

    Returns the ``Int64`` column and a mask of rows whose value is not a whole number.
    """
    codes, uniques = factorize(values)
    numbers = np.full(len(uniques), np.nan)
    bad_u = np.zeros(len(uniques), dtype=bool)
    for i, u in enumerate(uniques):  # one pass over the distinct values, not the rows
        number = _as_number(u, column)
        if number is None:
            bad_u[i] = as_text(u) is not None
        else:
            numbers[i] = number
    rows = _take(codes, numbers, np.nan)
    series = pd.Series(rows, index=values.index, name=values.name).astype("Int64")
    bad = _take(codes, bad_u, False).astype(bool)
    return series, pd.Series(bad, index=values.index)


def _as_number(value: object, column: str) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        unit = None
    else:
        match = _INTEGER.match(str(value))
        if match is None:
            return None
        number = float(match.group(1).replace(",", "."))
        unit = (match.group(2) or "").lower() or None
    if unit is not None:
        if column not in MINUTE_COLUMNS:
            return None
        if unit.startswith("h"):
            number *= 60
    if not np.isfinite(number) or number < 0 or not float(number).is_integer():
        return None
    return number


def derive_status(log: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Status with blanks filled from the dates as of ``as_of`` (docs/log-format.md)."""
    status = log["status"]
    inter, resp, req = log["interview_on"], log["responded_on"], log["requested_on"]
    derived = np.select(
        [
            (inter <= as_of).to_numpy(),
            (inter > as_of).to_numpy(),
            resp.notna().to_numpy(),
            req.notna().to_numpy(),
        ],
        ["interviewed", "scheduled", "replied", "awaiting"],
        default="prospect",
    )
    filled = status.astype(object).where(status.notna(), pd.Series(derived, index=log.index))
    return pd.Series(
        pd.Categorical(filled, categories=status.cat.categories),
        index=log.index,
        name="status",
    )


def contradictions(
    log: pd.DataFrame, stated: pd.Series, as_of: pd.Timestamp
) -> list[tuple[pd.Series, str, str, str]]:
    """Rows whose dates or stated status contradict each other.

    ``stated`` is True where the status was written by the user (not derived).
    Returns (mask, column, problem, hint) tuples.
    """
    req = log["requested_on"]
    day = f"{as_of:%Y-%m-%d}"
    status = log["status"].astype(object)
    return [
        (
            log["interview_on"] < req,
            "interview_on",
            "interview date before the request date",
            "check both dates",
        ),
        (
            log["responded_on"] < req,
            "responded_on",
            "response date before the request date",
            "check both dates",
        ),
        (
            log["followed_up_on"] < req,
            "followed_up_on",
            "follow-up date before the request date",
            "check both dates",
        ),
        (
            log["thanked_on"] < log["interview_on"],
            "thanked_on",
            "thank-you date before the interview date",
            "check both dates",
        ),
        (
            stated & (status == "interviewed") & (log["interview_on"] > as_of),
            "status",
            f"status is interviewed but the interview date is after {day}",
            "set the status to scheduled, or correct the interview date",
        ),
        (
            stated & (status == "prospect") & req.notna(),
            "status",
            "status is prospect but a request date is filled",
            "set the status to awaiting (or later), or clear the request date",
        ),
    ]


def duplicate_people(log: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Rows repeating an earlier row's person (same name and organisation, same owner).

    Names are compared case- and space-insensitively. Returns the mask of the
    repeats and, for each row, the ``source_row`` of the first occurrence.
    """
    combined = np.zeros(len(log), dtype=np.int64)
    named = np.zeros(len(log), dtype=bool)
    for col in ("contact", "organization", "owner"):
        codes, uniques = factorize(log[col])
        folded, _ = pd.factorize(pd.Series([str(u).casefold() for u in uniques], dtype=object))
        key = np.where(
            codes >= 0, folded[np.where(codes >= 0, codes, 0)] if len(folded) else 0, -1
        )
        if col == "contact":
            named = key >= 0
        combined = combined * (len(folded) + 1) + (key + 1)
    if not len(log):
        return pd.Series(False, index=log.index), pd.Series([], index=log.index, dtype="int64")
    combined, _ = pd.factorize(combined)
    first_pos = np.full(combined.max() + 1, len(log))
    np.minimum.at(first_pos, combined, np.arange(len(log)))
    first = first_pos[combined]
    repeat = (first != np.arange(len(log))) & named
    rows = np.asarray(log["source_row"])[first]
    return pd.Series(repeat, index=log.index), pd.Series(rows, index=log.index)
