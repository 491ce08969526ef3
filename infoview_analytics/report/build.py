"""The advisor report: every chart as PNG and SVG, one PDF, the tables as xlsx and CSV.

:func:`build_report` computes each analysis table once, draws each chart once
(on a matplotlib ``Figure``, not pyplot's global state, so it runs headless and
leaks no figures) and saves that figure in every format asked for; the charts
are drawn side by side on two cores (:mod:`.drawing`). The pieces: which
charts and pages (:mod:`.pages`, the paged lists :mod:`.tables_pages`), the
PDF itself (:mod:`.pdf`: TrueType text, title and language). Layout of the
report folder::

    report.pdf              title page, the lists (follow-ups due, coverage),
                            one page per chart, "not shown" (charts that have
                            nothing to show and why), per-student pages
    report.html             the same as one web page (inline SVG charts, HTML tables)
    charts/<name>.png|svg   each chart (PNG at 200 dpi)
    tables.xlsx             one sheet per table, header frozen, values only
    tables/<name>.csv       the same tables

Writing is atomic: everything goes into a hidden temporary folder next to
``out_dir``, which is moved into place at the end; on any error the temporary
folder is removed and ``out_dir`` is left as it was. File metadata carries the
report title only (no author, no software, no dates), so an anonymised report
leaks no names.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..core.args import as_of_timestamp
from ..errors import InvalidArgumentError
from .computing import compute_tables, student_tables
from .next_steps import add_next_steps
from .sharing import MIN_GROUP_SIZE, Shared, share
from .themes_page import add_themes_page

if TYPE_CHECKING:
    from .drawing import ChartWorker

__all__ = ["build_report"]

FORMATS = ("png", "svg", "pdf", "html", "xlsx", "csv")


def _check_sharing(anonymize: bool, keep_organizations: bool, min_group_size: object) -> int:
    """The minimum group size; the sharing options make sense with ``anonymize`` only."""
    from ..core.args import check_positive_int

    if not anonymize and (keep_organizations or min_group_size is not None):
        msg = (
            "`keep_organizations` and `min_group_size` apply to an anonymized report, "
            "but anonymize=False was passed. Pass anonymize=True (--anonymize), or leave "
            "them out."
        )
        raise InvalidArgumentError(msg)
    if min_group_size is None:
        return MIN_GROUP_SIZE
    return check_positive_int("min_group_size", min_group_size, minimum=1)


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


def _write(
    log: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    students: dict[str, dict[str, pd.DataFrame]],
    folder: Path,
    *,
    as_of: pd.Timestamp,
    formats: tuple[str, ...],
    title: str,
    worker: ChartWorker | None = None,
    shared: Shared | None = None,
    next_steps: bool = True,
) -> None:
    """Write every output asked for: the seams where each kind of file is written."""
    _write_tables(tables, folder, formats=formats, title=title, as_of=as_of, shared=shared)
    _write_charts_and_pdf(
        log,
        tables,
        students,
        folder,
        as_of=as_of,
        formats=formats,
        title=title,
        worker=worker,
        shared=shared,
        next_steps=next_steps,
    )


def _start_chart_worker(folder: Path, formats: tuple[str, ...]) -> ChartWorker | None:
    """The second process that writes the chart files while this one writes the PDF."""
    from .drawing import start_worker

    images = tuple(f for f in ("png", "svg") if f in formats)
    if "pdf" not in formats or not images:
        return None  # one kind of drawing only: nothing to share
    (folder / "charts").mkdir()
    return start_worker(folder / "charts", images)


def _write_tables(
    tables: dict[str, pd.DataFrame],
    folder: Path,
    *,
    formats: tuple[str, ...],
    title: str,
    as_of: pd.Timestamp,
    shared: Shared | None = None,
) -> None:
    """The workbook and the CSV tables (a shared report: without the hidden ones, with
    the ``privacy`` table)."""
    from ..io.export import write_tables_csv
    from .spreadsheet import write_report_workbook

    sheets = {
        ("response_rates" if k == "overall" else k): v
        for k, v in tables.items()
        if shared is None or k not in shared.hidden
    }
    if shared is not None:
        sheets["privacy"] = shared.privacy_table()
    if "xlsx" in formats:
        # The workbook names its sheets from the tables' own keys ("overall": Response rate).
        book = {k: v for k, v in tables.items() if shared is None or k not in shared.hidden}
        if shared is not None:
            book["privacy"] = sheets["privacy"]
        headline = None if shared is None else (shared.headline or {})
        write_report_workbook(
            book, folder / "tables.xlsx", title=title, as_of=as_of, headline=headline
        )
    if "csv" in formats:
        (folder / "tables").mkdir()
        write_tables_csv(sheets, folder / "tables")


def _write_charts_and_pdf(
    log: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    students: dict[str, dict[str, pd.DataFrame]],
    folder: Path,
    *,
    as_of: pd.Timestamp,
    formats: tuple[str, ...],
    title: str,
    worker: ChartWorker | None = None,
    shared: Shared | None = None,
    next_steps: bool = True,
) -> None:
    """Each chart drawn once, saved as PNG and SVG, and the PDF (title, lists, charts...)."""
    from . import pages as _pages
    from .drawing import drawn_charts
    from .pdf import style_context, write_pdf

    images = tuple(f for f in ("png", "svg") if f in formats)
    if not images and "pdf" not in formats and "html" not in formats:
        if "csv" in formats:  # the next steps' and the themes' tables go with the others
            from ..io.export import write_tables_csv
            from .next_steps import next_steps_tables

            if next_steps:
                write_tables_csv(next_steps_tables(log, as_of=as_of), folder / "tables")
            with style_context():
                add_themes_page(log, folder, images=(), as_of=as_of)
        return
    if images and worker is None:
        (folder / "charts").mkdir(exist_ok=True)
    with style_context():
        specs = _pages.charts(tables, log)
    if shared is not None:  # the charts of hidden tables are not drawn at all
        specs = [c for c in specs if not shared.hides(c.table)]
    shown = [c for c in specs if not c.skipped]
    # With a worker, it writes the chart files; the figures drawn here are the PDF's.
    own = () if worker is not None else images
    if worker is not None:
        worker.send(shown, as_of)
    drawn: dict[str, Any] = {}  # each chart's laid-out figure, for the web page

    def kept(charts: Iterator[Any]) -> Iterator[Any]:
        for chart, fig in zip(shown, charts, strict=True):
            if "html" in formats:
                drawn[chart.name] = fig
            yield fig

    figures = kept(drawn_charts(shown, folder / "charts", images=own, as_of=as_of))

    def next_steps_page() -> Any:
        return add_next_steps(log, folder, as_of=as_of, formats=formats)

    if "pdf" not in formats:
        for _ in figures:  # the chart files are written as the figures are drawn
            pass
        with style_context():
            add_themes_page(log, folder, images=images, as_of=as_of)
            if next_steps:
                next_steps_page()
        if worker is not None:
            worker.finish()
        _write_html(folder, tables, shown, drawn, formats=formats, title=title, as_of=as_of,
                    shared=shared)  # fmt: skip
        return

    def pdf_pages() -> Iterator[Any]:
        if shared is None:
            yield _pages.title_page(title, as_of, tables)
        else:
            yield _pages.title_page(title, as_of, shared.headline, shared.notes)
        yield from _pages.list_pages(tables, title, hidden=shared.hidden if shared else set())
        yield from figures
        themes = add_themes_page(log, folder, images=images, as_of=as_of)
        if themes is not None:
            yield themes
        summary = _pages.summary_page([c for c in specs if c.skipped])
        if summary is not None:
            yield summary
        for owner, student in students.items():
            yield from _pages.student_pages(owner, student, as_of)
        if next_steps:
            yield next_steps_page()

    write_pdf(folder / "report.pdf", pdf_pages(), title=title)
    if worker is not None:
        worker.finish()
    _write_html(folder, tables, shown, drawn, formats=formats, title=title, as_of=as_of,
                shared=shared)  # fmt: skip


def _write_html(
    folder: Path,
    tables: dict[str, pd.DataFrame],
    shown: list[Any],
    drawn: dict[str, Any],
    *,
    formats: tuple[str, ...],
    title: str,
    as_of: pd.Timestamp,
    shared: Shared | None,
) -> None:
    """``report.html``: the charts as inline SVG (the SVG files when written: the worker
    has finished by now), the same captions, the lists (a hidden table's left out)."""
    if "html" not in formats:
        return
    from .html import HtmlChart, svg_markup, write_html
    from .pdf import style_context

    with style_context():
        pieces = [
            HtmlChart(
                c.name,
                c.caption,
                svg_markup(drawn[c.name], folder / "charts" / f"{c.name}.svg"),
                c.table,
                c.about,
            )
            for c in shown
        ]
    hidden = shared.hidden if shared is not None else set()
    write_html(folder / "report.html", tables, pieces, title=title, as_of=as_of, hidden=hidden)


def build_report(
    log: pd.DataFrame,
    out_dir: str | os.PathLike[str],
    *,
    as_of: object = None,
    anonymize: bool = False,
    formats: Iterable[str] = ("png", "svg", "pdf", "html"),
    title: str | None = None,
    force: bool = False,
    keep_organizations: bool = False,
    min_group_size: int | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
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
        Make a report to share: names, organisations and any other text of
        the user's become pseudonyms and contact details are left out first
        (:func:`~infoview_analytics.anonymize`), in every output file; a
        cohort report shows no figure about fewer than ``min_group_size``
        students; the title page and the ``privacy`` table say what was done
        (:mod:`infoview_analytics.report.sharing`).
    formats : iterable of {"png", "svg", "pdf", "html", "xlsx", "csv"}
        What to write. PNG and SVG: one file per chart; PDF: one document;
        HTML: one self-contained web page (``report.html``); xlsx and CSV: the
        summary tables.
    title : str, optional
        The report title (title page and PDF metadata); default
        "Informational-interview report".
    force : bool
        Replace an existing ``out_dir`` that is a report folder written by this
        function (it holds ``.infoview-report``) or empty; any other folder is never
        replaced.
    keep_organizations : bool
        With ``anonymize``: keep organisation names as written (the title page
        says so). By default they become pseudonyms.
    min_group_size : int, optional
        With ``anonymize``: the fewest students a figure of a cohort report may
        describe (default 5; 1 shows every figure, per student too).
    inputs : iterable of path-like
        The files the log was read from: ``out_dir`` may not be, hold or lie inside
        one of them.

    Returns
    -------
    Path
        ``out_dir``.

    Raises
    ------
    ReportExistsError
        ``out_dir`` exists (without ``force``), is not a report of ours, or another
        run is writing it.
    InvalidArgumentError
        An unknown format, ``log`` is not a DataFrame, ``keep_organizations`` or
        ``min_group_size`` without ``anonymize``, or an anonymised report's
        title that names someone of the log, or ``out_dir`` is the current
        folder, an input or a folder holding one.

    Examples
    --------
    >>> import tempfile, infoview_analytics as iv
    >>> out = build_report(iv.example_log(), f"{tempfile.mkdtemp()}/report",
    ...                    as_of=iv.SAMPLE_AS_OF, formats=["xlsx", "csv"])
    >>> sorted(p.name for p in out.iterdir())
    ['.infoview-report', 'tables', 'tables.xlsx']
    """
    if not isinstance(log, pd.DataFrame):
        msg = (
            "Expected the log as a pandas DataFrame (from load_log), "
            f"but got {type(log).__name__}."
        )
        raise InvalidArgumentError(msg)
    stamp = as_of_timestamp(as_of)
    chosen = _check_formats(formats)
    from ..io.export import check_report_folder, report_folder

    # Checked before any work, so a wrong folder costs nothing (and again when written).
    out = check_report_folder(out_dir, inputs=inputs, force=force)
    k = _check_sharing(anonymize, keep_organizations, min_group_size)
    if anonymize:
        from .anonymizing import anonymize as _anonymize
        from .anonymizing import check_title

        if title is not None:
            check_title(title, log, keep_organizations=keep_organizations)
        log = _anonymize(log, keep_organizations=keep_organizations)
    title = title or "Informational-interview report"
    worker = None
    with report_folder(out, inputs=inputs, force=force) as tmp:
        try:
            # Started before the tables: it imports matplotlib meanwhile, then is sent the
            # charts to draw (a shared report's: those its tables may show) (.drawing).
            worker = _start_chart_worker(tmp, chosen)
            tables = compute_tables(log, as_of=stamp)
            students = student_tables(log, as_of=stamp)
            shared = None
            if anonymize:
                shared = share(
                    tables,
                    students,
                    log,
                    as_of=stamp,
                    min_group_size=k,
                    keep_organizations=keep_organizations,
                )
                tables, students = shared.tables, shared.students
            _write(
                log,
                tables,
                students,
                tmp,
                as_of=stamp,
                formats=chosen,
                title=title,
                worker=worker,
                shared=shared,
                # Plan and next people are per student in a cohort: a shared cohort report
                # that hides per-student figures leaves the next-steps page out.
                next_steps=not anonymize or k <= 1 or log["owner"].nunique() <= 1,
            )
        except BaseException:
            if worker is not None:
                worker.stop()
            raise
    return out
