"""Statistics for small numbers: Wilson score intervals and safe ratios."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__: list[str] = []


def wilson(k: Any, n: Any, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for k successes out of n, vectorised; NaN where n == 0.

    The normal quantile comes from scipy; the result equals
    ``scipy.stats.binomtest(k, n).proportion_ci(confidence, method="wilson")``
    (tested), without a Python call per group.
    """
    from scipy.stats import norm

    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    z = norm.ppf(0.5 + confidence / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
        low = np.clip(centre - half, 0.0, 1.0)
        high = np.clip(centre + half, 0.0, 1.0)
    # Exact bounds at the edges (floating error would give 1e-17 instead of 0).
    low = np.where(k == 0, 0.0, low)
    high = np.where(k == n, 1.0, high)
    low = np.where(n > 0, low, np.nan)
    high = np.where(n > 0, high, np.nan)
    return low, high


def ratio(num: Any, den: Any) -> np.ndarray:
    """num / den as floats, NaN where den is 0."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / den, np.nan)
