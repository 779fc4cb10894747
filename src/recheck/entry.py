"""The ``recheck`` command's entry point.

``recheck --version`` is answered here, before the CLI and its framework (typer, click) are
imported: a version check in a CI script should cost the interpreter's start, not the CLI's.
Everything else goes to :func:`recheck.cli.main`.
"""

from __future__ import annotations

import sys

from recheck import __version__


def version_text() -> str:
    return f"recheck {__version__}"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        print(version_text())
        return
    from recheck.cli import main as cli_main

    cli_main(argv)
