"""GitHub Actions workflow commands: annotations on the pull request's files.

GitHub shows at most 10 annotations of each level per step and 50 per job, so the most
severe come first, each level stops at its cap, and a closing notice says what was left out.
"""

from __future__ import annotations

from recheck.judge import Finding
from recheck.pipeline import ScanResult
from recheck.report.findings import conflicts_by_severity, reported

PER_LEVEL = 10
COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(
    level: str,
    file: str,
    line: int,
    column: int,
    title: str,
    message: str,
    end_column: int | None = None,
) -> str:
    props = [f"file={escape_property(file)}", f"line={line}", f"col={column}"]
    if end_column is not None:
        props.append(f"endColumn={end_column}")
    props.append(f"title={escape_property(title)}")
    return f"::{COMMAND[level]} {','.join(props)}::{escape_data(message)}"


def _finding_line(finding: Finding) -> str:
    claim = finding.claim
    title = f"recheck: {finding.verdict} ({claim.text})"
    end = claim.column + len(claim.text) if "\n" not in claim.text else None
    return _annotation(
        finding.severity, claim.file, claim.line, claim.column, title, finding.message, end
    )


REPORT_HINT = "run `recheck scan` on the same paths with --format text or json, or see the SARIF"
LEVEL_WORDS = {"error": "errors", "warning": "warnings", "note": "notes"}


def github_lines(result: ScanResult, report_hint: str = REPORT_HINT) -> list[str]:
    """Annotations, most severe first, at most ``PER_LEVEL`` of each level.

    When some are left out, the closing notice takes one of the notice slots, so that GitHub
    shows it too (an eleventh notice would be dropped like the rest).
    """
    by_id = {f.claim.id: f.claim for f in result.findings}
    candidates: list[tuple[str, str]] = []
    for conflict in conflicts_by_severity(result):
        first = by_id.get(conflict.claims[0])
        if first is not None:
            candidates.append(
                (
                    conflict.severity,
                    _annotation(
                        conflict.severity,
                        first.file,
                        first.line,
                        first.column,
                        "recheck: conflict",
                        conflict.message,
                    ),
                )
            )
    candidates += [(f.severity, _finding_line(f)) for f in reported(result)]
    order = {"error": 0, "warning": 1, "note": 2}
    candidates.sort(key=lambda c: order[c[0]])  # stable: conflicts, then findings by place
    totals = {level: sum(1 for c in candidates if c[0] == level) for level in order}
    caps = dict.fromkeys(order, PER_LEVEL)
    if any(total > PER_LEVEL for total in totals.values()):
        caps["note"] = PER_LEVEL - 1  # the closing notice is a notice too: leave it a slot
    shown: list[str] = []
    counts = dict.fromkeys(order, 0)
    for level, line in candidates:
        if counts[level] < caps[level]:
            counts[level] += 1
            shown.append(line)
    left = {level: totals[level] - counts[level] for level in order}
    if any(left.values()):
        parts = ", ".join(f"{n} {LEVEL_WORDS[level]}" for level, n in left.items() if n)
        shown.append(
            f"::notice title=recheck::{sum(left.values())} more findings not annotated "
            f"({parts}; GitHub shows {PER_LEVEL} per level in a step). "
            f"Full report: {escape_data(report_hint)}"
        )
    return shown


def dumps(result: ScanResult) -> str:
    lines = github_lines(result)
    return "\n".join(lines) + ("\n" if lines else "")
