"""After the meeting: thank-you notes on time, meetings kept short, questions prepared.

The guidance (``DOMAIN.md``): a thank-you note within 24 hours, a meeting kept
to the 15–30 minutes asked for, and 5–7 strong questions prepared.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..core.docs import fill_doc
from ..core.values import undated_yes
from .docs import DOCS, columns_of
from .grouping import Groups, tally
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import ratio
from .tables import TABLES

__all__ = ["meeting_discipline", "thank_you_timeliness"]

#: Prepared questions within the guidance (inclusive).
QUESTIONS_GUIDANCE = (5, 7)

_THANK_BINS = ("within_1_day", "within_3_days", "later", "not_yet", "thanked_undated")


@fill_doc(DOCS, columns=columns_of("thank_you_timeliness"))
def thank_you_timeliness(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = None,
    as_of: Any = None,
) -> pd.DataFrame:
    """How soon after each interview the thank-you note went out.

    Interviews are rows with status interviewed and ``interview_on`` on or
    before ``as_of``. Each falls in one bin by calendar days from
    ``interview_on`` to ``thanked_on``: at most 1 (``within_1_day``, a note
    sent before the meeting counts here), 2–3 (``within_3_days``), more than
    3 (``later``), or no thank-you date on or before ``as_of`` (``not_yet``).
    A "thank-you sent: yes" without a date is thanked, its timing unknown
    (``thanked_undated``): neither late nor missing.

    Parameters
    ----------
    %(log)s
    %(by)s
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s
        (shares of ``interviews``, NaN when there are none).

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` column or a bad ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Eve"],
    ...     "requested_on": pd.to_datetime(["2026-03-02"] * 3),
    ...     "status": ["interviewed"] * 3,
    ...     "interview_on": pd.to_datetime(["2026-03-10", "2026-03-10", "2026-03-16"]),
    ...     "thanked_on": pd.to_datetime(["2026-03-11", "2026-03-16", None]),
    ...     "thanked": [True, True, True]})  # Eve: "Thank-you sent: yes", no date
    >>> thank_you_timeliness(log, as_of="2026-03-20").iloc[:, :6].iloc[0].tolist()
    [3, 1, 0, 1, 0, 1]
    """
    p = prepare(log, as_of=as_of)
    c, ts, o = p.frame, p.as_of, p.outcomes
    cols, groups = p.groups(by)
    inter = c["interview_on"]
    interviews = (o["interviewed"] & inter.notna() & (inter <= ts)).to_numpy()
    thanked = c["thanked_on"].where(c["thanked_on"] <= ts)
    days = (thanked - inter).dt.days.to_numpy(dtype=float, na_value=np.nan)
    # "Thank-you sent: yes" without a date: thanked, at a time nobody knows.
    undated = undated_yes(c, "thanked_on")
    with np.errstate(invalid="ignore"):
        bins = {
            "within_1_day": days <= 1,
            "within_3_days": (days > 1) & (days <= 3),
            "later": days > 3,
            "not_yet": np.isnan(days) & ~undated,
            "thanked_undated": undated,
        }
    counts = pd.DataFrame(
        {"interviews": interviews, **{k: interviews & v for k, v in bins.items()}},
        index=c.index,
    )
    table = tally(counts, groups, cols)
    for name in _THANK_BINS:
        table[f"share_{name}"] = ratio(table[name], table["interviews"])
    return with_gaps(
        table[[*cols, *TABLES["thank_you_timeliness"].columns]], p, "thank_you_timeliness"
    )


@fill_doc(DOCS, columns=columns_of("meeting_discipline"))
def meeting_discipline(
    log: pd.DataFrame | PreparedLog, *, by: str | Sequence[str] | None = None
) -> pd.DataFrame:
    """Meetings kept to the time asked for, and questions prepared against the 5–7 guidance.

    Counts rows with status interviewed. A meeting overran when
    ``minutes_actual`` > ``minutes_planned``; the medians are over meetings with
    both numbers. Prepared questions are in the guidance from 5 to 7 inclusive.

    Parameters
    ----------
    %(log)s
    %(by)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s.
        Shares are of ``with_minutes`` and ``with_questions`` (NaN when 0).

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` column.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Eve"],
    ...     "status": ["interviewed"] * 3,
    ...     "minutes_planned": [20, 30, None],
    ...     "minutes_actual": [35, 30, 25],
    ...     "questions_prepared": [6, 12, 4]})
    >>> meeting_discipline(log)[["interviews", "with_minutes", "overran", "median_actual"]]
       interviews  with_minutes  overran  median_actual
    0           3             2        1           32.5
    """
    p = prepare(log)
    c = p.frame
    cols, groups = p.groups(by)
    interviewed = (c["status"] == "interviewed").to_numpy(dtype=bool, na_value=False)
    planned = pd.to_numeric(c["minutes_planned"], errors="coerce").astype(float)
    actual = pd.to_numeric(c["minutes_actual"], errors="coerce").astype(float)
    questions = pd.to_numeric(c["questions_prepared"], errors="coerce").astype(float)
    with_minutes = interviewed & planned.notna().to_numpy() & actual.notna().to_numpy()
    with_questions = interviewed & questions.notna().to_numpy()
    low, high = QUESTIONS_GUIDANCE
    q = questions.to_numpy()
    with np.errstate(invalid="ignore"):
        counts = pd.DataFrame(
            {
                "interviews": interviewed,
                "with_minutes": with_minutes,
                "overran": with_minutes & (actual > planned).to_numpy(),
                "with_questions": with_questions,
                "questions_in_guidance": with_questions & (q >= low) & (q <= high),
                "too_few_questions": with_questions & (q < low),
                "too_many_questions": with_questions & (q > high),
            },
            index=c.index,
        )
    table = tally(counts, groups, cols)
    medians = _medians(
        pd.DataFrame(
            {
                "median_planned": planned.where(with_minutes),
                "median_actual": actual.where(with_minutes),
            }
        ),
        groups,
        cols,
    )
    table["share_overran"] = ratio(table["overran"], table["with_minutes"])
    table["share_questions_in_guidance"] = ratio(
        table["questions_in_guidance"], table["with_questions"]
    )
    table[["median_planned", "median_actual"]] = medians
    return with_gaps(
        table[[*cols, *TABLES["meeting_discipline"].columns]], p, "meeting_discipline"
    )


def _medians(values: pd.DataFrame, groups: Groups, by: list[str]) -> np.ndarray:
    """Median of each column per group, one row per group in output order (NaN if none)."""
    if not by:
        return values.median(axis=0).to_numpy(dtype=float)[None, :]
    med = values.groupby(groups.codes).median().reindex(range(len(groups.labels)))
    return med.to_numpy(dtype=float)
