"""Hand-made tables with the contract columns, and Axes helpers, shared by the chart tests."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

NAN = float("nan")


def _ax():
    return Figure(figsize=(6, 4)).subplots()


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def rates_table():
    return pd.DataFrame(
        {
            "channel": ["email", "linkedin", "phone"],
            "asked": [12, 10, 0],
            "pending": [2, 0, 0],
            "decided": [10, 10, 0],
            "responded": [4, 0, 0],
            "agreed": [3, 0, 0],
            "interviewed": [3, 0, 0],
            "declined": [1, 0, 0],
            "no_response": [6, 10, 0],
            "response_rate": [0.4, 0.0, NAN],
            "ci_low": [0.1682, 0.0, NAN],
            "ci_high": [0.6873, 0.2775, NAN],
            "interview_rate": [0.3, 0.0, NAN],
            "interview_ci_low": [0.1078, 0.0, NAN],
            "interview_ci_high": [0.6032, 0.2775, NAN],
        }
    )


def funnel_table():
    return pd.DataFrame(
        {
            "stage": ["identified", "asked", "responded", "agreed", "interviewed"],
            "count": [10, 8, 4, 3, 2],
            "conversion": [NAN, 0.8, 0.5, 0.75, 2 / 3],
        }
    )


def km_table():
    return pd.DataFrame(
        {
            "warmth": ["cold", "cold", "warm", "warm"],
            "time": [2.0, 5.0, 1.0, 3.0],
            "at_risk": [6, 4, 5, 3],
            "answered": [2, 1, 2, 1],
            "share_answered": [1 / 3, 0.5, 0.4, 0.6],
            "ci_low": [0.0, 0.1, 0.0, 0.2],
            "ci_high": [0.7, 0.9, 0.8, 1.0],
        }
    )


def activity_table():
    return pd.DataFrame(
        {
            "period": pd.to_datetime(["2026-03-02", "2026-03-09", "2026-03-16"]),
            "asks": [4, 2, 3],
            "responses": [1, 2, 1],
            "interviews": [0, 1, 2],
            "cumulative_interviews": [0, 1, 3],
        }
    )


def coverage_table():
    return pd.DataFrame(
        {
            "field": ["data", "design", "policy"],
            "interviewed": [5, 3, 1],
            "scheduled": [0, 1, 1],
            "asked": [6, 5, 3],
            "pending": [0, 1, 1],
            "status": ["target_met", "minimum_met", "below_minimum"],
            "to_minimum": [0, 0, 2],
            "to_target": [0, 2, 4],
        }
    )


def chains_table():
    # Ana -> Ben -> Cleo, Ana -> Dan; Eve alone; Zoe (outside the log) -> Finn.
    return pd.DataFrame(
        {
            "contact": ["Ana", "Ben", "Cleo", "Dan", "Eve", "Finn", "Zoe"],
            "root": ["Ana", "Ana", "Ana", "Ana", "Eve", "Zoe", "Zoe"],
            "depth": [0, 1, 2, 1, 0, 1, 0],
            "path": [
                "Ana",
                "Ana → Ben",
                "Ana → Ben → Cleo",
                "Ana → Dan",
                "Eve",
                "Zoe → Finn",
                "Zoe",
            ],
            "referrals_made": [2, 1, 0, 0, 0, 0, 1],
            "descendants": [3, 1, 0, 0, 0, 0, 1],
            "interviews_led_to": [2, 1, 0, 0, 0, 0, 0],
            "in_log": [True, True, True, True, True, True, False],
        }
    )


THANKS = pd.DataFrame(
    {
        "interviews": [5],
        "within_1_day": [2],
        "within_3_days": [1],
        "later": [0],
        "not_yet": [2],
    }
)
MEETINGS = pd.DataFrame(
    {
        "interviews": [6],
        "with_minutes": [5],
        "overran": [2],
        "share_overran": [0.4],
        "median_planned": [30.0],
        "median_actual": [35.0],
        "with_questions": [4],
        "questions_in_guidance": [2],
        "too_few_questions": [1],
        "too_many_questions": [1],
        "share_questions_in_guidance": [0.5],
    }
)
MATRIX = pd.DataFrame(
    {"field": ["data", "design"], "entry": [1, 0], "mid": [2, 3], "senior": [0, 1]}
)
