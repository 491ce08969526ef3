"""Tests of _dates.parse_dates: every format, day/month order per column, serials."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoview_analytics.core import schema
from infoview_analytics.io._dates import infer_years, parse_dates


def _one(value: object, **kw: object) -> pd.Timestamp:
    return parse_dates(pd.Series([value], dtype=object), **kw).parsed.iloc[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-02", "2026-03-02"),
        ("2026/03/02", "2026-03-02"),
        ("2026-03-02T14:05:00", "2026-03-02"),
        ("2026-04-06 16:35:35 UTC", "2026-04-06"),
        ("2026-04-06T16:35:35Z", "2026-04-06"),
        ("2026-04-06 16:35:35+02:00", "2026-04-06"),
        ("30 May 2024", "2024-05-30"),
        ("30-May-24", "2024-05-30"),
        ("1 Sept 2025", "2025-09-01"),
        ("May 30, 2024", "2024-05-30"),
        ("Mon, 2 Mar 2026", "2026-03-02"),
        ("Monday, March 2, 2026", "2026-03-02"),
        ("4/16/26, 2:12 PM", "2026-04-16"),
        ("16/4/2026 14:12", "2026-04-16"),
        ("16.04.2026", "2026-04-16"),
        ("12/31/99", "1999-12-31"),
        ("20260302", "2026-03-02"),
        ("46083", "2026-03-02"),
        ("46083.75", "2026-03-02"),
        ("  2026-03-02  ", "2026-03-02"),
    ],
)
def test_formats(text: str, expected: str) -> None:
    assert _one(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (46083, "2026-03-02"),
        (46083.5, "2026-03-02"),
        (dt.date(2026, 3, 2), "2026-03-02"),
        (dt.datetime(2026, 3, 2, 23, 59), "2026-03-02"),
        (pd.Timestamp("2026-03-02 10:00"), "2026-03-02"),
        (np.datetime64("2026-03-02T10:00"), "2026-03-02"),
    ],
)
def test_cells_that_are_not_text(value: object, expected: str) -> None:
    assert _one(value) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "value", ["x", "31/02/2026", "2026-13-01", "yesterday", "3", 5.0, 99999999.0, True, "1/2"]
)
def test_not_a_date_is_nat_and_bad(value: object) -> None:
    result = parse_dates(pd.Series([value], dtype=object))
    assert pd.isna(result.parsed.iloc[0])
    assert bool(result.bad.iloc[0])


@pytest.mark.parametrize("value", [None, np.nan, "", "   ", pd.NaT])
def test_missing_is_nat_but_not_bad(value: object) -> None:
    result = parse_dates(pd.Series([value, "2026-03-02"], dtype=object))
    assert pd.isna(result.parsed.iloc[0])
    assert not result.bad.any()


@pytest.mark.parametrize(
    ("values", "dayfirst", "expected"),
    [
        # A first part > 12 decides day-first for the whole column.
        (["13/03/2026", "02/03/2026"], True, ["2026-03-13", "2026-03-02"]),
        # A second part > 12 decides month-first.
        (["03/13/2026", "02/03/2026"], False, ["2026-03-13", "2026-02-03"]),
        # All ambiguous: the documented default.
        (["02/03/2026", "04/05/2026"], schema.DEFAULT_DAYFIRST, None),
    ],
)
def test_day_month_order_decided_per_column(
    values: list[str], dayfirst: bool, expected: list[str] | None
) -> None:
    result = parse_dates(pd.Series(values))
    assert result.dayfirst is dayfirst
    if expected is not None:
        assert result.parsed.tolist() == [pd.Timestamp(e) for e in expected]
    assert not result.conflict.any()


def test_all_ambiguous_default_is_month_first_and_dayfirst_overrides() -> None:
    values = pd.Series(["02/03/2026"])
    assert schema.DEFAULT_DAYFIRST is False
    assert parse_dates(values).parsed.iloc[0] == pd.Timestamp("2026-02-03")
    assert parse_dates(values, dayfirst=True).parsed.iloc[0] == pd.Timestamp("2026-03-02")


def test_conflicting_evidence_majority_wins_and_minority_flagged() -> None:
    values = pd.Series(["13/03/2026", "14/03/2026", "03/15/2026", "02/03/2026"])
    result = parse_dates(values)
    assert result.dayfirst is True
    # Each unambiguous value is still read as written.
    assert result.parsed.tolist() == [
        pd.Timestamp("2026-03-13"),
        pd.Timestamp("2026-03-14"),
        pd.Timestamp("2026-03-15"),
        pd.Timestamp("2026-03-02"),
    ]
    assert result.conflict.tolist() == [False, False, True, False]
    assert not result.bad.any()


def test_explicit_dayfirst_flags_contrary_values() -> None:
    result = parse_dates(pd.Series(["03/15/2026", "02/03/2026"]), dayfirst=True)
    assert result.conflict.tolist() == [True, False]
    assert result.parsed.iloc[1] == pd.Timestamp("2026-03-02")


def test_evidence_weighted_by_rows() -> None:
    # One distinct day-first value used five times beats two month-first values.
    values = pd.Series(["13/03/2026"] * 5 + ["03/14/2026", "03/15/2026"])
    assert parse_dates(values).dayfirst is True


def test_two_digit_years_follow_strptime_pivot() -> None:
    result = parse_dates(pd.Series(["1/2/68", "1/2/69", "1/2/00"]))
    assert result.parsed.dt.year.tolist() == [2068, 1969, 2000]


def test_output_dtype_index_and_name_kept() -> None:
    values = pd.Series(["2026-03-02", None], index=[10, 20], name="requested_on")
    result = parse_dates(values)
    assert result.parsed.dtype == "datetime64[ns]"
    assert result.parsed.index.tolist() == [10, 20]
    assert result.parsed.name == "requested_on"
    assert result.bad.dtype == bool


def test_categorical_input_parses_categories_only() -> None:
    values = pd.Series(["2026-03-02", "x", "2026-03-02", None], dtype="category")
    result = parse_dates(values)
    assert result.parsed.iloc[2] == pd.Timestamp("2026-03-02")
    assert result.bad.tolist() == [False, True, False, False]


def test_empty_series() -> None:
    result = parse_dates(pd.Series([], dtype=object))
    assert len(result.parsed) == 0
    assert result.parsed.dtype == "datetime64[ns]"


def test_input_not_modified() -> None:
    values = pd.Series([" 2026-03-02 ", "13/03/2026"])
    before = values.copy()
    parse_dates(values)
    pd.testing.assert_series_equal(values, before)


_FORMATS = {
    "iso": "%Y-%m-%d",
    "dmy": "%d/%m/%Y",
    "mdy": "%m/%d/%Y",
    "text": "%d %B %Y",
    "dmy_dots": "%d.%m.%Y",
}


@settings(max_examples=60, deadline=None)
@given(
    dates=st.lists(st.dates(dt.date(1960, 1, 1), dt.date(2060, 12, 31)), min_size=1, max_size=30),
    fmt=st.sampled_from(sorted(_FORMATS)),
)
def test_roundtrip_any_format(dates: list[dt.date], fmt: str) -> None:
    # Add one unambiguous date so the column's order is decidable.
    anchor = dt.date(2026, 3, 31)
    texts = [d.strftime(_FORMATS[fmt]) for d in [*dates, anchor]]
    result = parse_dates(pd.Series(texts))
    assert result.parsed.tolist() == [pd.Timestamp(d) for d in [*dates, anchor]]
    assert not result.bad.any()
    assert not result.conflict.any()


# ---------------------------------------------------------------- dates as people write them
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German style, with 2- and 4-digit years.
        ("17.03.2026", "2026-03-17"),
        ("17.3.26", "2026-03-17"),
        ("1.3.2026", "2026-03-01"),  # dots: day-first when nothing else decides
        # Month names in the users' languages.
        ("17 de marzo de 2026", "2026-03-17"),
        ("sábado, 7 de marzo de 2026", "2026-03-07"),
        ("17. März 2026", "2026-03-17"),
        ("1er mars 2026", "2026-03-01"),
        ("17 févr. 2026", "2026-02-17"),
        ("3 de março de 2026", "2026-03-03"),
        ("17 settembre 2025", "2025-09-17"),
        ("17 Okt 2025", "2025-10-17"),
        # Times, zones and Notion's layouts keep the day as written.
        ("2026-03-17T23:30:00-05:00", "2026-03-17"),
        ("2026-03-17T23:30:00.000+09:00", "2026-03-17"),
        ("2026-03-17 23:30 EST", "2026-03-17"),
        ("2026-03-17T00:30:00Z", "2026-03-17"),
        ("March 17, 2026 at 11:30 PM", "2026-03-17"),
        ("March 17, 2026 → March 18, 2026", "2026-03-17"),
        ("17/03/2026 14h30", "2026-03-17"),
    ],
)
def test_more_formats(text: str, expected: str) -> None:
    assert _one(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "value",
    [
        pd.Timestamp("2026-03-17 23:30", tz="America/New_York"),
        pd.Timestamp("2026-03-17 00:30", tz="Asia/Tokyo"),
        dt.datetime(2026, 3, 17, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    ],
)
def test_aware_date_cells_keep_their_local_day(value: object) -> None:
    assert _one(value) == pd.Timestamp("2026-03-17")


@pytest.mark.parametrize(
    ("values", "month_day"),
    [
        (["Mar 3"], [303]),
        (["3 April"], [403]),
        (["April 14th"], [414]),
        (["Tue, Mar 3"], [303]),
        (["3 de abril"], [403]),
        (["März 3"], [303]),
        (["17.3."], [317]),
        (["17.03"], [317]),
        (["14/4"], [414]),  # 14 cannot be a month: day-first
        (["4/14"], [414]),
        (["3/4", "14/4"], [403, 414]),  # the column is day-first
        (["3/4", "4/14"], [304, 414]),  # the column is month-first
        (["29 Feb"], [229]),
        (["31 Feb"], [0]),  # never a date
        (["1.5"], [0]),  # a decimal, not 1 May
    ],
)
def test_dates_without_a_year_come_back_as_month_and_day(
    values: list[str], month_day: list[int]
) -> None:
    result = parse_dates(pd.Series(values))
    assert result.month_day.tolist() == month_day
    assert result.parsed.isna().all()
    assert result.bad.all()  # not a whole date: the caller finds the year


def test_yearless_values_vote_on_the_column_order() -> None:
    result = parse_dates(pd.Series(["14/4", "03/04/2026"]))
    assert result.dayfirst is True
    assert result.parsed.iloc[1] == pd.Timestamp("2026-04-03")


def test_dotted_ambiguous_column_is_day_first_but_evidence_wins() -> None:
    assert parse_dates(pd.Series(["03.04.2026", "05.06.2026"])).dayfirst is True
    assert parse_dates(pd.Series(["03.04.2026", "04.13.2026"])).dayfirst is False
    assert parse_dates(pd.Series(["03/04/2026"])).dayfirst is schema.DEFAULT_DAYFIRST


def _dates(*texts: str) -> np.ndarray:
    return np.array(texts, dtype="datetime64[D]")


@pytest.mark.parametrize(
    ("month_day", "reference", "as_of", "ahead", "expected"),
    [
        # as_of in January: a 'Dec 28' is last year's, a 'Jan 5' this year's.
        (1228, [], "2026-01-10", False, "2025-12-28"),
        (105, [], "2026-01-10", False, "2026-01-05"),
        (1228, ["2025-12-15", "2026-01-06"], "2026-01-10", False, "2025-12-28"),
        # Never after as_of, even when that is nearer the log's dates...
        (115, ["2026-01-06"], "2026-01-10", False, "2025-01-15"),
        # ... but an interview may lie ahead.
        (115, ["2026-01-06"], "2026-01-10", True, "2026-01-15"),
        (402, ["2026-03-20", "2026-03-28"], "2026-03-30", True, "2026-04-02"),
        # An old log read today: the year of its other dates.
        (303, ["2024-02-10", "2024-04-01"], "2026-04-17", False, "2024-03-03"),
        # 29 February: the nearest leap year that is not after as_of.
        (229, [], "2026-04-17", False, "2024-02-29"),
        (0, [], "2026-04-17", False, None),
    ],
)
def test_infer_years(month_day, reference, as_of, ahead, expected) -> None:
    got = infer_years(
        np.array([month_day]), _dates(*reference), as_of=np.datetime64(as_of), ahead=ahead
    )
    if expected is None:
        assert np.isnat(got[0])
    else:
        assert got[0] == np.datetime64(expected)
        assert got.dtype == "datetime64[ns]"


def test_infer_years_maps_every_row_of_a_value() -> None:
    got = infer_years(np.array([303, 0, 303, 1228]), _dates(), as_of=np.datetime64("2026-01-10"))
    assert [str(d)[:10] for d in got] == ["2025-03-03", "NaT", "2025-03-03", "2025-12-28"]


# ------------------------------------------------- an order the column cannot decide
def test_log_order_other_columns_then_language() -> None:
    from infoview_analytics.io._dates import log_order

    assert log_order([(0, 0), (3, 0)], "English")[:2] == (
        True, "day first, like the log's other date columns"
    )  # fmt: skip
    assert log_order([(0, 2)], "Spanish").dayfirst is False  # the dates win over the words
    for language in ("Spanish", "French", "German", "Portuguese", "British English"):
        order = log_order([(0, 0)], language)
        assert order.dayfirst
        assert order.inferred
        assert language in order.how
    assert log_order([], "English").dayfirst is schema.DEFAULT_DAYFIRST
    assert "the US way" in log_order([], "English").how
    assert log_order([], "").how == "month first, the default"


def test_log_language_from_the_headers() -> None:
    from infoview_analytics.io._headers import log_language, map_headers

    def language(headers: list[str]) -> str:
        cells = pd.DataFrame({i: ["x"] for i in range(len(headers))})
        return log_language(headers, map_headers(headers, cells, {}).rows)

    assert language(["Nombre", "Empresa", "Fecha de contacto", "¿Respondió?"]) == "Spanish"
    assert language(["Nom", "Entreprise", "Date de contact", "Réponse"]) == "French"
    assert language(["Name", "Firma", "Kontaktiert am", "Antwort"]) == "German"
    assert language(["Name", "Company", "Date contacted"]) == "English"
    assert language(["Name", "Organisation", "Date contacted"]) == "British English"
    assert language(["Foo", "Bar"]) == ""


def _read_csv(tmp_path, text: str):  # type: ignore[no-untyped-def]
    from infoview_analytics import read_log

    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    return read_log(path, as_of="2026-04-17")


def test_a_tied_column_takes_the_order_of_the_others_and_says_so(tmp_path) -> None:
    result = _read_csv(
        tmp_path, "Name,Date contacted,Meeting date\nAna,13/03/2026,02/04/2026\nBo,14/03/2026,\n"
    )
    assert result.log["interview_on"].tolist()[0] == pd.Timestamp("2026-04-02")
    (row,) = result.problems.itertuples(index=False)
    assert (row.column, row.value) == ("interview_on", "02/04/2026")
    assert row.problem == (
        "day and month could be either way: read as 2026-04-02, "
        "day first, like the log's other date columns"
    )
    assert "2026-03-02" in row.hint
    assert "dayfirst" in row.hint


def test_a_date_in_free_text_takes_the_log_order_and_says_so(tmp_path) -> None:
    result = _read_csv(
        tmp_path,
        'Nombre,Fecha de contacto,¿Respondió?\nAna,2026-03-02,"sí - llamada el 10/3"\n',
    )
    assert result.log["interview_on"].tolist() == [pd.Timestamp("2026-03-10")]
    notes = [p for p in result.problems["problem"] if p.startswith("free text")]
    assert notes == [
        "free text read as yes; its date '10/3' taken as interview_on "
        "(day first, as the log's headers are in Spanish)"
    ]


def test_a_given_order_and_unambiguous_dates_say_nothing(tmp_path) -> None:
    from infoview_analytics import read_log

    path = tmp_path / "log.csv"
    path.write_text("Name,Date contacted\nAna,02/03/2026\nBo,03/03/2026\n", encoding="utf-8")
    result = read_log(path, as_of="2026-04-17", dayfirst=True)
    assert result.problems.empty
    assert result.log["requested_on"].tolist()[0] == pd.Timestamp("2026-03-02")
    # 03/03/2026 reads the same either way: only 02/03/2026 is reported.
    result = read_log(path, as_of="2026-04-17")
    assert result.problems["value"].tolist() == ["02/03/2026"]
    assert result.log["requested_on"].tolist()[0] == pd.Timestamp("2026-02-03")
