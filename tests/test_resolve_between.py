"""A sentence's hits between two offsets are found by bisection, and a hit's position by
bisection too; both must agree with a plain pass over the hits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from recheck.claims import _coordinated, _Layout, _Sentence
from recheck.vocabulary import Hit

# Hits sorted by start, as find_terms gives them; some overlap or share a start, which
# find_terms never yields, so that the bisection is not leaning on it.
HITS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["subject", "and"])),
    max_size=12,
).map(lambda drawn: [Hit(s, s + n, k, f"{k}{i}") for i, (s, n, k) in enumerate(sorted(drawn))])


def sentence_of(hits: list[Hit]) -> _Sentence:
    # Blank text: hits that touch or overlap leave an empty gap, so "A and B" pairs occur.
    return _Sentence(" " * 40, hits, [h.start for h in hits], {}, _Layout((0,), (0,), 40))


def plain_between(hits: list[Hit], lo: int, hi: int) -> list[Hit]:
    return [h for h in hits if lo <= h.start < hi and h.end <= hi]


@given(HITS, st.integers(-2, 42), st.integers(-2, 42))
def test_between_is_the_plain_pass(hits: list[Hit], lo: int, hi: int) -> None:
    assert sentence_of(hits).between(lo, hi) == plain_between(hits, lo, hi)


@given(HITS)
def test_a_hit_is_judged_at_its_own_position(hits: list[Hit]) -> None:
    sentence = sentence_of(hits)
    for index, hit in enumerate(hits):
        assert sentence.coordinated(hit) == _coordinated(hits, index, sentence.text)


def test_coordinated_subjects_are_found_at_their_positions() -> None:
    text = "China and Japan, Japan and Korea"
    hits = [
        Hit(0, 5, "subject", "CN"),
        Hit(6, 9, "and", "and"),
        Hit(10, 15, "subject", "JP"),
        Hit(17, 22, "subject", "JP"),
        Hit(23, 26, "and", "and"),
        Hit(27, 32, "subject", "KR"),
    ]
    sentence = _Sentence(text, hits, [h.start for h in hits], {}, _Layout((0,), (0,), len(text)))
    assert [sentence.coordinated(h) for h in hits if h.kind == "subject"] == [True] * 4
