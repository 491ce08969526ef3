"""The notes of a log: which columns hold what was said, its sentences, and the names to hide.

What the themes (:mod:`.learning`) and the search (:mod:`.search`) share:

* **which columns** count as notes: ``notes`` and ``next_step``, then the
  user's own columns the loader kept (those after the canonical and flag
  columns: "Insights", "Advice", a second "Notes" ...) when they hold free
  text, i.e. the median cell has at least three words (a "Vibe check" column
  of "great" and "good" does not count). ``columns=`` chooses them instead;
* **the text rule**: accents, case and spacing handled by the one name key
  (:func:`~infoview_analytics.core.names.key`), words as scikit-learn's
  tokenizer reads them with :data:`TOKEN_PATTERN` (two or more letters or
  digits with at least one letter: "SQL", "B2B", not "2015");
* **the phrases**: a phrase never runs across a stop word or punctuation
  (:func:`read_phrases`, :func:`count_terms`), so it never runs from one remark
  into the next;
  an example is the sentence (:func:`sentence_list`) that says it;
* **the names to hide**: every word of a person's name (contacts, referrers,
  owners) and every organisation's whole name are never a theme; a single
  word of an organisation's name is hidden too when the notes never write it
  in lower case (a proper noun there, "Kestrel"; "bank" in "Northgate Bank"
  stays a word when someone wrote "a bank").

scikit-learn, which the themes use, is an optional dependency: install it with
``pip install "infoview-analytics[notes]"``. It has an English stop-word list
only; for notes in another language pass your own ``stop_words``.

Examples
--------
>>> import pandas as pd
>>> from infoview_analytics.analysis.prepared import prepare
>>> log = pd.DataFrame({"contact": ["Ana Ruiz"], "notes": ["Ana says SQL first. Then R!"],
...                     "Advice": ["Build a portfolio with two case studies"]})
>>> note_columns(prepare(log).frame)
['notes', 'next_step', 'Advice']
>>> cells(prepare(log).frame, ["notes", "Advice"]).text.tolist()
['Ana says SQL first. Then R!', 'Build a portfolio with two case studies']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.names import key, name_key
from ..core.schema import COLUMNS
from ..core.values import FLAG_COLUMNS
from ..errors import InvalidArgumentError, MissingDependencyError
from .prepared import PreparedLog

__all__: list[str] = []

#: The canonical columns that hold free text.
NOTE_COLUMNS = ("notes", "next_step")
#: Words: two or more word characters with at least one letter (scikit-learn's pattern style).
TOKEN_PATTERN = r"(?u)\b(?=\w*[^\W\d_])\w\w+\b"
TOKEN = re.compile(TOKEN_PATTERN)
#: Where a note is cut into sentences.
_SENTENCE_BREAK = r"(?<=[.!?;])\s+|\s*[\r\n]+\s*|\s+[•·]\s+"
#: Languages the loader recognises; scikit-learn has a stop-word list for English only.
LANGUAGES = ("english", "spanish", "french", "german", "portuguese")
INSTALL_HINT = 'pip install "infoview-analytics[notes]"'
#: Columns the loader adds that are not the user's.
_NOT_USERS = frozenset({*COLUMNS, "source_row", "source_file", *FLAG_COLUMNS})


def note_columns(frame: pd.DataFrame, columns: str | Sequence[str] | None = None) -> list[str]:
    """The columns read as notes: ``columns`` checked, or the default rule (module docstring)."""
    if columns is not None:
        chosen = [columns] if isinstance(columns, str) else list(columns)
        allowed = [c for c in frame.columns if isinstance(c, str)]
        for c in chosen:
            if c not in allowed:
                msg = (
                    "The value for `columns` must name columns of the log holding notes, "
                    f"e.g. {list(NOTE_COLUMNS)}, but {c!r} was passed (the log has "
                    f"{[a for a in allowed if a not in _NOT_USERS or a in NOTE_COLUMNS][:10]})."
                )
                raise InvalidArgumentError(msg)
        return chosen
    own = [
        c
        for c in frame.columns
        if isinstance(c, str) and c not in _NOT_USERS and _free_text(frame[c])
    ]
    return [*NOTE_COLUMNS, *own]


def _free_text(values: pd.Series) -> bool:
    """Whether a user's column holds sentences: its median cell (of the first 500) has 3+ words."""
    present = values.dropna().iloc[:500]
    if not len(present) or not all(isinstance(v, str) for v in present.iloc[:50]):
        return False
    words = present.astype(str).map(lambda v: len(v.split()))
    return bool(words.median() >= 3)


def has_text(frame: pd.DataFrame, columns: Iterable[str]) -> bool:
    """Whether any of ``columns`` holds a non-blank cell."""
    for c in columns:
        if c in frame.columns:
            s = frame[c]
            if s.notna().any() and s.dropna().astype(str).str.strip().ne("").any():
                return True
    return False


@dataclass(frozen=True)
class Cells:
    """The non-blank note cells, row by row (each row's columns in the order asked)."""

    #: The cell as written.
    text: pd.Series
    #: Its row's position in the frame.
    row: np.ndarray
    #: The column it comes from (a name of ``columns``).
    column: np.ndarray


def cells(frame: pd.DataFrame, columns: Sequence[str], rows: np.ndarray | None = None) -> Cells:
    """The notes of ``rows`` (a boolean mask; default all) in ``columns``, one cell each."""
    parts = []
    for order, c in enumerate(columns):
        if c not in frame.columns:
            continue
        s = frame[c].astype(object)
        keep = s.notna().to_numpy().copy()
        if rows is not None:
            keep &= rows
        text = pd.Series([str(v) for v in s.to_numpy()[keep]], dtype=object)
        where = np.flatnonzero(keep)
        filled = text.str.strip().str.len().to_numpy() > 0
        parts.append(pd.DataFrame({"row": where[filled], "order": order, "text": text[filled]}))
    if not parts:
        empty = np.array([], dtype=np.int64)
        return Cells(pd.Series([], dtype=object), empty, np.array([], dtype=object))
    both = pd.concat(parts, ignore_index=True).sort_values(["row", "order"], kind="stable")
    names = np.asarray(list(columns), dtype=object)
    return Cells(
        pd.Series(both["text"].to_numpy(dtype=object), dtype=object),
        both["row"].to_numpy(dtype=np.int64),
        names[both["order"].to_numpy()],
    )


def sentence_list(text: str) -> list[str]:
    """A note cut into sentences (at ``. ! ? ;`` and a space, line breaks, bullets).

    Examples
    --------
    >>> sentence_list("Ana says SQL first; then R!\\n- and Python")
    ['Ana says SQL first', 'then R!', '- and Python']
    """
    parts = (p.strip().removesuffix(";").rstrip() for p in re.split(_SENTENCE_BREAK, text))
    return [p for p in parts if p]


def person_words(prepared: PreparedLog) -> set[str]:
    """Every word of every person's name in the log (contacts, referrers, owners)."""
    keys = [*prepared.people[2].tolist(), *prepared.name_codes("owner")[1].tolist()]
    return set(TOKEN.findall(" ".join(keys)))


def organization_phrases(prepared: PreparedLog) -> list[str]:
    """The organisations' names as word sequences ("northgate bank")."""
    phrases = (" ".join(TOKEN.findall(k)) for k in prepared.name_codes("organization")[1])
    return sorted({p for p in phrases if p})


def proper_nouns(words: Iterable[str], texts: Sequence[str]) -> set[str]:
    """The ``words`` that ``texts`` never write with a lower-case first letter.

    ``texts`` are the sentences holding each word (already narrowed by the
    caller); the search stops at a word's first lower-case use.

    Examples
    --------
    >>> sorted(proper_nouns(["kestrel", "bank"], ["Kestrel is a bank.", "Bank on it"]))
    ['kestrel']
    """
    found = set()
    joined = "\n".join(texts)
    for w in words:
        pattern = re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE)
        if not any(m.group()[0].islower() for m in pattern.finditer(joined)):
            found.add(w)
    return found


def hidden(terms: Sequence[str], words: set[str], phrases: Sequence[str]) -> np.ndarray:
    """Which ``terms`` (space-joined words) hold a hidden word or a whole hidden phrase."""
    out = np.zeros(len(terms), dtype=bool)
    padded = [f" {p} " for p in phrases]
    for i, term in enumerate(terms):
        if any(w in words for w in term.split(" ")):
            out[i] = True
        elif padded:
            t = f" {term} "
            out[i] = any(p in t for p in padded if len(p) <= len(t))
    return out


def stop_list(language: str, stop_words: Any) -> frozenset[str]:
    """The stop words: ``stop_words`` when given, else the language's (scikit-learn's English)."""
    if language not in LANGUAGES:
        msg = (
            f"The value for `language` must be one of {list(LANGUAGES)}, "
            f"but {language!r} was passed."
        )
        raise InvalidArgumentError(msg)
    if stop_words is not None:
        if isinstance(stop_words, str):
            msg = (
                "The value for `stop_words` must be a list of words (or None for the "
                f"language's own list), but {stop_words!r} was passed."
            )
            raise InvalidArgumentError(msg)
        return frozenset(k for w in stop_words if (k := key(w)))
    if language != "english":
        return frozenset()
    return frozenset(_sklearn_text().ENGLISH_STOP_WORDS)


#: The word that stands where a phrase breaks (a stop word, a comma ...); never a theme.
BREAK = "zqxbreak"
#: Punctuation that ends a phrase; other punctuation only separates words ("parent-teacher").
#: Mapped one character to one (str.translate's fast path); the end mark then becomes BREAK.
_END = "\x01"
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(',;:.!?()[]{}\\"“”/|…–—•·', _END),
        **dict.fromkeys("-'’_&+*#@<>=~^%$", " "),
    }
)


def _read(texts: Sequence[str], stops: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' words in one array (``"\x02"`` where a text ends) and which are breaks.

    A run of breaks is one break, and no text starts or ends with one.
    """
    keyed = name_key(pd.Series(list(texts), dtype=object)).fillna("")
    # "\x02" marks where a text ends (taken out of the texts first, should one hold it).
    joined = " \x02 ".join(keyed.tolist())
    if joined.count("\x02") != len(keyed) - 1:
        joined = " \x02 ".join(k.replace("\x02", " ") for k in keyed.tolist())
    words = np.asarray(
        joined.translate(_TRANSLATE).replace(_END, f" {BREAK} ").split(), dtype=object
    )
    end = words == "\x02"
    stop = pd.Series(words, dtype=object).isin(list(stops)).to_numpy() | (words == BREAK)
    # A run of breaks is one break; none at a text's start or end.
    before = np.empty_like(stop)
    before[:1], before[1:] = True, stop[:-1] | end[:-1]
    kept = ~(stop & before)
    words, stop, end = words[kept], stop[kept], end[kept]
    after = np.empty_like(stop)
    after[-1:], after[:-1] = True, end[1:]
    kept = ~(stop & after)
    return words[kept], stop[kept]


def read_phrases(texts: Sequence[str], stops: frozenset[str]) -> list[str]:
    """The texts as the vectorizer reads them: the name key, then a break where a phrase stops.

    A phrase never runs across a stop word or punctuation (as RAKE's candidate
    phrases, Rose et al. 2010): "a capstone project with real data" gives
    "capstone project" and "real data", never "project real". The texts are
    keyed together (:func:`~infoview_analytics.core.names.name_key`, the one
    rule) and their words looked up in one pass, instead of one Python call
    per text (measured on 38k notes of 30 words: 0.7 s instead of 4.5 s).

    Examples
    --------
    >>> read_phrases(["A capstone PROJECT with réal data, then SQL", "with"],
    ...              frozenset({"a", "with"}))
    ['capstone project zqxbreak real data zqxbreak then sql', '']
    """
    if not len(texts):
        return []
    words, stop = _read(texts, stops)
    words[stop] = BREAK
    return [t.strip() for t in " ".join(words.tolist()).split("\x02")]


def phrase_reader(stops: frozenset[str]) -> Any:
    """:func:`read_phrases` of one text.

    Examples
    --------
    >>> phrase_reader(frozenset({"with"}))("Capstone project, with REAL data.")
    'capstone project zqxbreak real data'
    """
    return lambda text: read_phrases([text], stops)[0]


def _sklearn_text() -> Any:
    try:
        from sklearn.feature_extraction import text  # type: ignore[import-untyped]
    except ImportError as exc:
        msg = (
            "Themes in the notes need scikit-learn, which is not installed. "
            f"Install it with: {INSTALL_HINT}"
        )
        raise MissingDependencyError(msg) from exc
    return text


def read_stretches(texts: Sequence[str], stops: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """The stretches between two breaks of :func:`read_phrases`, and the text each is in.

    Examples
    --------
    >>> stretches, text = read_stretches(["A capstone PROJECT with réal data", "with", "SQL"],
    ...                                  frozenset({"a", "with"}))
    >>> stretches.tolist(), text.tolist()
    (['capstone project', 'real data', 'sql'], [0, 0, 2])
    """
    if not len(texts):
        return np.array([], dtype=object), np.array([], dtype=np.int64)
    words, stop = _read(texts, stops)
    end = words == "\x02"
    word = ~(stop | end)
    text = np.cumsum(end)[word]
    first = np.empty_like(word)
    first[:1], first[1:] = True, ~word[:-1]
    first = first[word]
    # One string of the stretches, a line each, cut in C: a join per stretch costs 3x.
    pieces = np.empty(2 * len(text), dtype=object)
    pieces[0::2] = np.where(first, "\n", " ")
    pieces[1::2] = words[word]
    joined = "".join(pieces.tolist())[1:]
    stretches = np.asarray(joined.split("\n") if joined else [], dtype=object)
    return stretches, text[first].astype(np.int64)


def count_terms(
    texts: Sequence[str], stops: frozenset[str], *, min_df: int = 1
) -> tuple[Any, np.ndarray]:
    """Which texts hold which terms: 1-3 word phrases of :func:`read_stretches`, binary counts.

    scikit-learn's ``CountVectorizer`` (the words of :data:`TOKEN_PATTERN`,
    1-3 word n-grams, its vocabulary) reads each distinct stretch between two
    breaks once, so no phrase spans a break; a sparse product of the texts'
    stretches by the stretches' terms then gives the texts' terms. Notes
    repeat their short stretches ("follow up", "real data"), so this replaces
    one analyzer call per stretch of every text, and a dictionary look-up
    per phrase (measured on 38k notes of 30 words, reading included: 1.0 s
    instead of 2.4 s).

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        Texts x terms, int32, 1 where the text holds the term.
    terms : numpy.ndarray
        The terms held by at least ``min_df`` texts, sorted.
    """
    from scipy import sparse

    stretches, text = read_stretches(texts, stops)
    codes, distinct = pd.factorize(stretches)
    vec = _sklearn_text().CountVectorizer(
        lowercase=False, token_pattern=TOKEN_PATTERN, ngram_range=(1, 3), dtype=np.int32
    )
    none = sparse.csr_matrix(np.zeros((len(texts), 0), dtype=np.int32))
    try:
        terms_of = vec.fit_transform(np.asarray(distinct, dtype=object).tolist())
    except ValueError:  # no stretch, or nothing but numbers and single letters
        return none, np.array([], dtype=object)
    holds = sparse.csr_matrix(
        (np.ones(len(codes), dtype=np.int32), (text, codes)), shape=(len(texts), len(distinct))
    )
    matrix = sparse.csr_matrix(holds @ terms_of)
    matrix.data[:] = 1
    terms = np.asarray(vec.get_feature_names_out(), dtype=object)
    df = np.bincount(matrix.indices, minlength=len(terms))
    if (df < min_df).any():
        keep = np.flatnonzero(df >= min_df)
        matrix, terms = matrix[:, keep].tocsr(), terms[keep]
    return matrix, terms


def people_of_rows(prepared: PreparedLog) -> np.ndarray:
    """A person number per row: the contact's name code, or a number of its own when blank."""
    codes = prepared.people[0].copy()
    blank = codes < 0
    codes[blank] = codes.max(initial=-1) + 1 + np.arange(int(blank.sum()))
    return codes


def shown_values(prepared: PreparedLog, column: str) -> tuple[np.ndarray, np.ndarray]:
    """Name codes of ``column`` and each code's value as first written (stripped)."""
    codes, keys = prepared.name_codes(column)
    written = prepared.frame[column].astype(object).to_numpy()
    have = np.flatnonzero(codes >= 0)
    first = have[~pd.Series(codes[have]).duplicated().to_numpy()]
    labels = np.asarray([str(v).strip() for v in written[first]], dtype=object)
    return codes, labels[: len(keys)]


def no_notes_gap(what: str, columns: Sequence[str]) -> str:
    """The sentence of ``attrs["gaps"]`` when the notes columns hold nothing."""
    shown = " or ".join(f"`{c}`" for c in columns) or "`notes`"
    return (
        f"Cannot tell {what}: the log has no notes (no column was read as {shown}, or it "
        "is empty). Fill them in, or map the column that holds them: "
        "`infoview validate LOG` shows how each header was read."
    )


def column_key(values: pd.Series) -> pd.Series:
    """The texts under the name key (blank -> '')."""
    return name_key(values.astype(object)).fillna("")
