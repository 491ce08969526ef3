"""The memo of derived arrays: hits only on equal contents, never a stale answer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.analysis.grouping import value_codes
from infoview_analytics.core import memo as _memo
from infoview_analytics.core.names import name_codes
from infoview_analytics.io.loader import load_log
from infoview_analytics.io.sample import example_log_path

AS_OF = "2026-04-17"


def counted(values):
    """A compute function for ``values`` that records how often it ran."""
    calls = []

    def compute():
        calls.append(1)
        return pd.factorize(np.asarray(values, dtype=object))[0]

    return compute, calls


@pytest.mark.parametrize(
    "make",
    [
        lambda: pd.Series(["Ana", "Ben", None, "Ana"], dtype="str"),
        lambda: pd.Series(["Ana", "Ben", None, "Ana"], dtype=object),
        lambda: np.array(["Ana", "Ben", None, "Ana"], dtype=object),
        lambda: pd.Series(pd.to_datetime(["2026-03-02", None, "2026-03-04", "2026-03-02"])),
        lambda: pd.Series([1.5, np.nan, 2.0, 1.5]),
        lambda: pd.Series(["email", "phone", None, "email"], dtype="category"),
        lambda: pd.Series([True, False, True, True]),
    ],
    ids=["str", "object", "ndarray", "dates", "floats-with-nan", "category", "bool"],
)
def test_same_contents_compute_once(make):
    values = make()
    compute, calls = counted(values)
    first = _memo.remembered("t", [values], compute)
    again = _memo.remembered("t", [values], compute)
    copied = values.copy()
    third = _memo.remembered("t", [copied], compute)
    assert len(calls) == 1
    assert first is again is third
    assert _memo.stats() == {"hits": 2, "misses": 1, "entries": 1}


def test_other_step_or_params_compute_again():
    values = pd.Series(["a", "b"], dtype="str")
    compute, calls = counted(values)
    _memo.remembered("t", [values], compute, params=1)
    _memo.remembered("t", [values], compute, params=2)
    _memo.remembered("u", [values], compute, params=1)
    assert len(calls) == 3


@pytest.mark.parametrize(
    ("values", "edit"),
    [
        (pd.Series(["Ana", "Ben", "Cy"], dtype="str"), "Dee"),
        (pd.Series(["Ana", "Ben", "Cy"], dtype=object), "Dee"),
        (
            pd.Series(pd.to_datetime(["2026-03-02", "2026-03-03", None])),
            pd.Timestamp("2026-03-09"),
        ),
        (pd.Series(["email", "phone", "email"], dtype="category"), "phone"),
        (pd.Series([1.0, 2.0, np.nan]), 7.0),
    ],
    ids=["str", "object", "dates", "category", "floats"],
)
def test_an_edit_in_place_is_seen(values, edit):
    calls = []

    def compute():
        calls.append(1)
        return np.array(values, dtype=object)  # a snapshot of the values

    before = _memo.remembered("t", [values], compute).tolist()
    values.iloc[0] = edit
    after = _memo.remembered("t", [values], compute).tolist()
    assert len(calls) == 2
    assert after[0] == edit
    assert after[0] != before[0]
    assert after[1] == before[1]


def test_equal_text_in_new_objects_is_right():
    # Equal strings that are other objects are a miss (addresses differ), never a wrong hit.
    a = pd.Series(["".join(["An", "a"]), "Ben"], dtype=object)
    b = pd.Series(["".join(["A", "na"]), "Ben"], dtype=object)
    codes_a = name_codes(a)[0].tolist()
    codes_b = name_codes(b)[0].tolist()
    assert codes_a == codes_b == [0, 1]


def test_results_are_read_only():
    codes, keys = name_codes(pd.Series(["Ana", " ana", "Ben"], dtype="str"))
    assert codes.tolist() == [0, 0, 1]
    with pytest.raises(ValueError, match="read-only"):
        codes[0] = 5
    with pytest.raises(ValueError, match="read-only"):
        keys[0] = "x"
    # A fresh copy is returned to the next caller unchanged.
    assert name_codes(pd.Series(["Ana", " ana", "Ben"], dtype="str"))[0].tolist() == [0, 0, 1]


def test_unsupported_inputs_are_computed_every_time():
    values = pd.Series([1, None, 3], dtype="Int64")  # masked: no cheap fingerprint
    compute, calls = counted(values)
    _memo.remembered("t", [values], compute)
    _memo.remembered("t", [values], compute)
    assert len(calls) == 2
    assert _memo.stats()["entries"] == 0


def test_budget_evicts_least_recently_used(monkeypatch):
    monkeypatch.setattr(_memo, "BUDGET_BYTES", 3_000)
    cols = [pd.Series(np.arange(100) + i) for i in range(3)]  # 800 bytes kept + 800 result each
    for col in cols:
        _memo.remembered("t", [col], lambda col=col: col.to_numpy() * 2)
    assert _memo.stats()["entries"] == 1  # 1,600 bytes each: only the newest fits
    compute, calls = counted(cols[2])
    _memo.remembered("t", [cols[2]], compute)
    assert calls == []
    big = pd.Series(np.arange(1_000))
    _memo.remembered("t", [big], lambda: big.to_numpy() * 2)
    assert _memo.stats()["entries"] == 1  # too big to keep: not stored, nothing evicted


def test_value_codes_shared_across_copies():
    owners = pd.Series(["amy", "bo", None, "amy"], dtype="str")
    codes, values = value_codes(owners)
    assert codes.tolist() == [0, 1, -1, 0]
    assert values.tolist() == ["amy", "bo"]
    assert value_codes(owners.copy())[0] is codes


def test_analyses_follow_a_log_edited_in_place():
    # The analyses of a log, changed in place between calls, equal those of a fresh copy.
    log = load_log(example_log_path(), as_of=AS_OF).copy()

    def results(frame):
        return (
            iv.response_rates(frame, by="channel", as_of=AS_OF),
            iv.referral_chains(frame, as_of=AS_OF),
            iv.coverage(frame, as_of=AS_OF),
            iv.follow_ups_due(frame, as_of=AS_OF),
        )

    results(log)  # fills the memo
    first = log.index[0]
    log.loc[first, "status"] = "declined"
    log.loc[first, "contact"] = "Someone Else"
    log.loc[log.index[1], "referred_by"] = "Someone Else"
    log.loc[log.index[2], "organization"] = "A New Org"
    log.loc[log.index[3], "requested_on"] = pd.Timestamp("2026-04-16")
    edited = results(log)
    _memo.clear()
    fresh = results(log.copy(deep=True))
    for got, want in zip(edited, fresh, strict=True):
        pd.testing.assert_frame_equal(got, want)
