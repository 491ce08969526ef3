"""The ``infoview`` command: a thin layer over the library functions.

Exit statuses: 0 all good, 1 the check found something to act on (problems in
the log, a field below the minimum), 2 the input cannot be read or the
arguments are wrong (one line on stderr, never a traceback).

Heavy libraries are imported inside the commands that need them, so that
``infoview validate`` and ``infoview check`` start about as fast as pandas.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .errors import InfoviewError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one short line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _add_as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        metavar="DATE",
        default=None,
        help="date the figures are computed for, e.g. 2026-04-17 (default: today)",
    )


# ---------------------------------------------------------------- validate
def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="read a log and list what could not be understood",
        description="Read LOG, show which header became which column, and list the problems "
        "(exit 0: none, 1: some, 2: the file cannot be read).",
    )
    p.add_argument("log", metavar="LOG", help="the interview log (.xlsx, .xls, .ods, .csv, .tsv)")
    p.add_argument(
        "--sheet", default=None, help="sheet name or 0-based index (default: first log)"
    )
    _add_as_of(p)
    p.add_argument(
        "--dayfirst",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read ambiguous dates as day/month (default: decided per column)",
    )
    p.set_defaults(run=_run_validate)


def _run_validate(args: argparse.Namespace) -> int:
    from .loader import read_log

    sheet: str | int | None = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    result = read_log(args.log, sheet=sheet, as_of=args.as_of, dayfirst=args.dayfirst)
    print(result.summary())
    return EXIT_FINDINGS if len(result.problems) else EXIT_OK


# ---------------------------------------------------------------- template
def _add_template(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "template",
        help="write a blank log to fill in (xlsx with drop-downs)",
        description="Write a blank interview log as an xlsx with drop-down lists, date formats "
        "and an About sheet explaining each column.",
    )
    p.add_argument("out", metavar="OUT.xlsx", help="where to write the template")
    p.add_argument("--force", action="store_true", help="overwrite OUT.xlsx if it exists")
    p.set_defaults(run=_run_template)


def _run_template(args: argparse.Namespace) -> int:
    from .template import write_template

    path = write_template(args.out, overwrite=args.force)
    print(f"Wrote a blank interview log to {path}")
    return EXIT_OK


# Commands in the order `infoview --help` lists them.
_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_validate,
    _add_template,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``infoview`` (also used to render --help in docs)."""
    parser = _ArgumentParser(
        prog="infoview",
        description="Analyse an informational-interview log: response rates, referral chains, "
        "coverage of fields, and a report for a career advisor.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_ArgumentParser)
    sub.required = True
    for add in _COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``infoview`` with ``argv`` (default: the process arguments); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except (InfoviewError, OSError) as exc:
        text = str(exc) if isinstance(exc, InfoviewError) else _os_error_text(exc)
        print(f"infoview: error: {text}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("infoview: interrupted", file=sys.stderr)
        return 130


def _os_error_text(exc: OSError) -> str:
    where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
    reason = exc.strerror or str(exc)
    return f"cannot access{where}: {reason}. Check the path and your permissions."
