"""Coverage charts: interviews per field against the 3/5 rule, and the perspective heatmap.

Part of the chart functions (see :mod:`infoview_analytics.charts`, which
re-exports them): each takes the analysis table (or the log), draws on ``ax``
and returns the ``Axes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import PreparedLog, coverage
from ..core.docs import fill_doc
from . import style as _style
from .labels import column_label, value_label

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_coverage", "plot_perspective_heatmap"]

# "field" is the last of the coverage table's `by` columns (see its note in TABLES).
_COVERAGE = (
    "field",
    *_style.declared("coverage", "interviewed", "scheduled", "pending", "status"),
)
_STATUS_TEXT = {
    "below_minimum": "below the minimum",
    "minimum_met": "minimum met",
    "target_met": "target met",
}


def _counts(table: pd.DataFrame, col: str) -> np.ndarray:
    return pd.to_numeric(table[col], errors="coerce").fillna(0).to_numpy(dtype=float)


@_style.styled
@fill_doc(
    _style.DOCS,
    table="coverage",
    log_call="``coverage(log, as_of=as_of)``",
    kwargs_to="the ``Axes.barh`` of the interviews",
)
def plot_coverage(
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
    """Interviews per field, coloured by coverage status, with the minimum and target lines.

    Solid bars are interviews held; hatched segments scheduled interviews;
    dotted segments requests still pending. Dashed vertical lines mark the
    minimum (3) and the target (5) interviews per field.

    Parameters
    ----------
    %(data)s
    minimum, target : int, optional
        Reference lines (default: ``table.attrs`` if set, else 3 and 5).
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
    >>> t = pd.DataFrame({"field": ["data", "design"], "interviewed": [3, 1],
    ...     "scheduled": [1, 0], "pending": [0, 2],
    ...     "status": ["minimum_met", "below_minimum"]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_coverage(t, ax=Figure().subplots())
    >>> sorted(line.get_xdata()[0] for line in ax.lines)
    [3, 5]
    """
    from matplotlib.patches import Patch

    table = _style.table_for(data, _COVERAGE, coverage, as_of=as_of)
    ax = _style.get_ax(ax)
    minimum = table.attrs.get("minimum", 3) if minimum is None else minimum
    target = table.attrs.get("target", 5) if target is None else target
    title = title or f"Interviews per field (aim: at least {minimum}, ideally {target})"
    done, sched, pend = (_counts(table, c) for c in ("interviewed", "scheduled", "pending"))
    note = _style.resolve_footnote(
        footnote, table, as_of, int(done.sum()) if len(table) else None, "interviews"
    )
    if len(table) == 0:
        return _style.no_data(ax, title=title, footnote=note)
    status = table["status"].astype(object).fillna("below_minimum").astype(str)
    colors = [_style.COVERAGE_COLORS.get(s, _style.GREY) for s in status]
    y = np.arange(len(table))
    bar_kw = {"color": colors, "height": 0.6, **kwargs}
    ax.barh(y, done, **bar_kw)
    ax.barh(
        y,
        sched,
        left=done,
        height=0.6,
        color=colors,
        alpha=0.35,
        hatch="///",
        edgecolor=colors,
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
    for i in range(len(table)):
        parts = [f"{int(done[i])}"]
        if sched[i]:
            parts.append(f"+{int(sched[i])} scheduled")
        if pend[i]:
            parts.append(f"+{int(pend[i])} pending")
        ax.text(
            done[i] + sched[i] + pend[i] + 0.15,
            y[i],
            " ".join(parts),
            va="center",
            fontsize=8,
            color="0.15",
        )
    top = max(float((done + sched + pend).max()), float(target)) + 2.5
    for value, label in ((minimum, "minimum"), (target, "target")):
        ax.axvline(value, color="0.25", linestyle="--", linewidth=1)
        ax.text(
            value, -0.7, f"{label} {value}", ha="center", va="bottom", fontsize=8, color="0.25"
        )
    field_labels = table["field"].astype(object).fillna("(no field)").astype(str)
    ax.set_yticks(y, field_labels.tolist())
    ax.set_ylim(len(table) - 0.5, -1.0)
    ax.set_xlim(0, top)
    _style.whole_numbers(ax.xaxis)
    handles = [
        Patch(color=_style.COVERAGE_COLORS[s], label=_STATUS_TEXT[s])
        for s in _STATUS_TEXT
        if s in set(status)
    ]
    handles += [
        Patch(facecolor="white", edgecolor="0.3", hatch="///", label="scheduled"),
        Patch(facecolor="white", edgecolor=_style.GREY, hatch="...", label="pending request"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _style.finish(
        ax, title=title, footnote=note, xlabel="Interviews (people)", ylabel="Field"
    )


@_style.styled
@fill_doc(
    _style.DOCS,
    table="perspective_matrix",
    log_call="``perspective_matrix(log, perspective=perspective, as_of=as_of)``",
    kwargs_to="``Axes.imshow``",
)
def plot_perspective_heatmap(
    data: pd.DataFrame,
    *,
    perspective: str | None = None,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Interviews per field and perspective (seniority, org_type, location...), counts in cells.

    Parameters
    ----------
    %(data)s
    perspective : str, optional
        The perspective's name for the axis label (default ``table.attrs``
        ``"perspective"``); used as the argument when ``data`` is the log.
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
    >>> t = pd.DataFrame({"field": ["data", "design"], "entry": [1, 0], "senior": [2, 1]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_perspective_heatmap(t, perspective="seniority", ax=Figure().subplots())
    >>> [t.get_text() for t in ax.texts]
    ['1', '2', '0', '1']
    """
    table = _style.check_table(data, "perspective_matrix")
    if isinstance(table, PreparedLog) or "contact" in table.columns:
        from ..analysis import perspective_matrix

        kw = {} if perspective is None else {"perspective": perspective}
        table = perspective_matrix(table, as_of=as_of, **kw)
    ax = _style.get_ax(ax)
    perspective = perspective or table.attrs.get("perspective", "perspective")
    name = column_label(str(perspective)).lower()
    title = title or f"Interviews per field and {name}"
    row_col = table.columns[0] if len(table.columns) else "field"
    values = table.drop(columns=[row_col]).apply(pd.to_numeric, errors="coerce").fillna(0)
    counts = values.to_numpy(dtype=float)
    note = _style.resolve_footnote(
        footnote, table, as_of, int(counts.sum()) if counts.size else None, "interviews"
    )
    if counts.size == 0 or counts.sum() == 0:
        return _style.no_data(ax, title=title, footnote=note)
    show_kw = {"cmap": "Blues", "vmin": 0, "vmax": max(counts.max(), 1), "aspect": "auto"}
    show_kw.update(kwargs)
    ax.imshow(counts, **show_kw)
    high = counts.max() * 0.6
    for (i, j), v in np.ndenumerate(counts):
        ax.text(
            j,
            i,
            f"{int(v)}",
            ha="center",
            va="center",
            fontsize=8,
            color="white" if v > high else ("0.1" if v else "0.6"),
        )
    ax.set_xticks(
        range(counts.shape[1]), [value_label(str(perspective), c) for c in values.columns]
    )
    ax.set_yticks(
        range(counts.shape[0]),
        table[row_col].astype(object).fillna("(no field)").astype(str).tolist(),
    )
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if counts.shape[1] > 5:
        ax.tick_params(axis="x", labelrotation=30)
    return _style.finish(
        ax,
        title=title,
        footnote=note,
        xlabel=f"{name.capitalize()} (interviews per cell)",
        ylabel=column_label(str(row_col)),
    )
