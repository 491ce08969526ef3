"""Regenerate the charts the README shows, from the package's own report on the sample.

    .venv/bin/python scripts/make_readme_charts.py            # writes docs/*.png
    .venv/bin/python scripts/make_readme_charts.py --out DIR  # writes them into DIR instead

The charts are not drawn here: ``build_report`` writes the report of the sample log (as of
its as-of date) into a temporary folder and the chosen PNGs are copied, so the README
always shows what the package really produces.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: README file name -> the chart in the report folder it is copied from.
README_CHARTS = {
    "response_rates.png": "charts/response_rates_warmth.png",
    "coverage.png": "charts/coverage.png",
    "next_steps.png": "charts/next_steps.png",
}


def make_charts(out: Path) -> list[Path]:
    """Build the sample's report in a temporary folder and copy the README charts to ``out``."""
    import infoview_analytics as iv

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        report = iv.build_report(
            iv.example_log(), Path(tmp) / "report", as_of=iv.SAMPLE_AS_OF, formats=("png",)
        )
        for name, chart in README_CHARTS.items():
            written.append(Path(shutil.copyfile(report / chart, out / name)))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="default: docs/")
    args = parser.parse_args(argv)
    for path in make_charts(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
