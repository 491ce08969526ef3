"""Class "outputs": the user's files are sacred (issue 13, section 1).

Every command that writes (report, template, import-linkedin, map, the export
writers) refuses an output that is, holds or lies inside an input, or the current
folder, or a folder of the user's own files, ``--force`` or not; ``--force``
replaces only a report folder this tool wrote; two runs on one folder cannot
replace each other silently.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile_files import check, digest, run
from linkedin_export import write_export

from infoview_analytics.errors import ReportExistsError
from infoview_analytics.io.export import REPORT_MARKER, report_folder

LOG = "Name,Date Contacted,Status,Field\nAna Ruiz,2026-03-02,Replied,Data\nBo Lin,,,Data\n"
AS_OF = ("--as-of", "2026-04-17")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's folder: the log, its map file, and other files of theirs; cwd is there."""
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    (tmp_path / "log.csv.infoview.toml").write_text('[columns]\n"Field" = "field"\n')
    (tmp_path / "notes.txt").write_text("my own notes")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("out", "says"),
    [
        ("log.csv", "is the same file as the input log.csv"),
        (".", "is the current folder"),
        ("{home}", "is the current folder"),
        ("..", "is the current folder (or holds it)"),
        ("log.csv/inside", "is inside the input log.csv"),
        ("log.csv.infoview.toml", "the same file as the input"),
    ],
)
@pytest.mark.parametrize("force", [False, True])
def test_report_never_over_an_input(home, capsys, out, says, force):
    before = digest([home])
    done = run(capsys, "report", "log.csv", "--out", out.format(home=home), "--format", "csv",
               *AS_OF, *(["--force"] if force else []))  # fmt: skip
    check(done, status=2, inputs=before, says=says)
    assert sorted(p.name for p in home.iterdir()) == sorted(p.name for p in before)


def test_report_into_the_logs_folder_from_elsewhere(home, capsys, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    before = digest([home])
    for force in ([], ["--force"]):
        done = run(capsys, "report", home / "log.csv", "--out", home, "--format", "csv", *force)
        check(done, status=2, inputs=before, says="is the folder holding the input")


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_of_the_users_files_is_refused(home, capsys, force):
    (home / "mine").mkdir()
    (home / "mine" / "thesis.docx").write_bytes(b"chapter one")
    before = digest([home])
    done = run(capsys, "report", "log.csv", "--out", "mine", "--format", "csv", *AS_OF,
               *(["--force"] if force else []))  # fmt: skip
    check(done, status=2, inputs=before, names="mine", says="never replaced")


def test_force_replaces_only_our_marked_folder(home, capsys):
    before = digest([home / "log.csv", home / "notes.txt"])
    first = run(capsys, "report", "log.csv", "--out", "rep", "--format", "csv", *AS_OF)
    check(first, status=0, inputs=before)
    assert (home / "rep" / REPORT_MARKER).is_file()
    again = run(capsys, "report", "log.csv", "--out", "rep", "--format", "csv", *AS_OF)
    check(again, status=2, inputs=before, names="rep", says="--force")
    forced = run(capsys, "report", "log.csv", "--out", "rep", "--format", "xlsx", *AS_OF,
                 "--force")  # fmt: skip
    check(forced, status=0, inputs=before)
    assert sorted(p.name for p in (home / "rep").iterdir()) == [REPORT_MARKER, "tables.xlsx"]
    # Our marker with the user's file put in it later: still ours, replaced as a whole.
    assert not list(home.glob(".rep*"))  # no lock, temporary or old folder left behind


def test_second_run_on_the_same_folder_is_refused_while_the_first_writes(home):
    with report_folder(home / "rep") as tmp:
        (tmp / "first.txt").write_text("first")
        second = report_folder(home / "rep", force=True)
        with pytest.raises(ReportExistsError, match="Another infoview run is writing"):
            second.__enter__()
    assert (home / "rep" / "first.txt").read_text() == "first"
    assert not list(home.glob(".rep*"))


def test_a_stale_lock_of_a_finished_process_is_taken_over(home):
    (home / ".rep.infoview-lock").write_text("999999999\n")  # no such process
    with report_folder(home / "rep") as tmp:
        (tmp / "a.txt").write_text("a")
    assert (home / "rep" / "a.txt").exists()
    assert not (home / ".rep.infoview-lock").exists()


def test_a_folder_appearing_while_the_report_is_written_is_kept(home):
    def write_while_another_appears():
        with report_folder(home / "rep") as tmp:
            (tmp / "ours.txt").write_text("ours")
            (home / "rep").mkdir()
            (home / "rep" / "theirs.txt").write_text("theirs")

    with pytest.raises(ReportExistsError):
        write_while_another_appears()
    assert [p.name for p in (home / "rep").iterdir()] == ["theirs.txt"]


@pytest.mark.parametrize("target", ["log.csv", ".", "notes.txt"])
def test_template_never_over_an_input_or_a_folder(home, capsys, target):
    before = digest([home])
    done = run(capsys, "template", target)
    check(done, status=2, inputs=before)


def test_template_force_on_the_current_folder_is_refused(home, capsys):
    before = digest([home])
    check(run(capsys, "template", ".", "--force"), status=2, inputs=before, says="current")


@pytest.mark.parametrize("out", ["{export}", "{export}/new.xlsx", "log.csv", "."])
def test_import_linkedin_never_over_an_input(home, capsys, out):
    export = write_export(home / "li")
    before = digest([home])
    done = run(capsys, "import-linkedin", export, "--out", out.format(export=export),
               "--merge", "log.csv", "--force", *AS_OF)  # fmt: skip
    check(done, status=2, inputs=before)


def test_import_linkedin_merge_leaves_the_log_byte_identical(home, capsys):
    export = write_export(home / "li", kind="zip")
    before = digest([home / "log.csv", export])
    done = run(capsys, "import-linkedin", export, "--out", "merged.xlsx", "--merge", "log.csv",
               *AS_OF)  # fmt: skip
    check(done, status=0, inputs=before)
    assert (home / "merged.xlsx").stat().st_size > 0


def test_map_file_that_is_a_link_to_the_log_leaves_the_log_alone(home, capsys):
    (home / "log.csv.infoview.toml").unlink()
    os.symlink(home / "log.csv", home / "log.csv.infoview.toml")
    before = digest([home / "log.csv"])
    done = run(capsys, "map", "log.csv", "Name=contact")
    # The link is not TOML: one line, exit 2, and the log is untouched.
    check(done, status=2, inputs=before, names="log.csv.infoview.toml")


def test_every_read_only_command_leaves_inputs_byte_identical(home, capsys):
    before = digest([home])
    for args in (["validate", "log.csv"], ["check", "log.csv", *AS_OF],
                 ["check", "log.csv", "--format", "csv", *AS_OF], ["map", "log.csv"]):  # fmt: skip
        done = run(capsys, *args)
        assert done.status in (0, 1, 3), done.stderr
        check(done, status=done.status, inputs=before)


def test_an_unmarked_report_of_an_earlier_version_is_still_ours(home, capsys):
    (home / "old" / "tables").mkdir(parents=True)
    (home / "old" / "report.pdf").write_bytes(b"%PDF")
    (home / "old" / "tables" / "funnel.csv").write_text("a\n")
    before = digest([home / "log.csv"])
    done = run(capsys, "report", "log.csv", "--out", "old", "--format", "csv", *AS_OF, "--force")
    check(done, status=0, inputs=before)
    assert (home / "old" / REPORT_MARKER).is_file()
    assert not (home / "old" / "report.pdf").exists()
    (home / "mixed").mkdir()
    (home / "mixed" / "report.pdf").write_bytes(b"%PDF")
    (home / "mixed" / "thesis.docx").write_bytes(b"mine")
    done = run(capsys, "report", "log.csv", "--out", "mixed", "--format", "csv", *AS_OF,
               "--force")  # fmt: skip
    check(done, status=2, inputs=before, says="never replaced")
