"""recheck.wordsearch: every occurrence of every word, overlapping, at character offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.wordsearch import WordSearch

LETTERS = "ab 中國é\u3000"
words = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=4), max_size=6, unique=True)


def _every_occurrence(words: list[str], text: str) -> set[tuple[str, int, int]]:
    return {
        (word, start, start + len(word))
        for word in words
        for start in range(len(text) - len(word) + 1)
        if text.startswith(word, start)
    }


@settings(max_examples=300, deadline=None)
@given(words, st.text(alphabet=LETTERS, max_size=30))
@example(["ab", "b", "bab"], "abab")  # words inside words and overlapping each other
@example(["中國", "國"], "é中國中國")  # offsets in characters, not UTF-8 bytes
def test_find_gives_every_occurrence_with_its_value(words: list[str], text: str) -> None:
    search = WordSearch({word: f"value of {word}" for word in words})
    found = search.find(text)
    assert len(found) == len(set(found))
    assert {(search.values[i][len("value of ") :], s, e) for i, s, e in found} == (
        _every_occurrence(words, text)
    )
    assert all(text[s:e] == search.values[i][len("value of ") :] for i, s, e in found)


def test_no_words_find_nothing() -> None:
    search: WordSearch[int] = WordSearch({})
    assert len(search) == 0
    assert search.find("anything") == []
