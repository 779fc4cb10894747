"""The text form of ``recheck claims``: a table a fact-checker scans in an 80-column terminal."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console

from recheck.pipeline import ScanOptions, extract_claims
from recheck.report.text_format import render_claims

from .conftest import SEEDS


def rendered(width: int) -> tuple[list[str], list[str]]:
    result = extract_claims([str(SEEDS)], ScanOptions(as_of="2025-11-01"))
    out = io.StringIO()
    render_claims(result, Console(file=out, width=width, no_color=True, highlight=False))
    return out.getvalue().splitlines(), [c.id for c in result.claims]


def test_each_location_stands_whole_on_its_own_line() -> None:
    lines, ids = rendered(80)
    assert ids
    stripped = {line.strip() for line in lines}
    for claim_id in ids:
        assert claim_id in stripped, f"{claim_id} is not alone on a line"


def test_rows_fit_an_80_column_terminal() -> None:
    lines, ids = rendered(80)
    longest_id = max(len(i) for i in ids)
    for line in lines:
        assert cell_len(line) <= max(80, longest_id), line


def test_the_about_column_shows_the_key_and_marks_gaps() -> None:
    lines, _ = rendered(80)
    text = "\n".join(lines)
    assert "US ← CN refining ?" in text  # 99% of dysprosium and samarium: commodity unknown
    assert "CN mine_production rare_earths" in text
    assert "CN content rare_earths [2025]" in text
