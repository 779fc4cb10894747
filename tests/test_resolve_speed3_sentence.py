"""Fast paths of a sentence's resolution table (``_Sentence.of``) agree with the plain table
built field by field: ``between`` as one bisected run where hits do not overlap, coordination
looked at only for hits next to a coordination cue, partners looked for only where a subject
is one, roles and run-on cues skipped where no hit can have them; and ``time_marks`` picking
its time words with a comprehension agrees with the plain loop."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache, partial
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck import claims
from recheck.claims import _AMBIGUOUS, WORLD, _coordinated, _Layout, _roles, _Sentence, resolve_keys
from recheck.documents import Document, build_document
from recheck.numbers import Mention, extract
from recheck.periods import _TIME_KINDS, TimeMark, time_marks
from recheck.reference import load_reference
from recheck.vocabulary import Hit, Vocabulary, find_terms

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
KINDS = ["subject", "and", "run_on", "partner_cue", "example_cue", "metric", "relative_cue"]
KINDS += ["month", "quarter", "time"]
IDS = {"month": ["03", "11"], "quarter": ["Q1", "Q3"], "time": ["last_year", "this_year"]}


def plain_sentence(text: str, hits: Sequence[Hit]) -> _Sentence:
    """The table as first built: every field given, no fast path known."""
    return _Sentence(
        text, hits, [h.start for h in hits], _roles(hits, text), _Layout.of(text, hits)
    )


@st.composite
def texts_and_hits(draw: st.DrawFn) -> tuple[str, list[Hit]]:
    # Gaps of blanks, "the", commas and capitals: pairs, cues and run-ons occur. Hits are
    # sorted by start; some overlap, share a start or are empty, which find_terms never
    # yields, so that the fast paths must notice and step aside.
    text = draw(st.text(alphabet=" ,;Ithe", min_size=40, max_size=40))
    drawn = draw(
        st.lists(
            st.tuples(st.integers(0, 36), st.integers(0, 6), st.sampled_from(KINDS)),
            max_size=10,
        )
    )
    hits = []
    for index, (start, size, kind) in enumerate(sorted(drawn)):
        ident = draw(st.sampled_from(IDS[kind])) if kind in IDS else f"{kind}{index % 3}"
        hits.append(Hit(start, min(start + size, 40), kind, ident))
    if draw(st.booleans()):  # most sentences: hits that neither overlap nor are empty
        kept: list[Hit] = []
        for hit in hits:
            if hit.end > hit.start and (not kept or kept[-1].end <= hit.start):
                kept.append(hit)
        hits = kept
    return text, hits


def _agree(text: str, hits: list[Hit]) -> None:
    fast, plain = _Sentence.of(text, hits), plain_sentence(text, hits)
    assert fast.roles == plain.roles
    assert fast.layout == plain.layout
    assert fast.partnered == ("partner" in plain.roles.values())
    bounds = sorted(
        {-1, 0, len(text), len(text) + 1} | {h.start for h in hits} | {h.end for h in hits}
    )
    for lo in bounds:
        for hi in bounds:
            assert list(fast.between(lo, hi)) == list(plain.between(lo, hi)), (lo, hi)
    for index, hit in enumerate(hits):
        assert fast.coordinated(hit) == plain.coordinated(hit) == _coordinated(hits, index, text)
    for position in range(len(text) + 1):
        clause, segment = plain.layout.clause(position), plain.layout.segment(position)
        assert fast.layout.around(position) == (*clause, *segment)


@given(texts_and_hits())
@settings(max_examples=300, deadline=None)
def test_fast_table_is_the_plain_table(drawn: tuple[str, list[Hit]]) -> None:
    _agree(*drawn)


def _seed_sentences() -> Iterator[str]:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = build_document(text, path.name, "utf-8", kind=path.name, as_of="2025-11-01")
        yield from (s.text for s in document.sentences)


def test_fast_table_on_the_seeds_is_the_plain_table() -> None:
    vocabulary = load_reference().vocabulary
    checked = 0
    for text in _seed_sentences():
        _agree(text, find_terms(vocabulary, text, fuzzy=True))
        checked += 1
    assert checked > 200


def _keys_of(texts: list[str]) -> list[list[claims.Key]]:
    vocabulary = _vocabulary()
    out = []
    for text in texts:
        mentions = extract(text, normalised=True)
        hits = find_terms(vocabulary, text, fuzzy=True)
        out.append(resolve_keys(text, mentions, hits, "2025-06-01", "CN", "lithium"))
    return out


def plain_subject(
    sentence: _Sentence,
    mention: Mention,
    clause_start: int,
    segment: tuple[int, int],
    ratio_partner: str | None,
) -> str | None:
    """``_subject`` as first written: lists of every candidate, then the last or the first."""
    roles = sentence.roles
    segment_start, segment_end = segment
    head = sentence.between(segment_start, mention.start)
    if (
        head
        and head[0].kind == "relative_cue"
        and claims._BLANK.match(sentence.text[segment_start : head[0].start])
    ):
        antecedents = [
            h
            for h in sentence.between(clause_start, segment_start)
            if h.kind == "subject" and h.id != WORLD
        ]
        if antecedents:
            hit = antecedents[-1]
            return _AMBIGUOUS if sentence.coordinated(hit) else hit.id
    own = [
        h
        for h in sentence.between(clause_start, mention.start)
        if h.kind == "subject"
        and h.id != WORLD
        and (roles[id(h)] == "subject" or (roles[id(h)] == "example" and h.start >= segment_start))
    ]
    if ratio_partner is not None and own and own[-1].id == ratio_partner:
        own = [h for h in own if h.id != ratio_partner]
    worlds = [h for h in head if h.kind == "subject" and h.id == WORLD]
    if own:
        nearest = own[-1]
        if worlds and worlds[-1].start > nearest.end and mention.measure in ("amount", "count"):
            return WORLD
        return _AMBIGUOUS if sentence.coordinated(nearest) else nearest.id
    if worlds and mention.measure in ("amount", "count", "money", "change"):
        return WORLD
    later = [
        h
        for h in sentence.between(mention.end, segment_end)
        if h.kind == "subject" and roles[id(h)] == "subject" and h.id != WORLD
    ]
    if not later:
        return None
    return _AMBIGUOUS if sentence.coordinated(later[0]) else later[0].id


# Each fast path swapped for its plain definition in turn: the keys must not change.
PLAIN = [("_Sentence.of", staticmethod(plain_sentence)), ("_subject", plain_subject)]


def _keys_plainly(texts: list[str], name: str, plain: object) -> list[list[claims.Key]]:
    owner: object = claims._Sentence if name == "_Sentence.of" else claims
    attribute = name.split(".")[-1]
    fast = owner.__dict__[attribute] if isinstance(owner, type) else getattr(owner, attribute)
    setattr(owner, attribute, plain)
    try:
        return _keys_of(texts)
    finally:
        setattr(owner, attribute, fast)


# "global" before and after the subject, a ratio's partner last, an example, a relative clause
EDGES = [
    "Global production rose as China mined 12,000 tons of rare earths.",
    "China mined 70% of global output, 12,000 tons in 2023.",
    "China's global output was 12,000 tons, and 5 countries followed.",
    "The F-35, particularly the US, relies on China for 87% of magnets.",
    "India could replace China, but its capacity is one-tenth of China's.",
    "Japan and China, which mined 12,000 tons, exported 3 million tons to the US.",
    "印度的产能是中国的十分之一。",
]


@pytest.mark.parametrize(("name", "plain"), PLAIN)
def test_keys_on_the_seeds_are_those_of_plain_paths(name: str, plain: object) -> None:
    texts = [*_seed_sentences(), *EDGES]
    fast = _keys_of(texts)
    assert _keys_plainly(texts, name, plain) == fast
    assert sum(map(len, fast)) > 50


@cache
def _vocabulary() -> Vocabulary:
    return load_reference().vocabulary


@cache
def _aliases() -> list[str]:
    terms = _vocabulary().terms
    return sorted({t.alias for t in terms if t.alias and t.kind != "ignore"})


WORDS = ["the", "and", "of", "in", ",", ";", "。", "，", "It", "which", "relies on", "such as"]
WORDS += [", which", "global", "particularly", "of China's", "中国的", "Australia's", "largest"]
NUMBERS = ["70%", "12,000 tons", "$1 billion", "one-tenth", "2023", "3", "5 countries"]
NUMBERS += ["one-tenth of", "十分之一", "second", "rose 5%", "$2 million"]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    pieces = st.sampled_from(_aliases()) | st.sampled_from(WORDS) | st.sampled_from(NUMBERS)
    return " ".join(draw(st.lists(pieces, min_size=1, max_size=14)))


@given(st.lists(sentences(), min_size=1, max_size=3))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_keys_on_drawn_sentences_are_those_of_plain_paths(texts: list[str]) -> None:
    fast = _keys_of(texts)
    for name, plain in PLAIN:
        assert _keys_plainly(texts, name, plain) == fast, name


def plain_time_marks(text: str, hits: Sequence[Hit]) -> list[TimeMark]:
    """``time_marks`` with its hits loop as first written (the digits read as they are)."""
    marks = [m for m in time_marks(text, []) if m.year is not None or m.month is not None]
    for hit in hits:
        if hit.kind not in _TIME_KINDS:
            continue
        if hit.kind == "month":
            marks.append(TimeMark(hit.start, hit.end, month=int(hit.id)))
        elif hit.kind in ("half", "quarter"):
            marks.append(TimeMark(hit.start, hit.end, part=hit.id))
        elif hit.kind == "time" and hit.id in ("last_year", "this_year"):
            marks.append(TimeMark(hit.start, hit.end, offset=-1 if hit.id == "last_year" else 0))
    marks.sort(key=lambda m: m.start)
    return marks


@given(
    texts_and_hits(),
    st.sampled_from(["", "in 2023", "9月", "2024年3月"]),
    st.sampled_from(["", " in 2024", " 3月", " 2025年9月"]),
)
def test_time_marks_are_the_plain_loop(drawn: tuple[str, list[Hit]], lead: str, tail: str) -> None:
    text, hits = drawn
    # a lead moves the hits along with the text; a tail puts marks after them
    moved = [h._replace(start=h.start + len(lead), end=h.end + len(lead)) for h in hits]
    for written, found in ((text + tail, hits), (lead + text + tail, moved)):
        assert time_marks(written, found) == plain_time_marks(written, found)


def plain_claims(document: Document, vocabulary: Vocabulary | None) -> list[claims.Claim]:
    """``claims_in_document`` as first written: every claim built with its fields by name."""
    out = []
    carry = (
        None
        if vocabulary is None
        else claims._Carry(document, claims._articles(document), vocabulary)
    )
    for index, sentence in enumerate(document.sentences):
        mentions = extract(sentence.text, normalised=True)
        if not mentions:
            continue
        if carry is not None:
            keys = resolve_keys(
                sentence.text,
                mentions,
                carry.hits(index, fuzzy=True),
                sentence.published,
                partial(carry.subject_before, index),
                partial(carry.commodity_before, index),
            )
        else:
            keys = [claims.Key()] * len(mentions)
        for mention, key in zip(mentions, keys, strict=True):
            start, end = sentence.start + mention.start, sentence.start + mention.end
            line, column = document.position(start)
            out.append(
                claims.Claim(
                    id=f"{document.path}:{line}:{column}",
                    file=document.path,
                    line=line,
                    column=column,
                    text=document.source[start:end],
                    value=mention.value,
                    unit=mention.unit,
                    qualifier=mention.qualifier,
                    low=mention.low,
                    high=mention.high,
                    subject=key.subject,
                    partner=key.partner,
                    metric=key.metric,
                    commodity=key.commodity,
                    measure=mention.measure,
                    year=key.year,
                    period=key.period,
                    published=sentence.published,
                    lang=sentence.lang,
                    sentence=" ".join(sentence.original.split()),
                    start=start,
                    end=end,
                )
            )
    return out


def test_claims_on_the_seeds_are_those_built_by_name() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = build_document(text, path.name, "utf-8", kind=path.name, as_of="2025-11-01")
        for vocabulary in (_vocabulary(), None):
            expected = plain_claims(document, vocabulary)
            assert list(claims.claims_in_document(document, vocabulary)) == expected
            assert expected or vocabulary is None
