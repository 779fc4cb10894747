"""Character helpers: CJK tests, width normalisation, line starts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.documents.text import CJK_RE, compute_line_starts, has_cjk, is_cjk, normalise_width


def test_is_cjk_agrees_with_the_cjk_class() -> None:
    # every range of CJK_CLASS lies below U+40000
    for code in range(0x40000):
        char = chr(code)
        assert is_cjk(char) == (CJK_RE.match(char) is not None), hex(code)


def test_is_cjk_looks_at_the_first_code_point() -> None:
    assert is_cjk("") is False
    assert is_cjk("中a") is True
    assert is_cjk("a中") is False
    assert is_cjk("〇") is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", False), ("plain ASCII", False), ("“curly” quotes", False), ("a 中 b", True)],
)
def test_has_cjk(text: str, expected: bool) -> None:
    assert has_cjk(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２．５％ of ＵＳＡ", "2.5% of USA"),
        ("１，０００ and 05：51", "1,000 and 05:51"),
        ("１，２，３", "1,2,3"),
        ("中国，美国：稀土", "中国，美国：稀土"),  # clause punctuation stays
        ("a，1 and 1：a", "a，1 and 1：a"),
        ("no full-width comma or colon！", "no full-width comma or colon！"),
    ],
)
def test_normalise_width(text: str, expected: str) -> None:
    assert normalise_width(text) == expected


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@given(st.text(alphabet=st.sampled_from("ab\r\n")))
def test_line_starts_with_and_without_carriage_returns(text: str) -> None:
    expected = (0, *(match.end() for match in _LINE_BREAK.finditer(text)))
    assert compute_line_starts(text) == expected
    unix = text.replace("\r", "")
    assert compute_line_starts(unix) == (0, *(m.end() for m in _LINE_BREAK.finditer(unix)))
