"""The sentence splitter's fast paths agree with the slow paths they stand in for."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.documents import sentences
from recheck.documents.sentences import split_segment

# _TERMINATOR without the lookahead that rejects lone stops in "U.S" or before " firms".
_EVERY_TERMINATOR = re.compile(
    r"(?P<run>[。！？；!?;….](?:(?<=\.)\.*[!?…]*|(?<!\.)[。！？；!?;…]*))"
    rf"[{re.escape(sentences._CLOSERS)}]*"
)

_PIECES = [
    *"aZ7 .!?;。！？；…“”\"')]」\n-•",
    *("U.S. firms", "U.S. Secretary", "e.g. ", "2.5", "No. 3", "1. ", "中国. ", ".a", "..."),
    *("美国.", "Mr. Li", "[3][5] ", "[12] - China", "\u3000", "\u00a0", "a.\u00e9", "x. ß", "中)"),
]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
@example("The U.S. firms. U.S. Firms")
@example("中.a 中. a x.中")
def test_the_rejected_stops_never_end_a_sentence(text: str) -> None:
    kept = {m.start() for m in sentences._TERMINATOR.finditer(text)}
    for match in _EVERY_TERMINATOR.finditer(text):
        if match.start() not in kept:
            assert not sentences._ends_sentence(text, match, 0, len(text))
    # and rejecting a stop does not move the matches that follow it
    every = {m.span() for m in _EVERY_TERMINATOR.finditer(text)}
    assert {m.span() for m in sentences._TERMINATOR.finditer(text)} <= every


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 200))
@example("ab.cd U.S. firms", 3, 10)
@example("中. U.S. Firms", 2, 13)
@example("中).a", 1, 4)  # the closer before the stop is the segment's first character
def test_splitting_in_place_agrees_with_splitting_a_copy(text: str, first: int, last: int) -> None:
    first, last = sorted((min(first, len(text)), min(last, len(text))))
    in_place = sentences._split(text, first, last)
    copied = [(first + low, first + high) for low, high in split_segment(text[first:last])]
    assert in_place == copied


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=5))
@example("_")
@example("²")  # a digit that str.isalnum() counts
def test_alnum_regex_is_str_isalnum(text: str) -> None:
    # _split tests the first character with str.isalnum() before searching with _ALNUM
    for char in text:
        assert bool(sentences._ALNUM.fullmatch(char)) == char.isalnum()
