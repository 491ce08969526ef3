"""``infoview import-linkedin``: a log from a LinkedIn data export, merged into yours if asked."""

from __future__ import annotations

import argparse

from ._common import EXIT_OK, Subparsers, add_as_of, add_map, map_arg

__all__: list[str] = []

#: Rows of the export listed one by one (skipped or to check); the rest are counted.
_ROWS_SHOWN = 10


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "import-linkedin",
        help="turn a LinkedIn data export into a log (xlsx), optionally merged into yours",
        description="Read a LinkedIn data export (the .zip from 'Get a copy of your data', or "
        "its folder): outgoing invitations and conversations you started become requests, "
        "acceptances and replies their answers, other connections prospects. Write the log "
        "as a new xlsx in the template's layout. With --merge, a copy of your log gets the "
        "new people and its empty cells filled; your file is never modified.",
    )
    p.add_argument("export", metavar="EXPORT", help="the LinkedIn export (.zip or folder)")
    p.add_argument("--out", required=True, metavar="OUT.xlsx", help="the new log to write")
    p.add_argument(
        "--merge", metavar="LOG", default=None, help="your existing log to merge into (read only)"
    )
    p.add_argument(
        "--since", metavar="DATE", default=None, help="ignore requests before this date"
    )
    p.add_argument(
        "--asked-only", action="store_true", help="leave out connections you never asked"
    )
    add_as_of(p)
    add_map(p)
    p.add_argument("--force", action="store_true", help="overwrite OUT.xlsx if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the export, merge it into a copy of --merge if given, write --out."""
    from pathlib import Path

    from ..errors import InvalidArgumentError, ReportExistsError
    from ..io.export import check_output
    from ..io.linkedin.reader import read_linkedin
    from ..io.mapfile import map_path
    from ..io.template import write_log

    # Refuse before reading the export, so a wrong --out costs nothing.
    out = Path(args.out)
    if out.exists() and not args.force:
        msg = f"{out} exists already. Choose another --out, or pass --force to replace it."
        raise ReportExistsError(msg)
    if args.merge is not None and out.resolve() == Path(args.merge).resolve():
        msg = (
            f"--out must name a new file, but it is the log given to --merge ({args.merge}); "
            "your log is never modified. Choose another --out."
        )
        raise InvalidArgumentError(msg)
    inputs = [args.export]
    if args.merge is not None:
        inputs += [args.merge, map_path(args.merge)]
    check_output(out, inputs)
    if out.is_dir():
        msg = f"--out {out} is a folder; name the new log file, e.g. --out {out / 'log.xlsx'}."
        raise InvalidArgumentError(msg)
    if args.mapping and args.merge is None:
        msg = "--map names headers of the log given to --merge; pass --merge LOG as well."
        raise InvalidArgumentError(msg)
    result = read_linkedin(
        args.export, since=args.since, asked_only=args.asked_only, as_of=args.as_of
    )
    print(result.summary())
    # Problems of a whole file (e.g. which participant is you could not be told) first.
    for item in result.problems[result.problems["row"].isna()].itertuples(index=False):
        if str(item.problem) and item.file not in result.missing:
            print(f"  {item.file}: {item.problem}")
    rows = result.problems[result.problems["row"].notna()]
    for item in rows.head(_ROWS_SHOWN).itertuples(index=False):
        print(f"  {item.file} row {item.row}: {item.problem}")
    if len(rows) > _ROWS_SHOWN:
        print(f"  ... and {len(rows) - _ROWS_SHOWN} more rows skipped or to check")
    log = result.log
    if args.merge is not None:
        from ..io.loader import read_log
        from ..io.merge import merge_logs

        existing = read_log(args.merge, columns=map_arg(args.mapping), as_of=args.as_of)
        merged = merge_logs(existing.log, log)
        log = merged.log
        filled = merged.changes.loc[merged.changes["action"] == "filled", "column"]
        per_column = ", ".join(f"{n} {col}" for col, n in filled.value_counts().items())
        print(
            f"Merged into a copy of {args.merge}: {merged.added} people added, "
            f"{merged.filled} empty cells filled{f' ({per_column})' if per_column else ''}."
        )
    path = write_log(log, out, overwrite=args.force)
    print(f"Wrote {len(log)} people to {path}")
    return EXIT_OK
