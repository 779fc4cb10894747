"""The fuzzy word pattern's fast form (a seven-letter lookahead before the branches, letters
taken possessively, tails tested by a lookbehind) picks what its plain form picks: the same
words at the same places, on the seeds and on drawn text of names, slips, digits, marks and
other scripts."""

from __future__ import annotations

import re

import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck import vocabulary as v
from recheck.vocabulary import Vocabulary

from .test_vocabulary_speed_find_terms import _one_edit, _piece, _seed_sentences, _vocabularies


def plain_pattern(vocabulary: Vocabulary) -> re.Pattern[str]:
    """The pattern as first written: greedy letters, backtracked into for a tail."""
    heads: dict[str, set[str]] = {}
    tails: dict[str, set[str]] = {}
    for (first, _), bucket in v._matchers(vocabulary).fuzzy.items():
        heads.setdefault(first, set()).update(head[1:] for head in bucket.heads)
        tails.setdefault(first, set()).update(bucket.tails)

    def either(parts: set[str]) -> str:
        return "|".join(re.escape(part) for part in sorted(parts))

    branches = "|".join(
        f"{re.escape(first)}(?:(?:{either(heads[first])})[a-z]{{4,}}"
        f"|[a-z]{{4,}}(?:{either(tails[first])}))"
        for first in sorted(heads)
    )
    return re.compile(rf"[^a-z0-9]({branches})(?![a-z0-9])")


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    assert pattern is not None
    return [match.span(1) for match in pattern.finditer(v._PAD + v.fold(text))]


def _agree(text: str) -> None:
    for name, vocabulary in _vocabularies().items():
        fast = v._matchers(vocabulary).fuzzy_words
        assert _spans(fast, text) == _spans(plain_pattern(vocabulary), text), (name, text)


def test_the_fast_pattern_picks_what_the_plain_one_does_on_the_seeds() -> None:
    sentences = _seed_sentences()
    to_traditional = opencc.OpenCC("s2t")
    picked = 0
    for sentence in sentences:
        for text in (sentence, sentence.upper(), sentence.replace(" ", "-")):
            _agree(text)
        _agree(to_traditional.convert(sentence))
        picked += len(_spans(v._matchers(_vocabularies()["shipped"]).fuzzy_words, sentence))
    assert picked > 100  # the seeds hold words the pattern picks, not only ones it rejects


def _names(vocabulary: Vocabulary) -> list[str]:
    return sorted({n for b in v._matchers(vocabulary).fuzzy.values() for n, _, _ in b.names})


@given(st.data())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_fast_pattern_picks_what_the_plain_one_does_on_drawn_text(
    data: st.DataObject,
) -> None:
    names = [n for vocabulary in _vocabularies().values() for n in _names(vocabulary)]
    pieces = []
    for _ in range(data.draw(st.integers(1, 10))):
        if data.draw(st.booleans()):
            pieces.append(_piece(data))
            continue
        # a name, slipped, cut or glued to a tail, a digit or a letter of another script
        word = data.draw(st.sampled_from(names))
        for _ in range(data.draw(st.integers(0, 2))):
            word = _one_edit(word, data)
        word = word[data.draw(st.integers(0, 3)) :]
        word += data.draw(st.sampled_from(["", "s", "es", "1", "é", "x", "中", "ia", "um"]))
        pieces.append(word)
        pieces.append(data.draw(st.sampled_from(["", " ", ",", "-", "5", "é", "國", "\n"])))
    _agree("".join(pieces))


def test_words_around_the_pattern_edges() -> None:
    # seven letters exactly, six, a tail one letter short of the end, digits after
    for text in (
        "austral australi australia1 australiaa 1australia éaustralia australiaé",
        "dysprosium dysprosiu ysprosium dysprosiums dysprosium2 kazakhstan kazakhs",
        "Austrailia AUSTRALIA-Kazakhstan 澳大利亚australia australia澳",
    ):
        _agree(text)
