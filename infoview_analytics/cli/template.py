"""``infoview template``: a blank log to fill in."""

from __future__ import annotations

import argparse

from ._common import EXIT_OK, Subparsers

__all__: list[str] = []


def add_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "template",
        help="write a blank log to fill in (xlsx with drop-downs)",
        description="Write a blank interview log as an xlsx with drop-down lists, date formats "
        "and an About sheet explaining each column.",
    )
    p.add_argument("out", metavar="OUT.xlsx", help="where to write the template")
    p.add_argument("--force", action="store_true", help="overwrite OUT.xlsx if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the template and say where."""
    from pathlib import Path

    from ..errors import InvalidArgumentError
    from ..io.export import check_output
    from ..io.template import write_template

    out = check_output(args.out, option="OUT")
    if out.is_dir():
        msg = f"{out} is a folder; name the template file, e.g. {out / 'my_log.xlsx'}."
        raise InvalidArgumentError(msg)
    path = write_template(Path(args.out), overwrite=args.force)
    print(f"Wrote a blank interview log to {path}")
    return EXIT_OK
