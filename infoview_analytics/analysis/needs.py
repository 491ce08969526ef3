"""What each analysis needs from the log, and what it cannot tell without it.

A confident wrong answer is the worst thing the toolkit can do: a log whose
request dates were not read would get "Nothing due" from the to-do list and a
0% response rate. Every analysis therefore declares the columns it needs
(:data:`NEEDS`); when the log has none of the columns of a need (no column was
read as one of them, or they are empty), :func:`gaps` says in one sentence what
cannot be told and how to map the column. The analyses attach those sentences
to their table as ``table.attrs["gaps"]`` (an empty list when nothing is
missing), ``infoview check`` prints them instead of an all-clear and exits 3,
and the report says what it could not compute.

Examples
--------
>>> import pandas as pd, infoview_analytics as iv
>>> log = pd.DataFrame({"contact": ["Ana", "Ben"], "status": ["awaiting", "replied"]})
>>> todo = iv.follow_ups_due(log, as_of="2026-03-20")
>>> print(todo.attrs["gaps"][0])  # doctest: +NORMALIZE_WHITESPACE
Cannot tell which follow-ups are due: the log has no request dates (no column was read as
`requested_on`, or it is empty). ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from .prepared import PreparedLog

__all__ = ["NEEDS", "Need", "gaps", "with_gaps"]


@dataclass(frozen=True)
class Need:
    """Columns of which at least one must hold data, and what is lost without them."""

    #: Canonical columns; any one of them with data meets the need.
    columns: tuple[str, ...]
    #: What cannot be told without them, completing "Cannot tell ...".
    what: str
    #: What the columns hold, for the sentence ("request dates").
    holds: str
    #: The need applies only when some row has one of these statuses (empty: always).
    when: frozenset[str] = frozenset()


_INTERVIEWED = frozenset({"interviewed"})
_REQUESTS = Need(("requested_on",), "when each request was sent", "request dates")
_NOTES = Need(("notes", "next_step"), "what was said in the interviews", "notes")
_HELD = Need(("status", "interview_on"), "which requests became interviews", "statuses")
_ANSWERS = Need(("responded_on", "interview_on"), "when people answered", "response dates")

#: The needs of each analysis, by the name of the function.
NEEDS: dict[str, tuple[Need, ...]] = {
    "response_rates": (
        Need(("requested_on", "status"), "who was asked and who answered", "requests"),
    ),
    "funnel": (Need(("requested_on", "status"), "who was asked", "requests"),),
    "activity": (_REQUESTS,),
    "time_to_response": (_REQUESTS, _ANSWERS),
    "response_time_summary": (_REQUESTS, _ANSWERS),
    "classify_contacts": (_REQUESTS,),
    "follow_ups_due": (
        Need(("requested_on",), "which follow-ups are due", "request dates"),
        Need(("interview_on",), "which thank-you notes are due", "interview dates", _INTERVIEWED),
    ),
    "thank_you_timeliness": (
        Need(("interview_on",), "when the interviews were", "interview dates", _INTERVIEWED),
        Need(("thanked_on",), "when thank-you notes went out", "thank-you dates", _INTERVIEWED),
    ),
    "meeting_discipline": (
        Need(
            ("minutes_planned", "minutes_actual", "questions_prepared"),
            "how the meetings went",
            "meeting minutes or prepared questions",
        ),
    ),
    "referral_chains": (Need(("referred_by",), "who introduced whom", "referrers"),),
    "referral_summary": (Need(("referred_by",), "who introduced whom", "referrers"),),
    "coverage": (Need(("field",), "the interviews per field", "fields"),),
    "perspective_matrix": (Need(("field",), "the interviews per field", "fields"),),
    "cohort_summary": (Need(("owner",), "whose log each row is", "owners"),),
    "themes": (_NOTES, _HELD),
    "compare_themes": (_NOTES, _HELD),
    "search_notes": (_NOTES,),
}


def gaps(prepared: PreparedLog, name: str) -> list[str]:
    """The sentences saying what ``name`` cannot tell from this log (empty when nothing)."""
    frame = prepared.frame
    found = []
    for need in NEEDS.get(name, ()):
        if any(_has_data(frame, column) for column in need.columns):
            continue
        if need.when and not frame["status"].isin(list(need.when)).any():
            continue  # nothing the columns would tell (no interview to thank for, ...)
        read_as = " or ".join(f"`{c}`" for c in need.columns)
        found.append(
            f"Cannot tell {need.what}: the log has no {need.holds} (no column was read as "
            f"{read_as}, or it is empty). Fill them in, or map the column that holds them: "
            "`infoview validate LOG` shows how each header was read."
        )
    return found


def with_gaps(table: pd.DataFrame, prepared: PreparedLog, name: str) -> pd.DataFrame:
    """``table`` with ``attrs["gaps"]``: what ``name`` could not tell from the log."""
    table.attrs["gaps"] = gaps(prepared, name)
    return table


def _has_data(frame: pd.DataFrame, column: str) -> bool:
    if column not in frame.columns:
        return False
    values = frame[column]
    if column == "status":  # derived when blank: only a status past prospect says anything
        return bool((values.notna() & (values.astype(object) != "prospect")).any())
    return bool(values.notna().any())
