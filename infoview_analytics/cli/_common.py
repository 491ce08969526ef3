"""What the commands share: exit statuses, LOG, --sheet, --as-of, --map, the OSError text.

Only the standard library is imported here, so building the parser stays instant.
"""

from __future__ import annotations

import argparse
import errno
from typing import TypeAlias

__all__: list[str] = []

#: All good.
EXIT_OK = 0
#: The check found something to act on (problems in the log, a field below the minimum).
EXIT_FINDINGS = 1
#: The input cannot be read or the arguments are wrong.
EXIT_ERROR = 2
#: The log is incomplete: an answer could not be computed (e.g. no request dates were
#: read, so which follow-ups are due cannot be told); the output says what and how to map it.
EXIT_INCOMPLETE = 3
#: Stopped with Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130

#: argparse's handle for adding one sub-command's parser.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_log(p: argparse.ArgumentParser) -> None:
    """The positional LOG argument of the commands that read a log."""
    p.add_argument("log", metavar="LOG", help="the interview log (.xlsx, .xls, .ods, .csv, .tsv)")


def add_as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        metavar="DATE",
        default=None,
        help="date the figures are computed for, e.g. 2026-04-17 (default: today)",
    )


def add_format(p: argparse.ArgumentParser) -> None:
    """``--format table|csv|json`` (default: table), for the commands that print tables."""
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table)",
    )


def add_map(p: argparse.ArgumentParser) -> None:
    """``--map "Their header=column"`` (repeatable): read a header as a column this once."""
    p.add_argument(
        "--map",
        dest="mapping",
        metavar='"HEADER=COLUMN"',
        action="append",
        type=map_pair,
        default=[],
        help='read the header HEADER of the log as COLUMN (repeatable; "-" keeps it as your '
        "own column); wins over the log's map file (see `infoview map`)",
    )


def map_pair(text: str) -> tuple[str, str]:
    """One ``--map`` value split at its last ``=`` into (header, column)."""
    header, sep, column = text.rpartition("=")
    if not sep or not header.strip() or not column.strip():
        msg = f'expected "Their header=column", e.g. "Who referred me=referred_by", not {text!r}'
        raise argparse.ArgumentTypeError(msg)
    return header.strip(), column.strip()


def map_arg(pairs: list[tuple[str, str]]) -> dict[str, str] | None:
    """The --map values as ``read_log``'s ``columns`` (None when none were given)."""
    return dict(pairs) or None


def add_sheet(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--sheet", default=None, help="sheet name or 0-based index (default: first log)"
    )


def sheet_arg(sheet: str | None) -> str | int | None:
    """The --sheet value as ``read_log`` takes it: digits are a 0-based index, else a name."""
    if sheet is not None and sheet.isdigit():
        return int(sheet)
    return sheet


def os_error_text(exc: OSError, target: object = None) -> str:
    """One line for a file the system refused (missing folder, permissions, disk full).

    ``target`` names the file when the error does not (a write deep in a library).
    """
    name = getattr(exc, "filename", None) or target
    where = f" {name}" if name else ""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return (
            f"cannot write{where}: {reason}. Free some disk space (or choose another "
            "disk) and run the command again; nothing was replaced."
        )
    return f"cannot access{where}: {reason}. Check the path and your permissions."
