"""Parent-pointer forests, vectorised (private): the engine of the referral chains.

Nodes are positions 0..n-1 and ``parent[i]`` is the position of the node's
parent (-1 for a root). Everything here is whole-array numpy work: pointer
jumping (doubling) gives depth and root in O(n log depth), loops are found
where the jumping does not reach a root, and per-level slices give the
bottom-up and top-down passes. No per-node Python walk.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..core.names import sorted_unique

__all__: list[str] = []

PROBLEM_COLUMNS = ["problem", "contact", "owner", "source_row", "detail"]


def pointer_jump(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Root and depth of every node by doubling; ``stuck`` marks nodes in or behind a loop."""
    size = len(parent)
    idx = np.arange(size)
    jump = np.where(parent >= 0, parent, idx)
    depth = (parent >= 0).astype(np.int64)
    # After k rounds ``jump`` is the 2**k-th ancestor; 2**k >= size reaches any root.
    for _ in range(max(size, 1).bit_length() + 1):
        if not (parent[jump] >= 0).any():
            break
        depth = depth + depth[jump]
        jump = jump[jump]
    stuck = parent[jump] >= 0
    return jump, depth, stuck


def break_loops(
    parent: np.ndarray, jump: np.ndarray, stuck: np.ndarray, keys: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cut each loop at the member whose key sorts first.

    ``jump`` of a stuck node is a loop member, and on a loop the 2**k-th
    ancestor is a rotation, so the jumps of stuck nodes are exactly the loop
    members. The smallest rank around each loop comes from min-doubling.
    Returns the repaired parents, the loop members and their loop id.
    """
    members = sorted_unique(jump[stuck])
    local = np.full(len(parent), -1, dtype=np.int64)
    local[members] = np.arange(len(members))
    up = local[parent[members]]
    order = pd.DataFrame({"k": keys[members], "p": members}).sort_values(["k", "p"]).index
    rank = np.empty(len(members), dtype=np.int64)
    rank[order.to_numpy()] = np.arange(len(members))
    low = rank.copy()
    hop = up.copy()
    for _ in range(max(len(members), 1).bit_length() + 1):
        low = np.minimum(low, low[hop])
        hop = hop[hop]
    repaired = parent.copy()
    repaired[members[rank == low]] = -1
    return repaired, members, low


def levels(depth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nodes sorted by depth and the start of each level in that order."""
    # Small unsigned ints sort by radix (linear); depth rarely passes 65,535.
    small = depth.astype(np.uint16) if depth.max(initial=0) < 2**16 else depth
    order = np.argsort(small, kind="stable")
    bounds = np.searchsorted(depth[order], np.arange(int(depth.max(initial=0)) + 2))
    return order, bounds


def problem_table(
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
