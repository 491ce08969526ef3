"""``infoview check``: coverage per field and the follow-ups due.

Only pandas-level modules are imported, and only when the command runs (no
matplotlib, scipy or networkx), so the command starts about as fast as
``import pandas``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ._common import (
    EXIT_FINDINGS,
    EXIT_INCOMPLETE,
    EXIT_OK,
    Subparsers,
    add_as_of,
    add_format,
    add_log,
    add_map,
    add_sheet,
    map_arg,
    sheet_arg,
)

if TYPE_CHECKING:
    import pandas as pd

__all__: list[str] = []

#: Columns shown by the table format (the csv and json formats carry all columns).
_TABLE_COVERAGE = ["field", "interviewed", "scheduled", "pending", "status", "to_minimum", "note"]
_TABLE_FOLLOW_UPS = ["action", "contact", "organization", "due_since", "overdue", "reason"]


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "check",
        help="coverage per field and the follow-ups due",
        description="Read LOG, show the interviews per field against the minimum and target, "
        "and the follow-ups due (exit 0: every field meets the minimum, 1: a field does not "
        "or the log has no field yet, 2: the file cannot be read, 3: the log is incomplete: "
        "it lacks what an answer needs, e.g. request dates, or a column the answers rest on "
        "was read with low confidence, and the output says what to map). "
        "With --format csv the coverage table, a blank line, then the follow-ups table; with "
        '--format json an object with "coverage" and "follow_ups" lists (dates as '
        'YYYY-MM-DD) and "gaps", what could not be told.',
    )
    add_log(p)
    p.add_argument(
        "--minimum", type=int, default=3, help="interviews a field needs at least (default: 3)"
    )
    p.add_argument(
        "--target", type=int, default=5, help="interviews a field needs ideally (default: 5)"
    )
    add_as_of(p)
    add_format(p)
    add_sheet(p)
    add_map(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print coverage and follow-ups; 0 when every field meets the minimum, else 1."""
    from ..analysis import coverage, follow_ups_due, prepare
    from ..analysis.fields import NO_FIELD
    from ..io.loader import read_log
    from ._tables import csv_text, plain, records

    result = read_log(
        args.log, sheet=sheet_arg(args.sheet), columns=map_arg(args.mapping), as_of=args.as_of
    )
    as_of = result.as_of
    prepared = prepare(result.log, as_of=as_of)  # the two analyses share their steps
    cov = coverage(prepared, minimum=args.minimum, target=args.target)
    todo = follow_ups_due(prepared)
    fields = cov[cov["field"] != NO_FIELD]
    below = fields.loc[fields["status"] == "below_minimum", "field"].tolist()
    short = bool(len(fields) == 0 or below)
    # What the log lacks for these answers: said instead of an all-clear, exit 3.
    gaps = [g.replace("LOG", str(args.log)) for g in (*cov.attrs["gaps"], *todo.attrs["gaps"])]

    if args.format == "json":
        doc = {
            "as_of": as_of.date().isoformat(),
            "minimum": args.minimum,
            "target": args.target,
            "problems": len(result.problems),
            "coverage": records(cov),
            "follow_ups": records(todo),
            "gaps": gaps,
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2, default=plain))
    elif args.format == "csv":
        sys.stdout.write(csv_text(cov))
        sys.stdout.write("\n")
        sys.stdout.write(csv_text(todo))
    else:
        print(_table_text(cov, todo, args, as_of, below, short, gaps=todo.attrs["gaps"]))
        for gap in cov.attrs["gaps"]:
            print("\n" + gap.replace("LOG", str(args.log)))
    if len(result.problems):
        print(
            f"infoview: {len(result.problems)} problem(s) in the log; "
            f"run `infoview validate {args.log}` to see them.",
            file=sys.stderr,
        )
    if gaps:
        return EXIT_INCOMPLETE
    return EXIT_FINDINGS if short else EXIT_OK


def _table_text(
    cov: pd.DataFrame,
    todo: pd.DataFrame,
    args: argparse.Namespace,
    as_of: pd.Timestamp,
    below: list[str],
    short: bool,
    *,
    gaps: list[str],
) -> str:
    """The table format: coverage, the fields below the minimum, then the follow-ups."""
    from ._tables import dates_iso, text_table

    lines = [
        f"Coverage per field as of {as_of.date().isoformat()} "
        f"(minimum {args.minimum}, target {args.target} interviews)",
        "",
    ]
    if len(cov):
        lines.append(text_table(cov[_TABLE_COVERAGE]))
    else:
        lines.append("No rows in the log.")
    if below:
        lines += ["", f"{len(below)} field(s) below the minimum: " + ", ".join(below)]
    elif short:
        lines += ["", "No field in the log yet: fill the Field column."]
    overdue = int(todo["overdue"].sum()) if len(todo) else 0
    if len(todo) or not gaps:
        lines += ["", f"Follow-ups due: {len(todo)} ({overdue} overdue)", ""]
    else:
        lines += ["", "Follow-ups due: cannot tell", ""]
    if len(todo):
        lines.append(text_table(dates_iso(todo[_TABLE_FOLLOW_UPS])))
    elif not gaps:
        lines.append("Nothing due.")
    # Never an all-clear for what the log cannot tell.
    lines += [gap.replace("LOG", str(args.log)) for gap in gaps]
    return "\n".join(lines)
