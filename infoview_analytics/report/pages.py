"""The report's pages: which charts it draws (with their captions), the title page, the
"not shown" summary, the lists and the cohort's per-student pages.

Every page is a matplotlib ``Figure`` made without pyplot (no global state, no
figure leaks). A chart whose table carries ``attrs["gaps"]`` (the log lacks the
column the answer needs) is not drawn: the summary page says what could not be
computed and how to map the column. A chart that would only say "no data yet"
becomes one line on that page too, instead of a page of its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..charts import captions as _captions
from ..charts import style as _style
from .pdf import plain_glyphs
from .tables_pages import PAGE, Section, coverage_section, follow_ups_section, table_pages

__all__: list[str] = []

_CAPTION_IN = 0.7
_CAPTION_FONT = 8.5
MAX_CHAINS = 30


@dataclass
class Chart:
    """One chart of the report: how to draw it, from which table, its caption and size."""

    name: str
    draw: Callable[..., Any]
    table: pd.DataFrame
    caption: tuple[str, str]
    kwargs: dict[str, Any] = field(default_factory=dict)
    size: tuple[float, float] = (9.0, 5.5)
    #: What the chart is about, for the summary line when it is not drawn.
    about: str = ""
    #: Why it is not drawn (the log lacks a column; nothing to show yet); "" when drawn.
    skipped: list[str] = field(default_factory=list)


def charts(t: dict[str, pd.DataFrame], log: pd.DataFrame) -> list[Chart]:
    """Every chart of the report, in page order, with ``skipped`` filled in."""
    from ..charts import (
        plot_activity,
        plot_coverage,
        plot_funnel,
        plot_meeting_discipline,
        plot_perspective_heatmap,
        plot_referral_tree,
        plot_response_rates,
        plot_thank_you_timeliness,
        plot_time_to_response,
    )
    from ..charts.network import tree_rows

    rows = tree_rows(t["referral_chains"], max_chains=MAX_CHAINS)
    tree_height = min(max(5.5, 0.2 * rows + 2.0), 40.0)
    n_fields = len(t["coverage"])
    status = log[["contact", "status"]] if "status" in log.columns else None
    specs = [
        Chart(
            "response_rates_channel",
            plot_response_rates,
            t["response_rates_channel"],
            _captions.rates(t["response_rates_channel"], "channel"),
            about="Response rate by channel",
        ),
        Chart(
            "response_rates_warmth",
            plot_response_rates,
            t["response_rates_warmth"],
            _captions.rates(t["response_rates_warmth"], "warmth"),
            about="Response rate, warm vs cold",
        ),
        Chart("funnel", plot_funnel, t["funnel"], _captions.funnel(t["funnel"]), about="Funnel"),
        Chart(
            "time_to_response",
            plot_time_to_response,
            t["time_to_response"],
            _captions.timing(t["response_time_summary"]),
            about="Time to response",
        ),
        Chart(
            "activity",
            plot_activity,
            t["activity"],
            _captions.activity(t["activity"]),
            about="Activity",
        ),
        Chart(
            "coverage",
            plot_coverage,
            t["coverage"],
            _captions.coverage(t["coverage"]),
            size=(9.0, min(max(4.5, 0.45 * n_fields + 2.5), 30.0)),
            about="Interviews per field",
        ),
        Chart(
            "perspectives_seniority",
            plot_perspective_heatmap,
            t["perspectives_seniority"],
            _captions.perspectives(t["perspectives_seniority"], "seniority"),
            {"perspective": "seniority"},
            about="Interviews per field and seniority",
        ),
        Chart(
            "referral_tree",
            plot_referral_tree,
            t["referral_chains"],
            _captions.referrals(t["referral_summary"]),
            {"log": status, "max_chains": MAX_CHAINS},
            size=(9.0, tree_height),
            about="Referral chains",
        ),
        Chart(
            "thank_you_timeliness",
            plot_thank_you_timeliness,
            t["thank_you_timeliness"],
            _captions.thanks(t["thank_you_timeliness"]),
            size=(9.0, 4.5),
            about="Thank-you notes",
        ),
        Chart(
            "meeting_discipline",
            plot_meeting_discipline,
            t["meeting_discipline"],
            _captions.meetings(t["meeting_discipline"]),
            size=(9.0, 4.0),
            about="Meeting discipline",
        ),
    ]
    if "cohort_summary" in t:
        specs.append(
            Chart(
                "cohort_overview",
                plot_response_rates,
                t["response_rates_owner"],
                _captions.cohort(t["cohort_summary"]),
                {"title": "Response rate per student"},
                size=(9.0, min(max(5.0, 0.35 * len(t["cohort_summary"]) + 2.5), 30.0)),
                about="Response rate per student",
            )
        )
    extra = {"time_to_response": t["response_time_summary"]}
    for chart in specs:
        gaps = list(chart.table.attrs.get("gaps") or [])
        more = extra.get(chart.name)
        if more is not None:
            gaps += [g for g in more.attrs.get("gaps") or [] if g not in gaps]
        if gaps:
            chart.skipped = gaps
        elif _captions.empty(chart.name, chart.table):
            chart.skipped = [f"{chart.caption[0]} {chart.caption[1]}"]
    return specs


def _wrap(text: str, width_in: float, fontsize: float = _CAPTION_FONT) -> str:
    """Wrap by characters (DejaVu Sans averages ~0.55 em): far cheaper than ``wrap=True``."""
    return textwrap.fill(text, max(int(width_in * 72 / (fontsize * 0.55)), 20))


def caption(cap: Any, lines: tuple[str, str], width_in: float) -> None:
    """The two caption lines (what it shows; → what to do) on an Axes with no frame."""
    cap.axis("off")
    first = _wrap(lines[0], width_in)
    cap.text(0, 1, first, va="top", ha="left", fontsize=_CAPTION_FONT, transform=cap.transAxes)
    cap.text(
        0,
        1 - 0.5 * (first.count("\n") + 1),
        _wrap("→ " + lines[1], width_in),
        va="top",
        ha="left",
        fontsize=_CAPTION_FONT,
        fontweight="bold",
        transform=cap.transAxes,
    )


def chart_figure(chart: Chart, as_of: pd.Timestamp) -> Any:
    """The chart and its caption on one figure, laid out once (then fixed for every format)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=chart.size, layout="constrained")
    height = chart.size[1]
    ax, cap = fig.subplots(2, 1, height_ratios=[height - _CAPTION_IN, _CAPTION_IN])
    chart.draw(chart.table, ax=ax, as_of=as_of, **chart.kwargs)
    caption(cap, chart.caption, chart.size[0] - 0.3)
    fix_layout(fig)
    return fig


def fix_layout(fig: Any) -> None:
    """Run the constrained layout once and keep its positions.

    Each ``savefig`` would otherwise lay the figure out again (a third of the
    report's time went there); the positions do not depend on the output format.
    Measured on the sample's 10 charts: 7.2 s of constrained layout in 30
    saves, 2.4 s when laid out once.
    """
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)  # the layout alone, without drawing every artist
    fig.set_layout_engine("none")
    # After the layout, which made the tick labels (text is measured without ligatures).
    plain_glyphs(fig)


def title_page(
    title: str,
    as_of: pd.Timestamp,
    t: dict[str, pd.DataFrame] | None,
    notes: list[str] | None = None,
) -> Any:
    """The title, the day, the headline figures (none when ``t`` is None) and ``notes``
    (what a shared report hid, and why)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=PAGE)
    fig.text(0.06, 0.88, title, fontsize=24, fontweight="bold", va="top")
    fig.text(
        0.06,
        0.80,
        f"Informational interviews · as of {as_of.date().isoformat()}",
        fontsize=12,
        color=_style.MUTED,
        va="top",
    )
    for i, (label, value, detail) in enumerate(_captions.headline(t) if t else []):
        y = 0.66 - i * 0.12
        fig.text(
            0.06,
            y,
            value,
            fontsize=26,
            fontweight="bold",
            va="top",
            color=_style.OKABE_ITO["blue"],
        )
        fig.text(0.30, y - 0.005, label, fontsize=13, va="top")
        fig.text(0.30, y - 0.045, detail, fontsize=9.5, color=_style.MUTED, va="top")
    for i, note in enumerate(notes or []):
        y = (0.085 if t else 0.66) - i * 0.038
        fig.text(0.06, y, note, fontsize=8, va="top", wrap=True, color=_style.MUTED)
    return plain_glyphs(fig)


def summary_page(skipped: list[Chart]) -> Any | None:
    """One page listing the charts not drawn and why (None when every chart was drawn)."""
    if not skipped:
        return None
    from matplotlib.figure import Figure

    fig = Figure(figsize=PAGE)
    fig.text(0.05, 0.93, "Not shown in this report", fontsize=16, fontweight="bold", va="top")
    fig.text(
        0.05,
        0.875,
        "These charts would have nothing true to show; what each needs:",
        fontsize=10,
        color=_style.MUTED,
        va="top",
    )
    y = 0.82
    for chart in skipped:
        fig.text(0.05, y, chart.about, fontsize=10, fontweight="bold", va="top")
        y -= 0.03
        for reason in chart.skipped:
            text = _wrap(reason, PAGE[0] - 1.6, 9)
            fig.text(0.07, y, text, fontsize=9, va="top")
            y -= 0.028 * (text.count("\n") + 1) + 0.008
        y -= 0.015
    return plain_glyphs(fig)


def list_pages(
    t: dict[str, pd.DataFrame], title: str, *, hidden: set[str] | frozenset[str] = frozenset()
) -> list[Any]:
    """The follow-ups due and the coverage table, paged (a hidden table's list left out)."""
    due, cov = t["follow_ups_due"], t["coverage"]
    sections = []
    for name, table, make, heading in (
        ("follow_ups_due", due, follow_ups_section, _captions.follow_ups(due)),
        ("coverage", cov, coverage_section, "Coverage per field"),
    ):
        if name in hidden:
            continue
        section: Section = make(table, heading)
        gaps = table.attrs.get("gaps") or []
        if gaps:
            section = Section(heading, table.iloc[0:0], section.columns, empty=" ".join(gaps))
        sections.append(section)
    return table_pages("The lists", sections, subtitle=title) if sections else []


def student_pages(owner: str, tables: dict[str, pd.DataFrame], as_of: pd.Timestamp) -> list[Any]:
    """A student's charts (response rate, coverage) and their lists (follow-ups, coverage)."""
    from matplotlib.figure import Figure

    from ..charts import plot_coverage, plot_response_rates

    fig: Any = Figure(figsize=PAGE, layout="constrained")  # stubs: subfigures() unpacks
    top, cap = fig.subfigures(2, 1, height_ratios=[PAGE[1] - _CAPTION_IN, _CAPTION_IN])
    left, right = top.subplots(1, 2)
    top.suptitle(owner, fontsize=14, fontweight="bold", x=0.01, ha="left")
    # Half-width panels: short titles, so they do not run into the footnote.
    plot_response_rates(tables["rates"], ax=left, as_of=as_of, title="Response rate")
    plot_coverage(tables["coverage"], ax=right, as_of=as_of, title="Interviews per field")
    caption(cap.subplots(), _captions.coverage(tables["coverage"]), PAGE[0] - 0.5)
    fix_layout(fig)
    due = tables["follow_ups"].drop(columns=["owner"], errors="ignore")
    lists = table_pages(
        f"{owner}: the lists",
        [
            follow_ups_section(due, _captions.follow_ups(due)),
            coverage_section(
                tables["coverage"].drop(columns=["owner"], errors="ignore"), "Coverage per field"
            ),
        ],
    )
    return [fig, *lists]
