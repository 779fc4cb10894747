"""``python -m tests.golden``: regenerate the golden outputs (see ``tests/golden/__init__.py``)."""

from __future__ import annotations

import sys

from tests.golden import CASES, run, write


def regenerate() -> int:
    problems = 0
    for case in CASES:
        output = run(case)
        if output.code != case.code:
            problems += 1
            print(
                f"{case.name}: exit code {output.code}, the case expects {case.code}"
                + (f" ({output.err.strip()})" if output.err.strip() else ""),
                file=sys.stderr,
            )
        changed = write(case, output)
        print(f"{'updated' if changed else 'unchanged'}  tests/golden/{case.name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(regenerate())
