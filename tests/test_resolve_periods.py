"""time_marks skips its year and month patterns when a substring test shows they cannot
match; the marks must be those of running both patterns on every text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recheck.periods import _CN_DIGIT, _CN_MONTH, _YEAR, TimeMark, time_marks

# Pieces of years and months, and what the patterns' lookarounds look at on either side.
PIECES = ["2025", "1999", "1949", "19", "20", "0", "9", "12", "月", "十二", "三", "年", "万"]
PIECES += [".", ",", "%", " ", " t", "kg", "a"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def reference_marks(text: str) -> list[TimeMark]:
    """Both patterns run on every text, no substring test first."""
    marks = [TimeMark(m.start(1), m.end(1), year=int(m.group(1))) for m in _YEAR.finditer(text)]
    for match in _CN_MONTH.finditer(text):
        raw = match.group(1)
        month = int(raw) if raw.isdigit() else _CN_DIGIT.get(raw)
        if month:
            marks.append(TimeMark(match.start(), match.end(), month=month))
    return sorted(marks, key=lambda m: m.start)


@given(TEXTS)
def test_marks_are_those_of_both_patterns(text: str) -> None:
    assert time_marks(text, []) == reference_marks(text)


def test_marks_of_years_and_months() -> None:
    text = "2023年9月 and 1999, not 2025万 or 12月1, 十二月"
    assert [(m.year, m.month) for m in time_marks(text, [])] == [
        (2023, None),
        (None, 9),
        (1999, None),
        (None, 12),
    ]
