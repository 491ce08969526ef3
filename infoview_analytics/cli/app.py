"""The ``infoview`` command: the parser built from the commands, and ``main``.

Exit statuses: 0 all good, 1 the check found something to act on (problems in
the log, a field below the minimum), 2 the input cannot be read or the
arguments are wrong (one line on stderr, never a traceback).

Each command is one module (``validate``, ``map``, ``template``, ``check``,
``planning`` for ``plan``, ``ics`` for ``calendar``, ``notes_search``, ``linkedin``,
``report``) with ``add_parser(subparsers)`` and ``run(args)``. The modules
import the library and its heavy dependencies only inside ``run``, so building
the parser is instant and ``infoview check`` starts about as fast as pandas.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import InfoviewError
from . import check, ics, linkedin, notes_search, planning, report, template, validate
from . import map as map_command
from ._common import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, os_error_text

__all__ = ["main"]

#: The commands in the order `infoview --help` lists them.
COMMANDS = (
    validate,
    map_command,
    template,
    check,
    planning,
    ics,
    notes_search,
    linkedin,
    report,
)


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one short line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``infoview`` (also used to render --help in docs)."""
    from importlib.metadata import version

    parser = _ArgumentParser(
        prog="infoview",
        description="Analyse an informational-interview log: response rates, referral chains, "
        "coverage of fields, and a report for a career advisor.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {version('infoview-analytics')}"
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_ArgumentParser)
    sub.required = True
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``infoview`` with ``argv`` (default: the process arguments); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # `infoview check LOG | head`: the reader went away; not an error of ours.
        # Point stdout at devnull so the interpreter's final flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (InfoviewError, OSError) as exc:
        text = str(exc) if isinstance(exc, InfoviewError) else os_error_text(exc)
        print(f"infoview: error: {text}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("infoview: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
