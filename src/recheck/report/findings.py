"""What every report shows: the findings worth reporting, most severe first, and their ids."""

from __future__ import annotations

import hashlib
import re

from recheck.judge import SEVERITIES, Conflict, Finding
from recheck.pipeline import ScanResult

RULES = {
    "contradicted": "A figure that fits no edition of the reference.",
    "outdated": "A figure that fits only an earlier edition or year of the reference.",
    "conflict": "The same quantity stated incompatibly in one article or across articles.",
    "unverified": "A figure with no reference value to check it against.",
}
RULE_IDS = tuple(f"recheck/{name}" for name in RULES)


def reported(result: ScanResult) -> list[Finding]:
    """Findings other than ``supported``, most severe first, then by place."""
    findings = [f for f in result.findings if f.verdict != "supported"]
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), _place(f)))


def _place(finding: Finding) -> tuple[str, int, int]:
    return finding.claim.file, finding.claim.line, finding.claim.column


def conflicts_by_severity(result: ScanResult) -> list[Conflict]:
    return sorted(result.conflicts, key=lambda c: (SEVERITIES.index(c.severity), c.claims))


def fingerprint(finding: Finding) -> str:
    """Stable across line shifts: the claim's key and its normalised sentence and text."""
    claim = finding.claim
    sentence = re.sub(r"\s+", " ", claim.sentence).strip().lower()
    parts = (
        claim.file,
        claim.subject,
        claim.partner,
        claim.metric,
        claim.commodity,
        claim.measure,
        claim.text,
        sentence,
    )
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]
