"""_join_bounds passes over readings that cannot pair (fewer than two bounds, or a
neighbour that is none): it must join exactly what the plain pairwise loop joins."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.numbers.chinese import _bounds_pair, _join_bounds, _patterns
from recheck.numbers.lexicon import load_lexicon
from recheck.numbers.reading import Reading, new_reading

_P = _patterns(load_lexicon())


def _plain(s: str, readings: list[Reading]) -> list[Reading]:
    """The loop without its shortcuts: every neighbouring pair asked."""
    joined: list[Reading] = []
    i = 0
    while i < len(readings):
        first = readings[i]
        second = readings[i + 1] if i + 1 < len(readings) else None
        if second is not None and _bounds_pair(s, first, second, _P):
            low, high = sorted((first.value, second.value))
            joined.append(
                Reading(first.start, second.end, (low + high) / 2, first.unit, "range", low, high,
                        first.measure)
            )  # fmt: skip
            i += 2
            continue
        joined.append(first)
        i += 1
    return joined


_QUALIFIERS = st.sampled_from(["eq", "gt", "ge", "lt", "le", "approx", "range", "nearly"])
_GAPS = st.sampled_from(["", "，", "并且", " ", "和", "x"])


@st.composite
def _sentence(draw: st.DrawFn) -> tuple[str, list[Reading]]:
    text = ""
    readings: list[Reading] = []
    for _ in range(draw(st.integers(0, 8))):
        text += draw(_GAPS)
        start = len(text)
        text += "五十"
        readings.append(
            new_reading(
                start,
                len(text),
                float(draw(st.integers(0, 60))),
                draw(st.sampled_from([None, "percent", "t"])),
                draw(_QUALIFIERS),
                None,
                None,
                None,
                draw(st.sampled_from([1, 1, -1])),
            )
        )
    return text, readings


@settings(max_examples=800)
@given(_sentence())
def test_join_bounds_joins_what_the_plain_loop_joins(case: tuple[str, list[Reading]]) -> None:
    text, readings = case
    assert _join_bounds(text, readings, _P) == _plain(text, readings)


def test_a_lower_and_an_upper_bound_join() -> None:
    text = "五十，五十"
    low = new_reading(0, 2, 10.0, None, "gt")
    high = new_reading(3, 5, 20.0, None, "lt")
    (joined,) = _join_bounds(text, [low, high], _P)
    assert (joined.qualifier, joined.low, joined.high) == ("range", 10.0, 20.0)
