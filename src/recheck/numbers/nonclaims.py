"""Digits that are not claims: dates, years, clock times, citations, labels, identifiers, URLs.

``masked_spans`` returns the stretches of a sentence that the extractors must not read as
quantities. Years and dates are context (``periods`` reads them for ``year``/``published``),
not claims of their own; "F-35", "G7", "C5+1", "5G" and "Section 232" are names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from recheck.numbers.lexicon import Lexicon, alternation

_CN_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_YEAR = r"(?:(?:19|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3})"


@dataclass(frozen=True, slots=True)
class Masks:
    """Sorted, non-overlapping spans; ``covers`` answers in O(log n)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` overlaps any masked span."""
        index = bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] > start:
            return True
        following = index + 1
        return following < len(self.starts) and self.starts[following] < end


@cache
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    english = lexicon.english
    months = alternation(english.months)
    labels = alternation(english.label_words)
    chinese = lexicon.chinese
    units = alternation(
        [u for u in english.units if u[:1].isalpha()]
        + list(english.scales)
        + list(english.currency_after)
    )
    # After a Chinese year comes 年; after an amount, a unit, a currency or a classifier.
    cn_after = alternation(
        [
            *(u for u in chinese.units if u != "年"),
            *chinese.currencies,
            *chinese.classifiers,
            "%",
            "万",
            "亿",
        ]
    )
    short_units = alternation(english.short_units)
    # A letter-number token: "F-35", "G7", "C5+1", "COVID-19", "Q3", "H1"; not "US$3".
    # Latin letters only: a CJK character is \w too, and "从F-35战机" must still match.
    identifier = r"(?<![A-Za-z0-9$])[A-Za-z]+-?\d+(?:[A-Za-z0-9+]*[A-Za-z0-9])?(?![\w.]?\d)"
    # Digits glued to letters that are no unit: "5G", "3D", "1990s" (decade), "4th".
    glued = (
        rf"(?<![A-Za-z0-9.])(?:\d+(?:\.\d+)?|\.\d+)(?!(?:{short_units})(?![A-Za-z]))"
        r"(?![eE][-+]?\d)[A-Za-z]+(?![A-Za-z0-9])"
    )
    return (
        re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE),
        re.compile(r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]"),  # citation markers [1][5]
        re.compile(r"(?<![\d.])\d{1,2}[:：]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.IGNORECASE),
        # 2 pm, 2pm, 2.13 am, 5 p.m.
        re.compile(r"(?<![\d.])\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?", re.IGNORECASE),
        # phone numbers: +1-222-2222-2222, 1-222-333-4444
        re.compile(r"(?<![\w.])\+?\d{1,3}-\d{3}-\d{3,4}(?:[-/]\d{3,4})*(?![\w])"),
        re.compile(r"(?<![\d.])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])"),  # 2025-10-21
        re.compile(r"(?<![\d.])\d{1,2}/\d{1,2}/\d{2,4}(?![\d])"),  # 10/21/2025
        # October 21, 2025 · Oct. 21 · 21 October 2025 · mid-October
        re.compile(rf"\b(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)"),
        re.compile(
            rf"(?<![\d.])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})(?:,?\s+\d{{4}})?"
        ),
        # Fiscal years and year spans: 2012–13, 2023-2024, 2023/24.
        re.compile(r"(?<![\d.,])(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)(?![\d%])"),
        # Chinese dates, years and months: 2025年10月21日, 10月21日, 2025年, 9月, 二〇二五年.
        re.compile(rf"{_CN_YEAR}年(?:{_CN_MONTH}月(?:{_CN_DAY}[日号])?)?(?:代|度)?"),
        re.compile(rf"(?<![\d个])(?<![个個]){_CN_MONTH}月(?:{_CN_DAY}[日号])?(?:份)?"),
        re.compile(r"(?<![\d.])\d{1,2}[点時时](?:\d{1,2}分)?(?=[^\d万亿%]|$)"),
        re.compile(identifier),
        re.compile(glued),
        re.compile(
            rf"(?<![A-Za-z])(?:{labels})\s*(?:No\.?\s*)?\d+[A-Za-z]?(?![A-Za-z0-9])"
        ),  # Section 232, Group 2
        re.compile(r"第\s*[\d一二三四五六七八九十百零〇]+\s*号"),  # 第61号
        re.compile(r"^\s*\(?\d{1,2}[.)、](?=\s|[^\d])"),  # list labels: "1.", "(2)", "3、"
        # A year standing alone: not grouped, no unit, no percent, no scale after it, and not
        # the tail of a Chinese amount (1万1900, 3亿2000万).
        re.compile(
            rf"(?<![\d.,$€£¥万亿千])(?:19|20)\d\d(?:'s|s)?(?![\d,.]?\d)"
            rf"(?!\s?(?:(?:{units})(?![A-Za-z])|-(?:year|fold)|%|(?:{cn_after})))"
        ),
    )


def masked_spans(text: str, lexicon: Lexicon) -> Masks:
    """The spans of ``text`` that hold no claim, merged and sorted."""
    spans = sorted(
        (m.start(), m.end())
        for p in _patterns(lexicon)
        for m in p.finditer(text)
        if m.end() > m.start()
    )
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return Masks(tuple(starts), tuple(ends))
