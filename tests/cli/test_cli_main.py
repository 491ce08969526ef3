"""The ``infoview`` parser and ``main``: commands, --help, --version, usage errors, layout."""

from __future__ import annotations

import ast
import importlib
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from infoview_process import infoview, infoview_here

# The module that builds the parser (the package exports its `main`).
cli = importlib.import_module("infoview_analytics.cli.app")
CLI_DIR = Path(cli.__file__).parent

#: Each command, a minimal valid command line, and the first words of its description.
COMMANDS = [
    ("validate", ["log.csv"], "Read LOG, show which header became which column"),
    ("template", ["out.xlsx"], "Write a blank interview log as an xlsx"),
    ("check", ["log.csv"], "Read LOG, show the interviews per field"),
    ("import-linkedin", ["export.zip", "--out", "x.xlsx"], "Read a LinkedIn data export"),
    ("report", ["log.csv", "--out", "rep"], "Compute every analysis of LOG"),
]


def test_help_lists_the_commands_in_order(tmp_path):
    done = infoview("--help", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("usage: infoview [-h] [--version] COMMAND ...")
    listed = [done.stdout.index(f"\n    {name}") for name, _, _ in COMMANDS]
    assert listed == sorted(listed)


@pytest.mark.parametrize(("name", "argv", "description"), COMMANDS)
def test_each_command_has_help(tmp_path, name, argv, description):
    done = infoview_here(name, "--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: infoview {name} [-h]")
    assert description in " ".join(done.stdout.split())


def test_version(tmp_path):
    done = infoview("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == f"infoview {version('infoview-analytics')}\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "infoview: error: the following arguments are required: COMMAND"),
        (["nope"], "infoview: error: argument COMMAND: invalid choice: 'nope'"),
        (["check"], "infoview check: error: the following arguments are required: LOG"),
        (["report", "log.csv"], "infoview report: error: the following arguments are required"),
    ],
)
def test_usage_errors_are_one_line_exit_2(tmp_path, argv, message):
    done = infoview_here(*argv, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(message)
    assert done.stderr.rstrip().endswith(f"(see `{message.split(':')[0]} --help`)")


@pytest.mark.parametrize(
    "argv", [["--help"], ["validate", "log.csv"], ["template", "new.xlsx"]], ids=str
)
def test_commands_start_without_heavy_imports(tmp_path, argv):
    (tmp_path / "log.csv").write_text("Name,Industry,Status\nAna,data,Completed\n")
    done = infoview(*argv, cwd=tmp_path, python_flags=("-X", "importtime"))
    assert done.returncode == 0, done.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not imported & {"matplotlib", "scipy", "networkx"}


@pytest.mark.parametrize(("name", "argv", "description"), COMMANDS)
def test_parser_runs_each_command_from_its_module(name, argv, description):
    args = cli.build_parser().parse_args([name, *argv])
    module = {m.__name__.rsplit(".", 1)[-1]: m for m in cli.COMMANDS}[
        "linkedin" if name == "import-linkedin" else name
    ]
    assert args.run is module.run


@pytest.mark.parametrize("module", cli.COMMANDS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_command_modules_import_the_library_only_when_run(module):
    """At module level a command imports the standard library and ``._common`` only."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports never run
            assert ast.unparse(node.test) == "TYPE_CHECKING"
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = ["." * node.level + (node.module or "")]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            allowed = name == "._common" or top in sys.stdlib_module_names | {"__future__"}
            assert allowed, f"{module.__name__} line {node.lineno} imports {name} at module level"
    assert callable(module.add_parser)
    assert callable(module.run)


def test_every_command_module_is_registered():
    files = {p.stem for p in CLI_DIR.glob("*.py") if not p.stem.startswith("_")} - {"app"}
    assert {m.__name__.rsplit(".", 1)[-1] for m in cli.COMMANDS} == files
