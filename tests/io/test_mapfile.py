"""The column map beside a log (io/mapfile.py), and how read_log and load_logs use it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from infoview_analytics.errors import InvalidArgumentError, LogFormatError
from infoview_analytics.io.loader import load_logs, read_log
from infoview_analytics.io.mapfile import map_path, read_column_map, write_column_map

AS_OF = "2026-04-17"
LOG = "Name,Who sent me,Salary\nAna,,1\nBo,Ana,2\n"


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "my_log.csv"
    path.write_text(LOG, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_written_beside_the_log_and_read_back(log: Path) -> None:
    mapping = {"Who sent me": "referred_by", 'Saláry "x"': "-"}
    written = write_column_map(log, mapping)
    assert written == log.with_name("my_log.csv.infoview.toml") == map_path(log)
    assert read_column_map(log) == mapping
    assert written.read_text(encoding="utf-8").startswith("# Columns of my_log.csv")
    write_column_map(log, {})
    assert not written.exists()
    assert read_column_map(log) == {}


def test_read_log_picks_it_up_and_the_log_is_never_touched(log: Path) -> None:
    before = digest(log)
    write_column_map(log, {"Who sent me": "referred_by", "Salary": "-"})
    result = read_log(log, as_of=AS_OF)
    assert result.log["referred_by"].isna().tolist() == [True, False]
    assert result.log["referred_by"].iloc[1] == "Ana"
    assert result.map_file == map_path(log)
    table = result.headers.set_index("header")
    assert table.loc["Who sent me", "how"] == "map file"
    assert table.loc["Salary", "how"] == "kept (map file)"
    assert "Map file:    " in result.summary()
    assert digest(log) == before
    assert read_log(log, as_of=AS_OF, use_map_file=False).map_file is None


def test_columns_argument_wins_over_the_file(log: Path) -> None:
    write_column_map(log, {"Who sent me": "referred_by"})
    result = read_log(log, as_of=AS_OF, columns={"who sent me": "notes"})
    assert result.log["notes"].iloc[1] == "Ana"
    assert result.headers.set_index("header").loc["Who sent me", "how"] == "override"


def test_xlsx_log_with_its_map(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in (["Name", "Who sent me"], ["Ana", None], ["Bo", "Ana"]):
        book.active.append(row)
    path = tmp_path / "log.xlsx"
    book.save(path)
    before = digest(path)
    write_column_map(path, {"Who sent me": "referred_by"})
    assert read_log(path, as_of=AS_OF).log["referred_by"].iloc[1] == "Ana"
    assert digest(path) == before


def test_load_logs_reads_each_logs_map(tmp_path: Path) -> None:
    (tmp_path / "ana.csv").write_text("Name,Who sent me\nBo,\nCy,Bo\n", encoding="utf-8")
    (tmp_path / "di.csv").write_text("Name\nEd\n", encoding="utf-8")
    write_column_map(tmp_path / "ana.csv", {"Who sent me": "referred_by"})
    log = load_logs(tmp_path, as_of=AS_OF)  # the .toml is not taken for a log
    assert log["source_file"].tolist() == ["ana.csv", "ana.csv", "di.csv"]
    assert log["referred_by"].iloc[1] == "Bo"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns\n", r"is not valid TOML .*Fix the line, or delete the file"),
        ('[columns]\n"Who sent me" = 3\n', r"must hold one \[columns\] table"),
        ('other = "x"\n', r"must hold one \[columns\] table .* \['other'\]"),
        ('[columns]\n"Who sent me" = "referrer"\n', r"maps 'Who sent me' to 'referrer', which is"),
        ('[columns]\n"Who sent me" = "refered_by"\n', r"column \(did you mean 'referred_by'"),
        ('[columns]\n"Who sends me" = "referred_by"\n',
         r"maps the header 'Who sends me', which my_log.csv does not have \(did you mean "
         r"'Who sent me'\?\); its headers are \['Name', 'Who sent me', 'Salary'\]\. Remove it"),
    ],
)  # fmt: skip
def test_bad_map_file_is_one_clear_error(log: Path, text: str, message: str) -> None:
    map_path(log).write_text(text, encoding="utf-8")
    with pytest.raises(LogFormatError, match=message) as info:
        read_log(log, as_of=AS_OF)
    assert "\n" not in str(info.value)


def test_columns_naming_a_header_the_file_lacks(log: Path) -> None:
    with pytest.raises(
        InvalidArgumentError,
        match=r"my_log.csv has no header 'Who send me' to map \(did you mean 'Who sent me'\?\)",
    ):
        read_log(log, as_of=AS_OF, columns={"Who send me": "referred_by"})
    with pytest.raises(InvalidArgumentError, match=r"'Salary' is mapped to 'pay'\.$"):
        read_log(log, as_of=AS_OF, columns={"Salary": "pay"})
    with pytest.raises(InvalidArgumentError, match=r"'referer_by' \(did you mean 'referred_by'"):
        read_log(log, as_of=AS_OF, columns={"Who sent me": "referer_by"})
