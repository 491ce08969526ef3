"""What a column holds, judged from a sample of its values (never every row).

Private to the loader: ``_headers`` asks it about headers that name no column.
A sample is the first :data:`SAMPLE_VALUES` non-empty values among the first
:data:`SAMPLE_ROWS` rows; its kind is decided when :data:`CONTENT_SHARE` of it
agrees (dates, yes/no answers, emails, LinkedIn links, web links, phone numbers,
numbers, capitalised names), and names are looked up among the contacts.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core import headers as _phrases
from ..core.names import name_key
from ..core.schema import (
    CATEGORY_COLUMNS,
    DATE_COLUMNS,
    VALUE_SYNONYMS,
    YES_NO_MARKS,
    YES_NO_VALUES,
    normalize_value,
)
from ._dates import parse_dates

__all__: list[str] = []

#: The content of a column is judged on its first non-empty values, never on every row.
SAMPLE_ROWS = 5000
SAMPLE_VALUES = 200
#: Share of the sampled values that must agree for the content to decide.
CONTENT_SHARE = 0.8
#: Share of sampled names that must be people of the contact column (-> referred_by).
REFERRER_SHARE = 0.5
#: How many contacts are keyed to look referrers up in (the start of the log).
CONTACT_ROWS = 50_000

#: Date columns a yes/no answer can stand for (the answer happened, date unknown).
_YES_NO_COLUMNS = ("requested_on", "followed_up_on", "responded_on", "interview_on", "thanked_on")
_EMAIL = re.compile(r"^[^@\s<>()]+@[^@\s<>()]+\.[A-Za-z]{2,}$")
_LINKEDIN = re.compile(r"^(?:https?://)?(?:[\w-]+\.)?linkedin\.com/", re.I)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_PHONE = re.compile(r"^\+?[\d\s().\-/]{7,}$")
_RELATION = re.compile(r"\s*\((?:https?://|www\.)[^)]*\)")
#: A name as people write one: one to five capitalised words ("Ana Ruiz", "J. O'Neil").
_NAME = re.compile(r"^[^\W\d_a-z][^\W\d_]*\.?(?:[\s'\-]+[^\W\d_a-z][^\W\d_]*\.?){0,4}$")
_SHORT = re.compile(r"^[^\W\d_]+\.?(?:[\s'\-]+[^\W\d_]+\.?){0,4}$")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"^[+-]?[\d\s]*[\d][\d\s]*(?:[.,]\d+)?$")
_KIND_WORDS = {
    "dates": "dates",
    "yesno": "yes/no answers",
    "emails": "email addresses",
    "linkedin": "LinkedIn links",
    "urls": "web links",
    "phones": "phone numbers",
    "numbers": "numbers",
    "referrers": "names of people in the contact column",
    "names": "names",
}


@dataclass(frozen=True)
class Content:
    """What a sample of a column holds: the kind, its share and the sample size."""

    kind: str  # dates, yesno, emails, linkedin, urls, phones, numbers, names, text, empty
    share: float
    n: int
    categories: tuple[tuple[str, float], ...] = ()  # category columns whose values these are
    referrers: float = 0.0  # share of names that are people of the contact column

    def describe(self) -> str:
        if self.kind == "empty":
            return "empty"
        if self.referrers >= REFERRER_SHARE:
            return f"{self.referrers:.0%} of {self.n} values are " + _KIND_WORDS["referrers"]
        if self.categories:
            column, share = self.categories[0]
            return f"{share:.0%} of {self.n} values are {column} values"
        if self.kind in _KIND_WORDS:
            return f"{self.share:.0%} of {self.n} values are {_KIND_WORDS[self.kind]}"
        return f"free text ({self.n} values sampled)"


def sample(values: pd.Series) -> list[object]:
    """The first non-empty values of a column (at most SAMPLE_VALUES, from SAMPLE_ROWS)."""
    head = values.iloc[:SAMPLE_ROWS]
    head = head[head.notna()]
    out: list[object] = []
    for value in head:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                continue
        out.append(value)
        if len(out) == SAMPLE_VALUES:
            break
    return out


def _yes_no(text: str, normalized: str) -> bool:
    if text in YES_NO_MARKS:
        return True
    words = normalized.split()
    return bool(words) and words[0] in YES_NO_VALUES and len(words) <= 6


def sniff(values: list[object], contacts: Callable[[], set[str]] | None = None) -> Content:
    """The kind of a sample of values (see :class:`Content`)."""
    n = len(values)
    if not n:
        return Content("empty", 0.0, 0)
    texts = [v for v in values if isinstance(v, str)]
    normalized = [normalize_value(t) for t in texts]  # once, for every check below
    numeric = [t for t in texts if _NUMBER.match(t)]
    numbers = sum(isinstance(v, int | float | np.number) for v in values) - sum(
        isinstance(v, bool) for v in values
    )
    numbers += len(numeric)
    date_cells = sum(isinstance(v, _dt.date | _dt.datetime | pd.Timestamp) for v in values)
    bools = sum(isinstance(v, bool | np.bool_) for v in values)
    shares: dict[str, float] = {
        "numbers": numbers / n,
        "yesno": (bools + sum(map(_yes_no, texts, normalized))) / n,
        "emails": sum(bool(_EMAIL.match(t)) for t in texts) / n,
        "linkedin": sum(bool(_LINKEDIN.match(t)) for t in texts) / n,
        "urls": sum(bool(_URL.match(t)) for t in texts) / n,
    }
    worded = [t for t in texts if not _NUMBER.match(t)]
    text_dates = 0
    # Every way of writing a date has a digit (the day): ASCII text without one is no
    # date, and leaving it out changes no vote on the order of the others (non-ASCII
    # text is kept: folding "²" gives a digit).
    worded = [t for t in worded if not t.isascii() or _DIGIT.search(t)]
    if worded:
        text_dates = int(parse_dates(pd.Series(worded, dtype=object)).parsed.notna().sum())
    shares["dates"] = (date_cells + text_dates) / n
    phones = [t for t in texts if _PHONE.match(t) and re.search(r"[\s+\-().]", t)]
    shares["phones"] = sum(sum(c.isdigit() for c in t) >= 7 for t in phones) / n
    cleaned = [_RELATION.sub("", t).strip() for t in texts]
    names = [t for t in cleaned if _NAME.match(t) and len(t) <= 60]
    shares["names"] = len(names) / n
    cats = []
    for column in CATEGORY_COLUMNS:
        synonyms = VALUE_SYNONYMS[column]
        share = sum(t in synonyms for t in normalized) / n
        if share >= CONTENT_SHARE:
            cats.append((column, share))
    cats.sort(key=lambda c: -c[1])
    kind = "text"
    for candidate in ("dates", "yesno", "emails", "linkedin", "urls", "phones", "numbers"):
        if shares[candidate] >= CONTENT_SHARE:
            kind = candidate
            break
    else:
        if shares["names"] >= CONTENT_SHARE:
            kind = "names"
    referrers = 0.0
    short = [t for t in cleaned if _SHORT.match(t) and len(t) <= 60]
    if kind in ("names", "text") and contacts is not None and not cats and short:
        known = contacts()
        keys = name_key(pd.Series(short, dtype=object))
        referrers = float(keys.isin(known).sum()) / n if known else 0.0
    share = shares.get(kind, 1.0)
    return Content(kind, share, n, tuple(cats) if kind in ("text", "names") else (), referrers)


def hinted(words: tuple[str, ...]) -> list[str]:
    """The columns the header's words hint at (core.headers.HINTS), in their order."""
    return [c for c in _phrases.HINTS if any(_hints_at(w, c) for w in words)]


def content_match(
    words: tuple[str, ...], content: Content
) -> tuple[tuple[str, float, str] | None, list[str]]:
    """The column the content decides, its score and why (or None), and the columns
    it could be."""
    hints = hinted(words)
    score = round(100 * content.share, 1)
    described = content.describe()

    def decided(column: str, why: str) -> tuple[str, float, str]:
        return column, score, why

    if content.kind == "emails":
        return decided("email", described), ["email"]
    if content.kind == "linkedin":
        return decided("linkedin_url", described), ["linkedin_url"]
    if content.kind == "phones":
        return decided("phone", described), ["phone"]
    if content.referrers >= REFERRER_SHARE:
        score = round(100 * content.referrers, 1)
        return decided("referred_by", described), ["referred_by"]
    if content.kind == "names" and "referred_by" in hints and not content.categories:
        return decided("referred_by", f"{described}; the header hints at referred_by"), [
            "referred_by"
        ]
    if content.categories:
        best = content.categories[0][1]
        tied = [c for c, s in content.categories if s == best]
        picked = [c for c in tied if c in hints] if len(tied) > 1 else tied
        if len(picked) == 1:
            score = round(100 * best, 1)
            return decided(picked[0], described), tied
        return None, tied
    if content.kind in ("dates", "yesno"):
        allowed = DATE_COLUMNS if content.kind == "dates" else _YES_NO_COLUMNS
        fits = [c for c in hints if c in allowed]
        if len(fits) > 1:  # "Thanks sent": the thank-you's, not the request's
            named = [c for c in fits if any(_hints_at(w, c) and not _generic(w) for w in words)]
            fits = named or fits
        if len(fits) == 1:
            word = next(w for w in words if _hints_at(w, fits[0]))
            return decided(fits[0], f"{described}; the header word {word!r}"), fits
        return None, fits or list(allowed)
    return None, []


def _generic(word: str) -> bool:
    """A hint word that only says something was sent (``core.headers.GENERIC_HINTS``)."""
    return any(word.startswith(s) for s in _phrases.GENERIC_HINTS)


def _hints_at(word: str, column: str) -> bool:
    """A word hints at a column when it begins with one of its stems (short stems: is one)."""
    stems = _phrases.HINTS.get(column, ())
    return any(word == s if len(s) <= 3 else word.startswith(s) for s in stems)


def date_share(values: pd.Series) -> float:
    """Share of a column's sampled values that are dates (to choose between two headers)."""
    found = sniff(sample(values))
    return found.share if found.kind == "dates" else 0.0
