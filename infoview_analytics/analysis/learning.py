"""What I learned: the themes that recur across the interviews' notes, and what sets fields apart.

The guides say why people hold informational interviews (to learn what the
work is really like) and warn against relying on one or two people. So a
theme here is a word or a phrase of one to three words (scikit-learn's
``CountVectorizer``: stop words removed, accents and case handled by the one
name key) counted by **the distinct people** who said it, not by how often it
was written: a person who wrote "portfolio" in three notes is one voice.

* Only interviews count (the request outcomes as of ``as_of``): notes on a
  request ("On the alumni list") say nothing about the work.
* Names of people and organisations never make a theme (see
  :mod:`.notes`): no theme identifies anyone.
* A phrase and its parts said by the very same people are one theme: the
  longest is kept ("case studies" rather than "case" and "studies").

Examples
--------
>>> import pandas as pd
>>> log = pd.DataFrame({
...     "contact": ["Ana", "Ben", "Chloe"],
...     "organization": ["Acme", "Hooli", "Initech"],
...     "field": ["UX", "UX", "UX"],
...     "status": ["interviewed"] * 3,
...     "notes": ["Build a portfolio first.", "Portfolio reviews matter", "Learn SQL"],
... })
>>> themes(log, as_of="2026-04-17")[["field", "theme", "people", "support"]]
  field      theme  people     support
0    UX  portfolio       2  few_voices
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.args import check_positive_int
from ..core.docs import fill_doc
from ..core.names import row_numbers
from ..core.schema import CATEGORIES
from .docs import DOCS, columns_of
from .needs import gaps
from .notes import (
    BREAK,
    Cells,
    cells,
    count_terms,
    has_text,
    hidden,
    no_notes_gap,
    note_columns,
    organization_phrases,
    people_of_rows,
    person_words,
    proper_nouns,
    read_phrases,
    sentence_list,
    shown_values,
    stop_list,
)
from .prepared import PreparedLog, prepare
from .tables import TABLES

__all__ = ["compare_themes", "themes"]

#: A theme heard from this many organisations or more is well supported.
WELL_SUPPORTED_ORGANIZATIONS = 3
#: A theme resting on this many people or fewer rests on few voices.
FEW_VOICES = 2

_NOTES_DOC = {
    **DOCS,
    "notes_options": """\
min_people : int, default 2
    A theme must be said by at least this many distinct people of its group.
columns : str or list of str, optional
    The columns holding notes (default: ``notes``, ``next_step`` and the
    user's own free-text columns the loader kept, e.g. "Insights").
language : {"english", "spanish", "french", "german", "portuguese"}
    The notes' language. scikit-learn has a stop-word list for English only:
    for another language no words are dropped unless ``stop_words`` is given.
stop_words : list of str, optional
    Words never counted, instead of the language's list.
top : int or None, default 20
    At most this many themes per group (None: all).""",
}


@dataclass
class _Counts:
    """Who said which term: the kept terms, and the people (units) of each group."""

    terms: np.ndarray  # the kept terms (object)
    unit_term: Any  # csr, units x terms, 1 where the unit's notes hold the term
    cell_term: Any  # csr, note cells x terms
    unit_group: np.ndarray  # group of each unit
    unit_row: np.ndarray  # first row of each unit
    cell_group: np.ndarray
    cells: Cells
    stops: frozenset[str]
    labels: pd.DataFrame  # the by columns, one row per group
    by: list[str]
    of_people: np.ndarray  # people with notes per group
    used: list[str]  # the note columns


def _count(
    prepared: PreparedLog,
    by: str | Sequence[str] | None,
    *,
    min_people: int,
    columns: str | Sequence[str] | None,
    language: str,
    stop_words: Any,
) -> _Counts:
    from scipy import sparse

    frame = prepared.frame
    used = note_columns(frame, columns)
    stops = stop_list(language, stop_words)
    cols, groups = prepared.groups(by)
    interviewed = prepared.outcomes["interviewed"].to_numpy(dtype=bool)
    sents = cells(frame, used, interviewed)
    n_groups = len(groups.labels) if cols else 1
    person = people_of_rows(prepared)[sents.row]
    group = groups.codes[sents.row]
    unit_codes, unit_pairs = pd.factorize(group * (int(person.max(initial=0)) + 1) + person)
    n_units = len(unit_pairs)
    unit_group = np.zeros(n_units, dtype=np.int64)
    unit_row = np.zeros(n_units, dtype=np.int64)
    if n_units:
        first = np.flatnonzero(~pd.Series(unit_codes).duplicated().to_numpy())
        unit_group[unit_codes[first]] = group[first]
        unit_row[unit_codes[first]] = sents.row[first]
    of_people = np.bincount(unit_group, minlength=n_groups).astype(np.int64)
    empty = _Counts(
        np.array([], dtype=object),
        sparse.csr_matrix(np.zeros((n_units, 0), dtype=np.int32)),
        sparse.csr_matrix(np.zeros((len(sents.row), 0), dtype=np.int32)),
        unit_group,
        unit_row,
        group,
        sents,
        stops,
        groups.labels,
        cols,
        of_people,
        used,
    )
    if len(sents.row) < min_people:
        return empty
    X, terms = count_terms(sents.text.tolist(), stops, min_df=min_people)
    if not len(terms):  # nothing but stop words, or no term in min_people notes
        return empty
    U = sparse.csr_matrix(
        (np.ones(len(unit_codes), dtype=np.int32), (unit_codes, np.arange(len(unit_codes)))),
        shape=(n_units, len(unit_codes)),
    )
    Y = (U @ X).tocsr()
    Y.data[:] = 1
    G = sparse.csr_matrix(
        (np.ones(n_units, dtype=np.int32), (unit_group, np.arange(n_units))),
        shape=(n_groups, n_units),
    )
    most = np.asarray((G @ Y).max(axis=0).todense()).ravel()
    keep = np.flatnonzero(most >= min_people)
    # Names never make a theme: people's words and organisations' names (module .notes).
    words = person_words(prepared) | {BREAK}
    phrases = organization_phrases(prepared)
    org_words = {w for p in phrases for w in p.split(" ")} - words
    index = pd.Index(terms)
    checked = sorted(w for w in org_words if w in index)
    if checked:
        where = X[:, index.get_indexer(checked)].tocsc()
        text = sents.text.to_numpy(dtype=object)
        for i, w in enumerate(checked):
            rows = where.indices[where.indptr[i] : where.indptr[i + 1]]
            words |= proper_nouns([w], text[rows].tolist())
    keep = keep[~hidden(terms[keep].tolist(), words, phrases)]
    return _Counts(
        terms[keep],
        Y[:, keep].tocsr(),
        X[:, keep].tocsr(),
        unit_group,
        unit_row,
        group,
        sents,
        stops,
        groups.labels,
        cols,
        of_people,
        used,
    )


def _pairs(c: _Counts, min_people: int) -> pd.DataFrame:
    """(group, term, people) for every term said by at least ``min_people`` of a group."""
    from scipy import sparse

    n_groups = len(c.of_people)
    G = sparse.csr_matrix(
        (np.ones(len(c.unit_group), dtype=np.int32), (c.unit_group, np.arange(len(c.unit_group)))),
        shape=(n_groups, len(c.unit_group)),
    )
    counts = (G @ c.unit_term).tocoo()
    pairs = pd.DataFrame(
        {
            "g": counts.row.astype(np.int64),
            "k": counts.col.astype(np.int64),
            "people": counts.data.astype(np.int64),
        }
    )
    return pairs[pairs["people"] >= min_people].reset_index(drop=True)


def _closed(pairs: pd.DataFrame, terms: np.ndarray) -> pd.DataFrame:
    """Drop a term when a longer kept phrase holding it was said by the same people."""
    if pairs.empty:
        return pairs
    index = {t: k for k, t in enumerate(terms.tolist())}
    supers, subs = [], []
    for k in np.unique(pairs["k"].to_numpy()).tolist():
        words = terms[k].split(" ")
        n = len(words)
        for size in range(1, n):
            for start in range(n - size + 1):
                sub = index.get(" ".join(words[start : start + size]))
                if sub is not None:
                    supers.append(k)
                    subs.append(sub)
    if not supers:
        return pairs
    links = pd.DataFrame({"k": supers, "sub": subs})
    covered = pairs.merge(links, on="k").merge(
        pairs.rename(columns={"k": "sub", "people": "sub_people"}), on=["g", "sub"]
    )
    covered = covered.loc[covered["people"] == covered["sub_people"], ["g", "sub"]]
    drop = pd.MultiIndex.from_frame(covered.drop_duplicates())
    mine = pd.MultiIndex.from_frame(pairs[["g", "k"]])
    return pairs[~mine.isin(drop)].reset_index(drop=True)


def _top(
    pairs: pd.DataFrame, terms: np.ndarray, order: list[str], top: int | None
) -> pd.DataFrame:
    """Sort within each group by ``order`` (descending), longer phrases, then the term."""
    pairs = pairs.assign(
        _words=[t.count(" ") + 1 for t in terms[pairs["k"].to_numpy()]],
        _term=terms[pairs["k"].to_numpy()],
    )
    pairs = pairs.sort_values(
        ["g", *order, "_words", "_term"],
        ascending=[True, *([False] * len(order)), False, True],
        kind="stable",
    )
    if top is not None:
        pairs = pairs.groupby("g", sort=False).head(top)
    return pairs.drop(columns=["_words", "_term"]).reset_index(drop=True)


def _labels(c: _Counts, g: np.ndarray) -> pd.DataFrame:
    if not c.by:
        return pd.DataFrame(index=range(len(g)))
    return c.labels.iloc[g].reset_index(drop=True)


def _check(min_people: int, top: int | None) -> tuple[int, int | None]:
    min_people = check_positive_int("min_people", min_people, minimum=1)
    if top is not None:
        top = check_positive_int("top", top, minimum=1)
    return min_people, top


def note_gaps(prepared: PreparedLog, name: str, used: Sequence[str]) -> list[str]:
    """``attrs["gaps"]`` of a notes analysis: the log's needs, the chosen columns' notes."""
    found = gaps(prepared, name)
    if has_text(prepared.frame, used):
        return [g for g in found if "has no notes" not in g]
    if not any("has no notes" in g for g in found):
        found.insert(0, no_notes_gap("what was said in the interviews", used))
    return found


def _finish(table: pd.DataFrame, c: _Counts, prepared: PreparedLog, name: str) -> pd.DataFrame:
    table.attrs["gaps"] = note_gaps(prepared, name, c.used)
    table.attrs["columns"] = list(c.used)
    table.attrs["as_of"] = prepared.as_of
    return table


@fill_doc(_NOTES_DOC, columns=columns_of("themes"))
def themes(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] | None = "field",
    min_people: int = 2,
    columns: str | Sequence[str] | None = None,
    language: str = "english",
    stop_words: Sequence[str] | None = None,
    top: int | None = 20,
    as_of: object = None,
) -> pd.DataFrame:
    """The themes that recur across the interviews' notes, with how many people said each.

    Parameters
    ----------
    %(log)s
    by : str or list of str or None, default "field"
        One table per field (``["owner", "field"]`` in a cohort; None: overall).
    %(notes_options)s
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        One row per group and theme: %(columns)s. ``people`` counts the
        distinct people who said the theme, ``of_people`` the interviewed
        people of the group with notes; ``n_organization`` their distinct
        organisations, ``organizations`` and ``seniorities`` them as written
        ("; "-joined). ``support`` is ``few_voices`` when the theme rests on 1
        or 2 people, ``well_supported`` when heard from 3 or more
        organisations, ``several_voices`` otherwise. ``example`` is the
        sentence of the first interview (in log order) that says it, at
        spreadsheet row ``source_row``. Within a group: most people first,
        then longer phrases, then alphabetical. ``attrs["columns"]`` names
        the columns read; ``attrs["gaps"]`` says when there are no notes.

    Raises
    ------
    InvalidArgumentError
        For an unknown column in ``by`` or ``columns``, an unknown language,
        or ``min_people`` / ``top`` below 1.
    MissingDependencyError
        When scikit-learn is not installed (``pip install "infoview-analytics[notes]"``).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Chloe", "Dev"],
    ...     "organization": ["Acme", "Hooli", "Initech", "Acme"],
    ...     "seniority": ["mid", "senior", "entry", "mid"],
    ...     "field": ["data"] * 4,
    ...     "status": ["interviewed"] * 4,
    ...     "notes": ["SQL first, then Python.", "Learn SQL; ask Ben about Python",
    ...               "SQL every day", "Dashboards"],
    ... })
    >>> t = themes(log, as_of="2026-04-17")
    >>> t[["theme", "people", "of_people", "n_organization", "support"]]
        theme  people  of_people  n_organization         support
    0     sql       3          4               3  well_supported
    1  python       2          4               2      few_voices
    >>> t.loc[0, "organizations"], t.loc[0, "example"], int(t.loc[0, "source_row"])
    ('Acme; Hooli; Initech', 'SQL first, then Python.', 2)
    """
    min_people, top = _check(min_people, top)
    prepared = prepare(log, as_of=as_of)
    c = _count(
        prepared,
        by,
        min_people=min_people,
        columns=columns,
        language=language,
        stop_words=stop_words,
    )
    pairs = _closed(_pairs(c, min_people), c.terms)
    pairs = _top(pairs, c.terms, ["people"], top)
    g, k = pairs["g"].to_numpy(), pairs["k"].to_numpy()
    res = _labels(c, g)
    res["theme"] = pd.Series(c.terms[k], dtype=object)
    res["people"] = pairs["people"].to_numpy(dtype=np.int64)
    res["of_people"] = c.of_people[g] if len(g) else np.array([], dtype=np.int64)
    details = _details(prepared, c, pairs)
    for col in ("n_organization", "organizations", "seniorities", "example", "source_row"):
        res[col] = details[col].to_numpy()
    n_org = res["n_organization"].to_numpy(dtype=np.int64)
    res["support"] = np.select(
        [res["people"].to_numpy() <= FEW_VOICES, n_org >= WELL_SUPPORTED_ORGANIZATIONS],
        ["few_voices", "well_supported"],
        "several_voices",
    ).astype(object)
    out = res[[*c.by, *TABLES["themes"].columns]].reset_index(drop=True)
    return _finish(out, c, prepared, "themes")


def _details(prepared: PreparedLog, c: _Counts, pairs: pd.DataFrame) -> pd.DataFrame:
    """Organisations, seniorities and the first sentence of each (group, term) pair."""
    n = len(pairs)
    out = pd.DataFrame(
        {
            "n_organization": np.zeros(n, dtype=np.int64),
            "organizations": np.full(n, "", dtype=object),
            "seniorities": np.full(n, "", dtype=object),
            "example": np.full(n, "", dtype=object),
            "source_row": np.zeros(n, dtype=np.int64),
        }
    )
    if not n:
        return out
    wanted = pairs[["g", "k"]].assign(_pos=np.arange(n))
    chosen = np.unique(pairs["k"].to_numpy())
    said = c.unit_term[:, chosen].tocoo()
    who = pd.DataFrame({"g": c.unit_group[said.row], "k": chosen[said.col], "unit": said.row})
    who = who.merge(wanted, on=["g", "k"])
    org_codes, org_labels = shown_values(prepared, "organization")
    rows = c.unit_row[who["unit"].to_numpy()]
    who["org"] = org_codes[rows]
    sen_codes, sen_names = shown_values(prepared, "seniority")
    order = list(CATEGORIES["seniority"])
    sen_keys = prepared.name_codes("seniority")[1]
    rank = np.array(
        [order.index(k) if k in order else len(order) + i for i, k in enumerate(sen_keys)],
        dtype=np.int64,
    )
    picked = sen_codes[rows]
    who["sen"] = np.where(picked >= 0, rank[np.maximum(picked, 0)] if len(rank) else -1, -1)
    name_of_rank = dict(zip(rank.tolist(), sen_names.tolist(), strict=True))
    orgs = who[who["org"] >= 0].drop_duplicates(["_pos", "org"])
    out.loc[:, "n_organization"] = (
        orgs.groupby("_pos").size().reindex(range(n), fill_value=0).to_numpy(dtype=np.int64)
    )
    if len(org_labels):
        names = orgs.assign(name=org_labels[orgs["org"].to_numpy()])
        joined = names.groupby("_pos")["name"].agg(
            lambda s: "; ".join(sorted(s, key=lambda v: (v.casefold(), v)))
        )
        out.loc[joined.index, "organizations"] = joined.to_numpy()
    sens = who[who["sen"] >= 0].drop_duplicates(["_pos", "sen"]).sort_values(["_pos", "sen"])
    if len(sens):
        named = sens.assign(name=sens["sen"].map(name_of_rank))
        text = named.groupby("_pos")["name"].agg(", ".join)
        out.loc[text.index, "seniorities"] = text.to_numpy()
    hits = c.cell_term[:, chosen].tocoo()
    where = pd.DataFrame({"g": c.cell_group[hits.row], "k": chosen[hits.col], "s": hits.row})
    first = where.merge(wanted, on=["g", "k"]).groupby("_pos")["s"].min()
    cell = first.to_numpy()
    texts = c.cells.text.to_numpy(dtype=object)[cell]
    themes_of = c.terms[pairs["k"].to_numpy()[first.index.to_numpy()]]
    out.loc[first.index, "example"] = _sentences(texts, themes_of, c.stops)
    out.loc[first.index, "source_row"] = row_numbers(prepared.frame)[c.cells.row[cell]]
    return out


def _sentences(texts: np.ndarray, themes_of: np.ndarray, stops: frozenset[str]) -> list[str]:
    """For each text, its first sentence saying the theme (the whole text when none alone does)."""
    parts = [sentence_list(str(t)) for t in texts]
    flat = [p for ps in parts for p in ps]
    reads = iter(read_phrases(flat, stops))
    out = []
    for text, theme, ps in zip(texts, themes_of, parts, strict=True):
        found = [p for p, read in zip(ps, reads, strict=False) if f" {theme} " in f" {read} "]
        out.append(found[0] if found else " ".join(str(text).split()))
    return out


@fill_doc(_NOTES_DOC, columns=columns_of("compare_themes"))
def compare_themes(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] = "field",
    min_people: int = 2,
    columns: str | Sequence[str] | None = None,
    language: str = "english",
    stop_words: Sequence[str] | None = None,
    top: int | None = 10,
    as_of: object = None,
) -> pd.DataFrame:
    """What one field's interviews stress that the others' do not: the distinctive themes.

    Each term's weight in a group against all other groups is the log-odds
    ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn,
    2008, "Fightin' Words"), on people-level counts: ``y`` the people of the
    group who said the term, ``n`` the sum of ``y`` over the group's terms,
    the prior ``a`` each term's people over all groups (``a0`` their sum)::

        log_odds = log((y + a) / (n + a0 - y - a)) - log((y' + a) / (n' + a0 - y' - a))
        z = log_odds / sqrt(1 / (y + a) + 1 / (y' + a))

    (primes: the other groups). A positive ``z`` means the group says it more
    than the rest; above 1.96 that is unlikely to be chance.

    Parameters
    ----------
    %(log)s
    by : str or list of str, default "field"
        The groups to contrast (``["owner", "field"]`` in a cohort).
    %(notes_options)s
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        One row per group and distinctive term (``z`` > 0, and a larger share
        of the group's people than of the others' said it): %(columns)s.
        ``people`` of the group's ``of_people`` said it (``share``), and
        ``other_people`` of the other groups' ``other_of_people``
        (``other_share``). Within a group, the largest ``z`` first; at most
        ``top`` (default 10) per group. ``attrs["gaps"]`` as in :func:`themes`.

    Raises
    ------
    InvalidArgumentError
        As :func:`themes`.
    MissingDependencyError
        When scikit-learn is not installed.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Chloe", "Dev"],
    ...     "field": ["data", "data", "design", "design"],
    ...     "status": ["interviewed"] * 4,
    ...     "notes": ["SQL and teamwork", "SQL daily, teamwork",
    ...               "Figma and teamwork", "Figma; teamwork"],
    ... })
    >>> compare_themes(log, as_of="2026-04-17")[["field", "theme", "people", "other_people"]]
        field  theme  people  other_people
    0    data    sql       2             0
    1  design  figma       2             0
    """
    min_people, top = _check(min_people, top)
    prepared = prepare(log, as_of=as_of)
    c = _count(
        prepared,
        by,
        min_people=1,
        columns=columns,
        language=language,
        stop_words=stop_words,
    )
    everyone = _pairs(c, 1)
    g, k = everyone["g"].to_numpy(), everyone["k"].to_numpy()
    y = everyone["people"].to_numpy(dtype=float)
    n_groups = len(c.of_people)
    alpha = np.bincount(k, weights=y, minlength=len(c.terms))
    alpha0 = float(alpha.sum())
    n_g = np.bincount(g, weights=y, minlength=n_groups)
    a = alpha[k]
    y_o = a - y  # the prior is each term's pooled people: the others' count is the rest
    n_o = alpha0 - n_g[g]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_odds = np.log((y + a) / (n_g[g] + alpha0 - y - a)) - np.log(
            (y_o + a) / (n_o + alpha0 - y_o - a)
        )
        z = log_odds / np.sqrt(1 / (y + a) + 1 / (y_o + a))
    everyone = everyone.assign(log_odds=log_odds, z=z, other_people=y_o.astype(np.int64))
    # Distinctive: said by a larger share of the group's people than of the others'.
    total = int(c.of_people.sum())
    mine = c.of_people[g]
    more = y * np.maximum(total - mine, 1) > y_o * mine
    chosen = everyone[(everyone["people"] >= min_people) & np.isfinite(z) & (z > 0) & more]
    chosen = _closed(chosen.reset_index(drop=True), c.terms)
    chosen = _top(chosen, c.terms, ["z"], top)
    g, k = chosen["g"].to_numpy(), chosen["k"].to_numpy()
    res = _labels(c, g)
    res["theme"] = pd.Series(c.terms[k], dtype=object)
    res["people"] = chosen["people"].to_numpy(dtype=np.int64)
    res["of_people"] = c.of_people[g] if len(g) else np.array([], dtype=np.int64)
    res["other_people"] = chosen["other_people"].to_numpy(dtype=np.int64)
    res["other_of_people"] = total - res["of_people"].to_numpy(dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        res["share"] = res["people"] / res["of_people"]
        res["other_share"] = np.where(
            res["other_of_people"] > 0, res["other_people"] / res["other_of_people"], np.nan
        )
    res["log_odds"] = chosen["log_odds"].to_numpy(dtype=float)
    res["z"] = chosen["z"].to_numpy(dtype=float)
    out = res[[*c.by, *TABLES["compare_themes"].columns]].reset_index(drop=True)
    return _finish(out, c, prepared, "compare_themes")
