"""The docstring blocks the analyses share, written once (filled in by ``core.docs.fill_doc``).

Examples
--------
>>> print(DOCS["holidays"])
holidays : list of date-like, optional
    Days that are not business days (default: none; for a prepared log, its own).
>>> columns_of("funnel")
'``[by], stage, count, conversion``'
"""

from __future__ import annotations

from .tables import TABLES

__all__ = ["DOCS", "columns_of", "tables_markdown"]

DOCS: dict[str, str] = {
    "log": """\
log : pandas.DataFrame or PreparedLog
    The interview log: from ``load_log``, a hand-made frame with some canonical
    columns, or :func:`~infoview_analytics.prepare`'s prepared log (whose
    shared steps are then reused). Not modified.""",
    "by": """\
by : str or list of str, optional
    Column(s) to group by, including the derived ``"warmth"``. None: one row.""",
    "as_of": """\
as_of : date-like, optional
    The day the log describes (default: today; for a prepared log, its own day).""",
    "holidays": """\
holidays : list of date-like, optional
    Days that are not business days (default: none; for a prepared log, its own).""",
    "confidence": """\
confidence : float, default 0.95
    Level of the confidence intervals.""",
}


def columns_of(name: str) -> str:
    """The declared columns of the table ``name`` returns, as the docs show them."""
    table = TABLES[name]
    columns = (["[by]"] if table.grouped else []) + list(table.columns)
    return "``" + ", ".join(columns) + "``"


def tables_markdown() -> str:
    """The output tables as a Markdown table (the section of docs/architecture.md).

    Examples
    --------
    >>> print(tables_markdown().splitlines()[0])
    | function | columns | note |
    """
    lines = ["| function | columns | note |", "|---|---|---|"]
    for table in TABLES.values():
        columns = (["[by]"] if table.grouped else []) + list(table.columns)
        shown = ", ".join(columns) if columns else "[by]"
        lines.append(f"| `{table.name}` | `{shown}` | {table.note} |")
    return "\n".join(lines)
