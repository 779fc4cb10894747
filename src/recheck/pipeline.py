"""The library's entry points: documents → claims → judgement, without any CLI.

>>> from recheck.pipeline import ScanOptions, scan
>>> result = scan(["seeds/"], ScanOptions())        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from recheck.claims import Claim, claims_in_documents
from recheck.documents import DEFAULT_EXTENSIONS, Document, SkippedFile, read_documents
from recheck.judge import Conflict, Finding, Tolerance, judge
from recheck.reference import Reference, load_reference

SUPPRESS_MARK = "recheck: ignore"


@dataclass(frozen=True, slots=True)
class ScanOptions:
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    reference: tuple[str, ...] = ()  # empty: the packaged reference
    as_of: str | None = None  # YYYY-MM-DD for undated articles; None: today
    tolerance: Tolerance = field(default_factory=Tolerance)
    honour_suppressions: bool = True  # lines marked "recheck: ignore" hold no claims


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


def extract_claims(
    paths: Sequence[str], options: ScanOptions, reference: Reference | None = None
) -> ClaimsResult:
    """Every numeric expression in the files under ``paths``, resolved or not.

    The reference's vocabulary resolves what each number is about.
    """
    reference = reference or load_reference(options.reference)
    documents, skipped = read_documents(
        paths,
        extensions=options.extensions,
        exclude=options.exclude,
        encoding=options.encoding,
        as_of=options.as_of,
    )
    claims = claims_in_documents(documents, reference.vocabulary)
    if options.honour_suppressions:
        marked = _suppressed(documents)
        claims = [c for c in claims if (c.file, c.line) not in marked]
    return ClaimsResult(len(documents), tuple(skipped), tuple(claims))


def _suppressed(documents: Sequence[Document]) -> set[tuple[str, int]]:
    """(file, line) of every line marked ``recheck: ignore``; only that line is exempt."""
    marked: set[tuple[str, int]] = set()
    for document in documents:
        if SUPPRESS_MARK not in document.source:
            continue
        for number, line in enumerate(document.source.split("\n"), start=1):
            if SUPPRESS_MARK in line:
                marked.add((document.path, number))
    return marked


def scan(paths: Sequence[str], options: ScanOptions) -> ScanResult:
    """Extract, judge against the reference and reconcile the claims under ``paths``."""
    reference = load_reference(options.reference)
    extracted = extract_claims(paths, options, reference)
    findings, conflicts = judge(extracted.claims, reference, options.as_of, options.tolerance)
    return ScanResult(extracted.files, extracted.skipped, tuple(findings), tuple(conflicts))
