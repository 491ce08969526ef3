"""``infoview calendar``: the follow-ups due and the interviews ahead as an .ics file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import (
    EXIT_ERROR,
    EXIT_INCOMPLETE,
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
        "calendar",
        help="write the follow-ups due and the interviews ahead as a calendar file (.ics)",
        description="Read LOG and write the follow-ups due (thank-you notes, the 3B7 steps, "
        "keep in touch) and the interviews ahead as all-day events of an iCalendar file, "
        "each with its reason. Importing a newer file updates the events instead of adding "
        "them twice (exit 0: written, 2: the log cannot be read or OUT exists, 3: written, "
        "but the log lacks what some events need, e.g. request dates).",
    )
    add_log(p)
    p.add_argument("--out", metavar="OUT.ics", required=True, help="the calendar file to write")
    add_as_of(p)
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    add_sheet(p)
    add_map(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the calendar file and say how many events it holds."""
    import sys

    from ..analysis.agenda import calendar_events
    from ..io.ics import write_ics
    from ..io.loader import read_log

    out, log_path = Path(args.out), Path(args.log)
    if out.exists() and log_path.exists() and out.resolve() == log_path.resolve():
        print(
            f"infoview: error: {out} is the log itself; choose another file for the calendar "
            "(the log is never written).",
            file=sys.stderr,
        )
        return EXIT_ERROR
    result = read_log(
        args.log, sheet=sheet_arg(args.sheet), columns=map_arg(args.mapping), as_of=args.as_of
    )
    events = calendar_events(result.log, as_of=result.as_of)
    path = write_ics(events, out, as_of=result.as_of, overwrite=args.force)
    tasks = int((events["kind"] != "interview").sum())
    print(
        f"Wrote {len(events)} events to {path}: {tasks} follow-ups due as of "
        f"{result.as_of.date().isoformat()} and {len(events) - tasks} interviews ahead."
    )
    for gap in events.attrs["gaps"]:
        print(gap.replace("LOG", str(args.log)))
    return EXIT_INCOMPLETE if events.attrs["gaps"] else EXIT_OK
