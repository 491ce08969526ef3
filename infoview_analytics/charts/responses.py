"""One function per chart: each draws a computed table on a matplotlib ``Axes``.

Every ``plot_*`` function takes the table the matching analysis returns (or the
log itself, in which case it calls that analysis with its defaults), draws on
``ax`` (default: ``plt.gca()``), passes ``**kwargs`` on to the main matplotlib
call, and returns the ``Axes``. Charts never compute statistics, never call
``plt.show()`` and change rcParams only inside ``plt.rc_context``.

The house style (Okabe–Ito colours, a title saying what is shown, units on the
axes, a grey footnote ``as of 2026-04-17 · n = 43 asked`` on the right) is
shared by all charts. ``footnote=`` replaces the footnote ("" removes it);
otherwise it is built from ``as_of=`` (or ``table.attrs["as_of"]``) and the n
the chart rests on. A table without data draws "no data yet".

This module holds response rates, the funnel, time to response, activity,
thank-you notes and meeting discipline; :mod:`charts_coverage` holds coverage
and the perspective heatmap, :mod:`charts_network` the referral tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import (
    activity,
    funnel,
    meeting_discipline,
    response_rates,
    thank_you_timeliness,
    time_to_response,
)
from ..core.args import check_choice
from . import style as _style

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = [
    "plot_activity",
    "plot_funnel",
    "plot_meeting_discipline",
    "plot_response_rates",
    "plot_thank_you_timeliness",
    "plot_time_to_response",
]

_RATES = ("asked", "pending", "decided", "responded", "response_rate", "ci_low", "ci_high")
_FUNNEL = ("stage", "count", "conversion")
_KM = ("time", "at_risk", "answered", "share_answered", "ci_low", "ci_high")
_ACTIVITY = ("period", "asks", "responses", "interviews", "cumulative_interviews")
_THANKS = ("interviews", "within_1_day", "within_3_days", "later", "not_yet")
_MEETINGS = (
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


def _by_columns(table: pd.DataFrame, first: str) -> list[str]:
    cols = list(table.columns)
    return cols[: cols.index(first)]


def _int(x: Any) -> int:
    return 0 if pd.isna(x) else int(x)


@_style.styled
def plot_response_rates(
    data: pd.DataFrame,
    *,
    measure: str = "response",
    by: str | list[str] | None = None,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Response (or interview) rate per group: bars, 95% Wilson intervals and ``k/n`` labels.

    Parameters
    ----------
    data : DataFrame
        The :func:`~infoview_analytics.response_rates` table (or the log, then
        ``response_rates(log, by=by, as_of=as_of)`` is drawn).
    measure : {"response", "interview"}
        Which rate to show.
    by, as_of : optional
        Used only when ``data`` is the log (``as_of`` also fills the footnote).
    ax : Axes, optional
        Where to draw (default ``plt.gca()``).
    title, footnote : str, optional
        Replace the default title / footnote (``footnote=""`` removes it).
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"channel": ["email", "linkedin"], "asked": [10, 12],
    ...     "pending": [0, 2], "decided": [10, 10], "responded": [4, 1],
    ...     "interviewed": [3, 1], "response_rate": [0.4, 0.1], "ci_low": [0.17, 0.02],
    ...     "ci_high": [0.69, 0.40], "interview_rate": [0.3, 0.1],
    ...     "interview_ci_low": [0.11, 0.02], "interview_ci_high": [0.6, 0.4]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_response_rates(t, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.texts]
    ['4/10', '1/10 · 2 pending']
    """
    check_choice("measure", measure, ["response", "interview"])
    table = _style.table_for(data, _RATES, response_rates, by=by, as_of=as_of)
    ax = _style.get_ax(ax)
    by_cols = _by_columns(table, "asked")
    what = "Response" if measure == "response" else "Interview"
    k_col, rate_col, lo_col, hi_col = (
        ("responded", "response_rate", "ci_low", "ci_high")
        if measure == "response"
        else ("interviewed", "interview_rate", "interview_ci_low", "interview_ci_high")
    )
    group_text = " and ".join(by_cols) if by_cols else "all requests"
    title = title or f"{what} rate by {group_text}"
    note = _style.resolve_footnote(
        footnote, table, as_of, _int(table["asked"].sum()) if len(table) else None, "asked"
    )
    # A group nobody was asked in (e.g. prospects without a channel) has no rate to show.
    table = table[pd.to_numeric(table["asked"], errors="coerce").fillna(0) > 0]
    table = table.reset_index(drop=True)
    decided = pd.to_numeric(table["decided"], errors="coerce").fillna(0)
    if len(table) == 0 or decided.sum() == 0:
        return _style.no_data(ax, title=title, footnote=note)
    labels = _style.group_labels(table, by_cols)
    y = np.arange(len(table))
    rate = np.nan_to_num(_style.percent(table[rate_col]))
    lo = _style.percent(table[lo_col])
    hi = _style.percent(table[hi_col])
    colors = [_style.PALETTE[i % len(_style.PALETTE)] for i in range(len(table))]
    bar_kw = {"color": colors, "height": 0.6, "alpha": 0.85, **kwargs}
    ax.barh(y, rate, **bar_kw)
    has = ~np.isnan(lo)
    ax.errorbar(
        rate[has],
        y[has],
        xerr=np.vstack([rate[has] - lo[has], hi[has] - rate[has]]),
        fmt="none",
        ecolor="0.15",
        capsize=3,
        linewidth=1,
    )
    for i, row in enumerate(table.itertuples(index=False)):
        row = row._asdict()
        text = f"{_int(row[k_col])}/{_int(row['decided'])}"
        if _int(row["pending"]):
            text += f" · {_int(row['pending'])} pending"
        x = hi[i] if has[i] else 0.0
        ax.text(x + 1.5, y[i], text, va="center", fontsize=8, color="0.15")
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel=f"{what} rate (% of decided requests, 95% Wilson interval)",
        ylabel=", ".join(by_cols) if by_cols else None,
    )


@_style.styled
def plot_funnel(
    data: pd.DataFrame,
    *,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """The outreach funnel: people at each stage, with the conversion from the previous one.

    Parameters
    ----------
    data : DataFrame
        The :func:`~infoview_analytics.funnel` table (or the log). With ``by``
        columns, one bar per group at each stage.
    as_of : optional
        Used when ``data`` is the log, and in the footnote.
    ax, title, footnote, **kwargs
        As in :func:`plot_response_rates`; kwargs go to ``Axes.bar``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"stage": ["identified", "asked", "responded"],
    ...                   "count": [10, 8, 4], "conversion": [float("nan"), 0.8, 0.5]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_funnel(t, ax=Figure().subplots())
    >>> len(ax.patches), [t.get_text() for t in ax.texts]
    (3, ['10', '8\\n80%', '4\\n50%'])
    """
    table = _style.table_for(data, _FUNNEL, funnel, as_of=as_of)
    ax = _style.get_ax(ax)
    by_cols = _by_columns(table, "stage")
    title = title or "Outreach funnel: people at each stage"
    counts = pd.to_numeric(table["count"], errors="coerce").fillna(0)
    first = table[table["stage"] == table["stage"].iloc[0]] if len(table) else table
    n = _int(pd.to_numeric(first["count"], errors="coerce").sum()) if len(table) else None
    note = _style.resolve_footnote(footnote, table, as_of, n, "people")
    if len(table) == 0 or counts.sum() == 0:
        return _style.no_data(ax, title=title, footnote=note)
    stages = list(dict.fromkeys(table["stage"]))
    labels = _style.group_labels(table, by_cols)
    groups = list(dict.fromkeys(labels))
    width = 0.8 / len(groups)
    x = np.arange(len(stages))
    for g, group in enumerate(groups):
        rows = table[[lab == group for lab in labels]]
        pos = x[[stages.index(s) for s in rows["stage"]]] + (g - (len(groups) - 1) / 2) * width
        values = pd.to_numeric(rows["count"], errors="coerce").fillna(0).to_numpy()
        bar_kw = {"color": _style.PALETTE[g % len(_style.PALETTE)], "width": width * 0.95}
        bar_kw.update(kwargs)
        ax.bar(pos, values, label=group if by_cols else None, **bar_kw)
        for px, v, conv in zip(pos, values, rows["conversion"], strict=True):
            text = f"{int(v)}" if pd.isna(conv) else f"{int(v)}\n{conv:.0%}"
            ax.text(px, v, text, ha="center", va="bottom", fontsize=7 if by_cols else 8)
    ax.set_xticks(x, [s.replace("_", " ") for s in stages])
    ax.set_ylim(0, float(counts.max()) * 1.2 + 0.5)
    if by_cols:
        ax.legend(title=", ".join(by_cols))
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel="Stage (percentage: share of the previous stage)",
        ylabel="People",
    )


@_style.styled
def plot_time_to_response(
    data: pd.DataFrame,
    *,
    marks: tuple[int, ...] = (3, 7),
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Kaplan–Meier share answered vs time since asking, with confidence bands and 3B7 marks.

    One step curve (``where="post"``) and one band per group; dashed vertical
    lines at ``marks`` business days (3: contact a second person, 7: follow up).

    Parameters
    ----------
    data : DataFrame
        The :func:`~infoview_analytics.time_to_response` table (or the log).
    marks : tuple of int
        Where to draw the vertical reference lines.
    as_of, ax, title, footnote, **kwargs
        As in :func:`plot_response_rates`; kwargs go to ``Axes.step``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"time": [1, 2, 5], "at_risk": [10, 8, 5], "answered": [2, 3, 1],
    ...     "share_answered": [0.2, 0.5, 0.6], "ci_low": [0.0, 0.2, 0.3],
    ...     "ci_high": [0.45, 0.8, 0.9]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_time_to_response(t, ax=Figure().subplots())
    >>> len(ax.lines), len(ax.collections)
    (3, 1)
    """
    table = _style.table_for(data, _KM, time_to_response, as_of=as_of)
    ax = _style.get_ax(ax)
    by_cols = _by_columns(table, "time")
    unit = table.attrs.get("unit", "business_days")
    unit_text = "business days" if unit == "business_days" else "days"
    title = title or "Time to response: share of requests answered"
    labels = _style.group_labels(table, by_cols)
    groups = list(dict.fromkeys(labels))
    n = 0
    for group in groups:
        rows = table[[lab == group for lab in labels]]
        n += _int(pd.to_numeric(rows["at_risk"], errors="coerce").max()) if len(rows) else 0
    note = _style.resolve_footnote(footnote, table, as_of, n if len(table) else None, "asked")
    if len(table) == 0:
        return _style.no_data(ax, title=title, footnote=note)
    for g, group in enumerate(groups):
        rows = table[[lab == group for lab in labels]].sort_values("time")
        t = pd.to_numeric(rows["time"], errors="coerce").to_numpy(dtype=float)
        s, lo, hi = (_style.percent(rows[c]) for c in ("share_answered", "ci_low", "ci_high"))
        if t[0] > 0:  # the curve starts at 0% answered at time 0
            t, s = np.r_[0.0, t], np.r_[0.0, s]
            lo, hi = np.r_[0.0, lo], np.r_[0.0, hi]
        color = _style.PALETTE[g % len(_style.PALETTE)]
        step_kw = {"color": color, "linewidth": 1.8, **kwargs}
        ax.step(t, s, where="post", label=group if by_cols else "all requests", **step_kw)
        ax.fill_between(
            t,
            np.nan_to_num(lo),
            np.nan_to_num(hi),
            step="post",
            color=color,
            alpha=0.18,
            linewidth=0,
        )
    for mark in marks:
        ax.axvline(mark, color="0.3", linestyle="--", linewidth=0.9)
        ax.text(
            mark, 101, f"{mark} {unit_text}", ha="center", va="bottom", fontsize=7, color="0.3"
        )
    ax.set_ylim(0, 108)
    ax.set_xlim(left=0)
    if by_cols:
        ax.legend(title=", ".join(by_cols), loc="lower right")
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel=f"Time since asking ({unit_text})",
        ylabel="Share answered (%, Kaplan–Meier, 95% band)",
    )


@_style.styled
def plot_activity(
    data: pd.DataFrame,
    *,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Asks, responses and interviews per period (bars) and cumulative interviews (line).

    The cumulative line is drawn on a twin y axis (``ax.figure.axes[-1]``).

    Parameters
    ----------
    data : DataFrame
        The :func:`~infoview_analytics.activity` table (or the log).
    as_of, ax, title, footnote, **kwargs
        As in :func:`plot_response_rates`; kwargs go to ``Axes.bar``.

    Returns
    -------
    Axes
        The Axes with the bars.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"period": pd.to_datetime(["2026-03-02", "2026-03-09"]),
    ...     "asks": [5, 3], "responses": [2, 2], "interviews": [0, 1],
    ...     "cumulative_interviews": [0, 1]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_activity(t, ax=Figure().subplots())
    >>> len(ax.patches), len(ax.figure.axes[-1].lines)
    (6, 1)
    """
    table = _style.table_for(data, _ACTIVITY, activity, as_of=as_of)
    ax = _style.get_ax(ax)
    period = pd.to_datetime(table["period"])
    spacing = (
        float(np.median(np.diff(period.to_numpy()) / np.timedelta64(1, "D")))
        if len(table) > 1
        else 7.0
    )
    per = "month" if spacing >= 27 else "week"
    title = title or f"Activity per {per}: asks, responses and interviews"
    totals = table[["asks", "responses", "interviews"]].apply(pd.to_numeric, errors="coerce")
    note = _style.resolve_footnote(
        footnote, table, as_of, _int(totals["asks"].sum()) if len(table) else None, "asked"
    )
    if len(table) == 0 or totals.fillna(0).to_numpy().sum() == 0:
        return _style.no_data(ax, title=title, footnote=note)
    width = spacing * 0.8 / 3
    names = {"asks": "asked", "responses": "answered", "interviews": "interviews"}
    colors = (_style.OKABE_ITO["sky_blue"], _style.OKABE_ITO["orange"], _style.OKABE_ITO["green"])
    for i, (col, color) in enumerate(zip(names, colors, strict=True)):
        x = period + pd.to_timedelta((i - 1) * width, unit="D")
        bar_kw = {"color": color, "width": width * 0.95, **kwargs}
        ax.bar(x, totals[col].fillna(0).to_numpy(), label=names[col], **bar_kw)
    twin = ax.twinx()
    twin.plot(
        period,
        pd.to_numeric(table["cumulative_interviews"]),
        color="0.1",
        marker="o",
        markersize=3,
        linewidth=1.5,
        label="interviews so far (right axis)",
    )
    twin.set_ylim(bottom=0)
    twin.set_ylabel("Cumulative interviews (people)")
    twin.spines["right"].set_visible(True)
    handles, labels = ax.get_legend_handles_labels()
    h2, l2 = twin.get_legend_handles_labels()
    ax.legend(handles + h2, labels + l2, loc="upper left")
    ax.set_ylim(0, float(totals.fillna(0).to_numpy().max()) * 1.35 + 0.5)
    if len(table) > 8:
        ax.tick_params(axis="x", labelrotation=30)
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel=f"{per.capitalize()} starting",
        ylabel=f"People per {per}",
    )


@_style.styled
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
    data : DataFrame
        The :func:`~infoview_analytics.thank_you_timeliness` table (or the log).
    ax, as_of, title, footnote, **kwargs
        As in :func:`plot_response_rates`; kwargs go to ``Axes.barh``.

    Returns
    -------
    Axes

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
    table = _style.table_for(data, _THANKS, thank_you_timeliness)
    ax = _style.get_ax(ax)
    by_cols = _by_columns(table, "interviews")
    title = title or "Thank-you notes: how soon after the interview (guidance: 24 hours)"
    total = pd.to_numeric(table["interviews"], errors="coerce").fillna(0)
    note = _style.resolve_footnote(
        footnote, table, as_of, _int(total.sum()) if len(table) else None, "interviews"
    )
    if len(table) == 0 or total.sum() == 0:
        return _style.no_data(ax, title=title, footnote=note)
    bins = {
        "within_1_day": ("within 1 day", _style.OKABE_ITO["green"]),
        "within_3_days": ("2–3 days", _style.OKABE_ITO["sky_blue"]),
        "later": ("later", _style.OKABE_ITO["orange"]),
        "not_yet": ("not yet", _style.OKABE_ITO["vermillion"]),
    }
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
                color="white" if col != "within_3_days" else "0.1",
            )
        left += share
    labels = _style.group_labels(table, by_cols)
    ax.set_yticks(y, [f"{lab} (n = {int(t)})" for lab, t in zip(labels, total, strict=True)])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.legend(ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel="Share of interviews (%; numbers in bars: interviews)",
    )


@_style.styled
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
    data : DataFrame
        The one-row :func:`~infoview_analytics.meeting_discipline` table (or the log).
    ax, as_of, title, footnote, **kwargs
        As in :func:`plot_response_rates`; kwargs go to ``Axes.barh``.

    Returns
    -------
    Axes

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
        _int(row["interviews"]) if row is not None else None,
        "interviews",
    )
    if row is None or _int(row["with_minutes"]) + _int(row["with_questions"]) == 0:
        return _style.no_data(ax, title=title, footnote=note)
    kept = _int(row["with_minutes"]) - _int(row["overran"])
    segments = [
        # (bar, label, count, colour)
        (0, "kept to the planned time", kept, _style.OKABE_ITO["green"]),
        (0, "overran", _int(row["overran"]), _style.OKABE_ITO["vermillion"]),
        (1, "fewer than 5 questions", _int(row["too_few_questions"]), _style.OKABE_ITO["orange"]),
        (1, "5–7 questions", _int(row["questions_in_guidance"]), _style.OKABE_ITO["blue"]),
        (1, "more than 7", _int(row["too_many_questions"]), _style.OKABE_ITO["purple"]),
    ]
    totals = [_int(row["with_minutes"]), _int(row["with_questions"])]
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
