"""The column map kept beside a log: which of its headers is which column.

A log ``my_log.xlsx`` may have a small file ``my_log.xlsx.infoview.toml`` next to
it, written by ``infoview map my_log.xlsx "Who referred me=referred_by"`` (and
free to edit by hand)::

    [columns]
    "Who referred me" = "referred_by"
    "Mobile" = "-"          # "-" keeps a header as your own column

:func:`~infoview_analytics.io.loader.read_log` and every command that reads the
log pick it up; a mapping given in the call (``columns=``, ``--map``) wins over
it. The log itself is never touched.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path

from ..errors import LogFormatError

__all__ = ["MAP_SUFFIX", "map_path", "read_column_map", "write_column_map"]

#: What is added to the log's file name to name its column map.
MAP_SUFFIX = ".infoview.toml"

_HEAD = """\
# Columns of {name} as infoview reads them: "header in the log" = "column".
# Written by `infoview map`; edit freely. "-" keeps a header as your own column.
# The columns are listed in docs/log-format.md; the log itself is never changed.
"""


def map_path(log: str | os.PathLike[str]) -> Path:
    """The column map of a log: the log's path with ``.infoview.toml`` added.

    Examples
    --------
    >>> map_path("logs/my_log.xlsx").as_posix()
    'logs/my_log.xlsx.infoview.toml'
    """
    log = Path(log)
    return log.with_name(log.name + MAP_SUFFIX)


def read_column_map(log: str | os.PathLike[str]) -> dict[str, str]:
    """The headers mapped in the log's column map (``{}`` when there is none).

    Parameters
    ----------
    log : path-like
        The log (not the map file).

    Returns
    -------
    dict
        ``{"header as written": "column"}``, in the file's order.

    Raises
    ------
    LogFormatError
        The map file is not valid TOML or not a ``[columns]`` table of texts.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> log = pathlib.Path(tempfile.mkdtemp()) / "log.csv"
    >>> read_column_map(log)
    {}
    >>> _ = write_column_map(log, {"Who referred me": "referred_by"})
    >>> read_column_map(log)
    {'Who referred me': 'referred_by'}
    """
    path = map_path(log)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        doc = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        msg = (
            f"{path} (the column map of {Path(log).name}) is not valid TOML ({exc}). "
            "Fix the line, or delete the file and run "
            f'`infoview map {Path(log).name} "Header=column"`.'
        )
        raise LogFormatError(msg) from exc
    columns = doc.get("columns", {})
    bad = (
        [k for k, v in columns.items() if not isinstance(v, str)]
        if isinstance(columns, dict)
        else ["columns"]
    )
    if set(doc) - {"columns"} or bad:
        found = sorted(set(doc) - {"columns"}) or bad
        msg = (
            f'{path} must hold one [columns] table of "header" = "column" lines, but it has '
            f"{found[:10]}. Fix those lines or delete the file."
        )
        raise LogFormatError(msg)
    return dict(columns)


def write_column_map(log: str | os.PathLike[str], columns: Mapping[str, str]) -> Path:
    """Write the log's column map (replacing it); the log itself is not touched.

    Parameters
    ----------
    log : path-like
        The log the map belongs to.
    columns : mapping
        ``{"header as written": "column"}``; checked by the caller
        (``infoview map`` reads the log with it first). Empty: the file is removed.

    Returns
    -------
    pathlib.Path
        The map file.
    """
    path = map_path(log)
    if not columns:
        path.unlink(missing_ok=True)
        return path
    lines = [_HEAD.format(name=Path(log).name), "[columns]"]
    # JSON strings are valid TOML basic strings (same escapes), and keep accents as written.
    lines += [f"{json.dumps(h, ensure_ascii=False)} = {json.dumps(c)}" for h, c in columns.items()]
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
