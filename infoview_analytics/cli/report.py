"""``infoview report``: the advisor report (charts, a PDF and the tables) written to a folder."""

from __future__ import annotations

import argparse

from ._common import EXIT_OK, Subparsers, add_as_of, add_log, add_map, map_arg

__all__: list[str] = []

_FORMATS = ("png", "svg", "pdf", "html", "xlsx", "csv")


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "report",
        help="write the advisor report: charts, a PDF and the summary tables",
        description="Compute every analysis of LOG and write the charts (PNG, SVG), one PDF "
        "with a caption per chart, the same as one web page (HTML), and the tables (xlsx, CSV) "
        "into the folder DIR "
        "(exit 0: written, 2: the log cannot be read or DIR exists).",
    )
    add_log(p)
    p.add_argument("--out", metavar="DIR", required=True, help="the report folder to create")
    p.add_argument(
        "--anonymize",
        action="store_true",
        help="replace names by pseudonyms and leave out emails, phones, URLs and notes",
    )
    add_as_of(p)
    add_map(p)
    p.add_argument(
        "--format",
        dest="formats",
        nargs="+",
        choices=_FORMATS,
        default=list(_FORMATS),
        metavar="FORMAT",
        help=f"what to write, any of {' '.join(_FORMATS)} (default: all)",
    )
    p.add_argument("--title", default=None, help="the report title (default: a generic one)")
    p.add_argument("--force", action="store_true", help="replace DIR if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the report and list what was written where."""
    from ..io.loader import read_log
    from ..report.build import build_report

    result = read_log(args.log, columns=map_arg(args.mapping), as_of=args.as_of)
    out = build_report(
        result.log,
        args.out,
        as_of=args.as_of,
        anonymize=args.anonymize,
        formats=args.formats,
        title=args.title,
        force=args.force,
    )
    if len(result.problems):
        print(f"Note: {len(result.problems)} problems in {args.log}; see `infoview validate`.")
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    print(f"Wrote the report ({len(files)} files) to {out}:")
    for name in ("report.pdf", "report.html", "tables.xlsx"):
        if name in files:
            print(f"  {out / name}")
    for folder, what in (("charts", "chart"), ("tables", "CSV")):
        count = sum(f.startswith(folder + "/") for f in files)
        if count:
            print(f"  {out / folder}/ ({count} {what} files)")
    return EXIT_OK
