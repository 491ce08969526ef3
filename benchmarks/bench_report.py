"""Benchmark of the advisor report: computing the tables vs drawing and writing the files.

``build_report`` computes every table once and then draws each chart once; the
report's time should be dominated by drawing. This script times, per log:

* ``tables``: :func:`infoview_analytics.report.compute_tables` (+ the per-student
  tables of a cohort), i.e. all the analyses the report needs;
* ``report``: the whole ``build_report`` with every format (png, svg, pdf, xlsx, csv);
* ``drawing + files``: the difference.

Logs: the bundled sample (50 rows), a 10,000-row log of one student and a
10,000-row cohort of 20 students (``benchmarks/generate.py``). Run
``python benchmarks/bench_report.py [--rows 10000] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd

import infoview_analytics as iv
from benchmarks.generate import make_cohort_log
from infoview_analytics.core.args import as_of_timestamp
from infoview_analytics.io.loader import read_log
from infoview_analytics.report.build import build_report
from infoview_analytics.report.computing import compute_tables, student_tables

AS_OF = "2026-04-17"
FORMATS = ("png", "svg", "pdf", "xlsx", "csv")


def _best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _generated(rows: int, owners: int, folder: Path) -> pd.DataFrame:
    path = folder / f"log_{rows}_{owners}.csv"
    make_cohort_log(rows, n_owners=owners).to_csv(path, index=False)
    return read_log(path, as_of=AS_OF).log


def bench(name: str, log: pd.DataFrame, folder: Path, repeat: int) -> dict[str, object]:
    stamp = as_of_timestamp(AS_OF)

    def tables() -> None:
        compute_tables(log, as_of=stamp)
        student_tables(log, as_of=stamp)

    counter = iter(range(10**6))

    def report() -> None:
        build_report(log, folder / f"{name}-{next(counter)}", as_of=AS_OF, formats=FORMATS)

    t_tables = _best(tables, repeat)
    t_report = _best(report, repeat)
    return {
        "log": name,
        "rows": len(log),
        "tables_s": round(t_tables, 2),
        "report_s": round(t_report, 2),
        "drawing_and_files_s": round(t_report - t_tables, 2),
        "drawing_share": f"{(t_report - t_tables) / t_report:.0%}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Warm-up: import scipy, networkx and matplotlib once, outside the timings.
        build_report(iv.example_log(), folder / "warm-up", as_of=AS_OF, formats=FORMATS)
        logs = {
            "sample": iv.example_log(),
            f"{args.rows} rows, 1 student": _generated(args.rows, 1, folder),
            f"{args.rows} rows, 20 students": _generated(args.rows, 20, folder),
        }
        rows = [bench(name, log, folder, args.repeat) for name, log in logs.items()]
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()
