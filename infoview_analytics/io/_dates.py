"""Date parsing for logs and exports: every format people type, decided per column.

Private, shared by the loader and the LinkedIn importer. Work is done on the
*unique* values of a column (a million-row log holds a few thousand distinct
dates), with vectorised regular expressions, and mapped back to the rows
through integer codes, so parsing stays fast and linear.

Accepted: ISO (``2026-03-02``, with a time and ``T``/``Z``/``UTC``/offsets),
numeric day/month/year or month/day/year with ``/``, ``-`` or ``.`` and 2- or
4-digit years (``4/6/26, 2:12 PM``), ``30 May 2024``, ``May 30, 2024``,
``20260302``, Excel serial numbers (as numbers or text) and real date cells.
Times are dropped: the result is at midnight.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..core.codes import factorize
from ..core.schema import DEFAULT_DAYFIRST

__all__ = ["DateParse", "factorize", "parse_dates"]

_TIME = (
    r"(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)?"
    r"(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?"
)
_NUMERIC = re.compile(rf"^(\d{{1,4}})\s*([/.\-])\s*(\d{{1,2}})\s*\2\s*(\d{{1,4}})\.?{_TIME}$")
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
_DAY_MONTH = re.compile(
    rf"^{_WEEKDAY}(\d{{1,2}})(?:st|nd|rd|th)?[\s\-./]+([A-Za-z]{{3,9}})\.?,?[\s\-./]+(\d{{2,4}})"
    rf"{_TIME}$"
)
_MONTH_DAY = re.compile(
    rf"^{_WEEKDAY}([A-Za-z]{{3,9}})\.?[\s\-]+(\d{{1,2}})(?:st|nd|rd|th)?,?[\s\-]+(\d{{2,4}}){_TIME}$"
)
_COMPACT = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{1,6}(?:[.,]\d+)?$")

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS: dict[str, float] = {}
for _i, _name in enumerate(_MONTH_NAMES, start=1):
    _MONTHS[_name] = _MONTHS[_name[:3]] = float(_i)
_MONTHS["sept"] = 9.0

#: Excel's day zero (serial 1 is 1900-01-01 in the 1900 date system, which
#: counts a non-existent 1900-02-29; day zero 1899-12-30 is right from March 1900).
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
#: Serials accepted as dates: 1950-01-01 to 2099-12-31. Outside, a number in a
#: date column is far more likely a typo than a date.
_SERIAL_MIN, _SERIAL_MAX = 18264, 73415


class DateParse(NamedTuple):
    """Result of :func:`parse_dates`.

    Attributes
    ----------
    parsed : pandas.Series
        ``datetime64[ns]`` at midnight, NaT where missing or not understood.
    bad : pandas.Series
        True where a value was given but is not a date.
    dayfirst : bool
        The day/month order used for ambiguous values of this column.
    conflict : pandas.Series
        True where an unambiguous value contradicts that order (e.g. ``02/13/2026``
        in a column of day-first dates). The value is still parsed as written.
    """

    parsed: pd.Series
    bad: pd.Series
    dayfirst: bool
    conflict: pd.Series


def parse_dates(values: pd.Series, *, dayfirst: bool | None = None) -> DateParse:
    """Parse a column of dates written in any common way; vectorised over unique values.

    Parameters
    ----------
    values : pandas.Series
        Strings, numbers (Excel serials), date/datetime objects or a mix;
        categorical is fine (only its categories are parsed).
    dayfirst : bool, optional
        Order for ambiguous values such as ``03/04/2026``. Default: decided from
        the column (a first part > 12 means day-first, a second part > 12
        month-first; the majority of rows wins), else ``schema.DEFAULT_DAYFIRST``.

    Returns
    -------
    DateParse
        ``parsed``, ``bad``, ``dayfirst``, ``conflict`` (see :class:`DateParse`).

    Examples
    --------
    >>> import pandas as pd
    >>> r = parse_dates(pd.Series(["13/03/2026", "02/03/2026", "30 May 2024", "x", None]))
    >>> r.parsed.dt.strftime("%Y-%m-%d").tolist()
    ['2026-03-13', '2026-03-02', '2024-05-30', nan, nan]
    >>> r.bad.tolist(), r.dayfirst
    ([False, False, False, True, False], True)
    """
    codes, uniques = factorize(values)
    n = len(uniques)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    bad = np.zeros(n, dtype=bool)
    blank = np.zeros(n, dtype=bool)
    conflict = np.zeros(n, dtype=bool)
    weights = np.bincount(codes[codes >= 0], minlength=n) if n else np.zeros(0, dtype=np.intp)

    kinds = np.array([_kind(u) for u in uniques], dtype=object) if n else np.array([], object)
    is_obj = kinds == "date"
    if is_obj.any():
        stamps = pd.to_datetime(pd.Series(uniques[is_obj]), errors="coerce", utc=True)
        out[is_obj] = stamps.dt.tz_convert(None).dt.normalize().to_numpy("datetime64[ns]")
    is_num = kinds == "number"
    if is_num.any():
        out[is_num], bad[is_num] = _from_serial(uniques[is_num].astype(float))
    bad |= kinds == "other"

    is_str = kinds == "str"
    decided = DEFAULT_DAYFIRST if dayfirst is None else bool(dayfirst)
    if is_str.any():
        idx = np.flatnonzero(is_str)
        text = pd.Series(uniques[idx], dtype=object).str.strip()
        empty = (text == "").to_numpy()
        blank[idx[empty]] = True
        parsed, failed, decided, conf = _parse_text(text, weights[idx], dayfirst)
        out[idx] = parsed
        bad[idx] = failed & ~empty
        conflict[idx] = conf

    valid = codes >= 0
    safe = np.where(valid, codes, 0)
    if n:
        parsed_rows = np.where(valid, out[safe], np.datetime64("NaT"))
        bad_rows = valid & bad[safe]
        conflict_rows = valid & conflict[safe]
    else:
        parsed_rows = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
        bad_rows = conflict_rows = np.zeros(len(codes), dtype=bool)
    index = values.index
    return DateParse(
        pd.Series(parsed_rows.astype("datetime64[ns]"), index=index, name=values.name),
        pd.Series(bad_rows, index=index, name=values.name),
        decided,
        pd.Series(conflict_rows, index=index, name=values.name),
    )


def _kind(value: object) -> str:
    if isinstance(value, str):
        return "str"
    if isinstance(value, bool | np.bool_):
        return "other"
    if isinstance(value, _dt.date | np.datetime64):  # datetime, date, Timestamp
        return "date"
    if isinstance(value, int | float | np.integer | np.floating):
        return "number"
    return "other"


def _from_serial(serials: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = np.isfinite(serials) & (serials >= _SERIAL_MIN) & (serials <= _SERIAL_MAX)
    days = np.where(ok, np.floor(np.where(ok, serials, 0)), 0).astype("int64")
    dates = (_EXCEL_EPOCH + days.astype("timedelta64[D]")).astype("datetime64[ns]")
    return np.where(ok, dates, np.datetime64("NaT")), ~ok


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> np.ndarray:
    """datetime64[ns] from float components; NaT for impossible dates (31 February)."""
    year = year.where(year >= 100, np.where(year < 69, 2000 + year, 1900 + year))
    frame = pd.DataFrame({"year": year, "month": month, "day": day})
    ok = frame.notna().all(axis=1) & month.between(1, 12) & day.between(1, 31)
    result = np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    if ok.any():
        stamps = pd.to_datetime(frame[ok].astype("int64"), errors="coerce")
        result[ok.to_numpy()] = stamps.to_numpy("datetime64[ns]")
    return result


def _parse_text(
    text: pd.Series, weights: np.ndarray, dayfirst: bool | None
) -> tuple[np.ndarray, np.ndarray, bool, np.ndarray]:
    n = len(text)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    done = (text == "").to_numpy(dtype=bool, copy=True)
    conflict = np.zeros(n, dtype=bool)
    decided = DEFAULT_DAYFIRST if dayfirst is None else bool(dayfirst)

    parts = text.str.extract(_NUMERIC)
    hit = parts[0].notna().to_numpy() & ~done
    if hit.any():
        a, b, c = (parts.loc[hit, k] for k in (0, 2, 3))
        num_a, num_b, num_c = (s.astype(float) for s in (a, b, c))
        iso = (a.str.len() == 4).to_numpy()
        year_last = ~iso & c.str.len().isin([2, 4]).to_numpy()
        w = weights[hit]
        says_df = year_last & (num_a > 12).to_numpy() & (num_b <= 12).to_numpy()
        says_mf = year_last & (num_b > 12).to_numpy() & (num_a <= 12).to_numpy()
        if dayfirst is None:
            n_df, n_mf = w[says_df].sum(), w[says_mf].sum()
            decided = True if n_df > n_mf else False if n_mf > n_df else DEFAULT_DAYFIRST
        use_df = np.where(says_df, True, np.where(says_mf, False, decided))
        conflict[np.flatnonzero(hit)] = (says_df & ~decided) | (says_mf & decided)
        year = np.where(iso, num_a, np.where(year_last, num_c, np.nan))
        month = np.where(iso, num_b, np.where(use_df, num_b, num_a))
        day = np.where(iso, num_c, np.where(use_df, num_a, num_b))
        idx = a.index
        out[hit] = _assemble(
            pd.Series(year, index=idx), pd.Series(month, index=idx), pd.Series(day, index=idx)
        )
        done |= hit

    for pattern, order in ((_DAY_MONTH, (2, 1, 0)), (_MONTH_DAY, (2, 0, 1))):
        rest = ~done
        if not rest.any():
            break
        parts = text[rest].str.extract(pattern)
        names = parts[order[1]].str.lower().map(_MONTHS)
        hit_rest = names.notna().to_numpy()
        if hit_rest.any():
            sub = parts[hit_rest]
            where = np.flatnonzero(rest)[hit_rest]
            out[where] = _assemble(
                sub[order[0]].astype(float), names[hit_rest], sub[order[2]].astype(float)
            )
            done[where] = True

    rest = ~done
    if rest.any():
        parts = text[rest].str.extract(_COMPACT)
        hit_rest = parts[0].notna().to_numpy()
        if hit_rest.any():
            sub = parts[hit_rest].astype(float)
            where = np.flatnonzero(rest)[hit_rest]
            out[where] = _assemble(sub[0], sub[1], sub[2])
            done[where] = True

    rest = ~done
    if rest.any():
        serial = text[rest]
        hit_rest = serial.str.fullmatch(_SERIAL).to_numpy(dtype=bool)
        if hit_rest.any():
            where = np.flatnonzero(rest)[hit_rest]
            numbers = serial[hit_rest].str.replace(",", ".").astype(float).to_numpy()
            out[where], _ = _from_serial(numbers)
            done[where] = True

    failed = np.isnat(out)
    return out, failed, decided, conflict & ~failed
