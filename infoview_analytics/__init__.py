"""infoview-analytics: turn an informational-interview log into answers.

Load a log kept in Excel, Google Sheets, LibreOffice or CSV, then ask which
outreach works, where referrals lead and whether you have heard enough voices
per field.

Examples
--------
>>> import infoview_analytics as iv
>>> log = iv.example_log()
>>> int(log["contact"].notna().sum()) == len(log)
True

The rooms (see docs/architecture.md): ``core`` (format, frame, checks, name
key), ``io`` (files in and out), ``analysis`` (metrics), ``charts``,
``report`` and ``cli``; imports run one way, from the CLI down to ``core``.
matplotlib, scipy and networkx are imported by the functions that need them,
so ``import infoview_analytics`` and the ``infoview`` command start fast.
"""

from .analysis import (
    PreparedLog,
    activity,
    add_warmth,
    calendar_events,
    classify_contacts,
    cohort_summary,
    compare_themes,
    coverage,
    follow_ups_due,
    funnel,
    hide_small_groups,
    meeting_discipline,
    next_people,
    perspective_matrix,
    plan,
    prepare,
    referral_chains,
    referral_graph,
    referral_problems,
    referral_summary,
    response_rates,
    response_time_summary,
    search_notes,
    thank_you_timeliness,
    themes,
    time_to_response,
)
from .charts import (
    plot_activity,
    plot_coverage,
    plot_funnel,
    plot_meeting_discipline,
    plot_perspective_heatmap,
    plot_plan,
    plot_referral_tree,
    plot_response_rates,
    plot_thank_you_timeliness,
    plot_themes,
    plot_time_to_response,
)
from .errors import (
    InfoviewError,
    InvalidArgumentError,
    LinkedInExportError,
    LogFormatError,
    LogProblemsWarning,
    MissingDependencyError,
    ReportExistsError,
)
from .io import (
    SAMPLE_AS_OF,
    LinkedInResult,
    LoadResult,
    MergeResult,
    example_log,
    example_log_path,
    load_linkedin,
    load_log,
    load_logs,
    merge_logs,
    read_linkedin,
    read_log,
    write_log,
    write_template,
)
from .report import anonymize, build_report, pseudonym_map, to_calendar

__version__ = "0.1.0"

__all__ = [
    "SAMPLE_AS_OF",
    "InfoviewError",
    "InvalidArgumentError",
    "LinkedInExportError",
    "LinkedInResult",
    "LoadResult",
    "LogFormatError",
    "LogProblemsWarning",
    "MergeResult",
    "MissingDependencyError",
    "PreparedLog",
    "ReportExistsError",
    "__version__",
    "activity",
    "add_warmth",
    "anonymize",
    "build_report",
    "calendar_events",
    "classify_contacts",
    "cohort_summary",
    "compare_themes",
    "coverage",
    "example_log",
    "example_log_path",
    "follow_ups_due",
    "funnel",
    "hide_small_groups",
    "load_linkedin",
    "load_log",
    "load_logs",
    "meeting_discipline",
    "merge_logs",
    "next_people",
    "perspective_matrix",
    "plan",
    "plot_activity",
    "plot_coverage",
    "plot_funnel",
    "plot_meeting_discipline",
    "plot_perspective_heatmap",
    "plot_plan",
    "plot_referral_tree",
    "plot_response_rates",
    "plot_thank_you_timeliness",
    "plot_themes",
    "plot_time_to_response",
    "prepare",
    "pseudonym_map",
    "read_linkedin",
    "read_log",
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
    "to_calendar",
    "write_log",
    "write_template",
]
