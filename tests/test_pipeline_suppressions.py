"""``recheck: ignore`` exempts exactly the line it is on, as claims number lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from recheck.pipeline import ScanOptions, extract_claims

LINES = [
    "China mined 270,000 tonnes of rare earths in 2024.",
    "Australia mined 13,000 tonnes. # RECHECK: Ignore",
    "Myanmar mined 31,000 tonnes.",
    "The US mined 45,000 tonnes. recheck:",
    "ignore is not a mark across lines: 12,000 tonnes.",
]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_a_mark_exempts_its_own_line_whatever_ends_lines(tmp_path: Path, newline: str) -> None:
    (tmp_path / "a.txt").write_bytes(newline.join(LINES).encode("utf-8") + newline.encode())
    claims = extract_claims([str(tmp_path)], ScanOptions(as_of="2025-11-01")).claims
    assert sorted({c.line for c in claims}) == [1, 3, 4, 5]
    assert "13,000" not in {c.text for c in claims}


def test_marks_are_ignored_when_asked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    options = ScanOptions(as_of="2025-11-01", honour_suppressions=False)
    claims = extract_claims([str(tmp_path)], options).claims
    assert sorted({c.line for c in claims}) == [1, 2, 3, 4, 5]
