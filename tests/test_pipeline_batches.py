"""Batches sent to worker processes: each arrives with its own copy of the vocabulary, and a
worker must not rebuild the vocabulary's matchers batch after batch."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from recheck import pipeline
from recheck.pipeline import FileBatch, FileOutcome, FileTask, ScanOptions, file_batch
from recheck.reference import load_reference

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_batches_of_one_worker_share_one_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def read(task: FileTask, batch: FileBatch) -> FileOutcome:
        seen.append(batch.vocabulary)
        return FileOutcome((), None)

    monkeypatch.setattr(pipeline, "read_file", read)
    batch = file_batch([str(SEEDS)], ScanOptions(), load_reference())
    copies = [pickle.loads(pickle.dumps(replace(batch, files=batch.files[:1]))) for _ in "ab"]
    assert copies[0].vocabulary is not copies[1].vocabulary
    for copy in copies:
        pipeline._read_batch(copy)
    assert len(seen) == 2 and seen[0] is seen[1]
    assert seen[0].terms == batch.vocabulary.terms


def test_a_batch_reads_as_the_file_by_file_loop() -> None:
    reference = load_reference()
    batch = file_batch([str(SEEDS)], ScanOptions(as_of="2025-11-01"), reference)
    copy = pickle.loads(pickle.dumps(batch))
    assert pipeline._read_batch(copy) == tuple(pipeline.read_file(t, batch) for t in batch.files)
