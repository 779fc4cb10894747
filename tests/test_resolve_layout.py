"""A sentence's clause and segment layout is found with a break pattern rewritten for speed
and without re-sorting when no run-on starts a clause; it must be the layout of the plain
definition below."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck.claims import _CLAUSE_ENDS, _RUN_ON_COMMA, _SEGMENT_BREAK, _Layout
from recheck.reference import load_reference
from recheck.vocabulary import Hit, Vocabulary, find_terms

# The breaks as first written: a clause ends at one of these characters; a segment at one of
# them, a full-width comma, or a comma not of "240,000".
PLAIN_CLAUSE_BREAK = re.compile(r"[;；。!?！？]")
PLAIN_SEGMENT_BREAK = re.compile(r"[;；。!?！？，]|,(?!\d{3})")


def test_clause_ends_are_the_plain_clause_breaks() -> None:
    assert {chr(c) for c in range(0x10000) if PLAIN_CLAUSE_BREAK.match(chr(c))} == _CLAUSE_ENDS


PIECES = ["It", "it", "They", "China", " ", ", ", ",", "，", "240,000", "1,50", "1,5", "7"]
PIECES += [";", "；", "。", "!", "?", "！", "？", ".", "and", "a"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def plain_layout(text: str, hits: list[Hit]) -> _Layout:
    clauses = [0] + [m.end() for m in PLAIN_CLAUSE_BREAK.finditer(text)]
    clauses += [
        h.start
        for h in hits
        if h.kind == "run_on" and text[h.start].isupper() and _RUN_ON_COMMA.search(text, 0, h.start)
    ]
    segments = [0] + [m.end() for m in PLAIN_SEGMENT_BREAK.finditer(text)]
    return _Layout(tuple(sorted(set(clauses))), tuple(sorted(set(segments))), len(text))


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_reference().vocabulary


@given(TEXTS)
def test_segment_breaks_are_those_of_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _SEGMENT_BREAK.finditer(text)] == [
        m.span() for m in PLAIN_SEGMENT_BREAK.finditer(text)
    ]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_layout_is_the_plain_layout(vocabulary: Vocabulary, text: str) -> None:
    hits = find_terms(vocabulary, text)
    assert _Layout.of(text, hits) == plain_layout(text, hits)


def test_a_run_on_after_a_comma_starts_a_clause(vocabulary: Vocabulary) -> None:
    text = "China acted in advance, It also claims 5%; and 240,000 more, it said."
    layout = _Layout.of(text, find_terms(vocabulary, text))
    assert layout.clause_starts == (0, text.index("It"), text.index(";") + 1)
    assert layout.segment_starts == (
        0,
        text.index(",") + 1,
        text.index(";") + 1,
        text.rindex(",") + 1,
    )
