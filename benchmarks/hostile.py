"""Hostile and big input: time and peak memory of a whole scan, one fresh process per case.

    python benchmarks/hostile.py [--size-mb 1] [--big-mb 20] [--only NAME ...]

Each case is written to a temporary file and scanned with ``recheck.pipeline.scan`` (one job)
in a child process, so that its peak resident memory (ru_maxrss) is its own. Cases:

- the 1 MB lines of the hardening issue (digit runs, ``1,1,1,…``, ``百分之`` repeated,
  ``over over … 70%``, ``$$$…``) and more of the kind (``万`` runs, numeral runs);
- lines of hundreds of thousands of numbers (``1 1 1 …``, ``1.1.1…``, ``3万4000 …``), whose
  cost is per claim;
- ``big article``: the seeds repeated to ``--big-mb`` megabytes as one article.

Prints one line per case: seconds, claims, peak memory in MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from recheck.pipeline import ScanOptions, scan
start = time.perf_counter()
result = scan([sys.argv[1]], ScanOptions(as_of="2025-11-01", jobs=1))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
print(json.dumps({"seconds": seconds, "claims": len(result.findings), "peak_mb": peak}))
"""


def cases(size: int, big: int) -> dict[str, str]:
    seeds = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    return {
        "digit run": "7" * size,
        "comma chain": "1," * (size // 2),
        "百分之 repeated": "百分之" * (size // 3),
        "over over … 70%": "over " * (size // 5) + "70%",
        "dollar run": "$" * size,
        "万 run": "万" * size,
        "numeral run": "一二三" * (size // 3),
        "year run": "2025 " * (size // 5),
        "spaced numbers": "1 " * (size // 2),
        "dot chain": "1." * (size // 2),
        "3万4000 list": "3万4000 " * (size // 8),
        "big article": seeds * max(1, big // max(1, len(seeds.encode("utf-8")))),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1.0, help="size of a hostile line (1)")
    parser.add_argument("--big-mb", type=float, default=20.0, help="size of the big article (20)")
    parser.add_argument("--only", nargs="*", default=None, help="case names to run")
    args = parser.parse_args()
    size, big = int(args.size_mb * 1_000_000), int(args.big_mb * 1_000_000)
    from recheck.build import build_kind

    print(f"recheck build: {build_kind()}")  # editable installs run plain Python
    with tempfile.TemporaryDirectory() as folder:
        for name, text in cases(size, big).items():
            if args.only and name not in args.only:
                continue
            path = Path(folder) / "case.txt"
            path.write_text(text, encoding="utf-8")
            mb = len(text.encode("utf-8")) / 1_000_000
            run = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            if run.returncode != 0:
                print(f"{name}: FAILED ({run.stderr.strip().splitlines()[-1:]})")
                continue
            figures = json.loads(run.stdout)
            print(
                f"{name} ({mb:.1f} MB): {figures['seconds']:.2f} s, {figures['claims']} claims, "
                f"peak {figures['peak_mb']:.0f} MB",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
