"""One function per chart: each draws a computed table on an ``Axes`` and returns it.

Every ``plot_*`` function takes the table the matching analysis returns (or the
log itself, in which case it calls that analysis with its defaults), draws on
``ax`` (default: ``plt.gca()``), passes ``**kwargs`` on to the main matplotlib
call, and returns the ``Axes``. Charts never compute statistics, never call
``plt.show()`` and change rcParams only inside ``plt.rc_context``. matplotlib
is imported by the functions that draw, so importing the package stays fast.

The house style (Okabe–Ito colours, a title saying what is shown, units on the
axes, a grey footnote ``as of 2026-04-17 · n = 43 asked`` on the right) is
shared by all charts. ``footnote=`` replaces the footnote ("" removes it);
otherwise it is built from ``as_of=`` (or ``table.attrs["as_of"]``) and the n
the chart rests on. A table without data draws "no data yet".

One module per chart family: :mod:`.responses` (response rates, the funnel,
activity), :mod:`.timing` (time to response), :mod:`.meetings` (thank-you
notes, meeting discipline), :mod:`.fields` (coverage, the perspective heatmap),
:mod:`.network` (the referral tree), :mod:`.planning` (the plan) and
:mod:`.learned` (the themes of the notes); :mod:`.style` holds what they share.
"""

from .fields import plot_coverage, plot_perspective_heatmap
from .learned import plot_themes
from .meetings import plot_meeting_discipline, plot_thank_you_timeliness
from .network import plot_referral_tree
from .planning import plot_plan
from .responses import plot_activity, plot_funnel, plot_response_rates
from .timing import plot_time_to_response

__all__ = [
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
]
