"""tidy's shortcut for whole numbers gives what formatting to twelve digits gives."""

from __future__ import annotations

import math

from hypothesis import example, given
from hypothesis import strategies as st

from recheck.numbers.units import tidy


@given(
    st.floats(allow_nan=False)
    | st.integers(-(10**13), 10**13).map(float)
    | st.integers(-(10**13), 10**13)
)
@example(999_999_999_999.0)
@example(1e12)
@example(-1e12)
@example(-0.0)
@example(0.408000000001)
@example(123456789012345.0)
def test_tidy_is_twelve_significant_digits(value: float) -> None:
    expected = float(f"{value:.12g}")
    found = tidy(value)
    assert type(found) is float
    assert found == expected and math.copysign(1, found) == math.copysign(1, expected)
