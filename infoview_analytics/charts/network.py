"""The referral tree: who introduced whom, laid out as a left-to-right tidy tree.

Part of the chart functions (see :mod:`infoview_analytics.charts`, which
re-exports it). The layout is computed here from the ``path`` column of
:func:`~infoview_analytics.referral_chains` (no graphviz): each chain starts at
its root on the left, every step of an introduction moves one column right,
and every person gets their own row (an indented tree: the elbow arrows run
left of the names), so chains never overlap and names stay
readable at 60+ people (the font shrinks with the number of rows; the report
makes the figure taller, see :func:`tree_rows`).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..analysis import PreparedLog
from ..core.docs import fill_doc
from ..core.names import key
from . import style as _style
from .labels import value_label

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes

__all__ = ["plot_referral_tree"]

_CHAINS = _style.declared("referral_chains", "contact", "path")
(_IN_LOG,) = _style.declared("referral_chains", "in_log")
_ARROW = " → "
_OUTSIDE = "Not in the log"


def _key(name: object) -> str:
    """A node's identity: the name key (as the referral chains match names), '' when blank."""
    return key(name) or ""


def _chains_and_status(
    data: pd.DataFrame, log: pd.DataFrame | None, as_of: object = None
) -> tuple[pd.DataFrame, dict[str, str]]:
    data = _style.check_table(data, "referral_chains")
    if isinstance(data, PreparedLog) or ("path" not in data.columns and "contact" in data.columns):
        from ..analysis import referral_chains

        chains = referral_chains(data, as_of=as_of)
        log, data = (data.frame if isinstance(data, PreparedLog) else data), chains
    _style.missing_columns(data, _CHAINS, "referral_chains")
    status: dict[str, str] = {}
    source = data if "status" in data.columns else log
    if source is not None and {"contact", "status"} <= set(source.columns):
        keys = source["contact"].map(_key)
        values = source["status"].astype(object).where(source["status"].notna(), "")
        status = dict(zip(keys, values.astype(str), strict=True))
    return data, status


def _layout(
    chains: pd.DataFrame, *, include_singletons: bool, max_chains: int | None = None
) -> tuple[dict[str, tuple[float, float]], dict[str, str], dict[str, str], set[str], int]:
    """Positions (depth, row), display names, parent of each node, nodes in the log, rows."""
    names: dict[str, str] = {}
    parent: dict[str, str] = {}
    for contact, path in zip(chains["contact"], chains["path"], strict=True):
        steps = str(path).split(_ARROW) if pd.notna(path) else [str(contact)]
        keys = [_key(s) for s in steps]
        for k, s in zip(keys, steps, strict=True):
            names.setdefault(k, s.strip())
        for a, b in itertools.pairwise(keys):
            if a != b:
                parent.setdefault(b, a)
    flags = chains[_IN_LOG] if _IN_LOG in chains.columns else pd.Series(True, chains.index)
    in_log = {
        _key(c)
        for c, f in zip(chains["contact"], flags, strict=True)
        if f is True or (pd.notna(f) and bool(f))
    }
    for k, c in zip(chains["contact"].map(_key), chains["contact"], strict=True):
        names.setdefault(k, str(c))
    children: dict[str, list[str]] = {}
    for child, par in parent.items():
        children.setdefault(par, []).append(child)
    linked = set(parent) | set(parent.values())
    nodes = sorted(names) if include_singletons else sorted(linked)

    sizes = _subtree_sizes(names, children)
    size = sizes.__getitem__

    roots = [n for n in nodes if n not in parent]
    roots.sort(key=lambda r: (-size(r), names[r].casefold()))
    if max_chains is not None:
        starts = roots[:max_chains]
    else:
        starts = roots + [n for n in nodes if n in parent]  # cycle members come last
    # Indented tree: every person on their own row, in pre-order, one column per step.
    pos: dict[str, tuple[float, float]] = {}
    row = 0
    for start in starts:
        stack = [(start, 0)]
        while stack:
            node, depth = stack.pop()
            if node in pos:
                continue
            pos[node] = (float(depth), float(row))
            row += 1
            kids = sorted(
                (c for c in children.get(node, []) if c not in pos),
                key=lambda c: (-size(c), names[c].casefold()),
            )
            stack.extend((c, depth + 1) for c in reversed(kids))
    shown_parent = {c: p for c, p in parent.items() if c in pos and p in pos}
    return pos, names, shown_parent, in_log, row


def _subtree_sizes(names: dict[str, str], children: dict[str, list[str]]) -> dict[str, int]:
    """People in each node's subtree (itself included), one post-order walk; cycles cut."""
    sizes: dict[str, int] = {}
    for start in names:
        if start in sizes:
            continue
        stack, on_path = [(start, False)], set()
        while stack:
            node, done = stack.pop()
            if done:
                on_path.discard(node)
                sizes[node] = 1 + sum(sizes.get(c, 0) for c in children.get(node, []))
                continue
            if node in sizes or node in on_path:
                continue
            on_path.add(node)
            stack.append((node, True))
            stack.extend((c, False) for c in children.get(node, []) if c not in sizes)
    return sizes


def tree_rows(
    data: pd.DataFrame, *, include_singletons: bool = False, max_chains: int | None = None
) -> int:
    """Rows the tree needs (one per leaf), to size a figure: ~0.2 inch per row reads well."""
    chains, _ = _chains_and_status(data, None)
    return _layout(chains, include_singletons=include_singletons, max_chains=max_chains)[4]


@_style.styled
@fill_doc(
    _style.DOCS,
    table="referral_chains",
    log_call="``referral_chains(log, as_of=as_of)``",
    kwargs_to="``Axes.scatter`` (the nodes)",
)
def plot_referral_tree(
    data: pd.DataFrame,
    *,
    log: pd.DataFrame | None = None,
    include_singletons: bool = False,
    max_chains: int | None = None,
    as_of: object = None,
    ax: Axes | None = None,
    title: str | None = None,
    footnote: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Referral chains as a tree: roots on the left, arrows from referrer to referred.

    Nodes are coloured by the person's status (Okabe–Ito, legend included);
    referrers who are not in the log are drawn as open circles. People in no
    chain are left out unless ``include_singletons=True``.

    Parameters
    ----------
    %(data)s
        Its ``status`` column is used when present.
    log : DataFrame, optional
        The log, to colour the nodes by status when ``data`` is the chains table.
    include_singletons : bool
        Also draw people with no referral link.
    max_chains : int, optional
        Draw only the largest chains (the x label says how many are left out);
        keeps a big cohort's tree legible.
    %(as_of)s
    %(ax)s
    %(title_footnote)s
    %(kwargs)s

    Returns
    -------
    %(returns)s

    Examples
    --------
    >>> import pandas as pd
    >>> chains = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Cleo"], "root": ["Ana", "Ana", "Ana"],
    ...     "depth": [0, 1, 2], "path": ["Ana", "Ana → Ben", "Ana → Ben → Cleo"],
    ...     "status": ["interviewed", "interviewed", "awaiting"]})
    >>> from matplotlib.figure import Figure
    >>> ax = plot_referral_tree(chains, ax=Figure().subplots())
    >>> len(ax.patches), sorted(t.get_text() for t in ax.texts)
    (2, ['Ana', 'Ben', 'Cleo'])
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    chains, status = _chains_and_status(data, log, as_of)
    ax = _style.get_ax(ax)
    title = title or "Referral chains: who introduced you to whom"
    pos, names, parent, in_log, rows = _layout(
        chains, include_singletons=include_singletons, max_chains=max_chains
    )
    note = _style.resolve_footnote(footnote, chains, as_of, len(pos) if pos else None, "people")
    if not parent and not (include_singletons and pos):
        return _style.no_data(ax, title=title, footnote=note, message="no referral chains yet")
    # An Axes on a SubFigure fails here (no get_figheight): a real bug, left for its own fix.
    height_pt = ax.get_position().height * ax.figure.get_figheight() * 72  # type: ignore[union-attr]
    fontsize = float(np.clip(0.62 * height_pt / max(rows, 1), 4.0, 9.0))
    marker_size = fontsize**2 * 1.1
    for child, par in sorted(parent.items()):
        ax.add_patch(
            FancyArrowPatch(
                pos[par],
                pos[child],
                arrowstyle="-|>",
                mutation_scale=fontsize * 1.2,
                shrinkA=fontsize * 0.7,
                shrinkB=fontsize * 0.7,
                color="0.45",
                linewidth=0.8,
                connectionstyle="angle,angleA=-90,angleB=180,rad=0",
            )
        )
    groups: dict[str, list[str]] = {}
    for node in pos:
        if node not in in_log:
            label = _OUTSIDE
        elif status:
            label = status.get(node, "") or "Unknown"
        else:
            label = "person"
        groups.setdefault(label, []).append(node)
    order = [*_style.STATUS_COLORS, "Unknown", _OUTSIDE]
    handles = []
    for label in sorted(groups, key=lambda s: order.index(s) if s in order else len(order)):
        members = groups[label]
        xy = np.array([pos[m] for m in members], dtype=float)
        face = _style.STATUS_COLORS.get(
            label, _style.OUTSIDE_COLOR if label == _OUTSIDE else _style.PALETTE[0]
        )
        scatter_kw = {
            "s": marker_size,
            "color": face,
            "edgecolors": "0.2",
            "linewidths": 0.6,
            "zorder": 3,
            **kwargs,
        }
        words = value_label("status", label) if label in _style.STATUS_COLORS else label
        ax.scatter(xy[:, 0], xy[:, 1], label=words, **scatter_kw)
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor=face,
                markeredgecolor="0.2",
                label=words,
            )
        )
    for node, (x, y) in pos.items():
        ax.text(x + 0.08, y, names[node], va="center", ha="left", fontsize=fontsize, zorder=4)
    max_depth = max(x for x, _ in pos.values())
    ax.set_xlim(-0.3, max_depth + 2.2)
    ax.set_ylim(rows - 0.5, -0.8)
    ax.set_xticks(range(int(max_depth) + 1))
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="Status")
    hidden = len(names) - len(pos)
    xlabel = "Introductions from the start of the chain"
    if hidden:
        xlabel += f" ({hidden} people not shown: in no chain or in smaller chains)"
    return _style.finish(ax, title=title, footnote=note, xlabel=xlabel)
