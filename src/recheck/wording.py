"""How recheck names things to people: the display names of ids, and what a claim is about
in words. Verdict messages and conflict messages both use them."""

from __future__ import annotations

from dataclasses import dataclass, field

from recheck.claims import Claim, finer_period
from recheck.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Names:
    """Display names of ids: the first English alias of each in the vocabulary."""

    names: tuple[tuple[tuple[str, str], str], ...] = ()
    # ``names`` as a dict, built once: every message looks up several names.
    _by_id: dict[tuple[str, str], str] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", dict(self.names))

    @staticmethod
    def of_vocabulary(vocabulary: Vocabulary) -> Names:
        first: dict[tuple[str, str], str] = {}
        for term in vocabulary.terms:
            if term.lang == "en":
                first.setdefault((term.kind, term.id), term.alias)
        return Names(tuple(first.items()))

    def of(self, kind: str, ident: str | None) -> str:
        if ident is None:
            return "?"
        return self._by_id.get((kind, ident), ident)


def describe_key(claim: Claim, names: Names | None = None) -> str:
    """What the claim is about, in words: ``China, rare earths reserves: share``."""
    names = names or Names()
    text = (
        f"{names.of('subject', claim.subject)}, {names.of('commodity', claim.commodity)} "
        f"{names.of('metric', claim.metric)}"
    )
    if claim.partner:
        text += f" (partner {names.of('subject', claim.partner)})"
    if claim.period and finer_period(claim):
        text += f", {claim.period}"
    elif claim.year:
        text += f", {claim.year}"
    if claim.measure:
        text += f": {claim.measure}"
    return text
