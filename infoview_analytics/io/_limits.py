"""Limits no real log comes near, checked before a file is handed to a reader.

Private to the io room. A log is tens to thousands of rows; a whole university's
is about a million. These limits are far above that and far below what would
exhaust memory (peak under 2 GB for any input), and each is checked *before*
the file is read, so a hostile file costs a stat call or one streaming pass over
its XML, never gigabytes (docs/limits.md lists them):

- regular files only (a FIFO or a device would block or never end);
- :data:`MAX_TEXT_BYTES` for a CSV/TSV/TXT file, :data:`MAX_WORKBOOK_BYTES` for a
  workbook on disk;
- for xlsx/xlsm/ods (zip archives): :data:`MAX_MEMBER_BYTES` per member once
  decompressed (counted while inflating, so a lying header does not help),
  :data:`MAX_UNZIPPED_BYTES` in all;
- for xlsx/xlsm, in one streaming pass over each sheet's XML (expat, no DOCTYPE or
  entities allowed): every cell reference a real cell (columns to XFD, rows to
  1048576), the declared ``<dimension>`` and the cells' extent at most
  :data:`MAX_CELLS` cells, and each cell's text (shared strings too) at most
  :data:`MAX_CELL_CHARS` characters.

The same pass finds what calamine cannot tell: formula cells saved without a value
(a file written by a script and never opened in a spreadsheet program), and the
workbook's 1904 date system.
"""

from __future__ import annotations

import csv
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.parsers import expat

from ..errors import LogFormatError

__all__: list[str] = []

#: A text log's size on disk (and a CSV file of a LinkedIn export, unpacked).
MAX_TEXT_BYTES = 300 * 1024**2
#: A workbook's size on disk.
MAX_WORKBOOK_BYTES = 100 * 1024**2
#: One member of a workbook's zip archive, decompressed (a sheet's XML, the shared strings).
MAX_MEMBER_BYTES = 512 * 1024**2
#: All members of a workbook's zip archive, decompressed.
MAX_UNZIPPED_BYTES = 1024**3
#: Cells a sheet or a text file may span (rows x columns of its extent or declared
#: dimension). Measured: 3 million cells take 0.8 GB at the peak, so 5 million stay
#: well under 2 GB; a larger cohort is loaded as several files (``load_logs``).
MAX_CELLS = 5_000_000
#: Cells a text file (CSV/TSV/TXT) may span: a whole university's cohort (1,000,000 rows by
#: 30 columns). Text is read by pandas' C parser, far leaner than a workbook's XML: the
#: benchmarks' 1M-row cohorts (27-28 million cells) peak at 0.9-1.2 GB in load_log.
MAX_TEXT_CELLS = 30_000_000
#: Characters in one cell (Excel itself stops at 32,767).
MAX_CELL_CHARS = 1_000_000
#: Excel's own grid: columns A..XFD, rows 1..1048576.
MAX_COLUMN, MAX_ROW = 16384, 1048576
#: Formula cells without a value listed per sheet (the rest are counted).
MAX_FORMULAS_LISTED = 200

_REF = re.compile(r"^\$?([A-Za-z]{1,7})\$?([0-9]{1,9})$")
_CHUNK = 1 << 20


@dataclass
class SheetScan:
    """What the streaming pass saw in one sheet."""

    max_row: int = 0
    max_col: int = 0
    cells: int = 0
    formulas: list[tuple[int, int]] = field(default_factory=list)  # 1-based (row, column)
    formulas_total: int = 0


@dataclass
class WorkbookScan:
    """What the pass saw in the workbook: its date system and its sheets by name."""

    date1904: bool = False
    sheets: dict[str, SheetScan] = field(default_factory=dict)


def _too_big(path: Path, what: str, limit: str, found: str) -> LogFormatError:
    msg = (
        f"{path} {what} ({found}), over the limit of {limit} that no interview log comes "
        "near; it is not read. Check that this is the right file (docs/limits.md lists "
        "the limits)."
    )
    return LogFormatError(msg)


def _size(n: int) -> str:
    return f"{n / 1024**2:,.0f} MB" if n >= 1024**2 else f"{n:,} bytes"


def check_regular(path: Path) -> os.stat_result:
    """Raise LogFormatError unless ``path`` is a regular file (never opens it)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a socket"
            if stat.S_ISSOCK(info.st_mode)
            else "not a regular file"
        )
        msg = (
            f"{path} is {kind}, not a file; only regular files are read. Save the log as a "
            "file and pass that."
        )
        raise LogFormatError(msg)
    return info


def check_file_size(path: Path, *, text: bool) -> int:
    """The file's size; LogFormatError when it passes its kind's limit."""
    size = check_regular(path).st_size
    limit = MAX_TEXT_BYTES if text else MAX_WORKBOOK_BYTES
    if size > limit:
        raise _too_big(path, "is too large", _size(limit), _size(size))
    return size


class _Capped:
    """A file-like reader of a zip member that stops at ``limit`` decompressed bytes."""

    def __init__(self, fh: IO[bytes], path: Path, name: str, limit: int) -> None:
        self._fh, self._path, self._name, self._limit = fh, path, name, limit
        self.read_bytes = 0

    def read(self, n: int = _CHUNK) -> bytes:
        data = self._fh.read(n)
        self.read_bytes += len(data)
        if self.read_bytes > self._limit:
            raise _too_big(
                self._path,
                f"holds {self._name}, which inflates to more than {_size(self._limit)}",
                _size(self._limit),
                "still growing",
            )
        return data


def check_zip_members(path: Path, archive: zipfile.ZipFile) -> None:
    """Declared member sizes within the limits (each and in all)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise _too_big(
                path,
                f"holds {info.filename}, which inflates to {_size(info.file_size)}",
                _size(MAX_MEMBER_BYTES),
                _size(info.file_size),
            )
    if total > MAX_UNZIPPED_BYTES:
        raise _too_big(
            path, "inflates to too much in all", _size(MAX_UNZIPPED_BYTES), _size(total)
        )


def read_member(
    path: Path, archive: zipfile.ZipFile, member: str, *, limit: int | None = None
) -> bytes:
    """A member's bytes, inflating at most ``limit`` bytes (default :data:`MAX_TEXT_BYTES`;
    checked on the declared size first, then while inflating: headers may lie)."""
    limit = MAX_TEXT_BYTES if limit is None else limit
    declared = archive.getinfo(member).file_size
    if declared > limit:
        raise _too_big(
            path, f"holds {member}, which inflates to {_size(declared)}", _size(limit),
            _size(declared),
        )  # fmt: skip
    parts = []
    try:
        with archive.open(member) as fh:
            capped = _Capped(fh, path, member, limit)
            while chunk := capped.read(_CHUNK):
                parts.append(chunk)
    except (
        zipfile.BadZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        zlib.error,
    ) as exc:
        if isinstance(exc, LogFormatError):
            raise
        msg = (
            f"{path} is a damaged zip: {member} cannot be unpacked ({exc}). Download the "
            "archive again."
        )
        raise LogFormatError(msg) from exc
    return b"".join(parts)


def allow_long_cells() -> None:
    """Let the csv module read cells up to :data:`MAX_CELL_CHARS` (its default is 128 KB).

    The limit is the interpreter's; it is only ever raised, never lowered.
    """
    if csv.field_size_limit() < MAX_CELL_CHARS:
        csv.field_size_limit(MAX_CELL_CHARS)


def cell_position(ref: str) -> tuple[int, int] | None:
    """(row, column), 1-based, of a reference such as ``B7``; None when it is no cell of a
    spreadsheet (``ZZZZZ200``, ``XFE1``, ``A0``)."""
    found = _REF.match(ref)
    if found is None:
        return None
    col = 0
    for letter in found.group(1).upper():
        col = col * 26 + ord(letter) - 64
    row = int(found.group(2))
    if not (1 <= col <= MAX_COLUMN and 1 <= row <= MAX_ROW):
        return None
    return row, col


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def _parser(path: Path, member: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_args: object) -> None:
        msg = (
            f"{path} holds {member} with a DOCTYPE or entity declaration, which no "
            "spreadsheet program writes; it is not read. Save the log again from your "
            "spreadsheet program."
        )
        raise LogFormatError(msg)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


def _feed(path: Path, archive: zipfile.ZipFile, member: str, parser: expat.XMLParserType) -> None:
    try:
        with archive.open(member) as fh:
            capped = _Capped(fh, path, member, MAX_MEMBER_BYTES)
            while chunk := capped.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        msg = (
            f"{path} is a damaged workbook: {member} is not valid XML ({exc}). Open it in "
            "your spreadsheet program and save it again, or export the log as .csv."
        )
        raise LogFormatError(msg) from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as exc:
        if isinstance(exc, LogFormatError):
            raise
        msg = (
            f"{path} is a damaged workbook: {member} cannot be unpacked ({exc}). Open it in "
            "your spreadsheet program and save it again, or export the log as .csv."
        )
        raise LogFormatError(msg) from exc


def _scan_sheet(
    path: Path, archive: zipfile.ZipFile, member: str, shared: int | None = None
) -> SheetScan:
    """``shared``: how many shared strings the workbook has (None: no table)."""
    scan = SheetScan()
    state = {"row": 0, "col": 0, "in_c": False, "formula": False, "value": 0, "text": 0}
    where = [""]
    # A boolean or shared-string cell's value, checked here so that a damaged one is the
    # same clear error whatever the xlsx reader's version does with it.
    kind, value = [""], [""]

    def damaged(what: str) -> LogFormatError:
        msg = (
            f"{path} has a damaged cell {_ref(state['row'], state['col'])} in {member}: "
            f"{what}. Open it in your spreadsheet program and save it again as .xlsx, or "
            "export it as .csv."
        )
        return LogFormatError(msg)

    def bad_ref(ref: str) -> LogFormatError:
        msg = (
            f"{path} has a cell reference {ref[:20]!r} in {member}, which is no cell of a "
            f"spreadsheet (columns end at XFD, rows at {MAX_ROW:,}); it is not read. Open "
            "it in your spreadsheet program and save it again."
        )
        return LogFormatError(msg)

    def area(rows: int, cols: int, what: str) -> None:
        if rows * cols > MAX_CELLS:
            raise _too_big(
                path,
                f"{what} {rows:,} rows by {cols:,} columns in {member}",
                f"{MAX_CELLS:,} cells",
                f"{rows * cols:,} cells",
            )

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "c":
            ref = attrs.get("r")
            if ref is None:
                row, col = max(state["row"], 1), state["col"] + 1
            else:
                pos = cell_position(ref)
                if pos is None:
                    raise bad_ref(ref)
                row, col = pos
            if col > MAX_COLUMN:
                wrong = f"column {col}"
                raise bad_ref(wrong)
            state.update(row=row, col=col, in_c=True, formula=False, value=0, text=0)
            kind[0], value[0] = attrs.get("t", ""), ""
            scan.cells += 1
            scan.max_row = max(scan.max_row, row)
            scan.max_col = max(scan.max_col, col)
            where[0] = ""
        elif tag == "row":
            r = attrs.get("r")
            if r is not None:
                if not r.isdigit() or not 1 <= int(r) <= MAX_ROW:
                    wrong = f"row {r}"
                    raise bad_ref(wrong)
                state["row"] = int(r)
            else:
                state["row"] += 1
            state["col"] = 0
        elif state["in_c"] and tag in ("f", "v", "t"):
            where[0] = tag
            if tag == "f":
                state["formula"] = True
        elif tag == "dimension":
            ref = attrs.get("ref", "")
            corners = [cell_position(p) for p in ref.split(":")] if ref else []
            if any(c is None for c in corners):
                raise bad_ref(ref)
            if len(corners) == 2 and corners[0] and corners[1]:
                area(
                    abs(corners[1][0] - corners[0][0]) + 1,
                    abs(corners[1][1] - corners[0][1]) + 1,
                    "declares",
                )

    def text(data: str) -> None:
        if not state["in_c"] or where[0] not in ("v", "t"):
            return
        key = "value" if where[0] == "v" else "text"
        state[key] += len(data)
        if key == "value" and kind[0] in ("b", "s") and len(value[0]) < 32:
            value[0] += data
        if state[key] > MAX_CELL_CHARS:
            raise _too_big(
                path,
                f"has a cell ({_ref(state['row'], state['col'])}) longer than that",
                f"{MAX_CELL_CHARS:,} characters",
                "more",
            )

    def end(name: str) -> None:
        tag = _local(name)
        if tag == "c":
            v = value[0].strip()
            if kind[0] == "b" and state["value"] and v not in ("0", "1"):
                what = f"a boolean cell holds {v[:20]!r}, not 0 or 1"
                raise damaged(what)
            if kind[0] == "s" and state["value"]:
                count = shared or 0
                if not v.isdigit() or int(v) >= count:
                    what = f"it points to entry {v[:20]!r} of {count:,} shared strings"
                    raise damaged(what)
            if state["formula"] and not state["value"] and not state["text"]:
                scan.formulas_total += 1
                if len(scan.formulas) < MAX_FORMULAS_LISTED:
                    scan.formulas.append((state["row"], state["col"]))
            state["in_c"] = False
        elif tag in ("f", "v", "t"):
            where[0] = ""

    parser = _parser(path, member)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    _feed(path, archive, member, parser)
    if scan.cells:
        area(scan.max_row, scan.max_col, "spans")
    return scan


def _scan_shared_strings(path: Path, archive: zipfile.ZipFile, member: str) -> int:
    """Check the shared strings' lengths; return how many there are."""
    length, count = [0], [0]

    def start(name: str, _attrs: dict[str, str]) -> None:
        if _local(name) == "si":
            length[0] = 0
            count[0] += 1

    def text(data: str) -> None:
        length[0] += len(data)
        if length[0] > MAX_CELL_CHARS:
            raise _too_big(
                path, "has a text cell longer than that", f"{MAX_CELL_CHARS:,} characters", "more"
            )

    parser = _parser(path, member)
    parser.StartElementHandler = start
    parser.CharacterDataHandler = text
    _feed(path, archive, member, parser)
    return count[0]


def _ref(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def column_letter(col: int) -> str:
    """``1`` -> ``A``, ``28`` -> ``AB``."""
    return _ref(0, col)[:-1]


def _workbook_sheets(
    path: Path, archive: zipfile.ZipFile, names: set[str]
) -> tuple[bool, dict[str, str]]:
    """The 1904 flag and {sheet name: member} from workbook.xml and its relationships."""
    date1904 = [False]
    sheets: list[tuple[str, str]] = []
    targets: dict[str, str] = {}

    def book(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "workbookPr":
            date1904[0] = attrs.get("date1904", "").strip().lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), rid))

    def rels(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    if "xl/workbook.xml" in names:
        parser = _parser(path, "xl/workbook.xml")
        parser.StartElementHandler = book
        _feed(path, archive, "xl/workbook.xml", parser)
    if "xl/_rels/workbook.xml.rels" in names:
        parser = _parser(path, "xl/_rels/workbook.xml.rels")
        parser.StartElementHandler = rels
        _feed(path, archive, "xl/_rels/workbook.xml.rels", parser)
    members = {}
    for sheet, rid in sheets:
        target = targets.get(rid, "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        members[sheet] = os.path.normpath(member).replace(os.sep, "/")
    return date1904[0], members


def scan_workbook(path: Path) -> WorkbookScan:
    """Check a workbook against the limits before it is read; what calamine cannot tell.

    Raises LogFormatError naming the file and the limit passed, or what is damaged.
    """
    check_file_size(path, text=False)
    scan = WorkbookScan()
    if not zipfile.is_zipfile(path):
        return scan  # .xls (the size limit is all)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        msg = (
            f"{path} is a damaged workbook ({exc}). Open it in your spreadsheet program and "
            "save it again, or export the log as .csv."
        )
        raise LogFormatError(msg) from exc
    with archive:
        check_zip_members(path, archive)
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return scan  # .ods, or a zip calamine will refuse with its own message
        scan.date1904, members = _workbook_sheets(path, archive, names)
        shared = None
        if "xl/sharedStrings.xml" in names:
            shared = _scan_shared_strings(path, archive, "xl/sharedStrings.xml")
        for sheet, member in members.items():
            if member in names:
                scan.sheets[sheet] = _scan_sheet(path, archive, member, shared)
    return scan
