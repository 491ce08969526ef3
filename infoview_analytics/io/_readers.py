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
import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import numpy as np
import pandas as pd

from ..errors import LogFormatError
from . import _limits
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
    #: The workbook counts its serial dates from 1904 (old Mac Excel): plain numbers
    #: in date columns are 1462 days later than in the 1900 system.
    date1904: bool = False
    #: Problems the reader saw: (spreadsheet row, 0-based column or -1, value, problem, hint).
    problems: list[tuple[int, int, str, str, str]] = field(default_factory=list)


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
    scan = _limits.scan_workbook(path)  # limits, formulas without values, 1904 dates
    try:
        return _read_book(path, sheet, overrides, scan)
    except LogFormatError:
        raise
    except Exception as exc:  # calamine's XML, deflate, shared-string and value errors
        msg = (
            f"{path} could not be read as a workbook ({_one_line(exc)}). Open it in your "
            "spreadsheet program and save it again as .xlsx, or export it as .csv."
        )
        raise LogFormatError(msg) from exc


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def _read_book(
    path: Path, sheet: str | int | None, overrides: Overrides, scan: _limits.WorkbookScan
) -> RawTable:
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
        return _noted(_table(path, rows, index, overrides, name), scan)
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
            return _noted(_table(path, rows, index, overrides, name), scan)
    if not names:
        msg = f"{path} has no worksheets. Save the log again from your spreadsheet program."
        raise LogFormatError(msg)
    index, _ = find_header(first_rows or [], overrides)
    return _table(path, first_rows or [], index, overrides, order[0], sheets=names)


def _noted(raw: RawTable, scan: _limits.WorkbookScan) -> RawTable:
    """The workbook's date system and its formulas saved without a value, on the table."""
    raw.date1904 = scan.date1904
    found = scan.sheets.get(raw.sheet or "")
    if found is None:
        return raw
    hint = "open and save the file in Excel or LibreOffice (which calculates it), then try again"
    for row, col in found.formulas:
        if row > raw.header_row:
            cell = f"{_limits.column_letter(col)}{row}"
            raw.problems.append(
                (row, col - 1, "", f"formula not calculated (cell {cell} has no value)", hint)
            )
    more = found.formulas_total - len(found.formulas)
    if more > 0:
        raw.problems.append((raw.header_row, -1, "", f"{more} more formulas not calculated", hint))
    return raw


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
    """The encoding of a text file, decided on the whole file (see :func:`decode_text`)."""
    return decode_text(path, path.read_bytes())[1]


#: Lone surrogates that ``surrogateescape`` makes of bytes no codec decodes.
_ESCAPED = re.compile("[\udc80-\udcff]")
#: A valid multi-byte UTF-8 sequence (a real accent, not a stray byte).
_UTF8_MULTI = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode_text(path: Path, data: bytes) -> tuple[str, str, list[int]]:
    """The file's text, its encoding, and the offsets of the characters that stand for
    bytes that could not be decoded (shown as U+FFFD; the caller reports their rows).

    The whole file decides, never its start only: UTF-8 (with or without a BOM) when
    it decodes, or when its valid accents outnumber a few stray bytes (an edit in
    another program); Windows-1252 for an old Windows file; UTF-16 by its BOM.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise _undecodable(path, data, exc.start, "UTF-16") from exc
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return data.decode(encoding), encoding, []
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, errors="surrogateescape")
    stray = [m.start() for m in _ESCAPED.finditer(text)]
    if encoding == "utf-8" and len(_UTF8_MULTI.findall(data)) < len(stray):
        try:
            return data.decode("cp1252"), "cp1252", []
        except UnicodeDecodeError as exc:
            raise _undecodable(path, data, exc.start, "UTF-8 nor Windows-1252") from exc
    return _ESCAPED.sub("\ufffd", text), encoding, stray


def _undecodable(path: Path, data: bytes, at: int, what: str) -> LogFormatError:
    line = data.count(b"\n", 0, at) + 1
    msg = (
        f"{path} has a byte (0x{data[at]:02X}) on line {line} that is not {what} text, so "
        "the file cannot be read faithfully. Save it again as UTF-8 (Excel: CSV UTF-8) and "
        "try again."
    )
    return LogFormatError(msg)


def ranked_delimiters(lines: list[str]) -> list[str]:
    """Comma, semicolon and tab, best first: the one splitting most lines into the
    same number of fields (tab, then semicolon, then comma on ties); title lines
    above the header barely count."""
    keys: dict[str, tuple[int, int]] = {}
    for delim in ("\t", ";", ","):
        counts = [len(r) for r in csv.reader(lines, delimiter=delim) if any(c.strip() for c in r)]
        counts = [c for c in counts if c > 1]
        if not counts:
            keys[delim] = (-1, -1)
            continue
        mode = max(set(counts), key=lambda c: (counts.count(c), c))
        keys[delim] = (counts.count(mode), mode)
    if max(keys.values()) == (-1, -1):  # no line splits: comma, as before
        return [",", "\t", ";"]
    # sorted() is stable: on equal keys the order above (tab, semicolon, comma) stays.
    return sorted(keys, key=lambda d: keys[d], reverse=True)


#: A line end as the csv module and pandas count them (a lone \r too).
_LINE_END = re.compile("\r\n|\r|\n")


def _lines(text: str, ends: list[int], start: int = 0) -> Iterator[str]:
    """The text's lines from ``start`` as the csv module and pandas count them (\\n, \\r,
    \\r\\n), noting where each ends; lazy, without a copy of the text."""
    pos = start
    for end in _LINE_END.finditer(text, start):
        ends.append(end.end())
        yield text[pos : end.end()]
        pos = end.end()
    if pos < len(text):
        ends.append(len(text))
        yield text[pos:]


def _records(text: str, delim: str, limit: int) -> tuple[list[list[str]], list[int]]:
    """The first ``limit`` records and the offset where each one ends."""
    ends: list[int] = []
    lines = _lines(text, ends)
    reader = csv.reader(lines, delimiter=delim)
    rows, stops = [], []
    for row in reader:
        rows.append(row)
        stops.append(ends[-1] if ends else 0)
        if len(rows) >= limit:
            break
    return rows, stops


def read_text(path: Path, overrides: Overrides) -> RawTable:
    """Read a CSV/TSV/TXT log: every cell as a ``str`` (or NaN when empty).

    The whole file is decoded first (one encoding for all of it); the header is
    searched on records counted exactly as the parser counts them, and the parser
    starts right after the header, so no row is lost or shifted.
    """
    _limits.check_file_size(path, text=True)
    text, encoding, stray = decode_text(path, path.read_bytes())
    _limits.allow_long_cells()  # the csv module's 128 KB is too low
    try:
        return _read_text(path, text, encoding, stray, overrides)
    except csv.Error as exc:
        msg = (
            f"{path} could not be read as CSV ({_one_line(exc)}). A cell longer than "
            f"{_limits.MAX_CELL_CHARS:,} characters is over the limit; check the file's quotes."
        )
        raise LogFormatError(msg) from exc


def _read_text(
    path: Path, text: str, encoding: str, stray: list[int], overrides: Overrides
) -> RawTable:
    ends: list[int] = []
    lines = [line for line, _ in zip(_lines(text, ends), range(60), strict=False)]
    # The best-splitting delimiter, unless only another one finds a header naming the
    # person (a title line "0<TAB>" above "Name,Memo" splits as evenly by tabs).
    best = None
    for candidate in ranked_delimiters(lines):
        records, ends_at = _records(text, candidate, HEADER_SCAN_ROWS + 40)
        found, has_contact = find_header(records, overrides)
        if best is None or has_contact:
            best = candidate, records, ends_at, found
        if has_contact:
            break
    assert best is not None  # ranked_delimiters always gives three
    delim, rows, stops, index = best
    check_header(path, rows, index, overrides, None)
    headers = [str(c) for c in rows[index]]
    width = max([len(headers)] + [len(r) for r in rows[index:]])
    start = stops[index]
    feeds, returns = text.count("\n", start), text.count("\r", start)
    lines_below = feeds + returns + 1
    _check_cells(path, lines_below, width)  # before parsing: the parser's memory is the cost
    body = _body_source(path, text, start, encoding, stray)
    sample = text[start : stops[-1]]  # the head records below the header
    try:
        cells = _parse(body, delim, width, sample=sample)
    except pd.errors.ParserError as exc:
        wide = re.search(r"Expected \d+ fields in line \d+, saw (\d+)", str(exc))
        if wide is None:
            raise _parse_error(path, exc, delim, index + 1) from exc
        width = max(len(r) for r in csv.reader(_lines(text, [], start), delimiter=delim))
        width = max(width, len(headers))
        _check_cells(path, lines_below, width)
        cells = _parse(body, delim, width, sample=sample)
    headers += [""] * (width - len(headers))
    raw = RawTable(cells, headers, index + 1, None)
    # Lines below the header (\r\n once) = records parsed: no cell holds a line break.
    physical = feeds + returns - (text.count("\r\n", start) if returns else 0)
    physical += int(len(text) > start and text[-1] not in "\r\n")
    if physical != len(cells):
        _check_quotes(raw, delim)
    if stray:
        _report_stray(raw, text, stray, start, delim)
    return raw


def _check_cells(path: Path, rows: int, width: int) -> None:
    if rows * width > _limits.MAX_TEXT_CELLS or width > _limits.MAX_COLUMN:
        msg = (
            f"{path} has about {rows:,} rows by {width:,} columns, over the limit of "
            f"{_limits.MAX_TEXT_CELLS:,} cells ({_limits.MAX_COLUMN:,} columns) that no interview "
            "log comes near; it is not read. Split it into several files (docs/limits.md)."
        )
        raise LogFormatError(msg)


def _body_source(
    path: Path, text: str, start: int, encoding: str, stray: list[int]
) -> Callable[[], IO[bytes] | IO[str]]:
    """Opens the text below the header afresh: a UTF-8 file's own bytes from the header's
    byte offset (a buffer of the decoded text took 1.1 GB more peak and twice the time on
    a 235 MB log); other encodings and stray bytes from the decoded text."""
    if stray or encoding not in ("utf-8", "utf-8-sig"):
        below = text[start:]
        return lambda: io.StringIO(below)
    offset = len(text[:start].encode("utf-8")) + (
        len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    )

    def open_bytes() -> IO[bytes]:
        fh = path.open("rb")
        fh.seek(offset)
        return fh

    return open_bytes


def _parse(
    body: Callable[[], IO[bytes] | IO[str]], delim: str, width: int, *, sample: str = ""
) -> pd.DataFrame:
    """Every cell as written, in pandas' ``str`` dtype (NaN when empty).

    pandas' own inference reads text columns straight into ``str``: 1.1 s CPU on a
    1M-row, 28-column log against 4.6 s (``dtype=object``), 7.2 s (``dtype="str"``).
    Columns it reads as numbers or booleans lose how they were written (``007``): those
    the ``sample`` (head records) shows are read as ``str`` at once, any other is read
    again alone (a second pass: 0.30 s against 0.17 s predicted, 100k cohort rows).
    """
    options: dict[str, Any] = {
        "sep": delim,
        "header": None,
        "names": list(range(width)),
        "keep_default_na": False,
        "na_values": [""],
        "skip_blank_lines": False,
        "engine": "c",
        "encoding": "utf-8",  # the bytes read are past any BOM; a text buffer has none
    }
    with warnings.catch_warnings():
        # A column typed differently in two of the parser's chunks is re-read below.
        warnings.simplefilter("ignore", pd.errors.DtypeWarning)
        predicted = dict.fromkeys(_typed_columns(sample, options), "str")
        with body() as fh:
            cells = cast(pd.DataFrame, pd.read_csv(fh, **options, dtype=predicted))
    typed = [c for c in cells.columns if not isinstance(cells[c].dtype, pd.StringDtype)]
    written = [c for c in typed if cells[c].notna().any()]
    if written:
        with body() as fh:
            again = cast(pd.DataFrame, pd.read_csv(fh, **options, usecols=written, dtype="str"))
        for c in written:
            cells[c] = again[c]
    for c in typed:
        if c not in written:  # nothing written in it: all missing
            cells[c] = cells[c].astype("str")
    return cells


def _typed_columns(sample: str, options: dict[str, Any]) -> list[int]:
    """The columns pandas reads as other than text in ``sample`` (with something in them)."""
    if not sample:
        return []
    try:
        head = cast(pd.DataFrame, pd.read_csv(io.StringIO(sample), **options))
    except (pd.errors.ParserError, ValueError):  # a ragged head: the full read tells
        return []
    other = [c for c in head.columns if not isinstance(head[c].dtype, pd.StringDtype)]
    return [cast(int, c) for c in other if head[c].notna().any()]


def _parse_error(path: Path, exc: Exception, delim: str, header_row: int) -> LogFormatError:
    eof = re.search(r"EOF inside string starting at row (\d+)", str(exc))
    if eof is not None:
        row = header_row + 1 + int(eof.group(1))
        msg = (
            f'{path} row {row} opens a quote (") that is never closed, so every line after '
            "it would be read as one cell. Close the quote or remove it, and try again."
        )
        return LogFormatError(msg)
    msg = (
        f"{path} could not be read as a {_DELIM_NAMES[delim]}-separated file "
        f"({_one_line(exc)}). Check the file's quotes, or save the log as .xlsx."
    )
    return LogFormatError(msg)


def _check_quotes(raw: RawTable, delim: str) -> None:
    """Cells holding lines that look like rows of the file: a quote opened and closed
    rows later swallowed them into one cell. Reported, with the lines (rows kept)."""
    needed = max(1, sum(1 for h in raw.headers if h.strip()) - 1)
    for col in raw.cells.columns:
        values = raw.cells[col]
        multi = values.str.contains("\n", regex=False).fillna(False).to_numpy(dtype=bool)
        if not multi.any():
            continue
        text = values[multi]
        for at, value in text.items():
            inner = [line for line in str(value).splitlines()[1:] if line.count(delim) >= needed]
            if not inner:
                continue
            shown = ", ".join(repr(line[:30]) for line in inner[:3])
            raw.problems.append(
                (
                    raw.header_row + 1 + cast(int, at),
                    cast(int, col),
                    "",
                    f"this cell holds {len(inner)} line(s) that look like rows of the file "
                    f'({shown}): a quote (") opened here and closed rows later joined them '
                    "into one cell",
                    "check the quotes in this row; close the quote where the cell ends",
                )
            )


def _report_stray(raw: RawTable, text: str, stray: list[int], start: int, delim: str) -> None:
    """The rows holding bytes that could not be decoded (shown as U+FFFD)."""
    ends: list[int] = []
    reader = csv.reader(_lines(text, ends, start), delimiter=delim)
    pending = [p for p in stray if p >= start]
    for record, _ in enumerate(reader, start=1):
        while pending and pending[0] < ends[-1]:
            pending.pop(0)
            raw.problems.append(
                (
                    raw.header_row + record,
                    -1,
                    "",
                    "a byte that is not UTF-8 text (shown as \ufffd); the rest of the file "
                    "is UTF-8",
                    "retype the character in your spreadsheet program and save as UTF-8",
                )
            )
        if not pending:
            break


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
