"""Claims: numeric mentions placed in their document, with the key of what they are about.

A Claim is a Mention positioned in a file (``file:line:column``), carrying its sentence,
the article's ``published`` date and the resolved key (subject, partner, metric, commodity,
year, period). Fields that cannot be resolved stay ``None``: recheck never invents a subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from recheck.documents import Document
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


@dataclass(frozen=True, slots=True)
class Key:
    """What a number is about; any field may be unresolved (None)."""

    subject: str | None = None
    partner: str | None = None
    metric: str | None = None
    commodity: str | None = None
    year: int | None = None
    period: str | None = None


def claims_in_document(document: Document, vocabulary: Vocabulary | None = None) -> Iterator[Claim]:
    """Every numeric expression of ``document`` as a Claim, in reading order.

    Without a vocabulary the claims carry no key (subject, metric … stay None).
    """
    carried: str | None = None  # the subject of the previous sentence, for clauses without one
    article_start = -1
    for sentence in document.sentences:
        article = _article_of(document, sentence.start)
        if article != article_start:
            carried, article_start = None, article
        mentions = extract(sentence.text)
        if vocabulary is not None:
            hits = find_terms(vocabulary, sentence.text)
            keys = resolve_keys(sentence.text, mentions, hits, sentence.published, carried)
            carried = _last_subject(hits, sentence.text) or carried
        else:
            keys = [Key() for _ in mentions]
        for mention, key in zip(mentions, keys, strict=True):
            start = sentence.start + mention.start
            end = sentence.start + mention.end
            line, column = document.position(start)
            yield Claim(
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


def claims_in_documents(
    documents: Iterable[Document], vocabulary: Vocabulary | None = None
) -> list[Claim]:
    """Claims of several documents, in document order then reading order."""
    return [c for document in documents for c in claims_in_document(document, vocabulary)]


def _article_of(document: Document, offset: int) -> int:
    for index, article in enumerate(document.articles):
        if article.start <= offset < article.end:
            return index
    return -1


def _last_subject(hits: Sequence[Hit], text: str) -> str | None:
    roles = _roles(hits, text)
    subjects = [
        h for h in hits if h.kind == "subject" and h.id != WORLD and roles[id(h)] == "subject"
    ]
    return subjects[-1].id if subjects else None


# --- resolution ---------------------------------------------------------------------------

WORLD = "world"
_CLAUSE_BREAK = re.compile(r"[;；。!?！？]")
# Words after a number that attach the following noun to it: "70% of extraction", "70%的开采".
_ATTACH_AFTER = re.compile(r"\s*(?:of|in|的)\b|\s*的", re.IGNORECASE)
_GAP_TO_PARTNER = re.compile(r"^\s*(?:the\s+)?$", re.IGNORECASE)


def _roles(hits: Sequence[Hit], text: str) -> dict[int, str]:
    """Mark each subject hit as ``subject`` or ``partner`` (after "relies on", 依赖, 对 …)."""
    roles: dict[int, str] = {}
    previous: Hit | None = None
    for hit in hits:
        if hit.kind == "subject":
            is_partner = (
                previous is not None
                and previous.kind == "partner_cue"
                and bool(_GAP_TO_PARTNER.match(text[previous.end : hit.start]))
            )
            roles[id(hit)] = "partner" if is_partner else "subject"
        previous = hit
    return roles


def resolve_keys(
    text: str,
    mentions: Sequence[Mention],
    hits: Sequence[Hit],
    published: str | None,
    carried_subject: str | None = None,
) -> list[Key]:
    """The key of every mention in one sentence.

    Each number looks for its metric and commodity in its own stretch of the sentence — the
    words between it and its neighbours — first where the words attach to it ("70% of
    extraction"), then the nearest; coordinated numbers with nothing of their own inherit
    from the number before ("92% of refined rare earths and 99% of heavy rare earths").
    """
    roles = _roles(hits, text)
    spans = [(m.start, m.end) for m in mentions]
    marks = [m for m in time_marks(text, list(hits)) if not any(s <= m.start < e for s, e in spans)]
    keys: list[Key] = []
    previous = Key()
    for index, mention in enumerate(mentions):
        clause_start, clause_end = _clause(text, mention.start)
        lo = max(clause_start, mentions[index - 1].end if index else clause_start)
        hi = min(clause_end, mentions[index + 1].start if index + 1 < len(mentions) else clause_end)
        before = [h for h in hits if lo <= h.start and h.end <= mention.start]
        after = [h for h in hits if mention.end <= h.start and h.end <= hi]
        attached = bool(_ATTACH_AFTER.match(text, mention.end))

        metric = _pick("metric", mention, before, after, attached) or previous.metric
        commodity = (
            _pick("commodity", mention, before, after, attached)
            or previous.commodity
            or _nearest(hits, "commodity", mention.start, clause_start, clause_end)
        )
        subject = _subject(hits, roles, mention, clause_start, hi, before) or carried_subject
        partner = _partner(hits, roles, mention, lo, hi, text)
        if partner == subject:  # "China … relies on China": no one is their own partner
            partner = None
        year, period = year_and_period(marks, mention.start, published)
        key = Key(subject, partner, metric, commodity, year, period)
        keys.append(key)
        previous = key
    return keys


def _pick(
    kind: str, mention: Mention, before: Sequence[Hit], after: Sequence[Hit], attached: bool
) -> str | None:
    """The ``kind`` term that belongs to ``mention``: attached after it, else the nearest."""
    near_before = [h for h in before if h.kind == kind]
    near_after = [h for h in after if h.kind == kind]
    if attached and near_after:
        return near_after[0].id
    if near_before and near_after:
        gap_before = mention.start - near_before[-1].end
        gap_after = near_after[0].start - mention.end
        return near_before[-1].id if gap_before <= gap_after else near_after[0].id
    if near_before:
        return near_before[-1].id
    return near_after[0].id if near_after else None


def _clause(text: str, position: int) -> tuple[int, int]:
    """The stretch of ``text`` around ``position`` between strong breaks (; 。 ! ?)."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    following = _CLAUSE_BREAK.search(text, position)
    return start, following.start() if following else len(text)


def _nearest(hits: Sequence[Hit], kind: str, position: int, lo: int, hi: int) -> str | None:
    candidates = [h for h in hits if h.kind == kind and lo <= h.start and h.end <= hi]
    if not candidates:
        return None
    return min(candidates, key=lambda h: min(abs(h.start - position), abs(h.end - position))).id


def _subject(
    hits: Sequence[Hit],
    roles: dict[int, str],
    mention: Mention,
    clause_start: int,
    hi: int,
    before: Sequence[Hit],
) -> str | None:
    """The subject that governs a number: the nearest one before it in its clause; the world
    where "global" stands between that subject and an amount; else one after it."""
    own = [
        h
        for h in hits
        if h.kind == "subject"
        and roles.get(id(h)) == "subject"
        and h.end <= mention.start
        and h.start >= clause_start
    ]
    countries = [h for h in own if h.id != WORLD]
    worlds = [h for h in before if h.kind == "subject" and h.id == WORLD]
    if countries:
        nearest = countries[-1]
        if worlds and worlds[-1].start > nearest.end and mention.measure in ("amount", "count"):
            return WORLD
        return nearest.id
    if worlds and mention.measure in ("amount", "count", "money", "change"):
        return WORLD
    later = [
        h
        for h in hits
        if h.kind == "subject"
        and roles.get(id(h)) == "subject"
        and h.start >= mention.end
        and h.end <= hi
        and h.id != WORLD
    ]
    return later[0].id if later else None


def _partner(
    hits: Sequence[Hit], roles: dict[int, str], mention: Mention, lo: int, hi: int, text: str
) -> str | None:
    """The other party: a subject after a partner cue near the number; for a ratio, the
    subject it is a fraction of ("one-tenth of China's", "中国的十分之一")."""
    partners = [
        h
        for h in hits
        if h.kind == "subject" and roles.get(id(h)) == "partner" and lo <= h.start and h.end <= hi
    ]
    if mention.measure == "ratio":
        following = [h for h in hits if h.start >= mention.end and h.end <= hi]
        if (
            len(following) >= 2
            and following[0].kind == "ratio_cue"
            and following[1].kind == "subject"
        ):
            return following[1].id
        preceding = [h for h in hits if h.end <= mention.start and h.start >= lo]
        if preceding and preceding[-1].kind == "ratio_cue" and len(preceding) >= 2:
            candidate = preceding[-2]
            if candidate.kind == "subject" and preceding[-1].end >= mention.start - 3:
                return candidate.id
    if not partners:
        return None
    return min(
        partners, key=lambda h: min(abs(h.start - mention.end), abs(mention.start - h.end))
    ).id
