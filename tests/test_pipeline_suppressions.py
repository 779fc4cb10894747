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


def test_every_spelling_the_mark_pattern_takes_is_a_mark(tmp_path: Path) -> None:
    """Lines are ruled out by a substring test before the mark's case-insensitive regex:
    whatever the regex takes for the mark (each letter in either case, the Kelvin sign for
    "k") still marks its line."""
    mark = "recheck: ignore"
    spellings = [
        mark,
        mark.upper(),
        "ReChEcK:ignore",
        "rechec\u212a:  IGNORE",
        "RECHEC\u212a: ignore",
    ]
    for letter in range(len("recheck")):
        for variant in {mark[letter].upper(), "\u212a" if mark[letter] == "k" else ""} - {""}:
            spellings.append(mark[:letter] + variant + mark[letter + 1 :])
    lines = [
        f"Output rose by {index + 10}%. {spelling}" for index, spelling in enumerate(spellings)
    ]
    (tmp_path / "a.txt").write_text("\n".join([*lines, "Output fell by 5%."]) + "\n", "utf-8")
    claims = extract_claims([str(tmp_path)], ScanOptions(as_of="2025-11-01")).claims
    assert [c.line for c in claims] == [len(lines) + 1]
