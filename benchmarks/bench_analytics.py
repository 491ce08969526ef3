"""Benchmark: every analysis on a cohort log, against the load floor; `infoview check` start-up.

Measures (issue 3, section 8):

* ``analyses``: all the analyses together (no charts) on the 1,000,000-row
  cohort log (as ``load_log`` returns it), against the *load floor*
  (``pandas.read_csv`` of the same file, ``to_datetime`` on the date columns,
  categoricals): target <= 2x;
* ``linearity``: the same at 500,000 rows; 1M / 500k time: target <= 2.2x;
* ``referrals``: ``referral_chains`` + ``referral_summary`` alone at 500k and
  1M (~300,000 referral links at 1M);
* ``check``: wall time of ``infoview check`` on the sample log against
  ``python -c "import pandas"``, best of 5: target <= 2x.

Run: ``python benchmarks/bench_analytics.py [--rows 1000000] [--repeat 1]``.
The logs come from ``benchmarks/generate.py`` (cached in ``benchmarks/_data/``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import cached_csv  # noqa: E402

import infoview_analytics as iv  # noqa: E402
from infoview_analytics.core.schema import CATEGORIES, DATE_COLUMNS  # noqa: E402
from infoview_analytics.io.loader import read_log  # noqa: E402

AS_OF = "2026-04-17"
SAMPLE = ROOT / "data" / "sample_log.xlsx"


def load_floor(path: Path) -> pd.DataFrame:
    """The least any loader must do: read the CSV, parse dates, make categoricals."""
    log = pd.read_csv(path)
    for col in DATE_COLUMNS:
        log[col] = pd.to_datetime(log[col], format="ISO8601")
    for col, values in CATEGORIES.items():
        log[col] = pd.Categorical(log[col], categories=values)
    return log


def analyses(log: pd.DataFrame) -> dict[str, Callable[[], object]]:
    """Every analysis of issue 3, as named calls on ``log``."""
    return {
        "response_rates by channel": lambda: iv.response_rates(log, by="channel", as_of=AS_OF),
        "response_rates by warmth": lambda: iv.response_rates(log, by="warmth", as_of=AS_OF),
        "response_rates by owner": lambda: iv.response_rates(log, by="owner", as_of=AS_OF),
        "funnel": lambda: iv.funnel(log, as_of=AS_OF),
        "activity": lambda: iv.activity(log, as_of=AS_OF),
        "time_to_response by channel": lambda: iv.time_to_response(log, by="channel", as_of=AS_OF),
        "response_time_summary": lambda: iv.response_time_summary(log, as_of=AS_OF),
        "classify_contacts": lambda: iv.classify_contacts(log, as_of=AS_OF),
        "follow_ups_due": lambda: iv.follow_ups_due(log, as_of=AS_OF),
        "thank_you_timeliness": lambda: iv.thank_you_timeliness(log),
        "meeting_discipline": lambda: iv.meeting_discipline(log),
        "referral_chains": lambda: iv.referral_chains(log, as_of=AS_OF),
        "referral_summary": lambda: iv.referral_summary(log, as_of=AS_OF),
        "coverage by owner+field": lambda: iv.coverage(log, by=["owner", "field"], as_of=AS_OF),
        "perspective_matrix": lambda: iv.perspective_matrix(log, as_of=AS_OF),
        "cohort_summary": lambda: iv.cohort_summary(log, as_of=AS_OF),
    }


def _time(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run_fresh(sizes: list[int], *, repeat: int = 1) -> dict[int, dict[str, float]]:
    """:func:`run_here` once per size in a fresh process, the sizes in turn in each repetition.

    Fresh processes, as for the other benchmarks: a process that already held
    the 500k log and its results ran the 1M analyses ~10-15% slower (measured:
    2.41x growth in one process, 2.10x in fresh ones on the same machine) --
    the allocator, not the analyses. Taking the sizes in turn means a slow
    spell of a shared machine hits them alike. Best of ``repeat`` for each
    size (the floor's best is kept apart from the analyses' best).
    """
    best: dict[int, dict[str, float]] = {}
    for _ in range(repeat):
        for rows in sizes:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(rows)],
                capture_output=True,
                text=True,
                check=True,
            )
            got = json.loads(done.stdout.strip().splitlines()[-1])
            floor = min(got["floor"], best.get(rows, got)["floor"])
            if rows not in best or got["total"] < best[rows]["total"]:
                best[rows] = got
            best[rows]["floor"] = floor
    return best


def run_here(rows: int) -> dict[str, float]:
    """Seconds for the load floor, each analysis, and all analyses, on ``rows`` rows."""
    # scipy and networkx are imported on first use; import them before timing so the
    # first analysis measured does not carry a one-off second of imports.
    import networkx  # noqa: F401
    import scipy.stats  # noqa: F401

    path = cached_csv(rows)
    floor = _time(lambda: load_floor(path))
    # The analyses take the canonical log, as users get it from load_log (dates at
    # midnight in datetime64[ns], categories), not the floor's raw frame; the
    # generator's deliberate problems are read without warnings.
    log = read_log(path, as_of=AS_OF).log
    # The analyses run one after the other on one prepared log, as in a notebook or a
    # report; the preparing is timed with the first analysis that needs each step.
    prepared = iv.prepare(log, as_of=AS_OF)
    times = {name: _time(fn) for name, fn in analyses(prepared).items()}
    return {"floor": floor, "total": sum(times.values()), **times}


def run_referrals(rows: int, *, repeat: int = 1) -> float:
    log = load_floor(cached_csv(rows))
    links = int(log["referred_by"].notna().sum())

    def both() -> None:
        prepared = iv.prepare(log, as_of=AS_OF)
        iv.referral_chains(prepared)
        iv.referral_summary(prepared, by="owner")

    t = _time(both, repeat)
    print(f"  referrals on {rows:,} rows ({links:,} links): {t:.2f} s")
    return t


def run_check(repeat: int = 5) -> tuple[float, float]:
    """Best-of-``repeat`` wall times: `import pandas` and `infoview check` on the sample."""
    python = sys.executable

    def wall(args: list[str]) -> float:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(args, cwd=ROOT, capture_output=True, check=False)
            best = min(best, time.perf_counter() - start)
        return best

    pandas_time = wall([python, "-c", "import pandas"])
    check_time = wall([python, "-m", "infoview_analytics", "check", str(SAMPLE), "--as-of", AS_OF])
    return pandas_time, check_time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-linearity", action="store_true")
    parser.add_argument("--one", type=int, help="measure one size once, print JSON (internal)")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_here(args.one)))
        return 0

    ok = True
    half = args.rows // 2
    sizes = [args.rows] if args.skip_linearity else [half, args.rows]
    measured = run_fresh(sizes, repeat=args.repeat)
    for rows in sizes:
        print(f"analyses on {rows:,} rows")
        for name, t in measured[rows].items():
            if name not in ("floor", "total"):
                print(f"  {name:<30} {t:7.2f} s")
        print(f"  {'all analyses':<30} {measured[rows]['total']:7.2f} s  "
              f"(load floor {measured[rows]['floor']:.2f} s)")  # fmt: skip
    full = measured[args.rows]
    ratio = full["total"] / full["floor"]
    ok &= ratio <= 2.0
    print(f"analyses / load floor: {ratio:.2f}x (target <= 2x)")
    if not args.skip_linearity:
        growth = full["total"] / measured[half]["total"]
        ok &= growth <= 2.2
        print(f"{args.rows:,} / {half:,} rows: {growth:.2f}x (target <= 2.2x)")
        r_small = run_referrals(half, repeat=args.repeat)
        r_full = run_referrals(args.rows, repeat=args.repeat)
        print(f"referrals {args.rows:,} / {half:,} rows: {r_full / r_small:.2f}x")
    pandas_time, check_time = run_check()
    print(
        f"infoview check on the sample: {check_time:.2f} s vs import pandas "
        f"{pandas_time:.2f} s: {check_time / pandas_time:.2f}x (target <= 2x)"
    )
    ok &= check_time / pandas_time <= 2.0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
