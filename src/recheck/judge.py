"""Verdicts: each claim against the reference; ``judge`` also attaches the conflicts that
recheck.reconcile finds among the claims.

Time: a claim is judged against the reference as it stood when its article was published.
Each source belongs to a *series* (USGS Mineral Commodity Summaries, the IEA outlook …); the
edition of a series current at publication decides ``supported``; a value that fits only an
earlier edition, or an earlier year, is ``outdated``; a value that fits no known figure is
``contradicted``; no figure at all for the key is ``unverified``. Several series may be current
for one key at once (USGS-derived and IEA mining shares differ): a claim that fits any of them
is supported, and the message names which one fits and what the others say.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from recheck.claims import Claim, finer_period
from recheck.frozen import builder
from recheck.intervals import (
    Interval,
    Tolerance,
    claim_interval,
    fact_interval,
    overlaps,
    printed_interval,
)
from recheck.reconcile import Conflict, conflict_partners, reconcile
from recheck.reference import WORLD, Fact, Reference, printed_half_unit
from recheck.wording import Names, describe_key

VERDICTS = ("supported", "outdated", "contradicted", "unverified")
SEVERITY_OF = {
    "contradicted": "error",
    "outdated": "warning",
    "unverified": "note",
    "supported": "none",
}
SEVERITIES = ("error", "warning", "note", "none")  # most severe first


@dataclass(frozen=True, slots=True)
class Finding:
    """A claim with its verdict (CONTRACT.md: Claim + Verdict)."""

    claim: Claim
    verdict: str
    severity: str
    reference: Fact | None
    message: str
    conflicts_with: tuple[str, ...] = ()


# Built for every claim: without the frozen __init__'s call a field (recheck.frozen).
_new_finding = builder(Finding)


# --- which facts speak to a claim ----------------------------------------------------------


def series_of(fact: Fact) -> str:
    return fact.source.series


def _same_key(claim: Claim, reference: Reference) -> list[Fact]:
    return _key_with(claim, claim.subject, claim.partner, reference)


def _key_with(
    claim: Claim, subject: str | None, partner: str | None, reference: Reference
) -> list[Fact]:
    """The facts about the claim's key with ``subject`` and ``partner`` in its place (the
    world total for a country's amount) that count what the claim counts."""
    metric, commodity, measure = claim.metric, claim.commodity, claim.measure
    if subject is None or metric is None or commodity is None or measure is None:
        return []
    key = (subject, partner, metric, commodity, measure, claim.unit)
    return [
        fact
        for fact in reference.facts_about(key)
        if not fact.counts or _counts_the_same(claim, fact.counts)
    ]


_COUNTED_WITHIN = 40  # characters after a count's number where the counted noun may stand


def _counts_the_same(claim: Claim, words: Sequence[str]) -> bool:
    """Whether a word naming what the fact counts follows the claim's number."""
    sentence = claim.sentence.casefold()
    at = sentence.find(claim.text.casefold())
    if at < 0:
        return False
    after = sentence[at : at + len(claim.text) + _COUNTED_WITHIN]
    return any(word.casefold() in after for word in words)


def facts_for(claim: Claim, reference: Reference) -> list[Fact]:
    """The reference facts about the claim's key, in the claim's unit.

    Where the reference gives a key by month, quarter or half (exports in June), the period
    is part of the key: a June figure is only judged against June. Where it gives a key by
    year only, a month in the claim narrows nothing.
    """
    facts = _same_key(claim, reference) + ratios_between(claim, reference)
    if any(not f.annual for f in facts):
        period = finer_period(claim)
        return [f for f in facts if f.period == period]
    return facts


_RATIO_OF = ("amount", "money")  # figures one subject's can be a multiple of another's


def ratios_between(claim: Claim, reference: Reference) -> list[Fact]:
    """For a ratio of one subject to another ("India's output is less than one-tenth of
    China's"), the ratio of their figures wherever one source gives both for the same key
    and year: derived, with the bounds their printed precision allows."""
    if claim.measure != "ratio" or claim.subject is None or claim.partner is None:
        return []
    if claim.metric in reference.vocabulary.flows:
        # the partner is the flow's other end ("exports to the US rose 6.6-fold"), not a
        # subject the figure is compared with
        return []
    rows: dict[tuple[str, int | None, str, str, str], dict[str, Fact]] = defaultdict(dict)
    for fact in reference.facts:
        if (
            fact.measure in _RATIO_OF
            and not fact.derived
            and fact.partner is None
            and fact.period is None
            and (fact.metric, fact.commodity) == (claim.metric, claim.commodity)
            and fact.subject in (claim.subject, claim.partner)
            and fact.low == fact.high == fact.value  # a bound (">90 Mt") gives no ratio
        ):
            where = (fact.source.id, fact.year, fact.measure, fact.unit, fact.label or "")
            rows[where][fact.subject] = fact
    ratios = []
    for pair in rows.values():
        mine, theirs = pair.get(claim.subject), pair.get(claim.partner)
        if mine is None or theirs is None or theirs.value <= 0:
            continue
        half_mine, half_theirs = printed_half_unit(mine.value), printed_half_unit(theirs.value)
        high = (
            (mine.value + half_mine) / (theirs.value - half_theirs)
            if theirs.value > half_theirs
            else None
        )
        ratios.append(
            replace(
                mine,
                partner=claim.partner,
                measure="ratio",
                value=round(mine.value / theirs.value, 4),
                low=round(max(0.0, mine.value - half_mine) / (theirs.value + half_theirs), 4),
                high=None if high is None else round(high, 4),
                unit="x",
                derived=True,
                label=None,
                caveat=mine.caveat or theirs.caveat,
                note=f"{_rounded(mine.value)} of {_rounded(theirs.value)} {mine.unit}",
            )
        )
    return ratios


def _known_at(facts: Sequence[Fact], when: str) -> list[Fact]:
    return [f for f in facts if f.source.published <= when]


def _current(facts: Sequence[Fact], year: int | None, when: str) -> list[Fact]:
    """The facts of the newest edition of each series; without a claimed year, the newest
    data year within that edition that is not a projection beyond the judgement date."""
    by_series: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_series[series_of(fact)].append(fact)
    current: list[Fact] = []
    for series in sorted(by_series):
        group = by_series[series]
        newest = max(f.source.published for f in group)
        edition = [f for f in group if f.source.published == newest]
        if year is None:
            years = [f.year for f in edition if f.year is not None and f.year <= int(when[:4])]
            if years:
                edition = [f for f in edition if f.year in (None, max(years))]
        current.extend(edition)
    return current


def _projection(fact: Fact, when: str) -> bool:
    return fact.year is not None and fact.year > int(when[:4])


# --- verdicts ------------------------------------------------------------------------------


def judge_claim(
    claim: Claim,
    reference: Reference,
    as_of: str,
    tolerance: Tolerance = Tolerance(),
    names: Names | None = None,
) -> Finding:
    """The verdict for one claim, as of its article's publication (or ``as_of``).

    For ``outdated`` the reference is the older figure the claim matches; the message names
    the current one too."""
    judging = _Judging(reference, tolerance, names or Names.of_vocabulary(reference.vocabulary))
    verdict, fact, message = judging.verdict(claim, as_of)
    return Finding(claim, verdict, SEVERITY_OF[verdict], fact, message)


@dataclass(frozen=True, slots=True)
class _Outcome:
    """A verdict and its message apart from the claim's own words: claims of one key, period
    and interval share it, and differ only in their id and text."""

    verdict: str
    fact: Fact | None
    head: str  # the message after "<what>: claimed <text> <where>. "
    tail: str | None  # where the message goes on with the claim's text: what follows it

    def message(self, claimed: str, text: str) -> str:
        if self.tail is None:
            return f"{claimed} {self.head}"
        return f"{claimed} {self.head}{text}{self.tail}"


def _outcome(verdict: str, fact: Fact | None, head: str, tail: str | None = None) -> _Outcome:
    """The outcome, its message ending with the fact's caveat (repeated wherever cited)."""
    if fact is not None and fact.caveat:
        caveat = f" Caveat: {fact.caveat}."
        if tail is None:
            head += caveat
        else:
            tail += caveat
    return _Outcome(verdict, fact, head, tail)


class _KeyView:
    """The reference as claims of one key, unit, period and year see it on one day: the facts
    they are judged against, and the outcomes worked out so far, by the claim's interval."""

    __slots__ = ("current", "facts", "not_current", "outcomes", "projections", "reason", "what")

    def __init__(self, judging: _Judging, claim: Claim, facts: list[Fact], when: str) -> None:
        reference = judging.reference
        self.what = describe_key(claim, judging.names)
        facts = _known_at(facts, when)
        projections: list[Fact] = []
        if claim.year is not None:
            facts = [f for f in facts if f.year in (None, claim.year)]
        else:
            # An undated claim speaks of the present: projections need the year they are for.
            projections = [f for f in facts if _projection(f, when)]
            facts = [f for f in facts if not _projection(f, when)]
        self.facts = facts
        self.projections = projections
        self.current = _current(facts, claim.year, when) if facts else []
        # by identity, not equality (which compares every field): equal facts share a fate
        current_ids = {id(f) for f in self.current}
        self.not_current = [f for f in facts if id(f) not in current_ids]
        self.reason = ""
        if not facts:
            by_period = [f for f in _known_at(_same_key(claim, reference), when) if not f.annual]
            self.reason = (
                "No reference figure for this"
                + (f" for {claim.year}" if claim.year else "")
                + f" known on {when}"
            )
            if by_period and finer_period(claim) is None:
                periods = ", ".join(sorted({f.period or "" for f in by_period}))
                self.reason = (
                    f"The reference gives this only by period ({periods}); the claim names none"
                )
        self.outcomes: dict[tuple[str, float, float | None, float | None], _Outcome] = {}


class _Judging:
    """Claims judged against one reference with one tolerance: what claims share (the facts
    of a key, the current editions, how a source is cited, the outcome for one interval) is
    worked out once, not once per claim — an archive states one figure thousands of times."""

    def __init__(self, reference: Reference, tolerance: Tolerance, names: Names) -> None:
        self.reference = reference
        self.tolerance = tolerance
        self.names = names
        self._facts: dict[tuple[object, ...], list[Fact]] = {}  # facts_for, by key and period
        self._views: dict[tuple[object, ...], _KeyView] = {}
        self._cited = _Citations()
        # "cite: show" by id(fact), as hashing a Fact hashes every field; the entry holds the
        # fact, so that its id is not reused while this lives.
        self._figures: dict[int, tuple[Fact, str]] = {}

    def verdict(self, claim: Claim, as_of: str) -> tuple[str, Fact | None, str]:
        """The verdict, reference fact and message for ``claim`` (see ``judge_claim``)."""
        if claim.subject is None or claim.metric is None or claim.commodity is None:
            message = f"{claim.text}: not checked: what this number measures is not fully resolved"
            return "unverified", None, message
        when = claim.published or as_of
        view = self._view(claim, when)
        bounds = (claim.qualifier, claim.value, claim.low, claim.high)
        outcome = view.outcomes.get(bounds)
        if outcome is None:
            outcome = view.outcomes[bounds] = self._work_out(view, claim, when)
        where = f"({claim.id}, published {claim.published})" if claim.published else f"({claim.id})"
        claimed = f"{view.what}: claimed {claim.text} {where}."
        return outcome.verdict, outcome.fact, outcome.message(claimed, claim.text)

    def _view(self, claim: Claim, when: str) -> _KeyView:
        key = (claim.subject, claim.partner, claim.metric, claim.commodity, claim.measure)
        # Which figures a count counts depends on the words after the claim's number. (A key
        # without a measure has no facts: facts_for gives it none either.)
        counted = tuple(
            _counts_the_same(claim, f.counts)
            for f in self.reference.facts_about((*key, claim.unit))  # type: ignore[arg-type]
            if f.counts
        )
        of_key = (*key, claim.unit, counted, finer_period(claim))
        at = (of_key, claim.year, when)
        view = self._views.get(at)
        if view is None:
            facts = self._facts.get(of_key)
            if facts is None:
                facts = self._facts[of_key] = facts_for(claim, self.reference)
            view = self._views[at] = _KeyView(self, claim, facts, when)
        return view

    def _figure(self, fact: Fact) -> str:
        """The figure as messages name it: ``cite(fact): show(fact)``."""
        figure = self._figures.get(id(fact))
        if figure is None:
            figure = self._figures[id(fact)] = (fact, f"{self._cited(fact)}: {show(fact)}")
        return figure[1]

    def _work_out(self, view: _KeyView, claim: Claim, when: str) -> _Outcome:
        interval = claim_interval(claim, self.tolerance)
        ahead = [f for f in view.projections if overlaps(interval, fact_interval(f))]
        if not view.facts:
            if ahead:
                fact = _closest(ahead, claim.value)
                return _outcome(
                    "unverified",
                    fact,
                    "",
                    f" matches only {self._cited(fact)}'s projection "
                    f"({show(fact)}); the claim names no year: not checked.",
                )
            return _outcome("unverified", None, f"{view.reason}: not checked.")
        current = view.current
        fits = [f for f in current if overlaps(interval, fact_interval(f))]
        if fits:
            fact = _closest(fits, claim.value)
            others = [
                f for f in _per_series(current, claim.value) if series_of(f) != series_of(fact)
            ]
            also = [f for f in others if not overlaps(interval, fact_interval(f))]
            message = f"{self._figure(fact)}: supported."
            silent = _newer_without_key(fact, self.reference, when)
            if silent:
                message += f" ({', '.join(silent)} gives no figure for this.)"
            if also:
                message += " Also current: " + "; ".join(self._figure(f) for f in also) + "."
            return _outcome("supported", fact, message)
        best = _closest(current, claim.value)
        now = "; ".join(self._figure(f) for f in _per_series(current, claim.value))
        older = [f for f in view.not_current if overlaps(interval, fact_interval(f))]
        if older:
            fact = max(
                older, key=lambda f: (f.source.published, f.year or 0, -abs(f.value - claim.value))
            )
            return _outcome(
                "outdated",
                fact,
                f"{now}. ",
                f" matches {self._figure(fact)}: outdated.",
            )
        if ahead:
            fact = _closest(ahead, claim.value)
            return _outcome(
                "unverified",
                fact,
                f"{now}. ",
                f" matches only {self._cited(fact)}'s projection "
                f"({show(fact)}); the claim names no year: not checked.",
            )
        return _outcome(
            "contradicted", best, f"{now}; no edition of the reference fits: contradicted."
        )


def _newer_without_key(fact: Fact, reference: Reference, when: str) -> list[str]:
    """Later editions of the fact's series, published by ``when``, that leave the key out
    (MCS 2026 gives India's reserves as NA): the figure stands, but an editor should know."""
    later = [
        s
        for s in reference.sources
        if s.series == fact.source.series and fact.source.published < s.published <= when
    ]
    if not later:
        return []
    holders = {
        f.source.id
        for f in reference.facts
        if (f.subject, f.partner, f.metric, f.commodity, f.measure)
        == (fact.subject, fact.partner, fact.metric, fact.commodity, fact.measure)
    }
    return [s.edition or s.title for s in later if s.id not in holders]


def _closest(facts: Sequence[Fact], value: float) -> Fact:
    return min(facts, key=lambda f: (abs(f.value - value), f.source.id, f.year or 0))


def _per_series(facts: Iterable[Fact], value: float) -> list[Fact]:
    """The fact closest to ``value`` in each series, in series order."""
    by_series: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_series[series_of(fact)].append(fact)
    return [_closest(by_series[s], value) for s in sorted(by_series)]


class _Citations:
    """``cite`` by source id, for the many messages of one pass that cite a few sources."""

    def __init__(self) -> None:
        self._by_source: dict[str, str] = {}

    def __call__(self, fact: Fact) -> str:
        cited = self._by_source.get(fact.source.id)
        if cited is None:
            cited = self._by_source[fact.source.id] = cite(fact)
        return cited


def cite(fact: Fact) -> str:
    """The source as an editor names it: its edition where that names the publisher too
    (``USGS MCS 2025``, ``Reuters, 20 Aug 2024``), else publisher and edition or title."""
    source = fact.source
    edition = source.edition or source.title
    publisher_words = set(re.findall(r"[A-Za-z]{3,}", source.publisher))
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", source.publisher) if w[0].isupper())
    edition_words = set(re.findall(r"[A-Za-z]{3,}", edition))
    if edition_words & (publisher_words | {initials}):
        return edition
    return f"{source.publisher} {edition}"


def show(fact: Fact, with_when: bool = True) -> str:
    """The reference value as an editor reads it: ``48.9% (44M of >90M t, 2024)``,
    ``44,000,000 t (2024)``, ``>95% (2023)``, ``USD 8.5bn (project pipeline, 2025)``."""
    decimals = 1 if fact.derived and fact.measure == "share" else 2
    if (
        fact.low is not None
        and fact.high is not None
        and fact.low != fact.high
        and not fact.derived
    ):
        value = f"{_fmt(fact.low, decimals, fact.unit)}–{_fmt(fact.high, decimals, fact.unit)}"
    else:
        value = _fmt(fact.value, decimals, fact.unit)
    if fact.unit == "percent":
        text = f"{value}%"
    elif fact.unit == "rank":
        text = f"rank {value}"
    elif fact.unit == "1":
        text = value
    elif fact.unit == "x":
        text = f"{value}×"
    elif len(fact.unit) == 3 and fact.unit.isupper():
        text = f"{fact.unit} {value}"
    else:
        text = f"{value} {fact.unit}"
    if not fact.derived and fact.low is not None and fact.high is None:
        text = ">" + text
    elif not fact.derived and fact.high is not None and fact.low is None:
        text = "<" + text
    details = [d for d in (fact.label, fact.note if fact.derived else None) if d]
    if with_when:
        details.append(fact.period or (str(fact.year) if fact.year is not None else ""))
    details = [d for d in details if d]
    return text + (f" ({', '.join(details)})" if details else "")


def _fmt(value: float, decimals: int, unit: str) -> str:
    if len(unit) == 3 and unit.isupper() and abs(value) >= 1e6:
        return _rounded(value)
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) < 1:  # 0.4173 t: keep the printed digits
        return f"{value:.4g}"
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def _rounded(value: float) -> str:
    """129411765 → "129M": three significant digits, for figures an editor compares."""
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


# --- a share and an amount in one sentence --------------------------------------------------


def share_amount_notes(
    claims: Sequence[Claim], reference: Reference, as_of: str, tolerance: Tolerance = Tolerance()
) -> dict[str, str]:
    """Notes for share claims stated next to an amount of the same key in one sentence.

    '44 million tons, 34% of global reserves' implies a world total of 44 / 0.34 ≈ 129 Mt;
    the note says which edition's world total that matches (and what the current one is),
    which tells an editor where the pair was copied from. Keyed by the share claim's id.
    """
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.subject is None or claim.subject == WORLD or claim.metric is None:
            continue
        where = (claim.file, claim.sentence, claim.published)
        key = (claim.subject, claim.partner, claim.metric, claim.commodity, claim.year)
        groups[(*where, *key)].append(claim)
    cited = _Citations()
    notes: dict[str, str] = {}
    for members in groups.values():
        shares = [c for c in members if c.measure == "share" and c.unit == "percent"]
        amounts = [c for c in members if c.measure in ("amount", "money", "count")]
        for share in shares:
            for amount in amounts:
                note = _implied_world(share, amount, reference, as_of, tolerance, cited)
                if note:
                    notes[share.id] = note
                    break
    return notes


def _implied_world(
    share: Claim,
    amount: Claim,
    reference: Reference,
    as_of: str,
    tolerance: Tolerance,
    cited: _Citations,
) -> str | None:
    s_low, s_high = printed_interval(share, tolerance)
    a_low, a_high = printed_interval(amount, tolerance)
    if s_low <= 0 or math.isinf(a_low) or math.isinf(s_high) or s_high <= 0:
        return None
    implied = (a_low / s_high * 100, a_high / s_low * 100 if s_low > 0 else math.inf)
    when = share.published or amount.published or as_of
    totals = _known_at(_key_with(amount, WORLD, None, reference), when)
    if share.year is not None:
        totals = [f for f in totals if f.year in (None, share.year)]
    if not totals:
        return None
    value = amount.value / share.value * 100
    head = (
        f"With {amount.text} ({amount.id}), {share.text} implies a world total of "
        f"{_rounded(value)} {amount.unit}"
    )
    matching = [f for f in totals if overlaps(implied, _as_printed(f))]
    current = _per_series(_current(totals, share.year, when), value)
    now = "; ".join(f"{cited(f)} gives {show(f)}" for f in current)
    if not matching:
        return f"{head}, which matches no edition's world total; {now}."
    best = min(matching, key=lambda f: (abs(f.value - value), f.source.published))
    if best in current:
        return f"{head}, the world total of {cited(best)}, {show(best)}: the current edition."
    return f"{head}, the world total of {cited(best)}, {show(best)}; the current {now}."


def _as_printed(fact: Fact) -> Interval:
    """A total as its figure, even when printed as a bound (">90,000,000" read as 90 Mt ±
    rounding), as the derived shares read it."""
    half = printed_half_unit(fact.value)
    return fact.value - half, fact.value + half


def judge(
    claims: Sequence[Claim],
    reference: Reference,
    as_of: str | None = None,
    tolerance: Tolerance = Tolerance(),
    conflicts: Sequence[Conflict] | None = None,
) -> tuple[list[Finding], list[Conflict]]:
    """Verdicts for every claim, in order, and the conflict groups among them.

    ``conflicts``: those of ``reconcile(claims)``, where a caller has reconciled already
    (recheck.dask_scan does it as a group-by on its workers).
    """
    when = as_of or dt.date.today().isoformat()
    names = Names.of_vocabulary(reference.vocabulary)
    if conflicts is None:
        conflicts = reconcile(claims, tolerance, names)
    conflicts = list(conflicts)
    partners = conflict_partners(claims, conflicts, tolerance)
    notes = share_amount_notes(claims, reference, when, tolerance)
    judging = _Judging(reference, tolerance, names)
    findings = []
    for claim in claims:
        verdict, fact, message = judging.verdict(claim, when)
        if claim.id in notes:
            message = f"{message} {notes[claim.id]}"
        findings.append(
            _new_finding(
                claim, verdict, SEVERITY_OF[verdict], fact, message, partners.get(claim.id) or ()
            )
        )
    return findings, conflicts
