"""The tables of the advisor report, computed once: the whole log's and each student's."""

from __future__ import annotations

import pandas as pd

__all__: list[str] = []


def is_cohort(log: pd.DataFrame) -> bool:
    """Whether the log holds several students' rows (owners told apart by the name key)."""
    from ..core.names import name_codes

    return "owner" in log.columns and len(name_codes(log["owner"])[1]) > 1


def compute_tables(log: pd.DataFrame, *, as_of: pd.Timestamp) -> dict[str, pd.DataFrame]:
    """Every table the report shows, computed once (also the xlsx sheets / CSV files).

    The log is prepared once, so the analyses share their common steps, and every
    table is as of ``as_of`` (none depends on the day the report is built).
    """
    from ..analysis import (
        activity,
        classify_contacts,
        coverage,
        follow_ups_due,
        funnel,
        meeting_discipline,
        perspective_matrix,
        prepare,
        referral_chains,
        referral_summary,
        response_rates,
        response_time_summary,
        thank_you_timeliness,
        time_to_response,
    )

    p = prepare(log, as_of=as_of)

    t: dict[str, pd.DataFrame] = {
        "overall": response_rates(p, as_of=as_of),
        "response_rates_channel": response_rates(p, by="channel", as_of=as_of),
        "response_rates_warmth": response_rates(p, by="warmth", as_of=as_of),
        "response_rates_source": response_rates(p, by="source", as_of=as_of),
        "response_rates_field": response_rates(p, by="field", as_of=as_of),
        "funnel": funnel(p, as_of=as_of),
        "activity": activity(p, as_of=as_of),
        "time_to_response": time_to_response(p, by="warmth", as_of=as_of),
        "response_time_summary": response_time_summary(p, by="warmth", as_of=as_of),
        "contacts": classify_contacts(p, as_of=as_of),
        "follow_ups_due": follow_ups_due(p, as_of=as_of),
        "thank_you_timeliness": thank_you_timeliness(p),
        "meeting_discipline": meeting_discipline(p),
        "referral_chains": referral_chains(p, as_of=as_of),
        "referral_summary": referral_summary(p, as_of=as_of),
        "coverage": coverage(p, as_of=as_of),
        "perspectives_seniority": perspective_matrix(p, perspective="seniority"),
        "perspectives_org_type": perspective_matrix(p, perspective="org_type"),
    }
    if is_cohort(log):
        from ..analysis import cohort_summary

        t["cohort_summary"] = cohort_summary(p, as_of=as_of)
        t["response_rates_owner"] = response_rates(p, by="owner", as_of=as_of)
    return t


def student_tables(
    log: pd.DataFrame, *, as_of: pd.Timestamp
) -> dict[str, dict[str, pd.DataFrame]]:
    """Per student of a cohort: coverage, response rates by warmth and the follow-ups due."""
    if not is_cohort(log):
        return {}
    from ..analysis.fields import coverage
    from ..analysis.followups import follow_ups_due
    from ..analysis.prepared import prepare
    from ..analysis.responses import response_rates

    out = {}
    from ..analysis.grouping import group_keys

    # Students told apart by the name key ("Amy" and "amy " are one), as in the analyses.
    student = group_keys(log, ["owner"])["owner"].where(log["owner"].notna())
    for owner, rows in log.groupby(student, sort=True, dropna=True):
        # Prepared once for the three tables (each would prepare the rows again).
        p = prepare(rows.reset_index(drop=True), as_of=as_of)
        out[str(owner)] = {
            "coverage": coverage(p, as_of=as_of),
            "rates": response_rates(p, by="warmth", as_of=as_of),
            "follow_ups": follow_ups_due(p, as_of=as_of),
        }
    return out
