"""Claims: numeric mentions placed in their document, with the key of what they are about.

A Claim is a Mention positioned in a file (``file:line:column``), carrying its sentence,
the article's ``published`` date and the resolved key (subject, partner, metric, commodity,
year, period). Fields that cannot be resolved stay ``None``: recheck never invents a subject.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from typing import Any

from recheck.documents import Document
from recheck.frozen import builder, fields_reduce
from recheck.numbers import Mention, extract
from recheck.periods import time_marks, year_and_period
from recheck.vocabulary import Hit, Vocabulary, find_terms


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric assertion, with the fields of the output contract (CONTRACT.md, Claim)."""

    id: str
    file: str
    line: int
    column: int
    text: str
    value: float
    unit: str
    qualifier: str
    low: float | None
    high: float | None
    subject: str | None
    partner: str | None
    metric: str | None
    commodity: str | None
    measure: str | None
    year: int | None
    period: str | None
    published: str | None
    lang: str
    sentence: str
    # Offsets into the document text, for reports that underline the span (not in the contract).
    start: int = 0
    end: int = 0

    def contract_fields(self) -> dict[str, Any]:
        """The claim as the contract's JSON object (offsets left out)."""
        fields = asdict(self)
        del fields["start"], fields["end"]
        return fields

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def _claim_stored(
    id: str,
    file: str,
    line: int,
    column: int,
    text: str,
    value: float,
    unit: str,
    qualifier: str,
    low: float | None,
    high: float | None,
    subject: str | None,
    partner: str | None,
    metric: str | None,
    commodity: str | None,
    measure: str | None,
    year: int | None,
    period: str | None,
    published: str | None,
    lang: str,
    sentence: str,
    start: int = 0,
    end: int = 0,
) -> Claim:
    """``Claim(...)``, compiled: one direct store a field (see frozen.builder)."""
    claim = Claim.__new__(Claim)
    claim.id = id  # type: ignore[misc]
    claim.file = file  # type: ignore[misc]
    claim.line = line  # type: ignore[misc]
    claim.column = column  # type: ignore[misc]
    claim.text = text  # type: ignore[misc]
    claim.value = value  # type: ignore[misc]
    claim.unit = unit  # type: ignore[misc]
    claim.qualifier = qualifier  # type: ignore[misc]
    claim.low = low  # type: ignore[misc]
    claim.high = high  # type: ignore[misc]
    claim.subject = subject  # type: ignore[misc]
    claim.partner = partner  # type: ignore[misc]
    claim.metric = metric  # type: ignore[misc]
    claim.commodity = commodity  # type: ignore[misc]
    claim.measure = measure  # type: ignore[misc]
    claim.year = year  # type: ignore[misc]
    claim.period = period  # type: ignore[misc]
    claim.published = published  # type: ignore[misc]
    claim.lang = lang  # type: ignore[misc]
    claim.sentence = sentence  # type: ignore[misc]
    claim.start = start  # type: ignore[misc]
    claim.end = end  # type: ignore[misc]
    return claim


# Built for every number: without the frozen __init__'s call a field (recheck.frozen; a
# claim cost ~31k instructions through it, ~6k this way).
_new_claim = builder(Claim, _claim_stored)


@dataclass(frozen=True, slots=True)
class Key:
    """What a number is about; any field may be unresolved (None)."""

    subject: str | None = None
    partner: str | None = None
    metric: str | None = None
    commodity: str | None = None
    year: int | None = None
    period: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def claim_of_fields(values: Sequence[Any]) -> Claim:
    """The Claim whose fields, in order, are ``values`` (as ``Claim(*values)``), built as
    ``claims_in_document`` builds claims: for claims sent back from worker processes."""
    built: Claim = _new_claim(*values)
    return built


def _key_stored(
    subject: str | None = None,
    partner: str | None = None,
    metric: str | None = None,
    commodity: str | None = None,
    year: int | None = None,
    period: str | None = None,
) -> Key:
    """``Key(...)``, compiled: one direct store a field (see frozen.builder)."""
    key = Key.__new__(Key)
    key.subject = subject  # type: ignore[misc]
    key.partner = partner  # type: ignore[misc]
    key.metric = metric  # type: ignore[misc]
    key.commodity = commodity  # type: ignore[misc]
    key.year = year  # type: ignore[misc]
    key.period = period  # type: ignore[misc]
    return key


_new_key = builder(Key, _key_stored)  # as _new_claim (a key ~9k -> ~2.5k instructions)


def claims_in_document(document: Document, vocabulary: Vocabulary | None = None) -> Iterator[Claim]:
    """Every numeric expression of ``document`` as a Claim, in reading order.

    Without a vocabulary the claims carry no key (subject, metric … stay None).
    """
    carry = None if vocabulary is None else _Carry(document, _articles(document), vocabulary)
    unkeyed = Key()  # frozen: the claims without a vocabulary can share it
    path, source = document.path, document.source
    for index, sentence in enumerate(document.sentences):
        mentions = extract(sentence.text, normalised=True)
        if not mentions:
            continue  # its words are looked up only if a later number needs what it names
        if carry is not None:
            hits = carry.hits(index, fuzzy=True)
            keys = resolve_keys(
                sentence.text,
                mentions,
                hits,
                sentence.published,
                partial(carry.subject_before, index),
                partial(carry.commodity_before, index),
            )
        else:
            keys = [unkeyed] * len(mentions)
        # Once per sentence: its claims share the one string.
        said = " ".join(sentence.original.split())
        base = sentence.start
        for mention, key in zip(mentions, keys, strict=True):
            start = base + mention.start
            end = base + mention.end
            line, column = document.position(start)
            # Positional, in the order of the fields: keywords cost a claim as much again to
            # match to them.
            yield _new_claim(
                f"{path}:{line}:{column}",  # id
                path,  # file
                line,
                column,
                source[start:end],  # text
                mention.value,
                mention.unit,
                mention.qualifier,
                mention.low,
                mention.high,
                key.subject,
                key.partner,
                key.metric,
                key.commodity,
                mention.measure,
                key.year,
                key.period,
                sentence.published,
                sentence.lang,
                said,  # sentence
                start,
                end,
            )


class _Carry:
    """What earlier sentences of the same article pass on to a sentence: the subject of the
    last one that named one, for clauses without one, and the commodity of the one just
    before, for sentences that name none.

    Looked up lazily: most sentences hold no number, and their vocabulary is searched only
    when a later number needs what they name (most numbers find their own subject). A
    sentence is searched at most once, and the subject search never re-reads a stretch
    already read, so an article costs at most one search per sentence.
    """

    __slots__ = (
        "_articles",
        "_commodities",
        "_document",
        "_found",
        "_hits",
        "_known",
        "_vocabulary",
    )

    def __init__(self, document: Document, articles: list[int], vocabulary: Vocabulary) -> None:
        self._document = document
        self._articles = articles
        self._vocabulary = vocabulary
        self._hits: dict[int, list[Hit]] = {}
        # The carried subject is known for sentence ``_known[0]``: ``_known[1]``.
        self._known: tuple[int, str | None] = (0, None)
        self._found: dict[int, tuple[bool, str | None]] = {}
        self._commodities: dict[int, str | None] = {}

    def hits(self, index: int, *, fuzzy: bool = False) -> list[Hit]:
        """Sentence ``index``'s hits; spelling slips are forgiven only where a number needs
        the words (fuzzy costs), so the first search of a sentence with numbers is fuzzy."""
        found = self._hits.get(index)
        if found is None:
            text = self._document.sentences[index].text
            found = self._hits[index] = find_terms(self._vocabulary, text, fuzzy=fuzzy)
        return found

    def subject_before(self, index: int) -> str | None:
        article = self._articles[index]
        known_at, known = self._known
        if known_at > index or (known_at < index and self._articles[known_at] != article):
            known_at, known = index, None  # an article starts afresh
            for earlier in range(index - 1, -1, -1):
                if self._articles[earlier] != article:
                    break
                known_at = earlier
        value = known
        for earlier in range(index - 1, known_at - 1, -1):
            named, subject = self._named(earlier)
            if named:
                value = subject
                break
        self._known = (index, value)
        return value

    def commodity_before(self, index: int) -> str | None:
        # Asked once per number that names no commodity: answered once per sentence.
        if index in self._commodities:
            return self._commodities[index]
        commodity = None
        if index > 0 and self._articles[index - 1] == self._articles[index]:
            text = self._document.sentences[index - 1].text
            commodity = _last_commodity(self.hits(index - 1), text)
        self._commodities[index] = commodity
        return commodity

    def _named(self, index: int) -> tuple[bool, str | None]:
        found = self._found.get(index)
        if found is None:
            text = self._document.sentences[index].text
            found = self._found[index] = _last_subject(self.hits(index), text)
        return found


def claims_in_documents(
    documents: Iterable[Document], vocabulary: Vocabulary | None = None
) -> list[Claim]:
    """Claims of several documents, in document order then reading order."""
    return [c for document in documents for c in claims_in_document(document, vocabulary)]


def _articles(document: Document) -> list[int]:
    """The article index of every sentence (-1 outside any); only the carried subject and
    commodity need it, so claims without a vocabulary skip it."""
    article_starts = [article.start for article in document.articles]
    return [_article_of(document, article_starts, s.start) for s in document.sentences]


def _article_of(document: Document, starts: Sequence[int], offset: int) -> int:
    # Articles are sorted and disjoint (``starts`` are theirs): a bisection, not a pass over
    # every article for every sentence (an archive file holds thousands of articles).
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < document.articles[index].end:
        return index
    return -1


def _last_subject(hits: Sequence[Hit], text: str) -> tuple[bool, str | None]:
    """Whether the sentence names a subject, and the last one — None where it is one of two
    coordinated subjects ("the US and Australia"), which the next sentence cannot take."""
    roles = _roles(hits, text)
    for index in range(len(hits) - 1, -1, -1):
        hit = hits[index]
        if hit.kind == "subject" and hit.id != WORLD and roles[id(hit)] == "subject":
            return True, None if _coordinated(hits, index, text) else hit.id
    return False, None


def _last_commodity(hits: Sequence[Hit], text: str) -> str | None:
    for index in range(len(hits) - 1, -1, -1):
        if hits[index].kind == "commodity":
            return None if _coordinated(hits, index, text) else hits[index].id
    return None


# --- resolution ---------------------------------------------------------------------------

WORLD = "world"
# A subject or commodity carried from earlier sentences: the id, or how to find it when needed.
Carried = str | Callable[[], str | None] | None
# A number about two coordinated things ("dysprosium and samarium") is about neither alone.
_AMBIGUOUS = "\0ambiguous"
# What ends a clause; each is also a segment break (below), so the clauses are found among
# the segments without a second scan of the text.
_CLAUSE_ENDS = frozenset(";；。!?！？")
# Commas split a clause into segments: a partner, a later subject, "global" or a year must
# sit in the number's own segment to reach it ("…0.1% of rare earths, … a response to the US").
# That is ``[;；。!?！？，]|,(?!\d{3})`` (not the comma of "240,000"), written to open with one
# character class: the engine then skips ahead to candidates instead of trying every position.
_SEGMENT_BREAK = re.compile(r"[;；。!?！？，,](?:(?<!,)|(?!\d{3}))")
# Words after a number that attach the following noun to it: "70% of extraction", "70%的开采".
_ATTACH_AFTER = re.compile(r"\s*(?:of|in|的)\b|\s*的", re.IGNORECASE)
_GAP_TO_PARTNER = re.compile(r"^\s*(?:the\s+|in\s+)?$", re.IGNORECASE)
_GAP_IN_PAIR = re.compile(r"^\s*(?:the\s+)?$", re.IGNORECASE)
_BLANK = re.compile(r"^\s*$")
_PHRASE_GAP = re.compile(r"\s*(?:[A-Za-z'-]{1,12}\s*|[^\sA-Za-z0-9,，;；。]{1,2})?$")
_RUN_ON_COMMA = re.compile(r"[,，]\s*$")
_PARTNER_CUES = ("partner_cue", "reliance_cue")
# The kinds of hit before a subject that can give it a role other than "subject".
_ROLE_CUES = frozenset((*_PARTNER_CUES, "example_cue", "and"))
# Counts and durations ("5 countries", "three months") take a commodity only from their own
# words, never from elsewhere in the clause or the sentence before.
_NO_FALLBACK = ("count", "duration")
# A country in the possessive just before a rank ("Australia's largest producer") or as an
# adjective just after it ("the largest Australian producer") is where the ranking is made,
# not what is ranked: the rank is of a producer within that country.
_POSSESSIVE_GAP = re.compile(r"^['’]s?\s+$")
_ADJECTIVE_GAP = re.compile(r"^\s+$")
_NOUN_NEXT = re.compile(r"\s+[A-Za-z]")


# Not frozen (nor _Sentence): built once per sentence, and a frozen dataclass's __init__
# sets every field through object.__setattr__. Their own __init__, not the dataclass's:
# compiled by mypyc, the one dataclasses writes is still interpreted, this one is not.
@dataclass(slots=True, init=False)
class _Layout:
    """Where a sentence's clauses and comma segments start and end, found once per sentence."""

    clause_starts: tuple[int, ...]
    segment_starts: tuple[int, ...]
    length: int

    def __init__(
        self, clause_starts: tuple[int, ...], segment_starts: tuple[int, ...], length: int
    ) -> None:
        self.clause_starts = clause_starts
        self.segment_starts = segment_starts
        self.length = length

    @staticmethod
    def of(text: str, hits: Sequence[Hit], *, run_ons: bool = True) -> _Layout:
        """``run_ons``: whether the hits may hold a run-on cue (False: not looked for)."""
        # Match ends only grow, and are past 0: these lists are sorted and without repeats.
        segments = (0, *[m.end() for m in _SEGMENT_BREAK.finditer(text)])
        clauses = [0] + [end for end in segments[1:] if text[end - 1] in _CLAUSE_ENDS]
        # "…in advance, It also claims": a capitalised pronoun after a comma starts a sentence.
        if not run_ons:
            return _Layout(tuple(clauses), segments, len(text))
        starts = [
            h.start
            for h in hits
            if h.kind == "run_on"
            and text[h.start].isupper()
            and _RUN_ON_COMMA.search(text, 0, h.start)
        ]
        if starts:
            clauses = sorted(set(clauses + starts))
        return _Layout(tuple(clauses), segments, len(text))

    def clause(self, position: int) -> tuple[int, int]:
        return _bounds(self.clause_starts, position, self.length)

    def around(self, position: int) -> tuple[int, int, int, int]:
        """The clause and the segment of ``position``: (clause start, end, segment start, end)."""
        clause_start, clause_end = _bounds(self.clause_starts, position, self.length)
        return (clause_start, clause_end, *_bounds(self.segment_starts, position, self.length))

    def segment(self, position: int) -> tuple[int, int]:
        return _bounds(self.segment_starts, position, self.length)


def _bounds(starts: tuple[int, ...], position: int, length: int) -> tuple[int, int]:
    index = bisect_left(starts, position + 1) - 1
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else length + 1
    return start, end - 1  # the break character itself belongs to neither side


def _coordinated(hits: Sequence[Hit], index: int, text: str) -> bool:
    """Is ``hits[index]`` one of a pair "A and B" / "A、B" of the same kind, A and B different?"""
    hit = hits[index]
    for step in (-1, 1):
        cue, other = index + step, index + 2 * step
        if not (0 <= other < len(hits)) or hits[cue].kind != "and":
            continue
        partner = hits[other]
        if partner.kind != hit.kind or partner.id == hit.id:
            continue
        first, second = (partner, hit) if step < 0 else (hit, partner)
        if _GAP_IN_PAIR.match(text[first.end : hits[cue].start]) and _GAP_IN_PAIR.match(
            text[hits[cue].end : second.start]
        ):
            return True
    return False


def _roles(hits: Sequence[Hit], text: str) -> dict[int, str]:
    """Mark each subject hit ``subject``, ``partner`` (after "relies on", 依赖, 对 …, or
    coordinated with a partner) or ``example`` (after "particularly", "such as" …)."""
    roles: dict[int, str] = {}
    for index, hit in enumerate(hits):
        if hit.kind != "subject":
            continue
        role = "subject"
        previous = hits[index - 1] if index else None
        # The kind first: most subjects follow no cue, and then the gap need not be read.
        if (
            previous is not None
            and previous.kind in _ROLE_CUES
            and _GAP_TO_PARTNER.match(text[previous.end : hit.start])
        ):
            if previous.kind in _PARTNER_CUES:
                role = "partner"
            elif previous.kind == "example_cue":
                role = "example"
            elif previous.kind == "and" and index >= 2 and hits[index - 2].kind == "subject":
                role = roles.get(id(hits[index - 2]), "subject")
        roles[id(hit)] = role
    return roles


@dataclass(slots=True, init=False)
class _Sentence:
    """One sentence's hits with what every number of it looks up (built once per sentence).
    The hits are in reading order, sorted by start, as find_terms gives them."""

    text: str
    hits: Sequence[Hit]
    starts: Sequence[int]
    roles: dict[int, str]
    layout: _Layout
    # ``between`` results by bounds: a number's stretches share them (its clause and its
    # segment often start together, and so do the stretch before it and its clause).
    found: dict[tuple[int, int], Sequence[Hit]]
    # The hits' ends where no hit is empty or overlaps the next (as find_terms gives them):
    # then the ends rise too, and the hits within bounds are one run, found by bisection.
    ends: Sequence[int] | None = None
    # The ids of the hits next to a coordination cue, the only ones that can be coordinated
    # (most are not: their check is a set lookup); None: not worked out, every hit checked.
    paired: set[int] | None = None
    # Whether any subject is a partner (few sentences have one); True when not worked out.
    partnered: bool = True

    def __init__(
        self,
        text: str,
        hits: Sequence[Hit],
        starts: Sequence[int],
        roles: dict[int, str],
        layout: _Layout,
        found: dict[tuple[int, int], Sequence[Hit]] | None = None,
        ends: Sequence[int] | None = None,
        paired: set[int] | None = None,
        partnered: bool = True,
    ) -> None:
        self.text = text
        self.hits = hits
        self.starts = starts
        self.roles = roles
        self.layout = layout
        self.found = {} if found is None else found
        self.ends = ends
        self.paired = paired
        self.partnered = partnered

    @staticmethod
    def of(text: str, hits: Sequence[Hit]) -> _Sentence:
        if not hits:
            layout = _Layout.of(text, hits, run_ons=False)
            return _Sentence(text, hits, [], {}, layout, {}, [], set(), False)
        # Comprehensions, not zip(*hits): compiled, each is a loop of tuple reads, where the
        # star call is a generic one that builds a tuple of every hit first.
        starts = [hit.start for hit in hits]
        ends = [hit.end for hit in hits]
        kinds = [hit.kind for hit in hits]
        runs = all(map(operator.lt, starts, ends)) and all(map(operator.le, ends, starts[1:]))
        paired = set()
        if "and" in kinds:  # what a sentence lacks (most lack some) is skipped at C speed
            last = len(hits) - 1
            for index, kind in enumerate(kinds):
                if kind == "and":
                    if index:
                        paired.add(id(hits[index - 1]))
                    if index < last:
                        paired.add(id(hits[index + 1]))
        roles = _roles(hits, text) if "subject" in kinds else {}
        return _Sentence(
            text,
            hits,
            starts,
            roles,
            _Layout.of(text, hits, run_ons="run_on" in kinds),
            {},
            ends if runs else None,
            paired,
            "partner" in roles.values(),
        )

    def between(self, lo: int, hi: int) -> Sequence[Hit]:
        """Hits that lie wholly within ``[lo, hi)``, in reading order (shared: not to change)."""
        if self.ends is not None:
            first = bisect_left(self.starts, lo)
            return self.hits[first : bisect_right(self.ends, hi, first)]
        hits = self.found.get((lo, hi))
        if hits is None:
            first = bisect_left(self.starts, lo)
            past = bisect_left(self.starts, hi, first)  # the first to start at ``hi`` or later
            hits = self.found[lo, hi] = [h for h in self.hits[first:past] if h.end <= hi]
        return hits

    def coordinated(self, hit: Hit) -> bool:
        if self.paired is not None and id(hit) not in self.paired:
            return False
        # Found by bisection, not a table: a sentence asks for a few hits, not all of them.
        index = bisect_left(self.starts, hit.start)
        while self.hits[index] is not hit:
            index += 1
        return _coordinated(self.hits, index, self.text)


def resolve_keys(
    text: str,
    mentions: Sequence[Mention],
    hits: Sequence[Hit],
    published: str | None,
    carried_subject: Carried = None,
    carried_commodity: Carried = None,
) -> list[Key]:
    """The key of every mention in one sentence.

    Each number looks for its metric and commodity in its own stretch of the sentence — the
    words between it and its neighbours, and after it only up to the next comma — first
    where the words attach to it ("70% of extraction"), then the nearest; coordinated
    numbers with nothing of their own inherit from the number before ("92% of refined rare
    earths and 99% of heavy rare earths"). The subject and commodity carried from earlier
    sentences are given as values or as functions called only if a number needs them.
    """
    if not mentions:
        return []
    sentence = _Sentence.of(text, hits)
    marks = time_marks(text, hits)
    if marks:  # most sentences have none
        spans = [(m.start, m.end) for m in mentions]
        marks = [m for m in marks if not any(s <= m.start < e for s, e in spans)]
    keys: list[Key] = []
    previous = _NO_KEY
    last = len(mentions) - 1
    # Bounds by comparisons, not min() and max(): a builtin call costs as much as ten of them.
    for index, mention in enumerate(mentions):
        clause_start, clause_end, segment_start, segment_end = sentence.layout.around(mention.start)
        lo = clause_start  # from the end of the number before, within the clause
        if index and mentions[index - 1].end > lo:
            lo = mentions[index - 1].end
        hi = clause_end  # to the start of the number after, within the clause
        if index < last and mentions[index + 1].start < hi:
            hi = mentions[index + 1].start
        own_end = hi if hi < segment_end else segment_end  # and within the segment
        before = sentence.between(lo, mention.start)
        after = sentence.between(mention.end, own_end)
        phrase = _phrase(text, after) if _ATTACH_AFTER.match(text, mention.end) else []

        metric = _pick(sentence, "metric", mention, before, after, phrase)
        if metric is None:
            # "relies on China for 87%": the cue in the number's own stretch beats inheriting
            reliance = _first_of(before, "reliance_cue") or _first_of(after, "reliance_cue")
            metric = reliance.id if reliance is not None else previous.metric
        commodity = _pick(sentence, "commodity", mention, before, after, phrase)
        if commodity is None:
            commodity = previous.commodity
        if commodity is None and mention.measure not in _NO_FALLBACK:
            # the nearest named in the clause up to the end of the number's segment ("$1
            # billion each … over the next six months to enhance rare earth mining")
            commodity = _nearest(sentence, "commodity", mention.start, clause_start, segment_end)
            if commodity is None and not any(h.kind == "commodity" for h in hits):
                commodity = _carried(carried_commodity)
        partner, of_ratio = _partner(
            sentence, mention, lo if lo > segment_start else segment_start, own_end
        )
        subject = _subject(
            sentence,
            mention,
            clause_start,
            (segment_start, segment_end),
            partner if of_ratio else None,
        )
        if mention.measure == "rank" and _ranked_within_country(sentence, mention):
            # The key cannot say "within Australia", and the producer ranked is not a
            # subject the sentence before named: left unresolved, never carried.
            subject = _AMBIGUOUS
        if subject is None:
            subject = _carried(carried_subject)
        if subject == _AMBIGUOUS:
            subject = None
        if partner == subject:  # "China … relies on China": no one is their own partner
            partner = None
        near = [
            m
            for m in marks
            if segment_start <= m.start < segment_end
            or (clause_start <= m.start and m.end <= mention.start)
        ]
        year, period = year_and_period(near, mention.start, published) if near else (None, None)
        key = _new_key(
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


_NO_KEY = Key()  # frozen: the "number before" of a sentence's first number, shared


def _carried(value: Carried) -> str | None:
    return value() if callable(value) else value


def _ranked_within_country(sentence: _Sentence, mention: Mention) -> bool:
    """Whether a rank is made within a country named as possessive or adjective next to it
    ("Australia's largest rare earth producer", "the largest Australian producer")."""
    text = sentence.text
    before = sentence.between(0, mention.start)
    if before:
        hit = before[-1]
        if (
            hit.kind == "subject"
            and hit.id != WORLD
            and _POSSESSIVE_GAP.match(text[hit.end : mention.start])
        ):
            return True
    after = sentence.between(mention.end, len(text))
    if after:
        hit = after[0]
        if (
            hit.kind == "subject"
            and hit.id != WORLD
            and _ADJECTIVE_GAP.match(text[mention.end : hit.start])
            and _NOUN_NEXT.match(text, hit.end)
        ):
            return True
    return False


def _pick(
    sentence: _Sentence,
    kind: str,
    mention: Mention,
    before: Sequence[Hit],
    after: Sequence[Hit],
    phrase: Sequence[Hit],
) -> str | None:
    """The ``kind`` term that belongs to ``mention``: the head of the ``phrase`` attached
    after it (the last term: "70% of rare earth separation patents" → patents), else the
    nearest. ``_AMBIGUOUS`` where that term is one of two coordinated ones."""
    chosen = _last_of(phrase, kind)
    if chosen is None:
        near_before = _last_of(before, kind)
        near_after = _first_of(after, kind)
        if near_before is not None and near_after is not None:
            gap_before = mention.start - near_before.end
            gap_after = near_after.start - mention.end
            chosen = near_before if gap_before <= gap_after else near_after
        else:
            chosen = near_before if near_before is not None else near_after
    if chosen is None:
        return None
    return _AMBIGUOUS if sentence.coordinated(chosen) else chosen.id


# Loops, not comprehensions: a number asks for one hit, and the scan stops at it.
def _first_of(hits: Sequence[Hit], kind: str) -> Hit | None:
    for hit in hits:
        if hit.kind == kind:
            return hit
    return None


def _last_of(hits: Sequence[Hit], kind: str) -> Hit | None:
    for hit in reversed(hits):
        if hit.kind == kind:
            return hit
    return None


def _phrase(text: str, after: Sequence[Hit]) -> list[Hit]:
    """The noun phrase after a number: its first hits while no more than one short word
    stands between them ("of global rare earth extraction"; not "of mining while the …")."""
    phrase: list[Hit] = []
    for hit in after:
        if phrase and not _PHRASE_GAP.match(text, phrase[-1].end, hit.start):
            break
        phrase.append(hit)
    return phrase


def _nearest(sentence: _Sentence, kind: str, position: int, lo: int, hi: int) -> str | None:
    # The first of the nearest, by a scan, not min() with a key function: a call a candidate.
    hit = None
    nearest = 0
    for h in sentence.between(lo, hi):
        if h.kind == kind:
            to_start = abs(h.start - position)
            to_end = abs(h.end - position)
            gap = to_start if to_start < to_end else to_end
            if hit is None or gap < nearest:
                hit, nearest = h, gap
    if hit is None:
        return None
    return _AMBIGUOUS if sentence.coordinated(hit) else hit.id


def _subject(
    sentence: _Sentence,
    mention: Mention,
    clause_start: int,
    segment: tuple[int, int],
    ratio_partner: str | None,
) -> str | None:
    """The subject that governs a number: after ", which" the subject just before the comma;
    else the nearest one before it in its clause (not an example set off by commas, not the
    partner of a ratio); the world where "global" stands between that subject and an amount
    in the number's segment; else one after it in its segment. ``_AMBIGUOUS`` where the
    subject is one of two coordinated ones; None where nothing is found."""
    roles = sentence.roles
    segment_start, segment_end = segment
    head = sentence.between(segment_start, mention.start)
    if (
        head
        and head[0].kind == "relative_cue"
        and _BLANK.match(sentence.text[segment_start : head[0].start])
    ):
        antecedents = [
            h
            for h in sentence.between(clause_start, segment_start)
            if h.kind == "subject" and h.id != WORLD
        ]
        if antecedents:
            hit = antecedents[-1]
            return _AMBIGUOUS if sentence.coordinated(hit) else hit.id
    nearest = _own_subject(sentence, clause_start, mention.start, segment_start, ratio_partner)
    # "global" counts only as a last resort, and for some measures: looked for only then
    if nearest is not None:
        if mention.measure in ("amount", "count"):
            world = _last_world(head)
            if world is not None and world.start > nearest.end:
                return WORLD
        return _AMBIGUOUS if sentence.coordinated(nearest) else nearest.id
    if mention.measure in ("amount", "count", "money", "change") and _last_world(head) is not None:
        return WORLD
    for h in sentence.between(mention.end, segment_end):  # the first one after it
        if h.kind == "subject" and roles[id(h)] == "subject" and h.id != WORLD:
            return _AMBIGUOUS if sentence.coordinated(h) else h.id
    return None


# Scans from the number back, not lists of every candidate: the nearest is the one asked for.
def _own_subject(
    sentence: _Sentence, lo: int, hi: int, segment_start: int, ratio_partner: str | None
) -> Hit | None:
    """The last subject in ``[lo, hi)`` that can govern a number (not an example outside
    its segment), past the partner of a ratio where that is the last one."""
    roles = sentence.roles
    skip = None
    for h in reversed(sentence.between(lo, hi)):
        if h.kind != "subject" or h.id == WORLD or h.id == skip:
            continue
        role = roles[id(h)]
        # an example governs only its own segment ("particularly the F-35, relies on")
        if role == "subject" or (role == "example" and h.start >= segment_start):
            if ratio_partner is not None and skip is None and h.id == ratio_partner:
                # "India … replace China …, but its capacity is one-tenth of China's": the
                # other party.
                skip = ratio_partner
                continue
            return h
    return None


def _last_world(hits: Sequence[Hit]) -> Hit | None:
    for h in reversed(hits):
        if h.kind == "subject" and h.id == WORLD:
            return h
    return None


def _partner(sentence: _Sentence, mention: Mention, lo: int, hi: int) -> tuple[str | None, bool]:
    """The other party, in the number's segment, and whether a ratio is a fraction of it:
    for a ratio, the subject it is a fraction of ("one-tenth of China's", "中国的十分之一");
    else a subject after a partner cue."""
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
    roles = sentence.roles
    hit = None
    nearest = 0
    for h in sentence.between(lo, hi):  # the first of the nearest, as in _nearest
        if h.kind == "subject" and roles[id(h)] == "partner":
            to_start = abs(h.start - mention.end)
            to_end = abs(mention.start - h.end)
            gap = to_start if to_start < to_end else to_end
            if hit is None or gap < nearest:
                hit, nearest = h, gap
    if hit is None:
        return None, False
    return (None if sentence.coordinated(hit) else hit.id), False


def finer_period(claim: Claim) -> str | None:
    """The claim's period when finer than its year (``2025-06``), else None."""
    if claim.period is None or claim.period == (str(claim.year) if claim.year else None):
        return None
    return claim.period if len(claim.period) > 4 else None
