"""Articles inside a document: headline + dateline pairs, and publication dates.

A file may hold several stories pasted one after the other (news aggregators do this).
A new article starts at a *headline* line whose next non-blank line is a *dateline*. The
article runs from its headline to just before the next article's headline; whatever comes
before the first headline (site name, navigation) belongs to the first article, so the
articles cover the document without gaps.

A dateline is a line that is essentially a date, perhaps with a time and a short source
before it or after a ``|``: ``Sou Hu Cai Jing· 2025-10-21 05:51``, ``2025-06-01 01:24``,
``2025-06-01``, ``2025年6月1日``, ``发布时间：2025/06/01 10:00``, ``Published: June 1, 2025``,
``June 1, 2025``, ``1 June 2025``. Dates without a year (``10-21 05:51``, ``6月1日``) are
datelines too; their year is the latest one that does not put them after ``as_of``, or
unknown without ``as_of``.

An article's ``published`` date is its own dateline's; else that of the first dateline line
inside it; for the first article, else the document's metadata date (front matter, ``<meta>``).
Dateline lines are not claims: the sentence splitter skips them.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from recheck.documents.text import line_spans
from recheck.frozen import fields_reduce

__all__ = ["Article", "find_articles", "parse_date"]


@dataclass(frozen=True, slots=True)
class Article:
    start: int  # code-point offsets into Document.text, end exclusive
    end: int
    headline: str | None
    published: str | None  # "YYYY-MM-DD"

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DATE = (
    r"(?:(?P<iy>(?:19|20)\d\d)\s*(?P<isep>[-/.])\s*(?P<im>\d{1,2})\s*(?P=isep)\s*(?P<id>\d{1,2})"
    r"|(?P<cy>(?:19|20)\d\d)\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*[日号]"
    rf"|{_WEEKDAY}(?P<em>{_MONTH})\s+(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ey>(?:19|20)\d\d)"
    rf"|{_WEEKDAY}(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<bm>{_MONTH}),?\s+(?P<by>(?:19|20)\d\d)"
    r"|(?P<nm>\d{1,2})\s*月\s*(?P<nd>\d{1,2})\s*[日号]"
    r"|(?P<xm>\d{1,2})-(?P<xd>\d{1,2})(?=[T\s]+\d{1,2}:\d\d))"
)
_TIME = (
    r"(?:(?:at\s+)?\d{1,2}(?::\d\d){1,2}(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|UTC|GMT|[A-Z]{2,4}T|[+-]\d\d:?\d\d)(?:[+-]\d{1,2}(?::?\d\d)?)?)?)"
)
_DATELINE = re.compile(
    r"^(?:(?P<prefix>[^\"“”「」。！？!?]{0,60}?)(?<![0-9])(?:[·•・|｜:：,，–—-]\s*|\s+))?"
    rf"{_DATE}(?:(?:[T\s,]+|\s*(?:at)\s*){_TIME})?"
    r"(?:\s*(?:[|·•｜]|来源[:：]?|Source:).{0,60})?\s*$",
    re.I,
)
_ANY_DATE = re.compile(_DATE, re.I)
# What a dateline's last characters can be: its date ("2025-06-01", "6月1日"), its time
# ("10:00", "10 p.m.", "UTC"), or a source after a marker ("| Xinhua", "来源：新华社", where
# the ":" of "Source:" stands in for it). Tested first, as most lines are paragraphs that
# end otherwise, and failing _DATELINE costs its lazy prefix at every starting length.
_DATELINE_END = re.compile(r"(?:[\d日号mzct]|m\.)\Z", re.I)
_SOURCE_MARKS = ("|", "·", "•", "｜", ":", "来源")
_SOURCE_TAIL = len("Source:") + 60  # the marker ends at most 60 characters from the end
_MARKS_SEARCHED_BY = 1000  # characters: up to this length a whole line is searched for markers
# In a line whose whitespace is collapsed to single spaces, a dateline's first digit comes
# at most this many characters in: a 60-character prefix, a separator and a space, then
# "Wednesday., September. " before the day ("Mon 1 June 2025" and numeric dates need less).
_FIRST_DIGIT_BY = 60 + len("- ") + len("Wednesday., ") + len("September. ")
_DIGIT = re.compile(r"\d")
_HEADLINE_MAX = 200


def _year_for(month: int, day: int, as_of: str | None) -> int | None:
    if as_of is None:
        return None
    try:
        reference = dt.date.fromisoformat(as_of)
    except ValueError:
        return None
    for year in (reference.year, reference.year - 1):
        try:
            if dt.date(year, month, day) <= reference:
                return year
        except ValueError:
            continue
    return None


def _date_from(match: re.Match[str], as_of: str | None) -> str | None:
    groups = match.groupdict()
    year: int | None
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["cy"]:
        year, month, day = int(groups["cy"]), int(groups["cm"]), int(groups["cd"])
    elif groups["ey"]:
        year, day = int(groups["ey"]), int(groups["ed"])
        month = _MONTHS[groups["em"][:3].lower()]
    elif groups["by"]:
        year, day = int(groups["by"]), int(groups["bd"])
        month = _MONTHS[groups["bm"][:3].lower()]
    else:
        month = int(groups["nm"] or groups["xm"])
        day = int(groups["nd"] or groups["xd"])
        year = _year_for(month, day, as_of)
        if year is None:
            return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def dateline(line: str, as_of: str | None = None) -> tuple[bool, str | None]:
    """``(is a dateline, its date)`` for one line of (normalised) text."""
    line = line.strip()
    if _DATELINE_END.search(line, len(line) - 2) is None and not _has_source_mark(
        line[-_SOURCE_TAIL:]
    ):
        return False, None
    match = _DATELINE.match(line)
    if match is None:
        return False, None
    date = _date_from(match, as_of)
    has_year = bool(
        match.group("iy") or match.group("cy") or match.group("ey") or match.group("by")
    )
    if has_year and date is None:
        return False, None  # "2025-13-45" is not a date
    return True, date


def parse_date(value: str, as_of: str | None = None) -> str | None:
    """The first date in ``value`` as ``YYYY-MM-DD`` (front matter, ``<meta>``), or None."""
    for match in _ANY_DATE.finditer(value):
        date = _date_from(match, as_of)
        if date is not None:
            return date
    return None


def _collapse_spaces(line: str) -> str:
    """``" ".join(line.split())``, without splitting a line that is already so."""
    # In a printable string the only whitespace is " " (every other whitespace character is
    # a separator or a control), so such a line without "  " or edge spaces is unchanged.
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def _is_headline(line: str) -> bool:
    return 0 < len(line) <= _HEADLINE_MAX and any(ch.isalpha() for ch in line)


def _has_source_mark(text: str) -> bool:
    """``any(mark in text for mark in _SOURCE_MARKS)``, by single-character "in" tests
    (memchr); "来源" is looked for only where "源" is, as its search crawls through English."""
    return (
        "|" in text
        or "·" in text
        or "•" in text
        or "｜" in text
        or ":" in text
        or ("源" in text and "来源" in text)
    )


def _may_end_in_source(line: str) -> bool:
    """False only if ``_collapse_spaces(line)`` has no source marker in its last
    _SOURCE_TAIL characters, where dateline() looks for one."""
    # Collapsing keeps every marker, in order. A printable tail (its only whitespace is " ")
    # with _SOURCE_TAIL visible characters collapses to at least _SOURCE_TAIL characters, so
    # it holds the collapsed line's whole tail; a news paragraph need not be searched further.
    tail = line[-2 * _SOURCE_TAIL :]
    if _has_source_mark(tail):
        return True  # and so has the line, whichever of the two the tail test would pick
    if len(tail) == len(line):
        return False
    # A paragraph without any marker is done with then: six memchr scans of a line of up to
    # _MARKS_SEARCHED_BY characters cost less than isprintable() on the tail (~20
    # instructions a character) and the count.
    if len(line) <= _MARKS_SEARCHED_BY and not _has_source_mark(line):
        return False
    if tail.isprintable() and len(tail) - tail.count(" ") >= _SOURCE_TAIL:
        return False
    return _has_source_mark(line)


def _line_dateline(line: str, as_of: str | None) -> tuple[bool, str | None]:
    """``dateline(_collapse_spaces(line), as_of)`` for a non-blank line of the text, with
    cheap rejections first: most lines are paragraphs, and collapsing them costs."""
    # dateline()'s own first test, on the line as written: collapsing keeps the last visible
    # character, and the one before it when that is not whitespace.
    visible = line.rstrip()
    if _DATELINE_END.search(visible, len(visible) - 2) is None and not _may_end_in_source(line):
        return False, None
    content = _collapse_spaces(line)
    if not _DIGIT.search(content, 0, _FIRST_DIGIT_BY + 1):
        return False, None  # no date starts early enough: spare _DATELINE its lazy prefix
    return dateline(content, as_of)


def find_articles(
    text: str,
    line_starts: Sequence[int],
    *,
    title: str | None = None,
    date: str | None = None,
    as_of: str | None = None,
) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    """The articles of ``text`` and the indexes (0-based) of its dateline lines.

    ``title`` and ``date`` are the document's metadata (front matter, HTML head): they serve
    the first article when it has no headline or dateline of its own.
    """
    datelines: list[int] = []
    dated: list[tuple[int, str]] = []  # (start offset, date) of the datelines with a date
    # (start offset, headline, date) of each article start
    starts: list[tuple[int, str | None, str | None]] = []
    # The last non-blank line, while no dateline came after it: a headline if one comes next.
    # Kept as written: only a headline needs its whitespace collapsed.
    previous: tuple[int, str] | None = None
    for index, (start, end) in enumerate(line_spans(text, line_starts)):
        line = text[start:end]
        if not line or line.isspace():
            continue
        is_dateline, when = _line_dateline(line, as_of)
        if not is_dateline:
            previous = (start, line)
            continue
        datelines.append(index)
        if when is not None:
            dated.append((start, when))
        if previous is not None:
            content = _collapse_spaces(previous[1])
            if _is_headline(content):
                starts.append((previous[0], content, when))
            previous = None
    # What comes before the first headline (site name, navigation) belongs to the first article.
    starts[:1] = [(0, starts[0][1], starts[0][2])] if starts else [(0, None, None)]

    articles: list[Article] = []
    for index, (start, headline, published) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        if published is None:
            first = bisect_left(dated, start, key=lambda item: item[0])
            if first < len(dated) and dated[first][0] < end:
                published = dated[first][1]
        if index == 0:
            headline = headline or title
            published = published or (parse_date(date, as_of) if date else None)
        articles.append(Article(start, end, headline, published))
    return tuple(articles), tuple(datelines)
