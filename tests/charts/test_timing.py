"""The time-to-response chart (charts/timing.py)."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PolyCollection

from infoview_analytics import charts

from ._shared import _ax, _texts, km_table


# ------------------------------------------------------------------ time to response
def test_time_to_response_steps_bands_and_marks():
    ax = charts.plot_time_to_response(km_table(), ax=_ax())
    steps = [ln for ln in ax.lines if ln.get_drawstyle() == "steps-post"]
    assert len(steps) == 2
    cold = steps[0]
    # A point at time 0 with 0% is prepended: the curve starts at zero.
    assert list(cold.get_xdata()) == [0.0, 2.0, 5.0]
    np.testing.assert_allclose(cold.get_ydata(), [0, 100 / 3, 50])
    assert sum(isinstance(c, PolyCollection) for c in ax.collections) == 2
    marks = sorted(ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--")
    assert marks == [3, 7]
    assert "3 business days" in _texts(ax)
    assert "7 business days" in _texts(ax)
    assert ax.get_xlabel() == "Time since asking (business days)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Cold", "Warm"]
    assert ax.get_title(loc="right") == "n = 11 asked"


def test_time_to_response_kwargs_passed_to_step():
    ax = charts.plot_time_to_response(km_table(), ax=_ax(), linewidth=4)
    assert all(ln.get_linewidth() == 4 for ln in ax.lines if ln.get_drawstyle() == "steps-post")
