"""Merge an imported log (e.g. from LinkedIn) into the log someone keeps.

:func:`merge_logs` adds the people the existing log lacks and fills its empty
cells from the incoming log. It never changes a cell that holds a value: what
the user typed always wins.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.frame import canonical
from ..core.names import name_key
from ..core.schema import CATEGORIES, CATEGORY_COLUMNS, COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS
from ..core.values import DATE_FLAGS, FLAG_COLUMNS
from ..errors import InvalidArgumentError
from .linkedin.files import url_key

__all__ = ["MergeResult", "merge_logs"]

CHANGE_COLUMNS = ["contact", "organization", "action", "column", "value", "source_row"]


@dataclass(frozen=True)
class MergeResult:
    """What :func:`merge_logs` returns.

    Attributes
    ----------
    log : pandas.DataFrame
        The existing rows (in their order, empty cells filled), then the people
        added.
    changes : pandas.DataFrame
        One row per change: ``contact, organization, action, column, value,
        source_row``. ``action`` is ``added`` (a new person; ``column`` and
        ``value`` empty) or ``filled`` (an empty cell of an existing person got
        ``value``). ``source_row`` is the incoming row's ``source_row`` (where
        the value came from), when it has one.
    """

    log: pd.DataFrame
    changes: pd.DataFrame

    @property
    def added(self) -> int:
        """Number of people added."""
        return int((self.changes["action"] == "added").sum())

    @property
    def filled(self) -> int:
        """Number of cells filled."""
        return int((self.changes["action"] == "filled").sum())


def _match(ex: pd.DataFrame, inc: pd.DataFrame) -> np.ndarray:
    """Position in ``ex`` matched by each row of ``inc`` (-1: none).

    By normalised linkedin_url; then by the name keys (:mod:`..core.names`) of
    name and organisation, when at least one of the two rows has no URL (two
    different URLs are two people).
    """
    if len(ex) == 0 or len(inc) == 0:
        return np.full(len(inc), -1)
    ex_url = url_key(ex["linkedin_url"].astype(object))
    inc_url = url_key(inc["linkedin_url"].astype(object))
    positions = pd.Series(np.arange(len(ex)), index=ex.index)
    have = ex_url.notna()
    by_url = positions[have].groupby(ex_url[have].to_numpy()).first()
    found = inc_url.map(by_url)

    def person(frame: pd.DataFrame) -> pd.Series:
        name = name_key(frame["contact"].astype(object))
        org = name_key(frame["organization"].astype(object)).fillna("")
        return (name + "\x1f" + org).where(name.notna())

    ex_person = person(ex)
    have = ex_person.notna()
    by_person = positions[have].groupby(ex_person[have].to_numpy()).first()
    candidate = person(inc).map(by_person)
    cand_url = pd.Series(
        ex_url.to_numpy()[candidate.fillna(0).astype(int).to_numpy()], index=inc.index
    )
    allowed = candidate.notna() & (inc_url.isna() | cand_url.isna())
    found = found.fillna(candidate.where(allowed))
    return found.fillna(-1).astype(int).to_numpy()


def _as_text(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").astype(object)
    return values.astype(object).astype(str)


def merge_logs(existing: pd.DataFrame, incoming: pd.DataFrame) -> MergeResult:
    """Add new people to ``existing`` and fill its empty cells from ``incoming``.

    People are matched by ``linkedin_url`` (compared without scheme, ``www.``,
    query, trailing slash or case), then by name and organisation (by their
    name keys: case, accents and spacing ignored, however the text was
    typed; both without organisation also match) when at
    least one of the two rows lacks a URL. A matched person's empty cells are
    filled from the first incoming row matching them; cells that hold a value
    are never changed (a ``status`` already set stays, even ``prospect``).
    Incoming people that match no one are appended, with ``source_row``
    cleared (it pointed into another file). Incoming columns the existing log
    lacks (e.g. ``connected_on``) are added at the end. The flag columns of a
    loaded log (``thanked`` beside ``thanked_on``, see ``core.values.DATE_FLAGS``)
    are kept as booleans: an incoming yes fills a False, a True is never
    cleared. Neither input is modified.

    Parameters
    ----------
    existing : pandas.DataFrame
        The log the user keeps (from :func:`~infoview_analytics.load_log`).
    incoming : pandas.DataFrame
        The log to merge in (e.g. from :func:`~infoview_analytics.load_linkedin`).

    Returns
    -------
    MergeResult
        ``log`` (the merged log) and ``changes`` (what was added and filled).

    Raises
    ------
    InvalidArgumentError
        An input is not a DataFrame or has no ``contact`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> mine = pd.DataFrame({"contact": ["Ana Ruiz"], "organization": ["Acme"],
    ...                      "notes": ["met at a fair"]})
    >>> theirs = pd.DataFrame({"contact": ["ana ruiz", "Ben Ode"],
    ...                        "organization": ["ACME", "Globex"],
    ...                        "notes": ["Hi Ana!", "Hi Ben!"], "role": ["Analyst", None]})
    >>> result = merge_logs(mine, theirs)
    >>> result.log[["contact", "organization", "role", "notes"]]
        contact organization     role          notes
    0  Ana Ruiz         Acme  Analyst  met at a fair
    1   Ben Ode       Globex      NaN        Hi Ben!
    >>> result.changes[["contact", "action", "column", "value"]]
        contact  action column    value
    0  Ana Ruiz  filled   role  Analyst
    1   Ben Ode   added    NaN      NaN
    """
    for name, frame in (("existing", existing), ("incoming", incoming)):
        if not isinstance(frame, pd.DataFrame) or "contact" not in frame.columns:
            what = type(frame).__name__ if not isinstance(frame, pd.DataFrame) else "DataFrame"
            msg = (
                f"The value for `{name}` must be a log DataFrame with a 'contact' column "
                f"(from load_log or load_linkedin), but a {what} without one was passed."
            )
            raise InvalidArgumentError(msg)
    ex = canonical(existing).copy()
    inc = canonical(incoming).copy()
    flagged = any(f in frame.columns for frame in (ex, inc) for f in FLAG_COLUMNS)
    if flagged:  # a loaded log: every flag kept, beside its date
        ex, inc = _with_flags(ex), _with_flags(inc)
    extra = [c for c in inc.columns if c not in ex.columns and c != "source_row"]
    # Canonical columns first, then source_row, the user's columns, the incoming extras.
    columns = [*COLUMNS, *(c for c in ex.columns if c not in COLUMNS), *extra]
    for col in extra:  # all-missing, with the incoming column's dtype
        ex[col] = inc[col].iloc[:0].reindex(range(len(ex))).set_axis(ex.index)
    for col in columns:
        ex[col] = ex[col].astype(object) if col in CATEGORY_COLUMNS else ex[col]
    ex = ex.reset_index(drop=True)
    inc = inc.reset_index(drop=True)

    target = _match(ex, inc)
    first = (target >= 0) & ~pd.Series(target).where(target >= 0).duplicated().to_numpy()
    inc_src = (
        inc["source_row"] if "source_row" in inc.columns else pd.Series(pd.NA, index=inc.index)
    )
    changes = []
    pairs_ex, pairs_inc = target[first], np.flatnonzero(first)
    fillable = [c for c in columns if c not in ("source_row", *FLAG_COLUMNS) and c in inc.columns]
    for col in fillable:
        old = ex[col].iloc[pairs_ex]
        new = inc[col].iloc[pairs_inc]
        mask = (old.isna().to_numpy()) & (new.notna().to_numpy())
        if not mask.any():
            continue
        rows_ex, rows_inc = pairs_ex[mask], pairs_inc[mask]
        values = new.iloc[np.flatnonzero(mask)]
        if ex[col].dtype == values.dtype:
            ex.loc[rows_ex, col] = values.to_numpy()
        else:
            ex[col] = ex[col].astype(object)
            ex.loc[rows_ex, col] = values.astype(object).to_numpy()
        changes.append(
            pd.DataFrame(
                {
                    "contact": ex["contact"].iloc[rows_ex].astype(object).to_numpy(),
                    "organization": ex["organization"].iloc[rows_ex].astype(object).to_numpy(),
                    "action": "filled",
                    "column": col,
                    "value": _as_text(values).to_numpy(),
                    "source_row": pd.array(inc_src.iloc[rows_inc].to_numpy(), dtype="Int64"),
                }
            )
        )
    if flagged:
        changes.append(_merge_flags(ex, inc, pairs_ex, pairs_inc, inc_src))
    added = inc.loc[target < 0, [c for c in columns if c in inc.columns]]
    if "source_row" in added.columns:
        added = added.drop(columns="source_row")
    changes.append(
        pd.DataFrame(
            {
                "contact": added["contact"].astype(object).to_numpy(),
                "organization": added["organization"].astype(object).to_numpy(),
                "action": "added",
                "column": np.nan,
                "value": np.nan,
                "source_row": pd.array(inc_src[target < 0].to_numpy(), dtype="Int64"),
            }
        )
    )
    merged = pd.concat(
        [ex, added.astype(dict.fromkeys(CATEGORY_COLUMNS, object))], ignore_index=True
    )
    merged = _restore_types(merged[columns])
    table = pd.concat([c for c in changes if len(c)] or changes[-1:], ignore_index=True)
    return MergeResult(merged, table[CHANGE_COLUMNS])


def _with_flags(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every flag column (``core.values.DATE_FLAGS``) as plain booleans.

    A flag the frame lacks (a hand-made log) is True where its date is known; a
    missing flag value is False (the absence of the event), or True beside a date.
    """
    for date, flag in DATE_FLAGS.items():
        known = frame[date].notna().to_numpy()
        said = (
            frame[flag].astype(object).fillna(False).to_numpy(dtype=bool)
            if flag in frame.columns
            else np.zeros(len(frame), dtype=bool)
        )
        frame[flag] = pd.Series(said | known, index=frame.index, dtype=bool)
    return frame


def _merge_flags(
    ex: pd.DataFrame,
    inc: pd.DataFrame,
    pairs_ex: np.ndarray,
    pairs_inc: np.ndarray,
    inc_src: pd.Series,
) -> pd.DataFrame:
    """Set a matched person's flag when the incoming row says the event happened.

    A flag is filled like an empty cell: False is the absence of the event, so an
    incoming True (dated or not) fills it; a True is never cleared. An undated yes
    ("Thank-you sent: yes") that fills a flag is listed as a change.
    """
    changes = []
    for date, flag in DATE_FLAGS.items():
        old = ex[flag].to_numpy(dtype=bool)[pairs_ex]
        new = inc[flag].to_numpy(dtype=bool)[pairs_inc]
        mask = ~old & new
        if not mask.any():
            continue
        rows_ex, rows_inc = pairs_ex[mask], pairs_inc[mask]
        values = ex[flag].to_numpy(dtype=bool).copy()
        values[rows_ex] = True
        ex[flag] = pd.Series(values, index=ex.index, dtype=bool)
        undated = ex[date].iloc[rows_ex].isna().to_numpy()
        rows_ex, rows_inc = rows_ex[undated], rows_inc[undated]
        changes.append(
            pd.DataFrame(
                {
                    "contact": ex["contact"].iloc[rows_ex].astype(object).to_numpy(),
                    "organization": ex["organization"].iloc[rows_ex].astype(object).to_numpy(),
                    "action": "filled",
                    "column": flag,
                    "value": "yes",
                    "source_row": pd.array(inc_src.iloc[rows_inc].to_numpy(), dtype="Int64"),
                }
            )
        )
    return (
        pd.concat(changes, ignore_index=True)
        if changes
        else pd.DataFrame({c: [] for c in CHANGE_COLUMNS}).astype({"source_row": "Int64"})
    )


def _restore_types(log: pd.DataFrame) -> pd.DataFrame:
    """Give the canonical columns their canonical dtypes again."""
    out = {}
    for col in log.columns:
        s = log[col]
        if col in FLAG_COLUMNS:
            s = pd.Series(s.astype(object).fillna(False).to_numpy(dtype=bool), index=log.index)
        elif col in CATEGORY_COLUMNS:
            known = list(CATEGORIES[col])
            others = [v for v in pd.unique(s.dropna()) if v not in known]
            s = pd.Series(pd.Categorical(s, categories=known + others), index=log.index)
        elif col in DATE_COLUMNS or (
            pd.api.types.is_datetime64_any_dtype(s) and getattr(s.dt, "tz", None) is None
        ):
            s = pd.to_datetime(s).astype("datetime64[ns]")
        elif col in INTEGER_COLUMNS or col == "source_row":
            s = pd.Series(pd.array(s.to_numpy(dtype=object), dtype="Int64"), index=log.index)
        elif col in COLUMNS:
            s = pd.Series(s.astype(object).where(s.notna(), None), index=log.index, dtype="str")
        out[col] = s
    return pd.DataFrame(out, index=log.index)
