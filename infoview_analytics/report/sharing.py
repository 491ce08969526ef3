"""What an anonymised report may show: the privacy notes and the minimum group size.

An anonymised report is meant to be shared, so besides the pseudonyms of
:mod:`.anonymizing` it follows two rules, and says on its title page (and in
the ``privacy`` table) what it did:

* **What was anonymised**: people, students, organisations (unless kept),
  roles, locations, fields outside the known list, values outside the
  documented categories, contact details and the user's own columns.
* **No figure describes fewer than k students** (``min_group_size``, 5 by
  default) in a cohort report. Per-student figures (the cohort overview, the
  student pages) and row-level tables (the contacts, the to-do list, the
  referral chains, whose rows each belong to one student) are left out; a
  group of a grouped table (a channel, a field...) whose rows come from fewer
  than k students is hidden (:func:`~infoview_analytics.hide_small_groups`);
  and when the whole cohort has fewer than k students, no figure is shown.
  A report of one student's own log is that student's to share, so it hides
  nothing. ``min_group_size=1`` turns the rule off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..analysis import hide_small_groups, prepare
from ..core.names import name_codes

__all__: list[str] = []

#: The minimum group size of a shared cohort report, in students.
MIN_GROUP_SIZE = 5

#: Tables whose rows each describe one student (or one student's contact).
_PER_STUDENT = (
    "cohort_summary",
    "response_rates_owner",
    "contacts",
    "follow_ups_due",
    "referral_chains",
)
#: Grouped tables and their group columns.
_GROUPED = {
    "response_rates_channel": "channel",
    "response_rates_warmth": "warmth",
    "response_rates_source": "source",
    "response_rates_field": "field",
    "time_to_response": "warmth",
    "response_time_summary": "warmth",
    "coverage": "field",
    "perspectives_seniority": "field",
    "perspectives_org_type": "field",
}
_WHAT = {
    "cohort_summary": "the per-student overview",
    "response_rates_owner": "the response rate per student",
    "contacts": "the contacts",
    "follow_ups_due": "the to-do list",
    "referral_chains": "the referral chains",
}


@dataclass
class Shared:
    """The tables and pages a report may show, and what it says about privacy."""

    #: Every table; a hidden one is replaced by an empty table (same columns).
    tables: dict[str, pd.DataFrame]
    #: The per-student pages kept.
    students: dict[str, dict[str, pd.DataFrame]]
    #: Names of the tables hidden entirely (not written, their charts not drawn).
    hidden: set[str] = field(default_factory=set)
    #: The tables of the title page's headline figures (whole-cohort figures), or None.
    headline: dict[str, pd.DataFrame] | None = None
    #: Sentences for the title page.
    notes: list[str] = field(default_factory=list)
    #: (topic, what was done) rows of the ``privacy`` table.
    rows: list[tuple[str, str]] = field(default_factory=list)

    def hides(self, table: pd.DataFrame) -> bool:
        """Whether ``table`` is one of the hidden tables (a chart of it is not drawn)."""
        return any(table is self.tables[name] for name in self.hidden)

    def privacy_table(self) -> pd.DataFrame:
        """The ``privacy`` sheet: what was anonymised, hidden, and why."""
        return pd.DataFrame(self.rows, columns=["topic", "what_was_done"], dtype=object)


def _anonymized_rows(keep_organizations: bool) -> list[tuple[str, str]]:
    organizations = (
        "shown as written (--keep-organizations / keep_organizations=True)"
        if keep_organizations
        else "shown as pseudonyms (Organization 01...)"
    )
    return [
        ("people", "contacts and referrers shown as pseudonyms (Contact 01...)"),
        ("students", "owners shown as pseudonyms (Student 1...)"),
        ("organizations", organizations),
        ("roles and locations", "shown as pseudonyms (Role 01, Location 01...)"),
        (
            "fields",
            "broad fields from the known list shown as written, any other field as a "
            "pseudonym (Field 01...)",
        ),
        (
            "categories",
            "values outside the documented ones (a channel, a source...) shown as 'other', "
            "or left out where the column has no 'other'",
        ),
        (
            "left out",
            "email, phone, LinkedIn URL, notes, next steps and the log's own columns",
        ),
    ]


def share(
    tables: dict[str, pd.DataFrame],
    students: dict[str, dict[str, pd.DataFrame]],
    log: pd.DataFrame,
    *,
    as_of: pd.Timestamp,
    min_group_size: int,
    keep_organizations: bool,
) -> Shared:
    """Apply the rules of the module docstring to a report's tables and student pages.

    ``log`` is the anonymised log the tables were computed from.
    """
    orgs = "kept as written (--keep-organizations)" if keep_organizations else "pseudonyms"
    shared = Shared(
        dict(tables),
        dict(students),
        notes=[
            "Anonymized: people, students, roles, locations and uncommon fields are "
            f"pseudonyms; organisations: {orgs}; contact details, notes and your own "
            "columns left out; undocumented category values shown as 'other'."
        ],
        rows=_anonymized_rows(keep_organizations),
        headline=tables,
    )
    if "owner" not in log.columns:
        return shared
    codes, keys = name_codes(log["owner"])
    k = min_group_size
    if len(keys) <= 1 or k <= 1:
        return shared
    n = len(keys) + int(bool((codes < 0).any()))  # rows without an owner: one more student
    rule = f"no figure describes fewer than {k} students (--min-group-size {k})"
    shared.students = {}
    if n < k:
        for name, table in tables.items():
            shared.tables[name] = table.iloc[:0]
            shared.hidden.add(name)
        shared.headline = None
        why = (
            f"This cohort has {n} students, fewer than the minimum group size of {k}: "
            "every figure would describe fewer, so none is shown."
        )
        shared.notes.append(f"Shared cohort report: {rule}. {why}")
        shared.rows.append(("hidden", why))
        return shared
    p = prepare(log, as_of=as_of)
    for name in _PER_STUDENT:
        if name in tables:
            shared.tables[name] = tables[name].iloc[:0]
            shared.hidden.add(name)
    groups = 0
    for name, by in _GROUPED.items():
        if name not in tables:
            continue
        kept = hide_small_groups(tables[name], p, by=by, min_group_size=k)
        groups += tables[name][by].nunique() - kept[by].nunique()
        shared.tables[name] = kept
        for sentence in kept.attrs["hidden"]:
            shared.rows.append(("hidden", f"{name}: {sentence}"))
    left_out = [_WHAT[n] for n in _PER_STUDENT if n in shared.hidden]
    what = ", ".join(left_out) + (
        f" and {groups} group(s) of the grouped tables (fewer than {k} students each)"
        if groups
        else ""
    )
    shared.rows.append(
        ("hidden", f"the student pages, {what}: each describes fewer than {k} students")
    )
    shared.notes.append(
        f"Shared cohort report of {n} students: {rule}. Left out: the student pages, {what}."
    )
    return shared
