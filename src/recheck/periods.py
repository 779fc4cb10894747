"""Years and finer periods a sentence speaks of: "in 2023", "2023年", "last year", "in June",
"9月", "上半年", "Q3". Calendar words come from the vocabulary; digits are read here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from recheck.frozen import fields_reduce
from recheck.vocabulary import Hit

# A year standing alone: not part of a longer number, a decimal, a percentage or an amount.
# That is ``(?<![\d.,])((?:19[5-9]|20[0-9])\d)…``, written to open with a character class
# (the lookbehind checks the character before it): the engine then skips to candidates.
_YEAR = re.compile(
    r"([12](?<![\d.,].)(?:(?<=1)9[5-9]|(?<=2)0\d)\d)(?![\d%])(?!\s*(?:万|亿|tons?\b|t\b|kg\b))"
)
_CN_MONTH = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?!\d)")
# The kinds of vocabulary hit that can be a time mark (checked once for every hit).
_TIME_KINDS = frozenset(("month", "half", "quarter", "time"))
_CN_DIGIT = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}


@dataclass(frozen=True, slots=True)
class TimeMark:
    """A time expression: ``year`` (absolute), ``offset`` (relative to the article's year),
    ``month`` / ``half`` / ``quarter`` for a period."""

    start: int
    end: int
    year: int | None = None
    offset: int | None = None
    month: int | None = None
    part: str | None = None  # "H1", "Q3"

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def time_marks(text: str, hits: Sequence[Hit]) -> list[TimeMark]:
    """Every time expression in ``text``; ``hits`` are the sentence's vocabulary hits."""
    marks: list[TimeMark] = []
    # Both patterns open with a lookbehind, so the engine tries them at every character; a
    # substring test first is much cheaper, and most sentences hold no year and no 月.
    if "19" in text or "20" in text:
        for match in _YEAR.finditer(text):
            # by position, in the order of the fields: a dataclass's keywords cost
            marks.append(TimeMark(match.start(1), match.end(1), int(match.group(1))))
    if "月" in text:
        for match in _CN_MONTH.finditer(text):
            raw = match.group(1)
            month = int(raw) if raw.isdigit() else _CN_DIGIT.get(raw)
            if month:
                marks.append(TimeMark(match.start(), match.end(), None, None, month))
    # A comprehension picks the few time words: most hits are not, and a loop is slower.
    for hit in [h for h in hits if h.kind in _TIME_KINDS]:
        if hit.kind == "month":
            marks.append(TimeMark(hit.start, hit.end, None, None, int(hit.id)))
        elif hit.kind in ("half", "quarter"):
            marks.append(TimeMark(hit.start, hit.end, None, None, None, hit.id))
        elif hit.kind == "time" and hit.id in ("last_year", "this_year"):
            marks.append(TimeMark(hit.start, hit.end, None, -1 if hit.id == "last_year" else 0))
    if len(marks) > 1:
        marks.sort(key=_START)
    return marks


_START = attrgetter("start")


def year_and_period(
    marks: list[TimeMark], position: int, published: str | None
) -> tuple[int | None, str | None]:
    """The year and period that govern a number at ``position`` in the sentence.

    The nearest explicit year wins; a relative year ("last year") needs the article's date;
    a month or quarter without a year takes the latest one not after publication.
    """
    if not marks:
        return None, None
    pub_year = int(published[:4]) if published else None
    pub_month = int(published[5:7]) if published else None

    def distance(mark: TimeMark) -> int:
        to_start = abs(mark.start - position)
        to_end = abs(mark.end - position)
        return to_start if to_start < to_end else to_end  # not min(): a builtin call costs

    years = [m for m in marks if m.year is not None or (m.offset is not None and pub_year)]
    year: int | None = None
    if years:
        nearest = min(years, key=distance)
        year = nearest.year if nearest.year is not None else (pub_year or 0) + (nearest.offset or 0)
    parts = [m for m in marks if m.month is not None or m.part is not None]
    if not parts:
        return year, str(year) if year is not None else None
    part = min(parts, key=distance)
    if year is None and pub_year is not None:
        year = pub_year
        if part.month is not None and pub_month is not None and part.month > pub_month:
            year -= 1  # "exports in September", written in March: last September
    if year is None:
        return None, None
    if part.month is not None:
        return year, f"{year}-{part.month:02d}"
    return year, f"{year}-{part.part}"
