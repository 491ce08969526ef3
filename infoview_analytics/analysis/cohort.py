"""One row per student of a cohort: the advisor's overview.

A cohort log comes from ``load_logs`` (one file per student, the ``owner``
column filled from the file name). Rows without an owner form an "(none)"
group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.docs import fill_doc
from ..core.schema import DATE_COLUMNS
from .docs import DOCS, columns_of
from .grouping import NO_FIELD, group_keys
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import ratio, wilson
from .steps import overdue_per_row
from .tables import TABLES

__all__ = ["cohort_summary"]

#: The columns of the summary (declared in :mod:`.tables`).
COHORT_COLUMNS = list(TABLES["cohort_summary"].columns)


@fill_doc(DOCS, columns=columns_of("cohort_summary"))
def cohort_summary(
    log: pd.DataFrame | PreparedLog, *, as_of: object = None, minimum: int = 3
) -> pd.DataFrame:
    """One row per student: requests, response rate, interviews, coverage, overdue follow-ups.

    Parameters
    ----------
    log : pandas.DataFrame or PreparedLog
        A cohort log (``load_logs``) with an ``owner`` column; not modified.
    %(as_of)s
    minimum : int, default 3
        Interviews a field needs to count as covered.

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
    p = prepare(log, as_of=as_of)
    out = p.outcomes
    owner = group_keys(p.frame, ["owner"])["owner"]
    counted = ["asked", "decided", "responded", "interviewed"]
    res = out[counted].groupby(owner.to_numpy()).sum()
    res = res.rename(columns={"interviewed": "interviews"})
    res.index = pd.Index(res.index.to_numpy(dtype=object), name="owner", dtype=object)
    res["last_activity"] = (
        pd.Series(_last_activity(p.frame, p.as_of)).groupby(owner.to_numpy()).max()
    )
    # Interviews per (owner, field), grouped exactly as coverage(by=["owner", "field"]) does.
    gid, fields = p.field_groups(["owner", "field"])
    per_field = out["interviewed"].groupby(gid).sum()
    fields = fields.assign(interviewed=per_field.reindex(fields["_gid"], fill_value=0).to_numpy())
    fields = fields[fields["field"] != NO_FIELD]
    res["fields_total"] = fields.groupby("owner").size()
    res["fields_at_minimum"] = fields[fields["interviewed"] >= minimum].groupby("owner").size()
    overdue = overdue_per_row(p.frame, p.steps, as_of=p.as_of, calendar=p.calendar)
    res["follow_ups_overdue"] = pd.Series(overdue).groupby(owner.to_numpy()).sum()
    for col in ("fields_total", "fields_at_minimum"):
        res[col] = res[col].reindex(res.index).fillna(0).astype(np.int64)
    low, high = wilson(res["responded"], res["decided"])
    res["response_rate"] = ratio(res["responded"], res["decided"])
    res["ci_low"] = low
    res["ci_high"] = high
    res = res.reset_index()
    return with_gaps(res[list(TABLES["cohort_summary"].columns)], p, "cohort_summary")


def _last_activity(log: pd.DataFrame, ts: pd.Timestamp) -> np.ndarray:
    """Latest date of any date column on or before ``ts``, per row (NaT when none)."""
    latest = np.full(len(log), np.datetime64("NaT"), dtype="datetime64[ns]")
    for col in DATE_COLUMNS:
        d = log[col].to_numpy(dtype="datetime64[ns]")
        d = np.where(d <= ts.to_datetime64(), d, np.datetime64("NaT"))
        latest = np.fmax(latest, d)
    return latest
