"""Peer suites report: pass rate per suite, cases left out per family, failing cases.

    python -m tests.peer.report                        # rates and scope counts
    python -m tests.peer.report --failures rt-number-zh   # failing cases (input, expected, got)
    python -m tests.peer.report --failures all
    python -m tests.peer.report --raise-floors         # ratchet floors.json up to the rates

``python tests/peer/report.py`` works too.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``tests.peer`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.peer.harness import FAMILIES, SUITES, SuiteResult, describe_failure, run_suite

FLOORS_FILE = Path(__file__).resolve().parent / "floors.json"


def floors() -> dict[str, float]:
    data: dict[str, float] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return data


def table(results: Sequence[SuiteResult], floor: dict[str, float]) -> list[str]:
    """ "suite  passed/in-scope  rate  floor", one line per suite."""
    lines = [f"{'suite':<16}{'passed/in-scope':>17}{'rate':>8}{'floor':>8}"]
    for r in results:
        f = floor.get(r.suite, 0.0)
        mark = "" if r.rate >= f else "  BELOW FLOOR"
        lines.append(f"{r.suite:<16}{f'{r.passed}/{r.in_scope}':>17}{r.rate:>8.3f}{f:>8.3f}{mark}")
    return lines


def scope_table(results: Sequence[SuiteResult]) -> list[str]:
    """Cases per suite: in the file, not supported by the peer, left out per family, in scope."""
    keys = [f.key for f in FAMILIES]
    lines = ["cases left out, per family (SCOPE.md):"]
    for r in results:
        parts = [f"file {r.total}", f"peer-unsupported {r.unsupported}"]
        parts += [f"{k} {r.excluded[k]}" for k in keys if r.excluded.get(k)]
        parts.append(f"in scope {r.in_scope}")
        if r.years_dropped:
            parts.append(f"(calendar years dropped from {r.years_dropped})")
        lines.append(f"  {r.suite:<16}" + ", ".join(parts))
    return lines


def raise_floors(results: Sequence[SuiteResult]) -> dict[str, float]:
    """Floors only go up: each becomes max(floor, rate rounded down to 3 decimals)."""
    current = floors()
    for r in results:
        measured = math.floor(r.rate * 1000) / 1000
        current[r.suite] = max(current.get(r.suite, 0.0), measured)
    FLOORS_FILE.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return current


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.peer.report", description=__doc__)
    parser.add_argument(
        "--failures",
        metavar="SUITE",
        action="append",
        choices=[*SUITES, "all"],
        help="list the failing cases of SUITE (repeatable; 'all' for every suite)",
    )
    parser.add_argument("--suite", action="append", choices=SUITES, help="run only SUITE")
    parser.add_argument(
        "--raise-floors", action="store_true", help="raise floors.json to the measured rates"
    )
    args = parser.parse_args(argv)
    suites = args.suite or list(SUITES)
    wanted = set(SUITES) if "all" in (args.failures or []) else set(args.failures or [])
    suites = [s for s in SUITES if s in set(suites) | wanted]
    results = [run_suite(s) for s in suites]
    for r in results:
        if r.suite in wanted:
            print(f"== {r.suite}: {len(r.failures)} failing of {r.in_scope}")
            for o in r.failures:
                print(describe_failure(o))
            print()
    print("\n".join(table(results, floors())))
    print()
    print("\n".join(scope_table(results)))
    if args.raise_floors:
        new = raise_floors(results)
        print("\nfloors.json: " + ", ".join(f"{k} {v:.3f}" for k, v in new.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
