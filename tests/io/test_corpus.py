"""The corpus of real-style logs (tests/io/corpus_logs.py) read through the API and the CLI.

The CLI runs in this process (tests/cli runs it as a subprocess): a subprocess per log
cost about 3 s of start-up CPU each.

Each log is written as its tool would write it, read back, and its figures compared
with the ones worked out by hand from its rows: asked, decided, responded, the
response rate, the interviews per field, the follow-ups due and the referral chains.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from corpus_logs import AS_OF, CORPUS, NO_YEAR, CorpusLog

import infoview_analytics as iv

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from infoview_process import infoview_here

_IDS = [log.name for log in CORPUS]


@pytest.fixture(params=CORPUS, ids=_IDS)
def written(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[CorpusLog, Path]:
    log: CorpusLog = request.param
    path = tmp_path / log.file
    log.write(path)
    return log, path


def _chains(table: pd.DataFrame) -> dict[str, tuple[int, int]]:
    sizes = table.groupby("root")["depth"].agg(["size", "max"])
    return {str(r): (int(n), int(d)) for r, (n, d) in sizes.iterrows() if n > 1}


def test_corpus_has_ten_styles_or_more() -> None:
    assert len(CORPUS) >= 10
    assert len({log.name for log in CORPUS}) == len(CORPUS)


def test_read_through_the_api(written: tuple[CorpusLog, Path]) -> None:
    log, path = written
    exp = log.expected
    result = iv.read_log(path, as_of=AS_OF)
    read = dict(zip(result.headers["column"], result.headers["how"], strict=True))
    for column in exp.columns:
        assert column in read, f"no header read as {column}:\n{result.summary()}"

    problems = result.problems["problem"].tolist()
    for wanted in log.problems:
        assert any(wanted in p for p in problems), problems
    others = [p for p in problems if not any(w in p for w in log.problems)]
    assert others == [], result.summary()

    frame = result.log
    rates = iv.response_rates(frame, as_of=AS_OF)
    assert rates.attrs["gaps"] == []
    row = rates.iloc[0]
    assert (int(row["asked"]), int(row["decided"]), int(row["responded"])) == (
        exp.asked,
        exp.decided,
        exp.responded,
    )
    assert row["response_rate"] == pytest.approx(exp.rate)

    stages = iv.funnel(frame, as_of=AS_OF).set_index("stage")["count"]
    assert int(stages["asked"]) == exp.asked
    assert int(stages["responded"]) == exp.responded
    assert int(stages["interviewed"]) == sum(exp.interviews.values())

    cov = iv.coverage(frame, as_of=AS_OF)
    per_field = dict(zip(cov["field"], cov["interviewed"].astype(int), strict=True))
    assert per_field == exp.interviews

    todo = iv.follow_ups_due(frame, as_of=AS_OF)
    assert set(zip(todo["contact"], todo["action"], strict=True)) == exp.due
    for gap in exp.gaps:
        assert any(gap in g for g in todo.attrs["gaps"]), todo.attrs["gaps"]
    if not exp.gaps:
        assert todo.attrs["gaps"] == []

    chains = iv.referral_chains(frame, as_of=AS_OF)
    assert _chains(chains) == exp.chains
    assert chains["in_log"].all()  # every referrer is a person of the log


def test_read_through_check(written: tuple[CorpusLog, Path]) -> None:
    log, path = written
    exp = log.expected
    done = infoview_here("check", path.name, "--format", "json", "--as-of", AS_OF, cwd=path.parent)
    assert done.stderr.count("Traceback") == 0
    doc = json.loads(done.stdout)
    per_field = {r["field"]: r["interviewed"] for r in doc["coverage"]}
    assert per_field == exp.interviews
    assert {(r["contact"], r["action"]) for r in doc["follow_ups"]} == exp.due
    assert len(doc["gaps"]) == len(exp.gaps)
    for gap in exp.gaps:
        assert any(gap in g for g in doc["gaps"])
    # Every field is below the minimum of 3 but one: exit 1; a gap: exit 3.
    assert done.returncode == (3 if exp.gaps else 1), done.stdout + done.stderr


def test_figures_do_not_depend_on_the_load_day(written: tuple[CorpusLog, Path]) -> None:
    log, path = written
    if NO_YEAR in log.problems and log.name != "google_sheets":
        pytest.skip("a log without years takes them from the load day")
    early = iv.read_log(path, as_of="2026-03-01").log
    rates = iv.response_rates(early, as_of=AS_OF).iloc[0]
    assert (int(rates["asked"]), int(rates["decided"]), int(rates["responded"])) == (
        log.expected.asked,
        log.expected.decided,
        log.expected.responded,
    )


def test_a_weak_reading_is_said_by_the_analyses_and_check(tmp_path: Path) -> None:
    # "When sent" holds 5 dates and a word: read as requested_on from its content
    # (5 of 6 = 83%, below the confidence of 90). The follow-ups rest on that column,
    # so the to-do list says so, and check with it (exit 3), rather than look sure.
    path = tmp_path / "log.csv"
    path.write_text(
        "Name,Company,When sent\n"
        "Ana,Acme,2026-03-02\nBo,Globex,2026-03-03\nCy,Initech,2026-03-04\n"
        "Di,Hooli,2026-03-05\nEd,Umbrella,2026-03-06\nFay,Soylent,soon\n",
        encoding="utf-8",
    )
    result = iv.read_log(path, as_of=AS_OF)
    row = result.headers.set_index("header").loc["When sent"]
    assert (row["column"], row["how"]) == ("requested_on", "content")
    assert row["score"] == pytest.approx(83.3)
    todo = iv.follow_ups_due(result.log, as_of=AS_OF)
    assert len(todo) == 10  # a second person and a follow-up for each of the five
    (gap,) = todo.attrs["gaps"]
    assert gap.startswith("Not sure of which follow-ups are due: `requested_on` was read")
    assert "'When sent'" in gap
    assert "--map" in gap
    assert iv.coverage(result.log, as_of=AS_OF).attrs["gaps"] == [
        "Cannot tell the interviews per field: the log has no fields (no column was read as "
        "`field`, or it is empty). Fill them in, or map the column that holds them: "
        "`infoview validate LOG` shows how each header was read."
    ]
    done = infoview_here("check", path.name, "--as-of", AS_OF, cwd=tmp_path)
    assert done.returncode == 3
    assert "Not sure of which follow-ups are due" in done.stdout
    assert f"infoview validate {path.name}" in done.stdout
    # A header mapped by the user is no weak reading.
    done = infoview_here(
        "check", path.name, "--as-of", AS_OF, "--format", "json",
        "--map", "When sent=requested_on", cwd=tmp_path,
    )  # fmt: skip
    assert not any("Not sure" in g for g in json.loads(done.stdout)["gaps"])
