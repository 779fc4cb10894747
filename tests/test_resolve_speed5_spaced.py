"""find_terms' one search of ASCII text, over its spaced copy (every non-word character a
space), finds what the two searches of other text find (folded and as written, with the
word-boundary test hit by hit): on keys whose spaced forms differ from them ("rare earth",
"u.s."), are shared ("u s", "u.s", "U.S."), end in a mark (".net", "e.g."), hold no word
character ("&", "+/-"), are Chinese terms' Latin aliases (found anywhere), or short capitals;
and the fuzzy word pattern over the spaced text (a space before a word, not any non-word
character) finds the long words the one over the padded folded text finds.

The other search is reached by the same text with a character after it that no key holds and
that is not ASCII: it changes no hit, as it is no word character either."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck import vocabulary as v
from recheck.vocabulary import Hit, Term, Vocabulary, find_terms

from .test_vocabulary_speed_find_terms import (
    _piece,
    _seed_sentences,
    _slow_find_terms,
    _vocabularies,
)

_NOT_ASCII = "\u00a4"  # ¤: folds to itself, no word character, in no key below

_TOY = Vocabulary(
    (
        Term("subject", "US", "US", "en"),
        Term("subject", "US", "U.S.", "en"),
        Term("subject", "US", "u s", "en"),
        Term("subject", "USS", "u.s", "en"),
        Term("subject", "UK", "U.K.", "en"),
        Term("subject", "G7", "G-7", "en"),
        Term("subject", "G7", "g7", "zh"),
        Term("subject", "G7", "G7", "en"),
        Term("subject", "F35", "f 35", "zh"),
        Term("commodity", "rare_earths", "rare earth", "en"),
        Term("commodity", "rare_earths", "rare-earth element", "en"),
        Term("commodity", "net", ".net", "en"),
        Term("commodity", "plus", "c5+1", "en"),
        Term("metric", "exports", "export", "en"),
        Term("metric", "exports", "exports", "zh"),
        # one key of two terms: the second (an ignore word) wins the span
        Term("metric", "exports", "exported", "en"),
        Term("ignore", "ignore", "Exported", "en"),
        Term("and", "and", "and", "en"),
        Term("and", "and", "&", "en"),
        Term("and", "and", "+/-", "zh"),
        Term("example_cue", "example_cue", "e.g.", "en"),
        Term("run_on", "run_on", "he", "en"),
        Term("run_on", "run_on", "it", "en"),
        Term("partner_cue", "partner_cue", "on", "en"),
        Term("ignore", "ignore", "the US", "en"),
        Term("subject", "CN", "China", "en"),
        Term("subject", "CN", "中国", "zh"),
    )
)

_WORDS = [
    "US",
    "us",
    "U.S.",
    "U.S",
    "u.s",
    "u s",
    "U-S",
    "USA",
    "U.K.",
    "uk",
    "G-7",
    "G7",
    "g7",
    "xg7y",
    "f 35",
    "F,35",
    "f35",
    "rare earth",
    "Rare-Earth",
    "rare, earth",
    "rare.earth",
    "rare earth.",
    "rare earths",
    "rare earth element",
    "rare-earth elements",
    ".net",
    "x.net",
    ".nets",
    "c5+1",
    "C5 1",
    "export",
    "exports",
    "re-exports",
    "exported",
    "and",
    "&",
    "&&",
    "+/-",
    "e.g.",
    "e.g.x",
    "he",
    "the",
    "it",
    "its",
    "on",
    "one",
    "the US",
    "China",
    "中国",
    "Kelvin \u212a",
]
_GAPS = ["", " ", "  ", "-", ",", ".", "'", "/", "&", "(", ")", "+", "1", "a"]


def _other_search(vocabulary: Vocabulary, text: str, *, fuzzy: bool) -> list[Hit]:
    assert text.isascii() and not any(_NOT_ASCII in t.alias for t in vocabulary.terms)
    return find_terms(vocabulary, text + _NOT_ASCII, fuzzy=fuzzy)


def _agree(vocabulary: Vocabulary, text: str, *, fuzzy: bool = False) -> None:
    if text.isascii():
        assert find_terms(vocabulary, text, fuzzy=fuzzy) == _other_search(
            vocabulary, text, fuzzy=fuzzy
        ), text
    assert find_terms(vocabulary, text, fuzzy=fuzzy) == _slow_find_terms(
        vocabulary, text, fuzzy=fuzzy
    ), text


def test_the_toy_keys_take_each_path() -> None:
    matchers = v._matchers(_TOY)
    shared = [found for found in matchers.spaced.values if len(found) > 1]
    assert shared  # "u s", "u.s" and "U.S" share " u s "
    assert {key for key, _, _ in matchers.marks} == {"&", "+/ "}  # folded: "-" as a space
    checked = {check for found in matchers.spaced.values for _, _, check, _, _ in found}
    assert {"rare earth", "u.s", ".net", "e.g.", "US", "G-7"} <= checked
    assert None in checked  # "export", "he": whole words, nothing to compare


def test_each_word_and_gap_finds_what_the_other_search_finds() -> None:
    for word in _WORDS:
        for gap in _GAPS:
            for text in (word, gap + word, word + gap, f"a{gap}{word}{gap}b", word + gap + word):
                _agree(_TOY, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=10))
def test_drawn_text_finds_what_the_other_search_finds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in pieces)
    _agree(_TOY, text)


def test_the_seeds_find_what_the_other_search_finds() -> None:
    sentences = [s for s in _seed_sentences() if s.isascii()]
    assert len(sentences) > 100
    for vocabulary in _vocabularies().values():
        for sentence in sentences:
            for fuzzy in (False, True):
                expected = _other_search(vocabulary, sentence, fuzzy=fuzzy)
                assert find_terms(vocabulary, sentence, fuzzy=fuzzy) == expected, sentence


def _fuzzy_spans(pattern: re.Pattern[str] | None, haystack: str) -> list[tuple[int, int]]:
    assert pattern is not None
    return [match.span(1) for match in pattern.finditer(haystack)]


def _ascii_text(data: st.DataObject) -> str:
    pieces = [_piece(data) for _ in range(data.draw(st.integers(0, 12)))]
    gaps = [data.draw(st.sampled_from(["", " ", "-", "  ", ", ", ".", "'s "])) for _ in pieces]
    text = "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=True))
    return text.encode("ascii", "ignore").decode("ascii")


def _agree_on_long_words(text: str) -> None:
    for vocabulary in _vocabularies().values():
        matchers = v._matchers(vocabulary)
        folded = v.fold(text)
        assert _fuzzy_spans(matchers.fuzzy_spaced, v._spaced(folded)) == _fuzzy_spans(
            matchers.fuzzy_words, v._PAD + folded
        ), text


def test_the_spaced_fuzzy_pattern_finds_the_seeds_long_words_where_the_padded_one_does() -> None:
    for sentence in _seed_sentences():
        if sentence.isascii():
            _agree_on_long_words(sentence)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_drawn_ascii_text_finds_the_same_slips_either_way(data: st.DataObject) -> None:
    text = _ascii_text(data)
    _agree_on_long_words(text)
    for vocabulary in _vocabularies().values():
        assert find_terms(vocabulary, text, fuzzy=True) == _other_search(
            vocabulary, text, fuzzy=True
        ), text
