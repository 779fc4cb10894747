"""Rows of expected mentions, shared by the English and Chinese extractor tests.

A row is (text as written, value, unit, qualifier, low, high); ``assert_mentions`` checks that
a sentence yields exactly the rows given, in order, so a missing or an extra mention fails.
"""

from __future__ import annotations

import pytest

from recheck.numbers import extract

Row = tuple[str, float, str, str, float | None, float | None]


def eq(text: str, value: float, unit: str, qualifier: str = "eq") -> Row:
    """A mention whose interval follows from its qualifier (the contract's rule)."""
    low: float | None = value
    high: float | None = value
    if qualifier in ("gt", "ge"):
        high = None
    if qualifier in ("lt", "le"):
        low = None
    return (text, value, unit, qualifier, low, high)


def rng(text: str, low: float, high: float, unit: str) -> Row:
    return (text, (low + high) / 2, unit, "range", low, high)


def assert_mentions(sentence: str, expected: list[Row]) -> None:
    found = [(m.text, m.value, m.unit, m.qualifier, m.low, m.high) for m in extract(sentence)]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected, strict=True):
        assert got[0] == want[0], (got, want)
        assert got[1] == pytest.approx(want[1], rel=1e-9), (got, want)
        assert got[2:4] == want[2:4], (got, want)
        for end_got, end_want in zip(got[4:], want[4:], strict=True):
            if end_want is None:
                assert end_got is None, (got, want)
            else:
                assert end_got == pytest.approx(end_want, rel=1e-9), (got, want)
