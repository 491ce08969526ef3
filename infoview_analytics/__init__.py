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

Public names are loaded on first use, so that ``import infoview_analytics``
and the ``infoview`` command start fast (matplotlib, scipy and networkx are
only imported by the functions that need them).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from .errors import (
    InfoviewError,
    InvalidArgumentError,
    LinkedInExportError,
    LogFormatError,
    LogProblemsWarning,
    ReportExistsError,
)

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    # the log
    "LoadResult": "loader",
    "load_log": "loader",
    "load_logs": "loader",
    "read_log": "loader",
    "example_log": "sample",
    "example_log_path": "sample",
    "SAMPLE_AS_OF": "sample",
    "write_template": "template",
    "write_log": "template",
    # analyses
    "add_warmth": "responses",
    "response_rates": "responses",
    "funnel": "responses",
    "activity": "responses",
    "time_to_response": "timing",
    "response_time_summary": "timing",
    "classify_contacts": "followups",
    "follow_ups_due": "followups",
    "thank_you_timeliness": "meetings",
    "meeting_discipline": "meetings",
    "referral_graph": "referrals",
    "referral_chains": "referrals",
    "referral_summary": "referrals",
    "referral_problems": "referrals",
    "coverage": "coverage",
    "perspective_matrix": "coverage",
    "cohort_summary": "cohort",
    # charts
    "plot_response_rates": "charts",
    "plot_funnel": "charts",
    "plot_time_to_response": "charts",
    "plot_activity": "charts",
    "plot_thank_you_timeliness": "charts",
    "plot_meeting_discipline": "charts",
    "plot_coverage": "charts_coverage",
    "plot_perspective_heatmap": "charts_coverage",
    "plot_referral_tree": "charts_network",
    # sharing
    "anonymize": "anonymize",
    "pseudonym_map": "anonymize",
    "build_report": "report",
    # LinkedIn
    "LinkedInResult": "linkedin",
    "load_linkedin": "linkedin",
    "read_linkedin": "linkedin",
    "MergeResult": "merge",
    "merge_logs": "merge",
}

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
    "ReportExistsError",
    "__version__",
    "activity",
    "add_warmth",
    "anonymize",
    "build_report",
    "classify_contacts",
    "cohort_summary",
    "coverage",
    "example_log",
    "example_log_path",
    "follow_ups_due",
    "funnel",
    "load_linkedin",
    "load_log",
    "load_logs",
    "meeting_discipline",
    "merge_logs",
    "perspective_matrix",
    "plot_activity",
    "plot_coverage",
    "plot_funnel",
    "plot_meeting_discipline",
    "plot_perspective_heatmap",
    "plot_referral_tree",
    "plot_response_rates",
    "plot_thank_you_timeliness",
    "plot_time_to_response",
    "pseudonym_map",
    "read_linkedin",
    "read_log",
    "referral_chains",
    "referral_graph",
    "referral_problems",
    "referral_summary",
    "response_rates",
    "response_time_summary",
    "thank_you_timeliness",
    "time_to_response",
    "write_log",
    "write_template",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'infoview_analytics' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """Keeps ``iv.coverage`` / ``iv.anonymize`` the functions once their modules are imported.

    Importing a submodule sets it as an attribute of the package, which would
    hide the function of the same name (``iv.coverage`` became the module as
    soon as anything imported ``infoview_analytics.coverage``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .anonymize import anonymize, pseudonym_map
    from .charts import (
        plot_activity,
        plot_funnel,
        plot_meeting_discipline,
        plot_response_rates,
        plot_thank_you_timeliness,
        plot_time_to_response,
    )
    from .charts_coverage import plot_coverage, plot_perspective_heatmap
    from .charts_network import plot_referral_tree
    from .cohort import cohort_summary
    from .coverage import coverage, perspective_matrix
    from .followups import classify_contacts, follow_ups_due
    from .linkedin import LinkedInResult, load_linkedin, read_linkedin
    from .loader import LoadResult, load_log, load_logs, read_log
    from .meetings import meeting_discipline, thank_you_timeliness
    from .merge import MergeResult, merge_logs
    from .referrals import (
        referral_chains,
        referral_graph,
        referral_problems,
        referral_summary,
    )
    from .report import build_report
    from .responses import activity, add_warmth, funnel, response_rates
    from .sample import SAMPLE_AS_OF, example_log, example_log_path
    from .template import write_log, write_template
    from .timing import response_time_summary, time_to_response
