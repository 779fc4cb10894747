"""The report for people: rich tables in a terminal, plain text when piped."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from recheck.claims import Claim
from recheck.judge import SEVERITIES, Finding
from recheck.pipeline import ClaimsResult, ScanResult

_INDENT = 6  # the explanation under a finding's first line

VERDICT_STYLE = {
    "supported": "green",
    "outdated": "yellow",
    "contradicted": "red",
    "conflict": "magenta",
    "unverified": "dim",
}


def _fmt(value: float | None) -> str:
    if value is None:
        return "∞"
    return f"{value:,.0f}" if value == int(value) and abs(value) >= 1000 else f"{value:g}"


def _key(claim: Claim) -> str:
    """What the number is about, in one column: subject ← partner, metric, commodity, period;
    ``?`` for each field left unresolved, ``—`` when none is resolved."""
    fields = (claim.subject, claim.partner, claim.metric, claim.commodity, claim.year)
    if not any(fields):
        return "—"
    who = (claim.subject or "?") + (f" ← {claim.partner}" if claim.partner else "")
    parts = [who, claim.metric or "?", claim.commodity or "?"]
    if claim.year:
        parts.append(f"[{claim.period or claim.year}]")
    return " ".join(parts)


def _value(claim: Claim) -> str:
    if claim.qualifier == "range" or claim.low != claim.high:
        return (
            f"{_fmt(claim.low) if claim.low is not None else '-∞'}..{_fmt(claim.high)} {claim.unit}"
        )
    return f"{_fmt(claim.value)} {claim.unit}"


def render_claims(result: ClaimsResult, console: Console) -> None:
    """One claim per entry: its ``file:line:col`` alone on a line (never wrapped, so a
    terminal or editor can jump to it), then expression, value, measure and what it is
    about, in columns that fit an 80-column terminal."""
    claims = result.claims
    expression_width = min(max((cell_len(c.text) for c in claims), default=10), 16)
    value_width = min(max((cell_len(_value(c)) for c in claims), default=5), 14)
    columns = (("expression", expression_width), ("value", value_width), ("measure", 8))
    header = "  " + "  ".join(_pad(name, width) for name, width in columns) + "  about"
    console.print(Text("location", style="bold"), soft_wrap=True)
    console.print(Text(header, style="bold"), soft_wrap=True)
    for claim in claims:
        console.print(Text(claim.id, style="cyan"), soft_wrap=True)
        cells = (claim.text, _value(claim), claim.measure or "—")
        line = "  " + "  ".join(
            _pad(text, width) for text, (_, width) in zip(cells, columns, strict=True)
        )
        about = _key(claim)
        if cell_len(line) + 2 + cell_len(about) > console.width:
            console.print(line.rstrip(), soft_wrap=True)
            line = "    "
        else:
            line += "  "
        console.print(Text(line) + Text(about, style="bold" if claim.subject else "dim"))
    _skipped(result.skipped, console)
    console.print(f"{len(result.claims)} claims in {result.files} files")


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (a Chinese character takes two)."""
    return text + " " * max(0, width - cell_len(text))


def _skipped(skipped: Iterable[object], console: Console) -> None:
    for item in skipped:
        console.print(
            f"skipped {getattr(item, 'path', item)}: {getattr(item, 'reason', '')}", style="dim"
        )


def render_scan(
    result: ScanResult,
    console: Console,
    *,
    verbose: bool = False,
    quiet: bool = False,
    fail_on: str = "error",
) -> None:
    """Findings grouped by file, conflicts together, then a summary.

    Default: warnings and errors; ``verbose``: every claim; ``quiet``: only what fails the run.
    """
    if quiet:
        failing = SEVERITIES[: SEVERITIES.index(fail_on) + 1] if fail_on != "never" else ()
        shown = [f for f in result.findings if f.severity in failing]
        conflicts = [c for c in result.conflicts if c.severity in failing]
    else:
        wanted = SEVERITIES if verbose else ("error", "warning")
        shown = [f for f in result.findings if f.severity in wanted]
        conflicts = list(result.conflicts)
    conflicts.sort(key=lambda c: (SEVERITIES.index(c.severity), c.claims))  # errors first
    # Grouped by file in the order the files were read, then by place within each file.
    file_order = {name: i for i, name in enumerate(dict.fromkeys(f.claim.file for f in shown))}
    shown.sort(key=lambda f: (file_order[f.claim.file], f.claim.line, f.claim.column))
    current = None
    for finding in shown:
        claim = finding.claim
        if claim.file != current:
            current = claim.file
            console.print(Text(current, style="bold underline"))
        head, *details = _finding_lines(finding)
        console.print(head)
        for detail in details:
            console.print(_indented(detail, console.width))
    if conflicts:
        console.print(Text("conflicts", style="bold underline"))
        by_id = {f.claim.id: f.claim for f in result.findings}
        for conflict in conflicts:
            badge = Text(f" {'CONFLICT':<12}", style=VERDICT_STYLE["conflict"])
            console.print(Text.assemble("  ", badge, f" {conflict.severity}"))
            console.print(_indented(Text(conflict.message), console.width))

            for claim_id in conflict.claims:
                member = by_id.get(claim_id)
                text = member.text if member else ""
                console.print(Text.assemble("      ", (claim_id, "magenta"), f"  {text}"))
    if quiet:
        return
    _skipped(result.skipped, console)
    counts = Counter(f.verdict for f in result.findings)
    summary = Table(box=None, header_style="bold", pad_edge=False)
    for name in (
        "files",
        "claims",
        "supported",
        "outdated",
        "contradicted",
        "unverified",
        "conflicts",
    ):
        style = VERDICT_STYLE.get(name.rstrip("s") if name == "conflicts" else name, "")
        summary.add_column(name, justify="right", style=style)
    summary.add_row(
        str(result.files),
        str(len(result.findings)),
        *(str(counts[v]) for v in ("supported", "outdated", "contradicted", "unverified")),
        str(len(result.conflicts)),
    )
    console.print(summary)


def _indented(text: Text, width: int) -> Text:
    """``text`` wrapped to ``width`` under an indent, without trailing spaces (rich pads a
    wrapped block to the full width)."""
    lines = textwrap.wrap(text.plain, max(20, width - _INDENT), break_on_hyphens=False)
    indent = " " * _INDENT
    return Text("\n".join(indent + line for line in lines), style=text.style)


def _finding_lines(finding: Finding) -> list[Text]:
    """The place, verdict and expression on one line (an editor jumps to ``file:line:col``),
    then what the reference says, its source and the claims it conflicts with, indented."""
    claim = finding.claim
    badge = Text(f" {finding.verdict.upper():<12}", style=VERDICT_STYLE[finding.verdict])
    lines = [Text.assemble(f"  {claim.id}", badge, " ", (claim.text, "bold"))]
    lines.append(Text(finding.message))
    if finding.reference is not None:
        source = finding.reference.source
        where = f", {finding.reference.locator}" if finding.reference.locator else ""
        lines.append(Text(f"source: {source.publisher}: {source.title}{where}", style="dim"))
    if finding.conflicts_with:
        lines.append(Text(f"conflicts with {', '.join(finding.conflicts_with)}", style="magenta"))
    return lines
