"""Referral chains: who introduced whom, how deep chains go, who the connectors are.

The chains come from the referral forest (:mod:`.forest`): every row's
``referred_by`` matched to another row's ``contact`` by the one name key,
within the same ``owner`` in a cohort, referrers not in the log as *outside*
starts of chains, and loops, self-referrals and shared names resolved
deterministically and listed by :func:`referral_problems`. Descendants and
interviews are summed level by level from the deepest level up, and paths
built level by level top-down.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.docs import fill_doc
from ..core.names import name_key
from .docs import DOCS, columns_of
from .forest import Forest, levels
from .grouping import check_by, group_keys
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import ratio
from .tables import TABLES

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["referral_chains", "referral_graph", "referral_problems", "referral_summary"]

ARROW = " → "
_NO_NAME = "(no name)"  # the forest's name for rows without one

#: The columns of the chains table (declared in :mod:`.tables`).
CHAIN_COLUMNS = list(TABLES["referral_chains"].columns)


def _node_ids(c: Forest) -> np.ndarray:
    """Stable node ids: the name key ("owner / name" in a cohort), " #row" for later namesakes."""
    owner = name_key(pd.Series(c.owners, dtype=object)).fillna("").to_numpy(dtype=object)
    base = np.where(owner == "", "", owner + " / ")
    key = name_key(pd.Series(c.names, dtype=object)).to_numpy(dtype=object)
    key[: c.n][c.names[: c.n] == _NO_NAME] = np.nan
    nameless = pd.isna(key)
    later = np.concatenate([c.later, np.zeros(len(key) - c.n, dtype=bool)])
    row_txt = c.rows.astype(str).astype(object)
    ids = base + np.where(nameless, "#" + row_txt, key)
    ids[later] = ids[later] + " #" + row_txt[later]
    return ids


def _interviewed(p: PreparedLog) -> np.ndarray:
    """Interviewed flags of every node of the forest (outside referrers: False)."""
    outside = len(p.forest.parent) - p.forest.n
    return np.concatenate([p.outcomes["interviewed"].to_numpy(), np.zeros(outside, dtype=bool)])


def _table(c: Forest, interviewed: np.ndarray, *, paths: bool = True) -> pd.DataFrame:
    """The chains table; ``paths=False`` leaves ``path`` empty (the summary needs no paths)."""
    size = len(c.parent)
    order, bounds = levels(c.depth)
    top = len(bounds) - 2
    subtree = np.ones(size, dtype=np.int64)
    led = interviewed.astype(np.int64)
    # Deepest level first: each level adds its subtree totals to its parents.
    for d in range(top, 0, -1):
        nodes = order[bounds[d] : bounds[d + 1]]
        np.add.at(subtree, c.parent[nodes], subtree[nodes])
        np.add.at(led, c.parent[nodes], led[nodes])
    # Paths top-down: one vectorised concatenation per level.
    path = c.names.astype(object).copy() if paths else np.full(size, None, dtype=object)
    for d in range(1, top + 1 if paths else 1):
        nodes = order[bounds[d] : bounds[d + 1]]
        path[nodes] = path[c.parent[nodes]] + ARROW + c.names[nodes]
    has_parent = c.parent >= 0
    made = np.bincount(c.parent[has_parent], minlength=size)
    # Names stay Python objects (dtype object) under every string backend: building
    # Arrow strings of 1M+ names, roots and paths cost ~1 s more than the whole table.
    return pd.DataFrame(
        {
            "contact": pd.Series(c.names, dtype=object),
            "root": pd.Series(c.names[c.root], dtype=object),
            "depth": c.depth,
            "path": pd.Series(path, dtype=object),
            "referrals_made": made,
            "descendants": subtree - 1,
            "interviews_led_to": led - interviewed.astype(np.int64),
            "in_log": np.arange(size) < c.n,
            "owner": pd.Series(c.owners, dtype=object),
        },
        columns=list(TABLES["referral_chains"].columns),
    )


@fill_doc(DOCS)
def referral_chains(log: pd.DataFrame | PreparedLog, *, as_of: object = None) -> pd.DataFrame:
    """One row per person: where their referral chain starts and where it led.

    Parameters
    ----------
    %(log)s
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        One row per log row in log order, then one row per outside referrer
        (named in ``referred_by`` but not in the log), with columns
        ``contact, root, depth, path, referrals_made, descendants,
        interviews_led_to, in_log, owner``. ``root`` is the name of who
        started the chain (as written), ``depth`` 0 for a root, ``path`` the
        names from the root, joined by " → ". ``referrals_made`` counts the
        people in the log this person referred; ``descendants`` how many
        people their introductions led to, transitively; ``interviews_led_to``
        the interviews among those. ``in_log`` is False for outside referrers.
        Problems (loops, self-referrals, shared names, unknown referrers) are
        handled as described in the module and listed by
        :func:`referral_problems`.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana Ruiz", "Ben Ode", "Chloe Park"],
    ...     "referred_by": [None, "ana ruiz", "Ben  Ode"],
    ...     "status": ["interviewed", "interviewed", "awaiting"],
    ... })
    >>> chains = referral_chains(log, as_of="2026-04-17")
    >>> chains[["contact", "depth", "descendants", "interviews_led_to"]]
          contact  depth  descendants  interviews_led_to
    0    Ana Ruiz      0            2                  1
    1     Ben Ode      1            1                  0
    2  Chloe Park      2            0                  0
    >>> chains.loc[2, "path"]
    'Ana Ruiz → Ben Ode → Chloe Park'
    """
    p = prepare(log, as_of=as_of)
    return with_gaps(_table(p.forest, _interviewed(p)), p, "referral_chains")


@fill_doc(DOCS, columns=columns_of("referral_problems"))
def referral_problems(log: pd.DataFrame | PreparedLog) -> pd.DataFrame:
    """The referral structures that needed a decision, one row per problem.

    Parameters
    ----------
    %(log)s

    Returns
    -------
    pandas.DataFrame
        Columns %(columns)s. ``problem``
        is one of ``self_referral`` (one row per row), ``ambiguous_name`` (one
        row per shared name, at its first row), ``unknown_referrer`` (one row
        per outside referrer, at the first row naming them) and
        ``referral_loop`` (one row per loop, at the member where it is cut).
        ``detail`` says what was done and what to check.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana Ruiz", "Ben Ode", "Chloe Park"],
    ...     "referred_by": ["Ben Ode", "Ana Ruiz", "Prof. Lee"],
    ... })
    >>> referral_problems(log)[["problem", "contact", "source_row"]]
                problem    contact  source_row
    0  unknown_referrer  Prof. Lee           4
    1     referral_loop   Ana Ruiz           2
    """
    return prepare(log).forest.problems.copy()


@fill_doc(DOCS)
def referral_graph(log: pd.DataFrame | PreparedLog, *, as_of: object = None) -> nx.DiGraph[str]:
    """The referral forest as a networkx directed graph, edges referrer → referred.

    Parameters
    ----------
    %(log)s
    %(as_of)s

    Returns
    -------
    networkx.DiGraph
        Nodes are keyed by a stable id: the name key (case, accents and
        spacing ignored: ``"jose alvarez"``; ``"owner / name"`` when the row
        has an owner; a later row
        sharing a name gets ``" #<row>"`` appended). Node attributes are the
        row's non-missing log fields plus ``name``, ``depth``, ``root`` (node
        id), ``interviewed`` and ``outside`` (True for a referrer not in the
        log; they carry ``name``, ``owner`` and ``source_row`` of the first row
        naming them). The graph is the forest used by :func:`referral_chains`:
        self-referrals are left out and each loop is cut as described there.
        ``graph.graph["problems"]`` holds :func:`referral_problems`' table.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben Ode"],
    ...                     "referred_by": ["Prof. Lee", "Ana Ruiz"]})
    >>> g = referral_graph(log, as_of="2026-04-17")
    >>> sorted(g.edges())
    [('ana ruiz', 'ben ode'), ('prof. lee', 'ana ruiz')]
    >>> g.nodes["prof. lee"]["outside"], g.nodes["ben ode"]["depth"]
    (True, 2)
    """
    import networkx as nx

    p = prepare(log, as_of=as_of)
    log, c, interviewed = p.frame, p.forest, _interviewed(p)
    ids = _node_ids(c)
    graph: nx.DiGraph[str] = nx.DiGraph(problems=c.problems)
    # cast: the canonical frame's column labels are str (pandas-stubs says Hashable)
    records = cast(
        "list[dict[str, Any]]", log.astype(object).where(log.notna(), None).to_dict("records")
    )
    size = len(c.parent)
    for i in range(size):
        attrs = {k: v for k, v in records[i].items() if v is not None} if i < c.n else {}
        if i >= c.n:
            if pd.notna(c.owners[i]):
                attrs["owner"] = c.owners[i]
            attrs["source_row"] = int(c.rows[i])
        attrs.update(
            name=c.names[i],
            depth=int(c.depth[i]),
            root=ids[c.root[i]],
            interviewed=bool(interviewed[i]),
            outside=i >= c.n,
        )
        graph.add_node(ids[i], **attrs)
    child = np.flatnonzero(c.parent >= 0)
    graph.add_edges_from(zip(ids[c.parent[child]], ids[child], strict=True))
    return graph


@fill_doc(DOCS, columns=columns_of("referral_summary"))
def referral_summary(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = None,
    as_of: object = None,
    top: int = 3,
) -> pd.DataFrame:
    """Chains, referral yield and the response-rate gap between referred and cold requests.

    Parameters
    ----------
    %(log)s
    %(by)s
    %(as_of)s
    top : int, default 3
        How many connectors to name.

    Returns
    -------
    pandas.DataFrame
        One row per group: %(columns)s.

        * ``chains``: distinct chain starts (roots) of the group's referred
          people; ``longest_chain``: people on the longest path from a root
          to a member of the group (the root counted), 0 without referrals.
        * ``interviews_via_referral``: interviews with people who have a
          referrer (in the log or outside).
        * ``referrals_given``: the sum of the ``referrals_given`` column when
          the log fills it anywhere (blank = 0), otherwise the number of
          people in the log whose ``referred_by`` names someone of the group;
          ``referrals_per_interview`` divides it by ``interviews``.
        * response rates: responded / decided (pending requests left out),
          for referred and not-referred people; NaN without decided requests.
        * ``top_connectors``: up to ``top`` people with the most descendants
          (ties: most direct referrals, then name), e.g.
          ``"Ana Ruiz (4), Ben Ode (2)"``; an outside referrer counts in the
          group of the first row naming them. Empty when nobody referred.

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` column or a ``top`` below 1.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana Ruiz", "Ben Ode", "Chloe Park", "Dev Shah"],
    ...     "referred_by": [None, "Ana Ruiz", "Ben Ode", None],
    ...     "requested_on": pd.to_datetime(["2026-03-02"] * 4),
    ...     "status": ["interviewed", "interviewed", "declined", "no_response"],
    ... })
    >>> s = referral_summary(log, as_of="2026-04-17")
    >>> s[["people", "chains", "longest_chain", "interviews", "interviews_via_referral"]]
       people  chains  longest_chain  interviews  interviews_via_referral
    0       4       1              3           2                        1
    >>> s.loc[0, "top_connectors"], float(s.loc[0, "not_referred_response_rate"])
    ('Ana Ruiz (2), Ben Ode (1)', 0.5)
    """
    p = prepare(log, as_of=as_of)
    keys_by = check_by(p.frame, by)
    top = check_positive_int("top", top, minimum=1)
    log, out, c = p.with_derived(keys_by), p.outcomes, p.forest
    table = _table(c, _interviewed(p), paths=False)
    n = c.n
    people = table.iloc[:n]
    referred = people["depth"].to_numpy() > 0
    given_col = log["referrals_given"]
    if given_col.notna().any():
        given = pd.to_numeric(given_col, errors="coerce").fillna(0).to_numpy(dtype=float)
    else:
        # Outside referrers' introductions count with the first row naming them.
        made = table["referrals_made"].to_numpy(dtype=float)
        given = made[:n].copy()
        np.add.at(given, _home(c)[n:], made[n:])
    keys = group_keys(log, keys_by).reset_index(drop=True)
    frame = keys.assign(
        people=1,
        referred=referred,
        interviews=out["interviewed"].to_numpy(),
        via=out["interviewed"].to_numpy() & referred,
        given=given,
        ref_resp=out["responded"].to_numpy() & referred,
        ref_dec=out["decided"].to_numpy() & referred,
        cold_resp=out["responded"].to_numpy() & ~referred,
        cold_dec=out["decided"].to_numpy() & ~referred,
        length=np.where(referred, people["depth"].to_numpy() + 1, 0),
        root=np.where(referred, c.root[:n], -1),
    )
    grouper = keys_by if keys_by else np.zeros(n, dtype=np.int64)
    g = frame.groupby(grouper, sort=True, observed=True)
    res = g[["people", "interviews", "via", "given", "ref_resp", "ref_dec", "cold_resp"]].sum()
    res["cold_dec"] = g["cold_dec"].sum()
    res["longest_chain"] = g["length"].max()
    roots = frame.loc[referred, [*keys_by, "root"]] if keys_by else frame.loc[referred, ["root"]]
    if keys_by:
        res["chains"] = roots.drop_duplicates().groupby(keys_by, sort=True).size()
    else:
        res["chains"] = roots["root"].nunique()
    res["chains"] = res["chains"].fillna(0).astype(np.int64)
    res["top_connectors"] = _connectors(table, keys, keys_by, c, top).reindex(res.index)
    res["top_connectors"] = res["top_connectors"].fillna("")
    res = res.reset_index(drop=not keys_by)
    return with_gaps(
        pd.DataFrame(
            {
                **{k: res[k] for k in keys_by},
                "people": res["people"].astype(np.int64),
                "chains": res["chains"],
                "longest_chain": res["longest_chain"].astype(np.int64),
                "interviews": res["interviews"].astype(np.int64),
                "interviews_via_referral": res["via"].astype(np.int64),
                "share_interviews_via_referral": ratio(res["via"], res["interviews"]),
                "referrals_given": res["given"].astype(np.int64),
                "referrals_per_interview": ratio(res["given"], res["interviews"]),
                "referred_response_rate": ratio(res["ref_resp"], res["ref_dec"]),
                "not_referred_response_rate": ratio(res["cold_resp"], res["cold_dec"]),
                "top_connectors": res["top_connectors"].astype(object),
            }
        ),
        p,
        "referral_summary",
    )


def _home(c: Forest) -> np.ndarray:
    """Row of each node: itself for log rows, the first row naming an outside referrer."""
    n = c.n
    size = len(c.parent)
    child = np.flatnonzero(c.parent >= n)
    first_child = np.full(size, -1, dtype=np.int64)
    first_child[c.parent[child[::-1]]] = child[::-1]
    home = np.arange(size)
    home[n:] = first_child[n:]
    return home


def _connectors(
    table: pd.DataFrame, keys: pd.DataFrame, keys_by: list[str], c: Forest, top: int
) -> pd.Series:
    """'Name (descendants), ...' per group, best connectors first."""
    size = len(table)
    home = _home(c)
    cand = table[["contact", "descendants", "referrals_made"]].assign(
        _home=home, _pos=np.arange(size)
    )
    cand = cand[cand["descendants"].to_numpy() > 0]
    if keys_by:
        cand = pd.concat(
            [cand.reset_index(drop=True), keys.iloc[cand["_home"]].reset_index(drop=True)],
            axis=1,
        )
    else:
        cand = cand.assign(_all=0)
    group_cols = keys_by or ["_all"]
    # Keep the few candidates that can make the top by the numbers, then sort by name too.
    made = cand["referrals_made"].to_numpy(dtype=np.int64)
    score = cand["descendants"].to_numpy(dtype=np.int64) * (int(made.max(initial=0)) + 1) + made
    rank = (
        pd.Series(score)
        .groupby([cand[k].to_numpy() for k in group_cols])
        .rank(method="min", ascending=False)
    )
    cand = cand[rank.to_numpy() <= top]
    cand = cand.sort_values(
        [*group_cols, "descendants", "referrals_made", "contact", "_pos"],
        ascending=[True] * len(group_cols) + [False, False, True, True],
        kind="stable",
    )
    best = cand.groupby(group_cols, sort=False, observed=True).head(top)
    label = best["contact"].astype(str) + " (" + best["descendants"].astype(str) + ")"
    joined = label.groupby([best[k] for k in group_cols], sort=False).agg(", ".join)
    if not keys_by:
        joined.index = pd.RangeIndex(len(joined))
    return joined
