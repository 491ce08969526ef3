"""The advisor report: every chart as PNG and SVG, one PDF, the tables as xlsx and CSV.

:func:`build_report` computes each analysis table once, draws each chart once
(on a matplotlib ``Figure``, not pyplot's global state, so it runs headless and
leaks no figures) and saves that figure in every format asked for. Layout of
the report folder::

    report.pdf              title page, one page per chart, cohort pages
    report.html             the same as one web page (inline SVG charts, HTML tables)
    charts/<name>.png|svg   each chart (PNG at 200 dpi)
    tables.xlsx             a summary sheet, then one formatted sheet per table
    tables/<name>.csv       the same tables

Writing is atomic: everything goes into a hidden temporary folder next to
``out_dir``, which is moved into place at the end; on any error the temporary
folder is removed and ``out_dir`` is left as it was. File metadata carries the
report title only (no author, no software, no dates), so an anonymised report
leaks no names.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from ..charts import captions as _captions
from ..charts import style as _style
from ..core.args import as_of_timestamp
from ..errors import InvalidArgumentError, ReportExistsError

if TYPE_CHECKING:  # matplotlib is imported when a report is drawn
    from matplotlib.typing import RcKeyType

__all__ = ["build_report"]

FORMATS = ("png", "svg", "pdf", "html", "xlsx", "csv")
DPI = 200
_PAGE = (11.69, 8.27)  # A4 landscape, inches
_CAPTION_IN = 0.7
_PNG_META: dict[str, Any] = {"Software": None}
_SVG_META: dict[str, Any] = {"Creator": None, "Date": None, "Format": None, "Type": None}


@dataclass
class _Chart:
    name: str
    draw: Callable[..., Any]
    table: pd.DataFrame
    caption: tuple[str, str]
    kwargs: dict[str, Any] = field(default_factory=dict)
    size: tuple[float, float] = (9.0, 5.5)


def _is_cohort(log: pd.DataFrame) -> bool:
    """Whether the log holds several students' rows (owners told apart by the name key)."""
    from ..core.names import name_codes

    return "owner" in log.columns and len(name_codes(log["owner"])[1]) > 1


def compute_tables(log: pd.DataFrame, *, as_of: pd.Timestamp) -> dict[str, pd.DataFrame]:
    """Every table the report shows, computed once (also the xlsx sheets / CSV files).

    The log is prepared once, so the analyses share their common steps, and every
    table is as of ``as_of`` (none depends on the day the report is built).
    """
    from ..analysis import (
        activity,
        classify_contacts,
        coverage,
        follow_ups_due,
        funnel,
        meeting_discipline,
        perspective_matrix,
        prepare,
        referral_chains,
        referral_summary,
        response_rates,
        response_time_summary,
        thank_you_timeliness,
        time_to_response,
    )

    p = prepare(log, as_of=as_of)

    t: dict[str, pd.DataFrame] = {
        "overall": response_rates(p, as_of=as_of),
        "response_rates_channel": response_rates(p, by="channel", as_of=as_of),
        "response_rates_warmth": response_rates(p, by="warmth", as_of=as_of),
        "response_rates_source": response_rates(p, by="source", as_of=as_of),
        "response_rates_field": response_rates(p, by="field", as_of=as_of),
        "funnel": funnel(p, as_of=as_of),
        "activity": activity(p, as_of=as_of),
        "time_to_response": time_to_response(p, by="warmth", as_of=as_of),
        "response_time_summary": response_time_summary(p, by="warmth", as_of=as_of),
        "contacts": classify_contacts(p, as_of=as_of),
        "follow_ups_due": follow_ups_due(p, as_of=as_of),
        "thank_you_timeliness": thank_you_timeliness(p),
        "meeting_discipline": meeting_discipline(p),
        "referral_chains": referral_chains(p, as_of=as_of),
        "referral_summary": referral_summary(p, as_of=as_of),
        "coverage": coverage(p, as_of=as_of),
        "perspectives_seniority": perspective_matrix(p, perspective="seniority"),
        "perspectives_org_type": perspective_matrix(p, perspective="org_type"),
    }
    if _is_cohort(log):
        from ..analysis import cohort_summary

        t["cohort_summary"] = cohort_summary(p, as_of=as_of)
        t["response_rates_owner"] = response_rates(p, by="owner", as_of=as_of)
    return t


def _student_tables(
    log: pd.DataFrame, *, as_of: pd.Timestamp
) -> dict[str, dict[str, pd.DataFrame]]:
    """Per student of a cohort: coverage and response rates by warmth."""
    if not _is_cohort(log):
        return {}
    from ..analysis.fields import coverage
    from ..analysis.responses import response_rates

    out = {}
    from ..analysis.grouping import group_keys

    # Students told apart by the name key ("Amy" and "amy " are one), as in the analyses.
    student = group_keys(log, ["owner"])["owner"].where(log["owner"].notna())
    for owner, rows in log.groupby(student, sort=True, dropna=True):
        rows = rows.reset_index(drop=True)
        out[str(owner)] = {
            "coverage": coverage(rows, as_of=as_of),
            "rates": response_rates(rows, by="warmth", as_of=as_of),
        }
    return out


def _charts(t: dict[str, pd.DataFrame], log: pd.DataFrame) -> list[_Chart]:
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

    max_chains = 30
    rows = tree_rows(t["referral_chains"], max_chains=max_chains)
    tree_height = min(max(5.5, 0.2 * rows + 2.0), 40.0)
    n_fields = len(t["coverage"])
    status = log[["contact", "status"]] if "status" in log.columns else None
    charts = [
        _Chart(
            "response_rates_channel",
            plot_response_rates,
            t["response_rates_channel"],
            _captions.rates(t["response_rates_channel"], "channel"),
        ),
        _Chart(
            "response_rates_warmth",
            plot_response_rates,
            t["response_rates_warmth"],
            _captions.rates(t["response_rates_warmth"], "warmth"),
        ),
        _Chart("funnel", plot_funnel, t["funnel"], _captions.funnel(t["funnel"])),
        _Chart(
            "time_to_response",
            plot_time_to_response,
            t["time_to_response"],
            _captions.timing(t["response_time_summary"]),
        ),
        _Chart("activity", plot_activity, t["activity"], _captions.activity(t["activity"])),
        _Chart(
            "coverage",
            plot_coverage,
            t["coverage"],
            _captions.coverage(t["coverage"]),
            size=(9.0, min(max(4.5, 0.45 * n_fields + 2.5), 30.0)),
        ),
        _Chart(
            "perspectives_seniority",
            plot_perspective_heatmap,
            t["perspectives_seniority"],
            _captions.perspectives(t["perspectives_seniority"], "seniority"),
            {"perspective": "seniority"},
        ),
        _Chart(
            "referral_tree",
            plot_referral_tree,
            t["referral_chains"],
            _captions.referrals(t["referral_summary"]),
            {"log": status, "max_chains": max_chains},
            size=(9.0, tree_height),
        ),
        _Chart(
            "thank_you_timeliness",
            plot_thank_you_timeliness,
            t["thank_you_timeliness"],
            _captions.thanks(t["thank_you_timeliness"]),
            size=(9.0, 4.5),
        ),
        _Chart(
            "meeting_discipline",
            plot_meeting_discipline,
            t["meeting_discipline"],
            _captions.meetings(t["meeting_discipline"]),
            size=(9.0, 4.0),
        ),
    ]
    if "cohort_summary" in t:
        charts.append(
            _Chart(
                "cohort_overview",
                plot_response_rates,
                t["response_rates_owner"],
                _captions.cohort(t["cohort_summary"]),
                {"title": "Response rate per student"},
                size=(9.0, min(max(5.0, 0.35 * len(t["cohort_summary"]) + 2.5), 30.0)),
            )
        )
    return charts


def _check_formats(formats: Iterable[str] | str) -> tuple[str, ...]:
    chosen = (formats,) if isinstance(formats, str) else tuple(formats)
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        msg = (
            f"The value for `formats` must be a non-empty list of {list(FORMATS)}, "
            f"but {list(chosen)!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return chosen


def _figure(size: tuple[float, float]) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=size, layout="constrained")


def _chart_figure(chart: _Chart, as_of: pd.Timestamp) -> Any:
    fig = _figure(chart.size)
    height = chart.size[1]
    ax, cap = fig.subplots(2, 1, height_ratios=[height - _CAPTION_IN, _CAPTION_IN])
    chart.draw(chart.table, ax=ax, as_of=as_of, **chart.kwargs)
    _caption(cap, chart.caption)
    return fig


def _caption(cap: Any, lines: tuple[str, str]) -> None:
    cap.axis("off")
    cap.text(0, 1, lines[0], va="top", ha="left", fontsize=8.5, wrap=True, transform=cap.transAxes)
    cap.text(
        0,
        0.45,
        "→ " + lines[1],
        va="top",
        ha="left",
        fontsize=8.5,
        wrap=True,
        fontweight="bold",
        transform=cap.transAxes,
    )


def _title_page(title: str, as_of: pd.Timestamp, t: dict[str, pd.DataFrame]) -> Any:
    fig = _figure(_PAGE)
    fig.text(0.06, 0.88, title, fontsize=24, fontweight="bold", va="top")
    fig.text(
        0.06,
        0.80,
        f"Informational interviews · as of {as_of.date().isoformat()}",
        fontsize=12,
        color=_style.MUTED,
        va="top",
    )
    for i, (label, value, detail) in enumerate(_captions.headline(t)):
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
    return fig


def _student_page(owner: str, tables: dict[str, pd.DataFrame], as_of: pd.Timestamp) -> Any:
    from ..charts import plot_coverage, plot_response_rates

    fig = _figure(_PAGE)
    top, cap = fig.subfigures(2, 1, height_ratios=[_PAGE[1] - _CAPTION_IN, _CAPTION_IN])
    left, right = top.subplots(1, 2)
    top.suptitle(owner, fontsize=14, fontweight="bold", x=0.01, ha="left")
    # Half-width panels: short titles, so they do not run into the footnote.
    plot_response_rates(tables["rates"], ax=left, as_of=as_of, title="Response rate")
    plot_coverage(tables["coverage"], ax=right, as_of=as_of, title="Interviews per field")
    _caption(cap.subplots(), _captions.coverage(tables["coverage"]))
    return fig


def _write(
    log: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    students: dict[str, dict[str, pd.DataFrame]],
    folder: Path,
    *,
    as_of: pd.Timestamp,
    formats: tuple[str, ...],
    title: str,
) -> None:
    from matplotlib.backends.backend_pdf import PdfPages

    from ..io.export import write_tables_csv
    from .html import HtmlChart, svg_markup, write_html
    from .spreadsheet import write_report_workbook

    sheets = {("response_rates" if k == "overall" else k): v for k, v in tables.items()}
    if "xlsx" in formats:
        write_report_workbook(tables, folder / "tables.xlsx", title=title, as_of=as_of)
    if "csv" in formats:
        (folder / "tables").mkdir()
        write_tables_csv(sheets, folder / "tables")
    images = [f for f in ("png", "svg") if f in formats]
    if images:
        (folder / "charts").mkdir()
    pdf = None
    if "pdf" in formats:
        meta = {
            "Title": title,
            "Author": None,
            "Creator": None,
            "Producer": None,
            "CreationDate": None,
        }
        pdf = PdfPages(folder / "report.pdf", metadata=meta)
    try:
        with _style_context():
            if pdf is not None:
                pdf.savefig(_title_page(title, as_of, tables))
            charts, svgs = _charts(tables, log), {}
            for chart in charts:
                fig = _chart_figure(chart, as_of)
                if "png" in images:
                    fig.savefig(
                        folder / "charts" / f"{chart.name}.png", dpi=DPI, metadata=_PNG_META
                    )
                if "svg" in images:
                    fig.savefig(folder / "charts" / f"{chart.name}.svg", metadata=_SVG_META)
                if pdf is not None:
                    pdf.savefig(fig)
                if "html" in formats:
                    svgs[chart.name] = svg_markup(fig, folder / "charts" / f"{chart.name}.svg")
            if pdf is not None:
                for owner, student in students.items():
                    pdf.savefig(_student_page(owner, student, as_of))
    finally:
        if pdf is not None:
            pdf.close()
    if "html" in formats:
        pieces = [HtmlChart(c.name, c.caption, svgs[c.name], c.table) for c in charts]
        write_html(folder / "report.html", tables, pieces, title=title, as_of=as_of)


def _style_context() -> Any:
    import matplotlib.pyplot as plt

    return plt.rc_context(cast("dict[RcKeyType, Any]", _style.RC))  # RC's keys are rcParams'


def _move_into_place(tmp: Path, out: Path) -> None:
    """Replace ``out`` by ``tmp`` (renames on the same file system)."""
    old = None
    if out.exists() or out.is_symlink():
        old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()


def build_report(
    log: pd.DataFrame,
    out_dir: str | os.PathLike[str],
    *,
    as_of: object = None,
    anonymize: bool = False,
    formats: Iterable[str] = ("png", "svg", "pdf", "html"),
    title: str | None = None,
    force: bool = False,
) -> Path:
    """Write the advisor report (charts, PDF, tables) into ``out_dir``.

    Parameters
    ----------
    log : DataFrame
        The canonical log (a cohort log from ``load_logs`` gets a cohort
        overview page and a page per student). Never modified.
    out_dir : path-like
        The report folder to create.
    as_of : date-like, optional
        Date the figures are computed for (default: today).
    anonymize : bool
        Replace names by pseudonyms and drop contact details first
        (:func:`~infoview_analytics.report.anonymize`), in every output file.
    formats : iterable of {"png", "svg", "pdf", "html", "xlsx", "csv"}
        What to write. PNG and SVG: one file per chart; PDF: one document;
        HTML: ``report.html``, one self-contained page; xlsx and CSV: the tables.
    title : str, optional
        The report title (title page and PDF metadata); default
        "Informational-interview report".
    force : bool
        Replace an existing ``out_dir``.

    Returns
    -------
    Path
        ``out_dir``.

    Raises
    ------
    ReportExistsError
        ``out_dir`` exists and ``force`` is false.
    InvalidArgumentError
        An unknown format, or ``log`` is not a DataFrame.

    Examples
    --------
    >>> import tempfile, infoview_analytics as iv
    >>> out = build_report(iv.example_log(), f"{tempfile.mkdtemp()}/report",
    ...                    as_of=iv.SAMPLE_AS_OF, formats=["pdf", "csv"])
    >>> sorted(p.name for p in out.iterdir())
    ['report.pdf', 'tables']
    """
    if not isinstance(log, pd.DataFrame):
        msg = (
            "Expected the log as a pandas DataFrame (from load_log), "
            f"but got {type(log).__name__}."
        )
        raise InvalidArgumentError(msg)
    stamp = as_of_timestamp(as_of)
    chosen = _check_formats(formats)
    out = Path(out_dir)
    if out.exists() and not force:
        msg = (
            f"The report folder {out} exists already. Choose another folder, or pass "
            "force=True (--force) to replace it."
        )
        raise ReportExistsError(msg)
    if anonymize:
        from .anonymizing import anonymize as _anonymize

        log = _anonymize(log)
    title = title or "Informational-interview report"
    tables = compute_tables(log, as_of=stamp)
    students = _student_tables(log, as_of=stamp)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        _write(log, tables, students, tmp, as_of=stamp, formats=chosen, title=title)
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
