"""Referral chains: who introduced whom, how deep chains go, who the connectors are.

Every row's ``referred_by`` is matched to another row's ``contact``, ignoring
case and runs of whitespace, within the same ``owner`` when the log is a
cohort (each student has their own network). A referrer who is not in the log
becomes an *outside* root. Structural problems never hang or crash: they are
listed by :func:`referral_problems` and handled deterministically:

* a self-referral is ignored (the person becomes a root);
* a name shared by two rows links referrals to the first of those rows;
* a loop (A referred B, B referred A) is broken at the member whose name sorts
  first, who becomes a root.

The computation is linear in the number of people: parent pointers come from a
hash join on the name keys, depth and root from pointer jumping (doubling),
descendants from counts accumulated level by level from the deepest level up,
and paths from strings built level by level top-down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..core.args import as_of_timestamp, check_positive_int
from ..core.frame import canonical
from ..core.memo import remembered
from ..core.names import name_codes, name_key, people_codes, row_numbers, running_max_before
from .forest import break_loops, levels, pointer_jump, problem_table
from .grouping import check_by, group_keys, with_groups
from .outcomes import outcomes
from .stats import ratio

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["referral_chains", "referral_graph", "referral_problems", "referral_summary"]

ARROW = " → "
_NO_NAME = "(no name)"

CHAIN_COLUMNS = [
    "contact",
    "root",
    "depth",
    "path",
    "referrals_made",
    "descendants",
    "interviews_led_to",
    "in_log",
    "owner",
]


@dataclass
class _Chains:
    """The resolved referral forest: log rows first, then outside referrers."""

    n: int  # log rows
    parent: np.ndarray  # position of the referrer, -1 for a root (after repairs)
    root: np.ndarray
    depth: np.ndarray
    names: np.ndarray  # names as written (object)
    owners: np.ndarray  # owner as written (object, NaN when none)
    rows: np.ndarray  # spreadsheet row of each log row / of the first row naming an outsider
    later: np.ndarray  # log rows sharing the name of an earlier row
    interviewed: np.ndarray  # bool
    problems: pd.DataFrame


def _resolve(log: pd.DataFrame, interviewed: np.ndarray) -> _Chains:
    """The referral forest of ``log`` (canonical), with ``interviewed`` flags on its rows.

    The forest depends on the names, owners and row numbers only, so it is
    remembered (:mod:`._memo`): chains, summary, graph and report share one.
    """
    columns = [c for c in ("contact", "referred_by", "owner", "source_row") if c in log.columns]
    forest = remembered(
        "referral_forest",
        [log[c] for c in columns],
        lambda: _build_forest(log),
        params=tuple(columns),
    )
    m = len(forest["parent"]) - len(log)
    return _Chains(
        n=len(log),
        **{k: v for k, v in forest.items() if k != "problems"},
        interviewed=np.concatenate([interviewed.astype(bool), np.zeros(m, dtype=bool)]),
        problems=forest["problems"].copy(),
    )


def _build_forest(log: pd.DataFrame) -> dict[str, Any]:
    """Parents, roots, depths, names and problems of every person and outside referrer."""
    n = len(log)
    rows = row_numbers(log)
    # Integer keys (owner code, name code): hashing ints is far faster than strings.
    owner_codes, _ = name_codes(log["owner"])
    contact_code, ref_code, key_text = people_codes(log)
    has_name, has_ref = contact_code >= 0, ref_code >= 0
    # One dense code per (owner, name) key: contacts' keys first, so codes below
    # ``known`` are people in the log and the rest are outside referrers, each set
    # numbered in order of first appearance.
    width = len(key_text) + 1
    scope = (owner_codes + 1) * width
    keyed, _ = pd.factorize(
        np.concatenate([(scope + contact_code)[has_name], (scope + ref_code)[has_ref]])
    )
    own = np.full(n, -1, dtype=np.int64)
    own[has_name] = keyed[: int(has_name.sum())]
    ref = np.full(n, -1, dtype=np.int64)
    ref[has_ref] = keyed[int(has_name.sum()) :]
    known = int(own.max(initial=-1)) + 1
    later = has_name & (own <= running_max_before(own))
    pos_of_first = np.flatnonzero(has_name & ~later)  # pos_of_first[k]: first row of key k
    hit = has_ref & (ref < known)
    parent = np.full(n, -1, dtype=np.int64)
    parent[hit] = pos_of_first[ref[hit]]
    self_ref = has_ref & (ref == own)
    parent[self_ref] = -1

    # Outside referrers: one node per distinct unknown (owner, name) key.
    unknown = has_ref & ~hit
    out_codes = ref[unknown] - known
    m = int(out_codes.max(initial=-1)) + 1
    unknown_pos = np.flatnonzero(unknown)
    parent[unknown_pos] = n + out_codes
    first_row = unknown_pos[out_codes > running_max_before(out_codes)]

    written = log["contact"].astype(object).to_numpy()
    written_ref = log["referred_by"].astype(object).to_numpy()
    owners = log["owner"].astype(object).to_numpy()
    names = np.concatenate(
        [
            np.where(has_name, written, _NO_NAME),
            pd.Series(written_ref[first_row], dtype=object).str.strip().to_numpy(dtype=object),
        ]
    )
    full_parent = np.concatenate([parent, np.full(m, -1, dtype=np.int64)])
    all_owners = np.concatenate([owners, owners[first_row]])
    all_rows = np.concatenate([rows, rows[first_row]])
    name_text = np.concatenate([key_text, [""]])

    jump, depth, stuck = pointer_jump(full_parent)
    loops = None
    if stuck.any():
        sort_key = name_text[np.concatenate([contact_code, np.full(m, -1)])]
        full_parent, members, loop_id = break_loops(full_parent, jump, stuck, sort_key)
        loops = (members, loop_id)
        jump, depth, stuck = pointer_jump(full_parent)

    problems = problem_table(
        names=names,
        owners=all_owners,
        rows=all_rows,
        own=own,
        has_name=has_name,
        self_ref=self_ref,
        unknown_first=n + np.arange(m),
        unknown_count=np.bincount(out_codes, minlength=m),
        loops=loops,
        parent=full_parent,
    )
    return {
        "parent": full_parent,
        "root": jump,
        "depth": depth,
        "names": names,
        "owners": all_owners,
        "rows": all_rows,
        "later": later & has_name,
        "problems": problems,
    }


def _node_ids(c: _Chains) -> np.ndarray:
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


def _chains(log: pd.DataFrame, as_of: object) -> tuple[pd.DataFrame, _Chains]:
    """Canonical log and resolved chains, with interviews as of ``as_of``."""
    log = canonical(log)
    out = outcomes(log, as_of=as_of_timestamp(as_of))
    return log, _resolve(log, out["interviewed"].to_numpy())


def _table(c: _Chains, *, paths: bool = True) -> pd.DataFrame:
    """The chains table; ``paths=False`` leaves ``path`` empty (the summary needs no paths)."""
    size = len(c.parent)
    order, bounds = levels(c.depth)
    top = len(bounds) - 2
    subtree = np.ones(size, dtype=np.int64)
    led = c.interviewed.astype(np.int64)
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
    return pd.DataFrame(
        {
            "contact": c.names,
            "root": c.names[c.root],
            "depth": c.depth,
            "path": path,
            "referrals_made": made,
            "descendants": subtree - 1,
            "interviews_led_to": led - c.interviewed.astype(np.int64),
            "in_log": np.arange(size) < c.n,
            "owner": c.owners,
        },
        columns=CHAIN_COLUMNS,
    )


def referral_chains(log: pd.DataFrame, *, as_of: object = None) -> pd.DataFrame:
    """One row per person: where their referral chain starts and where it led.

    Parameters
    ----------
    log : pandas.DataFrame
        The canonical log (from ``load_log``) or a hand-made frame with at
        least ``contact``; ``referred_by`` names the person who introduced
        this one. Not modified.
    as_of : date-like, optional
        Date interviews are counted for (default: today).

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
    _, c = _chains(log, as_of)
    return _table(c)


def referral_problems(log: pd.DataFrame) -> pd.DataFrame:
    """The referral structures that needed a decision, one row per problem.

    Parameters
    ----------
    log : pandas.DataFrame
        The canonical log; not modified.

    Returns
    -------
    pandas.DataFrame
        Columns ``problem, contact, owner, source_row, detail``. ``problem``
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
    log = canonical(log)
    return _resolve(log, np.zeros(len(log), dtype=bool)).problems


def referral_graph(log: pd.DataFrame, *, as_of: object = None) -> nx.DiGraph:
    """The referral forest as a networkx directed graph, edges referrer → referred.

    Parameters
    ----------
    log : pandas.DataFrame
        The canonical log; not modified.
    as_of : date-like, optional
        Date the ``interviewed`` node flag is computed for (default: today).

    Returns
    -------
    networkx.DiGraph
        Nodes are keyed by a stable id: the name casefolded with whitespace
        collapsed (``"owner / name"`` when the row has an owner; a later row
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

    log, c = _chains(log, as_of)
    ids = _node_ids(c)
    graph = nx.DiGraph(problems=c.problems)
    records = log.astype(object).where(log.notna(), None).to_dict("records")
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
            interviewed=bool(c.interviewed[i]),
            outside=i >= c.n,
        )
        graph.add_node(ids[i], **attrs)
    child = np.flatnonzero(c.parent >= 0)
    graph.add_edges_from(zip(ids[c.parent[child]], ids[child], strict=True))
    return graph


def referral_summary(
    log: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    as_of: object = None,
    top: int = 3,
) -> pd.DataFrame:
    """Chains, referral yield and the response-rate gap between referred and cold requests.

    Parameters
    ----------
    log : pandas.DataFrame
        The canonical log; not modified.
    by : str or list of str, optional
        Column(s) to group by, e.g. ``"owner"`` for a cohort.
    as_of : date-like, optional
        Date the outcomes are computed for (default: today).
    top : int, default 3
        How many connectors to name.

    Returns
    -------
    pandas.DataFrame
        One row per group: ``[by], people, chains, longest_chain, interviews,
        interviews_via_referral, share_interviews_via_referral,
        referrals_given, referrals_per_interview, referred_response_rate,
        not_referred_response_rate, top_connectors``.

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
    log = canonical(log)
    keys_by = check_by(log, by)
    top = check_positive_int("top", top, minimum=1)
    log = with_groups(log, keys_by)
    out = outcomes(log, as_of=as_of_timestamp(as_of))
    c = _resolve(log, out["interviewed"].to_numpy())
    table = _table(c, paths=False)
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
    return pd.DataFrame(
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
    )


def _home(c: _Chains) -> np.ndarray:
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
    table: pd.DataFrame, keys: pd.DataFrame, keys_by: list[str], c: _Chains, top: int
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
