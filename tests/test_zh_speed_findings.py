"""Findings built as plain slotted objects (``judge._finding``) equal the frozen dataclass's
own: same class, fields, equality and repr, and still frozen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from recheck import judge
from recheck.judge import SEVERITY_OF, Finding, _finding
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
        patch.setattr(
            judge,
            "_finding",
            lambda claim, verdict, fact, message, partners: Finding(
                claim, verdict, SEVERITY_OF[verdict], fact, message, partners
            ),
        )
        plain = scan([str(SEEDS)], ScanOptions(as_of="2025-11-01", jobs=1)).findings
    assert all(type(found) is Finding for found in findings)
    assert [dataclasses.astuple(f) for f in findings] == [dataclasses.astuple(f) for f in plain]
    assert findings == plain
    assert [repr(f) for f in findings] == [repr(f) for f in plain]


def test_finding_fields_in_order(findings: tuple[Finding, ...]) -> None:
    claim = findings[0].claim
    built = _finding(claim, "contradicted", None, "a message", ("x:1:1",))
    assert built == Finding(claim, "contradicted", SEVERITY_OF["contradicted"], None,
                            "a message", ("x:1:1",))  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.message = "another"  # type: ignore[misc]
