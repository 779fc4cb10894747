"""The gate of extract_chinese: str.isascii() turns ASCII text away without the Han search,
and must answer as the search alone would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recheck.numbers.chinese import _HAN, _may_hold_han, extract_chinese

_MIXED = st.lists(
    st.sampled_from([*"一二两十百万亿萬億點05", "百分之", "吨", " ", "，", "é", "€", "rose ", "%"]),
    max_size=12,
).map("".join)


@given(st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=127)), _MIXED))
def test_gate_agrees_with_the_han_search(text: str) -> None:
    assert _may_hold_han(text) == (_HAN.search(text) is not None)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_yields_no_chinese_mention(text: str) -> None:
    assert extract_chinese(text) == []


def test_gate_lets_chinese_and_non_ascii_text_through() -> None:
    assert [m.value for m in extract_chinese("产量达到24万吨。")] == [240_000.0]
    assert not _may_hold_han("prices rose 5% in €")
