"""Readings built as plain slotted objects (``chinese._reading``) equal the frozen
dataclass's own: same class, fields, equality, hash and repr, and still frozen."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.numbers.chinese import _reading
from recheck.numbers.reading import Reading

_numbers = st.floats(allow_nan=False) | st.integers(-(10**6), 10**6).map(float)
_fields = st.tuples(
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    _numbers,
    st.sampled_from([None, "percent", "pp", "t", "CNY", "rank", "fold"]),
    st.sampled_from(["eq", "gt", "ge", "lt", "le", "approx", "nearly", "range"]),
    st.none() | _numbers,
    st.none() | _numbers,
    st.sampled_from([None, "share", "change", "rank", "ratio"]),
    st.sampled_from([1, -1]),
)


@given(_fields)
def test_reading_equals_the_dataclass(fields: tuple[object, ...]) -> None:
    built = _reading(*fields)  # type: ignore[arg-type]
    plain = Reading(*fields)  # type: ignore[arg-type]
    assert type(built) is Reading
    assert dataclasses.astuple(built) == dataclasses.astuple(plain)
    assert built == plain
    assert hash(built) == hash(plain)
    assert repr(built) == repr(plain)


def test_defaults_are_the_dataclass_defaults() -> None:
    assert _reading(3, 5, 2.0) == Reading(3, 5, 2.0)
    assert _reading(3, 5, 2.0, "percent") == Reading(3, 5, 2.0, "percent")


def test_reading_stays_frozen() -> None:
    built = _reading(0, 1, 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 2.0  # type: ignore[misc]
