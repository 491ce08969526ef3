"""Class "limits": bounded resources, never a hang (issue 13, section 5).

Each hostile file is refused before it is read, with one line naming the file and
the limit it passed; the slow cases run the command as a process and measure its
peak memory (under 2 GB for any input).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cli.infoview_process import REPO
from hostile_files import cell, check, digest, run, write_xlsx

from infoview_analytics.io import _limits

HEAD = '<row r="1">' + cell("A1", "Name") + cell("B1", "Notes") + "</row>"
HEAD += '<row r="2">' + cell("A2", "Ana") + cell("B2", "x") + "</row>"


@pytest.mark.parametrize(
    ("rows", "kwargs", "says"),
    [
        ('<row r="1048576">' + cell("XFD1048576", "far") + "</row>", {}, "17,179,869,184 cells"),
        ('<row r="200">' + cell("ZZZZZ200", "far") + "</row>", {}, "'ZZZZZ200'"),
        ('<row r="9">' + cell("XFE9", "far") + "</row>", {}, "'XFE9'"),
        ('<row r="9">' + cell("A0", "far") + "</row>", {}, "'A0'"),
        ('<row r="99999999999">' + "</row>", {}, "row 99999999999"),
        ("", {"dimension": "A1:XFD1048576"}, "declares 1,048,576 rows"),
        ("", {"dimension": "A1:ZZZZZ9"}, "'A1:ZZZZZ9'"),
    ],
)
def test_cell_references_beyond_any_spreadsheet_are_refused(tmp_path, capsys, rows, kwargs, says):
    path = write_xlsx(tmp_path / "log.xlsx", HEAD + rows, **kwargs)
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.xlsx",
          says=says)  # fmt: skip


def test_a_cell_longer_than_the_limit_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(_limits, "MAX_CELL_CHARS", 1000)
    for shared in (True, False):
        long = "y" * 1001
        body = HEAD + '<row r="3">' + cell("A3", "Bo")
        body += '<c r="B3" t="s"><v>0</v></c></row>' if shared else cell("B3", long) + "</row>"
        path = write_xlsx(tmp_path / f"log{shared}.xlsx", body, shared=[long] if shared else [])
        check(run(capsys, "validate", path), status=2, inputs=digest([path]),
              names=path.name, says="1,000 characters")  # fmt: skip


def test_a_zip_member_inflating_past_the_limit_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(_limits, "MAX_MEMBER_BYTES", 10_000)
    path = write_xlsx(tmp_path / "log.xlsx", HEAD + "".join(
        f'<row r="{r}">' + cell(f"A{r}", f"P{r}") + "</row>" for r in range(3, 400)))  # fmt: skip
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.xlsx",
          says="inflates to")  # fmt: skip


def test_a_text_file_over_the_cells_limit_is_refused_before_parsing(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    path.write_text("Name" + "," * 20000 + "\nAna\n")
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="wide.csv",
          says="20,001 columns")  # fmt: skip


def test_a_text_file_over_the_size_limit_is_refused_unread(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(_limits, "MAX_TEXT_BYTES", 100)
    path = tmp_path / "log.csv"
    path.write_text("Name\n" + "Ana\n" * 100)
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.csv",
          says="too large")  # fmt: skip


def test_a_text_file_over_the_cell_limit_is_refused_unread(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(_limits, "MAX_TEXT_CELLS", 150)  # 101 rows by 2 columns: 202 cells
    path = tmp_path / "log.csv"
    path.write_text("Name,Field\n" + "Ana,Data\n" * 100)
    check(run(capsys, "validate", path), status=2, inputs=digest([path]), names="log.csv",
          says="150 cells")  # fmt: skip


def test_a_linkedin_member_inflating_past_the_limit_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(_limits, "MAX_TEXT_BYTES", 1000)
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", "First Name,Last Name\n" + "A,B\n" * 1000)
    check(run(capsys, "import-linkedin", path, "--out", tmp_path / "o.xlsx"), status=2,
          inputs=digest([path]), names="export.zip", says="inflates to")  # fmt: skip
    assert not (tmp_path / "o.xlsx").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("command", [["validate"], ["check"], ["report", "--out", "rep"]])
def test_a_fifo_is_refused_never_waited_on(tmp_path, capsys, command):
    fifo = tmp_path / "log.csv"
    os.mkfifo(fifo)
    done = run(capsys, command[0], fifo, *command[1:])  # would block forever if opened
    check(done, status=2, inputs={}, names="log.csv", says="named pipe")


def test_a_device_is_refused(capsys):
    check(run(capsys, "validate", "/dev/zero"), status=2, inputs={}, names="/dev/zero",
          says="a device")  # fmt: skip


def _process(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """``infoview ARGS`` as a process; with its peak memory (bytes, from the kernel)."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(REPO)}
    code = (
        "import resource, sys\n"
        "from infoview_analytics.cli.app import main\n"
        "status = main(sys.argv[1:])\n"
        "sys.stdout.flush()\n"
        # VmHWM is this process's own peak; ru_maxrss keeps the forking parent's across exec.
        "try:\n"
        "    lines = open('/proc/self/status').read().splitlines()\n"
        "    peak = next(int(x.split()[1]) for x in lines if x.startswith('VmHWM'))\n"
        "except OSError:\n"
        "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300, check=False)  # fmt: skip
    *lines, peak = done.stderr.splitlines()
    done.stderr = "\n".join(lines) + ("\n" if lines else "")
    return done, int(peak) * 1024


@pytest.mark.slow
def test_hostile_workbooks_stay_far_under_2_gb(tmp_path):
    """The issue's cases: a huge cell, a million declared rows, XFD1048576, a zip bomb."""
    huge = tmp_path / "huge_cell.xlsx"
    with zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as zf:
        write_xlsx(tmp_path / "base.xlsx", HEAD + '<row r="3"><c r="B3" t="s"><v>0</v></c></row>')
        with zipfile.ZipFile(tmp_path / "base.xlsx") as base:
            for name in base.namelist():
                if name != "xl/sharedStrings.xml":
                    zf.writestr(name, base.read(name))
        with zf.open("xl/sharedStrings.xml", "w") as fh:
            fh.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     b"<si><t>")  # fmt: skip
            for _ in range(600):
                fh.write(b"z" * 1024**2)
            fh.write(b"</t></si></sst>")
    million = write_xlsx(tmp_path / "million.xlsx", HEAD + "".join(
        f'<row r="{r}">' + cell(f"A{r}", 1) + cell(f"B{r}", 2) + cell(f"C{r}", 3) + "</row>"
        for r in range(3, 1_000_000, 499)) + '<row r="1000000">' + cell("AZ1000000", 1)
        + "</row>", dimension="A1:AZ1000000")  # fmt: skip
    far = write_xlsx(tmp_path / "far.xlsx", HEAD + '<row r="1048576">'
                     + cell("XFD1048576", "x") + "</row>")  # fmt: skip
    for path in (huge, million, far):
        before = digest([path])
        done, peak = _process(["validate", str(path)], tmp_path)
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.splitlines()) == 1
        assert path.name in done.stderr
        assert peak < 2 * 1024**3, (path.name, peak)
        assert peak < 400 * 1024**2, (path.name, peak)  # refused before reading: far less
        assert digest([path]) == before


def test_peak_memory_is_measured_in_bytes():
    # ru_maxrss is in kilobytes on Linux (bytes on macOS, where this suite's bound is looser).
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 1000
