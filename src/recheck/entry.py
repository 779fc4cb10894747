"""The ``recheck`` command's entry point.

``recheck --version`` is answered here, before the CLI and its framework (typer, click) are
imported: a version check in a CI script should cost the interpreter's start, not the CLI's.
Everything else goes to :func:`recheck.cli.main`.
"""

from __future__ import annotations

import sys

from recheck import __version__
from recheck.build import build_kind


def version_text() -> str:
    """``recheck 0.1.0 (compiled: yes)``: whether the per-sentence modules are compiled
    (recheck.build), as black says of itself, so that a slow run can be told from a
    pure-Python install at a glance."""
    return f"recheck {__version__} (compiled: {'yes' if build_kind() == 'compiled' else 'no'})"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        print(version_text())
        return
    from recheck.cli import main as cli_main

    cli_main(argv)
