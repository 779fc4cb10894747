"""Numeric mentions in English and Chinese text.

``extract`` runs both language extractors over the same (width-normalised) text and keeps,
where their spans overlap, the longer one: "24万吨" beats a bare "24".
"""

from __future__ import annotations

from dataclasses import replace

from recheck.documents.text import normalise_width
from recheck.numbers.chinese import extract_chinese
from recheck.numbers.english import extract_english
from recheck.numbers.mention import Mention

__all__ = ["Mention", "extract", "extract_chinese", "extract_english"]


def extract(text: str, *, normalised: bool = False) -> list[Mention]:
    """Every numeric mention in ``text``, sorted by position, without overlaps.

    Full-width forms (２．５％) are read as ASCII; offsets and ``text`` stay on the original.
    ``normalised`` says that ``text`` is already width-normalised (a Document's text is), so
    that the pass is not run twice.
    """
    matching = text if normalised else normalise_width(text)
    candidates = extract_chinese(matching) + extract_english(matching)
    if matching != text:
        candidates = [replace(m, text=text[m.start : m.end]) for m in candidates]
    return _without_overlaps(candidates)


def _without_overlaps(candidates: list[Mention]) -> list[Mention]:
    """The longest span first, among equals the earlier one, dropping whatever overlaps a span
    already kept; in reading order.

    The choice is made inside each run of chained overlaps, which gives what one pass over all
    candidates would give, in linear rather than quadratic time: a 1 MB line of numbers holds
    hundreds of thousands of candidates.
    """
    if len(candidates) < 2:
        return candidates
    ordered = sorted(candidates, key=lambda m: (m.start, m.end))
    taken: list[Mention] = []
    cluster: list[Mention] = []
    reach = -1
    for mention in ordered:
        if cluster and mention.start >= reach:
            taken.extend(_longest_first(cluster))
            cluster = []
        cluster.append(mention)
        reach = max(reach, mention.end) if len(cluster) > 1 else mention.end
    taken.extend(_longest_first(cluster))
    return taken


def _longest_first(cluster: list[Mention]) -> list[Mention]:
    if len(cluster) == 1:
        return cluster
    chosen: list[Mention] = []
    for mention in sorted(cluster, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= t.start or mention.start >= t.end for t in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: (m.start, m.end))
