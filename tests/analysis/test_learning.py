"""Themes and contrasts in the notes, against hand-worked logs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.notes import note_columns, phrase_reader, proper_nouns

AS_OF = "2026-04-17"


def _log() -> pd.DataFrame:
    """Six interviews in two fields, one request; the notes overlap on purpose.

    Worked by hand (stop words dropped, phrases broken at stop words and punctuation):
    data: "sql" Ana, Ben, Chloe (Acme, Hooli, Initech: 3 organisations); "capstone
    project" Ana, Ben (Ana twice: one voice); "python" Chloe only.
    design: "portfolio" Dev, Eve, Finn (Dev and Eve both at Acme); "figma" Dev, Eve.
    Gus was only asked: his "sql sql sql" never counts.
    """
    return pd.DataFrame(
        {
            "contact": [
                "Ana Ruiz",
                "Ben Ode",
                "Chloe Park",
                "Dev Shah",
                "Eve Stone",
                "Finn Lund",
                "Gus Holm",
            ],
            "organization": ["Acme", "Hooli", "Initech", "Acme", "Acme", "Globex", "Hooli"],
            "seniority": ["mid", "senior", "entry", "mid", "senior", "mid", "mid"],
            "field": ["data", "Data", "data", "design", "design", "design", "data"],
            "status": ["interviewed"] * 6 + ["awaiting"],
            "notes": [
                "SQL first. Do a capstone project. A capstone project again!",
                "Learn SQL; a capstone project with real data",
                "SQL and Python",
                "Portfolio, Figma",
                "Figma every day. Ask Ruiz about the portfolio",
                "A portfolio site",
                "sql sql sql",
            ],
            "source_row": [2, 3, 4, 5, 6, 7, 8],
        }
    )


def _by_theme(table: pd.DataFrame, field: str) -> dict[str, int]:
    rows = table[table["field"] == field]
    return dict(zip(rows["theme"], rows["people"], strict=True))


def test_themes_count_distinct_people_per_field() -> None:
    t = iv.themes(_log(), as_of=AS_OF)
    assert _by_theme(t, "data") == {"sql": 3, "capstone project": 2}
    assert _by_theme(t, "design") == {"portfolio": 3, "figma": 2}
    assert t.attrs["gaps"] == []
    assert t.attrs["columns"] == ["notes", "next_step"]


def test_well_supported_and_few_voices() -> None:
    t = iv.themes(_log(), as_of=AS_OF).set_index(["field", "theme"])
    assert t.loc[("data", "sql"), "support"] == "well_supported"
    assert t.loc[("data", "sql"), "n_organization"] == 3
    assert t.loc[("data", "sql"), "organizations"] == "Acme; Hooli; Initech"
    assert t.loc[("data", "sql"), "seniorities"] == "entry, mid, senior"  # category order
    # Three people but two organisations: several voices, not well supported.
    assert t.loc[("design", "portfolio"), "support"] == "several_voices"
    assert t.loc[("design", "portfolio"), "n_organization"] == 2
    assert t.loc[("data", "capstone project"), "support"] == "few_voices"
    assert t.loc[("data", "capstone project"), "of_people"] == 3


def test_example_is_the_first_sentence_saying_it_with_its_row() -> None:
    t = iv.themes(_log(), as_of=AS_OF).set_index(["field", "theme"])
    assert t.loc[("data", "capstone project"), "example"] == "Do a capstone project."
    assert t.loc[("data", "capstone project"), "source_row"] == 2
    assert t.loc[("design", "figma"), "example"] == "Portfolio, Figma"
    assert t.loc[("design", "figma"), "source_row"] == 5


def test_a_phrase_said_by_the_same_people_replaces_its_words() -> None:
    themes = iv.themes(_log(), as_of=AS_OF)["theme"].tolist()
    assert "capstone project" in themes
    assert "capstone" not in themes
    assert "project" not in themes


def test_min_people_one_shows_single_voices_flagged() -> None:
    t = iv.themes(_log(), as_of=AS_OF, min_people=1)
    single = t[(t["field"] == "data") & (t["theme"] == "python")]
    assert single[["people", "support"]].values.tolist() == [[1, "few_voices"]]
    # "real data" (Ben) and the phrase breaks: never "project real".
    assert "project real" not in t["theme"].tolist()
    assert "real data" in t["theme"].tolist()


def test_overall_and_per_owner() -> None:
    log = _log()
    overall = iv.themes(log, by=None, as_of=AS_OF)
    assert list(overall.columns[:2]) == ["theme", "people"]
    assert dict(zip(overall["theme"], overall["people"], strict=True))["portfolio"] == 3
    cohort = pd.concat([log.assign(owner="Ama"), log.assign(owner="Bo")], ignore_index=True)
    per = iv.themes(cohort, by=["owner", "field"], as_of=AS_OF)
    assert per.loc[(per["owner"] == "Bo") & (per["theme"] == "sql"), "people"].tolist() == [3]


def test_the_same_person_twice_is_one_voice() -> None:
    log = pd.concat([_log().iloc[:1], _log().iloc[:1]], ignore_index=True)
    t = iv.themes(log, as_of=AS_OF)
    assert t.empty  # one person, even on two rows, is below min_people=2


def test_names_are_never_themes() -> None:
    log = _log()
    log["notes"] = [
        "Chloe Park said Kestrel hires. Ask Gus.",
        "Chloe runs the Kestrel team; Hooli too",
        "Kestrel and Hooli, says Gus Holm",
        "Dev Shah, dev shah, DEV SHAH",
        "Dev Shah again; Globex bank",
        "a bank and Globex",
        None,
    ]
    log["organization"] = ["Acme", "Hooli", "Kestrel Labs", "Acme", "Globex Bank", "Globex", None]
    t = iv.themes(log, as_of=AS_OF, min_people=1)
    words = {w for theme in t["theme"] for w in theme.split()}
    for name in ("chloe", "park", "gus", "holm", "dev", "shah", "kestrel", "hooli", "globex"):
        assert name not in words, name
    # "bank" is written lower case ("a bank"): a word, kept; "Globex Bank" as a whole is not.
    assert "bank" in words
    assert "globex bank" not in t["theme"].tolist()


def test_accents_and_case_are_one_word() -> None:
    log = _log().iloc[:3].assign(notes=["Café culture", "CAFE CULTURE matters", "cafe\u0301"])
    t = iv.themes(log, as_of=AS_OF)
    assert _by_theme(t, "data") == {"cafe culture": 2, "cafe": 3} or _by_theme(t, "data") == {
        "cafe": 3,
        "cafe culture": 2,
    }


def test_other_free_text_columns_and_columns_argument() -> None:
    log = _log().assign(
        Advice=[
            "Network with alumni groups",
            "Alumni groups are gold",
            None,
            None,
            None,
            None,
            None,
        ],
        Vibe=["great", "good", "ok", "great", "fine", "good", "meh"],
    )
    frame = iv.prepare(log).frame
    assert note_columns(frame) == ["notes", "next_step", "Advice"]
    t = iv.themes(log, as_of=AS_OF)
    assert _by_theme(t, "data")["alumni groups"] == 2
    only = iv.themes(log, as_of=AS_OF, columns="Advice")
    assert only["theme"].tolist() == ["alumni groups"]
    assert only.attrs["columns"] == ["Advice"]


def test_no_notes_is_a_gap_not_an_empty_answer() -> None:
    t = iv.themes(_log().drop(columns="notes"), as_of=AS_OF)
    assert t.empty
    assert "Cannot tell what was said in the interviews" in t.attrs["gaps"][0]
    chosen = iv.themes(_log().assign(Empty=None), columns=["Empty"], as_of=AS_OF)
    assert "`Empty`" in chosen.attrs["gaps"][0]


def test_only_interviews_count_and_as_of_decides() -> None:
    log = _log().assign(
        status="scheduled", interview_on=pd.to_datetime(["2026-03-01"] * 5 + [None] * 2)
    )
    early = iv.themes(log, as_of="2026-02-01")
    assert early.empty
    later = iv.themes(log, as_of=AS_OF)
    assert _by_theme(later, "design") == {"portfolio": 2, "figma": 2}


def test_other_languages_take_stop_words() -> None:
    log = _log().iloc[:2].assign(notes=["la cartera es clave", "una cartera de proyectos"])
    plain = iv.themes(log, language="spanish", as_of=AS_OF)
    assert plain["theme"].tolist() == ["cartera"]
    t = iv.themes(log, language="spanish", stop_words=["la", "es", "una", "de"], as_of=AS_OF)
    assert t["theme"].tolist() == ["cartera"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"by": "feild"}, "The value for `by`"),
        ({"columns": ["Insights"]}, "The value for `columns`"),
        ({"language": "klingon"}, "The value for `language`"),
        ({"min_people": 0}, "The value for `min_people`"),
        ({"top": 0}, "The value for `top`"),
        ({"stop_words": "english"}, "The value for `stop_words`"),
    ],
)
def test_bad_arguments(kwargs, match) -> None:
    with pytest.raises(iv.InvalidArgumentError, match=match):
        iv.themes(_log(), as_of=AS_OF, **kwargs)


def test_the_input_is_not_modified() -> None:
    log = _log()
    before = log.copy()
    iv.themes(log, as_of=AS_OF)
    iv.compare_themes(log, as_of=AS_OF)
    pd.testing.assert_frame_equal(log, before)


def test_missing_scikit_learn_gives_the_install_hint(monkeypatch) -> None:
    import builtins

    real = builtins.__import__

    def fake(name, *args, **kwargs):
        if name.startswith("sklearn"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(
        iv.MissingDependencyError, match=r'pip install "infoview-analytics\[notes\]"'
    ):
        iv.themes(_log(), as_of=AS_OF)


def test_phrase_reader_breaks_at_stop_words_and_punctuation() -> None:
    read = phrase_reader(frozenset({"with", "a"}))
    assert read("Capstone project, with REAL data.") == "capstone project zqxbreak real data"


def test_proper_nouns_are_the_words_never_written_lower_case() -> None:
    assert proper_nouns(["kestrel", "bank"], ["Kestrel Bank", "a bank", "KESTREL"]) == {"kestrel"}


def _fightin_words(y: float, n: float, y_o: float, n_o: float, a: float, a0: float) -> float:
    delta = math.log((y + a) / (n + a0 - y - a)) - math.log((y_o + a) / (n_o + a0 - y_o - a))
    return delta / math.sqrt(1 / (y + a) + 1 / (y_o + a))


def test_compare_themes_is_the_log_odds_with_an_informative_prior() -> None:
    log = _log()
    t = iv.compare_themes(log, as_of=AS_OF, min_people=1, top=None)
    # People-level counts over every term (min_people=1), from themes(min_people=1, by=field).
    every = iv.themes(log, as_of=AS_OF, min_people=1, top=None)
    # The closed-phrase rule drops words inside phrases from the output, not from the counts:
    # recount them from the vectorizer directly.
    from infoview_analytics.analysis.learning import _count, _pairs

    c = _count(
        iv.prepare(log, as_of=AS_OF),
        "field",
        min_people=1,
        columns=None,
        language="english",
        stop_words=None,
    )
    pairs = _pairs(c, 1)
    terms = c.terms[pairs["k"].to_numpy()]
    y = pd.Series(pairs["people"].to_numpy(), index=pd.MultiIndex.from_arrays([pairs["g"], terms]))
    a = y.groupby(level=1).sum()
    n_g = y.groupby(level=0).sum()
    a0 = float(a.sum())
    sql = t[(t["field"] == "data") & (t["theme"] == "sql")].iloc[0]
    g = 0  # data sorts first
    expected = _fightin_words(3, n_g[g], 0, a0 - n_g[g], a["sql"], a0)
    assert sql["z"] == pytest.approx(expected)
    assert (sql["people"], sql["of_people"], sql["other_people"], sql["other_of_people"]) == (
        3,
        3,
        0,
        3,
    )
    assert sql["share"] == 1.0
    assert sql["other_share"] == 0.0
    assert set(every["theme"]) >= set(t["theme"])
    assert (t["z"] > 0).all()
    # Within each field the largest z comes first.
    for _, rows in t.groupby("field"):
        assert rows["z"].is_monotonic_decreasing


def test_compare_themes_finds_what_sets_fields_apart() -> None:
    t = iv.compare_themes(_log(), as_of=AS_OF)
    assert set(t.loc[t["field"] == "data", "theme"]) == {"sql", "capstone project"}
    assert set(t.loc[t["field"] == "design", "theme"]) == {"portfolio", "figma"}


def test_a_word_every_field_says_equally_is_not_distinctive() -> None:
    log = _log().iloc[:6].assign(notes=["teamwork"] * 6)
    assert iv.compare_themes(log, as_of=AS_OF).empty


def test_sample_themes_read_well() -> None:
    t = iv.themes(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    ux = t[t["field"] == "UX research"].set_index("theme")
    assert ux.loc["portfolio", "people"] == 4
    assert ux.loc["portfolio", "support"] == "well_supported"
    assert "kestrel" not in ux.index
    assert "dana" not in ux.index
    assert np.all(t["people"] >= 2)
    policy = t[t["field"] == "Education policy"]
    assert (policy["n_organization"] == 1).all()  # all at one institute: never well supported
