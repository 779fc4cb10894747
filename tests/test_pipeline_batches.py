"""Batches sent to worker processes carry the vocabulary pickled once per scan; a worker
unpickles it, and builds its matchers, once, not batch after batch."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from recheck import pipeline
from recheck.pipeline import FileBatch, FileOutcome, FileTask, ScanOptions, file_batch
from recheck.reference import load_reference
from recheck.vocabulary import Vocabulary

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def sent(batch: FileBatch, files: tuple[FileTask, ...]) -> pipeline._WorkerBatch:
    """A batch as the pool sends it: pickled, with the vocabulary as bytes."""
    packed = pickle.dumps(batch.vocabulary)
    unloaded = replace(batch, files=files, vocabulary=Vocabulary(()))
    return pickle.loads(pickle.dumps(pipeline._WorkerBatch(unloaded, packed)))


def test_batches_of_one_worker_share_one_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Vocabulary] = []

    def read(task: FileTask, batch: FileBatch) -> FileOutcome:
        seen.append(batch.vocabulary)
        return FileOutcome((), None)

    monkeypatch.setattr(pipeline, "read_file", read)
    batch = file_batch([str(SEEDS)], ScanOptions(), load_reference())
    for files in (batch.files[:1], batch.files[1:2]):
        pipeline._read_batch(sent(batch, files))
    assert len(seen) == 2 and seen[0] is seen[1]
    assert seen[0].terms == batch.vocabulary.terms


def test_a_sent_batch_reads_as_the_file_by_file_loop() -> None:
    batch = file_batch([str(SEEDS)], ScanOptions(as_of="2025-11-01"), load_reference())
    outcomes = pipeline._read_batch(sent(batch, batch.files))
    assert outcomes == tuple(pipeline.read_file(task, batch) for task in batch.files)
    assert sum(len(outcome.claims) for outcome in outcomes) > 50


def _read_batch_building_nothing(sent: pipeline._WorkerBatch) -> tuple[FileOutcome, ...]:
    """``_read_batch`` in a worker, failing if the worker built vocabulary matchers."""
    from recheck.vocabulary import _matchers

    built = _matchers.cache_info().misses
    outcomes = _READ_BATCH(sent)
    assert _matchers.cache_info().misses == built, "a worker built its own matchers"
    return outcomes


_READ_BATCH = pipeline._read_batch


def test_forked_workers_inherit_the_matchers_the_first_file_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers inherit the parent's tables only when forked")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline, "_read_batch", _read_batch_building_nothing)
    batch = file_batch([str(SEEDS)], ScanOptions(as_of="2025-11-01"), load_reference())
    parallel = list(pipeline._outcomes(batch, 2))
    assert parallel == [pipeline.read_file(task, batch) for task in batch.files]


def test_outcomes_come_back_from_workers_unchanged() -> None:
    # Outcomes travel pickled as tuples of field values (FileOutcome.__reduce__): every
    # field, and its type, must survive.
    batch = file_batch([str(SEEDS)], ScanOptions(as_of="2025-11-01"), load_reference())
    outcomes = [pipeline.read_file(task, batch) for task in batch.files]
    outcomes.append(FileOutcome((), pipeline.SkippedFile("x.bin", "binary file")))
    back = pickle.loads(pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == outcomes
    for before, after in zip(outcomes, back, strict=True):
        for claim, returned in zip(before.claims, after.claims, strict=True):
            assert [type(v) for v in pipeline._claim_values(returned)] == [
                type(v) for v in pipeline._claim_values(claim)
            ]


@pytest.mark.parametrize("jobs", [2, 3])
def test_outcomes_read_here_and_in_workers_come_in_walk_order(
    jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers take batches from the front and this process from the back: whoever reads
    # a file, the outcomes come in the order of the files.
    for copy in range(6):
        for seed in sorted(SEEDS.glob("*.txt")):
            (tmp_path / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    batch = file_batch([str(tmp_path)], ScanOptions(as_of="2025-11-01"), load_reference())
    expected = [pipeline.read_file(task, batch) for task in batch.files]
    assert list(pipeline._outcomes(batch, jobs)) == expected
