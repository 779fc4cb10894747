"""The JSON documents of the output contract: ``recheck/claims/v1`` and ``recheck/report/v1``."""

from __future__ import annotations

import json
from typing import Any

from recheck.claims import Claim
from recheck.judge import Finding
from recheck.pipeline import ClaimsResult, ScanResult
from recheck.reference import Fact

CLAIMS_SCHEMA = "recheck/claims/v1"
REPORT_SCHEMA = "recheck/report/v1"


def _number(value: float | None) -> float | int | None:
    """Integral floats as ints (44000000, not 44000000.0): the same number, easier to read."""
    if value is None:
        return None
    if value == int(value) and abs(value) < 2**53:
        return int(value)
    return value


def claim_object(claim: Claim) -> dict[str, Any]:
    fields = claim.contract_fields()
    for name in ("value", "low", "high"):
        fields[name] = _number(fields[name])
    return fields


def reference_object(fact: Fact | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    source = fact.source
    return {
        "value": _number(fact.value),
        "low": _number(fact.low),
        "high": _number(fact.high),
        "unit": fact.unit,
        "year": fact.year,
        "source": {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            "locator": fact.locator,
        },
    }


def finding_object(finding: Finding) -> dict[str, Any]:
    obj = claim_object(finding.claim)
    obj.update(
        verdict=finding.verdict,
        severity=finding.severity,
        reference=reference_object(finding.reference),
        message=finding.message,
        conflicts_with=list(finding.conflicts_with),
    )
    return obj


def claims_document(result: ClaimsResult) -> dict[str, Any]:
    return {"schema": CLAIMS_SCHEMA, "claims": [claim_object(c) for c in result.claims]}


def report_document(result: ScanResult) -> dict[str, Any]:
    counts = {v: 0 for v in ("supported", "outdated", "contradicted", "unverified")}
    for finding in result.findings:
        counts[finding.verdict] += 1
    return {
        "schema": REPORT_SCHEMA,
        "summary": {
            "files": result.files,
            "skipped": len(result.skipped),
            "claims": len(result.findings),
            **counts,
            "conflicts": len(result.conflicts),
        },
        "claims": [finding_object(f) for f in result.findings],
        "conflicts": [
            {
                "key": {
                    "subject": c.key.subject,
                    "partner": c.key.partner,
                    "metric": c.key.metric,
                    "commodity": c.key.commodity,
                    "measure": c.key.measure,
                },
                "year": c.year,
                "claims": list(c.claims),
                "severity": c.severity,
                "message": c.message,
            }
            for c in result.conflicts
        ],
    }


def dumps(document: dict[str, Any]) -> str:
    """Deterministic JSON text: fixed key order as built, UTF-8 characters kept readable."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
