"""Turning a raw table of cells into the canonical log and its problems table.

Private to the loader (``loader.read_log`` calls :func:`assemble`): header
mapping, cleaning each column by kind, blank rows, status derivation and the
checks across a row.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd

from ..core.frame import LOW_CONFIDENCE
from ..core.schema import CATEGORIES, CATEGORY_COLUMNS, COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS
from ..core.values import FLAG_COLUMNS
from ..errors import LogFormatError
from . import _answers, _dates, _gather, _headers, _readers, _values

__all__: list[str] = []

PROBLEM_COLUMNS = ("source_row", "column", "value", "problem", "hint")
#: Text columns holding names or short labels: inner whitespace runs are collapsed.
#: Free text (notes, next step) is only stripped, so its line breaks survive.
_FREE_TEXT = frozenset({"notes", "next_step"})


def _empty(column: str, n: int, shared: dict[str, pd.api.extensions.ExtensionArray]) -> pd.Series:
    """An all-missing column of ``column``'s dtype, built without a per-cell pass.

    The text columns share one all-missing array (``shared``): a missing optional
    column costs one array per kind, not one per column (pandas' copy-on-write
    keeps a later change to one of them from reaching the others).
    """
    if column in DATE_COLUMNS:
        return pd.Series(np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"))
    if column in INTEGER_COLUMNS:
        return pd.Series(pd.arrays.IntegerArray(np.zeros(n, dtype=np.int64), np.ones(n, bool)))
    if column in CATEGORY_COLUMNS:
        cats = pd.Index(CATEGORIES[column], dtype=object)
        codes = np.full(n, -1, dtype=np.int8)
        return pd.Series(pd.Categorical.from_codes(codes, categories=cats))
    if "text" not in shared:
        one = pd.array([None], dtype="str")
        shared["text"] = one.take(np.full(n, -1, dtype=np.intp), allow_fill=True)
    return pd.Series(shared["text"], copy=False)


#: Days from the 1900 date system's day zero to the 1904 system's (old Mac Excel).
_DAYS_1904 = 1462


def _from_1904(values: pd.Series) -> pd.Series:
    """Plain numbers of a 1904-date-system workbook as 1900-system serials (date cells
    and text are read as they are)."""
    mask = np.fromiter(
        (isinstance(v, int | float) and not isinstance(v, bool) and v == v for v in values),
        dtype=bool,
        count=len(values),
    )
    if not mask.any():
        return values
    out = values.astype(object).copy()
    out[mask] = out[mask].map(lambda v: v + _DAYS_1904)
    return out


def _full_names(parts: list[pd.Series]) -> pd.Series | None:
    """ "First Name" + "Last Name" joined into one contact name."""
    if not parts:
        return None
    parts = [_values.clean_text(p) for p in parts]
    joined = parts[0] if len(parts) == 1 else parts[0].str.cat(parts[1], sep=" ", na_rep="")
    return _values.clean_text(joined.astype(object))


def _names(
    data: dict[str, pd.Series],
    column: str,
    values: pd.Series,
    report: _gather.Report,
    *,
    links: bool,
) -> np.ndarray:
    """Relation cells as names; in ``referred_by`` a yes/no names nobody.

    Returns the rows whose referrer cell said yes (referred, name unknown).
    """
    names, others = _values.split_relations(data[column]) if links else (data[column], None)
    if others is not None:
        extra = others.notna().to_numpy()
        report(
            extra,
            column,
            values,
            ("a list of names: the first is read, not " + others.fillna("").astype(str)).to_numpy(
                dtype=object
            ),
            "keep one name per cell; the other names are not used",
        )
    said = np.zeros(len(names), dtype=bool)
    if column == "referred_by":
        names, said = _values.referrer_answers(names)
        report(
            said,
            column,
            values,
            "a yes where a name is expected: read as referred, name unknown",
            "write the referrer's name to link the rows",
        )
    data[column] = names
    return said


def _row_checks(
    log: pd.DataFrame, as_of: pd.Timestamp, hints: np.ndarray | None
) -> list[pd.DataFrame]:
    """Problems across the cells of a row, after blank rows are gone; derives status."""
    found: list[pd.DataFrame] = []

    def add(
        mask: pd.Series | np.ndarray,
        column: str,
        values: pd.Series,
        problem: str | pd.Series,
        hint: str,
    ) -> None:
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            shown = values[mask]
            if pd.api.types.is_datetime64_any_dtype(shown):
                text = _days(shown)
            else:
                text = shown.astype(object).where(shown.notna(), "").to_numpy()
            found.append(
                pd.DataFrame(
                    {
                        "source_row": log["source_row"].to_numpy()[mask],
                        "column": column,
                        "value": text,
                        "problem": problem,
                        "hint": hint,
                    }
                )
            )

    add(
        log["contact"].isna(),
        "contact",
        log["contact"],
        "no contact name in a row with data",
        "fill in the person's name (the row is kept)",
    )
    stated = log["status"].notna()
    log["status"] = _values.derive_status(log, as_of, hints)
    for mask, column, problem, hint in _values.contradictions(log, stated, as_of):
        add(mask, column, log[column], problem, hint)
    repeat, first = _values.duplicate_people(log)
    if repeat.any():
        rows = first[repeat].astype(str)
        add(
            repeat,
            "contact",
            log["contact"],
            "same person and organization as row " + rows,
            "merge the rows if they are the same person (both are kept)",
        )
    return found


def _days(dates: pd.Series) -> np.ndarray:
    """Dates as "2026-03-02" text ("" for none), formatted once per distinct date (a
    million-row log's problems repeat a few hundred dates)."""
    codes, uniques = pd.factorize(dates, use_na_sentinel=True)
    texts = np.append(pd.DatetimeIndex(uniques).strftime("%Y-%m-%d").to_numpy(dtype=object), "")
    return texts[codes]


def _collect(
    problems: list[pd.DataFrame], header_problems: list[dict[str, str]], header_row: int
) -> pd.DataFrame:
    header = pd.DataFrame(header_problems).assign(source_row=header_row)
    return pd.concat([_empty_problems(), header, *problems], ignore_index=True)


def _empty_problems() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})


def sort_problems(problems: pd.DataFrame) -> pd.DataFrame:
    order = {c: i for i, c in enumerate(COLUMNS)}
    problems = problems[list(PROBLEM_COLUMNS)].copy()
    problems["source_row"] = problems["source_row"].astype("Int64")
    # By row (the header's problems, with none, first), then in the log's column
    # order, else as found: one stable lexsort, the column ranks looked up per name.
    source = problems["source_row"]
    codes, names = pd.factorize(problems["column"], use_na_sentinel=True)
    ranks = np.array([order.get(c, len(order)) for c in names] + [len(order)], dtype=np.int64)
    at = np.lexsort(
        (ranks[codes], source.to_numpy(dtype=np.int64, na_value=0), source.notna().to_numpy())
    )
    problems = problems.iloc[at].reset_index(drop=True)
    for col in ("column", "value", "problem", "hint"):
        problems[col] = problems[col].where(problems[col].notna(), "").astype("str")
    return problems


def assemble(
    path: Path,
    raw: _readers.RawTable,
    overrides: _readers.Overrides,
    *,
    owner: str | None,
    as_of: pd.Timestamp,
    dayfirst: bool | None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, int]:
    """The canonical log, its problems, the per-header table and the blank-row count.

    Takes the cells out of ``raw`` and frees each raw column once it is
    converted, so the peak memory stays close to one copy of the file.
    """
    n = len(raw.cells)
    found = _headers.map_headers(raw.headers, raw.cells, overrides)
    canonical, unknown, header_problems = found.canonical, found.unknown, found.problems
    index = pd.RangeIndex(n)
    # cast: the raw columns are labelled 0..n-1 (pandas-stubs types labels as str)
    columns = {cast(int, i): raw.cells[i].set_axis(index) for i in raw.cells.columns}
    raw.cells = raw.cells.iloc[:0]  # drop the frame's reference to the cells
    data: dict[str, pd.Series] = {}
    problems: list[pd.DataFrame] = []
    source_row = pd.Series(np.arange(n, dtype=np.int64) + raw.header_row + 1, index=index)
    filled = np.zeros(n, dtype=bool)

    def report(
        mask: pd.Series | np.ndarray,
        column: str,
        values: pd.Series,
        problem: str | np.ndarray,
        hint: str,
    ) -> None:
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            shown = values[mask]
            problems.append(
                pd.DataFrame(
                    {
                        "source_row": source_row[mask].to_numpy(),
                        "column": column,
                        "value": [_values.as_text(v, collapse=False) for v in shown],
                        "problem": problem if isinstance(problem, str) else problem[mask],
                        "hint": hint,
                    }
                )
            )

    first = canonical.pop(_headers.FIRST, None)
    last = canonical.pop(_headers.LAST, None)
    coffee = None
    answers = _gather.Answers(n, as_of, report)
    referred = np.zeros(n, dtype=bool)
    shared: dict[str, pd.api.extensions.ExtensionArray] = {}
    # The date columns first: a column whose own dates leave the day/month order open
    # takes the order of the others, else of the log's language.
    dated: dict[str, tuple[pd.Series, _answers.DateCells]] = {}
    for col in DATE_COLUMNS:
        if col in canonical:
            cells_of = columns.pop(canonical.pop(col))
            cells_of = _from_1904(cells_of) if raw.date1904 else cells_of
            dated[col] = (cells_of, _answers.parse_cells(cells_of, dayfirst=dayfirst))
    if dayfirst is None:
        language = _headers.log_language(raw.headers, found.rows)
        answers.log_order = _dates.log_order([c.per.votes for _, c in dated.values()], language)
    for col in COLUMNS:
        values = columns.pop(canonical[col]) if col in canonical else None
        if col == "contact" and values is None:
            values = _full_names([columns.pop(p) for p in (first, last) if p is not None])
        if col in dated:
            values, cells = dated.pop(col)
            reading = answers.date_column(col, values, cells, dayfirst)
            data[col] = pd.Series(reading.parsed, index=index, copy=False)
            filled |= reading.given
            del values, cells
            continue
        if values is None:
            data[col] = _empty(col, n, shared)
            continue
        if col in INTEGER_COLUMNS:
            data[col], bad = _values.clean_integer(values, col)
            filled |= data[col].notna().to_numpy() | bad.to_numpy()
            report(bad, col, values, "not a whole number", "write a number such as 30")
        elif col in CATEGORY_COLUMNS:
            said = "coffee" if col == "channel" else None
            data[col], bad, written = _values.clean_category(values, col, said=said)
            filled |= data[col].cat.codes.to_numpy() >= 0
            if written is not None:
                coffee = written
            if col == "status":  # "Bumped": awaiting, and the follow-up went out
                answers.status_follow_ups(values)
            if col == "status" and bad.any():  # "Yes", "no reply yet", "Bumped 3/9"
                answers.status_cells(values.where(bad))
            else:
                allowed = ", ".join(data[col].cat.categories[: len(CATEGORIES[col])])
                report(bad, col, values, f"not a known {col} value", f"use one of: {allowed}")
        else:
            data[col], present, links = _values.clean_text_links(
                values, collapse=col not in _FREE_TEXT, look=col in _values.RELATION_COLUMNS
            )
            filled |= present
            if col in _values.RELATION_COLUMNS:
                referred |= _names(data, col, values, report, links=links)
        del values
    flags, hints = answers.finish(data)
    if referred.any():
        # "Referred? Yes" names nobody, but says the request was warm.
        fill = referred & data["source"].isna().to_numpy()
        data["source"] = data["source"].where(~fill, "referral")
    if coffee is not None and coffee.any():
        # A channel written "coffee" is an in-person ask over coffee: fill a blank format.
        fill = coffee & data["format"].isna().to_numpy()
        data["format"] = data["format"].where(~fill, "coffee")
    data["source_row"] = source_row
    data.update({f: pd.Series(flags.pop(f), index=index, copy=False) for f in FLAG_COLUMNS})
    log = pd.DataFrame(data, index=index)
    del data
    for name, pos in unknown.items():
        # The user's own columns pass through as written; they only tell whether a row
        # is blank, and only the rows not already known to hold data need a look.
        values = columns.pop(pos)
        log[name] = values
        empty = np.flatnonzero(~filled)
        if len(empty):
            some = _values.clean_text(values.iloc[empty], collapse=False).notna().to_numpy()
            filled[empty[some]] = True
        del values

    blank_rows = int(n - filled.sum())
    problem_frame = _collect(problems, header_problems, raw.header_row)
    if blank_rows:
        log = log[filled].reset_index(drop=True)
        hints = None if hints is None else hints[filled]
    if not len(log):
        where = f" (sheet {raw.sheet!r})" if raw.sheet is not None else ""
        msg = (
            f"{path}{where} has a header on row {raw.header_row} but no rows below it. "
            "Add at least one person, or check that this is the right sheet."
        )
        raise LogFormatError(msg)
    if owner is not None:
        log["owner"] = log["owner"].fillna(owner).astype("str")
    more = _row_checks(log, as_of, hints)
    problem_frame = sort_problems(pd.concat([problem_frame, *more], ignore_index=True))
    table = pd.DataFrame(found.rows, columns=list(_headers.TABLE_COLUMNS))
    for col in ("score", "closest_score"):
        table[col] = table[col].astype("float64")
    weak = _headers.low_confidence(table)
    if weak:  # what the analyses relying on these columns must say (analysis/needs.py)
        log.attrs[LOW_CONFIDENCE] = weak
    return log, problem_frame, table, blank_rows
