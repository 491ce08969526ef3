"""Answers where a date or a status is expected: yes/no, ticks, status words, free text.

Private to the loader's room. A date column may hold "Yes", "✓", "checked",
"Sí", a real boolean, "declined, busy" or "yes - call on 4/2"; a status column
"Yes", "no reply yet" or "Bumped 3/9". Every distinct value that is not a
plain date is read once, in Python (a log holds a few such values however
many rows it has), and the answers are mapped back to the rows with integer
codes. The words come from :mod:`..core.values` and the status synonyms of
:mod:`..core.schema`.

The reading of one value, in a date column C:

1. the phrases it holds are found, longest first, left to right (dates apart);
2. a status that dates cannot say (declined, cancelled) decides wherever it is;
   otherwise the first phrase: a yes/no word, a word meaning "done" in C, a
   status (yes when it implies C: "declined" is an answer), or an event word
   ("call" implies an answer and names the interview);
3. each date in the text belongs to the last event word before it (the 4/2 of
   "yes - call on 4/2" is the interview's), else to C; a "no" uses no date.

In the status column the status words come first; "yes" is replied, "no" is
blank (no answer yet: the status is then derived), and a date belongs to its
event word or the status's own event (replied -> responded_on).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core.codes import factorize
from ..core.schema import (
    CATEGORIES,
    VALUE_SYNONYMS,
    normalize_value,
)
from ..core.values import (
    DONE_WORDS,
    EVENT_STATUS,
    EVENT_WORDS,
    HINTED_STATUSES,
    NO,
    STATUS_EVENTS,
    STATUS_WORDS,
    SYMBOLS,
    YES,
    answer_key,
)
from ._dates import _MONTHS, Order, ValueDates, column_order, log_order, parse_values, take

__all__: list[str] = []

STATUS = "status"
_STATUS_CODE = {name: i for i, name in enumerate(CATEGORIES["status"])}
#: Dates inside free text (matched on folded, lower-case text).
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_IN_TEXT = re.compile(
    r"(?<![\w/.\-])(?:"
    r"\d{4}-\d{1,2}-\d{1,2}(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}([/.\-])\d{1,2}\1\d{2,4}"
    r"|\d{1,2}/\d{1,2}"
    r"|\d{1,2}\.\d{1,2}\."
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\.?(?:\s+(?:de|of))?\s+(?:{_MONTH_WORDS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    r")(?![\w/])"
)
_LONGEST = 4  # words in the longest phrase


@dataclass(frozen=True)
class _Meaning:
    answer: str | None = None  # "yes" / "no"
    status: str | None = None
    event: str | None = None  # a date column
    done: frozenset[str] = frozenset()  # date columns in which the phrase means "it happened"


def _table() -> dict[str, _Meaning]:
    """Every phrase (as matched) with all it can mean; the first meaning listed wins."""
    answer: dict[str, str] = {}
    status: dict[str, str] = {}
    event: dict[str, str] = {}
    done: dict[str, set[str]] = {}
    for key in YES:
        answer.setdefault(key, "yes")
    for key in NO:
        answer.setdefault(key, "no")
    for name, words in STATUS_WORDS.items():
        for word in words:
            status.setdefault(answer_key(word), name)
    for key, name in VALUE_SYNONYMS[STATUS].items():
        status.setdefault(key, name)
    for column, words in EVENT_WORDS.items():
        for word in words:
            event.setdefault(answer_key(word), column)
    for column, words in DONE_WORDS.items():
        for word in words:
            done.setdefault(answer_key(word), set()).add(column)
    keys = set(answer) | set(status) | set(event) | set(done)
    return {
        key: _Meaning(
            answer.get(key), status.get(key), event.get(key), frozenset(done.get(key, ()))
        )
        for key in keys
        if key
    }


_PHRASES = _table()


@dataclass
class Answer:
    """The reading of one distinct value."""

    yes: bool = False
    status: str | None = None  # a status for the status column, or a hint from a date column
    pieces: list[tuple[str, str]] = field(default_factory=list)  # (target column, date)
    known: bool = True  # False: nothing in it was understood
    exact: bool = True  # one word or symbol, read without a note
    unused: list[str] = field(default_factory=list)  # dates the reading did not use
    said: str = ""  # what the value was read as, for the note


NOTE_HINT = (
    "check this reading; a date such as 2026-03-02 or a plain yes/no is read without a note"
)


@dataclass
class Reading:
    """The answers of one column's cells, per row.

    ``parsed`` and ``month_day`` are the column's own dates (with and without a
    year); ``dates`` the dates its text gives other columns (target ->
    (datetime64[ns], month_day)); ``status`` status codes (-1: none) or None;
    ``note`` the note on a value read from free text ("" for none).
    """

    parsed: np.ndarray
    month_day: np.ndarray | None
    yes: np.ndarray
    bad: np.ndarray
    given: np.ndarray
    status: np.ndarray | None
    dates: dict[str, tuple[np.ndarray, np.ndarray]]
    note: np.ndarray | None
    conflict: np.ndarray
    dayfirst: bool
    #: How the order was decided, and per row the note on a date read in an order
    #: the column's own dates did not decide (None: no such date).
    order: Order | None = None
    ambiguous: np.ndarray | None = None


#: The order when the log gives none (a column read alone).
DEFAULT_ORDER = log_order([], "")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")  # fmt: skip


def _fold(text: str) -> str:
    """Ticks as words, accents folded, lower case (positions of dates then match)."""
    text = unicodedata.normalize("NFC", text).replace("\ufe0f", "")
    text = "".join(f" {SYMBOLS[c]} " if c in SYMBOLS else c for c in text)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return folded.lower()


def _phrases(text: str) -> list[tuple[str, _Meaning]]:
    """The known phrases of a text without dates, longest first, left to right."""
    words = normalize_value(text).split()
    found = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in _PHRASES and len(phrase) > 1:  # "s" or "y" only as a whole cell
                found.append((phrase, _PHRASES[phrase]))
                i += size
                break
        else:
            i += 1
    return found


def read_value(value: object, column: str) -> Answer:
    """One value of a date column (or of the status column, ``column="status"``).

    Examples
    --------
    >>> a = read_value("yes - call on 4/2", "responded_on")
    >>> a.yes, a.pieces, a.exact
    (True, [('interview_on', '4/2')], False)
    >>> read_value("declined, busy", "responded_on").status
    'declined'
    >>> read_value("No", "responded_on").yes, read_value(True, "thanked_on").yes
    (False, True)
    """
    if isinstance(value, bool | np.bool_):  # a real checkbox cell
        key = "yes" if value else "no"
        return _decide([(key, _PHRASES[key])], [], column, exact=True)
    if not isinstance(value, str):
        return Answer(known=False)
    key = answer_key(value)
    if key in _PHRASES:
        return _decide([(key, _PHRASES[key])], [], column, exact=True)
    text = _fold(value)
    segments, dates, start = [], [], 0
    for match in _DATE_IN_TEXT.finditer(text):
        segments.append(text[start : match.start()])
        dates.append(match.group(0))
        start = match.end()
    segments.append(text[start:])
    found: list[tuple[str, _Meaning]] = []
    placed: list[tuple[int, str]] = []  # (phrases seen before the date, date)
    for segment, date in zip(segments, [*dates, None], strict=True):
        found += _phrases(segment)
        if date is not None:
            placed.append((len(found), date))
    answer = _decide(found, placed, column, exact=False)
    if not found and not dates:
        answer.known = False
    return answer


def _decide(
    found: list[tuple[str, _Meaning]],
    placed: list[tuple[int, str]],
    column: str,
    *,
    exact: bool,
) -> Answer:
    out = Answer(exact=exact)
    strong = next((m for _, m in found if m.status in ("declined", "cancelled")), None)
    first = found[0] if found else None
    if column == STATUS:
        said_no = first is not None and first[1].answer == "no"
        status_m = strong or (None if said_no else next((m for _, m in found if m.status), None))
        if status_m is not None:
            out.status = status_m.status
        elif first is not None and first[1].answer == "yes":
            out.status = "replied"
        elif first is not None and first[1].event is not None:
            out.status = EVENT_STATUS[first[1].event]
        out.yes = out.status is not None
        out.said = out.status or "blank (no answer yet)"
    else:
        meaning = strong or (first[1] if first else None)
        phrase = first[0] if first else ""
        if meaning is None:
            out.yes = bool(placed)  # only a date: it happened then
            out.said = "a date"
        elif meaning is strong and meaning.status is not None:
            out.yes, out.status = column in STATUS_EVENTS[meaning.status], meaning.status
        elif meaning.answer is not None:
            out.yes = meaning.answer == "yes"
        elif column in meaning.done:
            out.yes = True
        elif meaning.status is not None:
            status = meaning.status
            if status == "no_response" and phrase.split()[0] in NO:
                status = "awaiting"  # "no reply" in a Replied? column: not yet, not given up
            out.yes = column in STATUS_EVENTS[status]
            out.status = status if status in HINTED_STATUSES else None
        elif meaning.event is not None:
            implied = {meaning.event, *STATUS_EVENTS[EVENT_STATUS[meaning.event]]}
            out.yes = column in implied
        if meaning is not None:
            out.said = ("yes" if out.yes else "no") + (f", {out.status}" if out.status else "")
    for seen, date in placed:
        target = next(
            (_target(m) for _, m in reversed(found[:seen]) if _target(m) is not None),
            _default_target(out, column),
        )
        if target is None or (column != STATUS and not out.yes):
            out.unused.append(date)
        else:
            out.pieces.append((target, date))
    return out


#: The event whose date a status word names ("met 3/4": the interview's).
_STATUS_DATE = {
    "replied": "responded_on",
    "declined": "responded_on",
    "scheduled": "interview_on",
    "interviewed": "interview_on",
}


def _target(meaning: _Meaning) -> str | None:
    """The column a date written after this phrase belongs to, if the phrase says."""
    return meaning.event or _STATUS_DATE.get(meaning.status or "")


def _default_target(answer: Answer, column: str) -> str | None:
    """A date after no telling phrase: the cell's own column; in the status column, its event."""
    if column != STATUS:
        return column
    return "requested_on" if answer.status == "awaiting" else _STATUS_DATE.get(answer.status or "")


def _read_uniques(
    uniques: np.ndarray,
    column: str,
    orders: Order | dict[str, Order],
    fallback: Order = DEFAULT_ORDER,
) -> tuple[list[Answer], dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray]:
    """Answers of distinct values, the dates their text gives each column, their notes.

    A date in the text is read in ``orders`` (one order, or the order of the column
    it goes to, else ``fallback``); one that rests on it says so in the note.
    """
    n = len(uniques)
    answers = [read_value(u, column) for u in uniques]
    dates: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    unreadable: dict[int, list[str]] = {}
    how: dict[tuple[int, str], str] = {}  # (value, date) -> the order it was read in
    groups: dict[Order, list[tuple[int, str, str]]] = {}
    for i, a in enumerate(answers):
        for target, date in a.pieces:
            order = orders.get(target, fallback) if isinstance(orders, dict) else orders
            groups.setdefault(order, []).append((i, target, date))
    for order, pieces in groups.items():  # every date of every value, one parse per order
        texts = np.array([date for _, _, date in pieces], dtype=object)
        per = parse_values(texts, np.ones(len(texts), np.intp), dayfirst=order.dayfirst)
        for k, (i, target, date) in enumerate(pieces):
            if np.isnat(per.parsed[k]) and per.month_day[k] == 0:
                unreadable.setdefault(i, []).append(date)
                continue
            if per.ambiguous[k]:
                how[i, date] = order.how
            if target not in dates:
                dates[target] = (
                    np.full(n, np.datetime64("NaT"), "datetime64[ns]"),
                    np.zeros(n, dtype=np.int64),
                )
            dates[target][0][i], dates[target][1][i] = per.parsed[k], per.month_day[k]
    notes = np.array(
        [
            _note(a, unreadable.get(i, []), {d: h for (j, d), h in how.items() if j == i})
            if a.known and (not a.exact or a.unused or i in unreadable)
            else ""
            for i, a in enumerate(answers)
        ],
        dtype=object,
    )
    return answers, dates, notes


@dataclass
class DateCells:
    """A date column's values parsed, its order not yet settled (:func:`parse_cells`)."""

    codes: np.ndarray
    uniques: np.ndarray
    weights: np.ndarray
    per: ValueDates
    dayfirst: bool | None  # the order the caller gave


def parse_cells(values: pd.Series, *, dayfirst: bool | None) -> DateCells:
    """Factorize a date column and parse its distinct values (their votes decide the order)."""
    codes, uniques = factorize(values)
    n = len(uniques)
    weights = np.bincount(codes[codes >= 0], minlength=n) if n else np.zeros(0, dtype=np.intp)
    return DateCells(
        codes, uniques, weights, parse_values(uniques, weights, dayfirst=dayfirst), dayfirst
    )


def read_date_column(
    values: pd.Series | DateCells,
    column: str,
    *,
    dayfirst: bool | None,
    log: Order = DEFAULT_ORDER,
) -> Reading:
    """A date column: its dates (:func:`._dates.parse_values`) and the answers in other cells.

    One factorize serves both; only the values that are not dates are read as answers.
    A column whose own dates do not decide the order takes ``log``'s (the log's other
    date columns, else its language; see :func:`._dates.log_order`).
    """
    cells = values if isinstance(values, DateCells) else parse_cells(values, dayfirst=dayfirst)
    codes, uniques, weights, per = cells.codes, cells.uniques, cells.weights, cells.per
    n = len(uniques)
    if cells.dayfirst is not None:
        order = Order(cells.dayfirst, "as given", False)
    else:
        order = column_order(per, log)
        if order.dayfirst != per.dayfirst:
            per = parse_values(uniques, weights, dayfirst=order.dayfirst)
    parsed, month_day = per.parsed, per.month_day
    notes_order = np.zeros(n, dtype=bool) if not order.inferred else per.ambiguous
    given = ~np.isnat(parsed) | per.bad
    bad = per.bad & (month_day == 0)
    yes = given & ~bad
    status = notes = None
    dates: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    need = np.flatnonzero(bad)
    if len(need):
        answers, found, said = _read_uniques(uniques[need], column, order)
        bad[need] = [not a.known for a in answers]
        yes[need] = [a.yes for a in answers]
        codes_u = [_STATUS_CODE[a.status] if a.status else -1 for a in answers]
        if any(c >= 0 for c in codes_u):
            status = np.full(n, -1, dtype=np.int64)
            status[need] = codes_u
        if (said != "").any():
            notes = np.full(n, "", dtype=object)
            notes[need] = said
        for target, (d, m) in found.items():
            full_d = np.full(n, np.datetime64("NaT"), "datetime64[ns]")
            full_m = np.zeros(n, dtype=np.int64)
            full_d[need], full_m[need] = d, m
            if target == column:
                parsed = np.where(np.isnat(parsed), full_d, parsed)
                month_day = np.where(month_day == 0, full_m, month_day)
            else:
                dates[target] = (full_d, full_m)
    nat = np.datetime64("NaT")
    rows = len(codes)
    present = codes >= 0
    # Whole-column shortcuts: a clean date column costs one take (its dates).
    given_rows = present if given.all() else take(codes, given, False)
    bad_rows = take(codes, bad, False) if bad.any() else np.zeros(rows, dtype=bool)
    yes_rows = given_rows & ~bad_rows if len(need) == 0 else take(codes, yes, False)
    return Reading(
        parsed=take(codes, parsed, nat),
        month_day=take(codes, month_day, 0) if month_day.any() else None,
        yes=yes_rows,
        bad=bad_rows,
        given=given_rows,
        status=None if status is None else take(codes, status, -1),
        dates={t: (take(codes, d, nat), take(codes, m, 0)) for t, (d, m) in dates.items()},
        note=None if notes is None else take(codes, notes, ""),
        conflict=take(codes, per.conflict, False)
        if per.conflict.any()
        else np.zeros(rows, dtype=bool),
        dayfirst=order.dayfirst,
        order=order,
        ambiguous=take(codes, _order_notes(parsed, month_day, notes_order, order), "")
        if notes_order.any()
        else None,
    )


def _order_notes(
    parsed: np.ndarray, month_day: np.ndarray, ambiguous: np.ndarray, order: Order
) -> np.ndarray:
    """Per distinct value, the note on a date read in an inferred order ("" for none)."""
    out = np.full(len(parsed), "", dtype=object)
    for i in np.flatnonzero(ambiguous):
        if not np.isnat(parsed[i]):
            shown = str(parsed[i])[:10]
        else:
            shown = f"{month_day[i] % 100} {_MONTH_NAMES[month_day[i] // 100]}"
        out[i] = f"day and month could be either way: read as {shown}, {order.how}"
    return out


ORDER_HINT = (
    "write the date year first (2026-03-02) to be sure, or give the order "
    "(read_log(dayfirst=True) or validate --dayfirst)"
)


def read_status_answers(
    values: pd.Series, *, dayfirst: dict[str, Order], log: Order = DEFAULT_ORDER
) -> Reading:
    """Status cells that are no status word: yes/no and free text ("Bumped 3/9").

    ``values`` holds the cells to read (others missing); a date in the text is
    read in the order of the column it belongs to (``dayfirst``), else ``log``'s.
    """
    codes, uniques = factorize(values)
    n = len(uniques)
    answers, found, said = _read_uniques(uniques, STATUS, dayfirst, log)
    status = np.array([_STATUS_CODE[a.status] if a.status else -1 for a in answers], np.int64)
    known = np.array([a.known for a in answers], dtype=bool)
    nat = np.datetime64("NaT")
    rows = len(codes)
    return Reading(
        parsed=np.full(rows, nat, "datetime64[ns]"),
        month_day=None,
        yes=take(codes, status >= 0, False),
        bad=take(codes, ~known, False),
        given=codes >= 0,
        status=take(codes, status, -1),
        dates={t: (take(codes, d, nat), take(codes, m, 0)) for t, (d, m) in found.items()},
        note=take(codes, said, "") if n and (said != "").any() else None,
        conflict=np.zeros(rows, dtype=bool),
        dayfirst=False,
    )


def _note(answer: Answer, unreadable: list[str], how: dict[str, str]) -> str:
    """What a free-text value was read as, for the problems table."""
    parts = [f"free text read as {answer.said}"]
    parts += [
        f"its date {date!r} taken as {target}" + (f" ({how[date]})" if date in how else "")
        for target, date in answer.pieces
        if date not in unreadable
    ]
    if answer.unused or unreadable:
        shown = ", ".join(repr(d) for d in [*answer.unused, *unreadable])
        parts.append(f"date {shown} not used")
    return "; ".join(parts)
