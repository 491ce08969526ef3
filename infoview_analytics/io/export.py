"""Writing outputs safely: where (never over an input), and formula-safe tables.

Where: :func:`check_output` refuses an output path that is, contains or lies
inside an input (the log, its column map, a LinkedIn export), or the current
folder; :func:`report_folder` holds an exclusive lock beside a report folder while
it is written, refuses a folder that this package did not write (it has no
:data:`REPORT_MARKER`), and moves the finished folder into place atomically.

Tables:

Every text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is neutralised (:mod:`infoview_analytics.io._safety`) so that a
spreadsheet program shows it as text instead of running it. Values are written
as values, never formulas; each sheet has its header frozen and its column
widths set. The report writes into a temporary folder and moves it into place,
so these writers write straight to the path they are given.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from ..errors import InvalidArgumentError, ReportExistsError
from ._safety import neutralize_formula, neutralize_frame, spreadsheet_text, terminal_text

__all__ = [
    "REPORT_MARKER",
    "check_output",
    "check_report_folder",
    "report_folder",
    "save_workbook",
    "table_csv",
    "terminal_text",
    "write_bytes_atomically",
    "write_tables_csv",
    "write_tables_xlsx",
]

#: The file that marks a folder as a report this package wrote; ``force`` replaces
#: only a folder that has it (or an empty one).
REPORT_MARKER = ".infoview-report"
_MARKER_TEXT = (
    "This folder is a report written by infoview-analytics (`infoview report`).\n"
    "`infoview report --force` may replace it as a whole: keep no other files here.\n"
)

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
    return spreadsheet_text(str(value))


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
        ws.append([_cell(str(c)) for c in table.columns])  # labels too (category values)
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
    save_workbook(wb, path)
    return path


def save_workbook(workbook: Any, path: Path) -> None:
    """Save an openpyxl workbook to ``path``: built in memory, then written in one go.

    On a full disk this raises one OSError naming ``path``; openpyxl writing to the
    file itself would leave a half-closed zip behind that complains again at exit.
    """
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    try:
        with path.open("wb") as fh:
            fh.write(buffer.getbuffer())
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def table_csv(table: pd.DataFrame) -> str:
    """One table as CSV text (UTF-8, ``\\n``), formula-neutralised like the files.

    Examples
    --------
    >>> import pandas as pd
    >>> print(table_csv(pd.DataFrame({"=field": ["-x", "ok"]})), end="")
    '=field
    '-x
    ok
    """
    flat = _flat(table)
    flat.columns = [neutralize_formula(str(c)) for c in flat.columns]  # category labels
    return flat.to_csv(index=False, lineterminator="\n")


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
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(table_csv(table))
        paths.append(path)
    return paths


# ----------------------------------------------------------------- where outputs go
def _resolved(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def check_output(
    out: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    option: str = "--out",
) -> Path:
    """Refuse an output path that is, contains or lies inside an input, or the current folder.

    Parameters
    ----------
    out : path-like
        The file or folder about to be written (it need not exist).
    inputs : iterable of path-like
        The files and folders the command reads (missing ones are ignored).
    option : str
        How the output is named in the message (``--out``, ``out_dir``).

    Returns
    -------
    pathlib.Path
        ``out`` as given.

    Raises
    ------
    InvalidArgumentError
        ``out`` is the current folder, or an input, or a folder holding an input,
        or inside an input folder (symbolic links are followed).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> log = folder / "log.csv"
    >>> _ = log.write_text("Name\\nAna\\n")
    >>> check_output(folder / "report", [log]).name
    'report'
    >>> check_output(folder, [log])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    infoview_analytics.errors.InvalidArgumentError: --out ... is the folder holding ...
    """
    target = _resolved(out)
    if target == _resolved(Path.cwd()) or target in _resolved(Path.cwd()).parents:
        msg = (
            f"{option} {out} is the current folder (or holds it); a report or a file is "
            f"never written over it. Give a new name, e.g. {option} my_report."
        )
        raise InvalidArgumentError(msg)
    for given in inputs:
        source = _resolved(given)
        if not (source.exists() or Path(given).is_symlink()):
            continue
        if source == target:
            what = "the same file as" if source.is_file() else "the same folder as"
        elif target in source.parents:
            what = "the folder holding"
        elif source in target.parents:
            what = "inside"
        else:
            continue
        msg = (
            f"{option} {out} is {what} the input {given}; your files are never replaced or "
            f"deleted. Choose a new path for {option}, outside the input."
        )
        raise InvalidArgumentError(msg)
    return Path(out)


#: What a report folder held before it was marked (earlier versions): still ours.
_LEGACY = {
    "report.pdf": None,
    "tables.xlsx": None,
    "charts": (".png", ".svg"),
    "tables": (".csv",),
}


def _is_ours(folder: Path) -> bool:
    """A report of ours: marked, or laid out exactly as an unmarked earlier report."""
    if (folder / REPORT_MARKER).is_file():
        return True
    entries = list(folder.iterdir())
    if not entries or any(p.name not in _LEGACY for p in entries):
        return False
    for p in entries:
        kinds = _LEGACY[p.name]
        if kinds is None:
            if not p.is_file():
                return False
        elif not p.is_dir() or any(not (f.is_file() and f.suffix in kinds) for f in p.iterdir()):
            return False
    return True


def _check_replaceable(out: Path, *, force: bool) -> None:
    """Raise unless ``out`` is missing, or (with ``force``) our report or an empty folder."""
    if not (out.exists() or out.is_symlink()):
        return
    if not out.is_dir() or out.is_symlink():
        msg = (
            f"{out} exists and is not a report folder (it is a file or a link); it is never "
            "replaced. Choose another folder for the report."
        )
        raise ReportExistsError(msg)
    ours = _is_ours(out)
    if not ours and any(out.iterdir()):
        msg = (
            f"The folder {out} holds files that are not a report of infoview (it has no "
            f"{REPORT_MARKER} file), so it is never replaced, --force or not. Choose a new "
            "folder for the report."
        )
        raise ReportExistsError(msg)
    if not force:
        what = "report folder" if ours else "folder"
        msg = (
            f"The {what} {out} exists already. Choose another folder, or pass force=True "
            "(--force) to replace it."
        )
        raise ReportExistsError(msg)


def _lock_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.infoview-lock")


def _pid_alive(text: str) -> bool:
    try:
        pid = int(text.split()[0])
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (ValueError, IndexError, PermissionError, OSError):
        return True  # unknown or another user's: assume it is running
    return True


def _take_lock(out: Path) -> Path:
    """Create the lock file beside ``out`` exclusively (a stale one, whose process is gone,
    is taken over once); raise ReportExistsError while another run holds it."""
    lock = _lock_path(out)
    for attempt in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                holder = lock.read_text(encoding="utf-8", errors="replace")
            except OSError:
                holder = ""
            if attempt == 0 and holder and not _pid_alive(holder):
                lock.unlink(missing_ok=True)
                continue
            msg = (
                f"Another infoview run is writing {out} right now (it holds {lock}). Wait for "
                f"it to finish and try again; if none is running, delete {lock}."
            )
            raise ReportExistsError(msg) from None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return lock
    msg = f"Could not lock {out} ({lock}); try again."  # pragma: no cover - lost two races
    raise ReportExistsError(msg)


def check_report_folder(
    out_dir: str | os.PathLike[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """The checks of :func:`report_folder`, without writing anything.

    Returns
    -------
    pathlib.Path
        ``out_dir`` as given.

    Raises
    ------
    ReportExistsError, InvalidArgumentError
        As :func:`report_folder`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mine.txt").write_text("my notes")
    >>> check_report_folder(folder, force=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    infoview_analytics.errors.ReportExistsError: The folder ... holds files that are not ...
    """
    out = check_output(out_dir, inputs, option="--out")
    _check_replaceable(out, force=force)
    return out


@contextmanager
def report_folder(
    out_dir: str | os.PathLike[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Iterator[Path]:
    """Write a report folder safely: yield a temporary folder, then move it to ``out_dir``.

    Checks first (:func:`check_output`; an existing ``out_dir`` needs ``force``, and
    even then is replaced only when it is a report of ours or empty), holds an
    exclusive lock beside ``out_dir`` while the report is written (a second run on
    the same folder is refused, never silently replacing the first's), marks the
    folder with :data:`REPORT_MARKER`, and moves it into place with renames. On any
    error the temporary folder is removed and ``out_dir`` is left as it was.

    Parameters
    ----------
    out_dir : path-like
        The report folder.
    inputs : iterable of path-like
        What the report is made from (never written over).
    force : bool
        Replace an existing report folder of ours.

    Yields
    ------
    pathlib.Path
        The temporary folder to write into (next to ``out_dir``).

    Raises
    ------
    ReportExistsError
        ``out_dir`` exists (without ``force``), is not a report of ours, or another
        run is writing it.
    InvalidArgumentError
        ``out_dir`` is, holds or lies inside an input, or is the current folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report"
    >>> with report_folder(out) as tmp:
    ...     _ = (tmp / "a.txt").write_text("a")
    >>> sorted(p.name for p in out.iterdir())
    ['.infoview-report', 'a.txt']
    """
    out = check_report_folder(out_dir, inputs=inputs, force=force)
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = _take_lock(out)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
        try:
            (tmp / REPORT_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
            try:
                yield tmp
            except OSError as exc:  # name the file as the user will know it, not the temporary
                inside = exc.filename and Path(exc.filename).is_relative_to(tmp)
                name = out / Path(exc.filename).relative_to(tmp) if inside else out
                raise OSError(exc.errno, exc.strerror, str(name)) from exc
            _check_replaceable(out, force=force)  # again: the folder may have changed meanwhile
            _move_into_place(tmp, out)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        lock.unlink(missing_ok=True)


def _move_into_place(tmp: Path, out: Path) -> None:
    """Replace ``out`` (missing, empty or a report of ours) by ``tmp`` with renames."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(out, old)
    try:
        os.replace(tmp, out)
    except OSError as exc:
        if old is not None:
            os.replace(old, out)
        if exc.errno in (errno.ENOTEMPTY, errno.EEXIST):
            msg = f"{out} appeared while the report was written; it was left as it is."
            raise ReportExistsError(msg) from exc
        raise
    if old is not None:
        shutil.rmtree(old)


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
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        if exc.filename is None:  # a full disk: name the file the user asked for
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
