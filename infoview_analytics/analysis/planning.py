"""How many more people to ask per field, and by when: the forward-looking half.

:func:`plan` answers "Product management has 2 interviews: how many more people
should I ask, and when will I have my 3–5 voices?" for every field at once (per
student and field in a cohort). The model, stated so it can be checked:

* **A request's chance of becoming an interview** (a meeting held or set) is a
  beta distribution: the field's own record shrunk toward the person's record
  in their other fields with a weight of :data:`~.chances.PRIOR_STRENGTH` (3)
  pseudo-requests (their other fields only, so that no request counts twice).
  The person's record is a Laplace estimate ``(K + 1) / (N + 2)`` over those
  decided requests, taken apart for warm and cold requests (each shrunk
  toward the overall one by the same weight) when both exist, so 0 of 2 or 2
  of 2 never reads as 0% or 100%. Decided requests are those of
  ``response_rates`` (asked, not pending), less answers still without a
  meeting or a no, which are open.
* **New asks** are assumed to be of the field's usual warmth (the warmth of
  most of its requests, cold on a tie; the person's usual one for a field
  without requests): ``basis``. ``chance_warm`` and ``chance_cold`` show both.
* **Open requests** (no answer yet and not given up, or an answer without a
  meeting yet) count with their remaining chance
  (:func:`~.chances.remaining_chance`): the Kaplan–Meier curve of the time to
  an answer (per person and warmth) says how much of the chance is left after
  the business days a request has waited. Scheduled meetings count as
  interviews to come.
* **How many more to ask** is the smallest ``n`` such that the open requests
  plus ``n`` new requests (beta-binomial) bring the interviews still needed
  with at least ``probability`` (:func:`~.chances.asks_needed`).
* **The expected date**: a request sent on ``as_of`` is answered after the
  median time to an answer among those who answer (the Kaplan–Meier curve
  divided by its final share), and met after the median time from answer to
  meeting (business days, ``core.calendar``). With fewer than
  :data:`MIN_TIMES` observed times the date is left empty and the note says
  "not enough data". When the scheduled meetings are enough, the date is
  that of the meeting that reaches the goal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.calendar import add_business_days, business_days
from ..core.docs import fill_doc
from ..errors import InvalidArgumentError
from .chances import (
    MAX_ASKS,
    PRIOR_STRENGTH,
    asks_needed,
    beta_interval,
    pending_pmf,
    remaining_chance,
    shrunk_beta,
)
from .docs import DOCS, columns_of
from .fields import _field_arguments
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .stats import kaplan_meier
from .tables import TABLES

__all__ = ["MIN_TIMES", "plan"]

#: Observed times (answers, answer-to-meeting gaps) below which no date is given.
MIN_TIMES = 3
_NAT = np.datetime64("NaT", "ns")


def _check_probability(probability: object) -> float:
    if (
        isinstance(probability, bool)
        or not isinstance(probability, int | float | np.floating)
        or not 0 < float(probability) < 1
    ):
        msg = (
            "The value for `probability` must be a number between 0 and 1 such as 0.8, "
            f"but {probability!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return float(probability)


@fill_doc(DOCS, columns=columns_of("plan"))
def plan(
    log: pd.DataFrame | PreparedLog,
    *,
    minimum: int = 3,
    target: int = 5,
    as_of: Any = None,
    probability: float = 0.8,
    by: str | Sequence[str] = "field",
    holidays: Any = None,
) -> pd.DataFrame:
    """How many more people to ask per field to reach the minimum and the target, and by when.

    The model is described in the module docstring (:mod:`.planning`): each
    field's record shrunk toward yours (prior strength 3 pseudo-requests),
    warm and cold apart, open requests counted with the chance they have
    left, and the number of asks from the beta-binomial distribution.

    Parameters
    ----------
    %(log)s
    minimum, target : int, default 3 and 5
        Interviews a field needs at least, and ideally.
    %(as_of)s
    probability : float, default 0.8
        How sure the plan should be of reaching each goal (between 0 and 1).
    by : str or list of str, default "field"
        The field column, or a list ending with it: ``["owner", "field"]``
        plans per student in a cohort (each student's own record is then
        their prior).
    %(holidays)s

    Returns
    -------
    pandas.DataFrame
        One row per field, sorted as in ``coverage``: %(columns)s.
        ``open_requests`` can still become interviews and
        ``expected_from_pending`` is the number they are expected to bring;
        ``decided`` the field's requests the chance is learned from;
        ``interview_chance`` (with a 95% credible interval
        ``chance_low``–``chance_high``) the chance of a new request of warmth
        ``basis``. ``asks_to_minimum`` and ``asks_to_target`` (Int64, missing
        when more than 1000) are the new requests to send;
        ``minimum_by`` and ``target_by`` the expected dates (NaT when reached,
        or when there is not enough data); ``note`` says it in one sentence.
        ``attrs``: ``gaps``, ``probability``, ``prior_strength``, ``minimum``,
        ``target`` and ``as_of``.

    Raises
    ------
    InvalidArgumentError
        For ``minimum`` below 1, ``target`` below ``minimum``, a
        ``probability`` outside (0, 1), or a bad ``by`` or ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Chloe", "Dev", "Eve"],
    ...     "field": ["data", "data", "data", "data", "design"],
    ...     "requested_on": pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-04",
    ...                                     "2026-03-18", "2026-03-05"]),
    ...     "status": ["interviewed", "interviewed", "declined", "awaiting", "no_response"]})
    >>> p = plan(log, as_of="2026-03-20")
    >>> p[["field", "interviewed", "open_requests", "asks_to_minimum", "asks_to_target"]]
        field  interviewed  open_requests  asks_to_minimum  asks_to_target
    0    data            2              1                2               9
    1  design            0              0               12              19
    >>> print(p.loc[0, "note"])  # doctest: +NORMALIZE_WHITESPACE
    Ask 2 more people to reach the minimum of 3 with 80% probability (9 for the target of
    5): a cold request here becomes an interview 46% of the time; 1 open request may bring
    0.5; not enough data to date it (fewer than 3 answers or meetings with dates).
    """
    prepared = prepare(log, as_of=as_of, holidays=holidays)
    keys_by = _field_arguments(prepared.frame, by)
    minimum = check_positive_int("minimum", minimum, minimum=1)
    target = check_positive_int("target", target, minimum=minimum)
    probability = _check_probability(probability)
    gid, table = prepared.field_groups(keys_by)
    n_groups = len(table)
    # Group of each row in output order.
    order = np.full(n_groups, -1, dtype=np.int64)
    order[table["_gid"].to_numpy()] = np.arange(n_groups)
    g = order[gid]
    person = _person(prepared, keys_by[:-1])
    warm = prepared.warmth.cat.codes.to_numpy(dtype=np.int64)  # 0 cold, 1 warm
    o = prepared.outcomes
    asked = o["asked"].to_numpy()
    interviewed = o["interviewed"].to_numpy()
    scheduled = o["scheduled"].to_numpy()
    success = interviewed | scheduled
    replied_open = o["responded"].to_numpy() & ~o["agreed"].to_numpy() & ~o["declined"].to_numpy()
    awaiting = asked & ~o["responded"].to_numpy() & ~o["gave_up"].to_numpy()
    trial = asked & ~o["pending"].to_numpy() & ~replied_open

    # The chance of a request: the field's record shrunk toward the person's record in
    # their other fields (Laplace overall, then by warmth), so no request counts twice.
    n_people = int(person.max(initial=0)) + 1
    pw = person * 2 + warm
    n_pw = np.bincount(pw[trial], minlength=2 * n_people).reshape(n_people, 2)
    k_pw = np.bincount(pw[trial & success], minlength=2 * n_people).reshape(n_people, 2)
    gw = g * 2 + warm
    n_gw = np.bincount(gw[trial], minlength=2 * n_groups).reshape(n_groups, 2)
    k_gw = np.bincount(gw[trial & success], minlength=2 * n_groups).reshape(n_groups, 2)
    g_person = np.zeros(n_groups, dtype=np.int64)
    g_person[g] = person
    n_else = n_pw[g_person] - n_gw
    k_else = k_pw[g_person] - k_gw
    overall = (k_else.sum(axis=1) + 1) / (n_else.sum(axis=1) + 2)
    a_else, b_else = shrunk_beta(k_else, n_else, prior=overall[:, None])
    a_gw, b_gw = shrunk_beta(k_gw, n_gw, prior=a_else / (a_else + b_else))
    mean_gw = a_gw / (a_gw + b_gw)

    # New asks: the field's usual warmth (the person's, for a field without requests).
    asked_gw = np.bincount(gw[asked], minlength=2 * n_groups).reshape(n_groups, 2)
    asked_pw = np.bincount(pw[asked], minlength=2 * n_people).reshape(n_people, 2)
    person_basis = (asked_pw[:, 1] > asked_pw[:, 0]).astype(np.int64)
    basis = np.where(
        asked_gw.sum(axis=1) > 0,
        (asked_gw[:, 1] > asked_gw[:, 0]).astype(np.int64),
        person_basis[g_person],
    )
    rows_g = np.arange(n_groups)
    a, b = a_gw[rows_g, basis], b_gw[rows_g, basis]

    # Open requests: their remaining chance from the time to an answer.
    times = prepared.answer_times()
    usable = times["usable"].to_numpy()
    t = times["time"].to_numpy(dtype=float, na_value=np.nan)
    km_group = pw
    curve, curve_group = kaplan_meier(
        t[usable].astype(np.int64), times["answered"].to_numpy()[usable], km_group[usable]
    )
    open_rows = np.flatnonzero(awaiting | replied_open)
    f_t = _share_at(curve, curve_group, km_group[open_rows], t[open_rows])
    f_end = _share_at(curve, curve_group, km_group[open_rows], np.full(len(open_rows), np.inf))
    chance = remaining_chance(
        np.nan_to_num(f_t),  # no usable wait: as if sent today
        f_end,
        mean_gw[g[open_rows], warm[open_rows]],
        answered_already=replied_open[open_rows],
    )
    slots = _slots(g[open_rows], chance, n_groups)
    pmf = pending_pmf(slots, target)

    k = np.bincount(g[interviewed], minlength=n_groups)
    s = np.bincount(g[scheduled], minlength=n_groups)
    need_min = np.maximum(minimum - k - s, 0)
    need_target = np.maximum(target - k - s, 0)
    asks_min = asks_needed(need_min, a, b, pmf, probability=probability)
    # The target needs at least the asks of the minimum: the search starts there.
    asks_target = asks_needed(need_target, a, b, pmf, probability=probability, at_least=asks_min)

    # Dates: time to an answer among those who answer, then answer to meeting.
    to_answer = _median_answer_time(curve, curve_group, 2 * n_people)
    to_meeting = _median_to_meeting(prepared, person, n_people)
    days = to_answer[g_person * 2 + basis] + to_meeting[g_person]
    when = add_business_days(
        np.full(n_groups, prepared.as_of.to_datetime64(), dtype="datetime64[ns]"),
        0,
        prepared.calendar,
    )
    ahead = np.where(np.isnan(days), _NAT, when)
    ahead = _add_days(ahead, days, prepared.calendar)
    meetings = _scheduled_dates(prepared, g, scheduled, n_groups, target)
    minimum_by = _goal_date(minimum, k, s, meetings, ahead)
    target_by = _goal_date(target, k, s, meetings, ahead)

    res = table[keys_by].reset_index(drop=True)
    res["interviewed"] = k
    res["scheduled"] = s
    res["open_requests"] = np.bincount(g[open_rows], minlength=n_groups)
    res["expected_from_pending"] = np.bincount(g[open_rows], chance, minlength=n_groups)
    res["decided"] = n_gw.sum(axis=1)
    res["basis"] = np.where(basis == 1, "warm", "cold").astype(object)
    res["interview_chance"] = a / (a + b)
    low, high = beta_interval(a, b)
    res["chance_low"], res["chance_high"] = low, high
    res["chance_cold"], res["chance_warm"] = mean_gw[:, 0], mean_gw[:, 1]
    res["asks_to_minimum"] = _asks(asks_min)
    res["asks_to_target"] = _asks(asks_target)
    res["minimum_by"] = minimum_by
    res["target_by"] = target_by
    res["note"] = _notes(res, minimum=minimum, target=target, probability=probability)
    res = res[[*keys_by, *TABLES["plan"].columns]]
    res.attrs["probability"] = probability
    res.attrs["prior_strength"] = PRIOR_STRENGTH
    res.attrs.update(minimum=minimum, target=target, as_of=prepared.as_of)
    return with_gaps(res, prepared, "plan")


def _person(prepared: PreparedLog, others: list[str]) -> np.ndarray:
    """Whose record is the prior: one person, or each combination of the other ``by`` columns."""
    if not others:
        return np.zeros(len(prepared.frame), dtype=np.int64)
    return prepared.groups(others)[1].codes


def _share_at(
    curve: pd.DataFrame, curve_group: np.ndarray, group: np.ndarray, time: np.ndarray
) -> np.ndarray:
    """The Kaplan–Meier share answered by ``time`` in each row's ``group`` (0 before any)."""
    if not len(curve):
        return np.where(np.isnan(time), np.nan, 0.0)
    key = curve_group.astype(float) * 1e7 + curve["time"].to_numpy(dtype=float)
    share = curve["share_answered"].to_numpy()
    wanted = group.astype(float) * 1e7 + np.minimum(np.nan_to_num(time, nan=0.0), 1e6)
    at = np.searchsorted(key, wanted, side="right") - 1
    found = at >= 0
    same = np.zeros(len(group), dtype=bool)
    same[found] = curve_group[at[found]] == group[found]
    out = np.where(same, share[np.maximum(at, 0)], 0.0)
    return np.where(np.isnan(time), np.nan, out)


def _median_answer_time(curve: pd.DataFrame, curve_group: np.ndarray, size: int) -> np.ndarray:
    """Per Kaplan–Meier group (person x warmth): the median time to an answer among answers.

    The first time at which the share answered reaches half its final share;
    NaN with fewer than ``MIN_TIMES`` answers. Indexed by group number.
    """
    out = np.full(size, np.nan)
    if not len(curve):
        return out
    d = pd.DataFrame(
        {
            "g": curve_group,
            "time": curve["time"].to_numpy(),
            "share": curve["share_answered"].to_numpy(),
            "n": curve["answered"].to_numpy(),
        }
    )
    final = d.groupby("g")["share"].transform("last")
    count = d.groupby("g")["n"].transform("sum")
    half = d[(d["share"] >= final / 2 - 1e-12) & (count >= MIN_TIMES)]
    first = half.groupby("g")["time"].first()
    out[first.index.to_numpy()] = first.to_numpy(dtype=float)
    return out


def _median_to_meeting(prepared: PreparedLog, person: np.ndarray, n_people: int) -> np.ndarray:
    """Per person: the median business days from the answer to the meeting (NaN: too few)."""
    frame = prepared.frame
    answered = frame["responded_on"].to_numpy(dtype="datetime64[ns]")
    met = frame["interview_on"].to_numpy(dtype="datetime64[ns]")
    gap = business_days(answered, met, prepared.calendar)
    day = prepared.as_of.to_datetime64()
    ok = (gap >= 0) & (answered <= day)
    out = np.full(n_people, np.nan)
    if ok.any():
        d = pd.Series(gap[ok]).groupby(person[ok])
        med = d.median().where(d.size() >= MIN_TIMES)
        out[med.index.to_numpy()] = np.ceil(med.to_numpy(dtype=float))
    return out


def _add_days(start: np.ndarray, days: np.ndarray, calendar: np.busdaycalendar) -> np.ndarray:
    """``start`` plus a whole number of business days per row (NaT where either is missing)."""
    out = np.full(len(start), _NAT)
    ok = ~np.isnat(start) & ~np.isnan(days)
    if ok.any():
        out[ok] = np.busday_offset(
            start[ok].astype("datetime64[D]"), days[ok].astype(np.int64), busdaycal=calendar
        ).astype("datetime64[ns]")
    return out


def _scheduled_dates(
    prepared: PreparedLog, g: np.ndarray, scheduled: np.ndarray, n_groups: int, top: int
) -> np.ndarray:
    """Per group, the dates of the scheduled meetings in order (NaT-padded, ``top`` columns)."""
    out = np.full((n_groups, top), _NAT)
    dates = prepared.frame["interview_on"].to_numpy(dtype="datetime64[ns]")
    rows = np.flatnonzero(scheduled)
    if not len(rows):
        return out
    d = pd.DataFrame({"g": g[rows], "day": dates[rows]}).sort_values(
        ["g", "day"], na_position="last", kind="stable"
    )
    d["i"] = d.groupby("g").cumcount()
    d = d[d["i"] < top]
    out[d["g"].to_numpy(), d["i"].to_numpy()] = d["day"].to_numpy(dtype="datetime64[ns]")
    return out


def _goal_date(
    goal: int, k: np.ndarray, s: np.ndarray, meetings: np.ndarray, ahead: np.ndarray
) -> np.ndarray:
    """When a field reaches ``goal``: NaT once reached, a scheduled meeting's date, or ahead."""
    missing = goal - k  # interviews still to be held
    by_meeting = (missing > 0) & (s >= missing)
    col = np.clip(missing - 1, 0, meetings.shape[1] - 1)
    meeting = meetings[np.arange(len(k)), col]
    return np.where(missing <= 0, _NAT, np.where(by_meeting, meeting, ahead))


def _slots(group: np.ndarray, chance: np.ndarray, n_groups: int) -> np.ndarray:
    """The open requests' chances as a (groups, most open requests of a group) array."""
    counts = np.bincount(group, minlength=n_groups)
    width = int(counts.max(initial=0))
    out = np.zeros((n_groups, width))
    if width:
        order = np.argsort(group, kind="stable")
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        sorted_g = group[order]
        out[sorted_g, np.arange(len(order)) - starts[sorted_g]] = chance[order]
    return out


def _asks(values: np.ndarray) -> pd.arrays.IntegerArray:
    return pd.arrays.IntegerArray(np.maximum(values, 0).astype(np.int64), values < 0, copy=False)


def _notes(res: pd.DataFrame, *, minimum: int, target: int, probability: float) -> np.ndarray:
    """One plain sentence per field: what to ask, how likely, and when.

    Each phrase is written once per distinct combination of what it says
    (:func:`_each`), then joined per field: a cohort has hundreds of
    thousands of fields, and a sentence per field in a Python loop took 2.1 s
    of ``plan`` on the 1M-row messy cohort log (466k fields).
    """
    sure = f"{probability:.0%}"
    k = res["interviewed"].to_numpy(dtype=np.int64)
    s = res["scheduled"].to_numpy(dtype=np.int64)
    n_open = res["open_requests"].to_numpy(dtype=np.int64)
    basis = res["basis"].to_numpy(dtype=object)
    p = res["interview_chance"].to_numpy(dtype=float)
    warm = res["chance_warm"].to_numpy(dtype=float)
    expected = res["expected_from_pending"].to_numpy(dtype=float)
    asks_min, asks_target = (
        res[c].to_numpy(dtype=np.int64, na_value=-1) for c in ("asks_to_minimum", "asks_to_target")
    )
    at_minimum = k + s >= minimum  # scheduled meetings counted: the target is the goal

    def head(at_minimum: bool, held: bool, s: int, asks_min: int, asks_target: int) -> str:
        if at_minimum:
            goal = f"the target of {target}"
            return (
                f"Minimum of {minimum} reached"
                + ("" if held else f" once the {s} scheduled meeting(s) are held")
                + "; "
                + (
                    f"no more asks needed for {goal} ({sure} sure)"
                    if asks_target == 0
                    else f"ask {_n(asks_target)} more for {goal} with {sure} probability"
                )
            )
        people = "person" if asks_min == 1 else "people"
        return (
            f"No more asks needed for the minimum of {minimum} ({sure} sure; "
            f"{_n(asks_target)} for the target of {target})"
            if asks_min == 0
            else f"Ask {_n(asks_min)} more {people} to reach the minimum of {minimum} with "
            f"{sure} probability ({_n(asks_target)} for the target of {target})"
        )

    def chance(basis: str, p: float) -> str:
        return f"a {basis} request here becomes an interview {p:.0%} of the time"

    def warm_path(warm: float) -> str:
        return f" (a warm introduction: {warm:.0%})"

    def pending(n_open: int, expected: float) -> str:
        noun = "request" if n_open == 1 else "requests"
        return f"; {n_open} open {noun} may bring {expected:.1f}"

    def date(day: int) -> str:
        if day == _NAT_DAY:
            return "; not enough data to date it (fewer than 3 answers or meetings with dates)"
        return f"; expected by {np.datetime64(day, 'D')}"

    when = np.where(at_minimum, res["target_by"].to_numpy(), res["minimum_by"].to_numpy())
    extra = np.full(len(res), "", dtype=object)
    rows = (basis == "cold") & (warm >= p + 0.1)
    extra[rows] = _each(warm_path, warm[rows])
    open_ = np.full(len(res), "", dtype=object)
    rows = n_open > 0
    open_[rows] = _each(pending, n_open[rows], expected[rows])
    parts = [
        _each(head, at_minimum, k >= minimum, s, asks_min, asks_target),
        _each(chance, basis, p),
        extra,
        open_,
        _each(date, when.astype("datetime64[D]").view(np.int64)),
    ]
    out = np.asarray(
        [
            f"{h}: {c}{x}{o}{d}."
            for h, c, x, o, d in zip(*(v.tolist() for v in parts), strict=True)
        ],
        dtype=object,
    )
    reached = k >= target
    out[reached] = _each(lambda k: f"Target of {target} reached: {k} interviews.", k[reached])
    return out


_NAT_DAY = np.datetime64("NaT", "D").view(np.int64)


def _each(phrase: Any, *columns: np.ndarray) -> np.ndarray:
    """``phrase(*values)`` for each row of ``columns``, called once per distinct row of values."""
    n = len(columns[0])
    key = np.zeros(n, dtype=np.int64)
    for col in columns:
        codes, distinct = pd.factorize(col, use_na_sentinel=False)
        key = pd.factorize(key * len(distinct) + codes)[0]
    first = np.zeros(int(key.max(initial=-1)) + 1, dtype=np.int64)
    first[key[::-1]] = np.arange(n)[::-1]
    values = zip(*(np.asarray(col)[first].tolist() for col in columns), strict=True)
    texts = np.empty(len(first), dtype=object)
    texts[:] = [phrase(*v) for v in values]
    return texts[key]


def _n(value: int) -> str:
    """The number of asks as text; -1 means the search fell short."""
    return f"more than {MAX_ASKS}" if value < 0 else str(value)
