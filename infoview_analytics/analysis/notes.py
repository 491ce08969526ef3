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
* **the sentences**: a note is cut at ``. ! ? ;`` followed by a space, at
  line breaks and at bullets, so a phrase never runs from one remark into
  the next, and every sentence keeps its spreadsheet row;
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
>>> sentences(prepare(log).frame, ["notes", "Advice"]).text.tolist()
['Ana says SQL first.', 'Then R!', 'Build a portfolio with two case studies']
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
class Sentences:
    """The sentences of the notes, in row order, each with its row and column."""

    #: The sentence as written.
    text: pd.Series
    #: Its row's position in the frame.
    row: np.ndarray
    #: The column it comes from (a name of ``columns``).
    column: np.ndarray


def sentences(
    frame: pd.DataFrame, columns: Sequence[str], rows: np.ndarray | None = None
) -> Sentences:
    """The notes of ``rows`` (a boolean mask; default all) in ``columns``, cut into sentences."""
    parts = []
    for order, c in enumerate(columns):
        if c not in frame.columns:
            continue
        s = frame[c].astype(object)
        keep = s.notna().to_numpy().copy()
        if rows is not None:
            keep &= rows
        if not keep.any():
            continue
        cells = pd.Series([str(v) for v in s.to_numpy()[keep]], index=np.flatnonzero(keep))
        pieces = cells.str.split(_SENTENCE_BREAK, regex=True).explode()
        pieces = pieces.astype(object).str.strip()
        pieces = pieces[pieces.str.len() > 0]
        parts.append(pd.DataFrame({"row": pieces.index, "order": order, "text": pieces.values}))
    if not parts:
        empty = np.array([], dtype=np.int64)
        return Sentences(pd.Series([], dtype=object), empty, np.array([], dtype=object))
    # Row by row, each row's columns in the order given, sentences in reading order.
    both = pd.concat(parts, ignore_index=True).sort_values(["row", "order"], kind="stable")
    names = np.asarray(list(columns), dtype=object)
    return Sentences(
        pd.Series(both["text"].to_numpy(dtype=object), dtype=object),
        both["row"].to_numpy(dtype=np.int64),
        names[both["order"].to_numpy()],
    )


def keyed(text: str) -> str:
    """The text under the one name key (case, accents, spacing): the vectorizer's preprocessor.

    Examples
    --------
    >>> keyed("  Café CULTURE\\u00a0matters ")
    'cafe culture matters'
    """
    return key(text) or ""


def person_words(prepared: PreparedLog) -> set[str]:
    """Every word of every person's name in the log (contacts, referrers, owners)."""
    keys = [*prepared.people[2].tolist(), *prepared.name_codes("owner")[1].tolist()]
    return {w for k in keys for w in TOKEN.findall(k)}


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
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(',;:.!?()[]{}"“”/|…–—•·', f" {BREAK} "),
        **dict.fromkeys("-'’_&+*#@<>=~^%$", " "),
    }
)


def phrase_reader(stops: frozenset[str]) -> Any:
    """The vectorizer's preprocessor: the name key, then a break where a phrase cannot go on.

    A phrase never runs across a stop word or punctuation (as RAKE's candidate
    phrases, Rose et al. 2010): "a capstone project with real data" gives
    "capstone project" and "real data", never "project real".

    Examples
    --------
    >>> read = phrase_reader(frozenset({"a", "with"}))
    >>> read("A capstone PROJECT with réal data, then SQL")
    'capstone project zqxbreak real data zqxbreak then sql'
    """

    def read(text: str) -> str:
        words = []
        last = BREAK
        for w in keyed(text).translate(_TRANSLATE).split():
            if w in stops or w == BREAK:
                if last != BREAK:
                    words.append(BREAK)
                last = BREAK
            else:
                words.append(w)
                last = w
        if words and words[-1] == BREAK:
            words.pop()
        return " ".join(words)

    return read


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


def count_vectorizer(*, stop_words: frozenset[str], min_df: int = 1) -> Any:
    """scikit-learn's ``CountVectorizer`` with the notes' rule: 1-3 word phrases, binary counts.

    The preprocessor (:func:`phrase_reader`) applies the one name key, so
    "Café" and "cafe" are one word as names are one name, and breaks phrases
    at stop words and punctuation; scikit-learn tokenizes (:data:`TOKEN_PATTERN`)
    and counts.
    """
    return _sklearn_text().CountVectorizer(
        preprocessor=phrase_reader(stop_words),
        token_pattern=TOKEN_PATTERN,
        ngram_range=(1, 3),
        min_df=min_df,
        binary=True,
        dtype=np.int32,
    )


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
