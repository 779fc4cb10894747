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


def extract(text: str) -> list[Mention]:
    """Every numeric mention in ``text``, sorted by position, without overlaps.

    Full-width forms (２．５％) are read as ASCII; offsets and ``text`` stay on the original.
    """
    matching = normalise_width(text)
    candidates = extract_chinese(matching) + extract_english(matching)
    if matching != text:
        candidates = [replace(m, text=text[m.start : m.end]) for m in candidates]
    # Longest span first; among equals the earlier one, so the choice is deterministic.
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[Mention] = []
    for mention in candidates:
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    taken.sort(key=lambda m: (m.start, m.end))
    return taken
