"""resolve_keys' bounds worked out by comparisons, and the nearest commodity and partner found
by a scan, agree with the plain forms (min() and max(), min() with a key function): the same
keys on the seeds, on variants of them (capitals, hyphens, traditional Chinese), on subsets of
their numbers (other neighbours, so other bounds), with each measure, and on drawn hits where
two candidates are equally near."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck import claims
from recheck.claims import (
    _AMBIGUOUS,
    _ATTACH_AFTER,
    _NO_FALLBACK,
    _NO_KEY,
    Carried,
    Key,
    _carried,
    _first_of,
    _phrase,
    _pick,
    _ranked_within_country,
    _Sentence,
    _subject,
    resolve_keys,
)
from recheck.documents import build_document
from recheck.numbers import Mention, extract
from recheck.periods import time_marks, year_and_period
from recheck.reference import load_reference
from recheck.vocabulary import Hit, Vocabulary, find_terms

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MEASURES = [None, "amount", "count", "money", "change", "ratio", "rank", "duration", "share"]


def plain_nearest(sentence: _Sentence, kind: str, position: int, lo: int, hi: int) -> str | None:
    candidates = [h for h in sentence.between(lo, hi) if h.kind == kind]
    if not candidates:
        return None
    hit = min(candidates, key=lambda h: min(abs(h.start - position), abs(h.end - position)))
    return _AMBIGUOUS if sentence.coordinated(hit) else hit.id


def plain_partner(
    sentence: _Sentence, mention: Mention, lo: int, hi: int
) -> tuple[str | None, bool]:
    if mention.measure == "ratio":
        following = sentence.between(mention.end, hi)
        if (
            len(following) >= 2
            and following[0].kind == "ratio_cue"
            and following[1].kind == "subject"
        ):
            return following[1].id, True
        preceding = sentence.between(lo, mention.start)
        if preceding and preceding[-1].kind == "ratio_cue" and len(preceding) >= 2:
            candidate = preceding[-2]
            if candidate.kind == "subject" and preceding[-1].end >= mention.start - 3:
                return candidate.id, True
    if not sentence.partnered:
        return None, False
    partners = [
        h
        for h in sentence.between(lo, hi)
        if h.kind == "subject" and sentence.roles[id(h)] == "partner"
    ]
    if not partners:
        return None, False
    hit = min(partners, key=lambda h: min(abs(h.start - mention.end), abs(mention.start - h.end)))
    return (None if sentence.coordinated(hit) else hit.id), False


def plain_resolve_keys(
    text: str,
    mentions: Sequence[Mention],
    hits: Sequence[Hit],
    published: str | None,
    carried_subject: Carried = None,
    carried_commodity: Carried = None,
) -> list[Key]:
    """resolve_keys as it was: bounds by min() and max(), the plain helpers above."""
    if not mentions:
        return []
    sentence = _Sentence.of(text, hits)
    marks = time_marks(text, hits)
    if marks:
        spans = [(m.start, m.end) for m in mentions]
        marks = [m for m in marks if not any(s <= m.start < e for s, e in spans)]
    keys: list[Key] = []
    previous = _NO_KEY
    for index, mention in enumerate(mentions):
        clause_start, clause_end, segment_start, segment_end = sentence.layout.around(mention.start)
        lo = max(clause_start, mentions[index - 1].end if index else clause_start)
        hi = min(clause_end, mentions[index + 1].start if index + 1 < len(mentions) else clause_end)
        before = sentence.between(lo, mention.start)
        after = sentence.between(mention.end, min(hi, segment_end))
        phrase = _phrase(text, after) if _ATTACH_AFTER.match(text, mention.end) else []
        metric = _pick(sentence, "metric", mention, before, after, phrase)
        if metric is None:
            reliance = _first_of(before, "reliance_cue") or _first_of(after, "reliance_cue")
            metric = reliance.id if reliance is not None else previous.metric
        commodity = _pick(sentence, "commodity", mention, before, after, phrase)
        if commodity is None:
            commodity = previous.commodity
        if commodity is None and mention.measure not in _NO_FALLBACK:
            commodity = plain_nearest(
                sentence, "commodity", mention.start, clause_start, segment_end
            )
            if commodity is None and not any(h.kind == "commodity" for h in hits):
                commodity = _carried(carried_commodity)
        partner, of_ratio = plain_partner(
            sentence, mention, max(lo, segment_start), min(hi, segment_end)
        )
        subject = _subject(
            sentence,
            mention,
            clause_start,
            (segment_start, segment_end),
            partner if of_ratio else None,
        )
        if mention.measure == "rank" and _ranked_within_country(sentence, mention):
            subject = _AMBIGUOUS
        if subject is None:
            subject = _carried(carried_subject)
        if subject == _AMBIGUOUS:
            subject = None
        if partner == subject:
            partner = None
        near = [
            m
            for m in marks
            if segment_start <= m.start < segment_end
            or (clause_start <= m.start and m.end <= mention.start)
        ]
        year, period = year_and_period(near, mention.start, published) if near else (None, None)
        key = Key(
            subject,
            partner,
            None if metric == _AMBIGUOUS else metric,
            None if commodity == _AMBIGUOUS else commodity,
            year,
            period,
        )
        keys.append(key)
        previous = key
    return keys


@cache
def _vocabulary() -> Vocabulary:
    return load_reference(()).vocabulary


@cache
def _sentences() -> list[str]:
    to_traditional = opencc.OpenCC("s2t")
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        document = build_document(path.read_text(encoding="utf-8"), path.name, "utf-8")
        for sentence in document.sentences:
            text = sentence.text
            texts += [text, text.upper(), text.replace(" ", "-"), to_traditional.convert(text)]
    return texts


def _subsets(mentions: list[Mention]) -> list[list[Mention]]:
    return [mentions, mentions[::2], mentions[1::2], mentions[:1], mentions[-1:]]


def _agree(text: str, mentions: Sequence[Mention], hits: Sequence[Hit]) -> None:
    for carried in (("AU", "ree"), (None, None)):
        fast = resolve_keys(text, mentions, hits, "2025-06-01", *carried)
        assert fast == plain_resolve_keys(text, mentions, hits, "2025-06-01", *carried), text


def test_keys_on_the_seeds_are_those_of_the_plain_bounds() -> None:
    resolved = 0
    for text in _sentences():
        mentions = extract(text, normalised=True)
        hits = find_terms(_vocabulary(), text, fuzzy=True)
        for subset in _subsets(mentions):
            _agree(text, subset, hits)
            resolved += len(subset)
        for measure in MEASURES:
            _agree(text, [dataclasses.replace(m, measure=measure) for m in mentions], hits)
    assert resolved > 1000


@pytest.mark.parametrize(
    "text",
    [
        # commodities and partners equally near on both sides of a number
        "Exports of rare earths 50% lithium rose, and imports from China 30% from Japan fell.",
        "China relies on Japan for 40% and on Korea as well; magnets 20% of lithium and graphite.",
        "rare earths, 12 tons, lithium; 5 tons of graphite and 7 tons",
    ],
)
def test_keys_where_candidates_tie_are_those_of_the_plain_bounds(text: str) -> None:
    mentions = extract(text, normalised=True)
    hits = find_terms(_vocabulary(), text, fuzzy=True)
    for measure in MEASURES:
        for subset in _subsets([dataclasses.replace(m, measure=measure) for m in mentions]):
            _agree(text, subset, hits)


KINDS = ["subject", "commodity", "partner_cue", "and", "ratio_cue", "metric"]


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_keys_on_drawn_hits_are_those_of_the_plain_bounds(data: st.DataObject) -> None:
    # Hits of one or two letters in a text of blanks and commas: candidates often tie.
    text = data.draw(st.text(alphabet="  ,;x", min_size=30, max_size=30))
    hits, at = [], 0
    while at < 28:
        at += data.draw(st.integers(0, 3))
        size = data.draw(st.integers(1, 2))
        if at + size > 30:
            break
        kind = data.draw(st.sampled_from(KINDS))
        hits.append(Hit(at, at + size, kind, f"{kind}{data.draw(st.integers(0, 2))}"))
        at += size
    mentions, at = [], 0
    for _ in range(data.draw(st.integers(1, 4))):
        at += data.draw(st.integers(0, 6))
        size = data.draw(st.integers(1, 3))
        if at + size > 30:
            break
        measure = data.draw(st.sampled_from(MEASURES))
        mentions.append(Mention(at, at + size, "1", 1.0, "", measure=measure))
        at += size
    _agree(text, mentions, hits)


def _helpers_agree(text: str, hits: list[Hit]) -> None:
    sentence = _Sentence.of(text, hits)
    bounds = sorted({0, len(text)} | {h.start for h in hits} | {h.end for h in hits})
    for position in range(len(text) + 1):
        for lo in bounds:
            for hi in bounds:
                for kind in ("commodity", "subject"):
                    fast = claims._nearest(sentence, kind, position, lo, hi)
                    assert fast == plain_nearest(sentence, kind, position, lo, hi)
                for size in (0, 1, 2):
                    for measure in (None, "ratio"):
                        mention = Mention(position, position + size, "1", 1.0, "", measure=measure)
                        fast_partner = claims._partner(sentence, mention, lo, hi)
                        assert fast_partner == plain_partner(sentence, mention, lo, hi)


@given(st.data())
@settings(max_examples=80, deadline=None)
def test_nearest_and_partner_on_drawn_hits_are_the_plain_ones(data: st.DataObject) -> None:
    # Commodities and partners (subjects after a cue) a letter or two long, one blank
    # apart or more: a position often has two equally near.
    text = " " * 16
    hits, at = [], 0
    while True:
        at += data.draw(st.integers(1, 3))
        size = data.draw(st.integers(1, 2))
        kind = data.draw(st.sampled_from(["commodity", "partner_cue", "subject", "and"]))
        if at + size > len(text):
            break
        hits.append(Hit(at, at + size, kind, f"{kind}{data.draw(st.integers(0, 2))}"))
        at += size
    _helpers_agree(text, hits)


def test_nearest_and_partner_where_two_tie_are_the_plain_ones() -> None:
    text = " " * 20
    commodities = [Hit(2, 4, "commodity", "a"), Hit(10, 12, "commodity", "b")]
    partners = [
        Hit(0, 1, "partner_cue", "partner_cue"),
        Hit(2, 5, "subject", "CN"),
        Hit(7, 8, "partner_cue", "partner_cue"),
        Hit(9, 11, "subject", "JP"),
    ]
    for hits in (commodities, partners):
        _helpers_agree(text, hits)
        sentence = _Sentence.of(text, hits)
        # 7 is as near to the first's end as to the second's start: the first wins
        first = hits[1].id if hits is partners else "a"
        if hits is commodities:
            assert claims._nearest(sentence, "commodity", 7, 0, 20) == first
        else:
            assert claims._partner(sentence, Mention(7, 7, "1", 1.0, ""), 0, 20) == (first, False)
