"""One function per chart: each draws a computed table on an ``Axes`` and returns it.

Charts never compute statistics (they call an analysis when given the log) and
never change the caller's rcParams. matplotlib is imported by the functions
that draw, so importing the package stays fast.
"""

from .fields import plot_coverage, plot_perspective_heatmap
from .network import plot_referral_tree
from .responses import (
    plot_activity,
    plot_funnel,
    plot_meeting_discipline,
    plot_response_rates,
    plot_thank_you_timeliness,
    plot_time_to_response,
)

__all__ = [
    "plot_activity",
    "plot_coverage",
    "plot_funnel",
    "plot_meeting_discipline",
    "plot_perspective_heatmap",
    "plot_referral_tree",
    "plot_response_rates",
    "plot_thank_you_timeliness",
    "plot_time_to_response",
]
