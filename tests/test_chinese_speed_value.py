"""The ASCII-digit fast path of the Chinese value: float(text) must give what
parse_chinese_number gives for the same run."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recheck.numbers.chinese import _value, parse_chinese_number

_RUNS = st.lists(
    st.sampled_from([*"0123456789", ".", ",", "点", "万", "亿", "十", "三", "٣"]),
    min_size=1,
    max_size=14,
).map("".join)
_DECIMALS = st.from_regex(r"[0-9]{1,20}(\.[0-9]{1,8})?[,.点]{0,2}", fullmatch=True)


@given(st.one_of(_RUNS, _DECIMALS))
def test_value_agrees_with_the_numeral_parser(raw: str) -> None:
    assert _value(raw) == parse_chinese_number(raw.rstrip(",.点"))


def test_plain_decimals() -> None:
    assert [_value(r) for r in ("80", "0.1", "2025.", "007", "3,")] == [80.0, 0.1, 2025.0, 7.0, 3.0]
