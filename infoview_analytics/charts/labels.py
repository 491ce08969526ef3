"""Plain words for the codes of the log and of the output tables: one mapping for every reader.

The log and the tables speak in codes (``in_person``, ``gave_referrals``,
``below_minimum``, ``business_days_waiting``); a person reads words. The
charts, the captions and the report's tables (PDF, workbook, HTML) take their
labels from here, so a code is translated once and the same way everywhere.
Values the user wrote themselves (a field, a name, an unknown channel) are
shown as written; a code nobody mapped falls back to its words
("self_employed" → "Self employed"), so no underscore ever reaches the reader.

Examples
--------
>>> value_label("channel", "in_person"), value_label("funnel", "gave_referrals")
('In person', 'Gave referrals')
>>> value_label("field", "data science")  # the user's own words stay as written
'data science'
>>> column_label("business_days_waiting"), column_label("n_org_type")
('Business days waiting', 'Organisation types')
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..core.schema import CATEGORIES

__all__ = ["COLUMN_LABELS", "VALUE_LABELS", "column_label", "value_label", "values_labelled"]

#: Column (or code family) -> code -> plain words. Every category of the schema has one.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "channel": {
        "email": "Email",
        "linkedin": "LinkedIn",
        "phone": "Phone",
        "in_person": "In person",
        "other": "Other",
    },
    "format": {
        "in_person": "In person",
        "phone": "Phone",
        "video": "Video call",
        "coffee": "Coffee",
        "other": "Other",
    },
    "source": {
        "existing_contact": "Existing contact",
        "referral": "Referral",
        "alumni": "Alumni",
        "linkedin_search": "LinkedIn search",
        "group": "Group",
        "event": "Event",
        "company_page": "Company page",
        "professor": "Professor",
        "cold": "Cold outreach",
        "other": "Other",
    },
    "seniority": {
        "student": "Student",
        "entry": "Entry level",
        "mid": "Mid-career",
        "senior": "Senior",
        "executive": "Executive",
    },
    "org_type": {
        "corporate": "Corporate",
        "startup": "Start-up",
        "nonprofit": "Non-profit",
        "government": "Government",
        "academia": "Academia",
        "self_employed": "Self-employed",
        "other": "Other",
    },
    "status": {
        "prospect": "Not asked yet",
        "awaiting": "Awaiting an answer",
        "replied": "Replied",
        "scheduled": "Scheduled",
        "interviewed": "Interviewed",
        "declined": "Declined",
        "no_response": "No response",
        "cancelled": "Cancelled",
    },
    "warmth": {"cold": "Cold", "warm": "Warm"},
    "funnel": {
        "identified": "Identified",
        "asked": "Asked",
        "responded": "Answered",
        "agreed": "Agreed to meet",
        "interviewed": "Interviewed",
        "thanked": "Thanked",
        "gave_referrals": "Gave referrals",
    },
    "coverage": {
        "below_minimum": "Below the minimum",
        "minimum_met": "Minimum met",
        "target_met": "Target met",
    },
    "action": {
        "thank_you": "Send a thank-you note",
        "follow_up": "Send one follow-up",
        "contact_second_person": "Contact a second person",
        "keep_in_touch": "Keep in touch",
    },
    "kind": {
        "booster": "Booster (answers fast)",
        "obligate": "Obligate (answers slowly)",
        "curmudgeon": "Curmudgeon (no answer)",
        "pending": "Still waiting",
        "not_asked": "Not asked yet",
    },
}
# The table columns whose codes are the funnel's stages, coverage statuses...
_COLUMN_CODES = {"stage": "funnel", "status": "status", "action": "action", "kind": "kind"}

#: Table column -> header a person reads. Columns not listed get their words capitalised.
COLUMN_LABELS: dict[str, str] = {
    "contact": "Contact",
    "organization": "Organisation",
    "owner": "Student",
    "field": "Field",
    "role": "Role",
    "channel": "Channel",
    "source": "Source",
    "warmth": "Warm or cold",
    "seniority": "Seniority",
    "org_type": "Organisation type",
    "location": "Location",
    "action": "What to do",
    "reason": "Why",
    "due_since": "Due since",
    "business_days_waiting": "Business days waiting",
    "overdue": "Overdue",
    "asked": "Asked",
    "pending": "Pending",
    "decided": "Decided",
    "responded": "Answered",
    "agreed": "Agreed",
    "interviewed": "Interviewed",
    "scheduled": "Scheduled",
    "declined": "Declined",
    "no_response": "No response",
    "response_rate": "Response rate",
    "ci_low": "95% interval from",
    "ci_high": "95% interval to",
    "interview_rate": "Interview rate",
    "interview_ci_low": "Interview rate 95% from",
    "interview_ci_high": "Interview rate 95% to",
    "status": "Status",
    "to_minimum": "Interviews to the minimum",
    "to_target": "Interviews to the target",
    "n_organization": "Organisations",
    "n_role": "Roles",
    "n_seniority": "Seniority levels",
    "n_org_type": "Organisation types",
    "n_location": "Locations",
    "top_org_share": "Largest organisation's share",
    "note": "Note",
    "stage": "Stage",
    "count": "People",
    "conversion": "Share of the previous stage",
    "period": "Period starting",
    "asks": "Asked",
    "responses": "Answered",
    "interviews": "Interviews",
    "cumulative_interviews": "Interviews so far",
    "fields_at_minimum": "Fields at the minimum",
    "fields_total": "Fields",
    "follow_ups_overdue": "Follow-ups overdue",
    "last_activity": "Last activity",
    "longest_chain": "Longest chain (people)",
    "source_row": "Spreadsheet row",
}


def _words(code: str) -> str:
    text = code.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def value_label(column: str, value: Any) -> str:
    """The plain words for ``value`` of ``column`` (a log column or a code family).

    Known codes get their label; a missing value reads "(none)"; anything else
    (the user's own words) is returned as written.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "(none)"
    family = VALUE_LABELS.get(_COLUMN_CODES.get(column, column), {})
    text = str(value)
    if text in family:
        return family[text]
    if column in CATEGORIES or column in _COLUMN_CODES:
        # An unknown value of a coded column: a code-like word loses its underscores only.
        return text.replace("_", " ") if text.islower() and " " not in text else text
    return text


def values_labelled(column: str, values: Any) -> list[str]:
    """:func:`value_label` of each value (a Series, a list...)."""
    return [value_label(column, v) for v in values]


def column_label(column: str) -> str:
    """The header a person reads for a table column (``n_org_type`` → "Organisation types")."""
    return COLUMN_LABELS.get(column) or _words(str(column))
