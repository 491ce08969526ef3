"""`infoview report`: exit statuses, messages, files (a subprocess first, then in this process)."""

from __future__ import annotations

import pytest
from infoview_process import infoview, infoview_here
from pypdf import PdfReader

import infoview_analytics as iv


@pytest.fixture
def sample(tmp_path):
    return str(iv.example_log_path())


def test_report_writes_files_and_says_where(tmp_path, sample):
    done = infoview(
        "report",
        sample,
        "--out",
        "rep",
        "--as-of",
        "2026-04-17",
        "--anonymize",
        "--format",
        "pdf",
        "csv",
        "--title",
        "For my advisor",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = tmp_path / "rep"
    # 18 tables, the privacy table (what was anonymised, and why), plan and next people.
    assert f"Wrote the report ({1 + 21} files) to rep" in done.stdout
    assert str(out.relative_to(tmp_path) / "report.pdf") in done.stdout
    assert "(21 CSV files)" in done.stdout
    assert PdfReader(out / "report.pdf").metadata["/Title"] == "For my advisor"
    assert sorted(p.name for p in out.iterdir()) == [".infoview-report", "report.pdf", "tables"]


def test_existing_folder_exit_2_then_force(tmp_path, sample):
    (tmp_path / "rep").mkdir()
    refused = infoview_here("report", sample, "--out", "rep", "--format", "csv", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("infoview: error: The folder rep exists already")
    assert "--force" in refused.stderr
    forced = infoview_here(
        "report",
        sample,
        "--out",
        "rep",
        "--format",
        "csv",
        "--as-of",
        "2026-04-17",
        "--force",
        cwd=tmp_path,
    )
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "rep" / "tables" / "coverage.csv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.xlsx", "--out", "rep"], "missing.xlsx"),
        (["{sample}", "--out", "rep", "--format", "docx"], "invalid choice: 'docx'"),
        (["{sample}"], "the following arguments are required: --out"),
        (["{sample}", "--out", "rep", "--as-of", "someday"], "`as_of` must be a date"),
    ],
)
def test_errors_exit_2_with_one_line(tmp_path, sample, args, message):
    args = [a.format(sample=sample) for a in args]
    done = infoview_here("report", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "rep").exists()
