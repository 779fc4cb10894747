"""The Mention: one numeric expression found in a span of text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from recheck.frozen import fields_reduce

# Qualifiers of the output contract, in the words of ../CONTRACT.md.
QUALIFIERS = ("eq", "approx", "nearly", "gt", "ge", "lt", "le", "range")
MEASURES = ("share", "change", "amount", "money", "rank", "ratio", "count", "duration")


@dataclass(frozen=True, slots=True)
class Mention:
    """A numeric expression, in the canonical unit of the contract.

    ``start``/``end`` are code-point offsets into the text that was scanned (end exclusive);
    ``text`` is that slice of the *original* text (qualifier and unit included).
    For ``eq``, ``approx`` and ``nearly`` ``low == high == value``; ``None`` means unbounded.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str = "eq"
    low: float | None = None
    high: float | None = None
    measure: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def _mention_stored(
    start: int,
    end: int,
    text: str,
    value: float,
    unit: str,
    qualifier: str = "eq",
    low: float | None = None,
    high: float | None = None,
    measure: str | None = None,
) -> Mention:
    """``Mention(...)``, compiled: one direct store a field (see frozen.builder)."""
    mention = Mention.__new__(Mention)
    mention.start = start  # type: ignore[misc]
    mention.end = end  # type: ignore[misc]
    mention.text = text  # type: ignore[misc]
    mention.value = value  # type: ignore[misc]
    mention.unit = unit  # type: ignore[misc]
    mention.qualifier = qualifier  # type: ignore[misc]
    mention.low = low  # type: ignore[misc]
    mention.high = high  # type: ignore[misc]
    mention.measure = measure  # type: ignore[misc]
    return mention


def interval(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """The interval the words allow for a single value (ranges build their own)."""
    if qualifier in ("gt", "ge"):
        return value, None
    if qualifier in ("lt", "le"):
        return None, value
    return value, value
