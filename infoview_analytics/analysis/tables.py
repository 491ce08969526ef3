"""The columns of every output table, declared once.

Each analysis builds its table in this order, the charts name the columns they
draw from here, the tests compare every output with it, and the table of
``docs/architecture.md`` is written from it (``scripts/make_format_doc.py``
keeps it current; a test checks).

A table whose rows are groups starts with the ``by`` columns the caller asked
for (``grouped=True``), then the columns below.

Examples
--------
>>> TABLES["response_rates"].columns[:3]
('asked', 'pending', 'decided')
>>> TABLES["funnel"].grouped, TABLES["activity"].grouped
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TABLES", "Table"]


@dataclass(frozen=True)
class Table:
    """One output table: the function that returns it, its columns and a note for the docs."""

    #: The public function that returns the table.
    name: str
    #: The columns after any ``by`` columns, in order.
    columns: tuple[str, ...]
    #: Whether the ``by`` columns come first (one row per group).
    grouped: bool = True
    #: What a reader of the docs should know beyond the column names.
    note: str = ""


_DECLARED = (
    Table(
        "response_rates",
        (
            "asked",
            "pending",
            "decided",
            "responded",
            "agreed",
            "interviewed",
            "declined",
            "no_response",
            "response_rate",
            "ci_low",
            "ci_high",
            "interview_rate",
            "interview_ci_low",
            "interview_ci_high",
        ),
        note="pending requests are left out of `decided`, the denominator",
    ),
    Table(
        "funnel",
        ("stage", "count", "conversion"),
        note="stages: identified, asked, responded, agreed, interviewed, thanked, "
        "gave_referrals; conversion from the previous stage, NaN for the first",
    ),
    Table(
        "activity",
        ("period", "asks", "responses", "interviews", "cumulative_interviews"),
        grouped=False,
        note="`period` is the start of the week or month",
    ),
    Table(
        "time_to_response",
        ("time", "at_risk", "answered", "share_answered", "ci_low", "ci_high"),
        note="Kaplan–Meier, one row per group and time someone answered",
    ),
    Table(
        "response_time_summary",
        ("asked", "answered", "censored", "median_time", "share_within_3", "share_within_7"),
    ),
    Table(
        "classify_contacts",
        ("contact", "organization", "kind", "business_days"),
        grouped=False,
        note="kind: answered_quickly, answered_later, no_answer (after 7 business days or "
        "given up), pending, not_asked; then `source_row` when the log has it",
    ),
    Table(
        "follow_ups_due",
        (
            "contact",
            "organization",
            "action",
            "reason",
            "due_since",
            "business_days_waiting",
            "overdue",
        ),
        grouped=False,
        note="action: thank_you, follow_up, contact_second_person, keep_in_touch; then "
        "`owner` when the log has owners (organisations are matched per owner)",
    ),
    Table(
        "thank_you_timeliness",
        (
            "interviews",
            "within_1_day",
            "within_3_days",
            "later",
            "not_yet",
            "thanked_undated",
            "share_within_1_day",
            "share_within_3_days",
            "share_later",
            "share_not_yet",
            "share_thanked_undated",
        ),
        note="exclusive bins: ≤1 day, 2–3 days, >3 days, not thanked, thanked on a day "
        "not known (a yes without a date)",
    ),
    Table(
        "meeting_discipline",
        (
            "interviews",
            "with_minutes",
            "overran",
            "share_overran",
            "median_planned",
            "median_actual",
            "with_questions",
            "questions_in_guidance",
            "too_few_questions",
            "too_many_questions",
            "share_questions_in_guidance",
        ),
    ),
    Table(
        "referral_chains",
        (
            "contact",
            "root",
            "depth",
            "path",
            "referrals_made",
            "descendants",
            "interviews_led_to",
            "in_log",
            "owner",
        ),
        grouped=False,
        note="referrers who are not in the log get a row with `in_log=False`",
    ),
    Table(
        "referral_problems",
        ("problem", "contact", "owner", "source_row", "detail"),
        grouped=False,
        note="loops, self-referrals, names shared by two people, referrers not in the log",
    ),
    Table(
        "referral_summary",
        (
            "people",
            "chains",
            "longest_chain",
            "interviews",
            "interviews_via_referral",
            "share_interviews_via_referral",
            "referrals_given",
            "referrals_per_interview",
            "referred_response_rate",
            "not_referred_response_rate",
            "top_connectors",
        ),
    ),
    Table(
        "coverage",
        (
            "interviewed",
            "scheduled",
            "asked",
            "pending",
            "status",
            "to_minimum",
            "to_target",
            "n_organization",
            "n_role",
            "n_seniority",
            "n_org_type",
            "n_location",
            "top_org_share",
            "note",
        ),
        note="`by` ends with the field column (`['owner', 'field']` for a cohort); "
        "one `n_<column>` per perspective asked for",
    ),
    Table(
        "perspective_matrix",
        (),
        note="then one column per perspective value (category order, then others, "
        "then `(none)`): interview counts",
    ),
    Table(
        "cohort_summary",
        (
            "owner",
            "asked",
            "decided",
            "responded",
            "response_rate",
            "ci_low",
            "ci_high",
            "interviews",
            "fields_at_minimum",
            "fields_total",
            "follow_ups_overdue",
            "last_activity",
        ),
        grouped=False,
    ),
    Table(
        "plan",
        (
            "interviewed",
            "scheduled",
            "open_requests",
            "expected_from_pending",
            "decided",
            "basis",
            "interview_chance",
            "chance_low",
            "chance_high",
            "chance_cold",
            "chance_warm",
            "asks_to_minimum",
            "asks_to_target",
            "minimum_by",
            "target_by",
            "note",
        ),
        note="`by` ends with the field column; chances: the field's record shrunk toward the "
        "person's (prior strength 3 pseudo-requests), `basis` the warmth of new asks; asks: "
        "new requests to reach each goal with the given probability (beta-binomial)",
    ),
    Table(
        "next_people",
        (
            "rank",
            "action",
            "contact",
            "organization",
            "field",
            "reason",
            "score",
            "field_gap",
            "warm",
            "new_organization",
            "new_seniority",
            "second_person",
            "source_row",
        ),
        grouped=False,
        note="action: ask, ask_second_person, follow_up, ask_for_introduction; then `owner` "
        "when the log has owners (ranked per owner)",
    ),
    Table(
        "calendar_events",
        ("uid", "kind", "day", "summary", "description", "contact", "organization", "overdue"),
        grouped=False,
        note="kind: the follow_ups_due actions and interview (scheduled meetings); one all-day "
        "event each; `uid` stable across runs (person key and kind)",
    ),
    Table(
        "themes",
        (
            "theme",
            "people",
            "of_people",
            "n_organization",
            "organizations",
            "seniorities",
            "support",
            "example",
            "source_row",
        ),
        note="distinct people per theme; support: few_voices (1–2 people), several_voices, "
        "well_supported (3+ organisations); interviews' notes only, names never a theme",
    ),
    Table(
        "compare_themes",
        (
            "theme",
            "people",
            "of_people",
            "share",
            "other_people",
            "other_of_people",
            "other_share",
            "log_odds",
            "z",
        ),
        note="log-odds with an informative Dirichlet prior on people-level counts, the group "
        "against all others; z > 0 only, largest first",
    ),
    Table(
        "search_notes",
        ("score", "contact", "organization", "field", "date", "column", "snippet", "source_row"),
        grouped=False,
        note="BM25 score, ties by spreadsheet row; every word (or quoted phrase) must match; "
        "then `owner` when the log has owners",
    ),
)

#: Every output table by the name of the function that returns it.
TABLES: dict[str, Table] = {t.name: t for t in _DECLARED}
