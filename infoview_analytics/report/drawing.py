"""Draw the report's charts: each figure drawn and laid out once, saved in every format.

With two cores the chart files are made side by side with the PDF: a worker
process (:class:`ChartWorker`, ``python -m infoview_analytics.report.drawing``)
is started first, so it imports matplotlib while this process reads the log
and computes the tables; it is then sent the charts to draw (:class:`Chart`
specs: the plot function, its computed table, caption and size), draws each
and writes its PNG and SVG, while this process draws the same charts for the
PDF pages (and the title, the lists, the themes and the students' pages). The
worker computes nothing, so it needs neither the log nor scipy or
scikit-learn, and it draws exactly the charts this process shows (a shared
report's hidden ones left out). It is a plain subprocess (not
``multiprocessing``), so a script calling
:func:`~infoview_analytics.build_report` without an
``if __name__ == "__main__"`` guard, a notebook or a multi-threaded program all
work the same. The worker's warnings are re-issued here and its errors raised
here. The worker is used when a core is idle (:func:`workers`);
``INFOVIEW_REPORT_WORKERS=1`` draws everything in the calling process, ``2``
always uses the worker.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .pages import Chart, chart_figure
from .pdf import style_context

__all__: list[str] = []

DPI = 200
_PNG_META: dict[str, Any] = {"Software": None}
#: zlib level 1: a fifth of the encoding time (0.1 s a chart at 200 dpi), files ~30% larger.
_PNG_PIL: dict[str, Any] = {"compress_level": 1}
_SVG_META: dict[str, Any] = {"Creator": None, "Date": None, "Format": None, "Type": None}
_WORKERS_ENV = "INFOVIEW_REPORT_WORKERS"


def workers() -> int:
    """How many processes draw the report (1: the calling process alone; at most 2).

    ``INFOVIEW_REPORT_WORKERS`` decides when set; otherwise two when there are
    two cores and one of them is idle (the 1-minute load average is below the
    cores less one): on a busy machine a second process only competes with this
    one, and the report is faster drawn alone.
    """
    wanted = os.environ.get(_WORKERS_ENV, "").strip()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    limit = min(2, cores or 1)
    if wanted.isdigit() and int(wanted) > 0:
        return min(int(wanted), limit)
    try:
        idle = os.getloadavg()[0] < (cores or 1) - 1
    except OSError:  # no load average on this system
        idle = True
    return limit if idle else 1


def write_images(fig: Any, folder: Path, name: str, images: Sequence[str]) -> None:
    """Write ``fig`` as ``folder/name.png`` (200 dpi) and ``.svg``, as ``images`` asks.

    No software, author or date in the files (an anonymised report leaks nothing).
    """
    if "png" in images:
        fig.savefig(folder / f"{name}.png", dpi=DPI, metadata=_PNG_META, pil_kwargs=_PNG_PIL)
    if "svg" in images:
        fig.savefig(folder / f"{name}.svg", metadata=_SVG_META)


def save_chart(chart: Chart, folder: Path, images: Sequence[str], as_of: pd.Timestamp) -> Any:
    """Draw ``chart`` once, write it in each of ``images`` ("png", "svg"); return the figure."""
    with style_context():
        fig = chart_figure(chart, as_of)
        write_images(fig, folder, chart.name, images)
    return fig


def drawn_charts(
    charts: Sequence[Chart], folder: Path, *, images: Sequence[str], as_of: pd.Timestamp
) -> Iterator[Any]:
    """Each chart's laid-out figure, in order, its ``images`` files written on the way."""
    for chart in charts:
        yield save_chart(chart, folder, images, as_of)


class ChartWorker:
    """The chart files (PNG, SVG) of a report, made by a second process while this one works.

    Started before the tables are computed (it imports matplotlib meanwhile);
    :meth:`send` gives it the charts to draw, :meth:`finish` waits for it,
    re-issues its warnings and raises its error.
    """

    def __init__(self, folder: Path, images: Sequence[str]) -> None:
        # closed in finish() or stop(): it outlives this method
        self._errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        env = {**os.environ, "MPLBACKEND": "Agg"}
        self._proc = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env=env,
        )
        self._folder = folder
        self._images = tuple(images)
        self._sending: threading.Thread | None = None

    def send(self, charts: Sequence[Chart], as_of: pd.Timestamp) -> None:
        """Give the worker ``charts`` to draw; returns at once (a thread writes the job)."""
        storage = pd.get_option("mode.string_storage")
        job = pickle.dumps((list(charts), as_of, self._folder, self._images, storage))
        stdin = self._proc.stdin
        assert stdin is not None  # opened with stdin=PIPE

        def write() -> None:
            # A worker that stopped early is reported by finish(), from its answer.
            try:
                stdin.write(job)
                stdin.close()
            except (BrokenPipeError, OSError):
                pass

        # The pipe holds 64 KiB: a thread writes while the worker is still importing.
        self._sending = threading.Thread(target=write, daemon=True)
        self._sending.start()

    def finish(self) -> None:
        """Wait for the chart files; raise the worker's error if it failed."""
        if self._sending is None:
            msg = "Expected the charts to be sent to the worker (send) before finish."
            raise RuntimeError(msg)
        self._sending.join()
        assert self._proc.stdout is not None  # opened with stdout=PIPE
        out = self._proc.stdout.read()
        self._proc.stdout.close()
        self._proc.wait()
        self._errors.seek(0)
        stderr = self._errors.read().decode("utf-8", errors="replace")
        self._errors.close()
        try:
            status, payload, caught = pickle.loads(out)  # our own worker's answer
        except Exception:
            msg = (
                "Expected the chart worker to draw the charts, but it stopped "
                f"(exit status {self._proc.returncode}): {stderr.strip()[-2000:]} "
                f"Set {_WORKERS_ENV}=1 to draw in one process."
            )
            raise RuntimeError(msg) from None
        for message, category, filename, lineno in caught:
            warnings.warn_explicit(message, category, filename, lineno)
        if status == "error":
            raise payload

    def stop(self) -> None:
        """End the worker (after an error in this process)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        for pipe in (self._proc.stdin, self._proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self._errors.close()


def start_worker(folder: Path, images: Sequence[str]) -> ChartWorker | None:
    """A :class:`ChartWorker` when there are two cores and images to write, else None."""
    if not images or workers() < 2:
        return None
    return ChartWorker(folder, images)


def _serve() -> None:
    """The worker's main: read the job on stdin, write ``(status, payload, warnings)``."""
    answer = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, not into the answer
    # Imported while the caller computes the tables (the job arrives after them).
    import matplotlib.figure  # noqa: F401
    from matplotlib.backends import backend_agg, backend_svg  # noqa: F401

    charts, as_of, folder, images, storage = pickle.loads(sys.stdin.buffer.read())
    caught: list[tuple[str, type[Warning], str, int]] = []
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            pd.set_option("mode.string_storage", storage)
            for _ in drawn_charts(charts, folder, images=images, as_of=as_of):
                pass
            result: tuple[str, Any] = ("ok", None)
        except Exception as error:  # sent back and raised by the caller
            result = ("error", error)
    caught = [(str(w.message), w.category, w.filename, w.lineno) for w in seen]
    try:
        data = pickle.dumps((*result, caught))
    except Exception as error:  # an exception that does not pickle
        data = pickle.dumps(("error", RuntimeError(repr(error)), caught))
    answer.write(data)
    answer.close()


if __name__ == "__main__":
    _serve()
