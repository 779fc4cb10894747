"""Start-up cost: recheck's commands as fresh processes, against a baseline Python process
that merely imports recheck's main dependencies and builds a pint registry.

    python benchmarks/startup.py [--repeats 5]

Each figure is the best wall-clock time of ``--repeats`` runs, after one untimed warm-up run.
The ``recheck`` used is the one installed next to this Python (else ``python -m recheck``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "import typer, rich, pint, rapidfuzz, yaml; pint.UnitRegistry()"


def recheck_command() -> list[str]:
    found = shutil.which("recheck", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "recheck"]


def best_of(repeats: int, command: list[str]) -> float:
    """Seconds of the fastest of ``repeats`` runs of ``command`` (output discarded)."""
    env = {**os.environ, "NO_COLOR": "1"}

    def run() -> float:
        start = time.perf_counter()
        done = subprocess.run(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(
                f"{' '.join(command)} exited {done.returncode}:\n"
                + done.stderr.decode(errors="replace")
            )
        return elapsed

    run()
    return min(run() for _ in range(repeats))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs, best kept (5)")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")

    recheck = recheck_command()
    cases = {
        "python (empty)": [sys.executable, "-c", "pass"],
        "baseline (imports + pint.UnitRegistry())": [sys.executable, "-c", BASELINE],
        "recheck --version": [*recheck, "--version"],
        "recheck scan seeds/": [
            *recheck,
            *("scan", "seeds/", "--fail-on", "never", "--format", "json"),
        ],
    }
    print(f"recheck: {' '.join(recheck)}")
    times = {}
    for label, command in cases.items():
        times[label] = best_of(args.repeats, command)
        print(f"{label}: {times[label] * 1000:.0f} ms")
    scan = times["recheck scan seeds/"]
    baseline = times["baseline (imports + pint.UnitRegistry())"]
    print(f"ratio scan/baseline: {scan / baseline:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
