"""SARIF 2.1.0: one result per finding, for code-scanning dashboards."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from recheck import __version__
from recheck.judge import Finding
from recheck.pipeline import ScanResult
from recheck.report.findings import (
    RULES,
    conflict_fingerprint,
    conflicts_by_severity,
    fingerprint,
    reported,
)

LEVEL = {"error": "error", "warning": "warning", "note": "note", "none": "none"}


def _artifact(file: str) -> dict[str, str]:
    """A relative path stays relative to the scan root (what code scanning expects)."""
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(file, safe="/"), "uriBaseId": "SRCROOT"}


def _location(file: str, line: int, column: int, text: str) -> dict[str, Any]:
    lines = text.split("\n")
    end_line = line + len(lines) - 1
    end_column = (column if len(lines) == 1 else 1) + len(lines[-1])
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(file),
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,  # exclusive, in code points
                "snippet": {"text": text},
            },
        }
    }


def _message(finding: Finding) -> str:
    message = finding.message
    if finding.reference is not None:
        source = finding.reference.source
        locator = f", {finding.reference.locator}" if finding.reference.locator else ""
        url = f" <{source.url}>" if source.url else ""
        message += f" Source: {source.publisher}, {source.title}{locator}{url}."
    return message


def _invocation(result: ScanResult) -> dict[str, Any]:
    """The run itself: files skipped as binary are notifications, not results."""
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if result.skipped:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {"text": f"skipped: {item.reason}"},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(item.path)}}],
            }
            for item in result.skipped
        ]
    return invocation


def sarif_document(result: ScanResult) -> dict[str, Any]:
    rule_index = {f"recheck/{name}": i for i, name in enumerate(RULES)}
    results: list[dict[str, Any]] = []
    for finding in reported(result):
        claim = finding.claim
        rule = f"recheck/{finding.verdict}"
        results.append(
            {
                "ruleId": rule,
                "ruleIndex": rule_index[rule],
                "level": LEVEL[finding.severity],
                "message": {"text": _message(finding)},
                "locations": [_location(claim.file, claim.line, claim.column, claim.text)],
                "partialFingerprints": {"recheckClaim/v1": fingerprint(finding)},
                "properties": {
                    "verdict": finding.verdict,
                    "claimId": claim.id,
                    "conflictsWith": list(finding.conflicts_with),
                },
            }
        )
    by_id = {f.claim.id: f for f in result.findings}
    conflict_results = []
    for conflict in conflicts_by_severity(result):
        members = [by_id[i] for i in conflict.claims if i in by_id]
        if not members:
            continue
        first, others = members[0], members[1:]
        related = []
        for index, other in enumerate(others, start=1):
            location = _location(
                other.claim.file, other.claim.line, other.claim.column, other.claim.text
            )
            location["id"] = index
            location["message"] = {"text": f"also stated here: {other.claim.text}"}
            related.append(location)
        conflict_results.append(
            {
                "ruleId": "recheck/conflict",
                "ruleIndex": rule_index["recheck/conflict"],
                "level": LEVEL[conflict.severity],
                "message": {"text": conflict.message},
                "locations": [
                    _location(
                        first.claim.file, first.claim.line, first.claim.column, first.claim.text
                    )
                ],
                "relatedLocations": related,
                "partialFingerprints": {
                    "recheckConflict/v1": conflict_fingerprint(conflict, by_id)
                },
            }
        )
    # Most severe first across both kinds: errors, then warnings, then notes.
    order = {"error": 0, "warning": 1, "note": 2, "none": 3}
    combined = sorted(results + conflict_results, key=lambda r: order[r["level"]])
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "recheck",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/recheck-news/",
                        "rules": [
                            {
                                "id": f"recheck/{name}",
                                "name": name.capitalize(),
                                "shortDescription": {"text": text},
                                "defaultConfiguration": {
                                    "level": {
                                        "contradicted": "error",
                                        "outdated": "warning",
                                        "conflict": "error",
                                        "unverified": "note",
                                    }[name]
                                },
                            }
                            for name, text in RULES.items()
                        ],
                    }
                },
                # SRCROOT is left to the consumer (the repository root for code scanning).
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(result)],
                "results": combined,
            }
        ],
    }


def dumps(result: ScanResult) -> str:
    return json.dumps(sarif_document(result), ensure_ascii=False, indent=2) + "\n"
