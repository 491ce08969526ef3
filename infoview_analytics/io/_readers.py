"""Reading a log file into a raw table of cells, and finding its header row.

Private to the loader: this is the only code that knows about file formats,
encodings, delimiters and where the header sits. It returns the cells as
written (strings from text files; strings, numbers and dates from workbooks)
and the header; the loader turns them into the canonical log.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import LogFormatError
from ._headers import FIRST, Override, match_header

__all__: list[str] = []

#: Headers the user mapped: folded header -> the column and where the mapping came from.
Overrides = Mapping[str, Override]

#: How many rows at the top of a sheet are searched for the header.
HEADER_SCAN_ROWS = 20
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES

_ZIP = b"PK\x03\x04"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


@dataclass
class RawTable:
    """Cells below the header (every row, blank ones too) and the header itself."""

    cells: pd.DataFrame  # columns 0..n-1, one row per spreadsheet row after the header
    headers: list[str]
    header_row: int  # 1-based, as the user sees it
    sheet: str | None


def _header_score(row: Sequence[object], overrides: Overrides) -> tuple[int, bool]:
    matched = [match_header(c, overrides).column for c in row]
    names = [m for m in matched if m is not None]
    has_contact = "contact" in names or FIRST in names
    return len(set(names)), has_contact


def find_header(rows: Sequence[Sequence[object]], overrides: Overrides) -> tuple[int, bool]:
    """Index of the row naming the most known columns (first on ties), and whether it
    has a name column; -1 when no row names any known column."""
    best, best_score, best_contact = -1, 0, False
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score, has_contact = _header_score(row, overrides)
        # A row with a name column beats a richer row without one (an instruction line).
        if (has_contact, score) > (best_contact, best_score):
            best, best_score, best_contact = i, score, has_contact
    return best, best_contact


def sniff_kind(path: Path) -> str:
    """'workbook' or 'text'; raises LogFormatError for anything else."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    suffix = path.suffix.lower()
    if not head:
        msg = f"{path} is empty (0 bytes). Save the log again from your spreadsheet program."
        raise LogFormatError(msg)
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            msg = (
                f"{path} is {what}, not a spreadsheet or CSV file. "
                "Export the log from your spreadsheet program as .xlsx or .csv and try again."
            )
            raise LogFormatError(msg)
    if head.startswith(_CFB):
        if suffix in {".xlsx", ".xlsm"}:
            msg = (
                f"{path} is a password-protected (encrypted) workbook, which cannot be read. "
                "Open it in Excel, remove the password (File > Info > Protect Workbook) "
                "or save an unprotected copy, and try again."
            )
            raise LogFormatError(msg)
        return "workbook"
    if head.startswith(_ZIP):
        if suffix in {".numbers", ".docx", ".pptx", ".zip"}:
            msg = (
                f"{path} is a {suffix} file, not a spreadsheet the loader reads. "
                "Export it as .xlsx or .csv and try again."
            )
            raise LogFormatError(msg)
        return "workbook"
    if suffix in WORKBOOK_SUFFIXES:
        msg = (
            f"{path} has the extension {suffix} but is not an Excel or OpenDocument workbook "
            "(its content looks like text or another format). Rename it to .csv if it is "
            "text, or save it again from your spreadsheet program."
        )
        raise LogFormatError(msg)
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        msg = (
            f"{path} is a binary file, not a spreadsheet or CSV file. "
            "Export the log from your spreadsheet program as .xlsx or .csv and try again."
        )
        raise LogFormatError(msg)
    return "text"


# ----------------------------------------------------------------- workbooks
def read_workbook(path: Path, sheet: str | int | None, overrides: Overrides) -> RawTable:
    """Read one sheet of an xlsx/xlsm/xls/ods with calamine, without a header."""
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        msg = (
            f"{path} is a password-protected workbook, which cannot be read. Save an "
            "unprotected copy and try again."
        )
        raise LogFormatError(msg) from exc
    except Exception as exc:  # calamine raises several unrelated types for broken files
        msg = (
            f"{path} could not be read as a workbook ({exc}). Open it in your spreadsheet "
            "program and save it again as .xlsx, or export it as .csv."
        )
        raise LogFormatError(msg) from exc
    metas = [m for m in book.sheets_metadata if "WorkSheet" in str(m.typ)]
    names = [m.name for m in metas]
    if sheet is not None:
        name = _pick_sheet(path, names, sheet)
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        index, _ = find_header(rows, overrides)
        return _table(path, rows, index, overrides, name)
    visible = [
        m.name for m in metas if "Visible" in str(m.visible) and "Hidden" not in str(m.visible)
    ]
    order = visible + [n for n in names if n not in visible]
    first_rows = None
    for name in order:
        loaded = book.get_sheet_by_name(name)  # parses the sheet: do it once
        top = loaded.to_python(skip_empty_area=False, nrows=HEADER_SCAN_ROWS)
        first_rows = top if first_rows is None else first_rows
        index, has_contact = find_header(top, overrides)
        if has_contact:
            rows = loaded.to_python(skip_empty_area=False)
            return _table(path, rows, index, overrides, name)
    if not names:
        msg = f"{path} has no worksheets. Save the log again from your spreadsheet program."
        raise LogFormatError(msg)
    index, _ = find_header(first_rows or [], overrides)
    return _table(path, first_rows or [], index, overrides, order[0], sheets=names)


def _pick_sheet(path: Path, names: list[str], sheet: str | int) -> str:
    if isinstance(sheet, int) and not isinstance(sheet, bool) and 0 <= sheet < len(names):
        return names[sheet]
    if isinstance(sheet, str) and sheet in names:
        return sheet
    msg = (
        f"{path} has no sheet {sheet!r}; its sheets are {names[:10]}. "
        "Pass one of these names (or a 0-based index) as `sheet`."
    )
    raise LogFormatError(msg)


# ----------------------------------------------------------------- text files
def detect_encoding(path: Path) -> str:
    """The encoding of a text file: BOMs first, then UTF-8 if the start decodes, else cp1252."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter (comma, semicolon or tab) splitting most lines into the same
    number of fields; title lines above the header barely count."""
    best, best_key = ",", (-1, -1)
    for delim in ("\t", ";", ","):
        counts = [len(r) for r in csv.reader(lines, delimiter=delim) if any(c.strip() for c in r)]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        key = (counts.count(mode), mode)
        if key > best_key:
            best, best_key = delim, key
    return best


def read_text(path: Path, overrides: Overrides) -> RawTable:
    """Read a CSV/TSV/TXT log: every cell as a Python str (or NaN when empty).

    ``dtype=object`` is the fastest way through pandas' C parser (no string-dtype
    validation); the loader then works on the distinct values of each column.
    """
    encoding = detect_encoding(path)
    try:
        return _read_text(path, encoding, overrides)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise
        # The start was valid UTF-8 but something later is not: an old Windows file.
        return _read_text(path, "cp1252", overrides)


def _read_text(path: Path, encoding: str, overrides: Overrides) -> RawTable:
    with path.open("r", encoding=encoding, newline="") as fh:
        sample = fh.read(65536)
    lines = sample.splitlines()[:60]
    delim = sniff_delimiter(lines)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delim))
    index, _ = find_header(rows, overrides)
    check_header(path, rows, index, overrides, None)
    headers = [str(c) for c in rows[index]]
    width = max([len(headers)] + [len(r) for r in rows[index:]])
    try:
        cells = pd.read_csv(
            path,
            sep=delim,
            encoding=encoding,
            header=None,
            names=list(range(width)),
            skiprows=index + 1,
            dtype=object,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.ParserError as exc:
        msg = (
            f"{path} could not be read as a {_DELIM_NAMES[delim]}-separated file ({exc}). "
            "Check that every row has the same number of columns as the header, or save "
            "the log as .xlsx."
        )
        raise LogFormatError(msg) from exc
    headers += [""] * (width - len(headers))
    return RawTable(cells, headers, index + 1, None)


_DELIM_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def _table(
    path: Path,
    rows: Sequence[Sequence[object]],
    index: int,
    overrides: Overrides,
    sheet: str | None,
    sheets: list[str] | None = None,
) -> RawTable:
    check_header(path, rows, index, overrides, sheet, sheets)
    headers = ["" if c is None else str(c) for c in rows[index]]
    width = max([len(headers)] + [len(r) for r in rows[index + 1 :]])
    body = [list(r) + [""] * (width - len(r)) for r in rows[index + 1 :]]
    grid = np.empty((len(body), width), dtype=object)
    grid[:] = body
    grid[grid == ""] = None  # calamine's empty cell
    cells = pd.DataFrame(grid, columns=range(width), dtype=object)
    headers += [""] * (width - len(headers))
    return RawTable(cells, headers, index + 1, sheet)


def check_header(
    path: Path,
    rows: Sequence[Sequence[object]],
    index: int,
    overrides: Overrides,
    sheet: str | None,
    sheets: list[str] | None = None,
) -> None:
    """Raise LogFormatError when the file is empty or has no header with a name column."""
    where = f" (sheet {sheet!r})" if sheet is not None else ""
    filled = [r for r in rows if any(str(c).strip() for c in r)]
    if not filled:
        msg = f"{path}{where} is empty: no rows at all. Fill in the log and try again."
        raise LogFormatError(msg)
    if index < 0 or not _header_score(rows[index], overrides)[1]:
        top = rows[index] if index >= 0 else filled[0]
        seen = [str(c).strip() for c in top if str(c).strip()][:10]
        others = f" Sheets searched: {sheets[:10]}." if sheets and len(sheets) > 1 else ""
        example = seen[0] if seen else "Their Name Header"
        msg = (
            f"{path}{where} has no header with a name column in its first "
            f"{HEADER_SCAN_ROWS} rows. Headers seen: {seen}.{others} Name the person's column "
            f"'Contact' (or 'Name'), or map it: read_log(path, columns={{{example!r}: "
            "'contact'}})."
        )
        raise LogFormatError(msg)
