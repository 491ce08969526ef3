"""One row per student of a cohort: the advisor's overview.

A cohort log comes from ``load_logs`` (one file per student, the ``owner``
column filled from the file name). Rows without an owner form an "(none)"
group.

Shared outputs must not let a figure describe one identifiable student (a
pseudonym does not hide the only student in a small group). The minimum group
size ``k`` (``min_group_size``) is the number of distinct students whose rows
make a figure: :func:`hide_small_groups` removes the groups of a table made
from fewer than ``k`` students, and :func:`cohort_summary` given
``min_group_size`` above 1 shows no per-student row (each describes one
student). Both say what they hid in ``table.attrs["hidden"]``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.docs import fill_doc
from ..core.schema import DATE_COLUMNS
from .docs import DOCS, columns_of
from .grouping import NO_FIELD, check_by, column_codes, group_keys
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import ratio, wilson
from .steps import overdue_per_row
from .tables import TABLES

__all__ = ["cohort_summary", "hide_small_groups"]

#: The columns of the summary (declared in :mod:`.tables`).
COHORT_COLUMNS = list(TABLES["cohort_summary"].columns)


@fill_doc(DOCS, columns=columns_of("cohort_summary"))
def cohort_summary(
    log: pd.DataFrame | PreparedLog,
    *,
    as_of: object = None,
    minimum: int = 3,
    min_group_size: int = 1,
) -> pd.DataFrame:
    """One row per student: requests, response rate, interviews, coverage, overdue follow-ups.

    Parameters
    ----------
    log : pandas.DataFrame or PreparedLog
        A cohort log (``load_logs``) with an ``owner`` column; not modified.
    %(as_of)s
    minimum : int, default 3
        Interviews a field needs to count as covered.
    min_group_size : int, default 1
        For a table to share: every row describes one student, so with a
        minimum group size above 1 no row is shown (the table is empty and
        ``attrs["hidden"]`` says why); share pooled figures instead
        (:func:`~infoview_analytics.response_rates` of the whole cohort).

    Returns
    -------
    pandas.DataFrame
        One row per owner, sorted by owner: %(columns)s.
        ``response_rate`` is responded / decided (pending requests left out)
        with its 95% Wilson interval; ``fields_total`` counts the distinct
        fields in the student's rows ("(no field)" not counted) and
        ``fields_at_minimum`` those with at least ``minimum`` interviews;
        ``follow_ups_overdue`` counts the overdue rows of
        :func:`~infoview_analytics.follow_ups_due`; ``last_activity`` is the
        latest date of any date column on or before ``as_of`` (NaT if none).
        ``attrs["hidden"]``: sentences saying what ``min_group_size`` hid.

    Raises
    ------
    InvalidArgumentError
        When ``minimum`` or ``min_group_size`` is not a whole number of at least 1.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "owner": ["amy", "amy", "amy", "bo", "bo"],
    ...     "contact": ["Ana", "Ben", "Cy", "Dee", "Eli"],
    ...     "organization": ["Acme", "Hooli", "Acme", "Initech", "Initech"],
    ...     "field": ["data", "data", "data", "law", "law"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-04",
    ...                                     "2026-03-02", None]),
    ...     "interview_on": pd.to_datetime(["2026-03-09", "2026-03-10", "2026-03-11",
    ...                                     None, None]),
    ...     "thanked_on": pd.to_datetime(["2026-03-09", "2026-03-10", "2026-03-11",
    ...                                   None, None]),
    ...     "status": ["interviewed", "interviewed", "interviewed", "awaiting", "prospect"],
    ... })
    >>> s = cohort_summary(log, as_of="2026-03-20")
    >>> s[["owner", "asked", "interviews", "fields_at_minimum", "fields_total"]]
      owner  asked  interviews  fields_at_minimum  fields_total
    0   amy      3           3                  1             1
    1    bo      1           0                  0             1
    >>> s["follow_ups_overdue"].tolist(), s["last_activity"].dt.day.tolist()
    ([0, 2], [11, 2])
    >>> shared = cohort_summary(log, as_of="2026-03-20", min_group_size=5)
    >>> len(shared), shared.attrs["hidden"]
    (0, ['2 students: each row describes one student, fewer than the minimum group size of 5.'])
    """
    minimum = check_positive_int("minimum", minimum, minimum=1)
    k = check_positive_int("min_group_size", min_group_size, minimum=1)
    p = prepare(log, as_of=as_of)
    out = p.outcomes
    # Students numbered in owner order (as groupby on the owner labels sorts them), so
    # the sums are bincounts over integer codes: grouping a million owner strings three
    # times took 0.45 s of 0.6 s on a 1M-row cohort.
    codes, labels = column_codes(p.frame["owner"], codes_of=p._known_codes)
    rank, owners = pd.factorize(labels, sort=True)
    student, n = rank[codes], len(owners)
    res = pd.DataFrame(
        {col: np.bincount(student[out[col].to_numpy(dtype=bool)], minlength=n)
         for col in ("asked", "decided", "responded", "interviewed")},
        index=pd.Index(np.asarray(owners, dtype=object), name="owner", dtype=object),
    ).astype(np.int64)  # fmt: skip
    res = res.rename(columns={"interviewed": "interviews"})
    latest = np.full(n, np.iinfo(np.int64).min)  # NaT: no activity
    np.maximum.at(latest, student, _last_activity(p.frame, p.as_of).view(np.int64))
    res["last_activity"] = latest.view("datetime64[ns]")
    # Interviews per (owner, field), grouped exactly as coverage(by=["owner", "field"]) does.
    gid, fields = p.field_groups(["owner", "field"])
    per_field = np.bincount(gid[out["interviewed"].to_numpy(dtype=bool)], minlength=len(fields))
    fields = fields.assign(interviewed=per_field[fields["_gid"].to_numpy()])
    fields = fields[fields["field"] != NO_FIELD]
    res["fields_total"] = fields.groupby("owner").size()
    res["fields_at_minimum"] = fields[fields["interviewed"] >= minimum].groupby("owner").size()
    overdue = overdue_per_row(p.frame, p.steps, as_of=p.as_of, calendar=p.calendar)
    res["follow_ups_overdue"] = np.bincount(student, weights=overdue, minlength=n).astype(np.int64)
    for col in ("fields_total", "fields_at_minimum"):
        res[col] = res[col].reindex(res.index).fillna(0).astype(np.int64)
    low, high = wilson(res["responded"], res["decided"])
    res["response_rate"] = ratio(res["responded"], res["decided"])
    res["ci_low"] = low
    res["ci_high"] = high
    res = res.reset_index()[list(TABLES["cohort_summary"].columns)]
    hidden = []
    if k > 1 and len(res):
        hidden.append(
            f"{len(res)} students: each row describes one student, fewer than the minimum "
            f"group size of {k}."
        )
        res = res.iloc[:0]
    res.attrs["hidden"] = hidden
    return with_gaps(res, p, "cohort_summary")


def _students_per_group(prepared: PreparedLog, by: list[str]) -> pd.Series:
    """Distinct students (owner name keys; no owner counts as one) per group of ``by``.

    Indexed by the group labels as the analyses show them (:func:`group_keys`,
    with ``(no field)`` for rows without a field).
    """
    frame = prepared.with_derived(by)
    keys = group_keys(frame, by)
    if "field" in by:  # coverage and the perspectives call a missing field "(no field)"
        keys["field"] = keys["field"].replace("(none)", NO_FIELD)
    owner = prepared.name_codes("owner")[0]
    counted = keys.assign(_owner=owner)
    return counted.groupby(by, sort=False)["_owner"].nunique()


@fill_doc(DOCS)
def hide_small_groups(
    table: pd.DataFrame,
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | list[str],
    min_group_size: int = 5,
    as_of: object = None,
) -> pd.DataFrame:
    """Remove the groups of a table that describe fewer than ``min_group_size`` students.

    For tables to share outside the advisor's office: a group (a channel, a
    field...) whose rows come from fewer than ``k`` students could describe one
    identifiable student, even under pseudonyms. Students are told apart by
    the ``owner`` name key; rows without an owner count as one student.

    Parameters
    ----------
    table : pandas.DataFrame
        A table of ``log`` grouped by ``by`` (``response_rates``,
        ``coverage``, ``perspective_matrix``...); not modified.
    log : pandas.DataFrame or PreparedLog
        The log the table was computed from.
    by : str or list of str
        The table's group columns (``"warmth"`` works too).
    min_group_size : int, default 5
        The minimum number of students behind a group shown.
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        The rows of the groups with at least ``min_group_size`` students (or
        none: a documented value nobody used), in their order;
        ``attrs["hidden"]`` says how many groups were hidden and why (never
        which: their labels are what could identify a student).

    Raises
    ------
    InvalidArgumentError
        For an unknown column in ``by`` or a ``min_group_size`` below 1.

    Examples
    --------
    >>> import pandas as pd, infoview_analytics as iv
    >>> log = pd.DataFrame({"owner": ["amy", "bo", "cy", "amy"],
    ...                     "contact": ["Ana", "Ben", "Cy", "Dee"],
    ...                     "channel": ["email", "email", "email", "phone"],
    ...                     "status": ["replied", "declined", "replied", "replied"]})
    >>> rates = iv.response_rates(log, by="channel", as_of="2026-03-20")
    >>> shown = hide_small_groups(rates, log, by="channel", min_group_size=3)
    >>> shown["channel"].tolist(), shown.attrs["hidden"]
    (['email'], ['1 group by channel: fewer than 3 students.'])
    """
    k = check_positive_int("min_group_size", min_group_size, minimum=1)
    p = prepare(log, as_of=as_of)
    cols = check_by(p.frame, by)
    counts = _students_per_group(p, cols)
    labels = table[cols].astype(object).astype(str)
    index = pd.MultiIndex.from_frame(labels) if len(cols) > 1 else pd.Index(labels[cols[0]])
    counts.index = (
        pd.MultiIndex.from_frame(counts.index.to_frame().astype(str))
        if len(cols) > 1
        else counts.index.astype(str)
    )
    students = counts.reindex(index).fillna(0).to_numpy()
    keep = (students >= k) | (students == 0)  # a group nobody is in describes nobody
    out = table[keep].copy()
    out.attrs = {**table.attrs}
    dropped = int((~keep).sum())
    hidden = list(table.attrs.get("hidden", []))
    if dropped:
        groups = "group" if dropped == 1 else "groups"
        hidden.append(f"{dropped} {groups} by {', '.join(cols)}: fewer than {k} students.")
    out.attrs["hidden"] = hidden
    return out


def _last_activity(log: pd.DataFrame, ts: pd.Timestamp) -> np.ndarray:
    """Latest date of any date column on or before ``ts``, per row (NaT when none)."""
    latest = np.full(len(log), np.datetime64("NaT"), dtype="datetime64[ns]")
    for col in DATE_COLUMNS:
        d = log[col].to_numpy(dtype="datetime64[ns]")
        d = np.where(d <= ts.to_datetime64(), d, np.datetime64("NaT"))
        latest = np.fmax(latest, d)
    return latest
