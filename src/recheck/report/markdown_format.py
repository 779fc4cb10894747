"""Markdown for a pull-request comment: a summary and a table of findings."""

from __future__ import annotations

from collections import Counter

from recheck.pipeline import ScanResult
from recheck.report.findings import conflicts_by_severity, reported

BADGE = {
    "contradicted": "🔴 contradicted",
    "outdated": "🟡 outdated",
    "unverified": "⚪ unverified",
    "conflict": "🟣 conflict",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def dumps(result: ScanResult, *, include_notes: bool = False) -> str:
    counts = Counter(f.verdict for f in result.findings)
    out = ["## recheck", ""]
    out.append("| files | claims | supported | outdated | contradicted | unverified | conflicts |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|")
    out.append(
        f"| {result.files} | {len(result.findings)} | {counts['supported']} | "
        f"{counts['outdated']} | {counts['contradicted']} | {counts['unverified']} | "
        f"{len(result.conflicts)} |"
    )
    out.append("")
    rows = [f for f in reported(result) if include_notes or f.severity != "note"]
    if rows:
        out += ["| where | verdict | claim | finding |", "|---|---|---|---|"]
        for finding in rows:
            claim = finding.claim
            out.append(
                f"| `{_cell(claim.id)}` | {BADGE[finding.verdict]} | {_cell(claim.text)} | "
                f"{_cell(finding.message)} |"
            )
        out.append("")
    conflicts = conflicts_by_severity(result)
    if conflicts:
        out += ["### Conflicts", ""]
        for conflict in conflicts:
            places = ", ".join(f"`{i}`" for i in conflict.claims)
            out.append(f"- **{conflict.severity}**: {_cell(conflict.message)} ({places})")
        out.append("")
    if not rows and not conflicts:
        out += ["No contradicted, outdated or conflicting figures.", ""]
    return "\n".join(out)
