"""The ``infoview check`` command: coverage per field and the follow-ups due (private).

Kept out of ``cli.py`` so the command layer stays thin. Only pandas-level
modules are imported here (no matplotlib, scipy or networkx), so the command
starts about as fast as ``import pandas``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import pandas as pd

from ..analysis.fields import NO_FIELD, coverage

__all__: list[str] = []

#: Columns shown by the table format (the csv and json formats carry all columns).
_TABLE_COVERAGE = ["field", "interviewed", "scheduled", "pending", "status", "to_minimum", "note"]
_TABLE_FOLLOW_UPS = ["action", "contact", "organization", "due_since", "overdue", "reason"]


def run_check(args: argparse.Namespace) -> int:
    """Run ``infoview check``; return 0 when every field meets the minimum, else 1."""
    from ..analysis.followups import follow_ups_due
    from ..io.loader import read_log
    from .main import EXIT_FINDINGS, EXIT_OK

    sheet: str | int | None = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    result = read_log(args.log, sheet=sheet, as_of=args.as_of)
    as_of = result.as_of
    cov = coverage(result.log, minimum=args.minimum, target=args.target, as_of=as_of)
    todo = follow_ups_due(result.log, as_of=as_of)
    fields = cov[cov["field"] != NO_FIELD]
    short = bool(len(fields) == 0 or (fields["status"] == "below_minimum").any())

    if args.format == "json":
        doc = {
            "as_of": as_of.date().isoformat(),
            "minimum": args.minimum,
            "target": args.target,
            "problems": len(result.problems),
            "coverage": _records(cov),
            "follow_ups": _records(todo),
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2, default=_plain))
    elif args.format == "csv":
        sys.stdout.write(_dates_iso(cov).to_csv(index=False, lineterminator="\n"))
        sys.stdout.write("\n")
        sys.stdout.write(_dates_iso(todo).to_csv(index=False, lineterminator="\n"))
    else:
        print(_table_text(cov, todo, args, as_of, short))
    if len(result.problems):
        print(
            f"infoview: {len(result.problems)} problem(s) in the log; "
            f"run `infoview validate {args.log}` to see them.",
            file=sys.stderr,
        )
    return EXIT_FINDINGS if short else EXIT_OK


def _table_text(
    cov: pd.DataFrame,
    todo: pd.DataFrame,
    args: argparse.Namespace,
    as_of: pd.Timestamp,
    short: bool,
) -> str:
    lines = [
        f"Coverage per field as of {as_of.date().isoformat()} "
        f"(minimum {args.minimum}, target {args.target} interviews)",
        "",
    ]
    if len(cov):
        lines.append(_text_table(cov[_TABLE_COVERAGE]))
    else:
        lines.append("No rows in the log.")
    below = cov[(cov["field"] != NO_FIELD) & (cov["status"] == "below_minimum")]
    if len(below):
        lines += ["", f"{len(below)} field(s) below the minimum: " + ", ".join(below["field"])]
    elif short:
        lines += ["", "No field in the log yet: fill the Field column."]
    overdue = int(todo["overdue"].sum()) if len(todo) else 0
    lines += ["", f"Follow-ups due: {len(todo)} ({overdue} overdue)", ""]
    if len(todo):
        lines.append(_text_table(_dates_iso(todo[_TABLE_FOLLOW_UPS])))
    else:
        lines.append("Nothing due.")
    return "\n".join(lines)


def _text_table(table: pd.DataFrame) -> str:
    """Plain-text table: text left-aligned, numbers right-aligned, two spaces apart."""
    columns = []
    for col in table.columns:
        values = table[col]
        text = values.astype(object).where(values.notna(), "").astype(str)
        width = max([len(str(col)), *text.str.len().tolist()])
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        pad = str.rjust if numeric else str.ljust
        columns.append([pad(str(col), width), *(pad(t, width) for t in text)])
    return "\n".join("  ".join(cells).rstrip() for cells in zip(*columns, strict=True))


def _dates_iso(table: pd.DataFrame) -> pd.DataFrame:
    """Date columns as YYYY-MM-DD text (missing stays missing)."""
    out = table.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object)
            out[col] = out[col].where(table[col].notna(), None)
    return out


def _records(table: pd.DataFrame) -> list[dict[str, Any]]:
    shown = _dates_iso(table).astype(object)
    return shown.where(shown.notna(), None).to_dict("records")


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers for json."""
    if hasattr(value, "item"):
        return value.item()
    return str(value)
