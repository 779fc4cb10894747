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
