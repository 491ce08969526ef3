"""Spreadsheet safety: keep text cells from being run as formulas.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is treated as a formula (or the start of one) by Excel, LibreOffice
and Google Sheets when the file is opened, which lets a name or a note
scraped from elsewhere run code ("CSV injection"). Every writer of xlsx or
CSV files in the package passes its text through :func:`neutralize_formula`
or :func:`neutralize_frame`, which prefix such text with a single quote
(the OWASP advice), so it shows as the text the user typed.

The same writers replace the control characters an xlsx cannot hold (a NUL
in a name) by U+FFFD instead of failing; :func:`terminal_text` strips escape
sequences from text printed to a terminal.

Private: used by ``template.py`` and the report writers.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

__all__ = [
    "FORMULA_PREFIXES",
    "neutralize_formula",
    "neutralize_frame",
    "spreadsheet_text",
    "terminal_text",
]

#: First characters that make a spreadsheet treat a cell as a formula.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")

#: Control characters an xlsx file cannot hold (openpyxl refuses them: NUL, ESC...).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Terminal escape sequences (CSI such as ESC[31m, OSC such as a window title, and
#: other ESC sequences), then any other control character but tab and newline.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[ -/]*[0-~]?"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def spreadsheet_text(value: str) -> str:
    """Text as a spreadsheet cell holds it safely: formula-neutralised, and the control
    characters an xlsx cannot store (NUL, ESC...) shown as U+FFFD.

    Examples
    --------
    >>> spreadsheet_text("=1+1"), spreadsheet_text("Ana\\x00Ruiz")
    ("'=1+1", 'Ana\ufffdRuiz')
    """
    return str(neutralize_formula(_ILLEGAL_XML.sub("\ufffd", value)))


def terminal_text(value: object) -> str:
    """Text safe to print to a terminal: escape sequences and control characters removed
    (tabs and line breaks kept), so a cell cannot recolour, retitle or rewrite the screen.

    Examples
    --------
    >>> terminal_text("\\x1b[31mAna\\x1b[0m \\x1b]0;owned\\x07Ruiz")
    'Ana Ruiz'
    """
    return _ESCAPES.sub("", str(value))


def neutralize_formula(value: Any) -> Any:
    """Return ``value`` with a leading quote if it is text a spreadsheet would run.

    Anything that is not a string (numbers, dates, missing values) is
    returned unchanged.

    Parameters
    ----------
    value : object
        A cell value.

    Returns
    -------
    object
        ``"'" + value`` for text starting with ``= + - @``, a tab or a carriage
        return; ``value`` itself otherwise.

    Examples
    --------
    >>> neutralize_formula("=HYPERLINK('http://example.com')")
    "'=HYPERLINK('http://example.com')"
    >>> neutralize_formula("Ana Ruiz")
    'Ana Ruiz'
    >>> neutralize_formula(-3)
    -3
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _cell_text(value: Any) -> Any:
    if isinstance(value, str):
        return spreadsheet_text(value)
    return value


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def neutralize_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` with every risky text cell neutralised.

    Vectorised per column: only object and string columns are touched, and
    only their cells that are text starting with a formula character.
    ``frame`` is not modified.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table about to be written to xlsx or CSV.

    Returns
    -------
    pandas.DataFrame
        Same shape, index and dtypes as ``frame``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"contact": ["=1+1", "Ben Ode"], "n": [-1, 2]})
    >>> neutralize_frame(df)["contact"].tolist()
    ["'=1+1", 'Ben Ode']
    >>> neutralize_frame(df)["n"].tolist()
    [-1, 2]
    """
    out = frame.copy()
    for position, dtype in enumerate(out.dtypes):
        column = out.iloc[:, position]
        if isinstance(dtype, pd.CategoricalDtype):
            categories = column.cat.categories
            if categories.dtype == object or pd.api.types.is_string_dtype(categories.dtype):
                renamed = [_cell_text(c) for c in categories]  # a few values only
                if renamed != list(categories):
                    # pandas-stubs: isetitem takes a Series too (pandas aligns it on the index)
                    out.isetitem(position, column.cat.rename_categories(renamed))  # type: ignore[arg-type]
            continue
        if not (pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)):
            continue
        # Only str cells can be risky; other objects (numbers, dates) stay as they are.
        if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
            text = column
        else:
            text = column.where(column.map(_is_text, na_action="ignore").fillna(False))
        as_text = text.astype(object)
        risky = as_text.str.startswith(FORMULA_PREFIXES, na=False).to_numpy(bool) | (
            as_text.str.contains(_ILLEGAL_XML, na=False).to_numpy(bool)
        )
        if risky.any():
            fixed = column.astype(object)
            fixed = fixed.where(~risky, as_text.where(risky, "").map(spreadsheet_text))
            out.isetitem(position, fixed.astype(dtype))  # type: ignore[arg-type]  # as above
    return out
