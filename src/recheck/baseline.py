"""Baselines: the findings a newsroom has already accepted.

``recheck baseline PATH… > .recheck-baseline.json`` records today's findings by fingerprint
(claim key + normalised sentence + expression, not the line number), so that
``--baseline FILE`` fails only on findings that are new. Conflicts are recorded too, by their
key and their members' fingerprints: a conflict already accepted stays accepted, and a new
claim joining it makes it new. (Suppressing one line with ``recheck: ignore`` happens
earlier, in the pipeline.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from recheck.errors import InputError
from recheck.judge import Finding
from recheck.pipeline import ScanResult
from recheck.report.findings import conflict_fingerprint, fingerprint

SCHEMA = "recheck/baseline/v1"


def baseline_document(result: ScanResult) -> dict[str, object]:
    entries = sorted(
        {
            (fingerprint(f), f.claim.file, f.verdict)
            for f in result.findings
            if f.verdict != "supported"
        }
    )
    by_id = {f.claim.id: f for f in result.findings}
    conflicts = sorted(
        {
            (conflict_fingerprint(c, by_id), tuple(sorted({i.rsplit(":", 2)[0] for i in c.claims})))
            for c in result.conflicts
        }
    )
    return {
        "schema": SCHEMA,
        "findings": [{"fingerprint": fp, "file": file, "verdict": v} for fp, file, v in entries],
        "conflicts": [{"fingerprint": fp, "files": list(files)} for fp, files in conflicts],
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
    known: set[str] = set()
    for name in ("findings", "conflicts"):
        entries = data.get(name, [])
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
        ):
            raise InputError(f"{path}: baseline '{name}' must be a list of {{fingerprint: …}}")
        known.update(e["fingerprint"] for e in entries)
    return frozenset(known)


def without_baseline(result: ScanResult, known: Iterable[str]) -> ScanResult:
    """The result with the findings and conflicts already in the baseline left out."""
    accepted = frozenset(known)
    by_id = {f.claim.id: f for f in result.findings}
    kept: list[Finding] = [
        f for f in result.findings if f.verdict == "supported" or fingerprint(f) not in accepted
    ]
    conflicts = tuple(c for c in result.conflicts if conflict_fingerprint(c, by_id) not in accepted)
    return replace(result, findings=tuple(kept), conflicts=conflicts)
