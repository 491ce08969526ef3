"""The referral tree (charts/network.py): layout, arrows, status colours, large trees."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from infoview_analytics import charts
from infoview_analytics.charts.network import tree_rows

from ._shared import _ax, _texts, chains_table


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
    assert legend == [
        "Awaiting an answer",
        "Replied",
        "Interviewed",
        "Declined",
        "Not in the log",
    ]
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
