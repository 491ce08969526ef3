"""The report's themes page: what the interviews said, per field, when the log has notes.

:func:`add_themes_page` is called once by :func:`~infoview_analytics.build_report`
while it writes the report: it draws :func:`~infoview_analytics.plot_themes`
(``charts/themes.png`` / ``.svg``, a PDF page) and writes ``tables/themes.csv``
when CSV tables are asked for.

Notes are free text and can hold anything, so the page is left out entirely
when the log has no notes, which is always the case for an anonymised report
(:func:`~infoview_analytics.anonymize` removes the notes, next steps and the
user's own columns before anything is computed): no theme, example sentence or
count derived from notes reaches an anonymised report. Without scikit-learn
(``pip install "infoview-analytics[notes]"``) the page is left out too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ..analysis.notes import has_text, note_columns
from ..errors import MissingDependencyError

__all__: list[str] = []

#: Themes drawn per field.
TOP = 5


def themes_caption(table: pd.DataFrame) -> tuple[str, str]:
    """What the chart shows, and what to do about it, in plain words.

    Examples
    --------
    >>> t = pd.DataFrame({"support": ["well_supported", "few_voices", "few_voices"]})
    >>> print(themes_caption(t)[0])  # doctest: +NORMALIZE_WHITESPACE
    Themes raised by 2 or more people: 1 heard from 3 or more organisations,
    2 rest on only one or two people.
    """
    support = table["support"].astype(str)
    well = int((support == "well_supported").sum())
    few = int((support == "few_voices").sum())
    first = (
        f"Themes raised by 2 or more people: {well} heard from 3 or more organisations, "
        f"{few} rest on only one or two people."
    )
    second = (
        "Ask your next interviews about the hatched themes before relying on them."
        if few
        else "Every theme shown rests on three or more voices."
    )
    return first, second


def add_themes_page(
    log: pd.DataFrame, folder: Path, *, images: Sequence[str], as_of: pd.Timestamp
) -> Any | None:
    """Draw the themes chart into ``folder``; return the page's figure for the PDF.

    None (and nothing written) when the log has no notes. Called inside the
    report's style context.
    """
    if not has_text(log, note_columns(log)):
        return None
    from ..analysis import themes

    try:
        table = themes(log, as_of=as_of)
    except MissingDependencyError:
        return None
    if table.empty:
        return None
    from matplotlib.figure import Figure

    from ..charts import plot_themes
    from .drawing import write_images
    from .pages import caption, fix_layout

    rows = len(table.groupby(table.columns[0]).head(TOP)) if len(table.columns) else 0
    height = min(max(5.5, 0.28 * rows + 2.5), 30.0)
    fig = Figure(figsize=(9.0, height), layout="constrained")
    ax, cap = fig.subplots(2, 1, height_ratios=[height - 0.7, 0.7])
    plot_themes(table, ax=ax, as_of=as_of, top=TOP)
    caption(cap, themes_caption(table), 9.0 - 0.3)
    fix_layout(fig)  # laid out once, not again for each format
    if images:
        (folder / "charts").mkdir(exist_ok=True)
        write_images(fig, folder / "charts", "themes", images)
    if (folder / "tables").is_dir():  # CSV tables were asked for
        from ..io.export import write_tables_csv

        write_tables_csv({"themes": table}, folder / "tables")
    return fig
