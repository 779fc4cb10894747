"""Intervals: the values a claim's words allow, and those a reference figure covers given the
precision it was printed with. Verdicts and reconciliation both compare them."""

from __future__ import annotations

import math
from dataclasses import dataclass

from recheck.claims import Claim
from recheck.reference import Fact, printed_half_unit


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far the words of a claim stretch (relative to its value). Configurable under
    ``[tolerance]`` in recheck.toml; the defaults are documented in the README."""

    eq: float = 0.02  # a plain "70%" still rounds: 70 covers 68.6–71.4
    approx: float = 0.10  # "about 70%" covers 63–77
    nearly: float = 0.10  # "nearly 90%" covers 81–90: just below, never above


Interval = tuple[float, float]


def claim_interval(claim: Claim, tolerance: Tolerance) -> Interval:
    """The values the words of ``claim`` allow: 'over 90%' is (90, ∞), 'nearly 90%' just
    below 90, 'about 70%' 70 with a relative slack, a plain figure its rounding."""
    value = claim.value
    if claim.qualifier in ("eq", "approx"):
        rel = tolerance.eq if claim.qualifier == "eq" else tolerance.approx
        slack = max(printed_half_unit(value), abs(value) * rel)
        return value - slack, value + slack
    if claim.qualifier == "nearly":
        # Just short of the figure in size: "fell nearly 30%" (-30) is a fall of 27–30%.
        if value < 0:
            return value, value + abs(value) * tolerance.nearly
        return value - abs(value) * tolerance.nearly, value
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    if claim.qualifier == "range":
        return low - printed_half_unit(low) if claim.low is not None else low, (
            high + printed_half_unit(high) if claim.high is not None else high
        )
    return low, high


class ClaimIntervals:
    """``claim_interval`` for the many claims of one pass: claims stating one figure in the
    same words (an archive states a figure thousands of times) share one computation."""

    def __init__(self, tolerance: Tolerance) -> None:
        self.tolerance = tolerance
        self._known: dict[tuple[str, float, float | None, float | None], Interval] = {}

    def __call__(self, claim: Claim) -> Interval:
        bounds = (claim.qualifier, claim.value, claim.low, claim.high)
        interval = self._known.get(bounds)
        if interval is None:
            interval = self._known[bounds] = claim_interval(claim, self.tolerance)
        return interval


def printed_interval(claim: Claim, tolerance: Tolerance) -> Interval:
    """What a plain figure covers by its printed digits alone (44 → 43.5–44.5), without the
    verifier's slack; qualified figures keep the interval of their words. Used where two
    claims are combined, so that the slack is not counted twice."""
    if claim.qualifier == "eq":
        half = printed_half_unit(claim.value)
        return claim.value - half, claim.value + half
    return claim_interval(claim, tolerance)


def fact_interval(fact: Fact) -> Interval:
    """The values a reference figure covers, given the precision it was printed with."""
    if fact.derived:  # derived shares and ranks carry their own computed bounds
        low = -math.inf if fact.low is None else fact.low
        high = math.inf if fact.high is None else fact.high
        if fact.measure == "share" and fact.low is not None and fact.high is not None:
            return low - 0.05, high + 0.05
        return low, high
    if fact.low is not None and fact.high is not None and fact.low != fact.high:
        # a span ("11..20"): each end as printed
        return fact.low - printed_half_unit(fact.low), fact.high + printed_half_unit(fact.high)
    half = printed_half_unit(fact.value)
    low = -math.inf if fact.low is None else fact.low - half
    high = math.inf if fact.high is None else fact.high + half
    return low, high


def overlaps(a: Interval, b: Interval) -> bool:
    """Whether one value fits both. Intervals that only touch do not count (a plain 6
    covers 5.5–6.5, a printed 7 covers 6.5–7.5: six is not seven), unless one is a point."""
    if a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]
