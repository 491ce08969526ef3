"""The report's "next steps" page: how many more people to ask per field, and whom.

:func:`add_next_steps` is called once by :func:`~infoview_analytics.build_report`
while it writes: it computes :func:`~infoview_analytics.plan` and
:func:`~infoview_analytics.next_people` on the log the report shows (already
anonymized when the report is: pseudonyms only), draws a page with the plan
chart and the people to contact (the PDF's last page), and writes the chart
(PNG, SVG) and the two tables (CSV) beside the others.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["add_next_steps", "next_steps_tables"]

_PAGE = (11.69, 8.27)  # A4 landscape, inches, as the other pages
_PEOPLE_ON_PAGE = 8


def next_steps_tables(log: pd.DataFrame, *, as_of: pd.Timestamp) -> dict[str, pd.DataFrame]:
    """The plan (per owner and field in a cohort) and the next people, as of ``as_of``."""
    from ..analysis import next_people, plan, prepare

    p = prepare(log, as_of=as_of)
    cohort = bool(p.frame["owner"].notna().any())
    return {
        "plan": plan(p, by=["owner", "field"] if cohort else "field"),
        "next_people": next_people(p, limit=1 if cohort else 10),
    }


def add_next_steps(
    log: pd.DataFrame,
    folder: Path,
    *,
    as_of: pd.Timestamp,
    formats: tuple[str, ...],
) -> Any:
    """Write the next-steps chart and tables into ``folder``; return the page's figure.

    Called inside the report's style context (the PDF adds the page it returns).
    """
    from .drawing import write_images
    from .pages import fix_layout

    tables = next_steps_tables(log, as_of=as_of)
    if "csv" in formats:
        from ..io.export import write_tables_csv

        write_tables_csv(tables, folder / "tables")
    fig = _page(tables, as_of)
    fix_layout(fig)  # laid out once, not again for each format
    images = [f for f in ("png", "svg") if f in formats]
    if images:
        (folder / "charts").mkdir(exist_ok=True)
        write_images(fig, folder / "charts", "next_steps", images)
    return fig


def _page(tables: dict[str, pd.DataFrame], as_of: pd.Timestamp) -> Any:
    from matplotlib.figure import Figure

    from ..charts import plot_plan

    fig = Figure(figsize=_PAGE, layout="constrained")
    parts: Any = fig.subfigures(2, 1, height_ratios=[1.1, 1.0])  # an array of two
    top, bottom = parts
    plan_table, people = tables["plan"], tables["next_people"]
    cohort = "owner" in plan_table.columns
    top.suptitle(
        "Next steps: how many more people to ask, and whom",
        fontsize=14,
        fontweight="bold",
        x=0.01,
        ha="left",
    )
    ax = top.subplots()
    if cohort:
        # One bar per student and field would not fit: the fields furthest from the minimum.
        short = plan_table.assign(
            field=plan_table["owner"].astype(str) + " / " + plan_table["field"].astype(str)
        )
        short = short.sort_values(["interviewed", "field"], kind="stable").head(12)
        short = short.drop(columns="owner")
        short.attrs.update(plan_table.attrs)
        plot_plan(short, ax=ax, as_of=as_of, title="The 12 student fields furthest behind")
    else:
        plot_plan(plan_table, ax=ax, as_of=as_of)
    ax_text = bottom.subplots()
    ax_text.axis("off")
    lines = ["Whom to contact next" + (" (each student's first)" if cohort else "")]
    rows: list[Any] = list(people.head(_PEOPLE_ON_PAGE).itertuples(index=False))
    for row in rows:
        who = f"{row.owner}: " if cohort else f"{row.rank}. "
        wrapped = textwrap.wrap(f"{who}{row.reason}", width=150)
        lines += wrapped[:2]
    if len(people) == 0:
        lines.append("Nobody to suggest yet: add the people you could ask to the log.")
    ax_text.text(
        0,
        1,
        "\n".join(lines),
        va="top",
        ha="left",
        fontsize=8.5,
        transform=ax_text.transAxes,
        linespacing=1.5,
    )
    return fig
