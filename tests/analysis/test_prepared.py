"""The prepared log: shared steps computed once per object, never a stale or shared answer."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pandas as pd
import pytest

import infoview_analytics as iv
from infoview_analytics.errors import InvalidArgumentError

AS_OF = iv.SAMPLE_AS_OF


def _analyses(log):
    return {
        "rates": iv.response_rates(log, by="warmth", as_of=AS_OF),
        "funnel": iv.funnel(log, as_of=AS_OF),
        "activity": iv.activity(log, as_of=AS_OF),
        "time": iv.time_to_response(log, by="channel", as_of=AS_OF),
        "summary": iv.response_time_summary(log, as_of=AS_OF),
        "kinds": iv.classify_contacts(log, as_of=AS_OF),
        "todo": iv.follow_ups_due(log, as_of=AS_OF),
        "thanks": iv.thank_you_timeliness(log, as_of=AS_OF),
        "meetings": iv.meeting_discipline(log),
        "chains": iv.referral_chains(log, as_of=AS_OF),
        "problems": iv.referral_problems(log),
        "referrals": iv.referral_summary(log, as_of=AS_OF),
        "coverage": iv.coverage(log, as_of=AS_OF),
        "matrix": iv.perspective_matrix(log, as_of=AS_OF),
        "cohort": iv.cohort_summary(log, as_of=AS_OF),
    }


def test_every_analysis_gives_the_same_table_on_a_prepared_log():
    log = iv.example_log()
    prepared = iv.prepare(log, as_of=AS_OF)
    plain, shared = _analyses(log), _analyses(prepared)
    for name, table in plain.items():
        pd.testing.assert_frame_equal(shared[name], table, obj=name)


def test_preparing_a_prepared_log_returns_it():
    prepared = iv.prepare(iv.example_log(), as_of=AS_OF)
    assert iv.prepare(prepared) is prepared
    assert iv.prepare(prepared, as_of=AS_OF) is prepared
    assert prepared.at() is prepared


def test_another_day_shares_the_day_free_steps_only():
    prepared = iv.prepare(iv.example_log(), as_of=AS_OF)
    later = iv.prepare(prepared, as_of="2026-05-01")
    assert later is not prepared
    assert later.as_of == pd.Timestamp("2026-05-01")
    assert later.forest is prepared.forest  # names only: no day in it
    assert later.outcomes is not prepared.outcomes
    # An analysis given another day recomputes for that day, as on the plain log.
    pd.testing.assert_frame_equal(
        iv.follow_ups_due(prepared, as_of="2026-05-01"),
        iv.follow_ups_due(iv.example_log(), as_of="2026-05-01"),
    )


def test_holidays_change_the_calendar_of_the_steps():
    log = iv.example_log()
    prepared = iv.prepare(log, as_of=AS_OF)
    holidays = ["2026-04-03", "2026-04-06"]
    pd.testing.assert_frame_equal(
        iv.follow_ups_due(prepared, holidays=holidays),
        iv.follow_ups_due(log, as_of=AS_OF, holidays=holidays),
    )
    assert iv.prepare(prepared, holidays=holidays) is not prepared


def test_a_step_is_computed_once_per_prepared_log():
    prepared = iv.prepare(iv.example_log(), as_of=AS_OF)
    assert prepared.outcomes is prepared.outcomes
    assert prepared.forest is prepared.forest
    assert prepared.answer_times() is prepared.answer_times()
    assert prepared.groups("channel")[1] is prepared.groups(["channel"])[1]


def test_a_prepared_log_cannot_be_changed_and_its_arrays_are_read_only():
    prepared = iv.prepare(iv.example_log(), as_of=AS_OF)
    with pytest.raises(AttributeError, match="cannot be changed"):
        prepared.as_of = pd.Timestamp("2026-01-01")
    codes, _ = prepared.name_codes("organization")
    with pytest.raises(ValueError, match="read-only"):
        codes[0] = 99


def test_the_callers_log_is_untouched():
    log = iv.example_log()
    before = log.copy(deep=True)
    flags = [log[c].to_numpy().flags.writeable for c in log.columns]
    _analyses(iv.prepare(log, as_of=AS_OF))
    pd.testing.assert_frame_equal(log, before)
    assert [log[c].to_numpy().flags.writeable for c in log.columns] == flags


def test_analyses_follow_a_log_edited_in_place():
    # A plain DataFrame is prepared on each call, so edits between calls are seen.
    log = iv.example_log().copy()
    _analyses(log)
    first = log.index[0]
    log.loc[first, "status"] = "declined"
    log.loc[first, "contact"] = "Someone Else"
    log.loc[log.index[1], "referred_by"] = "Someone Else"
    log.loc[log.index[2], "organization"] = "A New Org"
    log.loc[log.index[3], "requested_on"] = pd.Timestamp("2026-04-16")
    edited = _analyses(log)
    fresh = _analyses(log.copy(deep=True))
    for name, table in fresh.items():
        pd.testing.assert_frame_equal(edited[name], table, obj=name)


def test_a_prepared_log_is_a_snapshot_of_the_log_when_prepared():
    log = iv.example_log().copy()
    prepared = iv.prepare(log, as_of=AS_OF)
    before = iv.response_rates(prepared)
    log["status"] = "declined"
    pd.testing.assert_frame_equal(iv.response_rates(prepared), before)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_the_datetime_unit_does_not_change_any_result(unit):
    log = iv.example_log()
    other = log.copy()
    for col in iv.example_log().select_dtypes("datetime").columns:
        other[col] = other[col].astype(f"datetime64[{unit}]")
    want, got = _analyses(log), _analyses(other)
    for name, table in want.items():
        pd.testing.assert_frame_equal(got[name], table, obj=name)


@pytest.mark.parametrize("storage", ["object", "python"])
def test_the_string_backend_does_not_change_any_result(storage):
    log = iv.example_log()
    other = log.copy()
    for col in log.columns:
        if log[col].dtype == object or pd.api.types.is_string_dtype(log[col].dtype):
            if isinstance(log[col].dtype, pd.CategoricalDtype):
                continue
            values = log[col].astype(object)
            other[col] = (
                values
                if storage == "object"
                else values.astype(pd.StringDtype(storage="python", na_value=np.nan))
            )
    want, got = _analyses(log), _analyses(other)
    for name, table in want.items():
        pd.testing.assert_frame_equal(got[name], table, obj=name)


def test_memory_is_freed_with_the_object():
    prepared = iv.prepare(iv.example_log(), as_of=AS_OF)
    _analyses(prepared)
    ref = weakref.ref(prepared)
    del prepared
    gc.collect()
    assert ref() is None


def test_bad_arguments_are_clear_errors():
    with pytest.raises(InvalidArgumentError, match="pandas DataFrame"):
        iv.prepare([1, 2, 3])
    with pytest.raises(InvalidArgumentError, match="`as_of`"):
        iv.prepare(iv.example_log(), as_of="not a date")
    with pytest.raises(InvalidArgumentError, match="`holidays`"):
        iv.prepare(iv.example_log(), holidays=["someday"])
