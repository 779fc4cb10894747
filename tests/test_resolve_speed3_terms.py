"""find_terms' one pass over ASCII text (short capitals as folded keys checked against the
text as written, short keys keyed after every character that can end a word before them)
finds what the two passes over the folded text and the text as written find."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck import vocabulary as v
from recheck.vocabulary import find_terms

from .test_vocabulary_speed_find_terms import _piece, _seed_sentences, _vocabularies


def _all_terms(texts: list[str]) -> list[object]:
    return [
        find_terms(vocabulary, text, fuzzy=fuzzy)
        for vocabulary in _vocabularies().values()
        for text in texts
        for fuzzy in (False, True)
    ]


def test_the_one_pass_is_built() -> None:
    for vocabulary in _vocabularies().values():
        assert v._matchers(vocabulary).ascii_text is not None


ASCII_TEXTS = [
    "He said US exports to the EU, or to Us, rose; it's on: on-going, 'on' (on) he.",
    "US-China, U.S., G-7 and F-35: the USA's, USB and us; IT or it? To, too, ton.",
    "on",
    "He",
    "",
]


def test_seeds_and_edges_are_the_two_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_seed_sentences(), *ASCII_TEXTS]
    one = _all_terms(texts)
    built = v._matchers
    monkeypatch.setattr(
        v, "_matchers", lambda voc: dataclasses.replace(built(voc), ascii_text=None)
    )
    assert _all_terms(texts) == one


@given(st.lists(st.builds(_piece, st.data()), max_size=14))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_drawn_text_is_the_two_passes(pieces: list[str]) -> None:
    texts = ["".join(pieces), " ".join(pieces)]
    one = _all_terms(texts)
    built = v._matchers
    v._matchers = lambda voc: dataclasses.replace(built(voc), ascii_text=None)  # type: ignore[assignment]
    try:
        assert _all_terms(texts) == one
    finally:
        v._matchers = built
