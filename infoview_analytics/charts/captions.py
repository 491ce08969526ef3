"""Headline figures and two-line captions of the advisor report, computed from the tables.

Private (used by :mod:`report`). Each caption is "what the chart shows" and
"what to do about it", written from the numbers of the table the chart draws,
so the advisor reads the finding before the chart and every sentence is true
of the chart beside it: counts are of what is drawn, "1 field has" / "2 fields
have", a clause about zero things is left out, and codes are in plain words
(:mod:`.labels`). Every function copes with empty tables. :func:`empty` says
in one line why a chart would show nothing, for the report's summary page.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .labels import column_label, value_label

__all__: list[str] = []

#: How a grouping column reads in a sentence ("Best channel", "Best kind of request").
_NOUNS = {
    "warmth": "kind of request (warm or cold)",
    "org_type": "organisation type",
    "owner": "student",
}


def _n(x: Any) -> int:
    return 0 if x is None or pd.isna(x) else int(x)


def _pct(x: Any) -> str:
    return "–" if x is None or pd.isna(x) else f"{float(x):.0%}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """``"1 field"``, ``"2 fields"`` (``many`` when the plural is not ``one + "s"``)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def noun(column: str) -> str:
    """A grouping column as a noun in a sentence (``org_type`` → "organisation type")."""
    return _NOUNS.get(column, column_label(column).lower())


def _numbers(table: pd.DataFrame, col: str) -> pd.Series:
    return pd.to_numeric(table[col], errors="coerce").fillna(0)


def headline(t: dict[str, pd.DataFrame]) -> list[tuple[str, str, str]]:
    """(label, value, detail) for the title page; "–" where the log cannot tell."""
    overall = t["overall"]
    row = overall.iloc[0] if len(overall) else None
    asked = _n(row["asked"]) if row is not None else 0
    decided = _n(row["decided"]) if row is not None else 0
    pending = _n(row["pending"]) if row is not None else 0
    rate = row["response_rate"] if row is not None else float("nan")
    interval = (
        f"95% interval {_pct(row['ci_low'])} to {_pct(row['ci_high'])}, n = {decided} decided"
        if row is not None and decided
        else "no decided requests yet"
    )
    cov = t["coverage"]
    at_min = int((cov["status"].astype(str) != "below_minimum").sum()) if len(cov) else 0
    minimum = cov.attrs.get("minimum", 3)
    due = t["follow_ups_due"]
    overdue = int(due["overdue"].fillna(False).astype(bool).sum()) if len(due) else 0
    cannot = "cannot tell: see “Not shown in this report”"
    rows = [
        (
            "People asked",
            f"{asked}",
            f"{pending} still within the 7-business-day window",
        ),
        ("Response rate", _pct(rate), interval),
        ("Interviews", f"{_n(row['interviewed']) if row is not None else 0}", "held so far"),
        (
            "Fields at the minimum",
            f"{at_min} of {len(cov)}",
            f"at least {minimum} interviews each",
        ),
        (
            "Follow-ups overdue",
            f"{overdue}",
            f"of {plural(len(due), 'action')} on the to-do list (listed in this report)",
        ),
    ]
    gapped = {
        "People asked": overall,
        "Response rate": overall,
        "Interviews": overall,
        "Fields at the minimum": cov,
        "Follow-ups overdue": due,
    }
    return [
        (label, "–", cannot) if gapped[label].attrs.get("gaps") else (label, value, detail)
        for label, value, detail in rows
    ]


def _drawn_groups(table: pd.DataFrame) -> pd.DataFrame:
    """The groups the response-rate chart draws: those in which someone was asked."""
    return table[_numbers(table, "asked") > 0]


def _best(table: pd.DataFrame, col: str) -> tuple[str, pd.Series] | None:
    rows = table[_numbers(table, "decided") > 0]
    if rows.empty:
        return None
    # The lower interval bound: a large group with a good rate beats 2 of 2.
    # pandas-stubs: .loc takes the Hashable label that idxmax returns
    best = rows.loc[pd.to_numeric(rows["ci_low"]).idxmax()]  # type: ignore[call-overload]
    return value_label(col, best[col]), best


def rates(table: pd.DataFrame, by: str) -> tuple[str, str]:
    drawn = _drawn_groups(table) if len(table) else table
    found = _best(drawn, by) if len(drawn) else None
    if found is None:
        return (
            f"Response rate by {noun(by)}: no decided requests yet.",
            "Send requests; a request counts once answered or 7 business days old.",
        )
    name, row = found
    shows = (
        f"Best {noun(by)}: {name}, {_n(row['responded'])} of {_n(row['decided'])} answered "
        f"({_pct(row['response_rate'])}, 95% interval {_pct(row['ci_low'])} to "
        f"{_pct(row['ci_high'])}); bars show each group's rate with its interval."
    )
    small = int((_numbers(drawn, "decided") < 10).sum())
    todo = f"Favour {name} for new requests"
    if small:
        rest = "rests" if small == 1 else "rest"
        todo += (
            f"; {plural(small, 'group')} {rest} on fewer than 10 decided requests, "
            "so overlapping intervals are not real differences"
        )
    return shows, todo + "."


def funnel(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty or _numbers(table, "count").sum() == 0:
        return "Outreach funnel: nobody in the log yet.", "Add the people you want to talk to."
    conv = table.dropna(subset=["conversion"])
    counts = dict(zip(table["stage"], table["count"], strict=False))
    shows = (
        f"{plural(_n(counts.get('identified')), 'person', 'people')} identified, "
        f"{_n(counts.get('asked'))} asked, {_n(counts.get('interviewed'))} interviewed."
    )
    if conv.empty:
        return shows, "Ask the people you have identified."
    worst = conv.loc[pd.to_numeric(conv["conversion"]).idxmin()]  # type: ignore[call-overload]
    return shows, (
        f"The weakest step is into “{value_label('funnel', worst['stage'])}” "
        f"({_pct(worst['conversion'])} of the previous stage): work on that step first."
    )


def timing(summary: pd.DataFrame) -> tuple[str, str]:
    todo = (
        "No answer after 3 business days: contact a second person at the same "
        "organisation; after 7: send one follow-up (3B7)."
    )
    if summary.empty or _n(pd.to_numeric(summary["answered"]).sum()) == 0:
        return "Time to response: no answers yet.", todo
    parts = [
        f"{value_label('warmth', row['warmth']) if 'warmth' in row else 'All'}: "
        f"{_pct(row['share_within_3'])} within 3, "
        f"{_pct(row['share_within_7'])} within 7 business days"
        for row in summary.to_dict("records")
    ]
    return "Share answered (Kaplan–Meier, unanswered requests censored): " + "; ".join(
        parts
    ) + ".", todo


def activity(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty or sum(_numbers(table, c).sum() for c in ("asks", "interviews")) == 0:
        return "Activity: nothing dated yet.", "Record the date of each request."
    recent = table.tail(4)
    asks = int(_numbers(recent, "asks").sum())
    total = _n(table["cumulative_interviews"].iloc[-1])
    return (
        f"{plural(asks, 'request')} in the last {plural(len(recent), 'period')} shown; "
        f"{plural(total, 'interview')} in total.",
        "Keep a steady weekly rhythm of requests: answers arrive 1–2 weeks later.",
    )


def coverage(table: pd.DataFrame) -> tuple[str, str]:
    if table.empty:
        return "Coverage: no fields yet.", "Fill in the field of each person."
    minimum = table.attrs.get("minimum", 3)
    target = table.attrs.get("target", 5)
    below = table[table["status"].astype(str) == "below_minimum"]
    met = len(table) - len(below)
    verb = "has" if met == 1 else "have"
    shows = (
        f"{met} of {plural(len(table), 'field')} {verb} at least {minimum} interviews "
        "(the full list is in the coverage table)."
    )
    if below.empty:
        return (
            shows,
            f"Every field meets the minimum: aim for {target} voices in those you care "
            "most about.",
        )
    need = ", ".join(
        f"{f} (+{_n(k)})"
        for f, k in zip(below["field"].head(5), below["to_minimum"].head(5), strict=True)
    )
    more = f" and {plural(len(below) - 5, 'more field')}" if len(below) > 5 else ""
    return shows, f"Arrange more interviews in: {need}{more}."


def perspectives(table: pd.DataFrame, name: str) -> tuple[str, str]:
    values = table.drop(columns=table.columns[:1]) if len(table.columns) else table
    what = noun(name)
    if values.empty or values.to_numpy().sum() == 0:
        return (
            f"No interviews to compare by {what} yet.",
            "Record seniority and organisation type.",
        )
    one = int(((values > 0).sum(axis=1) == 1).sum())
    fields = int((values.sum(axis=1) > 0).sum())
    if one == 0:
        return (
            f"Interviews per field and {what}: each of the {plural(fields, 'field')} "
            f"interviewed in has more than one {what}.",
            f"Keep seeking a different {what} for a broad range of perspectives.",
        )
    verb = "rests" if one == 1 else "rest"
    return (
        f"Interviews per field and {what}; {plural(one, 'field')} {verb} on a single {what}.",
        f"Seek a different {what} in those fields for a broader range of perspectives.",
    )


def referrals(summary: pd.DataFrame) -> tuple[str, str]:
    todo = 'Ask every interviewee: "Can you think of someone else I should talk to?"'
    if summary.empty or _n(summary["chains"].iloc[0]) == 0:
        return "Referral chains: none yet.", todo
    row = summary.iloc[0]
    longest = _n(row["longest_chain"])
    return (
        f"{plural(_n(row['chains']), 'chain')}; the longest has "
        f"{plural(longest, 'person', 'people')} "
        f"({plural(max(longest - 1, 0), 'introduction')}, as the axis counts); "
        f"{_pct(row['share_interviews_via_referral'])} of interviews came through a referral.",
        todo,
    )


def thanks(table: pd.DataFrame) -> tuple[str, str]:
    total = int(_numbers(table, "interviews").sum()) if len(table) else 0
    if total == 0:
        return "Thank-you notes: no interviews yet.", "Send a thank-you note within 24 hours."
    within = int(_numbers(table, "within_1_day").sum())
    missing = int(_numbers(table, "not_yet").sum())
    undated = int(_numbers(table, "thanked_undated").sum()) if "thanked_undated" in table else 0
    shows = f"{within} of {plural(total, 'interview')} thanked within a day"
    if undated:
        shows += f"; {undated} thanked on a day not written down"
    shows += f"; {missing} not thanked yet." if missing else "; every interview thanked."
    todo = (
        "Send the missing notes now; next time, write the note the same day."
        if missing
        else "Keep writing the note the same day."
    )
    return shows, todo


def meetings(table: pd.DataFrame) -> tuple[str, str]:
    todo = (
        "Keep to the time you asked for; prepare 5–7 strong questions, the most important first."
    )
    row = table.iloc[0] if len(table) else None
    timed = _n(row["with_minutes"]) if row is not None else 0
    asked = _n(row["with_questions"]) if row is not None else 0
    if timed + asked == 0:
        return (
            "Meeting discipline: no meeting lengths or prepared questions recorded yet.",
            "Ask for 15–30 minutes and keep to it.",
        )
    assert row is not None  # timed + asked > 0
    parts = []
    if timed:
        parts.append(f"{_n(row['overran'])} of {plural(timed, 'meeting')} overran")
    if asked:
        parts.append(
            f"{_n(row['questions_in_guidance'])} of {plural(asked, 'meeting')} "
            "had 5–7 prepared questions"
        )
    return "; ".join(parts) + ".", todo


def cohort(table: pd.DataFrame) -> tuple[str, str]:
    behind = table[_numbers(table, "interviews") < 3]
    verb = "has" if len(behind) == 1 else "have"
    return (
        f"{plural(len(table), 'student')}; {len(behind)} {verb} fewer than 3 interviews.",
        "Check in first with the students who have few interviews or overdue follow-ups.",
    )


def follow_ups(table: pd.DataFrame) -> str:
    """The heading of the to-do list ("8 overdue of 13 actions")."""
    overdue = int(table["overdue"].fillna(False).astype(bool).sum()) if len(table) else 0
    return f"Follow-ups due: {overdue} overdue of {plural(len(table), 'action')}"


def empty(name: str, table: pd.DataFrame) -> bool:
    """Whether the chart ``name`` would draw nothing from ``table`` (its "no data yet")."""
    if table.empty:
        return True
    if name.startswith("response_rates") or name == "cohort_overview":
        return bool(_numbers(_drawn_groups(table), "decided").sum() == 0)
    checks = {
        "funnel": lambda: _numbers(table, "count").sum() == 0,
        "activity": lambda: (
            sum(_numbers(table, c).sum() for c in ("asks", "responses", "interviews")) == 0
        ),
        "thank_you_timeliness": lambda: _numbers(table, "interviews").sum() == 0,
        "meeting_discipline": lambda: (
            _numbers(table, "with_minutes").sum() + _numbers(table, "with_questions").sum() == 0
        ),
        "referral_tree": lambda: not (_numbers(table, "depth") > 0).any(),
    }
    if name.startswith("perspectives"):
        return bool(table.drop(columns=table.columns[:1]).to_numpy().sum() == 0)
    check = checks.get(name)
    return bool(check()) if check is not None else False
