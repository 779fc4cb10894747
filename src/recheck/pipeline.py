"""The library's entry points: documents → claims → judgement, without any CLI.

>>> from recheck.pipeline import ScanOptions, scan
>>> result = scan(["seeds/"], ScanOptions())        # doctest: +SKIP

Files are read and their claims extracted one file at a time, in parallel processes when
``ScanOptions.jobs`` > 1; judging and reconciliation then see every claim at once. The result
does not depend on ``jobs``: files come back in walk order whatever finishes first.
"""

from __future__ import annotations

import contextlib
import pickle
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Protocol

from recheck.claims import Claim, claim_of_fields, claims_in_document
from recheck.documents import (
    DEFAULT_EXTENSIONS,
    BinaryFileError,
    Document,
    SkippedFile,
    decode,
    load_document,
    walk,
)
from recheck.intervals import Tolerance
from recheck.judge import Finding, judge
from recheck.reconcile import Conflict
from recheck.reference import Reference, load_reference
from recheck.vocabulary import Vocabulary

SUPPRESS_MARK = "recheck: ignore"
# Any comment form carries it (<!-- recheck: ignore -->, # recheck: ignore, // recheck:ignore).
_SUPPRESS = re.compile(r"recheck:\s*ignore", re.IGNORECASE)
_SUPPRESS_WORD = "recheck"  # what every match of _SUPPRESS holds once lower-cased


@dataclass(frozen=True, slots=True)
class ScanOptions:
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    reference: tuple[str, ...] = ()  # empty: the packaged reference
    as_of: str | None = None  # YYYY-MM-DD for undated articles; None: today
    tolerance: Tolerance = field(default_factory=Tolerance)
    honour_suppressions: bool = True  # lines marked "recheck: ignore" hold no claims
    jobs: int = 1  # processes that read files; 1: all in this process


@dataclass(frozen=True, slots=True)
class ClaimsResult:
    files: int
    skipped: tuple[SkippedFile, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class ScanResult:
    files: int
    skipped: tuple[SkippedFile, ...]
    findings: tuple[Finding, ...]
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)


class Progress(Protocol):
    """Told how many files there are, then once per file read (e.g. a progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


@dataclass(frozen=True, slots=True)
class FileTask:
    path: Path
    display: str


@dataclass(frozen=True, slots=True)
class FileBatch:
    """Consecutive files for one worker: the vocabulary travels (and its matchers are built)
    once per batch, not once per file."""

    files: tuple[FileTask, ...]
    encoding: str | None
    as_of: str | None
    honour_suppressions: bool
    vocabulary: Vocabulary


@dataclass(frozen=True, slots=True)
class FileOutcome:
    claims: tuple[Claim, ...]
    skipped: SkippedFile | None

    def __reduce__(self) -> tuple[object, ...]:
        # Outcomes come back from worker processes pickled. A frozen dataclass pickles as
        # its fields by name, looked up claim by claim; a claim as a plain tuple of its
        # fields pickles about four times as fast, and unpickles no slower.
        return (_outcome, (tuple(map(_claim_values, self.claims)), self.skipped))


_claim_values = attrgetter(*(f.name for f in fields(Claim)))


def _outcome(rows: tuple[tuple[object, ...], ...], skipped: SkippedFile | None) -> FileOutcome:
    """A FileOutcome from its pickled form (``FileOutcome.__reduce__``)."""
    return FileOutcome(tuple(map(claim_of_fields, rows)), skipped)


def suppressed_lines(document: Document, lines: Iterable[int]) -> frozenset[int]:
    """Which of ``lines`` (1-based, as claims number them) are marked ``recheck: ignore``;
    only those lines are exempt. Only the lines asked about are searched: the lines with
    claims are few, and searching a whole file for the mark costs as much as reading it."""
    starts, source = document.line_starts, document.source
    marked = set()
    for number in set(lines):
        start, end = starts[number - 1], (starts[number] if number < len(starts) else len(source))
        # A case-insensitive search tries each place of the line (a paragraph, often); a
        # lower-cased copy's substring test runs at C speed and rules out most lines (every
        # letter the regex takes for one of "recheck", the Kelvin sign too, lower-cases to it).
        if _SUPPRESS_WORD in source[start:end].lower() and _SUPPRESS.search(source, start, end):
            marked.add(number)
    return frozenset(marked)


def read_file(task: FileTask, batch: FileBatch) -> FileOutcome:
    """The claims of one file of ``batch`` (or why it was skipped)."""
    try:
        document = load_document(task.path, task.display, batch.encoding, as_of=batch.as_of)
    except BinaryFileError:
        return FileOutcome((), SkippedFile(task.display, "binary file"))
    claims = tuple(claims_in_document(document, batch.vocabulary))
    if batch.honour_suppressions and claims:
        marked = suppressed_lines(document, (c.line for c in claims))
        if marked:
            claims = tuple(c for c in claims if c.line not in marked)
    return FileOutcome(claims, None)


@dataclass(frozen=True, slots=True)
class _WorkerBatch:
    """A batch as it travels to a worker process: the vocabulary pickled once per scan, as
    bytes, which cost a copy to send where the terms cost a pickling each time."""

    batch: FileBatch  # its vocabulary left out (an empty one)
    vocabulary: bytes


def _read_batch(sent: _WorkerBatch) -> tuple[FileOutcome, ...]:
    """One batch's outcomes, in order (top level, so that worker processes can run it)."""
    batch = replace(sent.batch, vocabulary=_worker_vocabulary(sent.vocabulary))
    return tuple(read_file(task, batch) for task in batch.files)


@lru_cache(maxsize=4)
def _worker_vocabulary(packed: bytes) -> Vocabulary:
    """One Vocabulary object per pickled vocabulary in a process: unpickled once, and its
    matchers, cached per object, built once rather than batch by batch. The main process reads
    its files with this object too, the first before any worker starts: forked workers
    inherit it, matchers built, where each would otherwise build its own (~25 ms)."""
    vocabulary = pickle.loads(packed)
    assert isinstance(vocabulary, Vocabulary)
    return vocabulary


# Batches per reading process, at most: each costs a round trip, but the main process waits,
# at the end, for the batches a worker has started or been handed (two), so they are kept
# small (with 4 it waited ~360 ms of a 1.3 s scan of the seeds x25, with 16 ~70-90 ms).
BATCHES_PER_PROCESS = 16

# Below this much text (about a quarter of a second of work) starting worker processes costs
# more than it saves: the seeds (40 KB in five files) are read faster in one process.
PARALLEL_MIN_BYTES = 256 * 1024


def _total_size(files: Sequence[FileTask]) -> int:
    total = 0
    for task in files:
        with contextlib.suppress(OSError):  # an unreadable file is reported when it is read
            total += task.path.stat().st_size
    return total


def _outcomes(batch: FileBatch, jobs: int) -> Iterator[FileOutcome]:
    """Outcomes in the order of ``batch.files``, computed in up to ``jobs`` processes."""
    files = batch.files
    if jobs <= 1 or len(files) <= 2 or _total_size(files[1:]) < PARALLEL_MIN_BYTES:
        yield from (read_file(task, batch) for task in files)
        return
    packed = pickle.dumps(batch.vocabulary, protocol=pickle.HIGHEST_PROTOCOL)
    # Files are read here with the vocabulary the workers look up. The first is read before
    # they start: it warms the lazily built tables (units, lexicon, the vocabulary's
    # matchers), which forked workers then inherit instead of each building their own.
    here = replace(batch, vocabulary=_worker_vocabulary(packed))
    yield read_file(files[0], here)
    rest = files[1:]
    # This process reads files too: ``jobs`` processes in all, none of them idle.
    workers = min(jobs - 1, len(rest))
    # Batches of a few files: few round trips, yet the progress bar keeps moving.
    count = min(len(rest), (workers + 1) * BATCHES_PER_PROCESS)
    size = -(-len(rest) // count)
    unloaded = replace(batch, vocabulary=Vocabulary(()))
    batches = [
        _WorkerBatch(replace(unloaded, files=rest[i : i + size]), packed)
        for i in range(0, len(rest), size)
    ]
    from concurrent.futures import ProcessPoolExecutor  # only when it is used: fast start-up

    try:
        pool = ProcessPoolExecutor(max_workers=workers)
    except (OSError, NotImplementedError):  # no process support here (e.g. no semaphores)
        yield from (read_file(task, here) for task in rest)
        return
    try:
        futures = [pool.submit(_read_batch, sent) for sent in batches]
        read_here: dict[int, tuple[FileOutcome, ...]] = {}
        given = 0  # batches whose outcomes were yielded, in order
        # The workers take batches from the front, this process from the back, as long as
        # the next is still waiting for a worker; meanwhile the workers' outcomes are given
        # out in order as they come, for the progress bar.
        for index in range(len(batches) - 1, 0, -1):
            if not futures[index].cancel():
                break
            read_here[index] = tuple(read_file(task, here) for task in batches[index].batch.files)
            while given < index and futures[given].done():
                yield from futures[given].result()
                given += 1
        for index in range(given, len(batches)):
            yield from read_here[index] if index in read_here else futures[index].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def file_batch(paths: Sequence[str], options: ScanOptions, reference: Reference) -> FileBatch:
    """The files under ``paths`` to read, in walk order, with what reading each needs; for
    runners other than this module's (recheck.dask_scan)."""
    if options.encoding is not None:
        decode(b"", options.encoding)  # an unknown encoding fails before any file is read
    return FileBatch(
        tuple(
            FileTask(path, display)
            for path, display in walk(paths, options.extensions, options.exclude)
        ),
        options.encoding,
        options.as_of,
        options.honour_suppressions,
        reference.vocabulary,
    )


def extract_claims(
    paths: Sequence[str],
    options: ScanOptions,
    reference: Reference | None = None,
    progress: Progress | None = None,
) -> ClaimsResult:
    """Every numeric expression in the files under ``paths``, resolved or not.

    The reference's vocabulary resolves what each number is about.
    """
    reference = reference or load_reference(options.reference)
    batch = file_batch(paths, options, reference)
    if progress is not None:
        progress.start(len(batch.files))
    claims: list[Claim] = []
    skipped: list[SkippedFile] = []
    for outcome in _outcomes(batch, options.jobs):
        claims.extend(outcome.claims)
        if outcome.skipped is not None:
            skipped.append(outcome.skipped)
        if progress is not None:
            progress.advance()
    return ClaimsResult(len(batch.files) - len(skipped), tuple(skipped), tuple(claims))


def scan(
    paths: Sequence[str], options: ScanOptions, progress: Progress | None = None
) -> ScanResult:
    """Extract, judge against the reference and reconcile the claims under ``paths``."""
    reference = load_reference(options.reference)
    extracted = extract_claims(paths, options, reference, progress)
    # Reconciliation needs every claim of every file: it runs once, after extraction.
    findings, conflicts = judge(extracted.claims, reference, options.as_of, options.tolerance)
    return ScanResult(extracted.files, extracted.skipped, tuple(findings), tuple(conflicts))
