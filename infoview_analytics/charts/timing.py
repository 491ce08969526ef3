"""Timing chart: Kaplan–Meier share of requests answered against time since asking.

Part of the chart functions (see :mod:`infoview_analytics.charts`, which
re-exports it): it takes the analysis table (or the log), draws on ``ax`` and
returns the ``Axes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import time_to_response
from ..core.docs import fill_doc
from . import style as _style
from .labels import column_label
from .style import as_int, by_columns

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_time_to_response"]

_KM = _style.declared(
    "time_to_response", "time", "at_risk", "answered", "share_answered", "ci_low", "ci_high"
)


@_style.styled
@fill_doc(
    _style.DOCS,
    table="time_to_response",
    log_call="``time_to_response(log, as_of=as_of)``",
    kwargs_to="``Axes.step``",
)
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
    %(data)s
    marks : tuple of int
        Where to draw the vertical reference lines.
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
    by_cols = by_columns(table, "time_to_response")
    unit = table.attrs.get("unit", "business_days")
    unit_text = "business days" if unit == "business_days" else "days"
    title = title or "Time to response: share of requests answered"
    labels = _style.group_labels(table, by_cols)
    groups = list(dict.fromkeys(labels))
    n = 0
    for group in groups:
        rows = table[[lab == group for lab in labels]]
        n += as_int(pd.to_numeric(rows["at_risk"], errors="coerce").max()) if len(rows) else 0
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
        ax.step(t, s, where="post", label=group if by_cols else "All requests", **step_kw)
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
        ax.legend(title=", ".join(column_label(c) for c in by_cols), loc="lower right")
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel=f"Time since asking ({unit_text})",
        ylabel="Share answered (%, Kaplan–Meier, 95% band)",
    )
