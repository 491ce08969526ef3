"""Search the notes: the interviews whose notes match a query, ranked, with a snippet.

"I spoke to 8 friends about dentistry. There's no way to retrieve this info":
:func:`search_notes` finds every row whose notes hold all the words of a query
(or a "phrase in quotes"), ignoring case and accents by the one name key, and
ranks them by BM25 (Robertson and Zaragoza, 2009), the score full-text search
engines use: a rare word counts more than a common one, and a match in a
short note more than in a long one. Every row of the log is searched, not
only interviews (a note on a request can be what you look for).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.docs import fill_doc
from ..core.names import key, name_key, row_numbers
from ..errors import InvalidArgumentError
from .docs import DOCS, columns_of
from .learning import note_gaps
from .notes import TOKEN, note_columns, shown_values
from .prepared import PreparedLog, prepare
from .tables import TABLES

__all__ = ["search_notes"]

#: BM25's usual parameters: term-frequency saturation and length normalisation.
K1, B = 1.2, 0.75
#: Characters of context on each side of the match in a snippet.
CONTEXT = 60
_QUERY = re.compile(r'"([^"]*)"|(\S+)')


def query_terms(query: str) -> list[list[str]]:
    """The query's terms: each word, or each "quoted phrase", as its words under the name key.

    Examples
    --------
    >>> query_terms('Portfolio "case STUDIES" Café')
    [['portfolio'], ['case', 'studies'], ['cafe']]
    """
    terms = []
    for phrase, word in _QUERY.findall(query):
        words = TOKEN.findall(key(phrase or word) or "")
        if words and words not in terms:
            terms.append(words)
    return terms


def _pattern(words: list[str]) -> re.Pattern[str]:
    """A term's words in a row, separated by anything but letters; the last may go on."""
    body = r"[\W_]+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![^\W_]){body}\w*")


def _folded(text: str) -> tuple[str, np.ndarray]:
    """``text`` case-folded without accents, and each character's position in ``text``."""
    chars, origin = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFD", ch).casefold():
            if unicodedata.category(c) not in ("Mn", "Cf"):
                chars.append(" " if c.isspace() else c)
                origin.append(i)
    return "".join(chars), np.asarray(origin, dtype=np.int64)


def snippet(text: str, patterns: Sequence[re.Pattern[str]], context: int = CONTEXT) -> str:
    """The part of ``text`` around the first match of any pattern, cut at word edges.

    Examples
    --------
    >>> import re
    >>> note = "We met at the fair. " * 5 + "She said a portfolio beats certificates. " * 3
    >>> snippet(note, [re.compile("portfolio")], context=20)
    '…fair. She said a portfolio beats…'
    """
    folded, origin = _folded(text)
    hits = [m for p in patterns if (m := p.search(folded))]
    if not hits or not len(origin):
        return " ".join(text.split())[: 2 * context]
    m = min(hits, key=lambda h: h.start())
    start = int(origin[m.start()])
    end = int(origin[m.end() - 1]) + 1
    lo, hi = max(0, start - context), min(len(text), end + context)
    if lo > 0:  # cut at a word edge
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    body = " ".join(text[lo:hi].split()).strip(" ,;:")
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


@fill_doc(DOCS, columns=columns_of("search_notes"))
def search_notes(
    log: pd.DataFrame | PreparedLog,
    query: str,
    *,
    limit: int | None = 20,
    columns: str | Sequence[str] | None = None,
    as_of: object = None,
) -> pd.DataFrame:
    """The rows whose notes match ``query``, best match first, with the snippet around it.

    Parameters
    ----------
    %(log)s
    query : str
        Words, all of which must be in a row's notes, in any order; a "phrase
        in quotes" must be there as written. Case, accents and punctuation are
        ignored, and a word also finds longer words it starts ("portfolio"
        finds "portfolios").
    limit : int or None, default 20
        At most this many rows (None: all matches).
    columns : str or list of str, optional
        The columns holding notes (default: ``notes``, ``next_step`` and the
        user's own free-text columns, as in :func:`~infoview_analytics.themes`).
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        One row per matching row of the log: %(columns)s, then ``owner``
        when the log has owners. ``score`` is the BM25 score (k1 = 1.2,
        b = 0.75) of the row's notes (its columns together), highest first,
        ties in spreadsheet order. ``date`` is the interview date, else the
        request date; ``column`` the column the snippet comes from.
        ``attrs["gaps"]`` says when the log has no notes.

    Raises
    ------
    InvalidArgumentError
        For a query without a word, ``limit`` below 1, or an unknown column.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Chloe"],
    ...     "field": ["UX", "UX", "Data"],
    ...     "notes": ["Build a portfolio with two case studies.",
    ...               "Portfolio reviews: bring one case study, and a portfolio site.",
    ...               "SQL first."],
    ... })
    >>> hits = search_notes(log, 'portfolio "case study"')
    >>> hits[["contact", "snippet", "source_row"]]
      contact                                            snippet  source_row
    0     Ben  Portfolio reviews: bring one case study, and a...           3
    >>> search_notes(log, "PORTFOLIO")["contact"].tolist()
    ['Ben', 'Ana']
    """
    if not isinstance(query, str) or not (terms := query_terms(query)):
        msg = (
            "The value for `query` must hold at least one word of two or more letters, "
            f'e.g. "portfolio" or \'"case study"\', but {query!r} was passed.'
        )
        raise InvalidArgumentError(msg)
    if limit is not None:
        limit = check_positive_int("limit", limit, minimum=1)
    prepared = prepare(log, as_of=as_of)
    frame = prepared.frame
    used = note_columns(frame, columns)
    present = [c for c in used if c in frame.columns]
    keyed = {c: name_key(frame[c].astype(object)).fillna("") for c in present}
    whole = (
        pd.concat(list(keyed.values()), axis=1).agg("\n".join, axis=1)
        if len(present) > 1
        else (keyed[present[0]] if present else pd.Series([""] * len(frame), dtype=object))
    )
    whole = whole.astype(object)
    patterns = [_pattern(t) for t in terms]
    has_notes = whole.str.strip().str.len().to_numpy() > 0
    lengths = whole.str.count(TOKEN.pattern).to_numpy(dtype=float)
    found = has_notes.copy()
    tf = []
    for p in patterns:
        counts = np.zeros(len(whole))
        rows = np.flatnonzero(found)
        counts[rows] = whole.iloc[rows].str.count(p.pattern).to_numpy(dtype=float)
        found &= counts > 0
        tf.append(counts)
    n_docs = max(int(has_notes.sum()), 1)
    avg = float(lengths[has_notes].mean()) if has_notes.any() else 1.0
    score = np.zeros(len(whole))
    for p, counts in zip(patterns, tf, strict=True):
        df = int((whole[has_notes].str.contains(p.pattern)).sum()) if has_notes.any() else 0
        idf = np.log((n_docs - df + 0.5) / (df + 0.5) + 1)
        norm = K1 * (1 - B + B * lengths / max(avg, 1.0))
        score += idf * counts * (K1 + 1) / (counts + norm)
    rows = np.flatnonzero(found)
    source = row_numbers(frame)
    order = rows[np.lexsort((source[rows], -np.round(score[rows], 9)))]
    if limit is not None:
        order = order[:limit]
    date = frame["interview_on"].where(frame["interview_on"].notna(), frame["requested_on"])
    snippets, where = [], []
    for r in order.tolist():
        for c in present:
            text = frame[c].iloc[r]
            if keyed[c].iloc[r] and any(p.search(keyed[c].iloc[r]) for p in patterns):
                snippets.append(snippet(str(text), patterns))
                where.append(c)
                break
        else:  # the words are spread over columns: the first column with one of them
            c = next(c for c in present if keyed[c].iloc[r])
            snippets.append(snippet(str(frame[c].iloc[r]), patterns))
            where.append(c)
    res = pd.DataFrame(
        {
            "score": np.round(score[order], 6),
            "contact": _shown(frame, "contact", order),
            "organization": _shown(frame, "organization", order),
            "field": _shown(frame, "field", order),
            "date": date.iloc[order].reset_index(drop=True),
            "column": pd.Series(where, dtype=object),
            "snippet": pd.Series(snippets, dtype=object),
            "source_row": source[order],
        }
    )
    cols = list(TABLES["search_notes"].columns)
    if frame["owner"].notna().any():
        codes, labels = shown_values(prepared, "owner")
        picked = codes[order]
        res["owner"] = pd.Series(
            [labels[p] if p >= 0 else None for p in picked.tolist()], dtype=object
        )
        cols.append("owner")
    out = res[cols]
    out.attrs["gaps"] = note_gaps(prepared, "search_notes", used)
    out.attrs["columns"] = list(used)
    out.attrs["query"] = query
    return out


def _shown(frame: pd.DataFrame, column: str, order: np.ndarray) -> pd.Series:
    values = frame[column].astype(object).to_numpy()[order]
    return pd.Series(
        [None if pd.isna(v) else " ".join(str(v).split()) for v in values], dtype=object
    )
