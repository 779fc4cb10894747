"""Judgement: a verdict for each claim against the reference, and conflicts between claims."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from recheck.claims import Claim
from recheck.reference import Fact, Reference

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


def facts_for(claim: Claim, reference: Reference) -> list[Fact]:
    """The reference facts that speak about the claim's key."""
    return [
        fact
        for fact in reference.facts
        if (fact.subject, fact.partner, fact.metric, fact.commodity, fact.measure)
        == (claim.subject, claim.partner, claim.metric, claim.commodity, claim.measure)
    ]


def judge_claim(claim: Claim, reference: Reference) -> Finding:
    """The verdict for one claim."""
    if claim.subject is None or claim.metric is None or claim.commodity is None:
        return Finding(
            claim,
            "unverified",
            SEVERITY_OF["unverified"],
            None,
            f"{claim.text}: not checked — what this number measures is not resolved",
        )
    if not facts_for(claim, reference):
        key = f"{claim.subject} {claim.metric} of {claim.commodity} ({claim.measure})"
        return Finding(
            claim,
            "unverified",
            SEVERITY_OF["unverified"],
            None,
            f"{claim.text}: no reference fact for {key}",
        )
    # Resolved keys with reference facts are judged in a later layer (issue: judgement).
    return Finding(
        claim,
        "unverified",
        SEVERITY_OF["unverified"],
        None,
        f"{claim.text}: reference facts exist but verdicts are not implemented yet",
    )


def judge(claims: Sequence[Claim], reference: Reference) -> tuple[list[Finding], list[Conflict]]:
    """Verdicts for every claim, in order, and the conflict groups among them."""
    return [judge_claim(claim, reference) for claim in claims], []
