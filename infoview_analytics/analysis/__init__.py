"""The metrics: every analysis takes a log (or a prepared log) and returns a tidy table.

Imports run one way: ``analysis`` uses ``core`` only; charts, the report and
the CLI use ``analysis``.
"""

from .agenda import calendar_events
from .cohort import cohort_summary, hide_small_groups
from .fields import coverage, perspective_matrix
from .followups import classify_contacts, follow_ups_due
from .learning import compare_themes, themes
from .meetings import meeting_discipline, thank_you_timeliness
from .planning import plan
from .prepared import PreparedLog, prepare
from .prospects import next_people
from .referrals import referral_chains, referral_graph, referral_problems, referral_summary
from .responses import activity, add_warmth, funnel, response_rates
from .search import search_notes
from .timing import response_time_summary, time_to_response

__all__ = [
    "PreparedLog",
    "activity",
    "add_warmth",
    "calendar_events",
    "classify_contacts",
    "cohort_summary",
    "compare_themes",
    "coverage",
    "follow_ups_due",
    "funnel",
    "hide_small_groups",
    "meeting_discipline",
    "next_people",
    "perspective_matrix",
    "plan",
    "prepare",
    "referral_chains",
    "referral_graph",
    "referral_problems",
    "referral_summary",
    "response_rates",
    "response_time_summary",
    "search_notes",
    "thank_you_timeliness",
    "themes",
    "time_to_response",
]
