"""`infoview map`, and the map file picked up by every command.

The first run is a subprocess (as users run it), the others run in this process.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import pytest
from infoview_process import infoview, infoview_here
from linkedin_export import write_export

AS_OF = "2026-04-17"
LOG = (
    "Name,Field,Asked when,Who sent me\n"
    "Ana Ruiz,Data,2026-03-02,\n"
    "Ben Ode,Data,2026-04-13,Ana Ruiz\n"
)
run = functools.partial(infoview_here, "map")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_map_writes_the_file_beside_the_log_never_the_log(folder: Path) -> None:
    before = digest(folder / "log.csv")
    done = infoview(  # as users run it
        "map", "log.csv", "Asked when=requested_on", "who sent me=referred_by", cwd=folder
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote log.csv.infoview.toml (2 header(s) mapped); log.csv is unchanged." in done.stdout
    assert "  Asked when  -> requested_on  map file" in done.stdout
    text = (folder / "log.csv.infoview.toml").read_text(encoding="utf-8")
    assert '"Asked when" = "requested_on"' in text
    assert '"who sent me" = "referred_by"' in text
    assert digest(folder / "log.csv") == before

    shown = run("log.csv", cwd=folder)
    assert shown.returncode == 0
    assert "  Asked when -> requested_on" in shown.stdout

    # Mapping the same header again replaces its line; --remove takes one out.
    again = run("log.csv", "Who sent me=notes", "--remove", "asked when", cwd=folder)
    assert again.returncode == 0, again.stderr
    text = (folder / "log.csv.infoview.toml").read_text(encoding="utf-8")
    assert "Asked when" not in text
    assert '"Who sent me" = "notes"' in text
    assert "referred_by" not in text
    gone = run("log.csv", "--remove", "Who sent me", cwd=folder)
    assert gone.returncode == 0
    assert not (folder / "log.csv.infoview.toml").exists()
    assert digest(folder / "log.csv") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Asked when=asked"], "but 'Asked when' is mapped to 'asked'"),
        (["Askd wen=requested_on"], "log.csv has no header 'Askd wen' to map"),
        (["--remove", "Nothing"], "does not map the header 'Nothing'"),
        (["Asked when"], 'expected "Their header=column"'),
    ],
)
def test_bad_mapping_is_one_line_exit_2_and_writes_nothing(folder, args, message) -> None:
    done = run("log.csv", *args, cwd=folder)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert not (folder / "log.csv.infoview.toml").exists()


def test_every_command_picks_up_the_map_file(folder: Path) -> None:
    assert run("log.csv", "Asked when=requested_on", "Who sent me=referred_by",
               cwd=folder).returncode == 0  # fmt: skip
    validate = infoview_here("validate", "log.csv", "--as-of", AS_OF, cwd=folder)
    assert "Map file:    log.csv.infoview.toml" in validate.stdout
    check = infoview_here("check", "log.csv", "--as-of", AS_OF, "--format", "json", cwd=folder)
    todo = json.loads(check.stdout)["follow_ups"]
    assert [t["contact"] for t in todo] == ["Ana Ruiz"]  # asked 03-02, no answer
    # --map wins over the file for this run only.
    check = infoview_here("check", "log.csv", "--as-of", AS_OF, "--format", "json",
                          "--map", "Asked when=-", cwd=folder)  # fmt: skip
    assert json.loads(check.stdout)["follow_ups"] == []
    report = infoview_here("report", "log.csv", "--as-of", AS_OF, "--out", "rep",
                           "--format", "csv", "--map", "Field=field", cwd=folder)  # fmt: skip
    assert report.returncode == 0, report.stderr


def test_a_stale_map_file_is_one_line_exit_2(folder: Path) -> None:
    (folder / "log.csv.infoview.toml").write_text('[columns]\n"Gone" = "notes"\n')
    done = infoview_here("check", "log.csv", "--as-of", AS_OF, cwd=folder)
    assert done.returncode == 2
    assert "maps the header 'Gone', which log.csv does not have" in done.stderr
    assert "infoview map log.csv --remove 'Gone'" in done.stderr


def test_import_linkedin_merge_takes_map(folder: Path) -> None:
    export = write_export(folder / "export")
    done = infoview_here("import-linkedin", str(export), "--out", "new.xlsx",
                         "--merge", "log.csv", "--map", "Who sent me=referred_by",
                         "--as-of", AS_OF, cwd=folder)  # fmt: skip
    assert done.returncode == 0, done.stderr
    bad = infoview_here("import-linkedin", str(export), "--out", "n2.xlsx", "--merge", "log.csv",
                        "--map", "Nope=notes", "--as-of", AS_OF, cwd=folder)  # fmt: skip
    assert bad.returncode == 2
    assert "log.csv has no header 'Nope' to map" in bad.stderr
    alone = infoview_here("import-linkedin", str(export), "--out", "n3.xlsx",
                          "--map", "Who sent me=referred_by", cwd=folder)  # fmt: skip
    assert alone.returncode == 2
    assert "pass --merge LOG as well" in alone.stderr
