"""The decoder's fast paths agree with the slow paths they stand in for."""

from __future__ import annotations

import importlib

from hypothesis import example, given, settings
from hypothesis import strategies as st

# the package's ``decode`` attribute is the function of that name
decode_module = importlib.import_module("recheck.documents.decode")

_CONTROLS_AND_NEIGHBOURS = st.sampled_from(
    [chr(code) for code in (*range(0x00, 0x21), *range(0x7E, 0xA2))] + ["·", "\u00a0", "中"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_CONTROLS_AND_NEIGHBOURS, st.characters()), max_size=60).map("".join))
@example("".join(chr(code) for code in range(0x00, 0x100)))
@example("\x85\x9f\x80\xa0\x7f\x1b\x1a\x09")
def test_controls_counted_in_utf8_bytes_are_those_of_the_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    counted = decode_module._controls_in_utf8(data)
    assert counted == len(decode_module._DISALLOWED_CONTROL.findall(text))
