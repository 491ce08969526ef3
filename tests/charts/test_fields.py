"""Field charts (charts/fields.py): coverage, the perspective heatmap."""

from __future__ import annotations

import numpy as np

from infoview_analytics import charts

from ._shared import MATRIX, _ax, _bars, _texts, coverage_table


# ------------------------------------------------------------------ coverage
def test_coverage_reference_lines_and_stacked_segments():
    ax = charts.plot_coverage(coverage_table(), ax=_ax())
    refs = sorted(ln.get_xdata()[0] for ln in ax.lines)
    assert refs == [3, 5]
    assert {"minimum 3", "target 5"} <= set(_texts(ax))
    bars = _bars(ax)
    assert len(bars) == 9  # interviewed, scheduled, pending for three fields
    solid, scheduled, pending = bars[:3], bars[3:6], bars[6:]
    assert [b.get_width() for b in solid] == [5, 3, 1]
    assert [b.get_x() for b in scheduled] == [5, 3, 1]
    assert all(b.get_hatch() == "///" for b in scheduled)
    assert all(b.get_hatch() == "..." for b in pending)
    # Colour carries the status: the two bars with different status differ.
    assert solid[0].get_facecolor() != solid[2].get_facecolor()
    assert "2 +1 scheduled" not in _texts(ax)
    assert "1 +1 scheduled +1 pending" in _texts(ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "below the minimum",
        "minimum met",
        "target met",
        "scheduled",
        "pending request",
    ]


def test_coverage_custom_minimum_target_and_kwargs():
    ax = charts.plot_coverage(coverage_table(), minimum=2, target=4, ax=_ax(), alpha=0.5)
    assert sorted(ln.get_xdata()[0] for ln in ax.lines) == [2, 4]
    assert _bars(ax)[0].get_alpha() == 0.5


# ------------------------------------------------------------------ heatmap
def test_perspective_heatmap_counts_in_cells():
    ax = charts.plot_perspective_heatmap(MATRIX, perspective="seniority", ax=_ax())
    assert _texts(ax) == ["1", "2", "0", "0", "3", "1"]
    np.testing.assert_array_equal(ax.images[0].get_array(), [[1, 2, 0], [0, 3, 1]])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Entry level", "Mid-career", "Senior"]
    assert ax.get_title(loc="left") == "Interviews per field and seniority"
