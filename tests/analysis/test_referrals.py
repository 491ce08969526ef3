"""Referral chains: hand-worked logs, bad structures, and networkx as the independent reference."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from conftest import TINY_AS_OF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.forest import PROBLEM_COLUMNS
from infoview_analytics.analysis.referrals import (
    CHAIN_COLUMNS,
    referral_chains,
    referral_graph,
    referral_problems,
    referral_summary,
)
from infoview_analytics.analysis.tables import TABLES

AS_OF = "2026-04-17"


def _log(contacts, referred_by, **extra) -> pd.DataFrame:
    return pd.DataFrame({"contact": contacts, "referred_by": referred_by, **extra})


def _by_name(chains: pd.DataFrame) -> pd.DataFrame:
    return chains.set_index("contact")


# ------------------------------------------------------------------ hand-worked
def test_tiny_log_chains(tiny_log):
    chains = referral_chains(tiny_log, as_of=TINY_AS_OF)
    assert list(chains.columns) == CHAIN_COLUMNS
    assert len(chains) == len(tiny_log)  # every referrer is in the log
    c = _by_name(chains)
    assert c.loc["Ana Ruiz", ["root", "depth", "path"]].tolist() == ["Ana Ruiz", 0, "Ana Ruiz"]
    assert c.loc["Chloe Park", "path"] == "Ana Ruiz → Ben Ode → Chloe Park"
    assert c.loc["Chloe Park", "root"] == "Ana Ruiz"
    assert c["depth"].to_dict() == {
        "Ana Ruiz": 0,
        "Ben Ode": 1,
        "Chloe Park": 2,
        "Dev Shah": 0,
        "Eve Stone": 0,
        "Finn Lund": 0,
        "Gus Holm": 0,
        "Hana Ito": 0,
    }
    assert c.loc["Ana Ruiz", ["referrals_made", "descendants", "interviews_led_to"]].tolist() == [
        1,
        2,
        1,  # Ben was interviewed, Chloe is still awaiting
    ]
    assert c.loc["Ben Ode", ["referrals_made", "descendants", "interviews_led_to"]].tolist() == [
        1,
        1,
        0,
    ]
    assert c["in_log"].all()
    assert referral_problems(tiny_log).empty


def test_names_match_ignoring_case_and_spacing():
    log = _log(["Ana Ruiz", "Ben Ode", "Chloe Park"], [None, "  ana   RUIZ ", "BEN ode"])
    c = _by_name(referral_chains(log, as_of=AS_OF))
    assert c["depth"].tolist() == [0, 1, 2]
    assert c.loc["Chloe Park", "path"] == "Ana Ruiz → Ben Ode → Chloe Park"
    assert referral_problems(log).empty


def test_unknown_referrer_is_an_outside_root():
    log = _log(["Ana Ruiz", "Ben Ode", "Chloe Park"], ["Prof. Lee", "prof.  lee", "Ana Ruiz"])
    log["source_row"] = [5, 6, 7]
    chains = referral_chains(log, as_of=AS_OF)
    assert len(chains) == 4
    outside = chains.iloc[3]
    assert outside["contact"] == "Prof. Lee"
    assert not outside["in_log"]
    assert outside[["depth", "referrals_made", "descendants"]].tolist() == [0, 2, 3]
    c = _by_name(chains)
    assert c.loc["Chloe Park", "path"] == "Prof. Lee → Ana Ruiz → Chloe Park"
    assert c.loc["Chloe Park", "root"] == "Prof. Lee"
    problems = referral_problems(log)
    assert list(problems.columns) == PROBLEM_COLUMNS
    assert problems[["problem", "contact", "source_row"]].values.tolist() == [
        ["unknown_referrer", "Prof. Lee", 5]
    ]
    assert "named as referrer by 2 people" in problems.loc[0, "detail"]


def test_self_referral_becomes_a_root():
    log = _log(["Ana Ruiz", "Ben Ode"], ["ana ruiz", "Ana Ruiz"])
    c = _by_name(referral_chains(log, as_of=AS_OF))
    assert c["depth"].tolist() == [0, 1]
    assert c.loc["Ana Ruiz", "descendants"] == 1
    problems = referral_problems(log)
    assert problems[["problem", "contact", "source_row"]].values.tolist() == [
        ["self_referral", "Ana Ruiz", 2]
    ]


@pytest.mark.parametrize(
    ("contacts", "referred_by", "cut", "depths"),
    [
        # A <-> B: cut at the name that sorts first.
        (["Ben Ode", "Ana Ruiz"], ["Ana Ruiz", "Ben Ode"], "Ana Ruiz", [1, 0]),
        # three-person loop plus a tail hanging off it.
        (
            ["Cy", "ava", "Bo", "Dee"],
            ["Bo", "Cy", "ava", "Cy"],
            "ava",
            [2, 0, 1, 3],
        ),
    ],
)
def test_loops_are_cut_at_the_first_name(contacts, referred_by, cut, depths):
    log = _log(contacts, referred_by)
    chains = referral_chains(log, as_of=AS_OF)
    assert chains["depth"].tolist() == depths
    assert set(chains["root"]) == {cut}
    problems = referral_problems(log)
    assert problems["problem"].tolist() == ["referral_loop"]
    assert problems.loc[0, "contact"] == cut
    graph = referral_graph(log, as_of=AS_OF)
    assert nx.is_directed_acyclic_graph(graph)


def test_two_separate_loops_each_reported():
    log = _log(["A", "B", "C", "D"], ["B", "A", "D", "C"])
    problems = referral_problems(log)
    assert problems["contact"].tolist() == ["A", "C"]
    assert problems["detail"].str.contains("Referral loop among").all()


def test_shared_name_links_to_the_first_row_and_is_reported():
    log = _log(["Sam Lee", "Ana Ruiz", "sam lee", "Ben Ode"], [None, "Sam Lee", None, "Sam Lee"])
    log["source_row"] = [2, 3, 4, 5]
    chains = referral_chains(log, as_of=AS_OF)
    assert chains["descendants"].tolist() == [2, 0, 0, 0]
    assert chains["root"].tolist() == ["Sam Lee", "Sam Lee", "sam lee", "Sam Lee"]
    problems = referral_problems(log)
    assert problems["problem"].tolist() == ["ambiguous_name"]
    assert problems.loc[0, "source_row"] == 2
    assert "rows 2, 4" in problems.loc[0, "detail"]
    graph = referral_graph(log, as_of=AS_OF)
    assert set(graph.nodes) == {"sam lee", "sam lee #4", "ana ruiz", "ben ode"}


def test_cohort_owners_have_separate_networks():
    log = _log(
        ["Ana Ruiz", "Ben Ode", "Ana Ruiz", "Ben Ode", "Cy"],
        [None, "Ana Ruiz", None, "ana ruiz", "Ben Ode"],
        owner=["amy", "amy", "bo", "bo", "carl"],
    )
    chains = referral_chains(log, as_of=AS_OF)
    # Same names under different owners are different people: no ambiguity, no sharing.
    assert chains["descendants"].tolist()[:4] == [1, 0, 1, 0]
    # carl has no Ben Ode: an outside referrer of carl's network.
    assert chains.iloc[5][["contact", "owner", "in_log"]].tolist() == ["Ben Ode", "carl", False]
    assert referral_problems(log)["problem"].tolist() == ["unknown_referrer"]
    graph = referral_graph(log, as_of=AS_OF)
    assert ("amy / ana ruiz", "amy / ben ode") in graph.edges
    assert ("carl / ben ode", "carl / cy") in graph.edges


def test_rows_without_a_name_are_kept():
    log = _log(["Ana", None, "Ben"], [None, "Ana", "Ana"])
    chains = referral_chains(log, as_of=AS_OF)
    assert chains["contact"].tolist() == ["Ana", "(no name)", "Ben"]
    assert chains.loc[0, "descendants"] == 2


def test_graph_nodes_carry_log_fields(tiny_log):
    graph = referral_graph(tiny_log, as_of=TINY_AS_OF)
    assert graph.number_of_nodes() == 8
    assert sorted(graph.edges) == [("ana ruiz", "ben ode"), ("ben ode", "chloe park")]
    ana = graph.nodes["ana ruiz"]
    assert ana["contact"] == "Ana Ruiz"
    assert ana["organization"] == "Acme"
    assert ana["status"] == "interviewed"
    assert ana["interviewed"] is True
    assert ana["outside"] is False
    assert "thanked_on" in ana
    assert "followed_up_on" not in ana  # missing values are left out
    assert graph.nodes["chloe park"]["root"] == "ana ruiz"
    assert graph.graph["problems"].empty


def test_inputs_are_not_modified(tiny_log):
    before = tiny_log.copy(deep=True)
    referral_chains(tiny_log, as_of=TINY_AS_OF)
    referral_summary(tiny_log, by="field", as_of=TINY_AS_OF)
    referral_graph(tiny_log, as_of=TINY_AS_OF)
    referral_problems(tiny_log)
    pd.testing.assert_frame_equal(tiny_log, before)


def test_long_chain_is_fast_and_exact():
    n = 5000
    names = [f"P{i}" for i in range(n)]
    log = _log(names, [None, *names[:-1]])
    chains = referral_chains(log, as_of=AS_OF)
    assert chains["depth"].tolist() == list(range(n))
    assert chains["descendants"].tolist() == list(range(n - 1, -1, -1))
    assert chains.loc[3, "path"] == "P0 → P1 → P2 → P3"


def test_empty_log():
    chains = referral_chains(pd.DataFrame({"contact": []}), as_of=AS_OF)
    assert list(chains.columns) == CHAIN_COLUMNS
    assert chains.empty


# ------------------------------------------------------------------ summary
def test_summary_tiny_log(tiny_log):
    s = referral_summary(tiny_log, as_of=TINY_AS_OF)
    assert s.columns.tolist() == list(TABLES["referral_summary"].columns)
    row = s.iloc[0]
    # Ana and Ben interviewed, Ben via Ana; referrals_given column: Ana 2 + Ben 1.
    assert row[["people", "chains", "longest_chain", "interviews"]].tolist() == [8, 1, 3, 2]
    assert row["interviews_via_referral"] == 1
    assert row["share_interviews_via_referral"] == pytest.approx(0.5)
    assert row["referrals_given"] == 3
    assert row["referrals_per_interview"] == pytest.approx(1.5)
    # Referred: Ben answered, Chloe pending (left out) -> 1/1.
    assert row["referred_response_rate"] == pytest.approx(1.0)
    # Not referred, decided: Ana, Dev, Eve, Finn, Hana; answered: Ana, Eve, Hana.
    assert row["not_referred_response_rate"] == pytest.approx(3 / 5)
    assert row["top_connectors"] == "Ana Ruiz (2), Ben Ode (1)"


def test_summary_by_field(tiny_log):
    s = referral_summary(tiny_log, by="field", as_of=TINY_AS_OF, top=1)
    assert s["field"].tolist() == ["data", "design", "policy"]
    assert s["people"].tolist() == [4, 3, 1]
    assert s["chains"].tolist() == [1, 0, 0]
    assert s["longest_chain"].tolist() == [3, 0, 0]
    assert s["top_connectors"].tolist() == ["Ana Ruiz (2)", "", ""]
    assert np.isnan(s.loc[1, "referred_response_rate"])


def test_summary_counts_referrals_from_the_log_when_column_is_empty():
    log = _log(
        ["Ana", "Ben", "Cy", "Dee"],
        [None, "Ana", "Ana", "Prof. X"],
        status=["interviewed", "interviewed", "awaiting", "interviewed"],
        requested_on=pd.to_datetime(["2026-03-02"] * 4),
    )
    s = referral_summary(log, as_of=AS_OF)
    # Ana named by Ben and Cy; Prof. X (outside) named by Dee: 3 referrals, 3 interviews.
    assert s.loc[0, "referrals_given"] == 3
    assert s.loc[0, "referrals_per_interview"] == pytest.approx(1.0)
    assert s.loc[0, "chains"] == 2
    assert s.loc[0, "top_connectors"] == "Ana (2), Prof. X (1)"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"by": "chanel"}, r"`by` must be a column name .* but 'chanel' was passed"),
        ({"top": 0}, r"`top` must be a whole number >= 1, but 0 was passed"),
        ({"as_of": "soon"}, r"`as_of` must be a date"),
    ],
)
def test_summary_bad_arguments(tiny_log, kwargs, match):
    with pytest.raises(InvalidArgumentError, match=match):
        referral_summary(tiny_log, **kwargs)


def test_not_a_dataframe():
    with pytest.raises(InvalidArgumentError, match="Expected the log as a pandas DataFrame"):
        referral_chains([{"contact": "Ana"}])


# ------------------------------------------------------------------ networkx reference
@st.composite
def forests(draw):
    """A random forest with shuffled rows, outside referrers and messy name spelling."""
    n = draw(st.integers(1, 40))
    parents = [draw(st.integers(-3, i - 1)) for i in range(n)]  # -3..-2: outside, -1: root
    order = draw(st.permutations(range(n)))
    spell = draw(st.lists(st.sampled_from(["as is", "upper", "spaces"]), min_size=n, max_size=n))
    interviewed = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return n, parents, order, spell, interviewed


def _spelled(name: str, how: str) -> str:
    return {"as is": name, "upper": name.upper(), "spaces": "  " + name.replace(" ", "   ")}[how]


@given(forests())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_matches_networkx_on_random_forests(case):
    n, parents, order, spell, interviewed = case
    names = [f"Person {i}" for i in range(n)]
    outside = {-3: "Outside A", -2: "Outside B"}
    ref = [
        None if p == -1 else outside[p] if p < -1 else _spelled(names[p], spell[i])
        for i, p in enumerate(parents)
    ]
    log = pd.DataFrame(
        {
            "contact": [names[i] for i in order],
            "referred_by": [ref[i] for i in order],
            "status": ["interviewed" if interviewed[i] else "awaiting" for i in order],
        }
    )
    chains = referral_chains(log, as_of=AS_OF).set_index("contact")

    g = nx.DiGraph()
    g.add_nodes_from(names)
    for i, p in enumerate(parents):
        if p != -1:
            g.add_edge(outside.get(p, names[p] if p >= 0 else ""), names[i])
    done = dict(zip(names, interviewed, strict=True))
    assert set(chains.index) == set(g.nodes)
    for root in (v for v in g.nodes if g.in_degree(v) == 0):
        lengths = nx.single_source_shortest_path_length(g, root)
        paths = nx.single_source_shortest_path(g, root)
        for v, d in lengths.items():
            assert chains.loc[v, "depth"] == d
            assert chains.loc[v, "root"] == root
            assert chains.loc[v, "path"] == " → ".join(paths[v])
            assert chains.loc[v, "depth"] == chains.loc[v, "path"].count(" → ")
    for v in g.nodes:
        below = nx.descendants(g, v)
        assert chains.loc[v, "descendants"] == len(below)
        assert chains.loc[v, "referrals_made"] == g.out_degree(v)
        assert chains.loc[v, "interviews_led_to"] == sum(done.get(u, False) for u in below)
    graph = referral_graph(log, as_of=AS_OF)
    assert graph.number_of_edges() == g.number_of_edges()


@given(st.lists(st.integers(-1, 19), min_size=1, max_size=20))
@settings(max_examples=80, deadline=None)
def test_any_structure_terminates_as_a_forest(parents):
    """Random 'who referred whom' with loops and self-referrals: always a forest out."""
    n = len(parents)
    names = [f"P{i:02d}" for i in range(n)]
    refs = [names[p] if 0 <= p < n else None for p in parents]
    log = _log(names, refs)
    chains = referral_chains(log, as_of=AS_OF)
    assert len(chains) == n
    graph = referral_graph(log, as_of=AS_OF)
    assert nx.is_directed_acyclic_graph(graph)
    assert max((d for _, d in graph.in_degree()), default=0) <= 1
    # The reference: loops of the functional graph, each cut at its smallest name.
    g = nx.DiGraph([(refs[i], names[i]) for i in range(n) if refs[i] is not None])
    loops = [c for c in nx.simple_cycles(g) if len(c) > 1]
    problems = referral_problems(log)
    assert sorted(problems.loc[problems["problem"] == "referral_loop", "contact"]) == sorted(
        min(c) for c in loops
    )
    selfs = sum(1 for i in range(n) if refs[i] == names[i])
    assert (problems["problem"] == "self_referral").sum() == selfs
    for v in graph.nodes:
        depth = graph.nodes[v]["depth"]
        assert depth == len(nx.ancestors(graph, v))
