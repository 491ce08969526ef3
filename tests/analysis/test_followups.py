"""3B7 kinds and the follow-up to-do list, against hand-computed dates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoview_analytics import InvalidArgumentError
from infoview_analytics.analysis.followups import classify_contacts, follow_ups_due

AS_OF = "2026-03-20"  # a Friday
DUE_COLUMNS = [
    "contact",
    "organization",
    "action",
    "reason",
    "due_since",
    "business_days_waiting",
    "overdue",
]


def _log(**columns) -> pd.DataFrame:
    data = dict(columns)
    for col in ("requested_on", "followed_up_on", "responded_on", "interview_on"):
        if col in data:
            data[col] = pd.to_datetime(data[col])
    for col in ("thanked_on", "last_contact_on"):
        if col in data:
            data[col] = pd.to_datetime(data[col])
    return pd.DataFrame(data)


def test_classify_tiny_log(tiny_log):
    before = tiny_log.copy()
    out = classify_contacts(tiny_log, as_of=AS_OF)
    assert list(out.columns) == ["contact", "organization", "kind", "business_days", "source_row"]
    # Ana 03-02 -> 03-04: 2; Ben Thu 03-05 -> Thu 03-12: 5; Chloe 3 days, pending;
    # Dev 14 days silent; Eve Tue 03-03 -> Fri 03-06: exactly 3, still answered_quickly;
    # Finn gave up, clock stopped at his follow-up Mon 03-02 (from Fri 02-20: 6);
    # Gus not asked; Hana 03-09 -> 03-10: 1.
    assert out["kind"].tolist() == [
        "answered_quickly",
        "answered_later",
        "pending",
        "no_answer",
        "answered_quickly",
        "no_answer",
        "not_asked",
        "answered_quickly",
    ]
    assert out["business_days"].tolist() == [2, 5, 3, 14, 3, 6, pd.NA, 1]
    assert out["source_row"].tolist() == list(range(2, 10))
    pd.testing.assert_frame_equal(tiny_log, before)


@pytest.mark.parametrize(
    ("requested", "responded", "as_of", "kind", "days"),
    [
        ("2026-03-05", "2026-03-10", AS_OF, "answered_quickly", 3),  # Thu -> Tue over a weekend
        ("2026-03-05", "2026-03-11", AS_OF, "answered_later", 4),  # Thu -> Wed
        ("2026-03-06", "2026-03-07", AS_OF, "answered_quickly", 1),  # answered on a Saturday
        ("2026-03-09", None, "2026-03-17", "pending", 6),  # 6 business days: in the window
        ("2026-03-09", None, "2026-03-18", "no_answer", 7),  # 7: out of the window
        ("2026-03-16", "2026-03-16", AS_OF, "answered_quickly", 0),  # same day
    ],
)
def test_classify_boundaries(requested, responded, as_of, kind, days):
    log = _log(
        contact=["Ana"],
        requested_on=[requested],
        responded_on=[responded],
        status=["replied" if responded else "awaiting"],
    )
    out = classify_contacts(log, as_of=as_of)
    assert (out.loc[0, "kind"], out.loc[0, "business_days"]) == (kind, days)
    assert "source_row" not in out.columns


def test_classify_answer_without_date():
    log = _log(
        contact=["Old", "New"],
        requested_on=["2026-03-02", "2026-03-18"],
        status=["replied", "replied"],
    )
    out = classify_contacts(log, as_of=AS_OF)
    # Old: answered at some point in 14 business days: answered_later. New: asked 2 business days
    # ago, so the answer came within 3: answered_quickly. Neither time is known.
    assert out["kind"].tolist() == ["answered_later", "answered_quickly"]
    assert out["business_days"].isna().all()


def test_follow_ups_tiny_log(tiny_log):
    out = follow_ups_due(tiny_log, as_of=AS_OF)
    assert list(out.columns) == DUE_COLUMNS
    # Dev (Mon 03-02, 14 business days): 3B7 day 3 was Thu 03-05, day 7 Wed 03-11, both
    # overdue. Chloe (Tue 03-17): day 3 is today, not overdue. Finn gave up; Ana and Ben
    # were thanked; nobody interviewed is 60 days quiet.
    expected = pd.DataFrame(
        {
            "contact": ["Dev Shah", "Dev Shah", "Chloe Park"],
            "organization": ["Umbrella", "Umbrella", "Initech"],
            "action": ["contact_second_person", "follow_up", "contact_second_person"],
            "due_since": pd.to_datetime(["2026-03-05", "2026-03-11", "2026-03-20"]),
            "business_days_waiting": [14, 14, 3],
            "overdue": [True, True, False],
        }
    )
    pd.testing.assert_frame_equal(
        out.drop(columns="reason"),
        expected,
        check_dtype=False,
    )
    assert out["reason"].tolist() == [
        "No reply from Dev Shah for 14 business days: find a second person at Umbrella.",
        "No reply from Dev Shah for 14 business days: send them one follow-up.",
        "No reply from Chloe Park for 3 business days: find a second person at Initech.",
    ]


def test_second_person_named_from_the_log_and_done_when_asked():
    log = _log(
        contact=["Ana", "Gus", "Ivy", "Jo", "Kim"],
        organization=["ACME ", "acme", "Acme", "Hooli", "hooli"],
        requested_on=["2026-03-10", None, None, "2026-03-10", "2026-03-12"],
        status=["awaiting", "prospect", "prospect", "awaiting", "awaiting"],
    )
    out = follow_ups_due(log, as_of=AS_OF)
    second = out[out["action"] == "contact_second_person"]
    # Ana (8 business days): Gus is the first prospect at Acme. Jo: Kim at Hooli was asked
    # after Jo, so the second person is done; Kim (6 days) has nobody asked after her.
    assert second["contact"].tolist() == ["Ana", "Kim"]
    assert second["reason"].iloc[0] == (
        "No reply from Ana for 8 business days: ask a second person at ACME , "
        "such as Gus (a prospect in your log)."
    )
    # Jo still gets her one follow-up (8 business days), whatever happens at Hooli.
    assert out[out["action"] == "follow_up"]["contact"].tolist() == ["Ana", "Jo"]


@pytest.mark.parametrize(
    ("followed_up", "as_of", "follow_up_due"),
    [
        (None, "2026-03-11", True),  # Mon 03-02 -> Wed 03-11: 7 business days, due today
        (None, "2026-03-10", False),  # 6 business days: not yet
        ("2026-03-12", AS_OF, False),  # followed up, 6 business days ago: waiting
        ("2026-03-12", "2026-03-23", False),  # 7 since the follow-up: 3B7 says move on
        ("2026-02-27", AS_OF, True),  # a "follow-up" before the request does not count
        ("2026-03-25", AS_OF, True),  # nor one dated after as_of
    ],
)
def test_one_follow_up_only(followed_up, as_of, follow_up_due):
    log = _log(
        contact=["Dev"],
        requested_on=["2026-03-02"],
        followed_up_on=[followed_up],
        status=["awaiting"],
    )
    out = follow_ups_due(log, as_of=as_of)
    assert ("follow_up" in out["action"].tolist()) is follow_up_due


def test_follow_up_due_date_and_overdue():
    log = _log(
        contact=["Dev"],
        organization=["Umbrella"],
        requested_on=["2026-03-02"],
        status=["awaiting"],
    )
    due = follow_ups_due(log, as_of="2026-03-12").set_index("action")
    # Due Wed 03-11; Thu 03-12 is 1 business day later: not overdue yet. Day 3 was Thu 03-05.
    assert due.loc["follow_up", "due_since"] == pd.Timestamp("2026-03-11")
    assert not due.loc["follow_up", "overdue"]
    assert due.loc["contact_second_person", "due_since"] == pd.Timestamp("2026-03-05")
    assert due.loc["contact_second_person", "overdue"]
    assert follow_ups_due(log, as_of="2026-03-13").set_index("action").loc["follow_up", "overdue"]


@pytest.mark.parametrize(
    ("interview", "thanked", "status", "as_of", "expected"),
    [
        ("2026-03-19", None, "interviewed", AS_OF, (True, False)),  # 1 day: due, on time
        ("2026-03-18", None, "interviewed", AS_OF, (True, True)),  # 2 days: overdue
        ("2026-03-20", None, "interviewed", AS_OF, (True, False)),  # today
        ("2026-03-18", "2026-03-19", "interviewed", AS_OF, (False, False)),  # thanked
        ("2026-03-24", None, "scheduled", AS_OF, (False, False)),  # not met yet
    ],
)
def test_thank_you(interview, thanked, status, as_of, expected):
    log = _log(
        contact=["Ana"],
        requested_on=["2026-03-02"],
        responded_on=["2026-03-03"],
        interview_on=[interview],
        thanked_on=[thanked],
        status=[status],
    )
    out = follow_ups_due(log, as_of=as_of)
    thank = out[out["action"] == "thank_you"]
    assert (len(thank) == 1, bool(thank["overdue"].any())) == expected
    if len(thank):
        assert thank["due_since"].iloc[0] == pd.Timestamp(interview)


@pytest.mark.parametrize(
    ("as_of", "days", "due"),
    [("2026-03-11", 60, True), ("2026-03-10", 60, False), ("2026-02-09", 30, True)],
)
def test_keep_in_touch(as_of, days, due):
    log = _log(
        contact=["Ana"],
        requested_on=["2026-01-02"],
        interview_on=["2026-01-05"],
        thanked_on=["2026-01-06"],
        last_contact_on=["2026-01-10"],
        status=["interviewed"],
    )
    out = follow_ups_due(log, as_of=as_of, keep_in_touch_days=days)
    keep = out[out["action"] == "keep_in_touch"]
    assert len(keep) == int(due)
    if due:
        # Last contact Sat 01-10 (latest of the three dates); due `days` later.
        assert keep["due_since"].iloc[0] == pd.Timestamp("2026-01-10") + pd.Timedelta(days=days)
        assert not keep["overdue"].iloc[0]
        assert keep["reason"].iloc[0].startswith(f"No contact with Ana for {days} days")


def test_sorted_overdue_first_then_longest_waiting():
    log = _log(
        contact=["Old", "Thank", "Fresh"],
        organization=["A", "B", "C"],
        requested_on=["2026-02-02", "2026-03-02", "2026-03-11"],
        interview_on=[None, "2026-03-16", None],
        status=["awaiting", "interviewed", "awaiting"],
    )
    out = follow_ups_due(log, as_of=AS_OF)
    assert list(zip(out["contact"], out["action"], out["overdue"], strict=True)) == [
        ("Old", "contact_second_person", True),
        ("Old", "follow_up", True),
        ("Fresh", "contact_second_person", True),  # due Mon 03-16, waiting 7
        ("Thank", "thank_you", True),  # interviewed Mon 03-16, waiting 4
        ("Fresh", "follow_up", False),  # due today
    ]


@pytest.mark.parametrize(
    ("contacts", "expected"),
    [
        # Code point order, as Python sorts text: capitals first, accents after z.
        (["bo", "Ana", "Émile", "Zed", "Ana"], ["Ana", "Ana", "Zed", "bo", "Émile"]),
        (["b", "a\x00", "a"], ["a", "a\x00", "b"]),
        (["\udc80x", "b"], ["b", "\udc80x"]),  # a lone surrogate (bad decoding) still sorts
    ],
)
def test_ties_sorted_by_contact(contacts, expected):
    n = len(contacts)
    try:
        names = pd.Series(contacts, dtype="str")
    except UnicodeEncodeError:
        # Arrow-backed strings are UTF-8 and cannot hold a lone surrogate: with pyarrow,
        # such a name can only reach the analyses as object text.
        names = pd.Series(contacts, dtype=object)
    log = _log(contact=names, requested_on=["2026-03-02"] * n, status=["awaiting"] * n)
    out = follow_ups_due(log, as_of=AS_OF)
    assert (out["action"] == "follow_up").all()  # no organisation: no second person
    assert out["contact"].tolist() == expected


ORGS = ["Acme", "acme ", "ACME", "Globex", None]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ORGS), st.one_of(st.none(), st.integers(0, 20))),
        min_size=1,
        max_size=25,
    )
)
def test_second_person_against_brute_force(rows):
    # Requests on days 0..20 of March 2026 (None: a prospect), as of Friday 03-20.
    orgs = [org for org, _ in rows]
    days = [day for _, day in rows]
    log = _log(
        contact=[f"p{i}" for i in range(len(rows))],
        organization=orgs,
        requested_on=[
            None if d is None else pd.Timestamp("2026-03-01") + pd.Timedelta(days=d) for d in days
        ],
        status=["prospect" if d is None else "awaiting" for d in days],
    )
    out = follow_ups_due(log, as_of=AS_OF)
    second = out[out["action"] == "contact_second_person"]
    key = [None if o is None else o.strip().casefold() for o in orgs]
    as_of = pd.Timestamp(AS_OF)
    asked = [d is not None and log.loc[i, "requested_on"] <= as_of for i, d in enumerate(days)]
    expected = {}
    for i in range(len(rows)):
        if not asked[i] or key[i] is None:
            continue
        asked_on = log.loc[i, "requested_on"]
        waited = np.busday_count(asked_on.date(), as_of.date())
        later = any(
            j != i and asked[j] and key[j] == key[i] and log.loc[j, "requested_on"] >= asked_on
            for j in range(len(rows))
        )
        if waited >= 3 and not later:
            prospects = [f"p{j}" for j in range(len(rows)) if not asked[j] and key[j] == key[i]]
            expected[f"p{i}"] = prospects[0] if prospects else None
    assert sorted(second["contact"]) == sorted(expected)
    for contact, reason in zip(second["contact"], second["reason"], strict=True):
        named = expected[contact]
        assert (f"such as {named} (a prospect" in reason) if named else ("find a second" in reason)


def test_empty_logs():
    empty = pd.DataFrame({"contact": pd.Series([], dtype=object)})
    out = follow_ups_due(empty, as_of=AS_OF)
    assert out.empty
    assert list(out.columns) == DUE_COLUMNS
    kinds = classify_contacts(empty, as_of=AS_OF)
    assert kinds.empty
    assert list(kinds.columns) == ["contact", "organization", "kind", "business_days"]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda log: follow_ups_due(log, keep_in_touch_days=0), "`keep_in_touch_days` must be"),
        (lambda log: follow_ups_due(log, keep_in_touch_days="60"), "whole number >= 1"),
        (lambda log: follow_ups_due(log, as_of="tomorrow-ish"), "`as_of` must be a date"),
        (lambda log: classify_contacts(log, holidays=["not a day"]), "`holidays` must be"),
        (lambda log: classify_contacts("log.xlsx"), "Expected the log as a pandas DataFrame"),
    ],
)
def test_bad_arguments(tiny_log, call, match):
    with pytest.raises(InvalidArgumentError, match=match):
        call(tiny_log)


def test_inputs_are_not_modified(tiny_log):
    before = tiny_log.copy()
    follow_ups_due(tiny_log, as_of=AS_OF)
    classify_contacts(tiny_log, as_of=AS_OF)
    pd.testing.assert_frame_equal(tiny_log, before)


def test_cohort_second_person_is_found_within_the_same_students_network():
    # Two students both know someone at Acme. Only student A has an Acme prospect; B's
    # unanswered request must not suggest A's prospect, and each row says whose it is.
    log = pd.DataFrame(
        {
            "owner": ["A", "A", "B"],
            "contact": ["Ana", "Gus", "Bo"],
            "organization": ["Acme", "Acme", "acme"],
            "requested_on": pd.to_datetime(["2026-03-11", None, "2026-03-11"]),
            "status": ["awaiting", "prospect", "awaiting"],
        }
    )
    todo = follow_ups_due(log, as_of="2026-03-20")
    second = todo[todo["action"] == "contact_second_person"].set_index("contact")
    assert list(todo.columns)[-1] == "owner"
    assert second.loc["Ana", "owner"] == "A"
    assert "such as Gus" in second.loc["Ana", "reason"]
    assert second.loc["Bo", "owner"] == "B"
    assert "Gus" not in second.loc["Bo", "reason"]
    assert "find a second person at acme" in second.loc["Bo", "reason"]


def test_log_without_organization_column():
    log = pd.DataFrame(
        {
            "contact": ["Ana"],
            "requested_on": pd.to_datetime(["2026-03-02"]),
            "status": ["awaiting"],
        }
    )
    todo = follow_ups_due(log, as_of="2026-03-20")
    assert list(todo["action"]) == ["follow_up"]


def test_a_step_due_over_a_weekend_is_due_since_as_of_not_monday():
    log = pd.DataFrame(
        {
            "contact": ["Ana"],
            "organization": ["Acme"],
            "requested_on": pd.to_datetime(["2026-03-11"]),  # a Wednesday
            "status": ["awaiting"],
        }
    )
    todo = follow_ups_due(log, as_of="2026-03-14")  # Saturday: Wed, Thu, Fri waited
    second = todo[todo["action"] == "contact_second_person"]
    assert len(second) == 1
    assert second["due_since"].iloc[0] <= pd.Timestamp("2026-03-14")


# ---------------------------------------------------------------- a yes without a date
def test_thanked_yes_without_date_needs_no_reminder():
    log = _log(
        contact=["Ana", "Bo", "Cy"],
        organization=["Acme", "Globex", "Initech"],
        status=["interviewed"] * 3,
        requested_on=["2026-03-02"] * 3,
        interview_on=["2026-03-16"] * 3,
        thanked_on=[None, None, None],
        thanked=[True, False, False],
    )
    due = follow_ups_due(log, as_of=AS_OF)
    assert due.loc[due["action"] == "thank_you", "contact"].tolist() == ["Bo", "Cy"]


def test_followed_up_yes_without_date_is_the_one_follow_up():
    log = _log(
        contact=["Ana", "Bo"],
        organization=["Acme", "Globex"],
        status=["awaiting"] * 2,
        requested_on=["2026-03-02"] * 2,
        followed_up_on=[None, None],
        followed_up=[True, False],
    )
    due = follow_ups_due(log, as_of=AS_OF)
    assert due.loc[due["action"] == "follow_up", "contact"].tolist() == ["Bo"]


def test_thank_you_sent_yes_through_read_log(tmp_path):
    import infoview_analytics as iv

    (tmp_path / "log.csv").write_text(
        "Name,Company,Date Contacted,Meeting Date,Thank you sent\n"
        "Ana,Acme,2026-03-02,2026-03-16,Yes\n"
        "Bo,Globex,2026-03-02,2026-03-16,No\n"
        "Cy,Initech,2026-03-02,2026-03-16,✓\n"
        "Di,Hooli,2026-03-02,2026-03-16,\n",
        encoding="utf-8",
    )
    result = iv.read_log(tmp_path / "log.csv", as_of=AS_OF)
    assert result.problems.empty
    due = iv.follow_ups_due(result.log, as_of=AS_OF)
    assert due.loc[due["action"] == "thank_you", "contact"].tolist() == ["Bo", "Di"]
