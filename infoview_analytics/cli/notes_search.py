"""``infoview notes``: search the notes of a log, best match first, with the snippet.

Only pandas-level modules are imported, and only when the command runs (the
search needs no scikit-learn), so the command starts about as fast as
``infoview check``.
"""

from __future__ import annotations

import argparse
import json
import sys

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

__all__: list[str] = []

#: Columns shown by the table format (csv and json carry all).
_TABLE = ["source_row", "contact", "organization", "field", "date", "snippet"]


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "notes",
        help="search the notes: the interviews that mention QUERY",
        description="Search the notes of LOG (the Notes and Next step columns and your own "
        "free-text columns) for QUERY: every word must be there (case and accents ignored; "
        'a word also finds longer words it starts; "a phrase in quotes" must be there as '
        "written). Best match first (BM25), with the person, organisation, field, date, "
        "spreadsheet row and the snippet around the match. Exit 0: matches found, 1: none, "
        "2: the file cannot be read or the query has no word, 3: the log has no notes.",
    )
    add_log(p)
    p.add_argument("query", metavar="QUERY", help='words to find, e.g. portfolio "case study"')
    p.add_argument(
        "--limit", type=int, default=20, help="show at most this many rows (default: 20)"
    )
    add_format(p)
    add_as_of(p)
    add_sheet(p)
    add_map(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the matching rows; 0 when some match, 1 when none, 3 when there are no notes."""
    from ..analysis.search import search_notes
    from ..io.loader import read_log
    from ._tables import dates_iso, plain, records, text_table

    result = read_log(
        args.log, sheet=sheet_arg(args.sheet), columns=map_arg(args.mapping), as_of=args.as_of
    )
    hits = search_notes(result.log, args.query, limit=args.limit, as_of=result.as_of)
    gaps = [g.replace("LOG", str(args.log)) for g in hits.attrs["gaps"]]
    if args.format == "json":
        doc = {"query": args.query, "matches": records(hits), "gaps": gaps}
        print(json.dumps(doc, ensure_ascii=False, indent=2, default=plain))
    elif args.format == "csv":
        sys.stdout.write(dates_iso(hits).to_csv(index=False, lineterminator="\n"))
    elif len(hits):
        print(f"{len(hits)} row(s) of {args.log} match {args.query!r}, best first:\n")
        print(text_table(dates_iso(hits[_TABLE]).rename(columns={"source_row": "row"})))
    elif not gaps:
        print(f"No row of {args.log} matches {args.query!r}.")
    for gap in gaps if args.format == "table" else ():
        print(gap)
    if gaps:
        return EXIT_INCOMPLETE
    return EXIT_OK if len(hits) else EXIT_FINDINGS
