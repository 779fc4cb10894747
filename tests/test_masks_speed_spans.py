"""The shortcuts of the non-claim masks find what their plain regexes find."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.numbers.lexicon import alternation, load_lexicon, tree_alternation
from recheck.numbers.nonclaims import Masks, _Needs
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
@example("[1][2][3]")  # matches side by side: the rest starts where the first ends
def test_a_mask_finds_the_non_empty_matches_of_its_plain_regex(text: str) -> None:
    # ``spans`` searches once before it iterates, and keeps ``before`` out of the pattern.
    for mask in _masks(load_lexicon()):
        before = "" if mask.before is None else mask.before.pattern
        whole = re.compile(before + mask.pattern.pattern, mask.pattern.flags)
        expected = [m.span() for m in whole.finditer(text) if m.end() > m.start()]
        assert mask.spans(text) == expected, (text, whole.pattern)


def _gates() -> list[_Needs]:
    # Every needs of a mask and every needs searched before it.
    found: dict[int, _Needs] = {}
    for mask in _masks(load_lexicon()):
        gate = mask.gate
        while gate is not None:
            found[id(gate)] = gate
            gate = gate.after
    return list(found.values())


@FAST
@given(mask_texts)
@example("F-35")
@example("a٣")  # a digit that is not 0-9
@example("12 ٣-٣٣٣-٣")
def test_a_needs_matches_no_earlier_than_the_needs_searched_before_it(text: str) -> None:
    # A needs is searched only from where its ``after`` first matched, and not at all when
    # that does not match: it must hold wherever the needs holds.
    for gate in _gates():
        match = gate.pattern.search(text)
        if gate.after is not None and match is not None:
            before = gate.after.pattern.search(text)
            assert before is not None and before.start() <= match.start(), (text, gate)


@FAST
@given(mask_texts)
def test_the_ascii_form_of_a_needs_finds_what_it_finds_in_ascii_text(text: str) -> None:
    for gate in _gates():
        found = gate.pattern.search(text)
        if text.isascii():
            fast = gate.ascii.search(text)
            assert (fast and fast.span()) == (found and found.span()), (text, gate)


@FAST
@given(mask_texts)
def test_masks_find_where_each_needs_first_matches(text: str) -> None:
    masks = Masks(text, _masks(load_lexicon()))
    for gate in _gates():
        match = gate.pattern.search(text)
        assert masks._first(gate) == (-1 if match is None else match.start()), (text, gate)


LABEL_PIECES = [
    *load_lexicon().english.label_words,
    "Or",
    "Exec",
    "p",
    " ",
    "No. ",
    "12",
    "3a",
    "x",
]


@FAST
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=10).map("".join))
@example("Executive Order 14257")  # a label that holds another ("Order")
@example("pp. 3")
def test_a_tree_alternation_matches_as_the_flat_one(text: str) -> None:
    words = load_lexicon().english.label_words
    tail = r"\s*(?:No\.?\s*)?\d+[A-Za-z]?(?![A-Za-z0-9])"  # the label mask's
    flat = re.compile(rf"(?:{alternation(words)}){tail}")
    tree = re.compile(rf"(?:{tree_alternation(words, ignore_case=False)}){tail}")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert [m.span() for m in re.finditer(tree_alternation(words, ignore_case=False), text)] == [
        m.span() for m in re.finditer(alternation(words), text)
    ]


@FAST
@given(
    st.lists(st.text("ab.", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text("ab. 1", max_size=16),
)
def test_a_tree_of_words_that_hold_each_other_matches_as_the_flat_one(
    words: list[str], text: str
) -> None:
    for tail in ("", r"\d", r"(?:a|\.)?b"):  # a tail can make a shorter word the match
        flat = re.compile(rf"(?:{alternation(words)}){tail}")
        tree = re.compile(rf"(?:{tree_alternation(words, ignore_case=False)}){tail}")
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
