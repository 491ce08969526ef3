"""Groups of ``by=``: checking the columns, numbering the groups, summing per group."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..core.names import name_codes, name_key
from ..core.schema import CATEGORY_COLUMNS, COLUMNS
from ..errors import InvalidArgumentError

__all__: list[str] = []


#: The group of rows without a field.
NO_FIELD = "(no field)"

#: Columns that can be used in ``by=`` although they are derived, not stored.
DERIVED_COLUMNS = ("warmth",)


def check_by(log: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """Validate ``by`` (None, a column name or a list of them) and return it as a list."""
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by)
    allowed = [c for c in log.columns if isinstance(c, str)] + [
        c for c in DERIVED_COLUMNS if c not in log.columns
    ]
    for col in cols:
        if not isinstance(col, str) or col not in allowed:
            shown = [c for c in (*COLUMNS, *DERIVED_COLUMNS) if c in allowed]
            msg = (
                f"The value for `by` must be a column name or a list of them, one of {shown}, "
                f"but {col!r} was passed."
            )
            raise InvalidArgumentError(msg)
    return cols


#: The name codes of a column, when the caller keeps them (a prepared log does, per column).
CodesOf = Callable[[str], "tuple[np.ndarray, np.ndarray] | None"]


def column_codes(
    s: pd.Series, *, codes_of: CodesOf | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Group number of each value (in order of first appearance) and the group labels.

    Text columns are grouped by the one name key (so "Data", "data " and an NFD
    "Data" are one group), each group shown as first written (without
    surrounding spaces); category and number columns by their values. Missing
    values form their own group, '(none)'. ``codes_of(s.name)`` gives a text
    column's :func:`~infoview_analytics.core.names.name_codes` when the caller
    keeps them.

    Examples
    --------
    >>> codes, labels = column_codes(pd.Series(["b", None, "a", "B ", "(none)"]))
    >>> codes.tolist(), labels.tolist()
    ([0, 1, 2, 0, 1], ['b', '(none)', 'a'])
    """
    if isinstance(s.dtype, pd.CategoricalDtype) or not _is_text(s):
        codes, labels = pd.factorize(s.astype(object).where(s.notna(), "(none)"))
        return codes.astype(np.int64), np.asarray(labels, dtype=object)
    known = codes_of(str(s.name)) if codes_of else None
    keyed, _ = name_codes(s) if known is None else known
    have = np.flatnonzero(keyed >= 0)
    first = have[~pd.Series(keyed[have]).duplicated().to_numpy()]  # key k first at first[k]
    shown = np.append(stripped(s.iloc[first].to_numpy(dtype=object)), "(none)")
    # Integer codes factorise in C in a few ms; key -1 (missing) indexes "(none)".
    codes, uniques = pd.factorize(keyed)
    # A value written "(none)" joins the missing ones: the labels decide the groups.
    merged, labels = pd.factorize(shown[uniques])
    return merged[codes].astype(np.int64), np.asarray(labels, dtype=object)


def group_keys(
    log: pd.DataFrame, by: list[str], *, codes_of: CodesOf | None = None
) -> pd.DataFrame:
    """The grouping columns as plain objects, missing values shown as '(none)'.

    The groups of :func:`column_codes`, one label per row. Categories become
    strings so that groupby never produces empty category combinations, and
    missing values form their own group instead of vanishing.

    Examples
    --------
    >>> group_keys(pd.DataFrame({"field": ["Data", None, "data ", "Law"]}), ["field"])
       field
    0    Data
    1  (none)
    2    Data
    3     Law
    """
    keys = {}
    for col in by:
        codes, labels = column_codes(log[col], codes_of=codes_of)
        keys[col] = pd.Series(labels[codes], index=log.index, dtype=object)
    return pd.DataFrame(keys, index=log.index)


def _is_text(s: pd.Series) -> bool:
    """Whether a column holds text (object or string dtype with a string among its values)."""
    if pd.api.types.is_string_dtype(s.dtype) and not pd.api.types.is_object_dtype(s.dtype):
        return True
    if not pd.api.types.is_object_dtype(s.dtype):
        return False
    present = s.dropna()
    return bool(len(present)) and all(isinstance(v, str) for v in present.iloc[:100])


def combine_codes(parts: Sequence[np.ndarray], n: int) -> np.ndarray:
    """One group number per row for several columns' codes (order of first appearance).

    Re-factorised at each step so the combined code never overflows.
    """
    gid = np.zeros(n, dtype=np.int64)
    for codes in parts:
        gid = pd.factorize(gid * (int(codes.max(initial=0)) + 1) + codes)[0]
    return gid


def category_values(column: str) -> tuple[str, ...]:
    """Allowed values of a category column (empty for other columns)."""
    from ..core.schema import CATEGORIES

    return CATEGORIES.get(column, ()) if column in CATEGORY_COLUMNS else ()


class Groups(NamedTuple):
    """The log's rows numbered by group, the groups in output order (:func:`sort_groups`)."""

    #: Group number (0 .. number of groups - 1) of each log row.
    codes: np.ndarray
    #: The ``by`` columns, one row per group number ('(none)' for missing values).
    labels: pd.DataFrame


def group_rows(log: pd.DataFrame, by: list[str], *, codes_of: CodesOf | None = None) -> Groups:
    """Number the groups of ``by`` in output order (see :func:`sort_groups`).

    The groups are those of :func:`column_codes` (values as written, missing
    values as the group '(none)'); a prepared log computes them once per ``by``
    and passes the name codes it keeps (``codes_of``).
    """
    n = len(log)
    if not by:
        return Groups(np.zeros(n, dtype=np.int64), pd.DataFrame(index=range(1)))
    coded = [column_codes(log[c], codes_of=codes_of) for c in by]
    # Numbered in order of first appearance, as drop_duplicates would list them.
    codes = combine_codes([c for c, _ in coded], n)
    firsts = np.flatnonzero(~pd.Series(codes).duplicated().to_numpy())
    labels = pd.DataFrame(
        {
            col: pd.Series(labels[c[firsts]], dtype=object)
            for col, (c, labels) in zip(by, coded, strict=True)
        }
    )
    ranked = sort_groups(labels.assign(_code=np.arange(len(labels))), by)
    renumber = np.empty(len(labels), dtype=np.int64)
    renumber[ranked["_code"].to_numpy()] = np.arange(len(labels))
    return Groups(renumber[codes], ranked[by].reset_index(drop=True))


def tally(values: pd.DataFrame, groups: Groups, by: list[str]) -> pd.DataFrame:
    """Sum ``values`` (booleans or whole numbers) per group; one row when ``by`` is empty.

    Returns the ``by`` columns followed by the sums as int64, one row per
    group in output order.
    """
    if not by:
        return values.sum(axis=0).to_frame().T.astype(np.int64).reset_index(drop=True)
    n_groups = len(groups.labels)
    sums = values.astype(np.int64).groupby(groups.codes).sum()
    sums = sums.reindex(range(n_groups), fill_value=0).reset_index(drop=True)
    # Labels typed the way pandas types a groupby result (str, int64, ... or object).
    labels = pd.DataFrame({col: pd.Series(groups.labels[col].tolist()) for col in by})
    return pd.concat([labels, sums], axis=1)


def sort_groups(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Sort rows by the ``by`` columns: category order, then alphabetical, '(none)' last."""
    if not by or table.empty:
        return table.reset_index(drop=True)
    order: dict[str, Any] = {}
    for i, col in enumerate(by):
        text = table[col].astype(str)
        cats = category_values(col)
        rank = text.map({v: k for k, v in enumerate(cats)}).fillna(len(cats))
        order[f"rank{i}"] = rank.where(text != "(none)", len(cats) + 1).to_numpy()
        order[f"fold{i}"] = text.str.casefold().to_numpy()
        order[f"text{i}"] = text.to_numpy()
    keys = pd.DataFrame(order)
    position = keys.sort_values(list(order), kind="mergesort").index
    return table.iloc[position].reset_index(drop=True)


def empty_table(columns: list[str], **dtypes: str) -> pd.DataFrame:
    """An empty table with the given columns (int64 unless named in ``dtypes``)."""
    return pd.DataFrame({col: pd.Series(dtype=dtypes.get(col, "int64")) for col in columns})


def field_groups(
    log: pd.DataFrame,
    keys_by: list[str],
    planned: Sequence[str] = (),
    *,
    codes_of: CodesOf | None = None,
) -> tuple[np.ndarray, pd.DataFrame]:
    """Group id of every row and the group table (by columns, sorted, "(no field)" last).

    The last ``by`` column is the field-like one: matched by name key, shown as
    first written, missing as "(no field)". ``planned`` field names are added
    (with no rows) for every combination of the other ``by`` columns.
    ``codes_of`` gives the name codes the caller keeps (a prepared log, per column).
    """
    other, field_col = keys_by[:-1], keys_by[-1]
    coded = {c: column_codes(log[c], codes_of=codes_of) for c in other}
    fcode, ftext = (codes_of and codes_of(field_col)) or name_codes(log[field_col])
    # Codes are numbered in order of first appearance: firsts are where a code is new.
    have = np.flatnonzero(fcode >= 0)
    first_of_key = have[~pd.Series(fcode[have]).duplicated().to_numpy()]
    # Each key shown as first written (key k first appears at first_of_key[k]); then "(no field)".
    shown_of = np.full(len(ftext) + 1, NO_FIELD, dtype=object)
    shown_of[:-1] = stripped(log[field_col].iloc[first_of_key].to_numpy(dtype=object))
    gid = combine_codes([*(coded[c][0] for c in other), fcode + 1], len(log))
    firsts = np.flatnonzero(~pd.Series(gid).duplicated().to_numpy())
    table = pd.DataFrame(
        {
            c: pd.Series(labels[codes[firsts]], dtype=object)
            for c, (codes, labels) in coded.items()
        },
        index=pd.RangeIndex(len(firsts)),
    )
    fkey = fcode[firsts]
    table[field_col] = text_column(shown_of, np.where(fkey >= 0, fkey, len(ftext)))
    # A sort key only: kept as Python strings (pandas would make Arrow strings of them).
    key = np.where(fkey >= 0, ftext[np.maximum(fkey, 0)] if len(ftext) else "", "")
    table["_key"] = pd.Series(key, index=table.index, dtype=object)
    table["_gid"] = np.arange(len(table))
    if planned:
        wanted = pd.DataFrame({field_col: list(planned)})
        wanted["_key"] = name_key(wanted[field_col]).to_numpy(dtype=object)
        combos = table[other].drop_duplicates() if other else pd.DataFrame(index=[0])
        extra = combos.merge(wanted.drop_duplicates("_key"), how="cross")
        extra = extra.merge(
            table[[*other, "_key"]], on=[*other, "_key"], how="left", indicator=True
        )
        extra = extra[extra["_merge"] == "left_only"].drop(columns="_merge")
        extra["_gid"] = -1
        table = pd.concat([table, extra[table.columns]], ignore_index=True)
    table["_nofield"] = table[field_col] == NO_FIELD
    table = table.sort_values([*other, "_nofield", "_key"], kind="stable")
    return gid, table.reset_index(drop=True)


def text_column(labels: np.ndarray, codes: np.ndarray) -> Any:
    """``labels[codes]`` as the column pandas makes of it, each label converted once.

    Setting an object array of strings as a column makes pandas 3 convert every
    value to its ``str`` dtype (Arrow strings with pyarrow: 0.3 s for the
    470,000-row coverage table of a 1M-row messy cohort); here the few labels are
    converted, then taken. The dtype is the one pandas infers from the values
    (``str``, or object for other values or no values).

    Examples
    --------
    >>> frame = pd.DataFrame({"n": [1, 2, 3]})
    >>> frame["status"] = text_column(np.array(["low", "high"], dtype=object), np.array([1, 0, 1]))
    >>> frame["status"].tolist()
    ['high', 'low', 'high']
    """
    labels = np.asarray(labels, dtype=object)
    return pd.Series(labels if len(codes) else labels[:0]).array.take(codes)


def stripped(values: np.ndarray) -> np.ndarray:
    """The values as text without surrounding spaces, each distinct value stripped once.

    A cohort has many groups but few organisations and fields.
    """
    codes, distinct = pd.factorize(values)
    return np.asarray([str(v).strip() for v in distinct], dtype=object)[codes]
