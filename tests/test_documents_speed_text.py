"""normalise_width's fast paths agree with the rule applied character by character."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.documents import text as text_module
from recheck.documents.text import normalise_width

_WIDE = st.sampled_from(
    [chr(code) for code in range(0xFF01, 0xFF5F)] + list("\u3000\u00a0\u301c\u2212")
)


def _character_by_character(text: str) -> str:
    mapped = "".join(text_module._WIDTH_TABLE.get(ord(char), char) for char in text)
    return "".join(
        text_module._DIGIT_PUNCT_ASCII[char]
        if char in "，："
        and 0 < index < len(mapped) - 1
        and mapped[index - 1] in "0123456789"
        and mapped[index + 1] in "0123456789"
        else char
        for index, char in enumerate(mapped)
    )


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_WIDE, st.sampled_from("12 a,:"), st.text(max_size=3))).map("".join))
@example("plain ASCII, 1,000 and 05:51")
@example("１，０００ 05：51 ２．５％")
def test_normalise_width_is_the_rule_character_by_character(text: str) -> None:
    assert normalise_width(text) == _character_by_character(text)
