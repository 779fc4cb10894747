"""A scan of a directory tree as a Dask bag: for corpora past one machine (docs/scale.md).

Extraction runs per document on Dask's workers; reconciliation is a group-by on claim keys,
each group reconciled where it lands; verdicts need every claim's conflicts and run last.
The report is the one :func:`recheck.pipeline.scan` gives (tests/test_dask_scan.py).

Needs the ``dask`` extra (``pip install 'recheck-news[dask]'``). With no ``client`` the
scheduler is Dask's default, or the one a ``distributed.Client`` made current.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from recheck.claims import Claim
from recheck.intervals import Tolerance
from recheck.judge import judge
from recheck.pipeline import (
    FileBatch,
    FileOutcome,
    FileTask,
    ScanOptions,
    ScanResult,
    file_batch,
    read_file,
)
from recheck.reconcile import Conflict, reconcile
from recheck.reference import load_reference
from recheck.wording import Names


def scan_with_dask(
    paths: Sequence[str],
    options: ScanOptions,
    *,
    client: Any = None,
    files_per_partition: int = 4,
) -> ScanResult:
    """Extract, judge and reconcile the claims under ``paths`` with Dask."""
    import dask
    import dask.bag as db

    reference = load_reference(options.reference)
    batch = file_batch(paths, options, reference)
    shared = dask.delayed(batch, pure=True)  # one graph node, not a copy in every task
    files = db.from_sequence(
        list(enumerate(batch.files)), partition_size=max(1, files_per_partition)
    )
    outcomes = files.map(_read, shared)
    claims = outcomes.map(_indexed_claims).flatten()
    conflicts = _reconciled(claims, options.tolerance, Names.of_vocabulary(reference.vocabulary))
    scheduler = client.get if client is not None else None
    outcome_list, conflict_list = dask.compute(outcomes, conflicts, scheduler=scheduler)
    ordered = sorted(outcome_list, key=lambda item: item[0])
    all_claims = [claim for _, outcome in ordered for claim in outcome.claims]
    skipped = tuple(o.skipped for _, o in ordered if o.skipped is not None)
    findings, judged = judge(
        all_claims, reference, options.as_of, options.tolerance, conflicts=_order(conflict_list)
    )
    return ScanResult(len(ordered) - len(skipped), skipped, tuple(findings), tuple(judged))


def _read(item: tuple[int, FileTask], batch: FileBatch) -> tuple[int, FileOutcome]:
    index, task = item
    return index, read_file(task, batch)


def _indexed_claims(item: tuple[int, FileOutcome]) -> list[tuple[int, int, Claim]]:
    index, outcome = item
    return [(index, place, claim) for place, claim in enumerate(outcome.claims)]


def _group(item: tuple[int, int, Claim]) -> tuple[str | None, str | None]:
    # Every group that reconciliation forms (same key and period; the largest of one metric
    # and material) lies inside one (metric, commodity): reconciling each of these alone
    # finds every conflict once.
    claim = item[2]
    return claim.metric, claim.commodity


def _reconciled(claims: Any, tolerance: Tolerance, names: Names) -> Any:
    """The conflicts of a bag of (file, place, claim), as a bag."""

    def conflicts_of(group: tuple[Any, Iterable[tuple[int, int, Claim]]]) -> list[Conflict]:
        members = [claim for _, _, claim in sorted(group[1], key=lambda m: (m[0], m[1]))]
        return reconcile(members, tolerance, names)

    return claims.groupby(_group).map(conflicts_of).flatten()


def _order(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """The order of :func:`recheck.reconcile.reconcile`: conflicts of one subject by the id of
    their first claim, then those between subjects (both "the largest") the same way."""
    return sorted(conflicts, key=lambda c: (c.key.subject is None, c.claims[0]))
