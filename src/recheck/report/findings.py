"""What every report shows: the findings worth reporting, most severe first, and their ids."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from recheck.judge import SEVERITIES, Finding
from recheck.pipeline import ScanResult
from recheck.reconcile import Conflict

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


def _digest(parts: tuple[object, ...]) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]


def fingerprint(finding: Finding) -> str:
    """Stable across line shifts: the claim's key and its normalised sentence and text.

    The line and column are left out on purpose, so an edit above a finding keeps its
    fingerprint; an edit of the sentence itself makes it a new finding.
    """
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
    return _digest(parts)


def conflict_fingerprint(conflict: Conflict, findings: Mapping[str, Finding]) -> str:
    """A conflict's key and year and its members' fingerprints (``findings`` by claim id)."""
    key = conflict.key
    members = sorted(fingerprint(findings[i]) for i in conflict.claims if i in findings)
    parts = (key.subject, key.partner, key.metric, key.commodity, key.measure, conflict.year)
    return _digest((*parts, *members))
