"""Whom to contact next: a ranked, explained list of people, with one plain sentence each.

:func:`next_people` looks only at what the log holds:

* **prospects**: people in the log not asked yet (``ask``), or the second
  person at an organisation where someone has not answered for 3 business
  days (``ask_second_person``, the 3B7 step), and requests without an answer
  for 7 business days and no follow-up yet (``follow_up``, 3B7's one
  follow-up; after it, move on);
* **introductions** (``ask_for_introduction``): connectors whose referrals
  led to interviews, and people you interviewed in a field still below the
  minimum, to ask whom else they would suggest.

Each candidate gets points, shown in ``score`` so the ranking can be read:

=====================================  ======================================
the field's gap (scheduled meetings     3 per interview missing to the minimum,
counted as interviews to come)         1 per further one missing to the target
a warm path (a warm prospect, or an    2
introduction through someone who
knows you)
a new organisation for the field       1 (among the field's interviews)
a new seniority for the field          1
the 3B7 second-person step             2
a connector's record                   1 per referral who met you (at most 2)
=====================================  ======================================

Ties go to the larger field gap, then the action (second person, follow-up,
introduction, ask), the field, the name (code-point order, as the to-do list)
and the row: the order never depends on chance. In a cohort each owner gets their own ranking.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.docs import fill_doc
from ..core.names import row_numbers
from .docs import DOCS, columns_of
from .followups import _name_rank, _names
from .grouping import NO_FIELD
from .needs import with_gaps
from .planning import _each
from .prepared import PreparedLog, prepare
from .tables import TABLES

__all__ = ["next_people"]

_ACTIONS = ("ask_second_person", "follow_up", "ask_for_introduction", "ask")
_POINTS_WARM = 2
_POINTS_SECOND = 2
_POINTS_PER_MISSING_MINIMUM = 3
#: Connectors suggested for a field other than their own, per owner, at most.
_AWAY_PER_OWNER = 2


@fill_doc(DOCS, columns=columns_of("next_people"))
def next_people(
    log: pd.DataFrame | PreparedLog,
    *,
    as_of: Any = None,
    limit: int = 10,
    minimum: int = 3,
    target: int = 5,
    holidays: Any = None,
) -> pd.DataFrame:
    """Whom to contact next, ranked, each with one sentence saying why.

    Parameters
    ----------
    %(log)s
    %(as_of)s
    limit : int, default 10
        Rows to return (per owner in a cohort).
    minimum, target : int, default 3 and 5
        Interviews a field needs at least, and ideally (as in ``coverage``).
    %(holidays)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s, best first. ``rank`` starts at 1 (per owner in a
        cohort); ``score`` is the sum of the points of the module docstring;
        ``field_gap`` the interviews the field still needs for the minimum;
        ``warm``, ``new_organization``, ``new_seniority`` and
        ``second_person`` the reasons that added points; ``source_row``
        the spreadsheet row of the person (missing for referrers who are not
        in the log). ``reason`` is one plain sentence.

    Raises
    ------
    InvalidArgumentError
        For a ``limit`` below 1, a bad ``minimum``, ``target`` or ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Cy", "Dee"],
    ...     "organization": ["Acme", "Hooli", "Initech", "Acme"],
    ...     "field": ["data", "data", "data", "data"],
    ...     "referred_by": [None, "Ana", "Ana", None],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-04", None, None]),
    ...     "status": ["interviewed", "interviewed", "prospect", "prospect"]})
    >>> top = next_people(log, as_of="2026-03-20")
    >>> top[["rank", "action", "contact", "score"]]
       rank                action contact  score
    0     1  ask_for_introduction     Ana      8
    1     2                   ask      Cy      8
    2     3  ask_for_introduction     Ben      7
    3     4                   ask     Dee      5
    >>> print(top.loc[1, "reason"])  # doctest: +NORMALIZE_WHITESPACE
    data needs 1 more interview for the minimum of 3; Cy at Initech is a warm lead
    (introduced by Ana), from an organisation new to this field: ask them for a short
    conversation.
    """
    limit = check_positive_int("limit", limit, minimum=1)
    p = prepare(log, as_of=as_of, holidays=holidays)
    frame, o, st = p.frame, p.outcomes, p.steps
    cohort = st.cohort
    keys_by = ["owner", "field"] if cohort else ["field"]
    minimum = check_positive_int("minimum", minimum, minimum=1)
    target = check_positive_int("target", target, minimum=minimum)
    # The field groups of ``coverage``, in its order (its counts, not its perspectives).
    gid, table = p.field_groups(keys_by)
    order = np.full(len(table), -1, dtype=np.int64)
    order[table["_gid"].to_numpy()] = np.arange(len(table))
    g = order[gid]  # each row's line in ``cov``
    cov = table[keys_by].reset_index(drop=True)
    no_field = cov["field"].to_numpy(dtype=object) == NO_FIELD
    # Scheduled meetings count as interviews to come (as in ``plan``).
    held = np.bincount(g[o["interviewed"].to_numpy() | o["scheduled"].to_numpy()],
                       minlength=len(table))  # fmt: skip
    to_min = np.where(no_field, 0, np.maximum(minimum - held, 0))
    to_target = np.where(no_field, 0, np.maximum(target - held, 0))
    gap_points = _POINTS_PER_MISSING_MINIMUM * to_min + (to_target - to_min)

    n = len(frame)
    interviewed = o["interviewed"].to_numpy()
    has_name = frame["contact"].notna().to_numpy()
    warm = p.warmth.cat.codes.to_numpy() == 1
    new_org = _new_for_field(p.name_codes("organization")[0], g, interviewed)
    new_sen = _new_for_field(p.name_codes("seniority")[0], g, interviewed)

    # 3B7: organisations where someone waits 3+ business days for an answer.
    waiting_at = pd.Series(np.flatnonzero(st.second)).groupby(st.org_code[st.second]).first()
    first_waiting = np.full(n, -1, dtype=np.int64)
    has_org = st.org_code >= 0
    first_waiting[has_org] = waiting_at.reindex(st.org_code[has_org], fill_value=-1).to_numpy()

    # Per owner in a cohort: owners are the first ``by`` column of the coverage groups.
    owner_of = (
        pd.factorize(cov["owner"].to_numpy(dtype=object))[0]
        if cohort
        else np.zeros(len(cov), np.int64)
    )
    prospect = ~st.asked & has_name
    second = prospect & (first_waiting >= 0)
    follow = st.follow & has_name
    parts = [
        _candidates(np.flatnonzero(second), "ask_second_person", g),
        _candidates(np.flatnonzero(prospect & ~second), "ask", g),
        _candidates(np.flatnonzero(follow), "follow_up", g),
        _introductions(p, g, interviewed, gap_points, owner_of),
    ]
    cand = pd.concat(parts, ignore_index=True)
    row = cand["_row"].to_numpy()
    in_log = row < n
    at = np.where(in_log, row, 0)
    is_intro = cand["action"].to_numpy() == "ask_for_introduction"
    cand["warm"] = np.where(is_intro, True, warm[at] & in_log)
    cand["new_organization"] = ~is_intro & new_org[at] & in_log
    cand["new_seniority"] = ~is_intro & new_sen[at] & in_log
    cand["second_person"] = cand["action"].to_numpy() == "ask_second_person"
    group = cand["_group"].to_numpy()
    cand["field_gap"] = to_min[group]
    cand["score"] = (
        gap_points[group]
        + _POINTS_WARM * cand["warm"].to_numpy(dtype=np.int64)
        + cand["new_organization"].to_numpy(dtype=np.int64)
        + cand["new_seniority"].to_numpy(dtype=np.int64)
        + _POINTS_SECOND * cand["second_person"].to_numpy(dtype=np.int64)
        + np.minimum(cand["_met"].to_numpy(dtype=np.int64), 2)
    )
    cand["_owner"] = owner_of[group]
    cand["_action"] = cand["action"].map({a: i for i, a in enumerate(_ACTIONS)})
    cand = cand[_within_reach(cand, limit)].reset_index(drop=True)
    names = p.forest.names[cand["_row"].to_numpy()]
    cand["_name"] = _name_rank(_names(names, pd.isna(names)))
    cand = cand.sort_values(
        ["_owner", *_RANKING, "_name", "_row"],
        ascending=[True, *_ASCENDING, True, True],
        kind="stable",
    )
    cand["rank"] = cand.groupby("_owner").cumcount() + 1
    top = cand[cand["rank"] <= limit].reset_index(drop=True)
    goals = (minimum, target)
    return with_gaps(_finish(p, top, cov, first_waiting, goals, to_target), p, "next_people")


#: The ranking keys before the name, and their directions.
_RANKING = ["score", "field_gap", "_action", "_group"]
_ASCENDING = [False, False, True, True]


def _within_reach(cand: pd.DataFrame, limit: int) -> np.ndarray:
    """The candidates that can make their owner's first ``limit`` rows, in their order.

    Ranked without the name, a candidate can only make it if its block of
    ties starts before ``limit``; the names (slow to rank: ~0.35 s for the
    half-million candidates of a 1M-row cohort log) then order only these.
    """
    by = ["_owner", *_RANKING]
    ranked = cand[by].sort_values(by, ascending=[True, *_ASCENDING], kind="stable")
    keys = ranked.to_numpy(dtype=np.int64)
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = (keys[1:] != keys[:-1]).any(axis=1)
    owner_start = np.ones(len(keys), dtype=bool)
    owner_start[1:] = keys[1:, 0] != keys[:-1, 0]
    place = np.arange(len(keys))
    place -= np.maximum.accumulate(np.where(owner_start, place, 0))  # place within the owner
    block_place = np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))
    keep = np.zeros(len(cand), dtype=bool)
    keep[ranked.index.to_numpy()] = (place - (np.arange(len(keys)) - block_place)) < limit
    return keep


def _new_for_field(codes: np.ndarray, g: np.ndarray, interviewed: np.ndarray) -> np.ndarray:
    """Per row: a known value (organisation, seniority) no interview of its field has yet."""
    key = g * (int(codes.max(initial=0)) + 2) + (codes + 1)  # one number per (field, value)
    return (codes >= 0) & ~np.isin(key, key[interviewed])


def _candidates(rows: np.ndarray, action: str, g: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "_row": rows.astype(np.int64),
            "action": pd.Series([action] * len(rows), dtype=object),
            "_group": g[rows],
            "_met": np.zeros(len(rows), dtype=np.int64),
            "_referred": np.zeros(len(rows), dtype=np.int64),
        }
    )


def _introductions(
    p: PreparedLog,
    g: np.ndarray,
    interviewed: np.ndarray,
    need: np.ndarray,
    owner_of: np.ndarray,
) -> pd.DataFrame:
    """Connectors whose referrals met you, and interviewees in fields still short of voices.

    A connector is matched to the neediest field (most gap points) among their
    own row's and their referrals'; when all of those are at the target, to
    their owner's neediest field (a connector knows people beyond one field),
    the two best connectors per owner only (most referrals who met you, then
    most referrals). Ties go to the first field in the coverage order.
    """
    forest = p.forest
    n = forest.n
    parent = forest.parent[:n]
    child = np.flatnonzero(parent >= 0)
    ref = pd.DataFrame({"node": parent[child], "met": interviewed[child], "group": g[child]})
    per = ref.groupby("node").agg(referred=("met", "size"), met=("met", "sum"))
    connectors = per[per["met"] > 0]
    pairs = ref[ref["node"].isin(connectors.index)][["node", "group"]]
    own = connectors.index.to_numpy()
    own = own[own < n]
    pairs = pd.concat([pairs, pd.DataFrame({"node": own, "group": g[own]})], ignore_index=True)
    pairs["need"] = need[pairs["group"].to_numpy()]
    # Each owner's neediest field, the fallback.
    fields = pd.DataFrame({"owner": owner_of, "need": need, "group": np.arange(len(need))})
    neediest = (
        fields.sort_values(["owner", "need", "group"], ascending=[True, False, True])
        .drop_duplicates("owner")
        .set_index("owner")["group"]
    )
    pairs["fallback"] = neediest.reindex(owner_of[pairs["group"].to_numpy()]).to_numpy()
    best = pairs.sort_values(["node", "need", "group"], ascending=[True, False, True])
    best = best.drop_duplicates("node").set_index("node")
    nodes = connectors.index.to_numpy()
    chosen = np.where(
        best.loc[nodes, "need"].to_numpy() > 0,
        best.loc[nodes, "group"].to_numpy(),
        best.loc[nodes, "fallback"].to_numpy(),
    )
    conn = pd.DataFrame(
        {
            "_row": nodes.astype(np.int64),
            "action": pd.Series(["ask_for_introduction"] * len(nodes), dtype=object),
            "_group": chosen.astype(np.int64),
            "_met": connectors["met"].to_numpy(dtype=np.int64),
            "_referred": connectors["referred"].to_numpy(dtype=np.int64),
        }
    )
    # Sent to another field: only the owner's best few, so they do not crowd out the rest.
    away = best.loc[nodes, "need"].to_numpy() <= 0
    ranked = conn[away].assign(_o=owner_of[chosen[away]])
    ranked = ranked.sort_values(["_o", "_met", "_referred", "_row"], ascending=[1, 0, 0, 1])
    keep = ranked.groupby("_o").head(_AWAY_PER_OWNER).index
    conn = conn[~away | conn.index.isin(keep)]
    # Interviewees in fields still short of voices (connectors among them are listed once).
    rows = np.flatnonzero(interviewed & (need[g] > 0) & p.frame["contact"].notna().to_numpy())
    rows = rows[~np.isin(rows, nodes)]
    met = _candidates(rows, "ask_for_introduction", g)
    return pd.concat([conn, met], ignore_index=True)


def _finish(
    p: PreparedLog,
    top: pd.DataFrame,
    cov: pd.DataFrame,
    first_waiting: np.ndarray,
    goals: tuple[int, int],
    to_target: np.ndarray,
) -> pd.DataFrame:
    """The output table of the chosen candidates, with their sentences."""
    frame, forest = p.frame, p.forest
    n = forest.n
    row = top["_row"].to_numpy()
    in_log = row < n
    at = np.where(in_log, row, 0)
    names = np.asarray([str(v) for v in forest.names[row].tolist()], dtype=object)

    def column(name: str, rows: np.ndarray) -> np.ndarray:  # only the rows needed
        return frame[name].iloc[rows].astype(object).to_numpy()

    org = column("organization", at)
    has_org = in_log & pd.notna(org)
    org = pd.Series(org, dtype=object).where(has_org, pd.NA).to_numpy()
    group = top["_group"].to_numpy()
    field_names = cov["field"].to_numpy(dtype=object)[group]
    waiting = p.steps.waited
    first = np.maximum(first_waiting[at], 0)
    # The sentences are written per kind of action for all its rows at once, each
    # phrase once per distinct combination of what it says (``_each``): a cohort's
    # list has a few hundred thousand rows.
    where_list = [str(w) if ok else None for w, ok in zip(org, has_org.tolist(), strict=True)]
    where = np.asarray(where_list, dtype=object)
    at_org = np.asarray(["" if w is None else f" at {w}" for w in where_list], dtype=object)
    field = _each(
        lambda f, gap, left: _field_phrase(str(f), gap, left, goals),
        field_names, top["field_gap"].to_numpy(dtype=np.int64), to_target[group],
    )  # fmt: skip
    action = top["action"].to_numpy(dtype=object)
    reasons = np.empty(len(top), dtype=object)

    def lists(rows: np.ndarray, *values: np.ndarray) -> Any:
        return zip(*(v[rows].tolist() for v in values), strict=True)

    rows = np.flatnonzero(action == "ask_second_person")
    first_name = column("contact", first[rows])
    first_days = np.nan_to_num(waiting[first[rows]]).astype(np.int64)
    reasons[rows] = [
        f"No reply from {name} at {w} for {days} business days (3B7): ask {who}, a second "
        f"person there; {f}."
        for name, days, (w, who, f) in zip(
            first_name.tolist(), first_days.tolist(), lists(rows, where, names, field),
            strict=True,
        )
    ]  # fmt: skip
    rows = np.flatnonzero(action == "follow_up")
    own_days = np.nan_to_num(waiting[at[rows]]).astype(np.int64)
    reasons[rows] = [
        f"No reply from {who} for {days} business days: send them one follow-up; {f}."
        for days, (who, f) in zip(own_days.tolist(), lists(rows, names, field), strict=True)
    ]
    referred_of = top["_referred"].to_numpy(dtype=np.int64)
    rows = np.flatnonzero((action == "ask_for_introduction") & (referred_of > 0))
    introduced = _each(_introduced, referred_of[rows], top["_met"].to_numpy(np.int64)[rows])
    reasons[rows] = [
        f"{f}; {who} {how}: ask whom else they know in {name}."
        for how, (f, who, name) in zip(
            introduced.tolist(), lists(rows, field, names, field_names), strict=True
        )
    ]
    rows = np.flatnonzero((action == "ask_for_introduction") & (referred_of == 0))
    reasons[rows] = [
        f"{f}; you interviewed {who}{o}: ask whom else they would suggest in {name}."
        for f, who, o, name in lists(rows, field, names, at_org, field_names)
    ]
    rows = np.flatnonzero(action == "ask")
    named_by = column("referred_by", at[rows])
    referrer = np.asarray(
        [
            v if ok else None
            for v, ok in zip(named_by, in_log[rows] & pd.notna(named_by), strict=True)
        ],
        dtype=object,
    )
    extras = _each(
        _extras,
        top["warm"].to_numpy(dtype=bool)[rows], referrer,
        top["new_organization"].to_numpy(dtype=bool)[rows],
        top["new_seniority"].to_numpy(dtype=bool)[rows], column("seniority", at[rows]),
    )  # fmt: skip
    reasons[rows] = [
        f"{f}; {who}{o} is {kind}: ask them for a short conversation."
        for kind, (f, who, o) in zip(
            extras.tolist(), lists(rows, field, names, at_org), strict=True
        )
    ]
    out = pd.DataFrame(
        {
            "rank": top["rank"].to_numpy(dtype=np.int64),
            "action": top["action"].astype(object).to_numpy(),
            "contact": pd.Series(names, dtype=object),
            "organization": pd.Series(org, dtype=object),
            "field": pd.Series(field_names, dtype=object),
            "reason": pd.Series(reasons, dtype=object),
            "score": top["score"].to_numpy(dtype=np.int64),
            "field_gap": top["field_gap"].to_numpy(dtype=np.int64),
            "warm": top["warm"].to_numpy(dtype=bool),
            "new_organization": top["new_organization"].to_numpy(dtype=bool),
            "new_seniority": top["new_seniority"].to_numpy(dtype=bool),
            "second_person": top["second_person"].to_numpy(dtype=bool),
            "source_row": pd.array(np.where(in_log, row_numbers(frame)[at], 0), dtype="Int64"),
        },
        columns=list(TABLES["next_people"].columns),
    )
    out.loc[~in_log, "source_row"] = pd.NA
    if p.steps.cohort:
        out["owner"] = pd.Series(
            cov["owner"].to_numpy(dtype=object)[top["_group"].to_numpy()], dtype=object
        )
    return out


def _field_phrase(field: str, to_min: int, to_target: int, goals: tuple[int, int]) -> str:
    """How far the field is from its goals (scheduled meetings counted), to start a sentence."""
    if field == NO_FIELD:
        return "No field yet (fill it in to count this person)"
    if to_min:
        noun = "interview" if to_min == 1 else "interviews"
        return f"{field} needs {to_min} more {noun} for the minimum of {goals[0]}"
    if to_target:
        verb = "reaches" if to_target == 1 else "reach"
        return f"{field} has its minimum; {to_target} more {verb} the target of {goals[1]}"
    return f"{field} is at the target of {goals[1]}"


def _introduced(referred: int, met: int) -> str:
    people = "person" if referred == 1 else "people"
    if referred == 1:
        return f"introduced you to 1 {people} who met you"
    if met == referred:
        both = "both" if referred == 2 else "all"
        return f"introduced you to {referred} {people} who {both} met you"
    return f"introduced you to {referred} {people}, {met} of whom met you"


def _extras(warm: bool, referrer: Any, new_org: bool, new_sen: bool, seniority: Any) -> str:
    """What makes a prospect worth asking: warmth, a new organisation or seniority."""
    if warm and referrer is not None:
        kind = f"a warm lead (introduced by {referrer})"
    elif warm:
        kind = "a warm lead"
    else:
        kind = "a prospect in your log"
    new = []
    if new_org:
        new.append("an organisation")
    if new_sen:
        new.append(f"a seniority ({seniority})")
    if new:
        kind += ", from " + " and ".join(new) + " new to this field"
    return kind
