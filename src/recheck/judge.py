"""Judgement: a verdict for each claim against the reference, and conflicts between claims.

Time: a claim is judged against the reference as it stood when its article was published.
Each source belongs to a *series* (USGS Mineral Commodity Summaries, the IEA outlook …); the
edition of a series current at publication decides ``supported``; a value that fits only an
earlier edition, or an earlier year, is ``outdated``; a value that fits no known figure is
``contradicted``; no figure at all for the key is ``unverified``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from recheck.claims import Claim
from recheck.reference import Fact, Reference, printed_half_unit

VERDICTS = ("supported", "outdated", "contradicted", "unverified")
SEVERITY_OF = {
    "contradicted": "error",
    "outdated": "warning",
    "unverified": "note",
    "supported": "none",
}
SEVERITIES = ("error", "warning", "note", "none")  # most severe first


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far the words of a claim stretch (relative to its value). Configurable under
    ``[tolerance]`` in recheck.toml; the defaults are documented in the README."""

    eq: float = 0.02  # a plain "70%" still rounds: 70 covers 68.6–71.4
    approx: float = 0.10  # "about 70%" covers 63–77
    nearly: float = 0.10  # "nearly 90%" covers 81–90


@dataclass(frozen=True, slots=True)
class Finding:
    """A claim with its verdict (CONTRACT.md: Claim + Verdict)."""

    claim: Claim
    verdict: str
    severity: str
    reference: Fact | None
    message: str
    conflicts_with: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictKey:
    subject: str | None
    partner: str | None
    metric: str | None
    commodity: str | None
    measure: str | None


@dataclass(frozen=True, slots=True)
class Conflict:
    key: ConflictKey
    year: int | None
    claims: tuple[str, ...]
    severity: str
    message: str


Interval = tuple[float, float]


# --- intervals ----------------------------------------------------------------------------


def claim_interval(claim: Claim, tolerance: Tolerance) -> Interval:
    """The values the words of ``claim`` allow."""
    value = claim.value
    if claim.qualifier in ("eq", "approx"):
        rel = tolerance.eq if claim.qualifier == "eq" else tolerance.approx
        slack = max(printed_half_unit(value), abs(value) * rel)
        return value - slack, value + slack
    if claim.qualifier == "nearly":
        return value - abs(value) * tolerance.nearly, value
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    if claim.qualifier == "range":
        return low - printed_half_unit(low) if claim.low is not None else low, (
            high + printed_half_unit(high) if claim.high is not None else high
        )
    return low, high


def fact_interval(fact: Fact) -> Interval:
    """The values a reference figure covers, given the precision it was printed with."""
    if fact.derived:  # derived shares and ranks carry their own computed bounds
        low = -math.inf if fact.low is None else fact.low
        high = math.inf if fact.high is None else fact.high
        if fact.measure == "share" and fact.low is not None and fact.high is not None:
            return low - 0.05, high + 0.05
        return low, high
    half = printed_half_unit(fact.value)
    low = -math.inf if fact.low is None else fact.low - half
    high = math.inf if fact.high is None else fact.high + half
    return low, high


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


# --- verdicts ------------------------------------------------------------------------------


def series_of(fact: Fact) -> str:
    return fact.source.series


def key_of(claim: Claim) -> ConflictKey:
    return ConflictKey(claim.subject, claim.partner, claim.metric, claim.commodity, claim.measure)


def facts_for(claim: Claim, reference: Reference) -> list[Fact]:
    """The reference facts about the claim's key, in the claim's unit."""
    return [
        fact
        for fact in reference.facts
        if (fact.subject, fact.partner, fact.metric, fact.commodity, fact.measure, fact.unit)
        == (claim.subject, claim.partner, claim.metric, claim.commodity, claim.measure, claim.unit)
    ]


def _known_at(facts: Sequence[Fact], when: str) -> list[Fact]:
    return [f for f in facts if f.source.published <= when]


def _current(facts: Sequence[Fact], year: int | None) -> list[Fact]:
    """The facts of the newest edition of each series; without a claimed year, the newest
    data year within that edition."""
    by_series: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_series[series_of(fact)].append(fact)
    current: list[Fact] = []
    for series in sorted(by_series):
        group = by_series[series]
        newest = max(f.source.published for f in group)
        edition = [f for f in group if f.source.published == newest]
        if year is None:
            years = [f.year for f in edition if f.year is not None]
            if years:
                edition = [f for f in edition if f.year in (None, max(years))]
        current.extend(edition)
    return current


def judge_claim(
    claim: Claim, reference: Reference, as_of: str, tolerance: Tolerance = Tolerance()
) -> Finding:
    """The verdict for one claim, as of its article's publication (or ``as_of``)."""
    what = describe_key(claim)
    if claim.subject is None or claim.metric is None or claim.commodity is None:
        return Finding(
            claim,
            "unverified",
            SEVERITY_OF["unverified"],
            None,
            f"{claim.text}: not checked: what this number measures is not fully resolved",
        )
    when = claim.published or as_of
    facts = _known_at(facts_for(claim, reference), when)
    if claim.year is not None:
        facts = [f for f in facts if f.year in (None, claim.year)]
    if not facts:
        return Finding(
            claim,
            "unverified",
            SEVERITY_OF["unverified"],
            None,
            f"{what}: claimed {claim.text}; no reference figure for this"
            + (f" for {claim.year}" if claim.year else "")
            + f" known on {when}",
        )
    interval = claim_interval(claim, tolerance)
    current = _current(facts, claim.year)
    fitting_current = [f for f in current if overlaps(interval, fact_interval(f))]
    where = f"({claim.id}, published {claim.published})" if claim.published else f"({claim.id})"
    best_current = _closest(current, claim.value)
    if fitting_current:
        fact = _closest(fitting_current, claim.value)
        return Finding(
            claim,
            "supported",
            SEVERITY_OF["supported"],
            fact,
            f"{what}: claimed {claim.text} {where}. {cite(fact)}: {show(fact)}: supported.",
        )
    older = [f for f in facts if f not in current and overlaps(interval, fact_interval(f))]
    if older:
        fact = max(older, key=lambda f: (f.source.published, f.year or 0))
        return Finding(
            claim,
            "outdated",
            SEVERITY_OF["outdated"],
            fact,
            f"{what}: claimed {claim.text} {where}. {cite(best_current)}: {show(best_current)}. "
            f"{claim.text} matches {cite(fact)} ({show(fact)}): outdated.",
        )
    return Finding(
        claim,
        "contradicted",
        SEVERITY_OF["contradicted"],
        best_current,
        f"{what}: claimed {claim.text} {where}. {cite(best_current)}: {show(best_current)}; "
        "no edition of the reference fits: contradicted.",
    )


def _closest(facts: Sequence[Fact], value: float) -> Fact:
    return min(facts, key=lambda f: (abs(f.value - value), f.source.id))


def cite(fact: Fact) -> str:
    edition = fact.source.edition or fact.source.title
    return f"{fact.source.publisher} {edition}" if edition not in fact.source.publisher else edition


def show(fact: Fact) -> str:
    """The reference value as an editor reads it: ``48.9%``, ``44,000,000 t``, ``>90,000,000 t``."""
    value = _fmt(fact.value)
    text = f"{value}%" if fact.unit == "percent" else f"{value} {fact.unit}"
    if fact.unit == "rank":
        text = f"rank {value}"
    if not fact.derived and fact.low is not None and fact.high is None:
        text = ">" + text
    elif not fact.derived and fact.high is not None and fact.low is None:
        text = "<" + text
    if fact.year is not None:
        text += f" ({fact.year})"
    if fact.derived and fact.note:
        text += f", {fact.note}"
    return text


def _fmt(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe_key(claim: Claim) -> str:
    """A one-line description of what the claim is about: "CN reserves of rare_earths (share)"."""
    parts = [claim.subject or "?", claim.metric or "?"]
    text = " ".join(parts) + f" of {claim.commodity or '?'}"
    if claim.partner:
        text += f" from {claim.partner}"
    if claim.measure:
        text += f" ({claim.measure})"
    if claim.period:
        text += f" in {claim.period}"
    return text


# --- reconciliation ------------------------------------------------------------------------


def reconcile(claims: Sequence[Claim], tolerance: Tolerance = Tolerance()) -> list[Conflict]:
    """Groups of claims with the same key and period that cannot all hold.

    Claims without a stated year are compared with claims published in the same year.
    A group inside one file is an ``error``; one that spans files is a ``warning``.
    """
    groups: dict[tuple[ConflictKey, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.subject is None or claim.metric is None or claim.commodity is None:
            continue
        period = claim.period or (f"as of {claim.published[:4]}" if claim.published else "undated")
        groups[(key_of(claim), claim.unit, period)].append(claim)
    conflicts: list[Conflict] = []
    for (key, _unit, period), members in sorted(groups.items(), key=lambda g: g[1][0].id):
        if len(members) < 2:
            continue
        intervals = [claim_interval(c, tolerance) for c in members]
        if max(i[0] for i in intervals) <= min(i[1] for i in intervals):
            continue  # one value fits every claim
        files = {c.file for c in members}
        severity = "error" if len(files) == 1 else "warning"
        stated = "; ".join(f"{c.text} ({c.id})" for c in members)
        what = describe_key(members[0])
        conflicts.append(
            Conflict(
                key=key,
                year=members[0].year,
                claims=tuple(c.id for c in members),
                severity=severity,
                message=f"{what}, {period}: stated incompatibly: {stated}",
            )
        )
    return conflicts


def judge(
    claims: Sequence[Claim],
    reference: Reference,
    as_of: str | None = None,
    tolerance: Tolerance = Tolerance(),
) -> tuple[list[Finding], list[Conflict]]:
    """Verdicts for every claim, in order, and the conflict groups among them."""
    when = as_of or dt.date.today().isoformat()
    conflicts = reconcile(claims, tolerance)
    partners: dict[str, set[str]] = defaultdict(set)
    for conflict in conflicts:
        members = [c for c in claims if c.id in conflict.claims]
        for claim in members:
            mine = claim_interval(claim, tolerance)
            for other in members:
                if other.id != claim.id and not overlaps(mine, claim_interval(other, tolerance)):
                    partners[claim.id].add(other.id)
    findings = []
    for claim in claims:
        finding = judge_claim(claim, reference, when, tolerance)
        if partners.get(claim.id):
            finding = Finding(
                finding.claim,
                finding.verdict,
                finding.severity,
                finding.reference,
                finding.message,
                tuple(sorted(partners[claim.id])),
            )
        findings.append(finding)
    return findings, conflicts
