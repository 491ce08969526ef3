"""Charts, tested through the Axes they return, on hand-made tables with the contract columns."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

import infoview_analytics as iv
from infoview_analytics import charts
from infoview_analytics.analysis.fields import coverage
from infoview_analytics.charts.network import tree_rows
from infoview_analytics.errors import InvalidArgumentError

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


# ------------------------------------------------------------------ response rates
def test_response_rates_bars_intervals_and_labels():
    ax = charts.plot_response_rates(rates_table(), ax=_ax(), as_of="2026-04-17")
    bars = _bars(ax)
    # phone: nobody was asked, so there is no rate to draw (the group is left out).
    assert len(bars) == 2
    assert [round(b.get_width(), 6) for b in bars] == [40.0, 0.0]
    assert _texts(ax) == ["4/10 · 2 pending", "0/10"]
    # Error bars: only the two groups with decided requests, 16.8-68.7 and 0-27.8 percent.
    (errbar,) = [c for c in ax.collections if c.get_segments()]
    segments = sorted((round(s[0][0], 2), round(s[1][0], 2)) for s in errbar.get_segments())
    assert segments == [(0.0, 27.75), (16.82, 68.73)]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["email", "linkedin"]
    assert ax.get_title(loc="left") == "Response rate by channel"
    assert ax.get_title(loc="right") == "as of 2026-04-17 · n = 22 asked"
    assert "95% Wilson interval" in ax.get_xlabel()


def test_response_rates_group_with_only_pending_requests_is_shown_as_pending():
    table = rates_table()
    table.loc[2, ["asked", "pending"]] = [3, 3]
    ax = charts.plot_response_rates(table, ax=_ax())
    assert _texts(ax) == ["4/10 · 2 pending", "0/10", "0/0 · 3 pending"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["email", "linkedin", "phone"]


def test_response_rates_interview_measure_and_without_groups():
    table = rates_table().drop(columns="channel").iloc[[0]]
    ax = charts.plot_response_rates(table, measure="interview", ax=_ax(), footnote="")
    assert _texts(ax) == ["3/10 · 2 pending"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["all"]
    assert ax.get_title(loc="left") == "Interview rate by all requests"
    assert ax.get_title(loc="right") == ""


def test_response_rates_bad_measure():
    with pytest.raises(InvalidArgumentError, match="`measure` must be one of"):
        charts.plot_response_rates(rates_table(), measure="rate", ax=_ax())


def test_not_a_table():
    with pytest.raises(InvalidArgumentError, match="Expected the response_rates table"):
        charts.plot_response_rates([1, 2], ax=_ax())


def test_table_with_missing_columns():
    with pytest.raises(InvalidArgumentError, match=r"\['ci_low', 'ci_high'\] are missing"):
        charts.plot_response_rates(rates_table().drop(columns=["ci_low", "ci_high"]), ax=_ax())


# ------------------------------------------------------------------ funnel
def test_funnel_bars_and_conversion_labels():
    ax = charts.plot_funnel(funnel_table(), ax=_ax(), footnote="x")
    assert [b.get_height() for b in _bars(ax)] == [10, 8, 4, 3, 2]
    assert _texts(ax) == ["10", "8\n80%", "4\n50%", "3\n75%", "2\n67%"]
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["identified", "asked"]
    assert ax.get_ylabel() == "People"


def test_funnel_by_group_draws_one_bar_per_group_and_stage():
    table = pd.concat([funnel_table().assign(warmth="cold"), funnel_table().assign(warmth="warm")])
    table = table[["warmth", "stage", "count", "conversion"]]
    ax = charts.plot_funnel(table, ax=_ax())
    assert len(_bars(ax)) == 10
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cold", "warm"]


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
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cold", "warm"]
    assert ax.get_title(loc="right") == "n = 11 asked"


def test_time_to_response_kwargs_passed_to_step():
    ax = charts.plot_time_to_response(km_table(), ax=_ax(), linewidth=4)
    assert all(ln.get_linewidth() == 4 for ln in ax.lines if ln.get_drawstyle() == "steps-post")


# ------------------------------------------------------------------ activity
def test_activity_bars_and_cumulative_line():
    ax = charts.plot_activity(activity_table(), ax=_ax())
    heights = [b.get_height() for b in _bars(ax)]
    assert heights == [4, 2, 3, 1, 2, 1, 0, 1, 2]
    twin = ax.figure.axes[-1]
    assert twin is not ax
    assert list(twin.lines[0].get_ydata()) == [0, 1, 3]
    assert twin.get_ylabel() == "Cumulative interviews (people)"
    assert ax.get_ylabel() == "People per week"
    assert ax.get_title(loc="right") == "n = 9 asked"


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
    assert [t.get_text() for t in ax.get_xticklabels()] == ["entry", "mid", "senior"]
    assert ax.get_title(loc="left") == "Interviews per field and seniority"


# ------------------------------------------------------------------ referral tree
def test_referral_tree_layout_arrows_and_status():
    chains = chains_table()
    status = pd.DataFrame(
        {
            "contact": ["Ana", "ben ", "Cleo", "Dan", "Eve", "Finn"],
            "status": [
                "interviewed",
                "interviewed",
                "awaiting",
                "declined",
                "prospect",
                "replied",
            ],
        }
    )
    ax = charts.plot_referral_tree(chains, log=status, ax=_ax())
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 4  # Ana→Ben, Ben→Cleo, Ana→Dan, Zoe→Finn
    # Eve (no link) is left out by default; the rest are drawn once each.
    assert sorted(_texts(ax)) == ["Ana", "Ben", "Cleo", "Dan", "Finn", "Zoe"]
    positions = {t.get_text(): t.get_position() for t in ax.texts}
    # Roots at the left (depth 0), one column per introduction; largest chain first.
    assert positions["Ana"][0] == pytest.approx(0.08)
    assert positions["Cleo"][0] == pytest.approx(2.08)
    assert positions["Ana"][1] < positions["Ben"][1] < positions["Cleo"][1]
    assert positions["Cleo"][1] < positions["Zoe"][1]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["awaiting", "replied", "interviewed", "declined", "outside the log"]
    assert "1 people not shown" in ax.get_xlabel()


def test_referral_tree_with_singletons_and_rows():
    chains = chains_table()
    assert tree_rows(chains) == 6
    assert tree_rows(chains, include_singletons=True) == 7
    assert tree_rows(chains, max_chains=1) == 4
    ax = charts.plot_referral_tree(chains, include_singletons=True, ax=_ax())
    assert "Eve" in _texts(ax)


def test_referral_tree_cycle_does_not_hang():
    chains = pd.DataFrame({"contact": ["A", "B"], "path": ["B → A", "A → B"]})
    ax = charts.plot_referral_tree(chains, ax=_ax())
    assert sorted(_texts(ax)) == ["A", "B"]


def test_referral_tree_readable_at_80_people():
    n = 80
    contact = [f"Person {i:02d}" for i in range(n)]
    path = [contact[0]] + [f"{contact[0]} → {contact[i]}" for i in range(1, n)]
    chains = pd.DataFrame({"contact": contact, "path": path})
    fig = Figure(figsize=(8, 0.2 * n + 2))
    ax = charts.plot_referral_tree(chains, ax=fig.subplots())
    sizes = {t.get_fontsize() for t in ax.texts}
    assert len(ax.texts) == n
    assert min(sizes) >= 4
    ys = sorted(t.get_position()[1] for t in ax.texts)
    assert len(set(ys)) == n  # every name on its own row: no overlap


# ------------------------------------------------------------------ meetings
def test_thank_you_timeliness_stacked_shares():
    ax = charts.plot_thank_you_timeliness(THANKS, ax=_ax())
    assert [round(b.get_width()) for b in _bars(ax)] == [40, 20, 0, 40]
    assert _texts(ax) == ["2", "1", "2"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["all (n = 5)"]


def test_meeting_discipline_bars():
    ax = charts.plot_meeting_discipline(MEETINGS, ax=_ax())
    widths = [round(b.get_width()) for b in _bars(ax)]
    assert widths == [60, 40, 25, 50, 25]
    assert _texts(ax) == ["3", "2", "1", "2", "1"]
    assert "median planned 30 min, actual 35 min" in ax.get_xlabel()


# ------------------------------------------------------------------ shared behaviour
EMPTY = [
    (charts.plot_response_rates, rates_table().iloc[[2]]),
    (charts.plot_funnel, funnel_table().iloc[0:0]),
    (charts.plot_time_to_response, km_table().iloc[0:0]),
    (charts.plot_activity, activity_table().iloc[0:0]),
    (charts.plot_coverage, coverage_table().iloc[0:0]),
    (charts.plot_perspective_heatmap, MATRIX.iloc[0:0]),
    (charts.plot_referral_tree, chains_table().iloc[[0, 4]]),
    (
        charts.plot_thank_you_timeliness,
        THANKS.assign(interviews=0, within_1_day=0, within_3_days=0, not_yet=0),
    ),
    (charts.plot_meeting_discipline, MEETINGS.assign(with_minutes=0, with_questions=0)),
]
FULL = [
    (charts.plot_response_rates, rates_table()),
    (charts.plot_funnel, funnel_table()),
    (charts.plot_time_to_response, km_table()),
    (charts.plot_activity, activity_table()),
    (charts.plot_coverage, coverage_table()),
    (charts.plot_perspective_heatmap, MATRIX),
    (charts.plot_referral_tree, chains_table()),
    (charts.plot_thank_you_timeliness, THANKS),
    (charts.plot_meeting_discipline, MEETINGS),
]


@pytest.mark.parametrize(("plot", "table"), EMPTY, ids=lambda x: getattr(x, "__name__", ""))
def test_no_data_message(plot, table):
    ax = plot(table, ax=_ax())
    (text,) = ax.texts
    assert text.get_text() in {"no data yet", "no referral chains yet"}
    assert ax.get_title(loc="left")  # the title still says what would be shown


@pytest.mark.parametrize(("plot", "table"), FULL, ids=lambda x: getattr(x, "__name__", ""))
def test_common_contract(plot, table):
    before = dict(mpl.rcParams)
    original = table.copy(deep=True)
    fig = plt.figure()
    ax = plot(table, as_of=pd.Timestamp("2026-04-17"))
    assert ax is fig.axes[0]  # plt.gca() fallback
    assert ax.get_title(loc="left")
    assert ax.get_title(loc="right").startswith("as of 2026-04-17 · n = ")
    assert dict(mpl.rcParams) == before  # style applied only inside rc_context
    pd.testing.assert_frame_equal(table, original)
    custom = plot(table, ax=_ax(), title="Mine", footnote="as of then · n = 1")
    assert custom.get_title(loc="left") == "Mine"
    assert custom.get_title(loc="right") == "as of then · n = 1"


def test_footnote_from_table_attrs():
    table = rates_table()
    table.attrs["as_of"] = "2026-04-17"
    ax = charts.plot_response_rates(table, ax=_ax())
    assert ax.get_title(loc="right") == "as of 2026-04-17 · n = 22 asked"


# ------------------------------------------------------------------ on the real analyses
@pytest.fixture(scope="module")
def sample():
    return iv.example_log(), iv.SAMPLE_AS_OF


@pytest.mark.parametrize(
    "plot",
    [
        charts.plot_response_rates,
        charts.plot_funnel,
        charts.plot_time_to_response,
        charts.plot_activity,
        charts.plot_coverage,
        charts.plot_perspective_heatmap,
        charts.plot_referral_tree,
        charts.plot_thank_you_timeliness,
        charts.plot_meeting_discipline,
    ],
    ids=lambda f: f.__name__,
)
def test_charts_accept_the_log(plot, sample):
    log, as_of = sample
    ax = plot(log, ax=_ax(), as_of=as_of)
    assert ax.get_title(loc="right").startswith("as of 2026-04-17")
    assert "no data yet" not in _texts(ax)


def test_charts_on_real_tables(sample):
    log, as_of = sample
    rates = iv.response_rates(log, by="channel", as_of=as_of)
    ax = charts.plot_response_rates(rates, ax=_ax(), as_of=as_of)
    # Groups nobody was asked in (prospects without a channel) have no bar.
    asked = rates.loc[rates["asked"] > 0]
    assert len(asked) < len(rates)
    expected = [f"{r.responded}/{r.decided}" for r in asked.itertuples()]
    assert [t.split(" ·")[0] for t in _texts(ax)] == expected
    assert len(_bars(ax)) == len(asked)
    assert (asked["decided"] > 0).sum() > 1
    cov = coverage(log, as_of=as_of)
    ax = charts.plot_coverage(cov, ax=_ax())
    assert [b.get_width() for b in _bars(ax)[: len(cov)]] == cov["interviewed"].tolist()
    chains = iv.referral_chains(log, as_of=as_of)
    ax = charts.plot_referral_tree(chains, log=log, ax=_ax())
    linked = chains.loc[chains["depth"] > 0]
    assert len([p for p in ax.patches if isinstance(p, FancyArrowPatch)]) == len(linked)
