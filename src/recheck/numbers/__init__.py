"""Numeric mentions in English and Chinese text.

``extract`` runs both language extractors over the same (width-normalised) text and keeps,
where their spans overlap, the longer one: "24万吨" beats a bare "24".
"""

from __future__ import annotations

from recheck.numbers.chinese import extract_chinese
from recheck.numbers.english import extract_english
from recheck.numbers.mention import Mention

__all__ = ["Mention", "extract", "extract_chinese", "extract_english"]


def extract(text: str) -> list[Mention]:
    """Every numeric mention in ``text``, sorted by position, without overlaps."""
    candidates = extract_chinese(text) + extract_english(text)
    # Longest span first; among equals the earlier one, so the choice is deterministic.
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Mention] = []
    for mention in candidates:
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    taken.sort(key=lambda m: (m.start, m.end))
    return taken
