"""Wilson score intervals against published values and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import binomtest

from infoview_analytics.analysis.stats import wilson

TINY_AS_OF = pd.Timestamp("2026-03-20")  # as in conftest.tiny_log


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (0, 20, 0.0, 0.1611),
        (81, 263, 0.2553, 0.3662),
        (20, 20, 0.8389, 1.0),
        (1, 2, 0.0945, 0.9055),
    ],
)
def test_wilson_published_values(k, n, low, high):
    lo, hi = wilson([k], [n])
    assert lo[0] == pytest.approx(low, abs=5e-5)
    assert hi[0] == pytest.approx(high, abs=5e-5)


def test_wilson_undefined_without_data():
    lo, hi = wilson([0], [0])
    assert np.isnan(lo[0])
    assert np.isnan(hi[0])


@given(
    st.integers(min_value=1, max_value=500).flatmap(
        lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n))
    ),
    st.sampled_from([0.8, 0.9, 0.95, 0.99]),
)
def test_wilson_matches_scipy_and_brackets_rate(kn, confidence):
    k, n = kn
    lo, hi = wilson([k], [n], confidence)
    ref = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    assert lo[0] == pytest.approx(ref.low, abs=1e-9)
    assert hi[0] == pytest.approx(ref.high, abs=1e-9)
    assert 0 <= lo[0] <= k / n <= hi[0] <= 1
