"""tree_alternation matches what the flat alternation matches, in any pattern around it."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.numbers.lexicon import alternation, load_lexicon, tree_alternation

# Letters in both cases, ones that fold oddly (long s, Kelvin sign, dotted and dotless i),
# a space, a point and a hyphen: words that are prefixes of one another, or differ in case.
ALPHABET = "aAbBkKsS\u017f\u212aiI\u0130\u0131σςΣ .-$€≤"
words = st.lists(st.text(ALPHABET, max_size=4), max_size=8)
# What may follow the alternation: its choice among words that match at one place is kept
# only if the rest of the pattern then matches too.
CONTINUATIONS = ["", "(?![A-Za-z])", r"\s", "$", "b", "(?=-)", r"\.?$", "[ab]+c"]


def same_matches(chosen: list[str], text: str, flags: int) -> None:
    for continuation in CONTINUATIONS:
        flat = re.compile(f"(?:{alternation(chosen)}){continuation}", flags)
        tree = re.compile(
            f"(?:{tree_alternation(chosen, ignore_case=bool(flags & re.I))}){continuation}",
            flags,
        )
        for at in range(len(text) + 1):
            found, expected = tree.match(text, at), flat.match(text, at)
            assert (found and found.span()) == (expected and expected.span()), (
                chosen,
                text,
                continuation,
                at,
            )
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(words, st.text(ALPHABET, max_size=12), st.sampled_from([0, re.IGNORECASE]))
@example(["US", "us dollars"], "US dollars", re.IGNORECASE)
@example(["Mt", "mt-km", "m"], "MT-KM", re.IGNORECASE)
@example(["", "a"], "ab", 0)
@example(["k", "\u212a"], "\u212aK", re.IGNORECASE)
def test_the_tree_matches_what_the_flat_alternation_matches(
    chosen: list[str], text: str, flags: int
) -> None:
    same_matches(chosen, text, flags)


def test_the_lexicon_words_make_trees() -> None:
    """The English word lists hold no cased letter outside ASCII: their trees are trees, not
    the flat fallback, and match each word whole."""
    english = load_lexicon().english
    for listed in (english.units, english.ordinals, english.qualifiers_before, english.scales):
        tree = tree_alternation(listed, ignore_case=True)
        assert tree != alternation(listed)
        pattern = re.compile(f"(?:{tree})$", re.IGNORECASE)
        for word in listed:
            assert pattern.match(word.upper()), word
