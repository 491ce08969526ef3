"""The ``infoview`` command: a thin layer over the library functions.

Exit statuses: 0 all good, 1 the check found something to act on (problems in
the log, a field below the minimum), 2 the input cannot be read or the
arguments are wrong (one line on stderr, never a traceback).

Heavy libraries are imported inside the commands that need them, so that
``infoview validate`` and ``infoview check`` start about as fast as pandas.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from ..errors import InfoviewError

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one short line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _add_as_of(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as-of",
        metavar="DATE",
        default=None,
        help="date the figures are computed for, e.g. 2026-04-17 (default: today)",
    )


# ---------------------------------------------------------------- validate
def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="read a log and list what could not be understood",
        description="Read LOG, show which header became which column, and list the problems "
        "(exit 0: none, 1: some, 2: the file cannot be read).",
    )
    p.add_argument("log", metavar="LOG", help="the interview log (.xlsx, .xls, .ods, .csv, .tsv)")
    p.add_argument(
        "--sheet", default=None, help="sheet name or 0-based index (default: first log)"
    )
    _add_as_of(p)
    p.add_argument(
        "--dayfirst",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read ambiguous dates as day/month (default: decided per column)",
    )
    p.set_defaults(run=_run_validate)


def _run_validate(args: argparse.Namespace) -> int:
    from ..io.loader import read_log

    sheet: str | int | None = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    result = read_log(args.log, sheet=sheet, as_of=args.as_of, dayfirst=args.dayfirst)
    print(result.summary())
    return EXIT_FINDINGS if len(result.problems) else EXIT_OK


# ---------------------------------------------------------------- template
def _add_template(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "template",
        help="write a blank log to fill in (xlsx with drop-downs)",
        description="Write a blank interview log as an xlsx with drop-down lists, date formats "
        "and an About sheet explaining each column.",
    )
    p.add_argument("out", metavar="OUT.xlsx", help="where to write the template")
    p.add_argument("--force", action="store_true", help="overwrite OUT.xlsx if it exists")
    p.set_defaults(run=_run_template)


def _run_template(args: argparse.Namespace) -> int:
    from ..io.template import write_template

    path = write_template(args.out, overwrite=args.force)
    print(f"Wrote a blank interview log to {path}")
    return EXIT_OK


# ---------------------------------------------------------------- check
def _add_check(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="coverage per field and the follow-ups due",
        description="Read LOG, show the interviews per field against the minimum and target, "
        "and the follow-ups due (exit 0: every field meets the minimum, 1: a field does not "
        "or the log has no field yet, 2: the file cannot be read). With --format csv the "
        "coverage table, a blank line, then the follow-ups table; with --format json an object "
        'with "coverage" and "follow_ups" lists (dates as YYYY-MM-DD).',
    )
    p.add_argument("log", metavar="LOG", help="the interview log (.xlsx, .xls, .ods, .csv, .tsv)")
    p.add_argument(
        "--minimum", type=int, default=3, help="interviews a field needs at least (default: 3)"
    )
    p.add_argument(
        "--target", type=int, default=5, help="interviews a field needs ideally (default: 5)"
    )
    _add_as_of(p)
    p.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="output format (default: table)",
    )
    p.add_argument(
        "--sheet", default=None, help="sheet name or 0-based index (default: first log)"
    )
    p.set_defaults(run=_run_check)


def _run_check(args: argparse.Namespace) -> int:
    from .check import run_check

    return run_check(args)


# ---------------------------------------------------------------- import-linkedin
def _add_import_linkedin(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
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
    _add_as_of(p)
    p.add_argument("--force", action="store_true", help="overwrite OUT.xlsx if it exists")
    p.set_defaults(run=_run_import_linkedin)


def _run_import_linkedin(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import InvalidArgumentError, ReportExistsError
    from ..io.linkedin.reader import read_linkedin
    from ..io.template import write_log

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
    result = read_linkedin(
        args.export, since=args.since, asked_only=args.asked_only, as_of=args.as_of
    )
    print(result.summary())
    rows = result.problems[result.problems["row"].notna()]
    for item in rows.head(10).itertuples(index=False):
        print(f"  {item.file} row {item.row}: {item.problem}")
    if len(rows) > 10:
        print(f"  ... and {len(rows) - 10} more rows skipped or to check")
    log = result.log
    if args.merge is not None:
        from ..io.loader import read_log
        from ..io.merge import merge_logs

        existing = read_log(args.merge, as_of=args.as_of)
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


# ---------------------------------------------------------------- report
_REPORT_FORMATS = ("png", "svg", "pdf", "xlsx", "csv")


def _add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write the advisor report: charts, a PDF and the summary tables",
        description="Compute every analysis of LOG and write the charts (PNG, SVG), one PDF "
        "with a caption per chart, and the tables (xlsx, CSV) into the folder DIR "
        "(exit 0: written, 2: the log cannot be read or DIR exists).",
    )
    p.add_argument("log", metavar="LOG", help="the interview log (.xlsx, .xls, .ods, .csv, .tsv)")
    p.add_argument("--out", metavar="DIR", required=True, help="the report folder to create")
    p.add_argument(
        "--anonymize",
        action="store_true",
        help="replace names by pseudonyms and leave out emails, phones, URLs and notes",
    )
    _add_as_of(p)
    p.add_argument(
        "--format",
        dest="formats",
        nargs="+",
        choices=_REPORT_FORMATS,
        default=list(_REPORT_FORMATS),
        metavar="FORMAT",
        help=f"what to write, any of {' '.join(_REPORT_FORMATS)} (default: all)",
    )
    p.add_argument("--title", default=None, help="the report title (default: a generic one)")
    p.add_argument("--force", action="store_true", help="replace DIR if it exists")
    p.set_defaults(run=_run_report)


def _run_report(args: argparse.Namespace) -> int:
    from ..io.loader import read_log
    from ..report.build import build_report

    result = read_log(args.log, as_of=args.as_of)
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
    for name in ("report.pdf", "tables.xlsx"):
        if name in files:
            print(f"  {out / name}")
    for folder, what in (("charts", "chart"), ("tables", "CSV")):
        count = sum(f.startswith(folder + "/") for f in files)
        if count:
            print(f"  {out / folder}/ ({count} {what} files)")
    return EXIT_OK


# Commands in the order `infoview --help` lists them.
_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_validate,
    _add_template,
    _add_check,
    _add_import_linkedin,
    _add_report,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``infoview`` (also used to render --help in docs)."""
    parser = _ArgumentParser(
        prog="infoview",
        description="Analyse an informational-interview log: response rates, referral chains, "
        "coverage of fields, and a report for a career advisor.",
    )
    from importlib.metadata import version

    __version__ = version("infoview-analytics")

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_ArgumentParser)
    sub.required = True
    for add in _COMMANDS:
        add(sub)
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
        text = str(exc) if isinstance(exc, InfoviewError) else _os_error_text(exc)
        print(f"infoview: error: {text}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("infoview: interrupted", file=sys.stderr)
        return 130


def _os_error_text(exc: OSError) -> str:
    where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
    reason = exc.strerror or str(exc)
    return f"cannot access{where}: {reason}. Check the path and your permissions."
