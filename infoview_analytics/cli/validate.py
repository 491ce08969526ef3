"""``infoview validate``: what was read from a log, and what could not be understood."""

from __future__ import annotations

import argparse

from ._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Subparsers,
    add_as_of,
    add_log,
    add_map,
    add_sheet,
    map_arg,
    sheet_arg,
)

__all__: list[str] = []


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "validate",
        help="read a log and list what could not be understood",
        description="Read LOG, show which header became which column and why (alias, "
        "fuzzy match and its score, content), the closest column of each header kept as "
        "unknown, and list the problems (exit 0: none, 1: some, 2: the file cannot be read "
        "or a mapping is wrong).",
    )
    add_log(p)
    add_sheet(p)
    add_map(p)
    add_as_of(p)
    p.add_argument(
        "--dayfirst",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read ambiguous dates as day/month (default: decided per column)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary of reading the log; 0 when it has no problems, else 1."""
    from ..io.loader import read_log

    result = read_log(
        args.log,
        sheet=sheet_arg(args.sheet),
        columns=map_arg(args.mapping),
        as_of=args.as_of,
        dayfirst=args.dayfirst,
    )
    print(result.summary())
    return EXIT_FINDINGS if len(result.problems) else EXIT_OK
