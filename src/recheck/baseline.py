"""Baselines: the findings a newsroom has already accepted.

``recheck baseline PATH… > .recheck-baseline.json`` records today's findings by fingerprint
(claim key + normalised sentence + expression, not the line number), so that
``--baseline FILE`` fails only on findings that are new. (Suppressing one line with
``recheck: ignore`` happens earlier, in the pipeline.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from recheck.errors import InputError
from recheck.judge import Finding
from recheck.pipeline import ScanResult
from recheck.report.findings import fingerprint

SCHEMA = "recheck/baseline/v1"


def baseline_document(result: ScanResult) -> dict[str, object]:
    entries = sorted(
        {
            (fingerprint(f), f.claim.file, f.verdict)
            for f in result.findings
            if f.verdict != "supported"
        }
    )
    return {
        "schema": SCHEMA,
        "findings": [{"fingerprint": fp, "file": file, "verdict": v} for fp, file, v in entries],
    }


def read_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read baseline: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a recheck baseline (invalid JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"{path}: not a recheck baseline (expected schema {SCHEMA})")
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in findings
    ):
        raise InputError(f"{path}: baseline 'findings' must be a list of {{fingerprint: …}}")
    return frozenset(f["fingerprint"] for f in findings)


def without_baseline(result: ScanResult, known: Iterable[str]) -> ScanResult:
    """The result with findings already in the baseline left out (and conflicts among them)."""
    accepted = frozenset(known)
    kept: list[Finding] = [
        f for f in result.findings if f.verdict == "supported" or fingerprint(f) not in accepted
    ]
    ids = {f.claim.id for f in kept}
    conflicts = tuple(c for c in result.conflicts if any(i in ids for i in c.claims))
    return replace(result, findings=tuple(kept), conflicts=conflicts)
