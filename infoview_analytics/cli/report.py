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
        "(exit 0: written, 2: the log cannot be read, DIR exists, or DIR is the log, holds it "
        "or is a folder of your own files).",
    )
    add_log(p)
    p.add_argument("--out", metavar="DIR", required=True, help="the report folder to create")
    p.add_argument(
        "--anonymize",
        action="store_true",
        help="make a report to share: people, students, organisations and any other text "
        "of yours become pseudonyms, emails, phones, URLs and notes are left out, and a "
        "cohort report shows no figure about fewer than --min-group-size students",
    )
    p.add_argument(
        "--keep-organizations",
        action="store_true",
        help="with --anonymize: keep organisation names as written (by default they are "
        "pseudonyms, as an employer can identify a person in a small log); the report's "
        "title page says so",
    )
    p.add_argument(
        "--min-group-size",
        type=int,
        default=None,
        metavar="K",
        help="with --anonymize: the fewest students a figure of a cohort report may describe "
        "(default 5; 1 shows every figure, per student too)",
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
    p.add_argument(
        "--force",
        action="store_true",
        help="replace DIR if it is a report written by infoview (a folder holding other "
        "files, the log or the current folder is never replaced)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build the report and list what was written where."""
    from ..io.export import REPORT_MARKER, check_report_folder
    from ..io.loader import read_log
    from ..io.mapfile import map_path
    from ..report.build import build_report

    inputs = [args.log, map_path(args.log)]
    # Refuse a wrong --out before reading the log, so it costs nothing.
    check_report_folder(args.out, inputs=inputs, force=args.force)
    result = read_log(args.log, columns=map_arg(args.mapping), as_of=args.as_of)
    out = build_report(
        result.log,
        args.out,
        as_of=args.as_of,
        anonymize=args.anonymize,
        formats=args.formats,
        title=args.title,
        force=args.force,
        keep_organizations=args.keep_organizations,
        min_group_size=args.min_group_size,
        inputs=inputs,
    )
    if len(result.problems):
        print(f"Note: {len(result.problems)} problems in {args.log}; see `infoview validate`.")
    if args.anonymize:
        print(
            "Anonymized: what became a pseudonym, was left out or hidden (groups of fewer "
            "than the minimum of students) is on the title page and in the privacy table."
        )
    files = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.name != REPORT_MARKER
    )
    print(f"Wrote the report ({len(files)} files) to {out}:")
    for name in ("report.pdf", "report.html", "tables.xlsx"):
        if name in files:
            print(f"  {out / name}")
    for folder, what in (("charts", "chart"), ("tables", "CSV")):
        count = sum(f.startswith(folder + "/") for f in files)
        if count:
            print(f"  {out / folder}/ ({count} {what} files)")
    return EXIT_OK
