"""Loading interview logs (xlsx, xlsm, xls, ods, csv, tsv, txt) into the canonical log.

The loader is forgiving and says what it could not understand: headers in the
user's own words (five languages) are matched through ``schema.HEADER_ALIASES``,
by fuzzy match for typos, or by their content (``_headers``); a column map kept
beside the log (``mapfile``) or ``columns=`` fixes any reading. The header row
is found under title rows, dates are read in whatever format the locale wrote,
categories through ``schema.VALUE_SYNONYMS``. Nothing is lost: every row keeps
its ``source_row`` and every cell that could not be understood is listed in
``LoadResult.problems``. Only a file that cannot be read at all raises
:class:`~infoview_analytics.errors.LogFormatError`. Input files are never modified.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pandas as pd

from ..core.args import as_of_timestamp
from ..core.schema import CATEGORY_COLUMNS, COLUMNS, normalize_header
from ..errors import InvalidArgumentError, LogFormatError, LogProblemsWarning
from . import _assemble, _headers, _limits, _readers
from .mapfile import map_path, read_column_map

__all__ = ["LoadResult", "load_log", "load_logs", "read_log"]

_SHOWN_PROBLEMS = 40


@dataclass(frozen=True)
class LoadResult:
    """What :func:`read_log` read: the canonical log, the problems and how it was mapped.

    Attributes
    ----------
    log : pandas.DataFrame
        The canonical log (see docs/architecture.md).
    problems : pandas.DataFrame
        One row per cell or row that could not be understood: ``source_row``
        (Int64, the spreadsheet row), ``column``, ``value``, ``problem``, ``hint``.
    path : pathlib.Path
        The file read.
    sheet : str or None
        The sheet read (None for text files).
    header_row : int
        Row number of the header, as the spreadsheet shows it (1-based).
    mapping : pandas.DataFrame
        ``header, column, how``: which header became which column.
    headers : pandas.DataFrame
        One row per header, in file order: ``header``, ``column`` (the canonical
        column, or the name it is kept under), ``how`` (``override``, ``map file``,
        ``alias``, ``fuzzy``, ``content``, ``first + last name``, ``kept (unknown)``,
        ``kept (duplicate of ...)``, ``ignored (empty)``), ``score`` (100 for a
        mapping or an alias, the fuzzy ratio, or the share of values that decided),
        ``detail`` (the language of the alias, the phrase a typo is close to, what the
        content holds), and for a header kept as unknown the ``closest`` column it
        could be with its ``closest_score`` (fuzzy ratio).
    rows_read : int
        Rows in the log (blank rows excluded).
    blank_rows : int
        Wholly blank rows skipped.
    as_of : pandas.Timestamp
        Date used to derive blank statuses.
    map_file : pathlib.Path or None
        The column map read beside the log (``LOG.infoview.toml``), if there is one.
    """

    log: pd.DataFrame
    problems: pd.DataFrame
    path: Path
    sheet: str | None
    header_row: int
    mapping: pd.DataFrame
    rows_read: int
    blank_rows: int
    as_of: pd.Timestamp
    headers: pd.DataFrame
    map_file: Path | None = None

    def summary(self) -> str:
        """The report ``infoview validate`` prints: what was read and the problems.

        Examples
        --------
        >>> import pandas as pd, tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
        >>> _ = path.write_text("Name,Empresa,Date contcted,Salary\\nAna Ruiz,Acme,,\\n")
        >>> print(read_log(path, as_of="2026-04-17").summary())  # doctest: +ELLIPSIS
        File:        ...log.csv
        Sheet:       (text file)
        Header row:  1
        Rows loaded: 1
        Blank rows:  0 skipped
        As of:       2026-04-17
        <BLANKLINE>
        Columns (header -> column, and why):
          Name          -> contact       alias
          Empresa       -> organization  alias (Spanish)
          Date contcted -> requested_on  fuzzy: close to 'Date Contacted' (96)
          Salary        -> Salary        kept (unknown): empty; closest: ...
        <BLANKLINE>
        To read a kept header as a column, map it once with --map "Salary=COLUMN", or keep
        the mapping beside the log: infoview map log.csv "Salary=COLUMN" (the columns are
        listed in docs/log-format.md).
        <BLANKLINE>
        No problems found.
        """
        lines = [
            f"File:        {self.path}",
            f"Sheet:       {self.sheet if self.sheet is not None else '(text file)'}",
            f"Header row:  {self.header_row}",
        ]
        if self.map_file is not None:
            lines.append(f"Map file:    {self.map_file}")
        lines += [
            f"Rows loaded: {self.rows_read}",
            f"Blank rows:  {self.blank_rows} skipped",
            f"As of:       {self.as_of:%Y-%m-%d}",
            "",
            "Columns (header -> column, and why):",
        ]
        table = self.headers
        width = max([len(_short(h, 30)) for h in table["header"]] + [0])
        col_width = max([len(_short(c, 30)) for c in table["column"]] + [0])
        unknown = []
        for row in table.itertuples(index=False):
            why = _why(row)
            if row.how == "kept (unknown)" and row.header != "(no header)":
                unknown.append(row)
            lines.append(
                f"  {_short(row.header, 30):<{width}} -> {_short(row.column, 30):<{col_width}}"
                f"  {why}"
            )
        if unknown:
            first = unknown[0]
            example = f"{first.header}=COLUMN"
            lines += [
                "",
                f'To read a kept header as a column, map it once with --map "{example}", or '
                "keep\nthe mapping beside the log: infoview map "
                f'{self.path.name} "{example}" (the columns are\nlisted in docs/log-format.md).',
            ]
        lines.append("")
        n = len(self.problems)
        if n == 0:
            lines.append("No problems found.")
            return "\n".join(lines)
        lines.append(f"Problems ({n}):")
        shown = self.problems.head(_SHOWN_PROBLEMS)
        col_width = max(len(c) for c in shown["column"])
        for row, column, value, problem, hint in shown.itertuples(index=False):
            where = f"row {row}" if pd.notna(row) else "-"
            text = f"{_short(value, 30)!r}: " if value else ""
            lines.append(f"  {where:>8}  {column:<{col_width}}  {text}{problem}; {hint}")
        if n > _SHOWN_PROBLEMS:
            lines.append(
                f"  ... and {n - _SHOWN_PROBLEMS} more (read_log(path).problems lists them all)."
            )
        return "\n".join(lines)


def _why(row: Any) -> str:
    """How one header was read, in words: alias (language), fuzzy (score), content..."""
    how, detail = row.how, row.detail
    if how == "alias":
        return "alias" if detail in ("", "English") else f"alias ({detail})"
    if how == "fuzzy":
        return f"fuzzy: {detail} ({row.score:.0f})"
    if how == "content":
        return f"content: {detail}"
    if how == "kept (unknown)":
        text = f"kept (unknown): {detail}" if detail else "kept (unknown)"
        if not pd.isna(row.closest):
            score = row.closest_score
            shown = f" ({score:.0f})" if score == score else ""
            text += f"; closest: {row.closest}{shown}"
        return text
    return str(how)


def _short(value: object, limit: int) -> str:
    text = "" if value is None or value is pd.NA else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_log(
    path: str | os.PathLike[str],
    *,
    sheet: str | int | None = None,
    columns: Mapping[str, str] | None = None,
    owner: str | None = None,
    as_of: object = None,
    dayfirst: bool | None = None,
    use_map_file: bool = True,
) -> LoadResult:
    """Read an interview log and say what could not be understood.

    Parameters
    ----------
    path : str or path-like
        An .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt file. Never modified.
    sheet : str or int, optional
        Sheet name or 0-based index. Default: the first visible sheet with a
        header naming a contact column (then hidden ones). Ignored for text files.
    columns : dict, optional
        ``{"their header": "canonical column"}`` for headers read wrongly or not at
        all (``"-"`` keeps a header as the user's own column). Wins over the map file.
        Every header named must be in the file.
    owner : str, optional
        Fills blank cells of the ``owner`` column (whose log this is).
    as_of : date-like, optional
        Date a blank status is derived for (default: today).
    dayfirst : bool, optional
        Read ambiguous dates like 03/04/2026 as day/month (True) or month/day
        (False). Default: decided per column, else ``schema.DEFAULT_DAYFIRST``.
    use_map_file : bool, default True
        Read the column map kept beside the log (``LOG.infoview.toml``, written by
        ``infoview map``; see :mod:`infoview_analytics.io.mapfile`) when there is one.

    Returns
    -------
    LoadResult
        ``.log`` (the canonical DataFrame), ``.problems`` and how it was read.

    Raises
    ------
    LogFormatError
        The file is missing, not a spreadsheet or CSV, encrypted, empty, has no
        header with a name column, or nothing but a header; unknown ``sheet``.
    InvalidArgumentError
        ``columns`` names an unknown canonical column or a header the file does not
        have, or a bad ``as_of``.
    LogFormatError
        The map file beside the log is not valid, maps to an unknown column, or maps
        a header the file does not have.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = path.write_text("My log\\nName;Method;Date Contacted\\nAna;LI;13/03/2026\\n")
    >>> result = read_log(path, as_of="2026-04-17")
    >>> result.log[["contact", "channel", "requested_on", "status", "source_row"]]
      contact   channel requested_on    status  source_row
    0     Ana  linkedin   2026-03-13  awaiting           3
    >>> len(result.problems)
    0
    """
    path = _as_path(path)
    as_of_ts = as_of_timestamp(as_of)
    given = _check_columns(columns)
    _check_file(path)
    from_file = _map_file(path) if use_map_file else {}
    overrides = {**from_file, **given}
    kind = _readers.sniff_kind(path)
    if kind == "workbook":
        raw = _readers.read_workbook(path, sheet, overrides)
    else:
        raw = _readers.read_text(path, overrides)
    _check_mapped(path, raw.headers, given, from_file)
    _extra_cells(raw)
    reader_problems, n_headers = list(raw.problems), len(raw.headers)
    log, problems, table, blank_rows = _assemble.assemble(
        path, raw, overrides, owner=owner, as_of=as_of_ts, dayfirst=dayfirst
    )
    if reader_problems:
        problems = _with_reader_problems(problems, reader_problems, table, n_headers)
    return LoadResult(
        log=log,
        problems=problems,
        path=path,
        sheet=raw.sheet,
        header_row=raw.header_row,
        mapping=table[["header", "column", "how"]].copy(),
        rows_read=len(log),
        blank_rows=blank_rows,
        as_of=as_of_ts,
        headers=table,
        map_file=map_path(path) if from_file else None,
    )


def load_log(
    path: str | os.PathLike[str],
    *,
    sheet: str | int | None = None,
    columns: Mapping[str, str] | None = None,
    owner: str | None = None,
    as_of: object = None,
    dayfirst: bool | None = None,
) -> pd.DataFrame:
    """Load an interview log as the canonical DataFrame.

    Same parameters as :func:`read_log`. When some cells could not be
    understood, one :class:`~infoview_analytics.errors.LogProblemsWarning`
    summarises them (``read_log(path).problems`` lists them all).

    Returns
    -------
    pandas.DataFrame
        The canonical log (docs/architecture.md).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> _ = path.write_text("Contact,Status\\nAna Ruiz,Completed\\n")
    >>> load_log(path, as_of="2026-04-17")["status"].tolist()
    ['interviewed']
    """
    result = read_log(
        path, sheet=sheet, columns=columns, owner=owner, as_of=as_of, dayfirst=dayfirst
    )
    _warn(result.problems, f"{result.path.name}")
    return result.log


def load_logs(
    paths_or_folder: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    owner: Mapping[str, str] | None = None,
    as_of: object = None,
) -> pd.DataFrame:
    """Load several logs (a cohort of students) into one DataFrame.

    Parameters
    ----------
    paths_or_folder : path-like or list of path-likes
        Log files, or a folder: every .xlsx, .xlsm, .xls, .ods, .csv, .tsv and
        .txt in it, in name order (Excel lock files ``~$...`` and hidden files
        are skipped).
    owner : dict, optional
        ``{file name or stem: owner}``. Default owner: the file's stem. A log's
        own filled ``owner`` cells win; blank ones get the default.
    as_of : date-like, optional
        Date blank statuses are derived for (default: today).

    Returns
    -------
    pandas.DataFrame
        The canonical columns, ``source_row``, ``source_file`` (the file name),
        then every file's unknown columns. One warning summarises all problems.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ana.csv").write_text("Name\\nBo\\n")
    >>> _ = (folder / "cy.csv").write_text("Name,Owner\\nDi,Cy Lee\\nEd,\\n")
    >>> load_logs(folder, as_of="2026-04-17")[["contact", "owner", "source_file"]]
      contact   owner source_file
    0      Bo     ana     ana.csv
    1      Di  Cy Lee      cy.csv
    2      Ed      cy      cy.csv
    """
    files = _log_files(paths_or_folder)
    as_of = as_of_timestamp(as_of)  # once, so every file is read for the same day
    owner = dict(owner or {})
    logs, problems = [], []
    for file in files:
        name = owner.get(file.name, owner.get(file.stem, file.stem))
        result = read_log(file, owner=name, as_of=as_of)
        log = result.log
        at = cast(int, log.columns.get_loc("source_row"))  # a unique label: an int position
        log.insert(at + 1, "source_file", file.name)
        logs.append(log)
        problems.append(result.problems.assign(source_file=file.name))
    combined = pd.concat(logs, ignore_index=True, sort=False)
    for col in CATEGORY_COLUMNS:  # union of the categories: allowed first, then unknowns
        cats = list(dict.fromkeys(c for log in logs for c in log[col].cat.categories))
        combined[col] = pd.Categorical(combined[col].astype(object), categories=cats)
    _warn(pd.concat(problems, ignore_index=True), f"{len(files)} logs")
    return combined


# ---------------------------------------------------------------- arguments and files
def _as_path(path: object) -> Path:
    if not isinstance(path, str | os.PathLike):
        msg = (
            "The value for `path` must be a file path (str or pathlib.Path), "
            f"but {type(path).__name__} was passed."
        )
        raise InvalidArgumentError(msg)
    return Path(path)


def _check_columns(columns: Mapping[str, str] | None) -> dict[str, _headers.Override]:
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        msg = (
            "The value for `columns` must be a dict such as {'Their Header': 'contact'}, "
            f"but {columns!r} was passed."
        )
        raise InvalidArgumentError(msg)
    for header, target in columns.items():
        if target not in COLUMNS and target != _headers.KEEP:
            near = _headers.nearest_of(str(target), list(COLUMNS))
            also = f" (did you mean {near!r}?)" if near else ""
            msg = (
                "The value for `columns` (`--map` on the command line) must map headers to "
                f"one of {list(COLUMNS)} (or "
                f"'-' to keep a header as your own column), but {header!r} is mapped to "
                f"{target!r}{also}."
            )
            raise InvalidArgumentError(msg)
    return {
        normalize_header(k): _headers.Override(v, "override", str(k)) for k, v in columns.items()
    }


def _map_file(path: Path) -> dict[str, _headers.Override]:
    """The column map beside the log, checked: every target a column (or '-')."""
    found = read_column_map(path)
    bad = {h: c for h, c in found.items() if c not in COLUMNS and c != _headers.KEEP}
    if bad:
        header, target = next(iter(bad.items()))
        near = _headers.nearest_of(str(target), list(COLUMNS))
        also = f" (did you mean {near!r}?)" if near else ""
        msg = (
            f"{map_path(path)} maps {header!r} to {target!r}, which is not a column{also}. "
            f"Use one of {list(COLUMNS)} (or '-' to keep the header as your own column): run "
            f'`infoview map {path.name} "{header}=COLUMN"`, or edit the file.'
        )
        raise LogFormatError(msg)
    return {normalize_header(k): _headers.Override(v, "map file", k) for k, v in found.items()}


def _check_mapped(
    path: Path,
    headers: list[str],
    given: dict[str, _headers.Override],
    from_file: dict[str, _headers.Override],
) -> None:
    """Every mapped header is a header of the file (a mapping that maps nothing is an error)."""
    present = {normalize_header(h) for h in headers}
    seen = [str(h).strip() for h in headers if str(h).strip()][:10]
    for source, mapped in (("given", given), ("file", from_file)):
        missing = [o.header for k, o in mapped.items() if k not in present]
        if not missing:
            continue
        near = _headers.nearest_of(missing[0], headers)
        also = f" (did you mean {near!r}?)" if near else ""
        if source == "given":
            msg = (
                f"{path.name} has no header {missing[0]!r} to map{also}; its headers are "
                f"{seen}. Write the header as it is in the file (case, accents and "
                "punctuation do not matter)."
            )
            raise InvalidArgumentError(msg)
        msg = (
            f"{map_path(path)} maps the header {missing[0]!r}, which {path.name} does not "
            f"have{also}; its headers are {seen}. Remove it with `infoview map {path.name} "
            f"--remove {missing[0]!r}`, or edit the file."
        )
        raise LogFormatError(msg)


def _extra_cells(raw: _readers.RawTable) -> None:
    """Rows with more cells than the header names: kept (under "Unnamed" columns) and
    reported, row by row."""
    named = max([i + 1 for i, h in enumerate(raw.headers) if str(h).strip()] + [0])
    if named == 0 or raw.cells.shape[1] <= named:
        return
    beyond = raw.cells.iloc[:, named:]
    filled = beyond.notna() & (beyond.astype(object) != "")
    counts = filled.to_numpy().sum(axis=1)
    for at in counts.nonzero()[0][:1000].tolist():
        raw.problems.append(
            (
                raw.header_row + 1 + at,
                named,
                "",
                f"{int(counts[at])} cell(s) right of the last header: kept as columns "
                "without a header",
                "give those cells a header (or move them), so they are read as a column",
            )
        )


def _with_reader_problems(
    problems: pd.DataFrame,
    found: list[tuple[int, int, str, str, str]],
    table: pd.DataFrame,
    n_headers: int,
) -> pd.DataFrame:
    """The reader's problems (formulas not calculated, undecodable bytes, joined rows)
    added to the problems table, each under the column its cell was read as."""
    names = table["column"].astype(object).tolist() if len(table) == n_headers else []
    rows = [
        {
            "source_row": row,
            "column": str(names[col]) if 0 <= col < len(names) else "",
            "value": value,
            "problem": problem,
            "hint": hint,
        }
        for row, col, value, problem, hint in found
    ]
    return _assemble.sort_problems(pd.concat([problems, pd.DataFrame(rows)], ignore_index=True))


def _check_file(path: Path) -> None:
    if path.is_dir():
        msg = (
            f"{path} is a folder, not a log file. Pass the log file itself, or use "
            "load_logs(folder) to load every log in a folder."
        )
        raise LogFormatError(msg)
    if not path.exists():
        msg = (
            f"No file at {path} (looked in {Path.cwd()}). Check the name and the folder; "
            "logs can be .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt."
        )
        raise LogFormatError(msg)
    _limits.check_regular(path)  # a FIFO or a device would block: refused before opening


def _log_files(paths_or_folder: object) -> list[Path]:
    if isinstance(paths_or_folder, str | os.PathLike):
        folder = Path(paths_or_folder)
        if not folder.is_dir():
            return [folder]
        files = sorted(
            p
            for p in folder.iterdir()
            if p.is_file()
            and p.suffix.lower() in _readers.SUFFIXES
            and not p.name.startswith(("~$", "."))
        )
        if not files:
            msg = (
                f"No logs in the folder {folder}: expected .xlsx, .xlsm, .xls, .ods, .csv, "
                ".tsv or .txt files. Put the students' logs there, or pass a list of files."
            )
            raise LogFormatError(msg)
        return files
    try:
        # Any object is tried: one that is not iterable raises the TypeError caught here.
        files = [_as_path(p) for p in paths_or_folder]  # type: ignore[attr-defined]
    except TypeError:
        files = []
    if not files:
        msg = (
            "The value for `paths_or_folder` must be a folder or a non-empty list of "
            f"log files, but {paths_or_folder!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return files


def _warn(problems: pd.DataFrame, what: str) -> None:
    n = len(problems)
    if n == 0:
        return
    head = problems.head(5)
    where = head["source_file"] + " " if "source_file" in head else ""
    items = "; ".join(
        f"{w}row {r}: {c} {p}" + (f" ({v!r})" if isinstance(v, str) else "")
        for w, r, c, p, v in zip(
            where if isinstance(where, pd.Series) else [""] * len(head),
            head["source_row"].astype(object).where(head["source_row"].notna(), "-"),
            head["column"],
            head["problem"],
            head["value"],
            strict=True,
        )
    )
    more = f"; and {n - 5} more" if n > 5 else ""
    msg = (
        f"{n} problem{'s' if n != 1 else ''} in {what}: {items}{more}. "
        "Call read_log(...).problems to see them all."
    )
    warnings.warn(msg, LogProblemsWarning, stacklevel=3)
