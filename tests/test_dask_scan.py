"""The Dask runner gives the single-process report: on the seeds, on a local cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from recheck.pipeline import ScanOptions, scan
from recheck.report import json_format

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from recheck.dask_scan import scan_with_dask  # noqa: E402  (needs dask)

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = ScanOptions(as_of="2025-11-01")


@pytest.fixture(scope="module")
def client():
    # Two worker processes: claims and conflicts really cross process boundaries.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def report(result) -> str:
    return json_format.dumps(json_format.report_document(result))


def test_dask_report_equals_the_single_process_one_on_the_seeds(client, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    expected = scan(["seeds/"], OPTIONS)
    got = scan_with_dask(["seeds/"], OPTIONS, client=client, files_per_partition=2)
    assert got.conflicts, "the seeds hold conflicts: reconciliation must have run"
    assert report(got) == report(expected)


def test_dask_reconciles_across_partitions(client, tmp_path: Path) -> None:
    # One file a partition: the conflict between a.txt and c.txt is only seen after the
    # group-by brings their claims together.
    (tmp_path / "a.txt").write_text(
        "China holds 37% of the world's rare earth reserves.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "China holds 60% of the world's rare earth reserves.\n", encoding="utf-8"
    )
    expected = scan([str(tmp_path)], OPTIONS)
    got = scan_with_dask([str(tmp_path)], OPTIONS, client=client, files_per_partition=1)
    assert [c.claims for c in got.conflicts] == [c.claims for c in expected.conflicts]
    assert len(got.conflicts) == 1
    assert report(got) == report(expected)
