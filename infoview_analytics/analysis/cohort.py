"""One row per student of a cohort: the advisor's overview.

A cohort log comes from ``load_logs`` (one file per student, the ``owner``
column filled from the file name). Rows without an owner form an "(none)"
group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.args import as_of_timestamp, check_positive_int
from ..core.frame import canonical
from ..core.schema import DATE_COLUMNS
from .fields import NO_FIELD
from .fields import _groups as field_groups
from .followups import _overdue_per_row
from .grouping import group_codes
from .outcomes import outcomes
from .stats import ratio, wilson

__all__ = ["cohort_summary"]

COHORT_COLUMNS = [
    "owner",
    "asked",
    "decided",
    "responded",
    "response_rate",
    "ci_low",
    "ci_high",
    "interviews",
    "fields_at_minimum",
    "fields_total",
    "follow_ups_overdue",
    "last_activity",
]


def cohort_summary(log: pd.DataFrame, *, as_of: object = None, minimum: int = 3) -> pd.DataFrame:
    """One row per student: requests, response rate, interviews, coverage, overdue follow-ups.

    Parameters
    ----------
    log : pandas.DataFrame
        A cohort log (``load_logs``) with an ``owner`` column; not modified.
    as_of : date-like, optional
        Date the figures are computed for (default: today).
    minimum : int, default 3
        Interviews a field needs to count as covered.

    Returns
    -------
    pandas.DataFrame
        One row per owner, sorted by owner: ``owner, asked, decided,
        responded, response_rate, ci_low, ci_high, interviews,
        fields_at_minimum, fields_total, follow_ups_overdue, last_activity``.
        ``response_rate`` is responded / decided (pending requests left out)
        with its 95% Wilson interval; ``fields_total`` counts the distinct
        fields in the student's rows ("(no field)" not counted) and
        ``fields_at_minimum`` those with at least ``minimum`` interviews;
        ``follow_ups_overdue`` counts the overdue rows of
        :func:`~infoview_analytics.follow_ups_due`; ``last_activity`` is the
        latest date of any date column on or before ``as_of`` (NaT if none).

    Raises
    ------
    InvalidArgumentError
        When ``minimum`` is not a whole number of at least 1.

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
    """
    minimum = check_positive_int("minimum", minimum, minimum=1)
    ts = as_of_timestamp(as_of)
    log = canonical(log)
    out = outcomes(log, as_of=ts)
    owner_code, owners = group_codes(log["owner"])
    # One code per student, numbered in name order: sums are bincounts, already sorted.
    rank, students = pd.factorize(owners, sort=True)
    code = rank[owner_code]
    size = len(students)

    def total(values: object) -> np.ndarray:
        return np.bincount(code, weights=np.asarray(values), minlength=size).astype(np.int64)

    res = pd.DataFrame(
        {
            "asked": total(out["asked"]),
            "decided": total(out["decided"]),
            "responded": total(out["responded"]),
            "interviews": total(out["interviewed"]),
        },
        index=pd.Index(np.asarray(students, dtype=object), name="owner", dtype=object),
    )
    # Latest activity per student: NaT is the smallest int64, so a maximum skips it.
    latest = np.full(size, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(latest, code, _last_activity(log, ts).view(np.int64))
    res["last_activity"] = latest.view("datetime64[ns]")
    # Interviews per (owner, field), grouped exactly as coverage(by=["owner", "field"]) does.
    gid, fields = field_groups(log, ["owner", "field"])
    per_field = np.bincount(gid, weights=out["interviewed"].to_numpy(), minlength=len(fields))
    fields = fields.assign(interviewed=per_field[fields["_gid"].to_numpy()])
    fields = fields[fields["field"] != NO_FIELD]
    res["fields_total"] = fields.groupby("owner").size()
    res["fields_at_minimum"] = fields[fields["interviewed"] >= minimum].groupby("owner").size()
    res["follow_ups_overdue"] = total(_overdue_per_row(log, out, ts))
    for col in ("fields_total", "fields_at_minimum"):
        res[col] = res[col].reindex(res.index).fillna(0).astype(np.int64)
    low, high = wilson(res["responded"], res["decided"])
    res["response_rate"] = ratio(res["responded"], res["decided"])
    res["ci_low"] = low
    res["ci_high"] = high
    res = res.reset_index()
    return res[COHORT_COLUMNS]


def _last_activity(log: pd.DataFrame, ts: pd.Timestamp) -> np.ndarray:
    """Latest date of any date column on or before ``ts``, per row (NaT when none)."""
    latest = np.full(len(log), np.datetime64("NaT"), dtype="datetime64[ns]")
    for col in DATE_COLUMNS:
        d = log[col].to_numpy(dtype="datetime64[ns]")
        d = np.where(d <= ts.to_datetime64(), d, np.datetime64("NaT"))
        latest = np.fmax(latest, d)
    return latest
