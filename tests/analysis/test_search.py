"""Search of the notes: all words, phrases, case and accents, BM25 ranking, snippets."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.search import query_terms, snippet

AS_OF = "2026-04-17"


def _log() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact": ["Ana", "Ben", "Chloe", "Dev", "Eve"],
            "organization": ["Acme", "Hooli", "Initech", "Acme", None],
            "field": ["dentistry", "dentistry", "law", "dentistry", None],
            "requested_on": pd.to_datetime(["2026-03-01"] * 5),
            "interview_on": pd.to_datetime(["2026-03-10", None, "2026-03-12", None, None]),
            "status": ["interviewed", "awaiting", "interviewed", "awaiting", "prospect"],
            "notes": [
                "Dental school debt is huge; ask about the debt early.",
                "Orthodontics pays better. Dental school debt came up again.",
                "Law school debt too.",
                "DÉBT was not discussed. Dental practice ownership, though.",
                None,
            ],
            "next_step": [None, None, None, "Send the dental article", None],
            "source_row": [2, 3, 4, 5, 6],
        }
    )


def _bm25(tf: list[int], dl: int, avg: float, df: list[int], n: int) -> float:
    k1, b = 1.2, 0.75
    return sum(
        math.log((n - d + 0.5) / (d + 0.5) + 1) * f * (k1 + 1) / (f + k1 * (1 - b + b * dl / avg))
        for f, d in zip(tf, df, strict=True)
    )


def test_every_word_must_match_and_ranking_is_bm25() -> None:
    hits = iv.search_notes(_log(), "debt dental", as_of=AS_OF)
    assert sorted(hits["contact"]) == ["Ana", "Ben", "Dev"]
    # Words: Ana 10, Ben 9, Chloe 4, Dev 8 + 4 (notes and next step); df: debt 4, dental 3.
    lengths = {"Ana": 10, "Ben": 9, "Chloe": 4, "Dev": 12}
    avg = sum(lengths.values()) / 4
    expected = {
        "Ana": _bm25([2, 1], 10, avg, [4, 3], 4),
        "Ben": _bm25([1, 1], 9, avg, [4, 3], 4),
        "Dev": _bm25([1, 2], 12, avg, [4, 3], 4),
    }
    for row in hits.itertuples():
        assert row.score == pytest.approx(expected[row.contact], abs=1e-6)
    assert hits["contact"].tolist() == sorted(expected, key=lambda c: -expected[c])


def test_case_and_accents_are_ignored() -> None:
    upper = iv.search_notes(_log(), "DEBT", as_of=AS_OF)["contact"].tolist()
    accented = iv.search_notes(_log(), "débt", as_of=AS_OF)["contact"].tolist()
    assert sorted(upper) == sorted(accented) == ["Ana", "Ben", "Chloe", "Dev"]


def test_a_quoted_phrase_must_be_there_as_written() -> None:
    hits = iv.search_notes(_log(), '"dental school"', as_of=AS_OF)
    assert hits["contact"].tolist() == ["Ana", "Ben"] or hits["contact"].tolist() == ["Ben", "Ana"]
    assert iv.search_notes(_log(), '"school dental"', as_of=AS_OF).empty


def test_a_word_finds_longer_words_it_starts() -> None:
    assert iv.search_notes(_log(), "orthodont", as_of=AS_OF)["contact"].tolist() == ["Ben"]


def test_snippet_person_organisation_field_date_and_row() -> None:
    hits = iv.search_notes(_log(), "orthodontics", as_of=AS_OF)
    row = hits.iloc[0]
    assert row["snippet"] == "Orthodontics pays better. Dental school debt came up again."
    assert (row["contact"], row["organization"], row["field"]) == ("Ben", "Hooli", "dentistry")
    assert row["date"] == pd.Timestamp("2026-03-01")  # no interview: the request date
    assert (row["column"], row["source_row"]) == ("notes", 3)
    ana = iv.search_notes(_log(), "huge", as_of=AS_OF).iloc[0]
    assert ana["date"] == pd.Timestamp("2026-03-10")


def test_a_match_in_another_column_is_shown_from_it() -> None:
    hits = iv.search_notes(_log(), "article", as_of=AS_OF)
    assert hits[["contact", "column", "snippet"]].values.tolist() == [
        ["Dev", "next_step", "Send the dental article"]
    ]


def test_long_notes_are_cut_around_the_match() -> None:
    long = "We met at the fair. " * 10 + "Orthodontics is where the money is. " + "Bye. " * 30
    log = _log().assign(notes=[long, None, None, None, None], next_step=None)
    text = iv.search_notes(log, "money", as_of=AS_OF).loc[0, "snippet"]
    assert text.startswith("…")
    assert text.endswith("…")
    assert "Orthodontics is where the money is." in text
    assert len(text) < 160


def test_ties_keep_spreadsheet_order_and_limit() -> None:
    log = pd.DataFrame(
        {"contact": list("ABCD"), "notes": ["same words"] * 4, "source_row": [9, 3, 7, 5]}
    )
    hits = iv.search_notes(log, "words", limit=3)
    assert hits["source_row"].tolist() == [3, 5, 7]


def test_owner_column_in_a_cohort() -> None:
    log = _log().assign(owner=["Amy", "amy ", "Bo", "Bo", "Bo"])
    hits = iv.search_notes(log, "debt", as_of=AS_OF)
    assert list(hits.columns)[-1] == "owner"
    assert set(hits["owner"]) == {"Amy", "Bo"}


def test_no_notes_is_a_gap() -> None:
    hits = iv.search_notes(_log().drop(columns=["notes", "next_step"]), "debt")
    assert hits.empty
    assert "has no notes" in hits.attrs["gaps"][0]
    assert iv.search_notes(_log(), "debt").attrs["gaps"] == []


@pytest.mark.parametrize(("query", "kwargs"), [("", {}), ("a !", {}), ("debt", {"limit": 0})])
def test_bad_queries(query, kwargs) -> None:
    with pytest.raises(iv.InvalidArgumentError, match="The value for"):
        iv.search_notes(_log(), query, **kwargs)


def test_query_terms_and_snippet_helpers() -> None:
    assert query_terms('"Case   Study" café x case') == [["case", "study"], ["cafe"], ["case"]]
    import re

    assert snippet("Zoë likes CAFÉS", [re.compile("cafe")]) == "Zoë likes CAFÉS"


def test_sample_search() -> None:
    hits = iv.search_notes(iv.example_log(), "storyline", as_of=iv.SAMPLE_AS_OF)
    assert set(hits["field"]) == {"Instructional design"}
    assert len(hits) == 3
