"""Extraction throughput: recheck's extractor and whole pipeline against quantulum3.

    python benchmarks/extract.py [--copies 25] [--repeats 3] [--processes 3]
                                 [--quantulum-copies 1]

The corpus is the seeds (seeds/*.txt) concatenated ``--copies`` times. Figures are KB/s of
UTF-8 text (1 KB = 1024 bytes), the best of ``--repeats`` timed runs after one warm-up run,
in each of ``--processes`` fresh processes, one after the other; the measurements take
turns, round after round, so that the machine's slow spells weigh on all of them alike.
Several processes, as pyperf runs its worker processes: on the project's VM the same code
ran 520-780 ms from one process to the next (memory layout, the machine), more than from
one run to the next within a process.
quantulum3 (the ``bench`` extra) is English-only and slow: it gets the same text, but only
that of the first ``--quantulum-copies`` copies, once line by line and once file by file.
Each recheck figure is compared with quantulum3 given its input the same way: line by line
for the extractor, file by file for the stages that read files. Exits 2 if quantulum3 is
not installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def best_of_rounds(repeats: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Seconds of the fastest of ``repeats`` runs of each of ``runs``, after one untimed
    warm-up run of each. The runs take turns, round after round: a slow spell of a shared
    machine then slows recheck and quantulum3 alike, not the one measured at that moment."""
    for run in runs.values():
        run()
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def kilobytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1024


def seed_texts() -> dict[str, str]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        sys.exit(f"no seeds found in {SEEDS}")
    return {path.name: path.read_text(encoding="utf-8") for path in files}


def lines_of(texts: list[str]) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line.strip()]


def ratio(fast: float, slow: float) -> str:
    value = fast / slow
    return f"{value:.0f}x" if value >= 10 else f"{value:.1f}x"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=25, help="copies of the seeds (25)")
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed runs in each process, best kept (3)"
    )
    parser.add_argument(
        "--processes", type=int, default=3, help="fresh processes that measure in turn (3)"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--quantulum-copies", type=int, default=1, help="copies quantulum3 parses (1)"
    )
    args = parser.parse_args()
    if min(args.copies, args.repeats, args.processes, args.quantulum_copies) < 1:
        parser.error("--copies, --repeats, --processes and --quantulum-copies must be at least 1")

    if importlib.util.find_spec("quantulum3") is None:
        print(
            "quantulum3 is not installed; install the bench extra: pip install -e '.[bench]'",
            file=sys.stderr,
        )
        return 2

    if args.worker:  # one of the processes below: its best seconds, as JSON, on stdout
        seconds, claims = measure(args)
        print(json.dumps({"seconds": seconds, "claims": claims}))
        return 0

    from recheck.build import build_kind

    seeds = seed_texts()
    corpus = list(seeds.values()) * args.copies
    lines = lines_of(corpus)
    size = kilobytes(corpus)
    files = list(seeds.values()) * min(args.quantulum_copies, args.copies)
    sample = lines_of(files)
    print(f"corpus: {len(seeds)} seed files x {args.copies} copies, {size:.1f} KB")
    # An editable install runs the number readers as plain Python, `pip install .` compiled.
    print(f"recheck build: {build_kind()}")
    print(f"processes: {args.processes}, timed runs in each: {args.repeats}")
    seconds: dict[str, float] = {}
    claims = 0
    for _ in range(args.processes):
        command = [sys.executable, __file__, "--worker", f"--copies={args.copies}"]
        command += [f"--repeats={args.repeats}", f"--quantulum-copies={args.quantulum_copies}"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr, end="")
            return done.returncode
        measured = json.loads(done.stdout.splitlines()[-1])
        claims = measured["claims"]
        for name, value in measured["seconds"].items():
            seconds[name] = min(seconds.get(name, float("inf")), value)
    jobs = sorted(int(name.split()[1]) for name in seconds if name.startswith("scan "))
    extract_rate = kilobytes(lines) / seconds["extract lines"]
    extract_files_rate = size / seconds["extract files"]
    pipeline_rate = size / seconds["pipeline"]
    scan_rates = {count: size / seconds[f"scan {count}"] for count in jobs}
    quantulum_rate = kilobytes(sample) / seconds["quantulum lines"]
    quantulum_files_rate = kilobytes(files) / seconds["quantulum files"]
    print(f"recheck extract (lines): {extract_rate:.1f} KB/s")
    print(f"recheck extract (files): {extract_files_rate:.1f} KB/s")
    print(f"recheck pipeline: {pipeline_rate:.1f} KB/s")
    print(f"recheck pipeline claims: {claims}")
    for count, rate in scan_rates.items():
        print(f"recheck scan (--jobs {count}): {rate:.1f} KB/s")
    print(f"quantulum3 sample: {len(files)} files, {len(sample)} lines, {kilobytes(files):.1f} KB")
    print(f"quantulum3 (lines): {quantulum_rate:.1f} KB/s")
    print(f"quantulum3 (files): {quantulum_files_rate:.1f} KB/s")
    print(f"ratio (extract, lines): {ratio(extract_rate, quantulum_rate)}")
    print(f"ratio (extract, files): {ratio(extract_files_rate, quantulum_files_rate)}")
    print(f"ratio (pipeline, files): {ratio(pipeline_rate, quantulum_files_rate)}")
    for jobs, rate in scan_rates.items():
        print(f"ratio (scan --jobs {jobs}, files): {ratio(rate, quantulum_files_rate)}")
    return 0


def measure(args: argparse.Namespace) -> tuple[dict[str, float], int]:
    """Seconds of the best run of each measurement in this process, and the claims found."""
    from recheck.numbers import extract
    from recheck.pipeline import ScanOptions, extract_claims, scan
    from recheck.reference import load_reference

    seeds = seed_texts()
    corpus = list(seeds.values()) * args.copies
    lines = lines_of(corpus)

    # (a) the extractor alone, line by line.
    def extract_lines() -> None:
        for line in lines:
            extract(line)

    # (a') extraction as a scan reads: files to documents (decode, articles, sentences) and
    # every sentence's mentions, without resolution.
    from recheck.documents import build_document

    seeds_copies = [(name, text) for name, text in seeds.items()] * args.copies

    def extract_files() -> None:
        for name, text in seeds_copies:
            document = build_document(text, name, "utf-8", kind=name, as_of="2025-11-01")
            for sentence in document.sentences:
                extract(sentence.text)

    # (c) quantulum3 on the same text, first copies only: line by line, then file by file
    # (it is slower on a whole article than on its lines one at a time). Without its optional
    # classifier (scikit-learn) it warns on import; that mode is the faster one.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as quantulum

    files = list(seeds.values()) * min(args.quantulum_copies, args.copies)
    sample = lines_of(files)

    def parse_lines() -> None:
        for line in sample:
            quantulum.parse(line)

    def parse_files() -> None:
        for text in files:
            quantulum.parse(text)

    options = ScanOptions(as_of="2025-11-01")
    reference = load_reference(options.reference)  # loaded once, as a long run would
    jobs = sorted({1, os.cpu_count() or 1})
    with tempfile.TemporaryDirectory(prefix="recheck-bench-") as folder:
        for copy in range(args.copies):
            for name, text in seeds.items():
                Path(folder, f"{copy:03d}_{name}").write_text(text, encoding="utf-8")
        claims = len(extract_claims([folder], options, reference).claims)
        runs: dict[str, Callable[[], object]] = {
            "extract lines": extract_lines,
            "extract files": extract_files,
            # (b) the whole pipeline: read, decode, split, extract and resolve every copy.
            "pipeline": lambda: extract_claims([folder], options, reference),
        }
        # (d) the whole scan as `recheck scan` runs it: reference, verdicts, reconciliation;
        # in one process, then with one worker process per core.
        for count in jobs:
            scanning = replace(options, jobs=count)
            runs[f"scan {count}"] = lambda o=scanning: scan([folder], o)
        runs["quantulum lines"] = parse_lines
        runs["quantulum files"] = parse_files
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            seconds = best_of_rounds(args.repeats, runs)
    return seconds, claims


if __name__ == "__main__":
    sys.exit(main())
