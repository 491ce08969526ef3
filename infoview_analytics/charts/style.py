"""What every chart shares: the house style (palette, fonts, footnote, "no data yet"),
the docstring blocks of the plot functions and the table columns they draw.

Private. Chart functions wrap their drawing in :func:`styled`, which applies
:data:`RC` inside ``plt.rc_context`` so that the caller's rcParams are never
changed, and take their Axes from :func:`get_ax`, which gives an Axes made
outside that context (``fig, ax = plt.subplots()``) the same look. Colours
are the Okabe–Ito palette (safe for the common forms of colour blindness);
categorical meaning is never carried by colour alone where a label or hatch can
carry it too. Columns are named through :func:`declared`, which checks them
against :data:`~infoview_analytics.analysis.tables.TABLES`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pandas as pd

from ..analysis import PreparedLog
from ..analysis.tables import TABLES
from ..core.args import as_of_timestamp
from ..errors import InvalidArgumentError

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn
    from matplotlib.axes import Axes
    from matplotlib.typing import RcKeyType

__all__: list[str] = []

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
#: Order used for groups (the strongest contrasts first).
PALETTE = tuple(
    OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion", "sky_blue", "purple", "black")
)
GREY = "#999999"
MUTED = "0.35"

#: Node colours of the referral tree, one per log status.
STATUS_COLORS = {
    "prospect": "#DDDDDD",
    "awaiting": OKABE_ITO["sky_blue"],
    "replied": OKABE_ITO["yellow"],
    "scheduled": OKABE_ITO["orange"],
    "interviewed": OKABE_ITO["green"],
    "declined": OKABE_ITO["vermillion"],
    "no_response": "#555555",
    "cancelled": OKABE_ITO["purple"],
}
OUTSIDE_COLOR = "#FFFFFF"

#: Coverage status -> colour (light to dark: ordinal).
COVERAGE_COLORS = {
    "below_minimum": OKABE_ITO["vermillion"],
    "minimum_met": OKABE_ITO["sky_blue"],
    "target_met": OKABE_ITO["blue"],
}

#: rcParams applied inside :func:`styled` only.
RC: dict[str, Any] = {
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "0.3",
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "infoview",
    "pdf.fonttype": 42,
    # matplotlib's PDF backend sizes its font subsets by ps.fonttype (256 glyphs for
    # Type 3), so each font was embedded as two subsets: one subset is a quarter less
    # work when the PDF is closed (fontTools subsetting, 0.70 s -> 0.55 s on the sample).
    "ps.fonttype": 42,
}

NO_DATA = "no data yet"

#: The docstring blocks every plot function shares, filled into its docstring by
#: ``fill_doc(DOCS, table=..., kwargs_to=...)`` (:mod:`infoview_analytics.core.docs`):
#: ``table`` names the analysis the chart draws, ``kwargs_to`` the matplotlib call
#: its ``**kwargs`` go to, and ``log_call`` (optional) what is run on a log.
DOCS: dict[str, str] = {
    "data": """\
data : DataFrame
    The table :func:`~infoview_analytics.analysis.%(table)s` returns, or the log
    itself (then %(log_call)s is drawn).""",
    "log_call": "``%(table)s(log)``",
    "as_of": """\
as_of : date-like, optional
    The date of the footnote (default: the table's ``attrs["as_of"]``); also
    passed to the analysis when ``data`` is the log.""",
    "as_of_footnote": """\
as_of : date-like, optional
    The date of the footnote (default: the table's ``attrs["as_of"]``).""",
    "ax": """\
ax : Axes, optional
    Where to draw (default ``plt.gca()``). It gets the house style (no top or
    right spine, small tick labels) without any change to the caller's rcParams.""",
    "title_footnote": """\
title, footnote : str, optional
    Replace the default title / footnote (``footnote=""`` removes it); the
    default footnote reads ``as of 2026-04-17 · n = 43 asked``.""",
    "kwargs": """\
**kwargs
    Passed on to %(kwargs_to)s.""",
    "returns": """\
Axes
    The Axes drawn on: ``ax``, or ``plt.gca()``.""",
}

F = TypeVar("F", bound=Callable[..., "Axes"])


def styled(func: F) -> F:
    """Run a chart function inside ``plt.rc_context(RC)``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Axes:
        import matplotlib.pyplot as plt

        with plt.rc_context(cast("dict[RcKeyType, Any]", RC)):  # RC's keys are rcParams'
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def declared(table: str, *columns: str) -> tuple[str, ...]:
    """``columns``, checked against the columns ``TABLES[table]`` declares.

    The chart modules name the columns they draw through this as they are
    imported, so a column renamed in :mod:`~infoview_analytics.analysis.tables`
    stops the import with this message instead of breaking a chart silently.
    """
    own = TABLES[table].columns
    undeclared = [c for c in columns if c not in own]
    if undeclared:
        msg = (
            f"Expected columns of the {table} table, one of {list(own)[:10]}, but "
            f"{undeclared[:10]} are not declared in infoview_analytics.analysis.tables. "
            "Name the chart's columns as TABLES declares them."
        )
        raise InvalidArgumentError(msg)
    return columns


def by_columns(table: pd.DataFrame, name: str) -> list[str]:
    """The ``by`` columns of a ``name`` table: those before the first column it declares."""
    cols = list(table.columns)
    return cols[: cols.index(TABLES[name].columns[0])]


def as_int(x: Any) -> int:
    """A count as an int (a missing count is 0)."""
    return 0 if pd.isna(x) else int(x)


def get_ax(ax: Axes | None) -> Axes:
    """``ax`` itself, or the current Axes of pyplot, in the house style (:func:`apply_style`)."""
    import matplotlib.pyplot as plt

    return apply_style(plt.gca() if ax is None else ax)


def apply_style(ax: Axes) -> Axes:
    """Give ``ax`` the look :data:`RC` gives an Axes created inside ``rc_context(RC)``.

    rcParams reach only what is created while they are set, so an Axes the
    caller made beforehand would keep its top and right spines and size-10
    tick labels. This sets those properties on ``ax`` itself instead (the
    caller's rcParams are not touched); applied to an Axes made inside the
    context it changes nothing. Titles, texts and legends need nothing here:
    the charts create them inside the context (``set_title`` reads
    ``axes.titlesize`` each time it is called).
    """
    for side, spine in ax.spines.items():
        spine.set_edgecolor(RC["axes.edgecolor"])
        if f"axes.spines.{side}" in RC:
            spine.set_visible(RC[f"axes.spines.{side}"])
    for axis, ticks in ((ax.xaxis, "xtick"), (ax.yaxis, "ytick")):
        axis.set_tick_params(which="both", labelsize=RC[f"{ticks}.labelsize"])
        axis.offsetText.set_fontsize(RC[f"{ticks}.labelsize"])
        axis.label.set_fontsize(RC["axes.labelsize"])
    return ax


def check_table(table: object, name: str) -> Any:
    """Raise the house-style error unless ``table`` is a DataFrame or a prepared log."""
    if isinstance(table, PreparedLog):
        return table
    if not isinstance(table, pd.DataFrame):
        msg = (
            f"Expected the {name} table as a pandas DataFrame (from infoview_analytics.{name}), "
            f"but got {type(table).__name__}."
        )
        raise InvalidArgumentError(msg)
    return table


def needs_table(data: pd.DataFrame | PreparedLog, required: tuple[str, ...]) -> bool:
    """True when ``data`` is a log (or a prepared log) rather than the analysis table."""
    if isinstance(data, PreparedLog):
        return True
    return "contact" in data.columns and not set(required) <= set(data.columns)


def missing_columns(table: pd.DataFrame, required: tuple[str, ...], name: str) -> None:
    """Raise when the analysis table lacks columns the chart draws."""
    missing = [c for c in required if c not in table.columns]
    if missing:
        msg = (
            f"Expected the output of infoview_analytics.{name} with columns {list(required)}, "
            f"but {missing} are missing. Pass the table {name}() returns, or the log."
        )
        raise InvalidArgumentError(msg)


def table_for(
    data: pd.DataFrame | PreparedLog,
    required: tuple[str, ...],
    analysis: Callable[..., pd.DataFrame],
    **kw: Any,
) -> pd.DataFrame:
    """The analysis table: ``data`` itself, or ``analysis(data, **kw)`` when it is a log."""
    name = analysis.__name__
    data = check_table(data, name)
    if needs_table(data, required):
        data = analysis(data, **{k: v for k, v in kw.items() if v is not None})
    table = cast(pd.DataFrame, data)  # a log was turned into its table just above
    missing_columns(table, required, name)
    return table


def footnote_text(as_of: object = None, n: int | None = None, unit: str = "") -> str:
    """``"as of 2026-04-17 · n = 43 asked"`` (either part may be left out)."""
    parts = []
    if as_of is not None and not (isinstance(as_of, float) and pd.isna(as_of)):
        parts.append(f"as of {as_of_timestamp(as_of).date().isoformat()}")
    if n is not None:
        parts.append(f"n = {int(n)}{' ' + unit if unit else ''}")
    return " · ".join(parts)


def resolve_footnote(
    footnote: str | None, table: pd.DataFrame, as_of: object, n: int | None, unit: str
) -> str:
    """The footnote to draw: given text, or built from as_of (argument, else table.attrs) and n."""
    if footnote is not None:
        return footnote
    if as_of is None:
        as_of = table.attrs.get("as_of")
    return footnote_text(as_of, n, unit)


def finish(
    ax: Axes,
    *,
    title: str,
    footnote: str,
    xlabel: str | None = None,
    ylabel: str | None = None,
) -> Axes:
    """Title (left), footnote (right, small, grey), axis labels."""
    ax.set_title(title, loc="left")
    ax.set_title(footnote, loc="right", fontsize=7, color=MUTED)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    return ax


def no_data(ax: Axes, *, title: str, footnote: str, message: str = NO_DATA) -> Axes:
    """Draw an explicit message instead of an empty chart."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=12,
        color=MUTED,
        gid="no-data",
    )
    return finish(ax, title=title, footnote=footnote)


def group_labels(table: pd.DataFrame, by: list[str]) -> list[str]:
    """One label per row from the ``by`` columns, in plain words ("Email · Warm")."""
    from .labels import values_labelled

    if not by or table.empty:
        return ["All"] * len(table)
    parts = [values_labelled(col, table[col]) for col in by]
    return [" · ".join(words) for words in zip(*parts, strict=True)]


def whole_numbers(axis: Any) -> None:
    """Ticks of a count axis at whole numbers only (no 2.5 people)."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def percent(values: Any) -> Any:
    """Shares 0-1 as percentages."""
    return pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float) * 100
