"""The referral forest: who introduced whom, resolved once per log.

Every row's ``referred_by`` is matched to another row's ``contact`` by the one
name key (:mod:`infoview_analytics.core.names`), within the same ``owner``
when the log is a cohort. A referrer who is not in the log becomes an
*outside* node. Structural problems are resolved deterministically and listed:

* a self-referral is ignored (the person becomes a root);
* a name shared by two rows links referrals to the first of those rows;
* a loop (A referred B, B referred A) is broken at the member whose name key
  sorts first, who becomes a root.

The graph work is scipy's: loops are the strongly connected components
(``scipy.sparse.csgraph.connected_components``), depth is the breadth-first
distance from a virtual root above every chain start
(``scipy.sparse.csgraph.shortest_path``), and chain roots are the weakly
connected components. Nodes are positions: the log's rows first, then the
outside referrers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..core.names import row_numbers

if TYPE_CHECKING:  # scipy is imported when a forest is built
    from scipy.sparse import csr_matrix

__all__ = ["PROBLEM_COLUMNS", "Forest", "build_forest", "levels"]

PROBLEM_COLUMNS = ["problem", "contact", "owner", "source_row", "detail"]
_NO_NAME = "(no name)"


@dataclass(frozen=True)
class Forest:
    """The resolved referral forest: the log's rows first, then outside referrers."""

    #: Rows of the log (nodes ``n`` and above are outside referrers).
    n: int
    #: Position of each node's referrer, -1 for the start of a chain (after repairs).
    parent: np.ndarray
    #: Position of the start of each node's chain.
    root: np.ndarray
    #: Steps from the start of the chain (0 for a start).
    depth: np.ndarray
    #: Names as written (object); "(no name)" for rows without one.
    names: np.ndarray
    #: Owner as written (object, NaN when none).
    owners: np.ndarray
    #: Spreadsheet row of each log row, and of the first row naming an outsider.
    rows: np.ndarray
    #: Log rows sharing the name of an earlier row.
    later: np.ndarray
    #: :func:`referral_problems`' table.
    problems: pd.DataFrame


def _graph(parent: np.ndarray, extra: int = 0) -> csr_matrix:
    """The forest as a sparse matrix, edges referrer -> referred (``extra`` spare nodes)."""
    from scipy import sparse

    size = len(parent) + extra
    child = np.flatnonzero(parent >= 0)
    ones = np.ones(len(child), dtype=np.int8)
    return sparse.csr_matrix((ones, (parent[child], child)), shape=(size, size))


def _break_loops(
    parent: np.ndarray, sort_key: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
    """Cut every loop at the member whose key sorts first (then by position).

    Each node has at most one parent, so a loop is a strongly connected
    component of two or more nodes. Returns the repaired parents and, when
    there were loops, the members with their loop id (the rank of the member
    where the loop is cut, so loops are listed in that order).
    """
    from scipy.sparse import csgraph

    _, label = csgraph.connected_components(_graph(parent), directed=True, connection="strong")
    size = np.bincount(label)
    members = np.flatnonzero(size[label] >= 2)
    if not len(members):
        return parent, None
    d = pd.DataFrame({"loop": label[members], "key": sort_key[members], "pos": members})
    d = d.sort_values(["key", "pos"], kind="stable")
    d["rank"] = np.arange(len(d))
    d["loop_id"] = d.groupby("loop")["rank"].transform("min")
    d = d.sort_values("pos")
    repaired = parent.copy()
    repaired[d.loc[d["rank"] == d["loop_id"], "pos"].to_numpy()] = -1
    return repaired, (d["pos"].to_numpy(), d["loop_id"].to_numpy())


def _depth_and_root(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Depth and chain start of every node of a forest (no loops left)."""
    from scipy.sparse import csgraph

    size = len(parent)
    if size == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    # A virtual node above every chain start: depth + 1 is the distance from it.
    above = np.where(parent >= 0, parent, size)
    dist = csgraph.shortest_path(
        _graph(above, extra=1), directed=True, unweighted=True, indices=size
    )[:size]
    depth = dist.astype(np.int64) - 1
    _, tree = csgraph.connected_components(_graph(parent), directed=True, connection="weak")
    starts = np.flatnonzero(parent < 0)
    root_of_tree = np.empty(int(tree.max()) + 1, dtype=np.int64)
    root_of_tree[tree[starts]] = starts
    return depth, root_of_tree[tree]


def levels(depth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nodes sorted by depth and the start of each level in that order.

    The chains' totals run level by level (deepest first) and their paths
    top-down, one vectorised step per level.
    """
    order = np.argsort(depth, kind="stable")
    bounds = np.searchsorted(depth[order], np.arange(int(depth.max(initial=0)) + 2))
    return order, bounds


def build_forest(
    log: pd.DataFrame,
    *,
    people: tuple[np.ndarray, np.ndarray, np.ndarray],
    owner_codes: np.ndarray,
    texts: Callable[[str], np.ndarray] | None = None,
) -> Forest:
    """The referral forest of a canonical log.

    ``people`` is :func:`~infoview_analytics.core.names.people_codes` of the
    log (contacts' and referrers' name codes, numbered together, and the keys)
    and ``owner_codes`` the owners' name codes; ``texts`` gives a column as
    an object array (a prepared log keeps them).
    """
    n = len(log)
    rows = row_numbers(log)
    # Integer keys (owner code, name code): hashing ints is far faster than strings.
    contact_code, ref_code, key_text = people
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
    later = has_name & pd.Series(own).duplicated().to_numpy()
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
    first_row = unknown_pos[~pd.Series(out_codes).duplicated().to_numpy()]

    text = texts or (lambda col: log[col].to_numpy(dtype=object))
    written, written_ref, owners = text("contact"), text("referred_by"), text("owner")
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

    sort_key = name_text[np.concatenate([contact_code, np.full(m, -1)])]
    full_parent, loops = _break_loops(full_parent, sort_key)
    depth, root = _depth_and_root(full_parent)

    problems = _problem_table(
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
    return Forest(
        n=n,
        parent=full_parent,
        root=root,
        depth=depth,
        names=names,
        owners=all_owners,
        rows=all_rows,
        later=later & has_name,
        problems=problems,
    )


def _problem_table(
    *,
    names: np.ndarray,
    owners: np.ndarray,
    rows: np.ndarray,
    own: np.ndarray,
    has_name: np.ndarray,
    self_ref: np.ndarray,
    unknown_first: np.ndarray,
    unknown_count: np.ndarray,
    loops: tuple[np.ndarray, np.ndarray] | None,
    parent: np.ndarray,
) -> pd.DataFrame:
    parts = []
    if self_ref.any():
        i = np.flatnonzero(self_ref)
        parts.append(
            pd.DataFrame(
                {
                    "problem": "self_referral",
                    "contact": names[i],
                    "owner": owners[i],
                    "source_row": rows[i],
                    "detail": "Referred by themselves: counted as the start of a chain. "
                    "Check the referred_by cell.",
                }
            )
        )
    # ``own``: dense key codes (-1 without a name), so counting them finds shared names.
    shared = np.bincount(own[has_name], minlength=1) >= 2
    dup = has_name & shared[np.maximum(own, 0)]
    if dup.any():
        i = np.flatnonzero(dup)
        d = pd.DataFrame({"key": own[i], "row": rows[i].astype(str), "pos": i})
        g = d.groupby("key", sort=False).agg(first=("pos", "min"), rows=("row", ", ".join))
        j = g["first"].to_numpy()
        parts.append(
            pd.DataFrame(
                {
                    "problem": "ambiguous_name",
                    "contact": names[j],
                    "owner": owners[j],
                    "source_row": rows[j],
                    "detail": "The name is in rows "
                    + g["rows"].to_numpy(dtype=object)
                    + ": referrals naming it are linked to row "
                    + rows[j].astype(str).astype(object)
                    + ". Add a middle initial to tell the people apart.",
                }
            )
        )
    if len(unknown_first):
        j = unknown_first
        count = unknown_count.astype(str).astype(object)
        parts.append(
            pd.DataFrame(
                {
                    "problem": "unknown_referrer",
                    "contact": names[j],
                    "owner": owners[j],
                    "source_row": rows[j],
                    "detail": "Not in the log, named as referrer by "
                    + count
                    + np.where(unknown_count == 1, " person", " people").astype(object)
                    + ": kept as the outside start of a chain. Add a row if you know them.",
                }
            )
        )
    if loops is not None:
        members, loop_id = loops
        d = pd.DataFrame({"loop": loop_id, "name": names[members], "pos": members})
        d["cut"] = parent[members] < 0
        d = d.sort_values(["loop", "name", "pos"])
        g = d.groupby("loop", sort=True).agg(names=("name", ", ".join))
        cut = d[d["cut"]].set_index("loop").loc[g.index]
        j = cut["pos"].to_numpy()
        parts.append(
            pd.DataFrame(
                {
                    "problem": "referral_loop",
                    "contact": names[j],
                    "owner": owners[j],
                    "source_row": rows[j],
                    "detail": "Referral loop among "
                    + g["names"].to_numpy(dtype=object)
                    + ": "
                    + names[j]
                    + " is counted as the start of the chain. Check the referred_by cells.",
                }
            )
        )
    if not parts:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})
    else:
        out = pd.concat(parts, ignore_index=True)
    out["source_row"] = out["source_row"].astype("Int64")
    return out[PROBLEM_COLUMNS]
