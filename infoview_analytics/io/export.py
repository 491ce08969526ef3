"""Writing summary tables as an xlsx workbook and as CSV files, formula-safe.

Every text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is neutralised (:mod:`infoview_analytics.io._safety`) so that a
spreadsheet program shows it as text instead of running it. Values are written
as values, never formulas; each sheet has its header frozen and its column
widths set. The report writes into a temporary folder and moves it into place,
so these writers write straight to the path they are given.
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from ..errors import ReportExistsError
from ._safety import neutralize_formula, neutralize_frame

__all__ = ["write_bytes_atomically", "write_tables_csv", "write_tables_xlsx"]

_MAX_WIDTH = 60


def _cell(value: Any) -> Any:
    """A plain Python value openpyxl writes as a value (never a formula)."""
    if isinstance(value, list | tuple | set | np.ndarray):
        value = ", ".join(str(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool | int | float | _dt.date | _dt.datetime):
        return value
    return neutralize_formula(str(value))


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """Lists (e.g. top connectors) as comma-separated text; then formula-neutralised."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(
                lambda v: ", ".join(map(str, v)) if isinstance(v, list | tuple | set) else v
            )
    return neutralize_frame(out)


def write_tables_xlsx(
    tables: Mapping[str, pd.DataFrame], path: str | os.PathLike[str], *, title: str = ""
) -> Path:
    """Write each table to its own sheet of an xlsx workbook at ``path``.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        Sheet name (at most 31 characters) -> table. Tables are not modified.
    path : path-like
        The workbook to write (overwritten).
    title : str
        The workbook's Title property; no author is recorded.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pandas as pd, openpyxl
    >>> folder = tempfile.mkdtemp()
    >>> p = write_tables_xlsx({"t": pd.DataFrame({"a": ["=1+1"], "n": [2]})},
    ...                       f"{folder}/t.xlsx")
    >>> ws = openpyxl.load_workbook(p)["t"]
    >>> ws["A2"].value, ws["B2"].value, ws.freeze_panes
    ("'=1+1", 2, 'A2')
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    wb.remove(cast(Worksheet, wb.active))  # a new workbook has one sheet, a plain Worksheet
    wb.properties.creator = None
    wb.properties.lastModifiedBy = None
    wb.properties.title = title or None
    bold = Font(bold=True)
    for name, table in tables.items():
        ws = wb.create_sheet(name[:31])
        ws.append([_cell(c) for c in table.columns])
        for cell in ws[1]:
            cell.font = bold
        widths = [len(str(c)) for c in table.columns]
        for row in table.itertuples(index=False, name=None):
            values = [_cell(v) for v in row]
            ws.append(values)
            widths = [
                max(w, len(str(v)) if v is not None else 0)
                for w, v in zip(widths, values, strict=True)
            ]
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(width + 2, _MAX_WIDTH)
        ws.freeze_panes = "A2"
    path = Path(path)
    wb.save(path)
    return path


def write_tables_csv(
    tables: Mapping[str, pd.DataFrame], folder: str | os.PathLike[str]
) -> list[Path]:
    """Write each table as ``folder/<name>.csv`` (UTF-8, formula-neutralised).

    Parameters
    ----------
    tables : mapping of str to DataFrame
        File stem -> table. Tables are not modified.
    folder : path-like
        An existing folder.

    Returns
    -------
    list of Path

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> folder = tempfile.mkdtemp()
    >>> [p] = write_tables_csv({"t": pd.DataFrame({"a": ["@x"]})}, folder)
    >>> p.read_text(encoding="utf-8").splitlines()
    ['a', "'@x"]
    """
    paths = []
    for name, table in tables.items():
        path = Path(folder) / f"{name}.csv"
        _flat(table).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def write_bytes_atomically(
    data: bytes, path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write ``data`` to ``path`` through a temporary file next to it, moved into place.

    A reader never sees half a file, and on any error ``path`` is left as it was.

    Raises
    ------
    ReportExistsError
        When ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile
    >>> p = write_bytes_atomically(b"hi", f"{tempfile.mkdtemp()}/a.txt")
    >>> p.read_bytes()
    b'hi'
    """
    target = Path(path)
    if not overwrite and (target.exists() or target.is_symlink()):
        msg = (
            f"{target} exists already. Choose another file name, or pass overwrite=True "
            "(--force on the command line) to replace it."
        )
        raise ReportExistsError(msg)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
