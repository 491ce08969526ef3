"""Benchmark: ``infoview report`` against plain matplotlib drawing as many charts, side by side.

The floor is what any report of N charts costs: plain matplotlib drawing N
simple bar charts, each saved as PNG at 200 dpi, as SVG and as a page of one
PDF, in a fresh Python process (imports included, as for the command). The
report is ``infoview report`` on the bundled 50-row sample with every format
(png, svg, pdf, xlsx, csv), also in a fresh process. Both run alternately in
the same run, ``--repeat`` times each, and the medians are compared; the
target is report / floor <= 1.2. Then the cohort report is timed with 5, 10
and 20 students (the sample log once per student, in this process, after a
warm-up): the seconds per student should stay flat (linear growth).

Run ``python benchmarks/bench_report_floor.py [--repeat 3] [--no-cohort]``;
``INFOVIEW_REPORT_WORKERS=1`` measures the report drawn in one process.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AS_OF = "2026-04-17"
SAMPLE = ROOT / "data" / "sample_log.xlsx"

FLOOR = """
import sys
from pathlib import Path
from matplotlib.figure import Figure
from matplotlib.backends.backend_pdf import PdfPages

out, n = Path(sys.argv[1]), int(sys.argv[2])
with PdfPages(out / "floor.pdf") as pdf:
    for i in range(n):
        fig = Figure(figsize=(9.0, 5.5))
        ax = fig.subplots()
        ax.bar(["email", "linkedin", "phone", "in person"], [22 + i, 6, 2, 3])
        ax.set_title(f"Chart {i}")
        fig.savefig(out / f"chart{i}.png", dpi=200)
        fig.savefig(out / f"chart{i}.svg")
        pdf.savefig(fig)
"""


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``cmd`` (CPU: the process and every child it waited for)."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def floor_vs_report(repeat: int, folder: Path) -> dict[str, float]:
    exe = str(Path(sys.executable).with_name("infoview"))
    report_cmd = [exe] if Path(exe).exists() else [sys.executable, "-m", "infoview_analytics"]
    report_cmd += ["report", str(SAMPLE), "--as-of", AS_OF, "--force"]
    # How many charts the report draws: count them once (also the warm-up of the disk cache).
    _run([*report_cmd, "--out", str(folder / "count")])
    n = len(list((folder / "count" / "charts").glob("*.png")))
    floors, reports = [], []
    for i in range(repeat):
        (folder / f"floor{i}").mkdir()
        floors.append(_run([sys.executable, "-c", FLOOR, str(folder / f"floor{i}"), str(n)]))
        reports.append(_run([*report_cmd, "--out", str(folder / f"report{i}")]))
    floor = statistics.median(t[0] for t in floors)
    report = statistics.median(t[0] for t in reports)
    floor_cpu = statistics.median(t[1] for t in floors)
    report_cpu = statistics.median(t[1] for t in reports)
    return {
        "charts": n,
        "floor_s": floor,
        "report_s": report,
        "ratio": report / floor,
        "floor_cpu": floor_cpu,
        "report_cpu": report_cpu,
        "cpu_ratio": report_cpu / floor_cpu,
    }


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (the chart worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def cohort(folder: Path) -> list[dict[str, float]]:
    import pandas as pd

    import infoview_analytics as iv
    from infoview_analytics.report.build import build_report

    sample = iv.example_log()

    def log(students: int) -> pd.DataFrame:
        return pd.concat(
            [sample.assign(owner=f"Student {k:02d}") for k in range(students)], ignore_index=True
        )

    build_report(log(2), folder / "warm-up", as_of=AS_OF, formats=["pdf", "png", "svg"])
    rows = []
    for students in (5, 10, 20):
        frame = log(students)
        start, cpu = time.perf_counter(), _cpu()
        build_report(frame, folder / f"cohort{students}", as_of=AS_OF, formats=["pdf", "png"])
        took, cpu = time.perf_counter() - start, _cpu() - cpu
        rows.append(
            {"students": students, "seconds": took, "per_student": took / students, "cpu": cpu}
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-cohort", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        r = floor_vs_report(args.repeat, folder)
        print(
            f"sample report: {r['report_s']:.1f} s; plain matplotlib, {r['charts']:.0f} charts "
            f"(PNG 200 dpi + SVG + PDF page): {r['floor_s']:.1f} s; "
            f"ratio {r['ratio']:.2f} (target <= 1.2)"
        )
        print(
            f"CPU time: report {r['report_cpu']:.1f} s, floor {r['floor_cpu']:.1f} s; "
            f"ratio {r['cpu_ratio']:.2f}"
        )
        if not args.no_cohort:
            for row in cohort(folder):
                print(
                    f"cohort of {row['students']:.0f} students: {row['seconds']:.1f} s "
                    f"({row['per_student']:.2f} s per student); CPU {row['cpu']:.1f} s"
                )


if __name__ == "__main__":
    main()
