"""What I learned: the top themes per field as bars of the people who said each.

Part of the chart functions (see :mod:`infoview_analytics.charts`): takes the
:func:`~infoview_analytics.themes` table (or the log), draws on ``ax`` and
returns the ``Axes``. A theme resting on one or two people is drawn light and
hatched (the guides' warning against relying on one or two voices); one heard
from three or more organisations dark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import themes
from ..core.docs import fill_doc
from . import style as _style

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_themes"]

_THEMES = _style.declared("themes", "theme", "people", "of_people", "n_organization", "support")
#: support -> (face colour, hatch, legend text)
SUPPORT_STYLE = {
    "well_supported": (_style.OKABE_ITO["blue"], "", "well supported (3+ organisations)"),
    "several_voices": (_style.OKABE_ITO["sky_blue"], "", "3+ people"),
    "few_voices": ("#CFE6F5", "////", "only 1–2 people: one or two voices"),
}


@_style.styled
@fill_doc(
    _style.DOCS,
    table="themes",
    log_call="``themes(log, as_of=as_of)``",
    kwargs_to="the ``Axes.barh`` of the themes",
)
def plot_themes(
    data: pd.DataFrame,
    *,
    top: int = 5,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """The top themes of each field: horizontal bars of the distinct people who said each.

    Each field's name heads its themes; bars are coloured by ``support``:
    dark for a theme heard from 3 or more organisations, light and hatched
    for one resting on only one or two people.

    Parameters
    ----------
    %(data)s
    top : int, default 5
        Themes shown per field (the table's first ones: most people first).
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
    >>> t = pd.DataFrame({"field": ["data", "data", "ux"], "theme": ["sql", "excel", "portfolio"],
    ...     "people": [3, 2, 4], "of_people": [4, 4, 5], "n_organization": [3, 2, 2],
    ...     "support": ["well_supported", "few_voices", "several_voices"]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_themes(t, ax=Figure().subplots())
    >>> [float(p.get_width()) for p in ax.patches]
    [3.0, 2.0, 4.0]
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['data', 'sql', 'excel', 'ux', 'portfolio']
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    table = _style.table_for(data, _THEMES, themes, as_of=as_of)
    ax = _style.get_ax(ax)
    by = _style.by_columns(table, "themes")
    title = title or "What I heard: the themes most people raised, per field"
    labels = _style.group_labels(table, by) if by else ["all interviews"] * len(table)
    shown = table.assign(_group=labels).groupby("_group", sort=False).head(top)
    groups = list(dict.fromkeys(shown["_group"]))
    voices = shown.drop_duplicates("_group")["of_people"]
    n = int(pd.to_numeric(voices, errors="coerce").fillna(0).sum()) if len(shown) else None
    note = _style.resolve_footnote(footnote, table, as_of, n, "people with notes")
    if len(shown) == 0:
        msg = "no themes yet: no two people said the same thing"
        return _style.no_data(ax, title=title, footnote=note, message=msg)
    ticks: list[float] = []
    names: list[str] = []
    bold: list[bool] = []
    y = 0.0
    bars_y: list[float] = []
    rows = []
    for group in groups:
        ticks.append(y)
        names.append(group)
        bold.append(True)
        y += 1
        for _, row in shown[shown["_group"] == group].iterrows():
            ticks.append(y)
            names.append(str(row["theme"]))
            bold.append(False)
            bars_y.append(y)
            rows.append(row)
            y += 1
        y += 0.4
    people = np.array([_style.as_int(r["people"]) for r in rows], dtype=float)
    support = [str(r["support"]) if r["support"] in SUPPORT_STYLE else "few_voices" for r in rows]
    for yy, width, s in zip(bars_y, people, support, strict=True):
        face, hatch, _ = SUPPORT_STYLE[s]
        bar_kw = {"height": 0.7, "color": face, "hatch": hatch, "edgecolor": "#3B7FB6"}
        bar_kw["linewidth"] = 0.6 if hatch else 0
        ax.barh(yy, width, **{**bar_kw, **kwargs})
    for yy, width, r in zip(bars_y, people, rows, strict=True):
        orgs = _style.as_int(r["n_organization"])
        text = f"{int(width)} of {_style.as_int(r['of_people'])}"
        text += f" · {orgs} organisation{'s' if orgs != 1 else ''}"
        ax.text(width + 0.08, yy, text, va="center", fontsize=7.5, color="0.2")
    ax.set_yticks(ticks, names)
    for label, is_group in zip(ax.get_yticklabels(), bold, strict=True):
        if is_group:
            label.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(y - 0.4, -0.8)
    ax.set_xlim(0, float(people.max()) * 1.45 + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    present = [s for s in SUPPORT_STYLE if s in set(support)]
    handles = [
        Patch(
            facecolor=SUPPORT_STYLE[s][0],
            hatch=SUPPORT_STYLE[s][1],
            edgecolor="#3B7FB6",
            label=SUPPORT_STYLE[s][2],
        )
        for s in present
    ]
    ax.legend(handles=handles, loc="lower right")
    return _style.finish(ax, title=title, footnote=note, xlabel="People who said it")
