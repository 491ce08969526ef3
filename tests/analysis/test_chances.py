"""The plan's arithmetic: hand-worked cases, scipy references, a Monte Carlo, monotonicity."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from infoview_analytics.analysis.chances import (
    MAX_ASKS,
    asks_needed,
    beta_interval,
    betabinom_head,
    betabinom_pmf,
    pending_pmf,
    reach_probability,
    remaining_chance,
    shrunk_beta,
)


def _none(groups: int = 1, top: int = 5) -> np.ndarray:
    """The pending distribution of groups without open requests."""
    return pending_pmf(np.zeros((groups, 0)), top)


@pytest.mark.parametrize(
    ("y", "n", "a", "b"),
    [(0, 0, 1.0, 1.0), (2, 5, 0.9, 4.1), (7, 7, 3.5, 2.5), (3, 40, 0.2, 9.0), (9, 8, 1.0, 1.0)],
)
def test_betabinom_pmf_equals_scipy(y, n, a, b):
    assert betabinom_pmf(y, n, a, b) == pytest.approx(stats.betabinom.pmf(y, n, a, b), abs=1e-14)


def test_beta_interval_equals_scipy():
    a, b = np.array([0.9, 3.5, 12.0]), np.array([4.1, 2.5, 30.0])
    low, high = beta_interval(a, b)
    np.testing.assert_allclose(low, stats.beta.ppf(0.025, a, b), rtol=1e-10)
    np.testing.assert_allclose(high, stats.beta.ppf(0.975, a, b), rtol=1e-10)


def test_shrunk_beta_by_hand():
    # 3 pseudo-requests at 50%, then 2 of 2: (1.5 + 2) / (3 + 2) = 0.7, not 100%.
    a, b = shrunk_beta(np.array([2, 0]), np.array([2, 2]), prior=np.array([0.5, 0.5]))
    assert a.tolist() == [3.5, 1.5]
    assert b.tolist() == [1.5, 3.5]
    mean = a / (a + b)
    assert mean.tolist() == pytest.approx([0.7, 0.3])


def test_pending_pmf_equals_enumeration():
    chances = [0.2, 0.5, 0.9]
    exact = np.zeros(4)
    for outcome in itertools.product([0, 1], repeat=3):
        pairs = zip(chances, outcome, strict=True)
        exact[sum(outcome)] += np.prod([c if o else 1 - c for c, o in pairs])
    np.testing.assert_allclose(pending_pmf(np.array([chances]), 3)[0], exact)
    capped = pending_pmf(np.array([chances]), 2)[0]  # last cell: 2 or more
    np.testing.assert_allclose(capped, [exact[0], exact[1], exact[2] + exact[3]])


def test_remaining_chance_by_hand():
    # Final share answered 60%, chance 30%: P(interview | answer) = 0.5.
    got = remaining_chance(np.array([0.0, 0.2, 0.6]), 0.6, 0.3)
    # F(t) = 0.2: (0.6 - 0.2) / 0.8 = 0.5 of an answer still to come, times 0.5.
    assert got.tolist() == pytest.approx([0.3, 0.25, 0.0])
    assert remaining_chance(0.4, 0.6, 0.3, answered_already=True) == pytest.approx(0.5)
    assert remaining_chance(0.0, 0.0, 0.3) == pytest.approx(0.3)  # no curve: the chance


@pytest.mark.parametrize(
    ("need", "chances", "probability", "expected"),
    [
        # Beta(1, 1): P(Y_n = 0) = 1 / (n + 1), so P(Y_n >= 1) >= 0.79 from n = 4
        # (3.76 rounded up; 0.8 itself would sit exactly on n = 4, at floating error's mercy).
        (1, [], 0.79, 4),
        # P(Y_n >= 2) = (n - 1) / (n + 1) >= 0.79 from n = 9 (8.52 rounded up).
        (2, [], 0.79, 9),
        # One open request at 50%: 1 - 0.5 / (n + 1) >= 0.8 from n = 2 (1.5 rounded up).
        (1, [0.5], 0.8, 2),
        # Two open requests at 90%: P(at least one) = 0.99 without asking anyone.
        (1, [0.9, 0.9], 0.8, 0),
        (0, [], 0.99, 0),  # already at the goal
    ],
)
def test_asks_needed_by_hand(need, chances, probability, expected):
    pmf = pending_pmf(np.array([chances], dtype=float).reshape(1, -1), 5)
    got = asks_needed(
        np.array([need]), np.array([1.0]), np.array([1.0]), pmf, probability=probability
    )
    assert got.tolist() == [expected]


def test_asks_needed_beyond_the_search_is_minus_one():
    got = asks_needed(
        np.array([5]), np.array([0.001]), np.array([1000.0]), _none(), probability=0.9
    )
    assert got.tolist() == [-1]
    assert MAX_ASKS == 1000


def test_monte_carlo_of_the_same_model_agrees(rng):
    """Draw p ~ Beta(a, b), the new asks ~ Binomial(n, p), the open requests ~ Bernoulli."""
    a, b, need, chances = 2.3, 4.1, 3, np.array([0.6, 0.25, 0.1])
    pmf = pending_pmf(chances[None, :], 5)
    n_asks = asks_needed(np.array([need]), np.array([a]), np.array([b]), pmf, probability=0.8)[0]
    draws = 200_000
    for n in (n_asks - 1, n_asks, n_asks + 3):
        p = rng.beta(a, b, size=draws)
        total = rng.binomial(n, p) + (rng.random((draws, 3)) < chances).sum(axis=1)
        estimate = (total >= need).mean()
        se = np.sqrt(estimate * (1 - estimate) / draws)
        exact = reach_probability(
            np.array([n]), np.array([need]), np.array([a]), np.array([b]), pmf
        )
        assert abs(estimate - exact[0]) < 4 * se, (n, estimate, exact)
    # And the answer is the first n at which the simulated chance crosses 80%.
    assert (
        reach_probability(
            np.array([n_asks - 1]), np.array([need]), np.array([a]), np.array([b]), pmf
        )[0]
        < 0.8
    )


@settings(max_examples=60, deadline=None)
@given(
    a=st.floats(0.2, 20),
    b=st.floats(0.2, 20),
    need=st.integers(0, 5),
    low=st.floats(0.05, 0.9),
    extra=st.floats(0.0, 0.09),
    chances=st.lists(st.floats(0, 1), max_size=4),
)
def test_more_sure_never_asks_fewer_and_open_requests_never_add(a, b, need, low, extra, chances):
    aa, bb, nn = np.array([a]), np.array([b]), np.array([need])
    base = pending_pmf(np.array([chances], dtype=float).reshape(1, -1), 5)
    more = pending_pmf(np.array([[*chances, 0.5]], dtype=float), 5)
    at_low = asks_needed(nn, aa, bb, base, probability=low)[0]
    at_high = asks_needed(nn, aa, bb, base, probability=low + extra)[0]
    with_more = asks_needed(nn, aa, bb, more, probability=low)[0]
    if at_low >= 0 and at_high >= 0:
        assert at_high >= at_low
    if at_low >= 0:
        assert 0 <= with_more <= at_low


@pytest.mark.parametrize("n", [0, 1, 3, 8, 250])
def test_betabinom_head_equals_scipy(n):
    a, b = np.array([0.4, 2.0, 7.5]), np.array([3.0, 1.0, 0.6])
    got = betabinom_head(np.full(3, n), a, b, 5)
    want = stats.betabinom.pmf(np.arange(6)[None, :], n, a[:, None], b[:, None])
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-15)


def test_a_lower_bound_changes_nothing(rng):
    a, b = rng.uniform(0.3, 8, 40), rng.uniform(0.3, 8, 40)
    pmf = pending_pmf(rng.uniform(0, 1, (40, 3)), 5)
    low = asks_needed(np.full(40, 2), a, b, pmf, probability=0.8)
    free = asks_needed(np.full(40, 4), a, b, pmf, probability=0.8)
    bounded = asks_needed(np.full(40, 4), a, b, pmf, probability=0.8, at_least=low)
    np.testing.assert_array_equal(free, bounded)
