"""Meeting charts: how soon thank-you notes went out, and meetings kept to time and prepared.

Part of the chart functions (see :mod:`infoview_analytics.charts`, which
re-exports them): each takes the analysis table (or the log), draws on ``ax``
and returns the ``Axes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import meeting_discipline, thank_you_timeliness
from ..core.docs import fill_doc
from . import style as _style
from .style import as_int, by_columns

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_meeting_discipline", "plot_thank_you_timeliness"]

_THANKS = _style.declared(
    "thank_you_timeliness", "interviews", "within_1_day", "within_3_days", "later", "not_yet"
)
_MEETINGS = _style.declared(
    "meeting_discipline",
    "interviews",
    "with_minutes",
    "overran",
    "median_planned",
    "median_actual",
    "with_questions",
    "questions_in_guidance",
    "too_few_questions",
    "too_many_questions",
)


@_style.styled
@fill_doc(
    _style.DOCS,
    table="thank_you_timeliness",
    log_call="``thank_you_timeliness(log, as_of=as_of)``",
    kwargs_to="``Axes.barh``",
)
def plot_thank_you_timeliness(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    as_of: object = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """When thank-you notes went out: ≤1 day, 2–3 days, later, not yet (stacked shares).

    Parameters
    ----------
    %(data)s
    %(ax)s
    %(as_of)s
    %(title_footnote)s
    %(kwargs)s

    Returns
    -------
    %(returns)s

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"interviews": [4], "within_1_day": [2], "within_3_days": [1],
    ...                   "later": [0], "not_yet": [1]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_thank_you_timeliness(t, ax=Figure().subplots())
    >>> sorted(t.get_text() for t in ax.texts)
    ['1', '1', '2']
    """
    table = _style.table_for(data, _THANKS, thank_you_timeliness, as_of=as_of)
    ax = _style.get_ax(ax)
    by_cols = by_columns(table, "thank_you_timeliness")
    title = title or "Thank-you notes: how soon after the interview (guidance: 24 hours)"
    total = pd.to_numeric(table["interviews"], errors="coerce").fillna(0)
    note = _style.resolve_footnote(
        footnote, table, as_of, as_int(total.sum()) if len(table) else None, "interviews"
    )
    if len(table) == 0 or total.sum() == 0:
        return _style.no_data(ax, title=title, footnote=note)
    bins = {
        "within_1_day": ("within 1 day", _style.OKABE_ITO["green"]),
        "within_3_days": ("2–3 days", _style.OKABE_ITO["sky_blue"]),
        "later": ("later", _style.OKABE_ITO["orange"]),
        "not_yet": ("not yet", _style.OKABE_ITO["vermillion"]),
        # "Thanked: yes" without a date: thanked, timing unknown (neither late nor missing).
        "thanked_undated": ("thanked, date unknown", _style.MUTED),
    }
    bins = {k: v for k, v in bins.items() if k in table.columns}
    y = np.arange(len(table))
    left = np.zeros(len(table))
    denom = total.replace(0, np.nan).to_numpy(dtype=float)
    for col, (label, color) in bins.items():
        counts = pd.to_numeric(table[col], errors="coerce").fillna(0).to_numpy(dtype=float)
        share = np.nan_to_num(counts / denom * 100)
        bar_kw = {"color": color, "height": 0.6, **kwargs}
        ax.barh(y, share, left=left, label=label, **bar_kw)
        for i in np.flatnonzero(counts > 0):
            ax.text(
                left[i] + share[i] / 2,
                y[i],
                f"{int(counts[i])}",
                ha="center",
                va="center",
                fontsize=8,
                color="0.1" if col == "within_3_days" else "white",
            )
        left += share
    labels = _style.group_labels(table, by_cols)
    ax.set_yticks(y, [f"{lab} (n = {int(t)})" for lab, t in zip(labels, total, strict=True)])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.legend(ncols=len(bins), loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8)
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel="Share of interviews (%; numbers in bars: interviews)",
    )


@_style.styled
@fill_doc(
    _style.DOCS,
    table="meeting_discipline",
    kwargs_to="``Axes.barh``",
)
def plot_meeting_discipline(
    data: pd.DataFrame,
    *,
    ax: Axes | None = None,
    as_of: object = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Meetings kept to time, and prepared questions against the 5–7 guidance (stacked shares).

    Parameters
    ----------
    %(data)s
        The table has one row.
    %(ax)s
    %(as_of_footnote)s
    %(title_footnote)s
    %(kwargs)s

    Returns
    -------
    %(returns)s

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"interviews": [5], "with_minutes": [4], "overran": [1],
    ...     "median_planned": [30.0], "median_actual": [32.5], "with_questions": [5],
    ...     "questions_in_guidance": [3], "too_few_questions": [1], "too_many_questions": [1]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_meeting_discipline(t, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Length (n = 4)', 'Questions (n = 5)']
    """
    table = _style.table_for(data, _MEETINGS, meeting_discipline)
    ax = _style.get_ax(ax)
    title = title or "Meeting discipline: kept to time, questions prepared"
    row = table.iloc[0] if len(table) else None
    note = _style.resolve_footnote(
        footnote,
        table,
        as_of,
        as_int(row["interviews"]) if row is not None else None,
        "interviews",
    )
    if row is None or as_int(row["with_minutes"]) + as_int(row["with_questions"]) == 0:
        return _style.no_data(ax, title=title, footnote=note)
    kept = as_int(row["with_minutes"]) - as_int(row["overran"])
    segments = [
        # (bar, label, count, colour)
        (0, "kept to the planned time", kept, _style.OKABE_ITO["green"]),
        (0, "overran", as_int(row["overran"]), _style.OKABE_ITO["vermillion"]),
        (
            1,
            "fewer than 5 questions",
            as_int(row["too_few_questions"]),
            _style.OKABE_ITO["orange"],
        ),
        (1, "5–7 questions", as_int(row["questions_in_guidance"]), _style.OKABE_ITO["blue"]),
        (1, "more than 7", as_int(row["too_many_questions"]), _style.OKABE_ITO["purple"]),
    ]
    totals = [as_int(row["with_minutes"]), as_int(row["with_questions"])]
    left = [0.0, 0.0]
    for bar, label, count, color in segments:
        share = count / totals[bar] * 100 if totals[bar] else 0.0
        bar_kw = {"color": color, "height": 0.55, **kwargs}
        ax.barh(bar, share, left=left[bar], label=label, **bar_kw)
        if count:
            ax.text(
                left[bar] + share / 2,
                bar,
                str(count),
                ha="center",
                va="center",
                fontsize=8,
                color="white",
            )
        left[bar] += share
    ax.set_yticks([0, 1], [f"Length (n = {totals[0]})", f"Questions (n = {totals[1]})"])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    xlabel = "Share of interviews (%; numbers: interviews)"
    planned, actual = row["median_planned"], row["median_actual"]
    if pd.notna(planned) and pd.notna(actual):
        xlabel += f" · median planned {planned:g} min, actual {actual:g} min"
    ax.legend(ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    return _style.finish(ax, title=title, footnote=note, xlabel=xlabel)
