"""Values as people write them, read through the loader: yes/no, free text, relations, years.

The cleaning functions of _values (relations, referrers, derived status) and
the answer reading of _answers, end to end through ``read_log`` on CSV files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview_analytics.core.values import FLAG_COLUMNS, NO, answer_key
from infoview_analytics.io._values import referrer_answers, split_relations
from infoview_analytics.io.loader import read_log

AS_OF = "2026-04-17"
MAP = {"Replied?": "responded_on", "Thank you sent": "thanked_on", "Met?": "interview_on"}


def _read(tmp_path: Path, text: str, **kw: object):
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    header = text.split("\n", 1)[0]
    columns = {h: c for h, c in MAP.items() if h in header}  # only headers in the file
    return read_log(path, as_of=kw.pop("as_of", AS_OF), columns=columns, **kw)


def _problems(result) -> list[tuple[int, str, str, str]]:
    p = result.problems
    return list(zip(p["source_row"], p["column"], p["value"], p["problem"], strict=True))


# (language, yes, no): as they are typed in a "Replied?" column.
SPELLINGS = [
    ("English", ["Yes", "Y", "yes", "TRUE", "checked", "x", "✓", "✔", "✅"],
     ["No", "N", "FALSE", "unchecked", "not yet", "-"]),
    ("Spanish", ["Sí", "si", "SI"], ["No", "todavía no"]),
    ("French", ["oui", "Oui"], ["non", "Non", "pas encore"]),
    ("German", ["ja", "Ja"], ["nein", "Nein", "noch nicht"]),
    ("Portuguese", ["sim", "Sim"], ["não", "nao", "ainda não"]),
]  # fmt: skip


@pytest.mark.parametrize(("language", "yes", "no"), SPELLINGS)
def test_replied_yes_no_per_language(tmp_path, language, yes, no):
    rows = [f"P{i},2026-03-02,{v}" for i, v in enumerate([*yes, *no])]
    result = _read(tmp_path, "Name,Date Contacted,Replied?\n" + "\n".join(rows) + "\n")
    log = result.log
    assert result.problems.empty, language  # read faithfully: no notes
    assert log["responded"].tolist() == [True] * len(yes) + [False] * len(no)
    assert log["responded_on"].isna().all()  # the date is unknown, and stays NaT
    assert log["responded_on"].dtype == "datetime64[ns]"
    status = log["status"].astype(str).tolist()
    assert status == ["replied"] * len(yes) + ["awaiting"] * len(no)  # "no" is no refusal


@pytest.mark.parametrize(
    ("cell", "responded", "status", "problem"),
    [
        # The call on 2 April took place before as_of (17 April).
        ("yes - call on 4/2", True, "interviewed", "its date '4/2' taken as interview_on"),
        ("declined, busy", True, "declined", "free text read as yes, declined"),
        ("no reply yet", False, "awaiting", None),
        ("✅ Met", True, "interviewed", None),
        ("⏳ Waiting", False, "awaiting", None),
        ("Replied", True, "replied", None),
        ("Converted", True, "interviewed", None),
        ("Dead", False, "no_response", None),
        ("No reply", False, "awaiting", None),  # not yet, not given up
    ],
)
def test_free_text_and_status_words_in_replied(tmp_path, cell, responded, status, problem):
    result = _read(tmp_path, f'Name,Date Contacted,Replied?\nAna,3/20/2026,"{cell}"\n')
    log = result.log
    assert bool(log["responded"].iloc[0]) is responded
    assert log["status"].iloc[0] == status
    texts = result.problems["problem"].tolist()
    if problem is None:
        assert texts == []
    else:
        assert any(problem in t for t in texts), texts


def test_call_date_in_free_text_becomes_the_interview_date(tmp_path):
    result = _read(tmp_path, 'Name,Date Contacted,Replied?\nAna,3/20/2026,"yes - call on 4/22"\n')
    log = result.log
    assert log["interview_on"].iloc[0] == pd.Timestamp("2026-04-22")  # the column's order
    assert log["interviewed"].iloc[0]
    assert log["status"].iloc[0] == "scheduled"  # after as_of
    assert pd.isna(log["responded_on"].iloc[0])
    assert _problems(result) == [
        (2, "responded_on", "yes - call on 4/22",
         "free text read as yes; its date '4/22' taken as interview_on"),
        (2, "responded_on", "yes - call on 4/22", "date without a year, read as 2026-04-22"),
    ]  # fmt: skip


def test_text_date_does_not_overwrite_a_written_date(tmp_path):
    result = _read(
        tmp_path,
        "Name,Date Contacted,Replied?,Meeting Date\n"
        'Ana,3/20/2026,"yes - call on 4/22/2026",4/23/2026\n',
    )
    assert result.log["interview_on"].iloc[0] == pd.Timestamp("2026-04-23")
    assert (
        2,
        "responded_on",
        "yes - call on 4/22/2026",
        "the text gives interview_on 2026-04-22, but interview_on says 2026-04-23",
    ) in _problems(result)


def test_text_dates_read_in_the_column_order(tmp_path):
    # The request column is day-first (17/03), and so is the text date in it.
    result = _read(
        tmp_path, 'Name,Date Contacted\nAna,17/03/2026\nBo,"sent 4/3"\nCy,"sent 4/3/2026"\n'
    )
    assert result.log["requested_on"].tolist() == [
        pd.Timestamp("2026-03-17"),
        pd.Timestamp("2026-03-04"),
        pd.Timestamp("2026-03-04"),
    ]


@pytest.mark.parametrize(
    ("cell", "thanked"),
    [("Yes", True), ("✓", True), ("Sent", True), ("done", True), ("No", False), ("", False)],
)
def test_thank_you_sent(tmp_path, cell, thanked):
    result = _read(tmp_path, f"Name,Meeting Date,Thank you sent\nAna,2026-03-10,{cell}\n")
    assert bool(result.log["thanked"].iloc[0]) is thanked
    assert pd.isna(result.log["thanked_on"].iloc[0])
    assert result.problems.empty


def test_status_column_yes_no_and_free_text(tmp_path):
    result = _read(
        tmp_path,
        "Name,Date Contacted,Status\n"
        "Ana,2026-03-02,Yes\n"
        "Bo,2026-03-02,No\n"
        "Cy,,No\n"
        'Di,2026-03-02,"Bumped 3/9"\n'
        "Ed,2026-03-02,pigeon\n",
    )
    log = result.log
    assert log["status"].astype(str).tolist() == [
        "replied", "awaiting", "prospect", "awaiting", "pigeon"
    ]  # fmt: skip
    assert list(log["status"].cat.categories[-1:]) == ["pigeon"]
    assert log["followed_up_on"].iloc[3] == pd.Timestamp("2026-03-09")
    assert log["followed_up"].tolist() == [False, False, False, True, False]
    rows = _problems(result)
    assert (6, "status", "pigeon", "not a known status value") in rows
    assert any(r[0] == 5 and "taken as followed_up_on" in r[3] for r in rows)
    assert not any(r[0] in (2, 3, 4) for r in rows)  # plain yes/no: no notes


@pytest.mark.parametrize(
    "status", ["Bumped", "Followed up", "Nudged", "Follow-up sent", "Relancé", "nachgefasst"]
)
def test_a_status_saying_the_follow_up_went_out(tmp_path, status):
    # Still waiting, and the one follow-up is done (undated): 3B7 asks for no other.
    from infoview_analytics import follow_ups_due

    result = _read(
        tmp_path,
        f"Name,Company,Date Contacted,Status\nAna,Acme,2026-03-02,{status}\n"
        "Bo,Globex,2026-03-02,Follow-up due\n",
    )
    log = result.log
    assert log["status"].tolist() == ["awaiting", "awaiting"]
    assert log["followed_up"].tolist() == [True, False]
    assert log["followed_up_on"].isna().all()
    assert result.problems.empty
    todo = follow_ups_due(log, as_of=AS_OF)
    assert sorted(zip(todo["contact"], todo["action"], strict=True)) == [
        ("Ana", "contact_second_person"),
        ("Bo", "contact_second_person"),
        ("Bo", "follow_up"),
    ]


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Reunión hecha", "interviewed"),  # a meeting held, not one to come
        ("Entretien fait", "interviewed"),
        ("Reunião feita", "interviewed"),
        ("Gespräch geführt", "interviewed"),
        ("Rechazó", "declined"),
        ("A refusé", "declined"),
        ("Contestó", "replied"),
        ("Hat geantwortet", "replied"),
    ],
)
def test_status_words_in_other_languages(tmp_path, word, status):
    result = _read(tmp_path, f"Name,Date Contacted,Status\nAna,2026-03-02,{word}\n")
    assert result.log["status"].tolist() == [status]
    assert result.problems.empty


def test_status_hint_never_overrides_a_written_status(tmp_path):
    result = _read(
        tmp_path,
        "Name,Date Contacted,Replied?,Status\nAna,2026-03-02,declined,Awaiting\n"
        "Bo,2026-03-02,declined,\n",
    )
    assert result.log["status"].astype(str).tolist() == ["awaiting", "declined"]


def test_real_dates_still_win_over_words(tmp_path):
    result = _read(
        tmp_path,
        "Name,Date Contacted,Replied?,Meeting Date\nAna,2026-03-02,declined,2026-03-10\n",
    )
    assert result.log["status"].iloc[0] == "interviewed"  # the furthest along


# ---------------------------------------------------------------- years
def test_yearless_dates_get_their_year_and_are_reported(tmp_path):
    result = _read(
        tmp_path,
        "Name,Date Contacted,Meeting Date\n"
        "Ana,2026-03-02,Mar 10\n"
        "Bo,March 3,Apr 24\n"
        "Cy,14/4,\n"
        "Di,April 14th,\n",
    )
    log = result.log
    assert log["requested_on"].tolist()[1:] == [pd.Timestamp("2026-03-03"),
                                                 pd.Timestamp("2026-04-14"),
                                                 pd.Timestamp("2026-04-14")]  # fmt: skip
    assert log["interview_on"].iloc[1] == pd.Timestamp("2026-04-24")  # may lie ahead
    assert log["status"].iloc[1] == "scheduled"
    inferred = [r for r in _problems(result) if r[3].startswith("date without a year")]
    assert inferred == [
        (2, "interview_on", "Mar 10", "date without a year, read as 2026-03-10"),
        (3, "requested_on", "March 3", "date without a year, read as 2026-03-03"),
        (3, "interview_on", "Apr 24", "date without a year, read as 2026-04-24"),
        (4, "requested_on", "14/4", "date without a year, read as 2026-04-14"),
        (5, "requested_on", "April 14th", "date without a year, read as 2026-04-14"),
    ]
    hints = result.problems["hint"].str.contains("not after 2026-04-17")
    assert hints.all()


def test_yearless_near_the_year_boundary(tmp_path):
    result = _read(
        tmp_path,
        "Name,Date Contacted\nAna,Dec 28\nBo,Jan 5\nCy,28 Dec\n",
        as_of="2026-01-10",
    )
    assert result.log["requested_on"].tolist() == [
        pd.Timestamp("2025-12-28"),
        pd.Timestamp("2026-01-05"),
        pd.Timestamp("2025-12-28"),
    ]


def test_yearless_dates_follow_an_old_log(tmp_path):
    result = _read(tmp_path, "Name,Date Contacted\nAna,2024-03-01\nBo,2024-03-20\nCy,Mar 12\n")
    assert result.log["requested_on"].iloc[2] == pd.Timestamp("2024-03-12")


# ---------------------------------------------------------------- relations and referrers
NOTION = "https://www.notion.so/{}-0123abcd"


def test_relation_cells_give_names(tmp_path):
    ana, bo = NOTION.format("Ana-Ruiz"), NOTION.format("Bo-Li")
    result = _read(
        tmp_path,
        "Name,Company,Referred By\n"
        f"Ana Ruiz (https://www.notion.so/Ana-Ruiz-9),Acme (https://www.notion.so/Acme-1),\n"
        f"Bo Li,Globex,Ana Ruiz ({ana})\n"
        f'Cy Ng,Initech,"Ana Ruiz ({ana}), Bo Li ({bo})"\n'
        "Di Oz,Hooli,Bo Li\n"
        "Ed Ko,Umbrella,Bo Li (Contacts/Bo%20Li%200123abcd.md)\n",
    )
    log = result.log
    assert log["contact"].tolist() == ["Ana Ruiz", "Bo Li", "Cy Ng", "Di Oz", "Ed Ko"]
    assert log["organization"].iloc[0] == "Acme"
    assert log["referred_by"].tolist()[1:3] == ["Ana Ruiz", "Ana Ruiz"]
    assert log["referred_by"].iloc[4] == "Bo Li"
    for col in ("contact", "organization", "referred_by"):  # never a URL in a name
        assert not log[col].str.contains("http|notion|%20", na=False).any()
    assert _problems(result) == [
        (4, "referred_by", f"Ana Ruiz ({ana}), Bo Li ({bo})",
         "a list of names: the first is read, not Bo Li"),
    ]  # fmt: skip


def test_split_relations_keeps_plain_names_and_commas():
    names, others = split_relations(
        pd.Series(["Ruiz, Ana", "Acme (UK)", None, "Ruiz, Ana (https://x.so/a)"], dtype="str")
    )
    assert names.tolist() == ["Ruiz, Ana", "Acme (UK)", np.nan, "Ruiz, Ana"]
    assert others is None


@pytest.mark.parametrize(
    ("cell", "referred_by", "source", "reported"),
    [
        ("Yes", None, "referral", True),
        ("✓", None, "referral", True),
        ("n/a", None, None, False),
        ("-", None, None, False),
        ("none", None, None, False),
        ("No", None, None, False),
        ("Sim Patel", "Sim Patel", None, False),
        ("Ja", "Ja", None, False),  # a name as likely as a yes: kept
    ],
)
def test_yes_no_under_referred_by(tmp_path, cell, referred_by, source, reported):
    result = _read(tmp_path, f"Name,Referred By\nAna,{cell}\n")
    log = result.log
    got = log["referred_by"].iloc[0]
    assert (None if pd.isna(got) else got) == referred_by
    got = log["source"].iloc[0]
    assert (None if pd.isna(got) else got) == source
    assert (not result.problems.empty) is reported


def test_referrer_answers_leaves_names():
    names, yes = referrer_answers(pd.Series(["Ana", None, "YES", "Oui"], dtype="str"))
    assert names.tolist() == ["Ana", np.nan, np.nan, np.nan]
    assert yes.tolist() == [False, False, True, True]


# ---------------------------------------------------------------- nothing lost
_CELLS = st.one_of(
    st.sampled_from(
        ["Yes", "No", "✓", "declined, busy", "yes - call on 4/2", "Mar 3", "2026-03-02",
         "soon", "?", "x", "Sí", "nein", "3/4/2026", "", "no reply yet"]
    ),
    st.text(alphabet="abcxyz0123456789/ .,-", max_size=12),
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(_CELLS, min_size=1, max_size=12))
def test_property_every_answer_cell_kept_read_or_reported(tmp_path, cells):
    body = "".join(f'P{i},"{c}"\n' for i, c in enumerate(cells))
    result = _read(tmp_path, "Name,Replied?\n" + body)
    log = result.log
    assert len(log) == len(cells)  # no row is lost
    reported = set(result.problems.loc[result.problems["column"] == "responded_on", "source_row"])
    for row, cell in zip(log.itertuples(), cells, strict=True):
        said_no = answer_key(cell) in NO or cell.strip() in ("", "no reply yet")
        read = pd.notna(row.responded_on) or row.responded or said_no
        assert read or row.source_row in reported, cell
    assert set(FLAG_COLUMNS) <= set(log.columns)


def test_a_users_column_named_like_a_flag_is_kept_apart(tmp_path):
    result = _read(tmp_path, "Name,Date Contacted,requested,kept_in_touch\nAna,,x,often\n")
    log = result.log
    assert log["requested (2)"].tolist() == ["x"]  # the user's own column, unchanged
    assert log["kept_in_touch (2)"].tolist() == ["often"]
    assert log["requested"].dtype == bool
