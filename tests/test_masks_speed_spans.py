"""The shortcuts of the non-claim masks find what their plain regexes find."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.numbers.lexicon import load_lexicon
from recheck.numbers.nonclaims import _patterns as _masks

from .test_numbers_scan import MASK_FRAGMENTS

FAST = settings(max_examples=300, deadline=None)

# Digits other than 0-9, the whitespace that only Unicode calls so, and the names and
# identifiers the masks read.
FRAGMENTS = [
    *MASK_FRAGMENTS, "٣", "١٢", "２０２５", "\x1c", "\u2003", "Section ", "p. ", "Executive Order ",
    "F-35", "a", "A1", "٣a", "$", "1", "2024-25", "\n", "Oct", "5 pm", "٣-٣٣٣-٣", "a٣", "十月",
]  # fmt: skip
mask_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)


@FAST
@given(mask_texts)
@example("1. 2")  # an anchored mask: one match, at the start
@example("[1] [2]")
def test_a_mask_finds_the_non_empty_matches_of_its_plain_regex(text: str) -> None:
    # ``spans`` searches once before it iterates, and keeps ``before`` out of the pattern.
    for mask in _masks(load_lexicon()):
        before = "" if mask.before is None else mask.before.pattern
        whole = re.compile(before + mask.pattern.pattern, mask.pattern.flags)
        expected = [m.span() for m in whole.finditer(text) if m.end() > m.start()]
        assert mask.spans(text) == expected, (text, whole.pattern)
