"""Response charts: response (or interview) rates, the outreach funnel and activity over time.

Part of the chart functions (see :mod:`infoview_analytics.charts`, which
re-exports them and says what every ``plot_*`` function shares): each takes
the analysis table (or the log), draws on ``ax`` and returns the ``Axes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import activity, funnel, response_rates
from ..core.args import check_choice
from ..core.docs import fill_doc
from . import style as _style
from .labels import column_label, value_label
from .style import as_int, by_columns

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_activity", "plot_funnel", "plot_response_rates"]

_RATES = _style.declared("response_rates", "asked", "pending", "decided")
#: measure -> the columns of its count, rate and interval.
_MEASURES = {
    "response": _style.declared(
        "response_rates", "responded", "response_rate", "ci_low", "ci_high"
    ),
    "interview": _style.declared(
        "response_rates", "interviewed", "interview_rate", "interview_ci_low", "interview_ci_high"
    ),
}
_FUNNEL = _style.declared("funnel", "stage", "count", "conversion")
_ACTIVITY = _style.declared(
    "activity", "period", "asks", "responses", "interviews", "cumulative_interviews"
)


def _noun(column: str) -> str:
    """A grouping column in a title ("warmth" -> "warm vs cold")."""
    return {"warmth": "warm vs cold", "owner": "student"}.get(column, column_label(column).lower())


@_style.styled
@fill_doc(
    _style.DOCS,
    table="response_rates",
    log_call="``response_rates(log, by=by, as_of=as_of)``",
    kwargs_to="``Axes.barh``",
)
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
    %(data)s
    measure : {"response", "interview"}
        Which rate to show.
    by : str or list of str, optional
        The groups, when ``data`` is the log (a table is drawn with its own).
    %(as_of)s
    %(ax)s
    %(title_footnote)s
    %(kwargs)s

    Returns
    -------
    %(returns)s

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
    k_col, rate_col, lo_col, hi_col = _MEASURES[measure]
    table = _style.table_for(
        data, (*_RATES, *_MEASURES[measure]), response_rates, by=by, as_of=as_of
    )
    ax = _style.get_ax(ax)
    by_cols = by_columns(table, "response_rates")
    what = "Response" if measure == "response" else "Interview"
    group_text = " and ".join(_noun(c) for c in by_cols) if by_cols else "all requests"
    title = title or f"{what} rate by {group_text}"
    note = _style.resolve_footnote(
        footnote, table, as_of, as_int(table["asked"].sum()) if len(table) else None, "asked"
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
        # pandas-stubs: itertuples' rows are namedtuples, which have _asdict
        row = row._asdict()  # type: ignore[operator,misc]
        text = f"{as_int(row[k_col])}/{as_int(row['decided'])}"
        if as_int(row["pending"]):
            text += f" · {as_int(row['pending'])} pending"
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
        ylabel=", ".join(column_label(c) for c in by_cols) if by_cols else None,
    )


@_style.styled
@fill_doc(
    _style.DOCS,
    table="funnel",
    log_call="``funnel(log, as_of=as_of)``",
    kwargs_to="``Axes.bar``",
)
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
    %(data)s
        With ``by`` columns, one bar per group at each stage.
    %(as_of)s
    %(ax)s
    %(title_footnote)s
    %(kwargs)s

    Returns
    -------
    %(returns)s

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
    by_cols = by_columns(table, "funnel")
    title = title or "Outreach funnel: people at each stage"
    counts = pd.to_numeric(table["count"], errors="coerce").fillna(0)
    first = table[table["stage"] == table["stage"].iloc[0]] if len(table) else table
    n = as_int(pd.to_numeric(first["count"], errors="coerce").sum()) if len(table) else None
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
        bar_kw: dict[str, Any] = {
            "color": _style.PALETTE[g % len(_style.PALETTE)],
            "width": width * 0.95,
        }
        bar_kw.update(kwargs)
        ax.bar(pos, values, label=group if by_cols else None, **bar_kw)
        for px, v, conv in zip(pos, values, rows["conversion"], strict=True):
            text = f"{int(v)}" if pd.isna(conv) else f"{int(v)}\n{conv:.0%}"
            ax.text(px, v, text, ha="center", va="bottom", fontsize=7 if by_cols else 8)
    ax.set_xticks(x, [value_label("funnel", s) for s in stages])
    ax.set_ylim(0, float(counts.max()) * 1.2 + 0.5)
    _style.whole_numbers(ax.yaxis)
    if by_cols:
        ax.legend(title=", ".join(column_label(c) for c in by_cols))
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel="Stage (percentage: share of the previous stage)",
        ylabel="People",
    )


@_style.styled
@fill_doc(
    _style.DOCS,
    table="activity",
    log_call="``activity(log, as_of=as_of)``",
    kwargs_to="``Axes.bar``",
)
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
    %(data)s
    %(as_of)s
    %(ax)s
    %(title_footnote)s
    %(kwargs)s

    Returns
    -------
    %(returns)s
        It holds the bars; the cumulative line is on its twin.

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
        footnote, table, as_of, as_int(totals["asks"].sum()) if len(table) else None, "asked"
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
    _style.whole_numbers(twin.yaxis)
    twin.set_ylabel("Cumulative interviews (people)")
    twin.spines["right"].set_visible(True)
    handles, labels = ax.get_legend_handles_labels()
    h2, l2 = twin.get_legend_handles_labels()
    ax.legend(handles + h2, labels + l2, loc="upper left")
    ax.set_ylim(0, float(totals.fillna(0).to_numpy().max()) * 1.35 + 0.5)
    _style.whole_numbers(ax.yaxis)
    if len(table) > 8:
        ax.tick_params(axis="x", labelrotation=30)
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel=f"{per.capitalize()} starting",
        ylabel=f"People per {per}",
    )
