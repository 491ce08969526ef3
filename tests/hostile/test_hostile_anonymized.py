"""Class "anonymized": no byte of any personal string in an anonymized report.

The place for issue 13's section 3 cases (unknown channel or source text,
organisations, small cohort groups, judging labels): each builds a hostile log,
writes ``infoview report --anonymize`` and asserts with
:func:`hostile_files.personal_bytes_in` (raw bytes, lower case, without accents,
PDF streams inflated, xlsx members unzipped). The case here covers the names and
contact details, which the report pseudonymizes today.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile_files import check, digest, personal_bytes_in, run

PEOPLE = [
    ["Zoë Quintanilla", "zoe.quintanilla@example.org", "+44 7700 900123", "Björn Oyelaran"],
    ["Björn Oyelaran", "bjorn@example.org", "", ""],
    ["Ｍｉｋａ Ｔｅｒｖｏ", "", "", "Zoë Quintanilla"],  # full-width letters
    ['=HYPERLINK("x")Sölve Ekdahl', "", "", ""],
]


def test_personal_strings_are_found_by_the_checker(tmp_path):
    # The checker itself: it must find a name in a PDF stream, lower case, accents folded.
    import zlib

    (tmp_path / "a.pdf").write_bytes(
        b"stream\n" + zlib.compress(b"zoe quintanilla") + b"endstream"
    )
    assert personal_bytes_in(tmp_path, ["Zoë Quintanilla"]) == [("a.pdf", "zoe quintanilla")]


@pytest.mark.slow
def test_anonymized_report_holds_no_name_or_contact_detail(tmp_path, capsys):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["Name", "Email", "Phone", "Referred by", "Field", "Date Contacted", "Status"])
    for name, email, phone, referrer in PEOPLE:
        writer.writerow([name, email, phone, referrer, "Data", "2026-03-02", "Replied"])
    log = tmp_path / "log.csv"
    log.write_text(buf.getvalue(), encoding="utf-8")
    before = digest([log])
    done = run(capsys, "report", log, "--out", tmp_path / "rep", "--anonymize",
               "--format", "pdf", "xlsx", "csv", "--as-of", "2026-04-17")  # fmt: skip
    check(done, status=0, inputs=before)
    personal = [s for row in PEOPLE for s in row if s]
    personal += [part for row in PEOPLE for part in row[0].split() if len(part) > 3]
    assert personal_bytes_in(tmp_path / "rep", personal) == []
