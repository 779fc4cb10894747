"""A reading: a number as the words give it, before conversion to the contract's units.

Both extractors produce readings (value in the unit as written, qualifier, interval, the
measure the words force); ``to_mention`` converts them with pint to the canonical unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from recheck.frozen import builder, fields_reduce, replacer
from recheck.numbers.mention import Mention, _mention_stored, interval
from recheck.numbers.units import tidy, to_canonical


@dataclass(frozen=True, slots=True)
class Reading:
    start: int
    end: int
    value: float
    unit: str | None = None  # a pint unit, currency code, "percent", "pp", "fold", "rank"
    qualifier: str = "eq"
    low: float | None = None  # for ranges (in ``unit``)
    high: float | None = None
    measure: str | None = None  # forced by the words: change, rank, ratio, share
    sign: int = 1  # -1 for "fell 29.5%"

    def with_unit(self, unit: str | None) -> Reading:
        return replace_reading(self, unit=unit)

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def _reading_stored(
    start: int,
    end: int,
    value: float,
    unit: str | None = None,
    qualifier: str = "eq",
    low: float | None = None,
    high: float | None = None,
    measure: str | None = None,
    sign: int = 1,
) -> Reading:
    """``Reading(...)``, compiled: one direct store a field (see frozen.builder)."""
    reading = Reading.__new__(Reading)
    reading.start = start  # type: ignore[misc]
    reading.end = end  # type: ignore[misc]
    reading.value = value  # type: ignore[misc]
    reading.unit = unit  # type: ignore[misc]
    reading.qualifier = qualifier  # type: ignore[misc]
    reading.low = low  # type: ignore[misc]
    reading.high = high  # type: ignore[misc]
    reading.measure = measure  # type: ignore[misc]
    reading.sign = sign  # type: ignore[misc]
    return reading


# The extractors build and change readings for every number: ``Reading(...)`` and
# ``dataclasses.replace`` without the frozen __init__'s call a field (recheck.frozen).
new_reading = builder(Reading, _reading_stored)
replace_reading = replacer(Reading, _reading_stored)
_new_mention = builder(Mention, _mention_stored)


def _convert(value: float, unit: str) -> tuple[float, str, str]:
    if unit == "rank":
        return value, "rank", "rank"
    if unit == "fold":
        return tidy(value), "x", "ratio"
    if unit == "percent":
        return tidy(value), "percent", "share"
    return to_canonical(tidy(value), unit)


def to_mention(reading: Reading, text: str) -> Mention | None:
    """The Mention of ``reading`` in canonical units; None if its unit is unknown to pint, or
    if its value is too large for a float (a run of 400 digits is no quantity)."""
    unit = reading.unit or "1"
    try:
        value, canonical, measure = _convert(reading.value * reading.sign, unit)
    except KeyError:
        return None
    if reading.qualifier == "range" and reading.low is not None and reading.high is not None:
        ends = sorted(_convert(v * reading.sign, unit)[0] for v in (reading.low, reading.high))
        low: float | None = ends[0]
        high: float | None = ends[1]
    else:
        qualifier = reading.qualifier
        if reading.sign < 0:  # "fell more than 20%": the bound flips with the sign
            qualifier = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge"}.get(qualifier, qualifier)
        low, high = interval(value, qualifier)
    if reading.measure == "change" and canonical == "percent":
        measure = "change"
    elif reading.measure in ("share", "ratio", "rank", "change") and canonical in ("percent", "x"):
        measure = reading.measure
    # Tested one by one, not through all() over a generator: this runs for every mention.
    finite = math.isfinite
    if not (
        finite(value)
        and (low is None or low == value or finite(low))
        and (high is None or high == value or finite(high))
    ):
        return None
    # Positional, in the order of the fields: keywords cost a call as much again to match.
    return _new_mention(
        reading.start,
        reading.end,
        text[reading.start : reading.end],
        value,
        canonical,
        reading.qualifier,
        low,
        high,
        measure,
    )
