"""The CSV reader's fast paths give the cells as written, as the plain reading did."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pandas as pd
import pytest

from infoview_analytics import read_log
from infoview_analytics.io import _readers

AS_OF = "2026-04-17"


@pytest.mark.parametrize(
    "text",
    [
        "a\nb\r\nc\rd",
        "a\r\n\r\nb\n\n",
        "x\x0cy\u2028z\x85w\nlast\r",
        "",
        "\r\n",
        "one line",
    ],
)
def test_lines_split_as_the_csv_module_counts_them(text: str) -> None:
    ends: list[int] = []
    lines = list(_readers._lines(text, ends))
    assert lines == list(io.StringIO(text, newline=""))
    assert ends == [sum(len(x) for x in lines[: i + 1]) for i in range(len(lines))]
    tail: list[int] = []
    assert "".join(_readers._lines(text, tail, 2)) == text[2:]


def test_numbers_and_booleans_kept_as_written(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    rows = ["Name,Company,Minutes,Flag,Code"]
    rows += ["Ann Lee,Acme,1.50,TRUE,007", "Bo Chan,Globex,,False,", "Cy Ng,Initech,20,,12"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    raw = _readers.read_text(path, {})
    assert [raw.cells[c].tolist()[0] for c in range(5)] == [
        "Ann Lee",
        "Acme",
        "1.50",
        "TRUE",
        "007",
    ]
    assert pd.isna(raw.cells[2][1])
    assert pd.isna(raw.cells[4][1])
    assert all(isinstance(raw.cells[c].dtype, pd.StringDtype) for c in raw.cells.columns)


def test_column_numeric_in_one_chunk_text_in_another(tmp_path: Path) -> None:
    # pandas types each chunk of ~256k rows apart: the first ones all numbers here.
    n = 300_000
    path = tmp_path / "big.csv"
    body = "".join(f"P {i},Acme,{'007' if i < n // 2 else 'seven'},\n" for i in range(n))
    # The head shows numbers under Code (read as text at once); Late is empty there and
    # gets a number only at the end (read again, as text).
    body = body.replace("\n", ",\n")[:-2] + ",1.50\n"
    path.write_text("Name,Company,Code,Empty,Late\n" + body, encoding="utf-8")
    raw = _readers.read_text(path, {})
    assert len(raw.cells) == n
    assert raw.cells[4].iloc[-1] == "1.50"
    assert raw.cells[4].iloc[:-1].isna().all()
    assert raw.cells[2].iloc[0] == "007"
    assert raw.cells[2].iloc[-1] == "seven"
    assert raw.cells[3].isna().all()
    assert isinstance(raw.cells[3].dtype, pd.StringDtype)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_title_rows_bom_and_line_ends(tmp_path: Path, newline: str, bom: bytes) -> None:
    path = tmp_path / "log.csv"
    lines = ["My networking log — José", "", "Name,Company,Notes", "Zoë Ähn,Acme,fine"]
    lines += ['Bo Chan,Globex,"two\nlines"', "", "Cy Ng,Initech,"]
    path.write_bytes(bom + newline.join(lines).encode("utf-8"))
    result = read_log(path, as_of=AS_OF)
    assert result.header_row == 3
    assert result.log["contact"].tolist() == ["Zoë Ähn", "Bo Chan", "Cy Ng"]
    assert result.log["source_row"].tolist() == [4, 5, 7]
    assert result.log["notes"].tolist()[:2] == ["fine", "two\nlines"]
    assert not result.problems["problem"].str.contains("look like rows").any()


def test_quote_swallowing_rows_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    text = 'Name,Company,Notes\r\nAnn Lee,Acme,"oops\r\nBo Chan,Globex,x\r\nCy Ng,Initech,"\r\n'
    path.write_bytes(text.encode("utf-8"))
    result = read_log(path, as_of=AS_OF)
    found = result.problems[result.problems["problem"].str.contains("look like rows")]
    assert found["source_row"].tolist() == [2]


def test_stray_byte_read_from_text_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    data = "Name,Company\nAnn Lée,Acme\nBo Chan,Glo".encode() + b"\xff" + b"bex\nCy Ng,Initech\n"
    path.write_bytes(data)
    result = read_log(path, as_of=AS_OF)
    assert result.log["organization"].tolist() == ["Acme", "Glo\ufffdbex", "Initech"]
    stray = result.problems[result.problems["problem"].str.contains("not UTF-8")]
    assert stray["source_row"].tolist() == [3]
