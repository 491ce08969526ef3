"""Headline figures and two-line captions of the advisor report, computed from the tables.

Private (used by :mod:`report`). Each caption is "what the chart shows" and
"what to do about it", written from the numbers so the advisor reads the
finding before the chart. Every function copes with empty tables.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__: list[str] = []


def _n(x: Any) -> int:
    return 0 if x is None or pd.isna(x) else int(x)


def _pct(x: Any) -> str:
    return "–" if x is None or pd.isna(x) else f"{float(x):.0%}"


def headline(t: dict[str, pd.DataFrame]) -> list[tuple[str, str, str]]:
    """(label, value, detail) for the title page."""
    overall = t["overall"]
    row = overall.iloc[0] if len(overall) else None
    asked = _n(row["asked"]) if row is not None else 0
    decided = _n(row["decided"]) if row is not None else 0
    pending = _n(row["pending"]) if row is not None else 0
    rate = row["response_rate"] if row is not None else float("nan")
    interval = (
        f"95% interval {_pct(row['ci_low'])}–{_pct(row['ci_high'])}, n = {decided} decided"
        if row is not None and decided
        else "no decided requests yet"
    )
    cov = t["coverage"]
    at_min = int((cov["status"].astype(str) != "below_minimum").sum()) if len(cov) else 0
    due = t["follow_ups_due"]
    overdue = int(due["overdue"].fillna(False).astype(bool).sum()) if len(due) else 0
    return [
        ("People asked", f"{asked}", f"{pending} still within the 7-business-day window"),
        ("Response rate", _pct(rate), interval),
        ("Interviews", f"{_n(row['interviewed']) if row is not None else 0}", "held so far"),
        ("Fields at the minimum", f"{at_min} of {len(cov)}", "at least 3 interviews each"),
        ("Follow-ups overdue", f"{overdue}", f"of {len(due)} actions on the to-do list"),
    ]


def _best(table: pd.DataFrame, col: str) -> tuple[str, pd.Series] | None:
    rows = table[pd.to_numeric(table["decided"], errors="coerce").fillna(0) > 0]
    if rows.empty:
        return None
    # The lower interval bound: a large group with a good rate beats 2 of 2.
    # pandas-stubs: .loc takes the Hashable label that idxmax returns
    best = rows.loc[pd.to_numeric(rows["ci_low"]).idxmax()]  # type: ignore[call-overload]
    return str(best[col]), best


def rates(table: pd.DataFrame, by: str) -> tuple[str, str]:
    found = _best(table, by) if len(table) else None
    if found is None:
        return (
            f"Response rate by {by}: no decided requests yet.",
            "Send requests; a request counts once answered or 7 business days old.",
        )
    name, row = found
    shows = (
        f"Best {by}: {name}, {_n(row['responded'])} of {_n(row['decided'])} answered "
        f"({_pct(row['response_rate'])}, 95% interval {_pct(row['ci_low'])}–"
        f"{_pct(row['ci_high'])}); bars show each group's rate with its interval."
    )
    small = int((pd.to_numeric(table["decided"], errors="coerce").fillna(0) < 10).sum())
    todo = (
        f"Favour {name} for new requests; {small} group(s) rest on fewer than 10 requests, "
        "so overlapping intervals are not real differences."
    )
    return shows, todo


def funnel(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty or pd.to_numeric(table["count"]).sum() == 0:
        return "Outreach funnel: nobody in the log yet.", "Add the people you want to talk to."
    conv = table.dropna(subset=["conversion"])
    counts = dict(zip(table["stage"], table["count"], strict=False))
    shows = (
        f"{_n(counts.get('identified'))} people identified, {_n(counts.get('asked'))} asked, "
        f"{_n(counts.get('interviewed'))} interviewed."
    )
    if conv.empty:
        return shows, "Ask the people you have identified."
    worst = conv.loc[pd.to_numeric(conv["conversion"]).idxmin()]  # type: ignore[call-overload]
    return shows, (
        f"The weakest step is into '{worst['stage']}' ({_pct(worst['conversion'])} of the "
        "previous stage): work on that step first."
    )


def timing(summary: pd.DataFrame) -> tuple[str, str]:
    todo = (
        "No answer after 3 business days: contact a second person at the same "
        "organisation; after 7: send one follow-up (3B7)."
    )
    if summary.empty or _n(pd.to_numeric(summary["answered"]).sum()) == 0:
        return "Time to response: no answers yet.", todo
    parts = [
        f"{row.get('warmth', 'all')}: {_pct(row['share_within_3'])} within 3, "
        f"{_pct(row['share_within_7'])} within 7 business days"
        for row in summary.to_dict("records")
    ]
    return "Share answered (Kaplan–Meier, unanswered requests censored): " + "; ".join(
        parts
    ) + ".", todo


def activity(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty:
        return "Activity: nothing dated yet.", "Record the date of each request."
    recent = table.tail(4)
    asks = int(pd.to_numeric(recent["asks"]).sum())
    total = _n(table["cumulative_interviews"].iloc[-1])
    return (
        f"{asks} requests in the last {len(recent)} weeks shown; {total} interviews in total.",
        "Keep a steady weekly rhythm of requests: answers arrive 1–2 weeks later.",
    )


def coverage(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty:
        return "Coverage: no fields yet.", "Fill in the field of each person."
    below = table[table["status"].astype(str) == "below_minimum"]
    shows = f"{len(table) - len(below)} of {len(table)} fields have at least 3 interviews."
    if below.empty:
        return (
            shows,
            "Every field meets the minimum: aim for 5 voices in those you care most about.",
        )
    need = ", ".join(
        f"{f} (+{_n(k)})"
        for f, k in zip(below["field"].head(5), below["to_minimum"].head(5), strict=True)
    )
    return shows, f"Arrange more interviews in: {need}."


def perspectives(table: pd.DataFrame, name: str) -> tuple[str, str]:
    values = table.drop(columns=table.columns[:1]) if len(table.columns) else table
    if values.empty or values.to_numpy().sum() == 0:
        return (
            f"No interviews to compare by {name} yet.",
            "Record seniority and organisation type.",
        )
    one = int(((values > 0).sum(axis=1) == 1).sum())
    return (
        f"Interviews per field and {name}; {one} field(s) rest on a single {name}.",
        f"Seek a different {name} in those fields for a broader range of perspectives.",
    )


def referrals(summary: pd.DataFrame) -> tuple[str, str]:
    todo = 'Ask every interviewee: "Can you think of someone else I should talk to?"'
    if summary.empty:
        return "Referral chains: none yet.", todo
    row = summary.iloc[0]
    return (
        f"{_n(row['chains'])} chain(s), longest chain {_n(row['longest_chain'])}; "
        f"{_pct(row['share_interviews_via_referral'])} of interviews came through a referral.",
        todo,
    )


def thanks(table: pd.DataFrame) -> tuple[str, str]:
    total = int(pd.to_numeric(table["interviews"]).sum()) if len(table) else 0
    if total == 0:
        return "Thank-you notes: no interviews yet.", "Send a thank-you note within 24 hours."
    within = int(pd.to_numeric(table["within_1_day"]).sum())
    missing = int(pd.to_numeric(table["not_yet"]).sum())
    return (
        f"{within} of {total} interviews thanked within a day; {missing} not thanked yet.",
        "Send the missing notes now; next time, write the note the same day.",
    )


def meetings(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty or _n(table["interviews"].iloc[0]) == 0:
        return "Meeting discipline: no interviews yet.", "Ask for 15–30 minutes and keep to it."
    row = table.iloc[0]
    return (
        f"{_n(row['overran'])} of {_n(row['with_minutes'])} meetings overran; "
        f"{_n(row['questions_in_guidance'])} of {_n(row['with_questions'])} had 5–7 questions.",
        "Keep to the time you asked for; prepare 5–7 strong questions, the most important first.",
    )


def cohort(table: pd.DataFrame) -> tuple[str, str]:
    behind = table[pd.to_numeric(table["interviews"]).fillna(0) < 3]
    return (
        f"{len(table)} students; {len(behind)} with fewer than 3 interviews.",
        "Check in first with the students who have few interviews or overdue follow-ups.",
    )
