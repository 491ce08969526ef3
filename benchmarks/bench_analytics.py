"""Benchmark: every analysis on a cohort log, against the load floor; `infoview check` start-up.

Measures (issue 3, section 8):

* ``analyses``: all the analyses together (no charts) on the 1,000,000-row
  cohort log (as ``load_log`` returns it), against the *load floor*
  (``pandas.read_csv`` of the same file, ``to_datetime`` on the date columns,
  categoricals): target <= 2x;
* ``linearity``: the same at 500,000 rows; 1M / 500k time: target <= 2.2x;
* both on each cohort shape of ``generate.SHAPES`` (``--shape``) and with
  pandas' strings stored by Python and by pyarrow (``--storage``): with
  pyarrow the analyses must be no slower than without it;
* ``referrals``: ``referral_chains`` + ``referral_summary`` alone at 500k and
  1M (~300,000 referral links at 1M);
* ``check``: wall time of ``infoview check`` and of ``infoview plan`` on the
  sample log against ``python -c "import pandas"``, best of 5: target <= 2x.

Run: ``python benchmarks/bench_analytics.py [--rows 1000000] [--repeat 1]
[--shape cohort|messy|all] [--storage python|pyarrow|all]``.
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

from generate import SHAPES, cached_csv  # noqa: E402

import infoview_analytics as iv  # noqa: E402
from infoview_analytics.core.schema import CATEGORIES, DATE_COLUMNS  # noqa: E402
from infoview_analytics.io.loader import read_log  # noqa: E402

AS_OF = "2026-04-17"
SAMPLE = ROOT / "data" / "sample_log.xlsx"
#: What backs pandas' default string dtype (``mode.string_storage``).
STORAGES = ("python", "pyarrow")
#: "No slower with pyarrow": its total over the Python-storage total, with 5% for noise.
ARROW_TOLERANCE = 1.05


def load_floor(path: Path) -> pd.DataFrame:
    """The least any loader must do: read the CSV, parse dates, make categoricals."""
    log = pd.read_csv(path)
    for col in DATE_COLUMNS:
        log[col] = pd.to_datetime(log[col], format="ISO8601")
    for col, values in CATEGORIES.items():
        # The canonical categories, then any others as written (as load_log keeps them).
        found = pd.Categorical(log[col])
        others = [v for v in found.categories if v not in values]
        log[col] = found.set_categories([*values, *others])
    return log


def analyses(log: object) -> dict[str, Callable[[], object]]:
    """Every analysis of issue 3, as named calls on ``log`` (a log or a prepared log)."""
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
        "plan by owner+field": lambda: iv.plan(log, by=["owner", "field"], as_of=AS_OF),
        "next_people": lambda: iv.next_people(log, as_of=AS_OF),
    }


def _time(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


#: One measured configuration: rows, cohort shape, string storage.
Config = tuple[int, str, str]


def run_fresh(configs: list[Config], *, repeat: int = 1) -> dict[Config, dict[str, float]]:
    """:func:`run_here` once per configuration in a fresh process, in turn in each repetition.

    Fresh processes, as for the other benchmarks: a process that already held
    the 500k log and its results ran the 1M analyses ~10-15% slower (measured:
    2.41x growth in one process, 2.10x in fresh ones on the same machine) --
    the allocator, not the analyses. Taking the configurations in turn means a
    slow spell of a shared machine hits them alike. Best of ``repeat`` for
    each (the floor's best is kept apart from the analyses' best).
    """
    best: dict[Config, dict[str, float]] = {}
    for _ in range(repeat):
        for config in configs:
            rows, shape, storage = config
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(rows), "--shape", shape,
                 "--storage", storage],
                capture_output=True,
                text=True,
                check=True,
            )  # fmt: skip
            got = json.loads(done.stdout.strip().splitlines()[-1])
            floor = min(got["floor"], best.get(config, got)["floor"])
            if config not in best or got["total"] < best[config]["total"]:
                best[config] = got
            best[config]["floor"] = floor
    return best


def run_here(rows: int, shape: str = "cohort", storage: str = "python") -> dict[str, float]:
    """Seconds for the load floor, each analysis, and all analyses, on ``rows`` rows."""
    # Before anything builds a frame: the floor and the log get the same storage.
    pd.set_option("mode.string_storage", storage)
    # scipy and networkx are imported on first use; import them before timing so the
    # first analysis measured does not carry a one-off second of imports.
    import networkx  # noqa: F401
    import scipy.stats  # noqa: F401

    path = cached_csv(rows, shape=shape)
    floor = _time(lambda: load_floor(path))
    # The analyses take the canonical log, as users get it from load_log (dates at
    # midnight in datetime64[ns], categories), not the floor's raw frame; the
    # generator's deliberate problems are read without warnings.
    log = read_log(path, as_of=AS_OF).log
    # The analyses run one after the other on one prepared log, as in a notebook or a
    # report; the preparing is timed with the first analysis that needs each step.
    start = time.perf_counter()
    prepared = iv.prepare(log, as_of=AS_OF)
    times = {"prepare": time.perf_counter() - start}
    times |= {name: _time(fn) for name, fn in analyses(prepared).items()}
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
    times = run_startup(repeat)
    return times["import pandas"], times["check"]


def run_startup(repeat: int = 5) -> dict[str, float]:
    """Best-of-``repeat`` wall times of `import pandas`, `infoview check` and `infoview plan`.

    Taken in turn within each repetition, so that a slow spell of a shared machine
    hits them alike. The package's bytecode is compiled first, as pip does for
    pandas when it installs it: an editable install leaves that to the first
    import, and with ``PYTHONDONTWRITEBYTECODE`` set (as on this project's
    machines) every run would compile the package's ~100 modules again (0.3 s of
    CPU), which no installed copy does.
    """
    python = sys.executable
    subprocess.run(
        [python, "-m", "compileall", "-q", str(ROOT / "infoview_analytics")],
        cwd=ROOT, capture_output=True, check=True,
    )  # fmt: skip
    commands = {
        "import pandas": [python, "-c", "import pandas"],
        **{
            name: [python, "-m", "infoview_analytics", name, str(SAMPLE), "--as-of", AS_OF]
            for name in ("check", "plan")
        },
    }
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(repeat):
        for name, args in commands.items():
            start = time.perf_counter()
            subprocess.run(args, cwd=ROOT, capture_output=True, check=False)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--shape", choices=[*SHAPES, "all"], default="all")
    parser.add_argument("--storage", choices=[*STORAGES, "all"], default="all")
    parser.add_argument("--skip-linearity", action="store_true")
    parser.add_argument("--one", type=int, help="measure one size once, print JSON (internal)")
    args = parser.parse_args(argv)
    if args.one:
        shape = "cohort" if args.shape == "all" else args.shape
        storage = "python" if args.storage == "all" else args.storage
        print(json.dumps(run_here(args.one, shape, storage)))
        return 0

    ok = True
    half = args.rows // 2
    sizes = [args.rows] if args.skip_linearity else [half, args.rows]
    shapes = SHAPES if args.shape == "all" else (args.shape,)
    storages = STORAGES if args.storage == "all" else (args.storage,)
    configs = [(r, sh, st) for sh in shapes for st in storages for r in sizes]
    measured = run_fresh(configs, repeat=args.repeat)
    for rows, shape, storage in configs:
        got = measured[rows, shape, storage]
        print(f"analyses on {rows:,} rows, {shape} shape, {storage} strings")
        for name, t in got.items():
            if name not in ("floor", "total"):
                print(f"  {name:<30} {t:7.2f} s")
        print(f"  {'all analyses':<30} {got['total']:7.2f} s  (load floor {got['floor']:.2f} s)")
    for shape in shapes:
        for storage in storages:
            full = measured[args.rows, shape, storage]
            ratio = full["total"] / full["floor"]
            ok &= ratio <= 2.0
            print(f"{shape}, {storage}: analyses / load floor {ratio:.2f}x (target <= 2x)")
            if not args.skip_linearity:
                growth = full["total"] / measured[half, shape, storage]["total"]
                ok &= growth <= 2.2
                print(f"{shape}, {storage}: {args.rows:,} / {half:,} rows {growth:.2f}x "
                      "(target <= 2.2x)")  # fmt: skip
        if len(storages) == 2:
            arrow = measured[args.rows, shape, "pyarrow"]["total"]
            python = measured[args.rows, shape, "python"]["total"]
            ok &= arrow / python <= ARROW_TOLERANCE
            print(f"{shape}: pyarrow / python strings {arrow / python:.2f}x "
                  f"(target <= {ARROW_TOLERANCE}x)")  # fmt: skip
    if not args.skip_linearity:
        r_small = run_referrals(half, repeat=args.repeat)
        r_full = run_referrals(args.rows, repeat=args.repeat)
        print(f"referrals {args.rows:,} / {half:,} rows: {r_full / r_small:.2f}x")
    startup = run_startup()
    pandas_time = startup["import pandas"]
    for name in ("check", "plan"):
        print(
            f"infoview {name} on the sample: {startup[name]:.2f} s vs import pandas "
            f"{pandas_time:.2f} s: {startup[name] / pandas_time:.2f}x (target <= 2x)"
        )
        ok &= startup[name] / pandas_time <= 2.0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
