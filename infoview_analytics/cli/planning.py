"""``infoview plan``: how many more people to ask per field, and whom to contact next.

Only pandas-level modules and ``scipy.special`` are imported, and only when the
command runs, so the command starts about as fast as ``import pandas``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ._common import (
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
_TABLE_PLAN = [
    "field",
    "interviewed",
    "scheduled",
    "open_requests",
    "interview_chance",
    "asks_to_minimum",
    "asks_to_target",
    "minimum_by",
    "target_by",
]
_TABLE_PEOPLE = ["rank", "action", "contact", "organization", "field", "reason"]


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "plan",
        help="how many more people to ask per field, whom, and by when",
        description="Read LOG and print two tables: per field, how many more people to ask "
        "to reach the minimum and the target with the given probability and when to expect "
        "it; then whom to contact next, each with the reason (exit 0: done, 2: the file "
        "cannot be read, 3: the log lacks what an answer needs, e.g. fields or request "
        "dates). With --format csv the plan, a blank line, then the people; with --format "
        'json an object with "plan", "next_people" and "gaps".',
    )
    add_log(p)
    p.add_argument(
        "--minimum", type=int, default=3, help="interviews a field needs at least (default: 3)"
    )
    p.add_argument(
        "--target", type=int, default=5, help="interviews a field needs ideally (default: 5)"
    )
    p.add_argument(
        "--probability",
        type=float,
        default=0.8,
        help="how sure the plan should be of reaching each goal (default: 0.8)",
    )
    p.add_argument("--limit", type=int, default=10, help="people to list (per owner; default: 10)")
    add_as_of(p)
    add_format(p)
    add_sheet(p)
    add_map(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the plan and the next people; 0, or 3 when the log lacks what they need."""
    from ..analysis import next_people, plan, prepare
    from ..io.loader import read_log
    from ._tables import dates_iso, plain, records

    result = read_log(
        args.log, sheet=sheet_arg(args.sheet), columns=map_arg(args.mapping), as_of=args.as_of
    )
    prepared = prepare(result.log, as_of=result.as_of)
    cohort = bool(prepared.frame["owner"].notna().any())
    by = ["owner", "field"] if cohort else "field"
    table = plan(
        prepared,
        minimum=args.minimum,
        target=args.target,
        probability=args.probability,
        by=by,
    )
    people = next_people(prepared, limit=args.limit, minimum=args.minimum, target=args.target)
    gaps = list(dict.fromkeys((*table.attrs["gaps"], *people.attrs["gaps"])))
    gaps = [g.replace("LOG", str(args.log)) for g in gaps]
    if args.format == "json":
        doc = {
            "as_of": result.as_of.date().isoformat(),
            "minimum": args.minimum,
            "target": args.target,
            "probability": table.attrs["probability"],
            "prior_strength": table.attrs["prior_strength"],
            "plan": records(table),
            "next_people": records(people),
            "gaps": gaps,
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2, default=plain))
    elif args.format == "csv":
        sys.stdout.write(dates_iso(table).to_csv(index=False, lineterminator="\n"))
        sys.stdout.write("\n")
        sys.stdout.write(dates_iso(people).to_csv(index=False, lineterminator="\n"))
    else:
        print(_text(table, people, args, result.as_of.date().isoformat(), gaps, cohort))
    if len(result.problems):
        print(
            f"infoview: {len(result.problems)} problem(s) in the log; "
            f"run `infoview validate {args.log}` to see them.",
            file=sys.stderr,
        )
    return EXIT_INCOMPLETE if gaps else EXIT_OK


def _text(
    table: pd.DataFrame,
    people: pd.DataFrame,
    args: argparse.Namespace,
    day: str,
    gaps: list[str],
    cohort: bool,
) -> str:
    """The table format: the plan, its notes, then the people to contact."""
    from ._tables import dates_iso, text_table

    shown = table[(["owner"] if cohort else []) + _TABLE_PLAN].copy()
    shown["interview_chance"] = [f"{v:.0%}" for v in shown["interview_chance"]]
    lines = [
        f"Plan per field as of {day}: asks to reach {args.minimum} and {args.target} "
        f"interviews with {args.probability:.0%} probability",
        "",
        text_table(dates_iso(shown)) if len(shown) else "No rows in the log.",
        "",
    ]
    owners = table["owner"].astype(str).tolist() if cohort else [""] * len(table)
    lines += [
        f"- {owner + ' / ' if cohort else ''}{field}: {note}"
        for owner, field, note in zip(
            owners, table["field"].astype(str), table["note"].astype(str), strict=True
        )
    ]
    lines += [
        "",
        f"Chances: each field's record shrunk toward yours in your other fields (prior strength "
        f"{table.attrs['prior_strength']:g} pseudo-requests); open requests count with the "
        "chance they have left.",
        "",
        f"Whom to contact next ({len(people)})",
        "",
    ]
    cols = _TABLE_PEOPLE + (["owner"] if cohort else [])
    lines.append(text_table(people[cols]) if len(people) else "Nobody to suggest yet.")
    lines += ["", *gaps] if gaps else []
    return "\n".join(lines).rstrip("\n")
