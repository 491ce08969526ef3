"""What every chart shares (charts/style.py): table checks, "no data yet", the common
contract, the footnote, drawing from the log."""

from __future__ import annotations

import inspect

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.patches import FancyArrowPatch

import infoview_analytics as iv
from infoview_analytics import charts
from infoview_analytics.analysis.fields import coverage
from infoview_analytics.analysis.tables import TABLES
from infoview_analytics.charts import style as _style
from infoview_analytics.errors import InvalidArgumentError

from ._shared import (
    MATRIX,
    MEETINGS,
    THANKS,
    _ax,
    _bars,
    _texts,
    activity_table,
    chains_table,
    coverage_table,
    funnel_table,
    km_table,
    rates_table,
)


# ------------------------------------------------------------------ shared behaviour
def test_not_a_table():
    with pytest.raises(InvalidArgumentError, match="Expected the response_rates table"):
        charts.plot_response_rates([1, 2], ax=_ax())


def test_table_with_missing_columns():
    with pytest.raises(InvalidArgumentError, match=r"\['ci_low', 'ci_high'\] are missing"):
        charts.plot_response_rates(rates_table().drop(columns=["ci_low", "ci_high"]), ax=_ax())


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


@pytest.mark.parametrize(("plot", "table"), FULL, ids=lambda x: getattr(x, "__name__", ""))
def test_house_style_reaches_an_axes_made_outside_any_context(plot, table):
    before = dict(plt.rcParams)
    _, ax = plt.subplots()
    assert ax.spines["top"].get_visible()  # made in matplotlib's default style
    assert plot(table, ax=ax) is ax
    assert not ax.spines["top"].get_visible()
    assert not ax.spines["right"].get_visible()
    assert ax.spines["bottom"].get_edgecolor() == mpl.colors.to_rgba("0.3")
    ticks = ax.xaxis.get_major_ticks() + ax.yaxis.get_major_ticks()
    assert ticks
    assert {t.label1.get_fontsize() for t in ticks} == {8}
    assert ax.xaxis.label.get_fontsize() == ax.yaxis.label.get_fontsize() == 9
    assert dict(plt.rcParams) == before


def test_footnote_from_table_attrs():
    table = rates_table()
    table.attrs["as_of"] = "2026-04-17"
    ax = charts.plot_response_rates(table, ax=_ax())
    assert ax.get_title(loc="right") == "as of 2026-04-17 · n = 22 asked"


# ------------------------------------------------------------------ shared docstring blocks
@pytest.mark.parametrize("name", charts.__all__)
def test_docstrings_are_filled_in_and_document_every_parameter(name):
    plot = getattr(charts, name)
    doc = inspect.cleandoc(plot.__doc__)
    assert "%(" not in doc
    for section in ("Parameters", "Returns", "Examples"):
        assert f"\n{section}\n{'-' * len(section)}\n" in doc
    params = doc.split("Parameters\n----------\n")[1].split("\n\n")[0]
    documented = {
        name.strip().lstrip("*")
        for line in params.splitlines()
        if line and not line.startswith(" ")
        for name in line.split(" : ")[0].split(",")
    }
    assert documented == set(inspect.signature(plot).parameters)
    assert "\nax : Axes, optional\n    Where to draw" in doc  # a shared block, indented to fit
    assert "\n>>> " in doc  # the example is still there for the doctest run


# ------------------------------------------------------------------ columns from TABLES
def test_chart_columns_must_be_declared_in_tables():
    assert _style.declared("funnel", "stage", "count") == ("stage", "count")
    with pytest.raises(InvalidArgumentError, match=r"\['stages'\] are not declared"):
        _style.declared("funnel", "stages", "count")


HAND_MADE = [
    (rates_table(), "response_rates", ["channel"]),
    (funnel_table(), "funnel", []),
    (km_table(), "time_to_response", ["warmth"]),
    (activity_table(), "activity", []),
    (coverage_table(), "coverage", ["field"]),
    (chains_table(), "referral_chains", []),
    (THANKS, "thank_you_timeliness", []),
    (MEETINGS, "meeting_discipline", []),
]


@pytest.mark.parametrize(("table", "name", "by"), HAND_MADE, ids=[h[1] for h in HAND_MADE])
def test_hand_made_tables_have_the_declared_columns_in_order(table, name, by):
    own = [c for c in table.columns if c not in by]
    assert list(table.columns[: len(by)]) == by
    assert own == [c for c in TABLES[name].columns if c in own]


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


@pytest.mark.parametrize(
    ("plot", "analysis", "kw"),
    [
        ("plot_thank_you_timeliness", "thank_you_timeliness", {}),
        ("plot_perspective_heatmap", "perspective_matrix", {}),
        ("plot_referral_tree", "referral_chains", {}),
        ("plot_coverage", "coverage", {}),
    ],
)
def test_a_chart_of_the_log_uses_its_as_of(plot, analysis, kw):
    # The figures drawn from the log are those of the analysis as of the chart's date,
    # not of today (the sample's interviews all happened before 2026-04-17).
    log = iv.example_log()
    early = "2026-03-20"
    fig, (a, b) = plt.subplots(1, 2)
    getattr(iv, plot)(log, as_of=early, ax=a, **kw)
    getattr(iv, plot)(getattr(iv, analysis)(log, as_of=early), as_of=early, ax=b, **kw)
    texts = [[t.get_text() for t in ax.texts] for ax in (a, b)]
    widths = [[p.get_width() for p in ax.patches if hasattr(p, "get_width")] for ax in (a, b)]
    assert texts[0] == texts[1]
    assert widths[0] == widths[1]
    plt.close(fig)


@pytest.mark.parametrize("plot", [n for n in iv.__all__ if n.startswith("plot_")])
def test_a_chart_of_a_prepared_log_equals_the_chart_of_the_log(plot):
    log = iv.example_log()
    prepared = iv.prepare(log, as_of=iv.SAMPLE_AS_OF)
    fig, (a, b) = plt.subplots(1, 2)
    getattr(iv, plot)(log, as_of=iv.SAMPLE_AS_OF, ax=a)
    getattr(iv, plot)(prepared, as_of=iv.SAMPLE_AS_OF, ax=b)
    assert [t.get_text() for t in a.texts] == [t.get_text() for t in b.texts]
    assert a.get_title() == b.get_title()
    assert len(a.patches) == len(b.patches)
    plt.close(fig)
