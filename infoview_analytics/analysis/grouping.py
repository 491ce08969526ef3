"""Groups of ``by=``: checking the columns, numbering the groups, summing per group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ..core.memo import remembered
from ..core.schema import CATEGORY_COLUMNS, COLUMNS
from ..errors import InvalidArgumentError
from .outcomes import warmth

__all__: list[str] = []


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


def with_groups(log: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Add derived grouping columns (``warmth``) that ``by`` asks for."""
    if "warmth" in by and "warmth" not in log.columns:
        log = log.assign(warmth=warmth(log))
    return log


def group_keys(log: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The grouping columns as plain objects, missing values shown as '(none)'.

    Categories become strings so that groupby never produces empty category
    combinations and missing values form their own group instead of vanishing.
    """
    keys = {}
    for col in by:
        s = log[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        keys[col] = s.astype(object).where(s.notna(), "(none)")
    return pd.DataFrame(keys, index=log.index)


def value_codes(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer code of each value (-1 for missing) and the distinct values as objects.

    ``pandas.factorize`` on the values as written, in order of first
    appearance; categoricals by their codes. Remembered for the same values
    (:mod:`._memo`): a cohort's ``owner`` column is coded once for all the
    analyses, not hashed again by each. The arrays returned are read-only.

    Examples
    --------
    >>> codes, values = value_codes(pd.Series(["b", None, "a", "b"]))
    >>> codes.tolist(), values.tolist()
    ([0, -1, 1, 0], ['b', 'a'])
    """
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes = s.cat.codes.to_numpy().astype(np.int64)
        return _freeze_pair(codes, np.asarray(s.cat.categories.astype(object), dtype=object))

    def compute() -> tuple[np.ndarray, np.ndarray]:
        codes, values = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
        return codes.astype(np.int64), np.asarray(values, dtype=object)

    return remembered("value_codes", [s], compute)


def _freeze_pair(codes: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    codes.flags.writeable = False
    values.flags.writeable = False
    return codes, values


def group_codes(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Group number of each value and the group labels; missing values form '(none)'.

    The groups of :func:`group_keys` (a value written '(none)' and a missing
    value are one group), from :func:`value_codes`.

    Examples
    --------
    >>> codes, labels = group_codes(pd.Series(["b", None, "a", "b"]))
    >>> codes.tolist(), labels.tolist()
    ([0, 2, 1, 0], ['b', 'a', '(none)'])
    """
    codes, values = value_codes(s)
    missing = codes < 0
    if not missing.any():
        return codes, values
    codes = codes.copy()
    where = np.flatnonzero(values == "(none)")
    if len(where):
        codes[missing] = where[0]
    else:
        codes[missing] = len(values)
        values = np.append(values, np.array(["(none)"], dtype=object))
    return codes, values


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


def group_rows(log: pd.DataFrame, by: list[str]) -> Groups:
    """Number the groups of ``by`` once per call, in output order.

    The same groups as grouping by ``_common.group_keys`` (values as objects,
    missing values as the group '(none)'), from integer codes: categories by
    their codes, other columns factorised once, several columns combined.
    """
    n = len(log)
    if not by:
        return Groups(np.zeros(n, dtype=np.int64), pd.DataFrame(index=range(1)))
    combined = np.zeros(n, dtype=np.int64)
    columns = []
    for col in by:
        codes, values = group_codes(log[col])
        combined = combined * len(values) + codes
        combined = pd.factorize(combined)[0].astype(np.int64)  # keep the numbers small
        columns.append((col, codes, values))
    n_groups = int(combined.max(initial=-1)) + 1
    first = np.full(n_groups, n, dtype=np.int64)
    np.minimum.at(first, combined, np.arange(n, dtype=np.int64))
    labels = pd.DataFrame(
        {col: pd.Series(values[codes[first]], dtype=object) for col, codes, values in columns}
    )
    ranked = sort_groups(labels.assign(_code=np.arange(n_groups)), by)
    renumber = np.empty(n_groups, dtype=np.int64)
    renumber[ranked["_code"].to_numpy()] = np.arange(n_groups)
    return Groups(renumber[combined], ranked[by])


def tally(values: pd.DataFrame, groups: Groups, by: list[str]) -> pd.DataFrame:
    """Sum ``values`` (booleans or whole numbers) per group; one row when ``by`` is empty.

    Returns the ``by`` columns followed by the sums as int64, one row per
    group in output order.
    """
    if not by:
        sums = values.sum(axis=0).to_frame().T
        return sums.astype(np.int64).reset_index(drop=True)
    n_groups = len(groups.labels)
    # Labels typed the way pandas types a groupby result (str, int64, ... or object).
    table = pd.DataFrame({col: pd.Series(groups.labels[col].tolist()) for col in by})
    for col in values.columns:
        v = values[col].to_numpy()
        if v.dtype == bool:
            sums = np.bincount(groups.codes[v], minlength=n_groups)
        else:
            sums = pd.Series(v.astype(np.int64)).groupby(groups.codes).sum()
            sums = sums.reindex(range(n_groups), fill_value=0).to_numpy()
        table[col] = sums.astype(np.int64)
    return table


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
