"""Intervals of claims, computed one by one and for many claims of one pass."""

from __future__ import annotations

from recheck.intervals import ClaimIntervals, Tolerance, claim_interval

from .claim_factory import make_claim


def test_claim_intervals_are_those_of_claim_interval() -> None:
    claims = [
        make_claim(70),
        make_claim(70, "approx"),
        make_claim(70, "nearly"),
        make_claim(-30, "nearly"),
        make_claim(90, "gt"),
        make_claim(90, "le"),
        make_claim(15, "range", low=11.0, high=20.0),
        make_claim(70, text="seventy per cent"),  # the same figure again, in other words
        make_claim(0.0),
        make_claim(-0.0),
    ]
    for tolerance in (Tolerance(), Tolerance(eq=0.05, approx=0.2, nearly=0.2)):
        interval_of = ClaimIntervals(tolerance)
        for c in claims + claims:
            assert interval_of(c) == claim_interval(c, tolerance)


def test_claim_intervals_keep_a_tolerance_each() -> None:
    plain, wide = ClaimIntervals(Tolerance()), ClaimIntervals(Tolerance(eq=0.1))
    c = make_claim(70)
    assert plain(c) == (68.6, 71.4)
    assert wide(c) == (63.0, 77.0)
    assert plain(c) == (68.6, 71.4)
