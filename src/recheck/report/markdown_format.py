"""Markdown for a pull-request comment: a summary and a table of findings."""

from __future__ import annotations

from collections import Counter

from recheck.judge import Finding
from recheck.pipeline import ScanResult
from recheck.report.findings import conflicts_by_severity, reported

# A pull-request comment holds at most 65,536 characters; rows past this many are counted.
MAX_ROWS = 100

BADGE = {
    "contradicted": "🔴 contradicted",
    "outdated": "🟡 outdated",
    "unverified": "⚪ unverified",
    "conflict": "🟣 conflict",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _source(finding: Finding) -> str:
    if finding.reference is None:
        return ""
    source = finding.reference.source
    name = _cell(f"{source.publisher}: {source.title}")
    return f"[{name}]({source.url})" if source.url else name


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
        out += ["| where | verdict | claim | finding | source |", "|---|---|---|---|---|"]
        for finding in rows[:MAX_ROWS]:
            claim = finding.claim
            out.append(
                f"| `{_cell(claim.id)}` | {BADGE[finding.verdict]} | {_cell(claim.text)} | "
                f"{_cell(finding.message)} | {_source(finding)} |"
            )
        out.append("")
        if len(rows) > MAX_ROWS:
            out += [f"… and {len(rows) - MAX_ROWS} more; the full list: `--format json`.", ""]
    conflicts = conflicts_by_severity(result)
    if conflicts:
        out += ["### Conflicts", ""]
        for conflict in conflicts:
            places = ", ".join(f"`{i}`" for i in conflict.claims)
            out.append(f"- **{conflict.severity}**: {_cell(conflict.message)} ({places})")
        out.append("")
    if not rows and not conflicts:
        out += ["No contradicted, outdated or conflicting figures.", ""]
    if counts["unverified"] and not include_notes:
        out += [
            f"{counts['unverified']} unverified figures (no reference value) are not listed.",
            "",
        ]
    return "\n".join(out)
