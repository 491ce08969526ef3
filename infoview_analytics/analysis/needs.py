"""What each analysis needs from the log, and what it cannot tell without it.

A confident wrong answer is the worst thing the toolkit can do: a log whose
request dates were not read would get "Nothing due" from the to-do list and a
0% response rate. Every analysis therefore declares the columns it needs
(:data:`NEEDS`); when the log has none of the columns of a need (no column was
read as one of them, or they are empty), :func:`gaps` says in one sentence what
cannot be told and how to map the column. The analyses attach those sentences
to their table as ``table.attrs["gaps"]`` (an empty list when nothing is
missing), ``infoview check`` prints them instead of an all-clear and exits 3,
and the report says what it could not compute. A column read with low
confidence (a fuzzy or content match scoring below ``io._headers.CONFIDENT``)
is said too: the answers relying on it name the header and how to map it.

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

from ..core.frame import LOW_CONFIDENCE

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
    "plan": (
        Need(("field",), "the interviews per field", "fields"),
        Need(("requested_on", "status"), "how often requests become interviews", "requests"),
        Need(("requested_on",), "how long requests wait for an answer", "request dates"),
    ),
    "next_people": (Need(("field",), "which fields need more voices", "fields"),),
    "calendar_events": (
        Need(("requested_on",), "which follow-ups are due", "request dates"),
        Need(("interview_on",), "when the interviews are", "interview dates", _INTERVIEWED),
    ),
    "themes": (_NOTES, _HELD),
    "compare_themes": (_NOTES, _HELD),
    "search_notes": (_NOTES,),
}


def gaps(prepared: PreparedLog, name: str) -> list[str]:
    """The sentences saying what ``name`` cannot tell from this log (empty when nothing).

    Also what it tells from a column read with low confidence (a loaded log's
    ``attrs[core.frame.LOW_CONFIDENCE]``: a fuzzy or content match with a low
    score): the answer may rest on the wrong column.

    Examples
    --------
    >>> import pandas as pd
    >>> from infoview_analytics.analysis.prepared import prepare
    >>> log = pd.DataFrame({"contact": ["Ana"], "field": ["Data"]})
    >>> log.attrs["low_confidence"] = {
    ...     "field": {"header": "Feild area", "how": "fuzzy", "score": 86.0}}
    >>> print(gaps(prepare(log, as_of="2026-03-20"), "coverage")[0])
    ... # doctest: +NORMALIZE_WHITESPACE
    Not sure of the interviews per field: `field` was read from the header 'Feild area'
    by a fuzzy match (score 86), a weak reading. ...
    """
    frame = prepared.frame
    found = []
    unsure = _unsure(frame)
    for need in NEEDS.get(name, ()):
        if any(_has_data(frame, column) for column in need.columns):
            for column in need.columns:
                if column in unsure and _has_data(frame, column):
                    found.append(f"Not sure of {need.what}: `{column}` was {unsure[column]}")
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


def _unsure(frame: pd.DataFrame) -> dict[str, str]:
    """Column -> how it was read and what to do, for the columns read with low confidence."""
    weak = frame.attrs.get(LOW_CONFIDENCE)
    if not isinstance(weak, dict):
        return {}
    out = {}
    for column, read in weak.items():
        if not isinstance(read, dict):
            continue
        how = "a fuzzy match" if read.get("how") == "fuzzy" else "its content"
        header = str(read.get("header", ""))
        score = read.get("score")
        shown = f" (score {float(score):.0f})" if isinstance(score, int | float) else ""
        out[str(column)] = (
            f"read from the header {header!r} by {how}{shown}, a weak reading. Check it with "
            f"`infoview validate LOG`; if it is wrong, map the header: "
            f'--map "{header}=COLUMN" (or "{header}=-" to keep it as your own column).'
        )
    return out


def with_gaps(table: pd.DataFrame, prepared: PreparedLog, name: str) -> pd.DataFrame:
    """``table`` with ``attrs["gaps"]``: what ``name`` could not tell from the log."""
    table.attrs["gaps"] = gaps(prepared, name)
    return table


def _has_data(frame: pd.DataFrame, column: str) -> bool:
    if column not in frame.columns:
        return False
    values = frame[column]
    if column == "status":  # derived when blank: only a status past prospect says anything
        # isin, not a comparison of objects: a million statuses as objects took 80 ms.
        return bool((values.notna() & ~values.isin(["prospect"])).any())
    return bool(values.notna().any())
