"""Reconciliation: claims with the same key and period whose intervals cannot all hold form a
conflict group (inside one file an ``error``, across files a ``warning``); so do two subjects
both claimed the largest of one thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from recheck.claims import Claim
from recheck.intervals import ClaimIntervals, Tolerance, overlaps
from recheck.wording import Names, describe_key


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


def key_of(claim: Claim) -> ConflictKey:
    return ConflictKey(claim.subject, claim.partner, claim.metric, claim.commodity, claim.measure)


def reconcile(
    claims: Sequence[Claim], tolerance: Tolerance = Tolerance(), names: Names | None = None
) -> list[Conflict]:
    """Groups of claims with the same key and period that cannot all hold.

    Claims without a stated year are compared with claims published in the same year; ranks
    are compared with ranks (the unit is part of the key). A group inside one file is an
    ``error``; one that spans files is a ``warning``.
    """
    # Grouped by a plain tuple (key, unit, period), which hashes faster than a ConflictKey;
    # one is made per group.
    groups: dict[tuple[str | None, str | None, str, str, str | None, str, str], list[Claim]]
    groups = defaultdict(list)
    for claim in claims:
        if claim.subject is None or claim.metric is None or claim.commodity is None:
            continue
        period = claim.period or (f"as of {claim.published[:4]}" if claim.published else "undated")
        about = (claim.subject, claim.partner, claim.metric, claim.commodity, claim.measure)
        groups[(*about, claim.unit, period)].append(claim)
    interval_of = ClaimIntervals(tolerance)
    conflicts: list[Conflict] = []
    for (*_, period), members in sorted(groups.items(), key=lambda g: g[1][0].id):
        if len(members) < 2:
            continue
        key = key_of(members[0])
        intervals = [interval_of(c) for c in members]
        if max(i[0] for i in intervals) <= min(i[1] for i in intervals):
            continue  # one value fits every claim
        files = {c.file for c in members}
        severity = "error" if len(files) == 1 else "warning"
        stated = "; ".join(f"{c.text} ({c.id})" for c in members)
        what = describe_key(replace(members[0], year=None, period=None), names)
        where = "in one file" if len(files) == 1 else f"across {len(files)} files"
        conflicts.append(
            Conflict(
                key=key,
                year=members[0].year,
                claims=tuple(c.id for c in members),
                severity=severity,
                message=f"{what}, {period}: stated incompatibly {where}: {stated}",
            )
        )
    return conflicts + _two_firsts(claims, names)


def _two_firsts(claims: Sequence[Claim], names: Names | None) -> list[Conflict]:
    """Ranks against ranks across subjects: two subjects both claimed the largest for the
    same metric, material and period. (Lower ranks are left alone: rounded tables often tie
    them — Brazil and Vietnam were both second with 22 Mt.)"""
    firsts: dict[tuple[str | None, str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.measure != "rank" or claim.qualifier != "eq" or claim.value != 1:
            continue
        if claim.subject is None or claim.metric is None or claim.commodity is None:
            continue
        period = claim.period or (f"as of {claim.published[:4]}" if claim.published else "undated")
        firsts[(claim.partner, claim.metric, claim.commodity, period)].append(claim)
    names = names or Names()
    conflicts: list[Conflict] = []
    for (partner, metric, commodity, period), members in sorted(
        firsts.items(), key=lambda g: g[1][0].id
    ):
        if len({c.subject for c in members}) < 2:
            continue
        files = {c.file for c in members}
        what = describe_key(replace(members[0], subject=None, year=None, period=None), names)
        stated = "; ".join(f"{names.of('subject', c.subject)} {c.text} ({c.id})" for c in members)
        where = "in one file" if len(files) == 1 else f"across {len(files)} files"
        conflicts.append(
            Conflict(
                key=ConflictKey(None, partner, metric, commodity, "rank"),
                year=members[0].year,
                claims=tuple(c.id for c in members),
                severity="error" if len(files) == 1 else "warning",
                message=f"{what}, {period}: more than one subject ranked first {where}: {stated}",
            )
        )
    return conflicts


def conflict_partners(
    claims: Sequence[Claim], conflicts: Sequence[Conflict], tolerance: Tolerance
) -> dict[str, tuple[str, ...]]:
    """For each claim in a conflict, the sorted ids of the members it cannot hold with: of
    a conflict between subjects (two "largest"), every member of another subject.

    Members are taken class by class (same interval, or same subject): an archive states one
    figure thousands of times, and comparing classes, not pairs, keeps that linear in the
    members; the members of one class share one tuple.
    """
    by_id = {c.id: c for c in claims}
    interval_of = ClaimIntervals(tolerance)
    found: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for conflict in conflicts:
        members = [by_id[i] for i in conflict.claims]
        classes: dict[object, list[str]] = defaultdict(list)
        for claim in members:
            label: object = claim.subject if conflict.key.subject is None else interval_of(claim)
            classes[label].append(claim.id)
        labels = list(classes)
        for label in labels:
            others = [
                i
                for other in labels
                if other != label
                and (
                    conflict.key.subject is None or not overlaps(label, other)  # type: ignore[arg-type]
                )
                for i in classes[other]
            ]
            if others:
                shared = tuple(sorted(others))
                for claim_id in classes[label]:
                    found[claim_id].append(shared)
    return {
        claim_id: lists[0] if len(lists) == 1 else tuple(sorted({i for ids in lists for i in ids}))
        for claim_id, lists in found.items()
    }
