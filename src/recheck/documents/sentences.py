"""Sentence splitting for English, Chinese and both mixed on one line.

Works on the normalised text (markup blanked, width normalised) and returns spans; the
caller takes ``text`` and ``original`` from the same offsets.

Segments first: in plain text every line is a segment (news files hold one paragraph per
line); in HTML and Markdown, where paragraphs wrap, consecutive non-blank lines form one.
Blank lines, dateline lines (skipped altogether) and markup ``breaks`` always end segments.

Inside a segment a sentence ends:

* after ``。！？；`` (full width), whatever follows;
* after ASCII ``!?;`` in Chinese context (a CJK ideograph before it, quotes skipped, or as
  the next non-space character); after English ``!?`` followed by whitespace and a sentence
  start (uppercase letter, digit, opening quote or bracket, CJK ideograph) or the end;
* after ``.`` preceded by an ideograph, or directly followed by one, or followed by whitespace
  and a sentence start — but never inside a number (``2.5``) nor after an abbreviation
  (``U.S.``, ``e.g.``, ``Mr.``, ``Jan.``, ``Inc.``, ``vs.``, a single capital initial, and
  ``No.`` before a digit);
* after an ellipsis (``…`` or ``...``) followed by the end, an ideograph, or whitespace and a
  sentence start;
* after a run of citation markers (``[3][5]``) followed by whitespace, an optional dash
  bullet and a capital or an ideograph — summaries that list findings without full stops.

Closing quotes and brackets right after the terminator belong to the sentence. Spans are
stripped of surrounding whitespace and of a leading dash or bullet; a list label opening a
segment (``1. ``, ``2) ``) is left out of the first sentence (labels are not
claims); spans without any letter or digit are dropped.
"""

from __future__ import annotations

import re
import string
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from recheck.documents.articles import Article
from recheck.documents.text import CJK_CLASS, CJK_RE, is_cjk, line_spans
from recheck.frozen import builder, fields_reduce

__all__ = ["Sentence", "find_sentences", "sentence_spans", "split_segment"]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into Document.text
    end: int
    text: str  # Document.text[start:end], the normalised matching text
    original: str  # Document.source[start:end], as written
    lang: str  # "zh" if it contains CJK ideographs, else "en"
    published: str | None  # the published date of its article

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def _sentence_stored(
    start: int,
    end: int,
    text: str,
    original: str,
    lang: str,
    published: str | None,
) -> Sentence:
    """``Sentence(...)``, compiled: one direct store a field (see frozen.builder)."""
    sentence = Sentence.__new__(Sentence)
    sentence.start = start  # type: ignore[misc]
    sentence.end = end  # type: ignore[misc]
    sentence.text = text  # type: ignore[misc]
    sentence.original = original  # type: ignore[misc]
    sentence.lang = lang  # type: ignore[misc]
    sentence.published = published  # type: ignore[misc]
    return sentence


# Built for every sentence: without the frozen __init__'s call a field (recheck.frozen; a
# sentence's fields cost ~3k instructions that way, ~0.5k as plain slot stores).
_new_sentence = builder(Sentence, _sentence_stored)
_CJK_SEARCH = CJK_RE.search

_CLOSERS = "\"'”’」』）)]】》〉"
# A run of terminators: full stops (perhaps then "!?…"), or any of the others, then closers.
# Both regexes open with a single character class or literal rather than an alternation or a
# repeat, so the regex engine skips ahead to candidates instead of trying every position.
# A lone full stop between ASCII letters or digits ("U.S", "2.5", "e.g") or before a space
# and a lowercase letter ("U.S. firms") never ends a sentence (_ends_sentence agrees, and a
# test checks it): the lookahead rejects it before any Python code runs for it.
_TERMINATOR = re.compile(
    r"(?P<run>[。！？；!?;….]"
    r"(?!(?<=[A-Za-z0-9]\.)(?:[A-Za-z0-9]| [a-z]))"
    r"(?:(?<=\.)\.*[!?…]*|(?<!\.)[。！？；!?;…]*))"
    rf"[{re.escape(_CLOSERS)}]*"
)
# _TERMINATOR where "." is the segment's only terminator character (most English
# paragraphs): its runs are then stops and closers, and a pattern that opens with a literal
# is scanned for several times faster than one that opens with a class.
_FULL_STOP = re.compile(
    r"(?P<run>\.(?!(?<=[A-Za-z0-9]\.)(?:[A-Za-z0-9]| [a-z]))\.*)"
    rf"[{re.escape(_CLOSERS)}]*"
)
_NOT_FULL_STOPS = "。！？；!?;…"  # _TERMINATOR's first characters but "."
_CITATION = r"\[\d{1,3}(?:\s*[,，–-]\s*\d{1,3})*\]"
_CITATIONS = re.compile(
    rf"{_CITATION}(?:{_CITATION})*(?=(?:\s+|\s*[-–—•]\s+)(?:[A-Z]|[{CJK_CLASS}]))"
)
_STARTERS = "\"'“‘「『（([【《〈"
_ABBREVIATION_WORDS = """mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev hon lt col capt
    cmdr sgt adm jan feb mar apr jun jul aug sep sept oct nov dec tues thur thurs
    inc corp co ltd llc plc bros dept fig figs vol vols vs approx appr ca cf al nos p pp"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_BELOW_CJK = "\u3006"  # is_cjk() is False for this character and every one before it
_LONGER_THAN_ABBREVIATIONS = 7  # letters; the longest abbreviation ("approx") has 6
_TOKEN_CHARS = string.ascii_letters + "."
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_LEADING_BULLET = "-–—•·*"
_NEXT_VISIBLE = re.compile(r"\s*(?:[-–—•·*]\s+)?(\S)?")
_LIST_LABEL = re.compile(r"\s*\d{1,3}[.)]\s")
_CHINESE_ENDS = frozenset("。！？；")
_ALNUM = re.compile(r"[^\W_]")  # exactly str.isalnum(), searched in place of a slice


def _starter(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _STARTERS or is_cjk(char)


def _abbreviation(text: str, first: int, stop: int, next_char: str) -> bool:
    """Is the word ending at ``text[stop]`` (a full stop) an abbreviation?"""
    # The word: the letters and dots right before the stop (at most 32 characters back, not
    # before the segment's ``first`` offset), from the first letter; a line break just before
    # the stop is passed over ("Mr\n.").
    head = text[max(first, stop - 32) : stop]
    if head.endswith("\n"):
        head = head[:-1]
    token = head[len(head.rstrip(_TOKEN_CHARS)) :].lstrip(".")
    if not token:
        return False
    lowered = token.lower()
    if lowered == "no":
        return next_char.isdigit()
    if lowered in _ABBREVIATIONS or ("." in token and _INITIALS.fullmatch(token)):
        return True
    return len(token) == 1 and token.isupper()


def _next_visible(text: str, end: int, last: int) -> str:
    """The first visible character from ``end`` to ``last``, past a dash bullet
    ("[11][13]. - China")."""
    after = end + 1
    if (
        after < last
        and text[end] == " "
        and not text[after].isspace()
        and text[after] not in _LEADING_BULLET
    ):
        return text[after]  # the usual single space, without the regex
    visible = _NEXT_VISIBLE.match(text, end, last)
    return (visible.group(1) or "") if visible else ""


def _ends_sentence(text: str, match: re.Match[str], first: int, last: int) -> bool:
    """Does the terminator ``match`` end a sentence of the segment ``text[first:last]``?"""
    # Called for every terminator, so the cheap tests come first and the context (the
    # character before, the next visible one) is looked up only when a rule needs it. Plain
    # comparisons stand before calls: is_cjk() is False below U+3007, a capital is a starter.
    start, end = match.span()
    if end == last:
        return True
    run = match.group(1)
    if run[0] != "." and not _CHINESE_ENDS.isdisjoint(run):  # a run opening with "." has none
        return True
    back = start - 1
    while back >= first and text[back] in _CLOSERS:
        back -= 1
    previous = text[back] if back >= first else ""
    following = text[end]
    spaced = following.isspace()
    ellipsis = run != "." and ("…" in run or run.startswith(".."))
    if run[0] == "." and not ellipsis:
        # a single full stop
        if previous.isdigit() and following.isdigit():
            return False
        # "1. " opening a numbered line is a label, not a sentence; the label needs a space
        # after the stop and a digit right before it, so test those before the regex
        if spaced and previous.isdigit() and _LIST_LABEL.fullmatch(text, first, end + 1):
            return False
        if (previous > _BELOW_CJK and is_cjk(previous)) or (
            following > _BELOW_CJK and is_cjk(following)
        ):
            return True
        if not spaced:
            return False
        next_visible = _next_visible(text, end, last)
        if not (next_visible.isupper() or _starter(next_visible)):
            return False
        # Seven ASCII letters right before the stop make a word longer than any abbreviation
        # and without the dot of initials: most sentences end so, and skip _abbreviation.
        word = text[start - _LONGER_THAN_ABBREVIATIONS : start]
        if start - _LONGER_THAN_ABBREVIATIONS >= first and word.isascii() and word.isalpha():
            return True
        return not _abbreviation(text, first, start, next_visible)
    next_visible = _next_visible(text, end, last)
    chinese = is_cjk(previous) or is_cjk(next_visible)
    english_end = spaced and _starter(next_visible)
    if ellipsis:
        return chinese or english_end
    return chinese or (english_end and run[0] != ";")  # "!?;"


def split_segment(segment: str) -> list[tuple[int, int]]:
    """Sentence spans inside ``segment`` (offsets relative to it), stripped."""
    return _split(segment, 0, len(segment))


def _split(
    text: str, first: int, last: int, others: str = _NOT_FULL_STOPS
) -> list[tuple[int, int]]:
    """Sentence spans of the segment ``text[first:last]``, as offsets into ``text``;
    ``others`` holds every character of _NOT_FULL_STOPS that ``text`` may contain.

    The regexes search ``text`` between ``first`` and ``last`` rather than a copy of the
    segment: an end position truncates the text for them, and the one lookbehind that can
    look before ``first`` only rejects stops that would not end a sentence either way.
    """
    terminator = _FULL_STOP
    for char in others:
        if text.find(char, first, last) != -1:
            terminator = _TERMINATOR
            break
    cuts: list[int] = []
    for match in terminator.finditer(text, first, last):
        end = match.end()
        if end == last:
            break  # the last terminator of the segment: its end is a cut anyway
        if _ends_sentence(text, match, first, last):
            cuts.append(end)
    if text.find("[", first, last) != -1:  # every citation opens with "["
        # A cut found twice is harmless: the loop below passes over cuts not after ``start``.
        cuts.extend(m.end() for m in _CITATIONS.finditer(text, first, last))
        cuts.sort()
    cuts.append(last)
    spans: list[tuple[int, int]] = []
    # A list label opens with a digit, perhaps after spaces: most segments open otherwise.
    opening = text[first] if first < last else ""
    label = _LIST_LABEL.match(text, first, last) if opening.isdigit() or opening.isspace() else None
    start = label.end() if label else first
    for cut in cuts:
        if cut <= start:
            continue
        low, high = start, cut
        while True:
            while low < high and text[low].isspace():
                low += 1
            if low + 1 < high and text[low] in _LEADING_BULLET and text[low + 1].isspace():
                low += 1
                continue
            break
        while high > low and text[high - 1].isspace():
            high -= 1
        # else no letter or digit: not a sentence (most sentences open with one)
        if low < high and (text[low].isalnum() or _ALNUM.search(text, low, high)):
            if high - low <= MAX_SENTENCE:
                spans.append((low, high))  # what _bounded would return, without the call
            else:
                spans.extend(_bounded(text, low, high))
        start = cut
    return spans


# No news sentence comes near this (the seeds' longest has 330 characters); a longer run
# without a sentence end is a table, a data dump or an attack, and cutting it keeps the cost
# of resolving each number, and the size of each claim's ``sentence``, bounded.
MAX_SENTENCE = 1000
_SOFT_BREAK = re.compile(r"[，、；;：]\s*|[,:](?!\d)\s*|\s+")  # not inside 1,500 or 10:30


def _bounded(text: str, low: int, high: int) -> list[tuple[int, int]]:
    """``text[low:high]`` in pieces of at most MAX_SENTENCE characters, cut after the last
    comma or space in the second half of each piece (anywhere, if there is none)."""
    pieces: list[tuple[int, int]] = []
    while high - low > MAX_SENTENCE:
        limit = low + MAX_SENTENCE
        cut = limit
        for match in _SOFT_BREAK.finditer(text, low + MAX_SENTENCE // 2, limit):
            cut = match.end()
        end = cut
        while end > low and text[end - 1].isspace():
            end -= 1
        if end > low:
            pieces.append((low, end))
        low = cut
        while low < high and text[low].isspace():
            low += 1
    if low < high:
        pieces.append((low, high))
    return pieces


def _segments(
    text: str,
    line_starts: Sequence[int],
    breaks: Sequence[int],
    soft_wraps: bool,
    skipped_lines: Collection[int],
) -> list[tuple[int, int]]:
    grouped: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for index, (start, end) in enumerate(line_spans(text, line_starts)):
        # blank unless its first character is visible (most lines), else tested whole
        blank = start == end or (text[start].isspace() and text[start:end].isspace())
        if blank or index in skipped_lines:
            if current is not None:
                grouped.append(current)
                current = None
            continue
        if not soft_wraps:
            grouped.append((start, end))
        elif current is None:
            current = (start, end)
        else:
            current = (current[0], end)
    if current is not None:
        grouped.append(current)
    if not breaks:
        return grouped
    segments: list[tuple[int, int]] = []
    for start, end in grouped:
        previous = start
        for cut in breaks[bisect_right(breaks, start) : bisect_left(breaks, end)]:
            segments.append((previous, cut))
            previous = cut
        segments.append((previous, end))
    return segments


def sentence_spans(
    text: str,
    line_starts: Sequence[int],
    *,
    breaks: Sequence[int] = (),
    soft_wraps: bool = False,
    skipped_lines: Collection[int] = (),
) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text`` (rules in the module docstring)."""
    spans: list[tuple[int, int]] = []
    ordered_breaks = sorted(breaks)
    skipped = frozenset(skipped_lines)
    # Searched for in each segment only if the text has them (str.find is a memchr)
    others = "".join(char for char in _NOT_FULL_STOPS if char in text)
    for start, end in _segments(text, line_starts, ordered_breaks, soft_wraps, skipped):
        spans.extend(_split(text, start, end, others))
    return spans


def find_sentences(
    text: str,
    source: str,
    line_starts: Sequence[int],
    articles: Sequence[Article],
    *,
    breaks: Sequence[int] = (),
    soft_wraps: bool = False,
    skipped_lines: Collection[int] = (),
) -> tuple[Sentence, ...]:
    """The sentences of a document, each with its language and its article's date."""
    article_starts = [article.start for article in articles]
    sentences: list[Sentence] = []
    published: str | None = None
    # Sentences come in text order: the article changes only when a sentence reaches the
    # start of the next one, so the bisection runs once per article, not once per sentence.
    next_article = article_starts[0] if article_starts else sys.maxsize
    # Plain text with nothing to normalise is its own source: each sentence's text is then
    # its original too, and one slice serves both.
    same = text is source
    for start, end in sentence_spans(
        text, line_starts, breaks=breaks, soft_wraps=soft_wraps, skipped_lines=skipped_lines
    ):
        if start >= next_article:
            index = bisect_right(article_starts, start) - 1
            published = articles[index].published
            following = index + 1
            next_article = article_starts[following] if following < len(articles) else sys.maxsize
        body = text[start:end]
        # has_cjk(body), without the call
        lang = "zh" if not body.isascii() and _CJK_SEARCH(body) is not None else "en"
        original = body if same else source[start:end]
        sentences.append(_new_sentence(start, end, body, original, lang, published))
    return tuple(sentences)
