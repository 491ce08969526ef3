"""Which column each header is: a mapping given, an alias, a fuzzy match, or the content.

Private to the loader. The evidence, strongest first:

1. a mapping the user gave (``columns=`` or ``--map``, then the map file beside the log);
2. an alias: the header is one of the phrases of ``core.headers.PHRASES`` (after
   ``schema.normalize_header``; also without leading words such as "My" and a
   trailing "Y/N"), or each of its ``/``-separated parts is;
3. a fuzzy match for typos (rapidfuzz): the folded header is one letter wrong,
   missing, extra or swapped from a phrase (two in headers of 12 letters or more;
   optimal string alignment distance) with the same first letter, no phrase of
   another column is as near,
   and ``fuzz.ratio`` is at least :data:`FUZZY_CUTOFF`. Headers shorter than
   :data:`FUZZY_MIN_LENGTH` letters are never fuzzy-matched;
4. the content (``_content``), for headers still unknown: a sample of the column's values (never
   every row) holding emails, LinkedIn links, phone numbers, names of people in the
   contact column, or known values of one category column; or dates or yes/no
   answers under a header whose words hint at one date column
   (``core.headers.HINTS``).

Two headers wanting the same column: the stronger evidence wins (then the higher
score; for a date column the one holding more dates; then the first). The other
is kept as the user's own column and reported. Headers listed in
``core.headers.NOT_COLUMNS`` (LinkedIn's "Connected On", Notion's "Created
time") are never read as a column unless mapped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from ..core import headers as _phrases
from ..core.names import name_key
from ..core.schema import (
    COLUMNS,
    DATE_COLUMNS,
    FIELDS,
    HEADER_ALIASES,
    header_words,
    normalize_header,
)
from ..core.values import FLAG_COLUMNS
from ._content import (
    CONTACT_ROWS,
    REFERRER_SHARE,
    SAMPLE_ROWS,
    Content,
    content_match,
    date_share,
    sample,
    sniff,
)

__all__: list[str] = []

#: Names the loaded log gives its own columns: a user's column of the same name is renamed.
_TAKEN = frozenset({*COLUMNS, "source_row", "source_file", *FLAG_COLUMNS})

#: A mapping target that keeps a header as the user's own column.
KEEP = "-"
FIRST, LAST = "<first name>", "<last name>"
#: Lowest rapidfuzz ratio (0-100) of a typo and its phrase: one letter off in a header
#: of 6 letters or more passes ("Orgnaization" 92, "Date contcted" 96).
FUZZY_CUTOFF = 85.0
#: A fuzzy or content match scoring below this (0-100) is a reading of low confidence:
#: the analyses relying on the column say so (``core.frame.LOW_CONFIDENCE``).
CONFIDENT = 90.0
#: Shorter folded headers are never fuzzy-matched ("Met at" is not "État").
FUZZY_MIN_LENGTH = 6
#: Headers of this many letters may be two edits from their phrase, shorter ones one.
FUZZY_TWO_EDITS = 12
_FIRST_NAMES = frozenset({"firstname", "givenname", "forename", "first", "vorname", "prenom"})
_LAST_NAMES = frozenset({"lastname", "surname", "familyname", "last", "nachname", "apellido"})


@dataclass(frozen=True)
class Override:
    """A header mapped by the user: the target column (or KEEP) and where it was given."""

    column: str
    source: str  # "override" (columns= or --map) or "map file"
    header: str = ""  # as the user wrote it in the mapping


@dataclass(frozen=True)
class Match:
    """What one header was read as, and the evidence."""

    column: str | None  # a canonical column, FIRST/LAST, or None (kept as the user's own)
    how: str
    score: float = float("nan")  # 100 for a mapping or alias; fuzzy ratio; content share
    detail: str = ""
    rank: int = 0  # strength of the evidence, for two headers wanting one column


_RANK = {"override": 6, "map file": 5, "alias": 4, "first + last name": 4}
_RANK.update({"alias (first part)": 3, "fuzzy": 2, "content": 1})


@dataclass
class HeaderMap:
    """The columns found: positions, the per-header table and the header problems."""

    canonical: dict[str, int] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[object, ...]] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)


_NAN = float("nan")
TABLE_COLUMNS = ("header", "column", "how", "score", "detail", "closest", "closest_score")


# ---------------------------------------------------------------- the phrases
@cache
def _phrase_table() -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Folded phrase -> (phrase as written, language), and the folded phrases in order."""
    written: dict[str, tuple[str, str]] = {}
    for col in FIELDS:
        for text in (col.name, col.label):
            written.setdefault(normalize_header(text), (text, "en"))
        for language, phrases in _phrases.PHRASES[col.name].items():
            for text in phrases:
                written.setdefault(normalize_header(text), (text, language))
    return written, list(HEADER_ALIASES)


@cache
def _not_columns() -> dict[str, str]:
    return {normalize_header(h): why for h, why in _phrases.NOT_COLUMNS.items()}


@cache
def _suffixes() -> tuple[tuple[str, ...], ...]:
    return tuple(header_words(s) for s in _phrases.YES_NO_SUFFIXES)


def _variants(words: tuple[str, ...]) -> list[str]:
    """The folded header, then without a trailing "Y/N", then without leading "My"."""
    found = ["".join(words)]
    for suffix in _suffixes():
        if len(words) > len(suffix) and words[-len(suffix) :] == suffix:
            words = words[: -len(suffix)]
            found.append("".join(words))
            break
    while len(words) > 1 and words[0] in _phrases.FILLER_WORDS:
        words = words[1:]
        found.append("".join(words))
    return found


def _alias(words: tuple[str, ...]) -> str | None:
    for key in _variants(words):
        if key in HEADER_ALIASES:
            return key
    return None


def closest(key: str) -> tuple[str, float, str] | None:
    """The column whose phrase is nearest to a folded header: column, score, phrase."""
    if not key:
        return None
    from rapidfuzz import fuzz, process

    written, keys = _phrase_table()
    found = process.extractOne(key, keys, scorer=fuzz.ratio)
    if found is None:
        return None
    phrase, score, _ = found
    return HEADER_ALIASES[phrase], round(float(score), 1), written[phrase][0]


def nearest_of(header: str, headers: list[str]) -> str | None:
    """The one of ``headers`` nearest to ``header`` as a typo (a mapped header the file
    lacks, a column name misspelt), or None when none is near."""
    from rapidfuzz import fuzz, process

    written = [str(h).strip() for h in headers if str(h).strip()]
    found = process.extractOne(
        normalize_header(header),
        [normalize_header(h) for h in written],
        scorer=fuzz.ratio,
        score_cutoff=70,
    )
    return None if found is None else written[found[2]]


def language_of(key: str) -> str:
    """The language a folded phrase is listed in ("English", ...)."""
    language = _phrase_table()[0].get(key, ("", "en"))[1]
    return _phrases.LANGUAGES[language]


# ---------------------------------------------------------------- one header
def match_header(text: object, overrides: Mapping[str, Override]) -> Match:
    """The column a header names by its words alone (no content), and how."""
    words = header_words(text)
    key = "".join(words)
    if not key:
        return Match(None, "kept (unknown)")
    if key in overrides:
        given = overrides[key]
        column = None if given.column == KEEP else given.column
        return Match(column, given.source, 100.0, "", _RANK[given.source])
    found = _alias(words)
    if found is not None:
        return Match(HEADER_ALIASES[found], "alias", 100.0, language_of(found), _RANK["alias"])
    if key in _FIRST_NAMES:
        return Match(FIRST, "first + last name", 100.0, "", _RANK["first + last name"])
    if key in _LAST_NAMES:
        return Match(LAST, "first + last name", 100.0, "", _RANK["first + last name"])
    if key in _not_columns():
        return Match(None, "kept (unknown)", detail=_not_columns()[key], rank=-1)
    parts = [header_words(p) for p in str(text).split("/")]
    if len(parts) > 1:
        hits = [HEADER_ALIASES[k] for k in map(_alias, parts) if k is not None]
        if hits:
            how = "alias" if len(set(hits)) == 1 else "alias (first part)"
            return Match(hits[0], how, 100.0, "", _RANK[how])
    near = typo_of(_variants(words)[-1])
    if near is not None:
        column, score, phrase = near
        return Match(column, "fuzzy", score, f"close to {phrase!r}", _RANK["fuzzy"])
    return Match(None, "kept (unknown)")


def typo_of(key: str) -> tuple[str, float, str] | None:
    """The column a folded header is a typo of (column, ratio, phrase), if exactly one."""
    if len(key) < FUZZY_MIN_LENGTH:
        return None
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    edits = 2 if len(key) >= FUZZY_TWO_EDITS else 1
    written, keys = _phrase_table()
    hits = process.extract(key, keys, scorer=OSA.distance, score_cutoff=edits, limit=None)
    # People rarely mistype the first letter; words that differ there are other words
    # ("Deadline" is not "Headline").
    hits = [h for h in hits if h[0][0] == key[0]]
    if not hits:
        return None
    nearest = min(distance for _, distance, _ in hits)
    top = [phrase for phrase, distance, _ in hits if distance == nearest]
    if len({HEADER_ALIASES[p] for p in top}) > 1:
        return None  # as near to two columns: say so rather than guess
    score = round(float(fuzz.ratio(key, top[0])), 1)
    if score < FUZZY_CUTOFF:
        return None
    return HEADER_ALIASES[top[0]], score, written[top[0]][0]


# ---------------------------------------------------------------- the content
# ---------------------------------------------------------------- every header
def map_headers(
    headers: list[str], cells: pd.DataFrame, overrides: Mapping[str, Override]
) -> HeaderMap:
    """Decide the column of every header; see the module docstring for the evidence."""
    matches = [match_header(h, overrides) for h in headers]
    has_contact = any(m.column == "contact" for m in matches)
    if has_contact:  # First/Last Name are kept as they are beside a name column
        matches = [
            Match(None, "kept (unknown)") if m.column in (FIRST, LAST) else m for m in matches
        ]
    winner: dict[str, int] = {}
    lost: dict[int, int] = {}  # position -> position of the header that won its column
    for column in dict.fromkeys(m.column for m in matches if m.column is not None):
        claims = [i for i, m in enumerate(matches) if m.column == column]
        if len(claims) > 1:
            claims.sort(key=lambda i: _strength(matches[i], cells.iloc[:, i], column, i))
        winner[column] = claims[0]
        lost.update((i, claims[0]) for i in claims[1:])

    contact_keys = _contact_keys(cells, winner)
    contents: dict[int, Content] = {}
    suggestions: dict[int, list[str]] = {}
    claims_by_content: list[tuple[float, int, Match]] = []
    for i, m in enumerate(matches):
        if m.column is not None or m.how != "kept (unknown)" or m.rank < 0:
            continue
        contents[i] = sniff(sample(cells[i]), contact_keys)
        if contents[i].referrers >= REFERRER_SHARE and _copies_contact(cells, winner, i):
            contents[i] = Content("names", contents[i].share, contents[i].n)
        decided, could = content_match(header_words(headers[i]), contents[i])
        suggestions[i] = could
        if decided is not None:
            found = Match(decided[0], "content", decided[1], decided[2], _RANK["content"])
            claims_by_content.append((-found.score, i, found))
    for _, i, found in sorted(claims_by_content, key=lambda c: (c[0], c[1])):
        if found.column is not None and found.column not in winner:
            winner[found.column] = i
            matches[i] = found
    return _table(headers, cells, matches, winner, lost, contents, suggestions)


def _strength(
    m: Match, values: pd.Series, column: str, position: int
) -> tuple[int, float, float, int]:
    fit = -date_share(values) if column in DATE_COLUMNS else 0.0
    return (-m.rank, -(m.score if m.score == m.score else 0.0), fit, position)


def _copies_contact(cells: pd.DataFrame, winner: dict[str, int], i: int) -> bool:
    """Whether a column of names repeats each row's own contact (a second name column)."""
    if "contact" not in winner:
        return False
    own = name_key(cells[winner["contact"]].iloc[:SAMPLE_ROWS].astype(object))
    other = name_key(cells[i].iloc[:SAMPLE_ROWS].astype(object))
    both = own.notna() & other.notna()
    return bool(both.any()) and float((own[both] == other[both]).mean()) > 0.5


def _contact_keys(cells: pd.DataFrame, winner: dict[str, int]) -> Callable[[], set[str]]:
    """The name keys of the first CONTACT_ROWS contacts, computed once when first asked."""
    found: list[set[str]] = []

    def keys() -> set[str]:
        if not found:
            if "contact" in winner:
                names = cells[winner["contact"]].iloc[:CONTACT_ROWS]
            elif FIRST in winner:
                names = cells[winner[FIRST]].iloc[:CONTACT_ROWS].astype(object).fillna("")
                if LAST in winner:
                    last = cells[winner[LAST]].iloc[:CONTACT_ROWS].astype(object).fillna("")
                    names = names.astype(str) + " " + last.astype(str)
            else:
                names = pd.Series([], dtype=object)
            found.append(set(name_key(names.astype(object)).dropna()))
        return found[0]

    return keys


def _table(
    headers: list[str],
    cells: pd.DataFrame,
    matches: list[Match],
    winner: dict[str, int],
    lost: dict[int, int],
    contents: dict[int, Content],
    suggestions: dict[int, list[str]],
) -> HeaderMap:
    out = HeaderMap()
    for i, (header, m) in enumerate(zip(headers, matches, strict=True)):
        label = str(header).strip()
        if m.column is not None and winner.get(m.column) == i:
            out.canonical[m.column] = i
            shown = "contact" if m.column in (FIRST, LAST) else m.column
            out.rows.append((label, shown, m.how, m.score, m.detail, None, float("nan")))
            continue
        if not label and cells[i].isna().all():
            out.rows.append(("(no header)", "-", "ignored (empty)", _NAN, "", None, _NAN))
            continue
        label = label or f"Unnamed {i + 1}"
        # A second "Company" is kept as "Company (2)"; "Compnay" keeps its own name.
        twin = i in lost and label == str(headers[lost[i]]).strip()
        name, k = (f"{label} (2)", 3) if twin else (label, 2)
        while name in out.unknown or name in _TAKEN:
            name, k = f"{label} ({k})", k + 1
        out.unknown[name] = i
        if i in lost:
            first = str(headers[lost[i]]).strip()
            how = f"kept (duplicate of {first!r})"
            out.problems.append(
                {
                    "column": label,
                    "value": label,
                    "problem": f"duplicate header: {first!r} is already read as {m.column}",
                    "hint": f"rename or delete one of the two columns; {first!r} is used"
                    if m.how == matches[lost[i]].how
                    else f"{first!r} is used ({matches[lost[i]].how}, stronger than {m.how}); "
                    "map the other with --map if it is the right one",
                }
            )
            out.rows.append((label, name, how, m.score, m.detail, m.column, m.score))
            continue
        detail = m.detail
        near = None if m.rank < 0 else closest(_variants(header_words(header))[-1])
        closest_column, closest_score = (near[0], near[1]) if near else (None, float("nan"))
        if i in contents:
            described = contents[i].describe()
            could = suggestions.get(i, [])
            detail = described if not detail else f"{detail}; {described}"
            if could and (closest_column not in could):
                closest_column, closest_score = could[0], float("nan")
        how = f"kept ({m.how})" if m.how in ("override", "map file") else "kept (unknown)"
        out.rows.append((label, name, how, _NAN, detail, closest_column, closest_score))
    return out


#: Header words only British English writes (a British log writes the day first).
_BRITISH = frozenset(
    {"organisation", "organisations", "organisationtype", "programme", "enquiry", "enquiries",
     "surname", "mobile", "postcode", "colour", "favour", "specialisation", "cv"}
)  # fmt: skip


def log_language(headers: list[str], rows: list[tuple[object, ...]]) -> str:
    """The language of a log's headers ("Spanish", "British English", ...; "" when unknown).

    The language listing most of the headers read by alias, a language other than
    English on a tie; English with a British spelling in any header is British English.
    """
    counts: dict[str, int] = {}
    for row in rows:
        if row[2] == "alias" and str(row[4]) in _phrases.LANGUAGES.values():
            counts[str(row[4])] = counts.get(str(row[4]), 0) + 1
    english = counts.pop("English", 0)
    if counts:
        best = max(counts, key=lambda k: counts[k])
        if counts[best] >= english:
            return best
    if not english:
        return ""
    words = {w for h in headers for w in header_words(h)}
    return "British English" if words & _BRITISH else "English"


def low_confidence(table: pd.DataFrame) -> dict[str, dict[str, object]]:
    """The canonical columns read by a fuzzy or content match scoring below CONFIDENT."""
    weak = table[table["how"].isin(["fuzzy", "content"]) & (table["score"] < CONFIDENT)]
    return {
        str(row.column): {"header": str(row.header), "how": str(row.how), "score": row.score}
        for row in weak.itertuples(index=False)
    }
