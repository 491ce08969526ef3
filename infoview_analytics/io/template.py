"""Write the blank interview-log template, and logs in the template's layout.

Both files are xlsx workbooks written with openpyxl: a "Log" sheet whose
header row holds the friendly label of every canonical column (each label is
also a header alias, so the loader maps it back), drop-down lists on the
category columns, date formats on the date columns, whole-number checks on
the count columns, a frozen header, and an "About" sheet that explains every
column and the rules of thumb. Files are written atomically (a temporary file
in the same folder, then :func:`os.replace`) and never overwrite an existing
file unless asked to.

Examples
--------
>>> import tempfile, pathlib
>>> from infoview_analytics.io.template import write_template
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_template(folder / "my_log.xlsx").name
'my_log.xlsx'
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from ..core.frame import canonical
from ..core.schema import CATEGORIES, CATEGORY_COLUMNS, COLUMNS, FIELDS, WARM_SOURCES, Column
from ..core.values import DATE_FLAGS, FLAG_COLUMNS, undated_yes
from ..errors import InvalidArgumentError, ReportExistsError
from ._safety import neutralize_frame, spreadsheet_text
from .export import save_workbook

__all__ = ["write_log", "write_template"]

#: Name of the sheet holding the log (the loader reads the first sheet with a header).
LOG_SHEET = "Log"
#: Name of the sheet explaining the columns.
ABOUT_SHEET = "About"
#: Number format of date cells: ISO, so no one has to guess day/month order.
DATE_FORMAT = "yyyy-mm-dd"
#: Number format of cells holding a date and a time (extra columns only).
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
#: Rows below the header that carry drop-downs and checks in a blank template.
TEMPLATE_ROWS = 1000

#: What each category value means (the About sheet and docs/log-format.md show it).
VALUE_MEANINGS: dict[str, dict[str, str]] = {
    "seniority": {
        "student": "a student or intern",
        "entry": "early career: junior, associate, graduate",
        "mid": "mid-level: experienced individual contributor or manager",
        "senior": "senior, lead, principal or director",
        "executive": "executive: VP, head of, founder, partner, C-level",
    },
    "org_type": {
        "corporate": "an established company",
        "startup": "a young, growing company",
        "nonprofit": "a non-profit, charity or NGO",
        "government": "government, a public agency or the civil service",
        "academia": "a university, college, school or research institute",
        "self_employed": "a freelancer, consultant or one-person business",
        "other": "anything else",
    },
    "source": {
        "existing_contact": "someone you already knew: friend, family, classmate, colleague, "
        "neighbour (warm)",
        "referral": "introduced by someone; put their name in Referred by (warm)",
        "alumni": "found through your school's alumni network or list (warm)",
        "linkedin_search": "found by searching LinkedIn",
        "group": "met through a professional association, meetup or community",
        "event": "met at a conference, career fair or webinar",
        "company_page": "found on the organization's website or team page",
        "professor": "a professor, lecturer or advisor of yours (warm)",
        "cold": "no connection at all: cold outreach",
        "other": "anything else",
    },
    "channel": {
        "email": "an email",
        "linkedin": "a LinkedIn message, InMail or connection note",
        "phone": "a phone call or text message",
        "in_person": "face to face, e.g. at an event",
        "other": "any other way (another app, a web form)",
    },
    "status": {
        "prospect": "identified, not asked yet",
        "awaiting": "asked, no answer yet (also after a follow-up)",
        "replied": "answered, but no meeting set yet",
        "scheduled": "a conversation is set for a date still to come",
        "interviewed": "the conversation took place",
        "declined": "said no",
        "no_response": "you gave up waiting for an answer",
        "cancelled": "a conversation had been set but was called off",
    },
    "format": {
        "in_person": "met at their workplace or elsewhere in person",
        "phone": "a phone call",
        "video": "a video call (Zoom, Teams, Meet...)",
        "coffee": "a coffee chat",
        "other": "anything else",
    },
}

#: The rules of thumb the toolkit checks (About sheet, docs/log-format.md).
RULES_OF_THUMB: tuple[str, ...] = (
    "Talk to 3 to 5 people per field, from different organizations, roles, seniority levels, "
    "types of organization and places; beware of relying on one or two voices.",
    "Ask for 15 to 30 minutes, and keep to the time you asked for.",
    "Prepare 5 to 7 strong questions, the most important first.",
    'Ask every person: "Who else should I talk to?" Write the names they give in Referrals '
    "given, and add each one as a new row with Referred by filled in.",
    "Send a thank-you note within 24 hours.",
    "3B7: no reply after 3 business days? Contact a second person at the same organization. "
    "Still no reply after 7 business days? Send the first person one follow-up, then move on.",
    "Keep in touch with the people you met: a short update every couple of months.",
)

_KIND_NAMES = {"text": "text", "date": "date", "integer": "whole number", "category": "category"}

#: A typical value of each whole-number column, with its unit, for the validation messages.
WHOLE_NUMBER_EXAMPLES: dict[str, str] = {
    "minutes_planned": "30 (minutes)",
    "minutes_actual": "25 (minutes)",
    "questions_prepared": "6 (questions)",
    "referrals_given": "2 (people)",
}
#: The example date of the validation messages and the About sheet.
EXAMPLE_DATE = "2026-04-17"
#: Points per line of wrapped 11-point text (row heights on the About sheet).
_LINE_POINTS = 15.0

_WIDTHS = {
    "contact": 24,
    "organization": 28,
    "role": 28,
    "field": 22,
    "location": 18,
    "referred_by": 22,
    "next_step": 32,
    "notes": 60,
    "email": 30,
    "phone": 18,
    "linkedin_url": 42,
    "owner": 18,
}


def _check_target(path: str | os.PathLike[str], overwrite: bool) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        msg = (
            "The log is written as an Excel workbook, so the file name must end in .xlsx, "
            f"but {str(path)!r} was passed."
        )
        raise InvalidArgumentError(msg)
    if target.exists() and not overwrite:
        msg = (
            f"{target} exists already. Choose another file name, or pass overwrite=True "
            "(--force on the command line) to replace it."
        )
        raise ReportExistsError(msg)
    return target


def _save_atomically(workbook: Any, target: Path) -> Path:
    """Save to a temporary file next to ``target``, then move it into place."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".xlsx.tmp", dir=target.parent
    )
    os.close(handle)
    try:
        try:
            save_workbook(workbook, Path(temp_name))
        except OSError as exc:  # a full disk: one error naming the file the user asked for
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target


def _allowed_text(column: str) -> str:
    return ", ".join(CATEGORIES[column])


def _build_workbook(extra: list[str], n_rows: int) -> Any:
    """An empty workbook in the template layout: Log (styled, checks), About."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    wb = Workbook()
    ws = cast(Worksheet, wb.active)  # a new workbook has one sheet, a plain Worksheet
    ws.title = LOG_SHEET
    header = [c.label for c in FIELDS] + extra
    ws.append(header)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "B2"
    last_row = n_rows + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last_row}"

    for index, col in enumerate(FIELDS, start=1):
        letter = get_column_letter(index)
        dimension = ws.column_dimensions[letter]
        dimension.width = _WIDTHS.get(col.name, max(len(col.label) + 4, 14))
        cells = f"{letter}2:{letter}{last_row}"
        check = _validation(col, DataValidation)
        if check is not None:
            check.add(cells)
            ws.add_data_validation(check)
        if col.kind == "date":
            dimension.number_format = DATE_FORMAT
    for index, name in enumerate(extra, start=len(FIELDS) + 1):
        ws.column_dimensions[get_column_letter(index)].width = min(max(len(name) + 4, 14), 40)

    _print_landscape(ws, header_rows="1:1")
    _write_about(wb.create_sheet(ABOUT_SHEET))
    return wb


def _print_landscape(ws: Any, *, header_rows: str | None = None) -> None:
    """Print landscape, one page wide (as many pages tall as needed), the header on each."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if header_rows:
        ws.print_title_rows = header_rows


def _wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide."""
    import textwrap

    # A column width counts digits; text averages a little narrower, so this errs tall.
    chars = max(int(width) - 1, 1)
    return sum(max(len(textwrap.wrap(line, chars)), 1) for line in str(text).split("\n"))


def _fit_rows(ws: Any, widths: dict[str, float], merged: dict[int, float]) -> None:
    """Set each row's height from its wrapped line count, so no text is clipped or hidden."""
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if cell.value is None:
                continue
            width = merged.get(cell.row) if cell.column == 1 else None
            lines = max(lines, _wrapped_lines(cell.value, width or widths[cell.column_letter]))
        size = max((cell.font.sz or 11) for cell in row)
        ws.row_dimensions[row[0].row].height = lines * _LINE_POINTS * max(size, 11) / 11


def _validation(col: Column, factory: Any) -> Any:
    """The data validation of one column (None for free text)."""
    if col.kind == "category":
        return factory(
            type="list",
            formula1='"' + ",".join(CATEGORIES[col.name]) + '"',
            allow_blank=True,
            showDropDown=False,  # False means: do show the arrow (OOXML's inverted flag)
            showErrorMessage=True,
            errorTitle=f"{col.label}: choose from the list",
            error=f"{col.label}: choose one of {_allowed_text(col.name)}.",
            promptTitle=col.label,
            prompt=col.meaning[:255],
            showInputMessage=True,
        )
    if col.kind == "integer":
        return factory(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=f"{col.label}: a whole number",
            error=f"{col.label}: type a whole number, 0 or more, for example "
            f"{WHOLE_NUMBER_EXAMPLES.get(col.name, '3')}.",
        )
    if col.kind == "date":
        return factory(
            type="date",
            operator="greaterThan",
            formula1="36526",  # 2000-01-01: any real date passes
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=f"{col.label}: a date",
            error=f"{col.label}: type a date, for example {EXAMPLE_DATE}.",
        )
    return None


def _write_about(ws: Any) -> None:
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    ws.append(["Your informational-interview log"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(
        [
            "One row per person. Fill in what you know; only Contact is required. Keep the "
            "headers as they are (infoview recognises them) and add your own columns at the "
            "right if you need more. Type dates as 2026-04-17."
        ]
    )
    ws.append([])
    ws.append(["Header", "Column", "Type", "Meaning", "Allowed values"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for col in FIELDS:
        allowed = ""
        if col.kind == "category":
            allowed = "\n".join(
                f"{value}: {VALUE_MEANINGS[col.name][value]}" for value in CATEGORIES[col.name]
            )
        ws.append([col.label, col.name, _KIND_NAMES[col.kind], col.meaning, allowed])
    ws.append([])
    ws.append(["When Status is left blank"])
    ws[ws.max_row][0].font = bold
    ws.append(
        [
            "It is worked out from the dates, as of the day the log is analysed: an interview "
            "date on or before that day means interviewed, a later one scheduled; otherwise a "
            "response date means replied, a date asked means awaiting, and no date at all "
            "means prospect."
        ]
    )
    ws.append(
        [
            "A request counts as warm when Referred by is filled in or How found is one of: "
            + ", ".join(sorted(WARM_SOURCES))
            + "; otherwise it is cold."
        ]
    )
    ws.append([])
    ws.append(["Rules of thumb"])
    ws[ws.max_row][0].font = bold
    for rule in RULES_OF_THUMB:
        ws.append([rule])
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = wrap
    widths: dict[str, float] = {"A": 24, "B": 20, "C": 14, "D": 50, "E": 60}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    # A paragraph (a row with text in its first cell only) spans the five columns.
    merged: dict[int, float] = {}
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if values and values[0] and not any(values[1:]) and len(str(values[0])) > widths["A"]:
            ws.merge_cells(start_row=row[0].row, start_column=1, end_row=row[0].row, end_column=5)
            merged[row[0].row] = sum(widths.values())
    _fit_rows(ws, widths, merged)
    ws.freeze_panes = None
    _print_landscape(ws)


def write_template(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a blank interview log to fill in, as an xlsx workbook.

    The "Log" sheet has the canonical columns under friendly headers, drop-down
    lists on the category columns, date formats on the date columns, whole-number
    checks on the count columns and a frozen header row; the "About" sheet explains
    every column, its allowed values and the rules of thumb.

    Parameters
    ----------
    path : str or path-like
        Where to write; must end in ``.xlsx``.
    overwrite : bool, default False
        Replace ``path`` if it exists.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ReportExistsError
        ``path`` exists and ``overwrite`` is False (also a ``FileExistsError``).
    InvalidArgumentError
        ``path`` does not end in ``.xlsx``.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> out = write_template(pathlib.Path(tempfile.mkdtemp()) / "log.xlsx")
    >>> sheet = openpyxl.load_workbook(out)["Log"]
    >>> [cell.value for cell in sheet[1]][:4]
    ['Contact', 'Organization', 'Role', 'Field']
    """
    target = _check_target(path, overwrite)
    return _save_atomically(_build_workbook([], TEMPLATE_ROWS), target)


def _cell_values(log: pd.DataFrame, extra: list[str]) -> list[np.ndarray]:
    """Per column, an object array of cell values ready for openpyxl (None = blank)."""
    columns: list[np.ndarray] = []
    frame = neutralize_frame(log[[*COLUMNS, *extra]])
    for name in [*COLUMNS, *extra]:
        s = frame[name]
        if name in CATEGORY_COLUMNS or isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        if pd.api.types.is_datetime64_any_dtype(s):
            if getattr(s.dt, "tz", None) is not None:
                s = s.dt.tz_localize(None)
            is_midnight = (s.isna() | (s == s.dt.normalize())).all()
            values = (s.dt.date if is_midnight else s.dt.to_pydatetime()).astype(object)
        elif pd.api.types.is_bool_dtype(s) and not pd.api.types.is_object_dtype(s):
            values = s.astype(object)
        elif pd.api.types.is_integer_dtype(s):
            values = s.astype(object).map(int, na_action="ignore")
        elif pd.api.types.is_float_dtype(s):
            values = s.astype(object)
        else:
            values = s.astype(object).map(_plain, na_action="ignore")
        values = values.where(s.notna(), None)
        columns.append(values.to_numpy(dtype=object))
    return columns


def _plain(value: Any) -> Any:
    """Turn numpy/pandas scalars into what openpyxl writes as numbers or dates."""
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, str | int | float | dt.date | dt.datetime | bool):
        return value
    return str(value)


def write_log(log: pd.DataFrame, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a log to an xlsx workbook in the template's layout.

    The canonical columns come first under their friendly headers, then the
    log's other columns (``source_row``, the loader's bookkeeping, is left
    out; a flag column such as ``thanked`` is written as "yes" in its date
    column where the date is unknown). Dates become real date cells, category
    values their canonical text,
    whole numbers numbers. Text starting with ``= + - @``, a tab or a carriage
    return gets a leading ``'`` so that no spreadsheet runs it as a formula.
    ``log`` is not modified.

    Parameters
    ----------
    log : pandas.DataFrame
        A canonical log (from :func:`~infoview_analytics.load_log`) or a hand-made
        one with some of the canonical columns.
    path : str or path-like
        Where to write; must end in ``.xlsx``.
    overwrite : bool, default False
        Replace ``path`` if it exists.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ReportExistsError
        ``path`` exists and ``overwrite`` is False (also a ``FileExistsError``).
    InvalidArgumentError
        ``log`` is not a DataFrame, or ``path`` does not end in ``.xlsx``.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz"], "channel": ["email"],
    ...                     "requested_on": pd.to_datetime(["2026-03-02"])})
    >>> out = write_log(log, pathlib.Path(tempfile.mkdtemp()) / "log.xlsx")
    >>> sheet = openpyxl.load_workbook(out)["Log"]
    >>> sheet["A2"].value, sheet["J2"].value, sheet["K2"].value
    ('Ana Ruiz', 'email', datetime.datetime(2026, 3, 2, 0, 0))
    """
    full = canonical(log)
    target = _check_target(path, overwrite)
    # The flag columns go back into their date cells: "yes" where the date is unknown.
    extra = [c for c in full.columns if c not in (*COLUMNS, *FLAG_COLUMNS, "source_row")]
    columns = _cell_values(full, extra)
    for i, name in enumerate(COLUMNS):
        said = undated_yes(full, name) if name in DATE_FLAGS else None
        if said is not None and said.any():
            columns[i] = np.where(said, "yes", columns[i]).astype(object)
    # The user's own headers are text too: never a formula, never a control character.
    wb = _build_workbook(
        [spreadsheet_text(str(c)) for c in extra], max(TEMPLATE_ROWS, len(full) + 500)
    )
    ws = wb[LOG_SHEET]
    date_positions = [i for i, col in enumerate(FIELDS) if col.kind == "date"]
    date_positions += [
        len(FIELDS) + i
        for i, name in enumerate(extra)
        if pd.api.types.is_datetime64_any_dtype(full[name])
    ]
    for row in zip(*columns, strict=True):
        ws.append(list(row))
    for position in date_positions:
        for (cell,) in ws.iter_rows(
            min_row=2, max_row=len(full) + 1, min_col=position + 1, max_col=position + 1
        ):
            if isinstance(cell.value, dt.datetime) and cell.value.time() != dt.time():
                cell.number_format = DATETIME_FORMAT
            elif cell.value is not None:
                cell.number_format = DATE_FORMAT
    return _save_atomically(wb, target)
