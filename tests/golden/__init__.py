"""Golden outputs: what the CLI prints on the seeds, stored and compared byte for byte.

Each case is one command line, run in-process from the project root in a fixed environment
(no colour, 100 columns, a fixed ``--as-of``), so the output depends on nothing but the code
and the data. When a change to either is meant to change the output, regenerate:

    python -m tests.golden            # rewrite tests/golden/* and list what changed

and read ``git diff tests/golden`` before committing it.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
AS_OF = "2025-11-01"

# Variables that would change what rich or the CLI print; the golden run fixes or removes them.
FIXED_ENV = {"NO_COLOR": "1", "COLUMNS": "100", "LINES": "50", "TERM": "dumb"}
REMOVED_ENV = (
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
)


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # file name under tests/golden/
    args: tuple[str, ...]
    code: int  # the exit code the command must give


CASES: tuple[Case, ...] = (
    Case("scan.txt", ("scan", "seeds/", "--as-of", AS_OF), 1),
    Case("scan-verbose.txt", ("scan", "seeds/", "--as-of", AS_OF, "--verbose"), 1),
    Case("scan-quiet.txt", ("scan", "seeds/", "--as-of", AS_OF, "--quiet"), 1),
    Case("scan.json", ("scan", "seeds/", "--as-of", AS_OF, "--format", "json"), 1),
    Case("scan.sarif", ("scan", "seeds/", "--as-of", AS_OF, "--format", "sarif"), 1),
    Case("scan-github.txt", ("scan", "seeds/", "--as-of", AS_OF, "--format", "github"), 1),
    Case("scan.md", ("scan", "seeds/", "--as-of", AS_OF, "--format", "markdown"), 1),
    Case("claims.json", ("claims", "seeds/", "--as-of", AS_OF, "--format", "json"), 0),
)


@dataclass(frozen=True, slots=True)
class Output:
    code: int
    out: str
    err: str


@contextlib.contextmanager
def _fixed_environment() -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_cwd = Path.cwd()
    try:
        for name in REMOVED_ENV:
            os.environ.pop(name, None)
        os.environ.update(FIXED_ENV)
        os.chdir(ROOT)
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def run(case: Case) -> Output:
    """Run ``recheck <case.args>`` in-process and capture what it prints."""
    from recheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _fixed_environment(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(case.args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return Output(code, out.getvalue(), err.getvalue())


def path_of(case: Case) -> Path:
    return HERE / case.name


def write(case: Case, output: Output) -> bool:
    """Store ``output`` as the golden file of ``case``; whether it changed."""
    target = path_of(case)
    data = output.out.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    target.write_bytes(data)
    return True
