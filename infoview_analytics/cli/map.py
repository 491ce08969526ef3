"""``infoview map``: keep in a small file beside the log which header is which column."""

from __future__ import annotations

import argparse

from ._common import EXIT_OK, Subparsers, add_log, add_sheet, map_pair, sheet_arg

__all__: list[str] = []


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "map",
        help="say which header of a log is which column, kept beside the log",
        description='Write LOG.infoview.toml beside LOG: "Their header=column" pairs that '
        "every command and read_log then use (a column name, or - to keep the header as "
        "your own column). The log itself is never changed. Each pair is checked against "
        "the log first. Without pairs, show the current map (exit 0: written or shown, "
        "2: the log cannot be read or a mapping is wrong).",
    )
    add_log(p)
    p.add_argument(
        "pairs",
        metavar='"HEADER=COLUMN"',
        nargs="*",
        type=map_pair,
        help="a header of LOG as written (case, accents and punctuation do not matter) and "
        "the column it is",
    )
    p.add_argument(
        "--remove",
        metavar="HEADER",
        action="append",
        default=[],
        help="take a header out of the map (repeatable)",
    )
    add_sheet(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Update the log's column map, check it by reading the log, and show the columns."""
    from ..core.schema import normalize_header
    from ..errors import InvalidArgumentError
    from ..io.loader import read_log
    from ..io.mapfile import map_path, read_column_map, write_column_map

    current = read_column_map(args.log)
    path = map_path(args.log)
    if not args.pairs and not args.remove:
        if not current:
            print(f'{path} does not exist: no headers mapped. Add one: infoview map {args.log} '
                  '"Their header=column".')  # fmt: skip
            return EXIT_OK
        print(f"{path}:")
        for header, column in current.items():
            print(f"  {header} -> {column}")
        return EXIT_OK
    keys = {normalize_header(h): h for h in current}
    for header in args.remove:
        if normalize_header(header) not in keys:
            msg = (
                f"{path} does not map the header {header!r}; it maps {list(current)[:10]}. "
                "Pass one of these to --remove."
            )
            raise InvalidArgumentError(msg)
        del current[keys.pop(normalize_header(header))]
    for header, column in args.pairs:
        old = keys.pop(normalize_header(header), None)
        if old is not None:
            del current[old]
        current[header] = column
        keys[normalize_header(header)] = header
    # Check the new map on the log itself before writing it (an error leaves the file as it was).
    read_log(args.log, sheet=sheet_arg(args.sheet), columns=current or None, use_map_file=False)
    write_column_map(args.log, current)
    if current:
        print(f"Wrote {path} ({len(current)} header(s) mapped); {args.log} is unchanged.")
    else:
        print(f"Removed {path} (no headers mapped any more); {args.log} is unchanged.")
    result = read_log(args.log, sheet=sheet_arg(args.sheet))
    summary = result.summary().split("\n\n")
    print(next(part for part in summary if part.startswith("Columns")))
    return EXIT_OK
