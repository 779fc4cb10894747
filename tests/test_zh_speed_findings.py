"""Findings built by ``judge._new_finding`` (recheck.frozen.builder) equal the frozen
dataclass's own: same class, fields, equality and repr, and still frozen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from recheck import judge
from recheck.judge import SEVERITY_OF, Finding
from recheck.pipeline import ScanOptions, scan

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def findings() -> tuple[Finding, ...]:
    return scan([str(SEEDS)], ScanOptions(as_of="2025-11-01", jobs=1)).findings


def test_findings_equal_the_dataclass(findings: tuple[Finding, ...]) -> None:
    verdicts = {f.verdict for f in findings}
    assert len(verdicts) > 2 and any(f.reference is not None for f in findings)
    assert any(f.conflicts_with for f in findings)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(judge, "_new_finding", Finding)
        plain = scan([str(SEEDS)], ScanOptions(as_of="2025-11-01", jobs=1)).findings
    assert all(type(found) is Finding for found in findings)
    assert [dataclasses.astuple(f) for f in findings] == [dataclasses.astuple(f) for f in plain]
    assert findings == plain
    assert [repr(f) for f in findings] == [repr(f) for f in plain]


def test_finding_fields_in_order(findings: tuple[Finding, ...]) -> None:
    claim = findings[0].claim
    fields = (claim, "contradicted", SEVERITY_OF["contradicted"], None, "a message", ("x:1:1",))
    built = judge._new_finding(*fields)
    assert built == Finding(*fields)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.message = "another"  # type: ignore[misc]
