"""Cleaning the cells of each kind of column, and the checks across columns.

Private to the loader. Every function works on the unique values of a column
(through integer codes) and maps the answers back to the rows with array
indexing, so a million-row log costs a few hash passes, not a million Python
calls per column.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import cast

import numpy as np
import pandas as pd

from ..core.names import name_codes
from ..core.schema import CATEGORIES, VALUE_SYNONYMS, normalize_value
from ..core.values import DATE_FLAGS, NO_WORDS, STATUS_PROGRESS, YES, YES_WORDS, answer_key
from . import _arrow
from ._dates import factorize, take

__all__: list[str] = []

_INTEGER = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes)?\.?\s*$", re.I
)
MINUTE_COLUMNS = frozenset({"minutes_planned", "minutes_actual"})


def as_text(value: object, *, collapse: bool = True) -> str | None:
    """One cell as clean text (None when empty): whitespace stripped, inner runs collapsed."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, str):
        text = " ".join(value.split()) if collapse else value.strip()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # calamine reads every number as float: 5551234.0
    elif isinstance(value, _dt.datetime):
        text = value.isoformat(sep=" ") if value.time() != _dt.time() else value.date().isoformat()
    elif isinstance(value, _dt.date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    return text or None


def clean_text(values: pd.Series, *, collapse: bool = True) -> pd.Series:
    """Text column: stripped, inner whitespace runs collapsed (unless ``collapse=False``).

    Strings are cleaned in one pass over the whole column (no factorizing: names
    are mostly unique); other cells (numbers, dates from a workbook) one by one.
    """
    return clean_text_mask(values, collapse=collapse)[0]


def clean_text_mask(values: pd.Series, *, collapse: bool = True) -> tuple[pd.Series, np.ndarray]:
    """:func:`clean_text` and the boolean array of non-missing results."""
    series, present, _ = clean_text_links(values, collapse=collapse, look=False)
    return series, present


def clean_text_links(
    values: pd.Series, *, collapse: bool = True, look: bool = True
) -> tuple[pd.Series, np.ndarray, bool]:
    """:func:`clean_text_mask`, and whether a cell may hold a relation link (when ``look``).

    The link check is a few substring searches in the text already joined for
    the cleaning, so that :func:`split_relations` costs nothing on a log
    without relations.
    """
    chunked = _arrow.arrow_text(values)
    if chunked is not None:
        return _arrow.clean(chunked, values, collapse=collapse, look=look)
    array = np.asarray(values, dtype=object)
    as_str = _arrow.text_series(array, values)
    if as_str is not None:  # strings, and the output is Arrow-backed: cleaned there
        return _arrow.clean(_arrow.arrow_text(as_str), as_str, collapse=collapse, look=look)
    present = ~pd.isna(array)
    taken = array if present.all() else array[present]
    if pd.api.types.infer_dtype(taken, skipna=False) == "string":  # C-level check
        strings = taken.tolist()
        joined = "\x00".join(strings)
        if strings and _is_clean(joined, collapse):  # the usual case
            series = pd.Series(array, index=values.index, dtype="str", name=values.name)
            return series, present, look and _has_link(joined)
        del joined  # before the cleaning joins the text again: one copy at a time
        is_str = np.ones(len(taken), dtype=bool)
    else:
        is_str = np.fromiter((type(v) is str for v in taken), dtype=bool, count=len(taken))
    out = np.full(len(array), None, dtype=object)
    cleaned = np.empty(len(taken), dtype=object)
    strings = _clean_strings(taken[is_str].tolist(), collapse)
    cleaned[is_str] = strings
    cleaned[~is_str] = [as_text(v, collapse=collapse) for v in taken[~is_str]]
    cleaned[cleaned == ""] = None
    out[present] = cleaned
    series = pd.Series(out, index=values.index, dtype="str", name=values.name)
    links = look and _has_link("\x00".join(strings))
    return series, out != None, links  # noqa: E711 (elementwise on an object array)


def _has_link(joined: str) -> bool:
    if "(" not in joined:
        return False
    return "(http" in joined or "(www." in joined or ".md)" in joined


_ODD_SPACE = re.compile(r"[^\S ]")  # whitespace other than a plain space
_RUNS = re.compile(r"\s{2,}|[^\S ]")
_EDGES = re.compile(r"\s*\x00\s*")  # both sides of a boundary in one match


def _is_clean(joined: str, collapse: bool) -> bool:
    """True when no cell of the NUL-joined text has anything to strip or collapse.

    ASCII text (the usual case) is checked with a few numpy passes over its
    bytes; other text with substring tests and, for odd whitespace, a regex.
    """
    if joined[:1].isspace() or joined[-1:].isspace():
        return False
    if joined[:1] in ("", "\x00") or joined[-1:] == "\x00":
        return False  # an empty first or last cell
    if joined.isascii():
        codes = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
        space, nul = codes == 32, codes == 0
        if collapse and ((codes < 32) & ~nul).any():
            return False  # a tab, newline or other control character inside a name
        edge = (space[:-1] & nul[1:]) | (nul[:-1] & space[1:]) | (nul[:-1] & nul[1:])
        if collapse:
            edge |= space[:-1] & space[1:]
        if edge.any():
            return False
        if not collapse:
            return not _control_at_edge(codes, nul)
        return True
    if "\x00\x00" in joined or " \x00" in joined or "\x00 " in joined:
        return False
    if collapse:
        return "  " not in joined and _ODD_SPACE.search(joined) is None
    return re.search(r"[^\S ]\x00|\x00[^\S ]", joined) is None


def _control_at_edge(codes: np.ndarray, nul: np.ndarray) -> bool:
    """A tab or newline next to a cell boundary (free text keeps inner ones)."""
    ws = ((codes >= 9) & (codes <= 13)) | ((codes >= 28) & (codes <= 31))
    return bool(((ws[:-1] & nul[1:]) | (nul[:-1] & ws[1:])).any())


def _clean_strings(strings: list[str], collapse: bool) -> list[str]:
    """Strip (and collapse) many strings with a few C-level passes over one joined string."""
    if not strings:
        return []
    joined = "\x00".join(strings)
    if _is_clean(joined, collapse):
        return strings  # the usual case: nothing to do
    if joined.count("\x00") != len(strings) - 1:  # a NUL inside a cell: one by one
        return [(" ".join(s.split()) if collapse else s.strip()) for s in strings]
    if collapse:
        joined = _RUNS.sub(" ", joined)
    return _EDGES.sub("\x00", joined).strip().split("\x00")


#: Text columns holding names, where Notion and Airtable write relations.
RELATION_COLUMNS = frozenset(
    {"contact", "organization", "role", "field", "location", "referred_by", "owner"}
)
#: The link of a relation: "(https://www.notion.so/Full-Name-0123abcd)" or a Notion
#: markdown export's "(Contacts/Full%20Name%200123abcd.md)".
_LINK = re.compile(r"\s*\((?:https?://|www\.)[^()]*\)|\s*\([^()]*%20[^()]*\.md\)")


def split_relations(values: pd.Series) -> tuple[pd.Series, pd.Series | None]:
    """Relation cells as names: "Full Name (https://www.notion.so/...)" -> "Full Name".

    A list of relations ("A (https://…), B (https://…)") gives its first name.
    Returns the names and, per row, the other names of a list joined by ", "
    (None when no cell is a list). Call it only when
    :func:`clean_text_links` found a link.

    Examples
    --------
    >>> names, others = split_relations(pd.Series(
    ...     ["Ana Ruiz (https://www.notion.so/Ana-Ruiz-0123abcd)", "Bo Li", None,
    ...      "Cy (https://notion.so/Cy-1), Di (https://notion.so/Di-2)"], dtype="str"))
    >>> names.tolist(), others.tolist()
    (['Ana Ruiz', 'Bo Li', nan, 'Cy'], [None, None, None, 'Di'])
    """
    hit = values.str.contains(_LINK, regex=True, na=False).to_numpy(dtype=bool)
    codes, uniques = factorize(values[hit])
    firsts, rests = [], []
    for text in uniques:
        parts = [n.strip(" ,;") for n in _LINK.split(text)]
        parts = [n for n in parts if n]
        firsts.append(parts[0] if parts else None)
        rests.append(", ".join(parts[1:]) or None)
    out = values.astype(object).to_numpy(copy=True)
    out[hit] = take(codes, np.array(firsts, dtype=object), None)
    names = pd.Series(out, index=values.index, dtype="str", name=values.name)
    if not any(rests):
        return names, None
    others = np.full(len(values), None, dtype=object)
    others[hit] = take(codes, np.array(rests, dtype=object), None)
    return names, pd.Series(others, index=values.index, dtype=object)


#: Yes/no words that are also given names or words of a name: kept in a name column.
_NAME_LIKE = frozenset({"sim", "si", "ja", "na", "non", "nee", "vero", "waar", "ok", "not"})
#: Yes/no words as typed (a few cases of each), for a quick exact match on a name column.
_ANSWER_SPELLINGS = sorted(
    {
        form
        for words in (*YES_WORDS.values(), *NO_WORDS.values())
        for word in words
        for form in (word, word.lower(), word.upper(), word.title(), word.capitalize())
        if (len(answer_key(form)) > 1 or form in ("-", "x", "X"))
        and answer_key(form) not in _NAME_LIKE
    }
)


def referrer_answers(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """A yes/no where a referrer's name is expected ("Referred? Yes", "n/a", "-").

    Such a cell names nobody: it is blanked. Returns the names and the rows
    that said yes (referred, name unknown).

    Examples
    --------
    >>> names, yes = referrer_answers(pd.Series(["Ana", "Yes", "n/a", None], dtype="str"))
    >>> names.tolist(), yes.tolist()
    (['Ana', nan, nan, nan], [False, True, False, False])
    """
    short = values.isin(_ANSWER_SPELLINGS).to_numpy(dtype=bool)
    if not short.any():
        return values, np.zeros(len(values), dtype=bool)
    codes, uniques = factorize(values[short])
    said_yes = np.array([answer_key(u) in YES for u in uniques], dtype=bool)
    yes = np.zeros(len(values), dtype=bool)
    yes[short] = take(codes, said_yes, False)
    blank = short
    return values.mask(blank), yes


def clean_category(
    values: pd.Series, column: str, *, said: str | None = None
) -> tuple[pd.Series, pd.Series, np.ndarray | None]:
    """Category column mapped through the synonyms; unknown values kept as written.

    Returns the Categorical (allowed values in order, then unknown ones), a
    mask of rows holding an unknown value, and (when ``said`` is given) the
    rows whose value, as normalised for matching (``schema.normalize_value``),
    is ``said``, e.g. to tell "coffee" from "in person"; None otherwise.
    """
    allowed = list(CATEGORIES[column])
    synonyms = VALUE_SYNONYMS[column]
    codes, uniques = factorize(values)
    texts = [as_text(u) for u in uniques]
    normalized = np.array([None if t is None else normalize_value(t) for t in texts], dtype=object)
    mapped = [None if t is None else synonyms.get(normalize_value(t), t) for t in texts]
    categories = allowed + list(dict.fromkeys(m for m in mapped if m and m not in allowed))
    position = {c: i for i, c in enumerate(categories)}
    per_unique = np.array([-1 if m is None else position[m] for m in mapped], dtype=np.int64)
    unknown_u = np.array([m is not None and m not in synonyms.values() for m in mapped])
    row_codes = take(codes, per_unique, -1)
    cat = pd.Categorical.from_codes(row_codes, categories=pd.Index(categories, dtype=object))
    series = pd.Series(cat, index=values.index, name=values.name)
    unknown = take(codes, unknown_u.astype(bool), False).astype(bool)
    rows = None if said is None else take(codes, normalized == said, False)
    return series, pd.Series(unknown, index=values.index), rows


def clean_integer(values: pd.Series, column: str) -> tuple[pd.Series, pd.Series]:
    """Whole numbers written as numbers or text ("30", "30.0", "30 min", "1h" for minutes).

    Returns the ``Int64`` column and a mask of rows whose value is not a whole number.
    """
    codes, uniques = factorize(values)
    numbers = np.full(len(uniques), np.nan)
    bad_u = np.zeros(len(uniques), dtype=bool)
    for i, u in enumerate(uniques):  # one pass over the distinct values, not the rows
        number = _as_number(u, column)
        if number is None:
            bad_u[i] = as_text(u) is not None
        else:
            numbers[i] = number
    rows = take(codes, numbers, np.nan)
    series = pd.Series(rows, index=values.index, name=values.name).astype("Int64")
    bad = take(codes, bad_u, False).astype(bool)
    return series, pd.Series(bad, index=values.index)


def _as_number(value: object, column: str) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        unit = None
    else:
        match = _INTEGER.match(str(value))
        if match is None:
            return None
        number = float(match.group(1).replace(",", "."))
        unit = (match.group(2) or "").lower() or None
    if unit is not None:
        if column not in MINUTE_COLUMNS:
            return None
        if unit.startswith("h"):
            number *= 60
    if not np.isfinite(number) or number < 0 or not float(number).is_integer():
        return None
    return number


def derive_status(
    log: pd.DataFrame, as_of: pd.Timestamp, hints: np.ndarray | None = None
) -> pd.Series:
    """Status with blanks filled from the dates and flags as of ``as_of`` (docs/log-format.md).

    An undated yes counts as its date would: a "Met? yes" is interviewed, a
    "Replied? yes" replied, a "Contacted? yes" awaiting. ``hints`` (status
    codes, -1 for none) are what the words in other cells said ("declined,
    busy" under Replied?): a blank status takes the hint when it is further
    along (``values.STATUS_PROGRESS``) than the dates. Works on the
    categorical codes: no string is touched.
    """
    status = log["status"]
    categories = list(status.cat.categories)
    code = {name: categories.index(name) for name in CATEGORIES["status"]}
    inter, resp, req = log["interview_on"], log["responded_on"], log["requested_on"]

    def said(column: str) -> np.ndarray:
        flag = DATE_FLAGS[column]
        if flag not in log.columns:
            return np.zeros(len(log), dtype=bool)
        return log[flag].to_numpy(dtype=bool) & log[column].isna().to_numpy()

    derived = np.select(
        [
            (inter <= as_of).to_numpy(),
            (inter > as_of).to_numpy(),
            said("interview_on"),
            resp.notna().to_numpy() | said("responded_on"),
            req.notna().to_numpy() | said("requested_on"),
        ],
        [
            code["interviewed"],
            code["scheduled"],
            code["interviewed"],
            code["replied"],
            code["awaiting"],
        ],
        default=code["prospect"],
    )
    if hints is not None:
        rank = np.full(len(categories) + 1, -1)
        for i, name in enumerate(STATUS_PROGRESS):
            rank[code[name]] = i
        further = (hints >= 0) & (rank[hints] > rank[derived])
        derived = np.where(further, hints, derived)
    codes = status.cat.codes.to_numpy()
    filled = np.where(codes >= 0, codes, derived)
    return pd.Series(
        pd.Categorical.from_codes(filled, dtype=cast(pd.CategoricalDtype, status.dtype)),
        index=log.index,
        name="status",
    )


def contradictions(
    log: pd.DataFrame, stated: pd.Series, as_of: pd.Timestamp
) -> list[tuple[pd.Series, str, str, str]]:
    """Rows whose dates or stated status contradict each other.

    ``stated`` is True where the status was written by the user (not derived).
    Returns (mask, column, problem, hint) tuples.
    """
    req = log["requested_on"]
    day = f"{as_of:%Y-%m-%d}"
    status = log["status"]  # compared as a categorical: its codes, not a million strings
    return [
        (
            log["interview_on"] < req,
            "interview_on",
            "interview date before the request date",
            "check both dates",
        ),
        (
            log["responded_on"] < req,
            "responded_on",
            "response date before the request date",
            "check both dates",
        ),
        (
            log["followed_up_on"] < req,
            "followed_up_on",
            "follow-up date before the request date",
            "check both dates",
        ),
        (
            log["thanked_on"] < log["interview_on"],
            "thanked_on",
            "thank-you date before the interview date",
            "check both dates",
        ),
        (
            stated & (status == "interviewed") & (log["interview_on"] > as_of),
            "status",
            f"says interviewed but the interview date is after {day}",
            "set the status to scheduled, or correct the interview date",
        ),
        (
            # The status may be old, or the meeting may not have happened: said, not
            # changed (the analyses go by the date: a meeting dated before as_of
            # counts as held, see analysis/outcomes.py).
            stated & (status == "scheduled") & (log["interview_on"] < as_of),
            "status",
            f"says scheduled but the interview date has passed (before {day})",
            "set the status to interviewed (or cancelled), or correct the interview date",
        ),
        (
            stated & (status == "prospect") & req.notna(),
            "status",
            "says prospect but a request date is filled",
            "set the status to awaiting (or later), or clear the request date",
        ),
    ]


def duplicate_people(log: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Rows repeating an earlier row's person (same name and organisation, same owner).

    Name, organisation and owner are compared by their name keys
    (:mod:`..core.names`: case, accents and spacing ignored).
    Returns the mask of the repeats and, for each row, the ``source_row`` of the
    first occurrence. Only rows whose name occurs twice are looked at closely.
    """
    n = len(log)
    rows = np.asarray(log["source_row"])
    repeat = np.zeros(n, dtype=bool)
    first = rows.copy()
    names = name_codes(log["contact"], mostly_distinct=True)[0]
    named = names >= 0
    if not named.any():
        return pd.Series(repeat, index=log.index), pd.Series(first, index=log.index)
    counts = np.bincount(names[named])
    candidates = np.flatnonzero(named & (counts[np.where(named, names, 0)] > 1))
    if len(candidates):
        sub = log.iloc[candidates]
        key = names[candidates].astype(np.int64)
        for col in ("organization", "owner"):
            codes = name_codes(sub[col])[0]
            key = key * (codes.max(initial=-1) + 2) + (codes + 1)
        combined, _ = pd.factorize(key)
        first_pos = np.full(combined.max() + 1, len(sub))
        np.minimum.at(first_pos, combined, np.arange(len(sub)))
        first_sub = first_pos[combined]
        repeat[candidates] = first_sub != np.arange(len(sub))
        first[candidates] = rows[candidates][first_sub]
    return pd.Series(repeat, index=log.index), pd.Series(first, index=log.index)
