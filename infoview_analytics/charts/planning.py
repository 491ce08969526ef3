"""The plan chart: each field's interviews so far, what open requests may bring, asks needed.

Part of the chart functions (see :mod:`infoview_analytics.charts`): it takes the
table :func:`~infoview_analytics.plan` returns (or the log), draws on ``ax`` and
returns the ``Axes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import plan
from ..core.docs import fill_doc
from . import style as _style

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_plan"]

_PLAN = (
    "field",
    *_style.declared(
        "plan",
        "interviewed",
        "scheduled",
        "expected_from_pending",
        "asks_to_minimum",
        "asks_to_target",
    ),
)


@_style.styled
@fill_doc(
    _style.DOCS,
    table="plan",
    log_call="``plan(log, as_of=as_of)``",
    kwargs_to="the ``Axes.barh`` of the interviews held",
)
def plot_plan(
    data: pd.DataFrame,
    *,
    minimum: int | None = None,
    target: int | None = None,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Per field: interviews held, scheduled, expected from open requests, and asks still needed.

    Solid bars are interviews held, hatched segments scheduled ones, dotted
    segments the interviews the open requests are expected to bring (a
    fraction). The label at the end of each bar says how many more people to
    ask for the minimum (or, once it is reached, the target). Dashed lines
    mark the minimum and the target.

    Parameters
    ----------
    %(data)s
    minimum, target : int, optional
        Reference lines (default: ``table.attrs``, else 3 and 5).
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
    >>> t = pd.DataFrame({"field": ["data", "law"], "interviewed": [2, 0],
    ...     "scheduled": [1, 0], "expected_from_pending": [0.4, 0.0],
    ...     "asks_to_minimum": [0, 8], "asks_to_target": [5, 14]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_plan(t, ax=Figure().subplots())
    >>> [t.get_text() for t in ax.texts if t.get_text().startswith("ask")]
    ['ask 5 more for 5', 'ask 8 more for 3']
    """
    from matplotlib.patches import Patch

    table = _style.table_for(data, _PLAN, plan, as_of=as_of)
    ax = _style.get_ax(ax)
    minimum = int(table.attrs.get("minimum", 3)) if minimum is None else minimum
    target = int(table.attrs.get("target", 5)) if target is None else target
    title = title or "Interviews per field and the asks still needed"
    done = _numbers(table, "interviewed")
    sched = _numbers(table, "scheduled")
    pend = _numbers(table, "expected_from_pending")
    note = _style.resolve_footnote(
        footnote, table, as_of, int(done.sum()) if len(table) else None, "interviews"
    )
    if len(table) == 0:
        return _style.no_data(ax, title=title, footnote=note)
    y = np.arange(len(table))
    blue = _style.OKABE_ITO["blue"]
    ax.barh(y, done, height=0.6, **{"color": blue, **kwargs})
    ax.barh(
        y,
        sched,
        left=done,
        height=0.6,
        color=blue,
        alpha=0.35,
        hatch="///",
        edgecolor=blue,
        linewidth=0.8,
    )
    ax.barh(
        y,
        pend,
        left=done + sched,
        height=0.6,
        color="white",
        hatch="...",
        edgecolor=_style.GREY,
        linewidth=0.8,
    )
    rows: list[Any] = list(table.itertuples(index=False))
    for i, row in enumerate(rows):
        reached_min = done[i] + sched[i] >= minimum
        asks = row.asks_to_target if reached_min else row.asks_to_minimum
        goal = target if reached_min else minimum
        if done[i] >= target:
            text = "target met"
        elif pd.isna(asks):
            text = f"ask more than 1000 for {goal}"
        elif int(asks) == 0:
            text = f"no more asks needed for {goal}"
        else:
            text = f"ask {int(asks)} more for {goal}"
        ax.text(
            done[i] + sched[i] + pend[i] + 0.15, y[i], text, va="center", fontsize=8, color="0.15"
        )
    top = max(float((done + sched + pend).max()), float(target)) + 4.5
    for value, label in ((minimum, "minimum"), (target, "target")):
        ax.axvline(value, color="0.25", linestyle="--", linewidth=1)
        ax.text(
            value, -0.7, f"{label} {value}", ha="center", va="bottom", fontsize=8, color="0.25"
        )
    labels = table["field"].astype(object).fillna("(no field)").astype(str)
    ax.set_yticks(y, labels.tolist())
    ax.set_ylim(len(table) - 0.5, -1.0)
    ax.set_xlim(0, top)
    handles = [
        Patch(color=blue, label="interviewed"),
        Patch(facecolor="white", edgecolor=blue, hatch="///", label="scheduled"),
        Patch(
            facecolor="white",
            edgecolor=_style.GREY,
            hatch="...",
            label="expected from open requests",
        ),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _style.finish(
        ax, title=title, footnote=note, xlabel="Interviews (people)", ylabel="Field"
    )


def _numbers(table: pd.DataFrame, col: str) -> np.ndarray:
    return pd.to_numeric(table[col], errors="coerce").fillna(0).to_numpy(dtype=float)
