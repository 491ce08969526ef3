"""The chart worker: sent chart specs, it writes the same files as the calling process."""

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.report.computing import compute_tables
from infoview_analytics.report.drawing import ChartWorker, save_chart
from infoview_analytics.report.pages import charts
from infoview_analytics.report.pdf import style_context


@pytest.fixture(scope="module")
def specs():
    log = iv.example_log()
    as_of = pd.Timestamp(iv.SAMPLE_AS_OF)
    with style_context():
        chosen = [c for c in charts(compute_tables(log, as_of=as_of), log) if not c.skipped]
    return [c for c in chosen if c.name in ("funnel", "coverage")], as_of


def test_worker_files_equal_own(specs, tmp_path):
    chosen, as_of = specs
    (tmp_path / "worker").mkdir()
    (tmp_path / "here").mkdir()
    worker = ChartWorker(tmp_path / "worker", ("png", "svg"))
    worker.send(chosen, as_of)
    for chart in chosen:
        save_chart(chart, tmp_path / "here", ("png", "svg"), as_of)
    worker.finish()
    for chart in chosen:
        for ext in ("png", "svg"):
            name = f"{chart.name}.{ext}"
            theirs = (tmp_path / "worker" / name).read_bytes()
            assert theirs == (tmp_path / "here" / name).read_bytes()


def test_worker_error_is_raised_here(specs, tmp_path):
    chosen, as_of = specs
    broken = [chosen[0]]
    worker = ChartWorker(tmp_path / "missing" / "folder", ("png",))  # it cannot write there
    worker.send(broken, as_of)
    with pytest.raises(FileNotFoundError):
        worker.finish()


def test_finish_needs_send(tmp_path):
    worker = ChartWorker(tmp_path, ("png",))
    with pytest.raises(RuntimeError, match=r"sent to the worker \(send\) before finish"):
        worker.finish()
    worker.stop()
