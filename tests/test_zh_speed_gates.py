"""The character gates of the Chinese reader (``_Patterns.*_starts``, ``*_ends``,
``sign_chars``): a gate that turns a number away must do so only where its regex could not
match, so extract_chinese with the gates gives what it gives with every gate open."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.numbers.chinese import _extract, _may_end_in, _may_hold_han, _patterns, extract_chinese
from recheck.numbers.lexicon import load_lexicon

_LEXICON = load_lexicon()
_P = _patterns(_LEXICON)
_ZH = _LEXICON.chinese


def _words(*groups: Iterable[str]) -> list[str]:
    return sorted({word for group in groups for word in group})


# Fragments that make every context pattern match somewhere, and near misses of them.
_WORDS = _words(
    _ZH.qualifiers_before,
    _ZH.qualifier_fillers,
    _ZH.qualifiers_after,
    _ZH.change_words,
    _ZH.currency_before,
    _ZH.range_joiners,
    _ZH.between_joiners,
    _ZH.between_closers,
    _ZH.comparatives,
    _ZH.comparison_before,
    _ZH.negative_signs,
    _ZH.negative_not_after,
)
_PIECES = [
    *_WORDS,
    *"一二两三十百千万亿点05.9%吨元年个 \n\t\u3000，。分之比大",
    "百分之",
    "百分之三十",
    "30%",
    "3万4000",
    "二三十",
    "七成",
    "第二大",
    "三分之一",
    "美元",
    "个百分点",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


_EXAMPLES = [
    "增长了百分之三十至百分之四十",
    "比30大，负3.9%，身负三处伤",
    "超过了 5万吨",
    "人民币 100亿元，美元\n5",
    "大约\n三十个百分点左右",
    "20和30之间，一到五个",
    "20多万人，十几万",
    "下降\n 3%",
]
# An open gate lets every character of the test texts through, and "" (the end of a text).
# A real frozenset: a compiled reader tests membership in C, past any Python override.
_OPEN_GATE = frozenset("".join(_PIECES) + "".join(_EXAMPLES) + " \n\t\u3000") | {""}

_GATES = [
    "after_starts",
    "joiner_starts",
    "comparative_starts",
    "currency_ends",
    "qualifier_ends",
    "change_ends",
    "sign_chars",
]
_OPEN = dataclasses.replace(_P, **{gate: _OPEN_GATE for gate in _GATES})


def _plain(text: str) -> list[object]:
    """extract_chinese with every gate open: its patterns passed in, as monkeypatching
    ``_patterns`` would not reach a compiled module's direct call."""
    return list(_extract(text, _LEXICON, _OPEN)) if _may_hold_han(text) else []


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_gates_change_no_mention(text: str) -> None:
    assert extract_chinese(text, _LEXICON) == _plain(text)


@pytest.mark.parametrize("text", _EXAMPLES)
def test_gates_change_no_mention_in_examples(text: str) -> None:
    assert extract_chinese(text, _LEXICON) == _plain(text)


# A lead ends as the text before a number may: with a space, a line break, or both.
_LEAD = st.tuples(_TEXT, st.sampled_from(["", " ", "\n", " \n", "\u3000\n", "\n\n"])).map("".join)


@settings(max_examples=600)
@given(_LEAD)
def test_lead_gates_let_every_match_through(lead: str) -> None:
    for pattern, ends in (
        (_P.currency_before, _P.currency_ends),
        (_P.qualifier_before, _P.qualifier_ends),
        (_P.change_before, _P.change_ends),
    ):
        if pattern.search(lead) is not None:
            assert _may_end_in(lead, ends), (pattern.pattern[:40], lead)


@settings(max_examples=600)
@given(_TEXT, st.integers(0, 40))
def test_start_gates_let_every_match_through(text: str, at: int) -> None:
    at = min(at, len(text))
    after = text[at : at + 1]
    if _P.qualifier_after.match(text, at) is not None:
        assert after in _P.after_starts
    if _P.comparative.match(text, at) is not None:
        assert after in _P.comparative_starts
    if _P.joiner.match(text, at) is not None or _P.between_joiner.match(text, at) is not None:
        assert after in _P.joiner_starts or after.isspace()
    window = max(0, at - 2)
    if _P.negative_before.search(text, window, at) is not None:
        assert not _P.sign_chars.isdisjoint(text[window:at])


def test_gates_turn_away_where_nothing_can_match() -> None:
    assert not _may_end_in("百分之百分之", _P.qualifier_ends)
    assert _may_end_in("超过了 ", _P.qualifier_ends)
    assert _may_end_in("超过 \n", _P.qualifier_ends)
    assert "分" not in _P.joiner_starts
