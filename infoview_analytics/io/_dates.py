"""Date parsing for logs and exports: every format people type, decided per column.

Private to the loader's room. Work is done on the *unique* values of a column
(a million-row log holds a few thousand distinct dates), with vectorised
regular expressions, and mapped back to the rows through integer codes, so
parsing stays fast and linear.

Accepted: ISO (``2026-03-02``, with a time and ``T``/``Z``/``UTC``/offsets/zone
abbreviations), numeric day/month/year or month/day/year with ``/``, ``-`` or
``.`` and 2- or 4-digit years (``4/6/26, 2:12 PM``, ``17.3.26``), ``30 May
2024``, ``May 30, 2024``, month names in English, Spanish, French, German,
Portuguese and Italian (``17 de marzo de 2026``, ``17. März 2026``),
``20260302``, Excel serial numbers (as numbers or text), real date cells and
the start of a Notion range (``March 17, 2026 → March 18, 2026``). Times are
dropped, keeping the day as written (``2026-03-17T23:30:00-05:00`` is the 17th,
also for time-zone-aware date cells): the result is at midnight.

Dates without a year (``Mar 3``, ``3 April``, ``April 14th``, ``14/4``,
``17.3.``) are returned apart, as month and day (:attr:`DateParse.month_day`);
:func:`infer_years` gives them the year the log makes clear.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..core.codes import factorize
from ..core.schema import DEFAULT_DAYFIRST

__all__ = [
    "DateParse",
    "Order",
    "ValueDates",
    "column_order",
    "factorize",
    "infer_years",
    "log_order",
    "parse_dates",
    "parse_values",
]

_TIME = (
    r"(?:[T\s,]+(?:at\s+)?\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)?"
    r"(?:\s*\(?(?:Z|UTC|GMT|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\)?)?"
)
_NUMERIC = re.compile(rf"^(\d{{1,4}})\s*([/.\-])\s*(\d{{1,2}})\s*\2\s*(\d{{1,4}})\.?{_TIME}$")
#: Day and month without a year: 14/4, 4/14, 17.3. or 17.03 (a dot form needs its
#: final dot or a two-digit month, so that a decimal such as 1.5 is not a date).
_NUMERIC_MD = re.compile(
    rf"^(\d{{1,2}})\s*(/|\.(?=\d{{2}}\b|\d{{1,2}}\.))\s*(\d{{1,2}})\.?{_TIME}$"
)
_WEEKDAY = r"(?:[A-Za-z]{3,10}\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th|er|o)?\.?"
_OF = r"(?:\s+(?:de|of|del)(?=\s))?"
_MONTH = r"([A-Za-z]{3,10})\.?"
_DAY_MONTH = re.compile(
    rf"^{_WEEKDAY}(\d{{1,2}}){_ORDINAL}{_OF}[\s\-./]+{_MONTH},?{_OF}[\s\-./]+(\d{{2,4}}){_TIME}$"
)
_MONTH_DAY = re.compile(
    rf"^{_WEEKDAY}{_MONTH}[\s\-]+(\d{{1,2}}){_ORDINAL},?[\s\-]+(\d{{2,4}}){_TIME}$"
)
_DAY_MONTH_NO_YEAR = re.compile(rf"^{_WEEKDAY}(\d{{1,2}}){_ORDINAL}{_OF}[\s\-./]+{_MONTH}{_TIME}$")
_MONTH_DAY_NO_YEAR = re.compile(rf"^{_WEEKDAY}{_MONTH}[\s\-]+(\d{{1,2}}){_ORDINAL}{_TIME}$")
_COMPACT = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{1,6}(?:[.,]\d+)?$")
#: A Notion date range: the start is the date.
_RANGE = re.compile(r"\s*(?:→|->)\s*.*$")

#: Month names and abbreviations (accents folded) in the languages of our users.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "enero", "ene", "janvier", "janv", "januar", "janner", "janeiro",
        "gennaio", "gen"),
    2: ("february", "feb", "febrero", "fevrier", "fevr", "fev", "februar", "fevereiro",
        "febbraio"),
    3: ("march", "mar", "marzo", "mars", "marz", "maerz", "mrz", "marco"),
    4: ("april", "apr", "abril", "abr", "avril", "avr", "aprile"),
    5: ("may", "mayo", "mai", "maio", "maggio", "mag"),
    6: ("june", "jun", "junio", "juin", "juni", "junho", "giugno", "giu"),
    7: ("july", "jul", "julio", "juillet", "juil", "juli", "julho", "luglio", "lug"),
    8: ("august", "aug", "agosto", "ago", "aout"),
    9: ("september", "sep", "sept", "septiembre", "setiembre", "septembre", "setembro", "set",
        "settembre"),
    10: ("october", "oct", "octubre", "octobre", "oktober", "okt", "outubro", "out", "ottobre",
         "ott"),
    11: ("november", "nov", "noviembre", "novembre", "novembro"),
    12: ("december", "dec", "diciembre", "dic", "decembre", "dezember", "dez", "dezembro",
         "dicembre"),
}  # fmt: skip
_MONTHS: dict[str, float] = {
    name: float(number) for number, names in _MONTH_NAMES.items() for name in names
}

#: Excel's day zero (serial 1 is 1900-01-01 in the 1900 date system, which
#: counts a non-existent 1900-02-29; day zero 1899-12-30 is right from March 1900).
_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
#: Serials accepted as dates: 1950-01-01 to 2099-12-31. Outside, a number in a
#: date column is far more likely a typo than a date.
_SERIAL_MIN, _SERIAL_MAX = 18264, 73415
#: Years a date can have: pandas' nanosecond timestamps hold 1677-09-21 to 2262-04-11.
#: A date outside (9999-12-31, 1600-01-01) is reported as not a date, never wrapped
#: around into another year.
_YEAR_MIN, _YEAR_MAX = 1678, 2261


class DateParse(NamedTuple):
    """Result of :func:`parse_dates`.

    Attributes
    ----------
    parsed : pandas.Series
        ``datetime64[ns]`` at midnight, NaT where missing or not understood.
    bad : pandas.Series
        True where a value was given but is not a (whole) date.
    dayfirst : bool
        The day/month order used for ambiguous values of this column.
    conflict : pandas.Series
        True where an unambiguous value contradicts that order (e.g. ``02/13/2026``
        in a column of day-first dates). The value is still parsed as written.
    month_day : pandas.Series
        ``month * 100 + day`` (int64) of a date written without a year (``Mar 3``
        is 303), 0 elsewhere. Such values are also ``bad``: their year is for
        the caller to find (:func:`infer_years`).
    """

    parsed: pd.Series
    bad: pd.Series
    dayfirst: bool
    conflict: pd.Series
    month_day: pd.Series


class ValueDates(NamedTuple):
    """Result of :func:`parse_values`: one entry per distinct value (see :class:`DateParse`).

    Also ``votes`` (rows saying day-first, rows saying month-first), ``dots``
    (most undecided dates are written with dots) and ``ambiguous`` (True where
    the reading rests on the order: both parts 12 or less, and different).
    """

    parsed: np.ndarray
    bad: np.ndarray
    dayfirst: bool
    conflict: np.ndarray
    month_day: np.ndarray
    votes: tuple[int, int] = (0, 0)
    dots: bool = False
    ambiguous: np.ndarray = np.zeros(0, dtype=bool)


class Order(NamedTuple):
    """The day/month order of a column and how it was decided (for the problems table)."""

    dayfirst: bool
    how: str  # e.g. "day first, like the log's other date columns"
    inferred: bool  # True: the column's own dates did not decide


#: Languages whose people write the day first (the names of ``core.headers.LANGUAGES``).
DAY_FIRST_LANGUAGES = frozenset({"Spanish", "French", "German", "Portuguese", "British English"})


def log_order(votes: list[tuple[int, int]], language: str) -> Order:
    """The order for a log's undecided columns: its other date columns, else its language.

    ``votes`` are the (day-first, month-first) row counts of the log's date
    columns; ``language`` the language of its headers ("" when none was known).
    """
    day = sum(v[0] for v in votes)
    month = sum(v[1] for v in votes)
    if day != month:
        first = "day" if day > month else "month"
        return Order(day > month, f"{first} first, like the log's other date columns", True)
    if language in DAY_FIRST_LANGUAGES:
        return Order(True, f"day first, as the log's headers are in {language}", True)
    first = "day" if DEFAULT_DAYFIRST else "month"
    if language:
        return Order(
            DEFAULT_DAYFIRST,
            f"{first} first, as the log's headers are in {language}"
            + (" (the US way)" if not DEFAULT_DAYFIRST else ""),
            True,
        )
    return Order(DEFAULT_DAYFIRST, f"{first} first, the default", True)


def column_order(per: ValueDates, log: Order) -> Order:
    """A column's order: its own dates' vote, else dots (the German way), else the log's."""
    day, month = per.votes
    if day != month:
        first = "day" if day > month else "month"
        return Order(day > month, f"{first} first, like the column's other dates", False)
    if per.dots:
        return Order(True, "day first, as the column's dates are written with dots", True)
    return log


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
        month-first; the majority of rows wins); a column where nothing decides
        is day-first when most of its ambiguous dates are written with dots
        (``03.04.2026``, the German way), else ``schema.DEFAULT_DAYFIRST``.

    Returns
    -------
    DateParse
        ``parsed``, ``bad``, ``dayfirst``, ``conflict``, ``month_day`` (see
        :class:`DateParse`).

    Examples
    --------
    >>> import pandas as pd
    >>> r = parse_dates(pd.Series(["13/03/2026", "02/03/2026", "30 May 2024", "x", None]))
    >>> r.parsed.dt.strftime("%Y-%m-%d").tolist()
    ['2026-03-13', '2026-03-02', '2024-05-30', nan, nan]
    >>> r.bad.tolist(), r.dayfirst
    ([False, False, False, True, False], True)
    >>> parse_dates(pd.Series(["Mar 3", "14/4"])).month_day.tolist()
    [303, 414]
    """
    codes, uniques = factorize(values)
    n = len(uniques)
    weights = np.bincount(codes[codes >= 0], minlength=n) if n else np.zeros(0, dtype=np.intp)
    per = parse_values(uniques, weights, dayfirst=dayfirst)
    index = values.index
    return DateParse(
        pd.Series(take(codes, per.parsed, np.datetime64("NaT")), index=index, name=values.name),
        pd.Series(take(codes, per.bad, False), index=index, name=values.name),
        per.dayfirst,
        pd.Series(take(codes, per.conflict, False), index=index, name=values.name),
        pd.Series(take(codes, per.month_day, 0), index=index, name=values.name),
    )


def take(codes: np.ndarray, per_unique: np.ndarray, missing: object) -> np.ndarray:
    """Per-unique results mapped to the rows (``missing`` where the code is -1)."""
    if len(per_unique) == 0:
        return np.full(len(codes), missing, dtype=per_unique.dtype)
    valid = codes >= 0
    out = per_unique[np.where(valid, codes, 0)]
    if not valid.all():
        out[~valid] = missing
    return out


def parse_values(
    uniques: np.ndarray, weights: np.ndarray, *, dayfirst: bool | None = None
) -> ValueDates:
    """:func:`parse_dates` on distinct values, each used ``weights`` times (for the order vote)."""
    n = len(uniques)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    bad = np.zeros(n, dtype=bool)
    conflict = np.zeros(n, dtype=bool)
    month_day = np.zeros(n, dtype=np.int64)

    kinds = np.array([_kind(u) for u in uniques], dtype=object) if n else np.array([], object)
    is_obj = kinds == "date"
    if is_obj.any():
        out[is_obj] = _from_objects(uniques[is_obj])
        bad[is_obj] = np.isnat(out[is_obj])  # a date cell outside 1678-2261
    is_num = kinds == "number"
    if is_num.any():
        out[is_num], bad[is_num] = _from_serial(uniques[is_num].astype(float))
    bad |= kinds == "other"

    is_str = kinds == "str"
    decided = DEFAULT_DAYFIRST if dayfirst is None else bool(dayfirst)
    ambiguous = np.zeros(n, dtype=bool)
    votes, dots = (0, 0), False
    if is_str.any():
        idx = np.flatnonzero(is_str)
        text = pd.Series(uniques[idx], dtype=object).str.strip()
        empty = (text == "").to_numpy()
        parsed, failed, decided, conf, md, votes, dots, amb = _parse_text(
            text, weights[idx], dayfirst
        )
        out[idx] = parsed
        bad[idx] = failed & ~empty
        conflict[idx] = conf
        month_day[idx] = md
        ambiguous[idx] = amb & (~np.isnat(parsed) | (md > 0))
    return ValueDates(out, bad, decided, conflict, month_day, votes, dots, ambiguous)


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


def _from_objects(values: np.ndarray) -> np.ndarray:
    """Date cells at midnight of the day they show: an aware time keeps its own (local) day."""
    local = [
        v.replace(tzinfo=None) if isinstance(v, _dt.datetime) and v.tzinfo is not None else v
        for v in values
    ]
    # Out of nanosecond range: NaT (reported as not a date), never a wrapped-around date.
    local = [v if _YEAR_MIN <= _year(v) <= _YEAR_MAX else None for v in local]
    stamps = pd.to_datetime(pd.Series(local, dtype=object), errors="coerce")
    return stamps.dt.normalize().to_numpy("datetime64[ns]")


def _year(value: object) -> int:
    """The year of a date object (numpy's datetime64 too); 0 when it has none."""
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return 0
        return int(value.astype("datetime64[Y]").astype("int64")) + 1970
    return int(getattr(value, "year", 0))


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
    ok &= year.between(_YEAR_MIN, _YEAR_MAX)  # else a wrapped-around nanosecond date
    result = np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    if ok.any():
        stamps = pd.to_datetime(frame[ok].astype("int64"), errors="coerce")
        result[ok.to_numpy()] = stamps.to_numpy("datetime64[ns]")
    return result


def _month_day(month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """month * 100 + day where the pair can be a date in some year (29 February too), else 0."""
    ok = (month >= 1) & (month <= 12) & (day >= 1)
    m = np.where(ok, month, 1).astype(np.int64)
    longest = np.array([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[m]
    ok &= day <= longest
    return np.where(ok, m * 100 + np.where(ok, day, 0).astype(np.int64), 0)


def _fold(text: pd.Series) -> pd.Series:
    """A Notion range cut to its start, and accents folded (März -> Marz)."""
    if text.str.contains("→|->", regex=True).any():
        text = text.str.replace(_RANGE, "", regex=True)
    if not text.map(str.isascii).all():
        text = text.map(
            lambda s: unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
        )
    return text


def _parse_text(
    text: pd.Series, weights: np.ndarray, dayfirst: bool | None
) -> tuple[
    np.ndarray, np.ndarray, bool, np.ndarray, np.ndarray, tuple[int, int], bool, np.ndarray
]:
    n = len(text)
    votes, dots_first = (0, 0), False
    ambiguous = np.zeros(n, dtype=bool)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    month_day = np.zeros(n, dtype=np.int64)
    done = (text == "").to_numpy(dtype=bool, copy=True)
    conflict = np.zeros(n, dtype=bool)
    decided = DEFAULT_DAYFIRST if dayfirst is None else bool(dayfirst)
    text = _fold(text)

    # Numeric dates, with and without a year: one vote on the order of the column.
    full = text.str.extract(_NUMERIC)
    short = text.str.extract(_NUMERIC_MD)
    hit_full = full[0].notna().to_numpy() & ~done
    hit_short = short[0].notna().to_numpy() & ~done & ~hit_full
    if hit_full.any() or hit_short.any():
        a = full[0].where(hit_full, short[0])
        sep = full[1].where(hit_full, short[1])
        b = full[2].where(hit_full, short[2])
        c = full[3].where(hit_full, None)
        hit = hit_full | hit_short
        num_a = a.astype(float).to_numpy()
        num_b = b.astype(float).to_numpy()
        num_c = c.astype(float).to_numpy()
        iso = (a.str.len() == 4).to_numpy() & hit_full
        year_last = hit_full & ~iso & c.str.len().isin([2, 4]).to_numpy()
        ordered = year_last | hit_short
        says_df = ordered & (num_a > 12) & (num_b <= 12)
        says_mf = ordered & (num_b > 12) & (num_a <= 12)
        unclear = ordered & ~says_df & ~says_mf
        ambiguous = unclear & (num_a != num_b)
        n_df, n_mf = int(weights[says_df].sum()), int(weights[says_mf].sum())
        votes = (n_df, n_mf)
        if n_df == n_mf:  # nothing decides: dots are the German (day-first) way
            dots = unclear & (sep == ".").to_numpy()
            dots_first = bool(weights[dots].sum() * 2 > weights[unclear].sum())
        if dayfirst is None:
            decided = bool(n_df > n_mf) if n_df != n_mf else dots_first or DEFAULT_DAYFIRST
        use_df = np.where(says_df, True, np.where(says_mf, False, decided))
        conflict[:] = hit & ((says_df & ~decided) | (says_mf & decided))
        month = np.where(iso, num_b, np.where(use_df, num_b, num_a))
        day = np.where(iso, num_c, np.where(use_df, num_a, num_b))
        if hit_full.any():
            year = np.where(iso, num_a, np.where(year_last, num_c, np.nan))
            idx = np.flatnonzero(hit_full)
            out[idx] = _assemble(pd.Series(year[idx]), pd.Series(month[idx]), pd.Series(day[idx]))
        if hit_short.any():
            month_day[hit_short] = _month_day(month[hit_short], day[hit_short])
        done |= hit

    patterns = (
        (_DAY_MONTH, (2, 1, 0)),
        (_MONTH_DAY, (2, 0, 1)),
        (_DAY_MONTH_NO_YEAR, (None, 1, 0)),
        (_MONTH_DAY_NO_YEAR, (None, 0, 1)),
    )
    for pattern, (y, m, d) in patterns:
        rest = ~done
        if not rest.any():
            break
        parts = text[rest].str.extract(pattern)
        names = parts[m].str.lower().map(_MONTHS)
        hit_rest = names.notna().to_numpy()
        if hit_rest.any():
            sub = parts[hit_rest]
            where = np.flatnonzero(rest)[hit_rest]
            if y is None:
                month_day[where] = _month_day(
                    names[hit_rest].to_numpy(), sub[d].astype(float).to_numpy()
                )
            else:
                out[where] = _assemble(sub[y].astype(float), names[hit_rest], sub[d].astype(float))
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
    conflict &= ~failed | (month_day > 0)
    return out, failed, decided, conflict, month_day, votes, dots_first, ambiguous


def infer_years(
    month_day: np.ndarray,
    reference: np.ndarray,
    *,
    as_of: np.datetime64,
    ahead: bool = False,
) -> np.ndarray:
    """Dates for ``month * 100 + day`` values written without a year.

    Each gets the year that puts it closest to one of the ``reference`` dates
    (the log's dates that have a year; ``as_of`` when there are none), among
    the years that do not put it after ``as_of``; ``ahead=True`` allows dates
    after ``as_of`` (a meeting still to come). A tie goes to the earlier year.
    0 stays NaT.

    Examples
    --------
    >>> day = np.datetime64("2026-01-10")
    >>> infer_years(np.array([1228, 105]), np.array([], "datetime64[D]"), as_of=day)
    array(['2025-12-28T00:00:00.000000000', '2026-01-05T00:00:00.000000000'],
          dtype='datetime64[ns]')
    """
    day = np.datetime64(as_of).astype("datetime64[D]")
    refs = np.unique(np.asarray(reference, dtype="datetime64[D]"))
    refs = refs[~np.isnat(refs)]
    if not len(refs):
        refs = np.array([day])
    out = np.full(len(month_day), np.datetime64("NaT"), dtype="datetime64[ns]")
    given = month_day > 0
    if not given.any():
        return out
    mds = np.unique(month_day[given])
    first = int(str(refs[0])[:4]) - 4  # a leap year for 29 February
    last = max(int(str(refs[-1])[:4]), int(str(day)[:4])) + 1
    years = np.arange(first, last + 1)
    # Candidates: every (value, year) pair that is a real date, at most one per year.
    texts = [f"{y:04d}-{md // 100:02d}-{md % 100:02d}" for md in mds for y in years]
    stamps = pd.to_datetime(pd.Series(texts), format="%Y-%m-%d", errors="coerce")
    cand = stamps.to_numpy("datetime64[D]").reshape(len(mds), len(years))
    pos = np.clip(np.searchsorted(refs, cand), 1, len(refs)) if len(refs) > 1 else None
    if pos is None:
        dist = np.abs((cand - refs[0]).astype("timedelta64[D]").astype(float))
    else:
        before = refs[pos - 1]
        after = refs[np.minimum(pos, len(refs) - 1)]
        dist = np.minimum(
            np.abs((cand - before).astype("timedelta64[D]").astype(float)),
            np.abs((cand - after).astype("timedelta64[D]").astype(float)),
        )
    dist[np.isnat(cand)] = np.inf
    if not ahead:
        dist[cand > day] = np.inf
    best = np.argmin(dist, axis=1)  # first (earlier year) on a tie
    chosen = cand[np.arange(len(mds)), best].astype("datetime64[ns]")
    chosen[~np.isfinite(dist.min(axis=1))] = np.datetime64("NaT")
    out[given] = chosen[np.searchsorted(mds, month_day[given])]
    return out
