"""The ``infoview`` command: the parser built from the commands, and ``main``.

Exit statuses: 0 all good, 1 the check found something to act on (problems in
the log, a field below the minimum), 2 the input cannot be read or the
arguments are wrong (one line on stderr, never a traceback).

Each command is one module (``validate``, ``map``, ``template``, ``check``,
``planning`` for ``plan``, ``ics`` for ``calendar``, ``notes_search``, ``linkedin``,
``report``) with ``add_parser(subparsers)`` and ``run(args)``. The modules
import the library and its heavy dependencies only inside ``run``, so building
the parser is instant and ``infoview check`` starts about as fast as pandas.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any, TextIO, cast

from ..errors import InfoviewError
from . import check, ics, linkedin, notes_search, planning, report, template, validate
from . import map as map_command
from ._common import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, os_error_text

__all__ = ["main"]

#: The commands in the order `infoview --help` lists them.
COMMANDS = (
    validate,
    map_command,
    template,
    check,
    planning,
    ics,
    notes_search,
    linkedin,
    report,
)


class _ArgumentParser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one short line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``infoview`` (also used to render --help in docs)."""
    from importlib.metadata import version

    parser = _ArgumentParser(
        prog="infoview",
        description="Analyse an informational-interview log: response rates, referral chains, "
        "coverage of fields, and a report for a career advisor.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {version('infoview-analytics')}"
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_ArgumentParser)
    sub.required = True
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


class _TerminalSafe:
    """A text stream that drops escape sequences and control characters from what is
    written (a cell holding ESC[31m or an OSC title sequence is printed harmless)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.failed = False  # a write failed (stdout on a full disk)

    def write(self, text: str) -> int:
        from ..io.export import terminal_text

        try:
            self._stream.write(terminal_text(text))
        except OSError:
            self.failed = True
            raise
        return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self.failed = True
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _one_line(text: str) -> str:
    """A message on one line: line breaks and runs of spaces folded."""
    return " ".join(text.split())


def _quiet_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush stays quiet."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _inputs(args: argparse.Namespace) -> str:
    """The files a command was given, for a message about an unexpected failure."""
    names = [getattr(args, a, None) for a in ("log", "export", "merge", "out")]
    return ", ".join(str(n) for n in names if n)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``infoview`` with ``argv`` (default: the process arguments); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, _TerminalSafe(out))
    sys.stderr = cast(TextIO, _TerminalSafe(err))
    try:
        with warnings.catch_warnings():
            # A library's warning is one line too, never a source line, and said once.
            seen: set[str] = set()

            def show(message: Warning | str, *_args: Any, **_kwargs: Any) -> None:
                text = _one_line(str(message))
                if text not in seen:
                    seen.add(text)
                    print(f"infoview: warning: {text}", file=sys.stderr)

            warnings.showwarning = show
            status = _run(args)
        try:
            sys.stdout.flush()
        except OSError as exc:  # stdout on a full disk: say so once, then stay quiet
            _quiet_stdout()
            print(
                f"infoview: error: {_one_line(os_error_text(exc, 'the standard output'))}",
                file=err,
            )
            return EXIT_ERROR
        return status
    finally:
        sys.stdout, sys.stderr = out, err


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args))
    except BrokenPipeError:
        # `infoview check LOG | head`: the reader went away; not an error of ours.
        _quiet_stdout()
        return EXIT_OK
    except (InfoviewError, OSError) as exc:
        if isinstance(exc, InfoviewError):
            text = str(exc)
        elif getattr(exc, "filename", None) is None and _stdout_broken():
            text = os_error_text(exc, "the standard output")
        else:
            text = os_error_text(exc, getattr(args, "out", None) or getattr(args, "log", None))
        print(f"infoview: error: {_one_line(text)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("infoview: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MemoryError:
        print(
            f"infoview: error: ran out of memory on {_inputs(args)}. The file is far larger "
            "than an interview log; check that it is the right file.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except Exception as exc:  # never a traceback: one line naming the files
        print(
            f"infoview: error: could not finish with {_inputs(args)}: "
            f"{type(exc).__name__}: {_one_line(str(exc))[:300]}. This is a bug in "
            "infoview-analytics; please report it (what the file holds, not its data).",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _stdout_broken() -> bool:
    """Whether stdout cannot be written (a full disk); then the final flush is kept quiet."""
    broken = bool(getattr(sys.stdout, "failed", False))
    try:
        sys.stdout.flush()
    except OSError:
        broken = True
    if broken:
        _quiet_stdout()
    return broken
