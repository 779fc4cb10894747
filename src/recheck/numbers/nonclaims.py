"""Digits that are not claims: dates, years, clock times, citations, labels, identifiers, URLs.

``masked_spans`` returns the stretches of a sentence that the extractors must not read as
quantities. Years and dates are context (``periods`` reads them for ``year``/``published``),
not claims of their own; "F-35", "G7", "C5+1", "5G" and "Section 232" are names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from recheck.numbers.lexicon import Lexicon, tree_alternation

_CN_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_CN_YEAR = r"(?:(?:19|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3})"


# ASCII digits as "0", every other byte as a space (a bytes.translate table).
_DIGITS_AS_ZEROS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


def digit_map(text: str) -> bytes:
    """ASCII ``text`` as one byte a character: b"0" for each digit, b" " for anything else.
    The next digit (``find(b"0", at)``) and the end of its run (``find(b" ", at)``) are then
    found by memchr: a regex searching for ``[0-9]`` tests each character against its class,
    ~50 instructions a character, and the readers search each sentence for digits."""
    return text.encode("ascii").translate(_DIGITS_AS_ZEROS)


class Masks:
    """The stretches of one sentence that hold no claim, found mask by mask as ``covers``
    needs them: most numbers a mask covers (a year, a date) are covered by one of the first
    masks tried, and the rest are then never searched for."""

    __slots__ = ("_ascii", "_found", "_lowered", "_pending", "_spans", "_text")

    def __init__(self, text: str, masks: tuple[_Mask, ...]) -> None:
        self._text = text
        self._ascii = text.isascii()  # O(1): str keeps the flag
        self._lowered: str | None = None  # for the clues of masks that ignore case
        self._pending = iter(masks)
        # One (starts, ends) pair a mask searched so far: a mask's matches do not overlap.
        self._spans: list[tuple[list[int], list[int]]] = []
        self._found: dict[_Needs, int] = {}  # where each needs searched first matched, or -1

    def covers(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` overlaps any masked span."""
        for starts, ends in self._spans:
            if _overlaps(starts, ends, start, end):
                return True
        found = self._found
        for mask in self._pending:
            gate = mask.gate
            if gate is not None and (after := gate.after) is not None and found.get(after, 0) < 0:
                # What its needs must follow is found nowhere: several masks share that
                # test (the needs of a name, a date or a clock time), and it fails in most
                # sentences; once known, each of them is passed over here.
                continue
            spans = self._search(mask)
            if spans is None:
                continue
            self._spans.append(spans)
            if _overlaps(spans[0], spans[1], start, end):  # not *spans: a generic call
                return True
        if len(self._spans) > 1:
            # Every mask is searched: one merged list answers the sentence's other numbers
            # with one bisection (a line of numbers holds hundreds of thousands).
            self._spans = [_merged(self._spans)]
        return False

    def _search(self, mask: _Mask) -> tuple[list[int], list[int]] | None:
        text = self._text
        if mask.clues:
            haystack = text
            if mask.ignore_case:
                if self._lowered is None:
                    self._lowered = text.lower()
                haystack = self._lowered
            for clue in mask.clues:  # a loop, not any(): no generator for each mask
                if clue in haystack:
                    break
            else:
                return None
        gate = mask.gate
        start = 0
        if gate is not None:
            start = self._first(gate)
            if start < 0:
                return None
        if gate is not None and mask.at_needs:
            spans = mask.spans_at_needs(text, start, gate.ascii if self._ascii else gate.pattern)
        else:
            if gate is not None:
                rewind = mask.rewind
                if rewind is None:
                    start = 0
                else:
                    digits = mask.rewind_digits
                    while start and (
                        (char := text[start - 1]) in rewind or (digits and char.isdecimal())
                    ):
                        start -= 1
            spans = mask.spans(text, start)
        if not spans:
            return None
        return [start for start, _ in spans], [end for _, end in spans]

    def _first(self, needs: _Needs) -> int:
        """Where ``needs`` first matches in the sentence, or -1; searched once a sentence."""
        found = self._found.get(needs)
        if found is None:
            start = 0 if needs.after is None else self._first(needs.after)
            found = -1
            if start >= 0:
                if self._ascii and needs.one_digit:
                    found = digit_map(self._text).find(b"0", start)
                else:
                    pattern = needs.ascii if self._ascii else needs.pattern
                    if (match := pattern.search(self._text, start)) is not None:
                        found = match.start()
            self._found[needs] = found
        return found


def _merged(spans: list[tuple[list[int], list[int]]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(pair for found in spans for pair in zip(*found, strict=True)):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    if index >= 0 and ends[index] > start:
        return True
    following = index + 1
    return following < len(starts) and starts[following] < end


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: a key of Masks._found
class _Needs:
    """A regex that every match of a mask holds, searched before the mask's own.

    ``ascii`` is the same regex with ``\\d`` written ``[0-9]``: the two agree on ASCII text,
    where ten digits are tested faster than the Unicode digit category. ``after`` (None: no
    such needs) matches at or before wherever this one matches: it is searched first, and
    this one only from where it matched. The needs a digit starts share one ``after``, the
    search of them all, and most sentences of numbers fail it: no digit is glued to a
    letter, a slash, a clock suffix there.
    """

    pattern: re.Pattern[str]
    ascii: re.Pattern[str]
    after: _Needs | None = None
    one_digit: bool = False  # the pattern is ``\d``: in ASCII text, found in its digit_map


def _needs(pattern: str, after: _Needs | None = None) -> _Needs:
    # The needs hold \d outside classes only: "[\d.]" would not be read as ten digits.
    ascii = re.compile(pattern.replace(r"\d", "[0-9]"))
    return _Needs(re.compile(pattern), ascii, after, pattern == r"\d")


@dataclass(frozen=True, slots=True)
class _Mask:
    """A mask pattern, what every match of it contains, and the test before it.

    ``clues`` (empty: no such test) are substrings of which every match holds one (lower
    case where the pattern ignores case): a substring test runs at C speed and rules most
    sentences out before any regex runs. ``needs`` (None: no such test) is searched next:
    most sentences hold no clock time, URL or Chinese date, and a search for a digit before
    "am" is cheaper than the mask's own at every position. ``before`` is the mask's leading
    look-behind or word boundary, kept out of ``pattern`` so that the pattern starts with
    what the regex engine can skip to (a digit, a capital); a match whose start fails
    ``before`` is dropped and the search resumes one character on, exactly as the
    look-behind would have made it.
    """

    pattern: re.Pattern[str]
    gate: _Needs | None  # the needs, searched as Masks shares them
    before: re.Pattern[str] | None
    clues: tuple[str, ...] = ()
    ignore_case: bool = False  # the pattern's flag, kept as a bool: enum flags are slow
    # What a match may hold right before the place its needs first match (None: anything):
    # no match starts before the run of these there, so the search starts at that run. The
    # text before it is not scanned again (a letter-number name is slow to rule out at each
    # letter of a sentence).
    rewind: frozenset[str] | None = None
    rewind_digits: bool = False  # and digits (``\d``, which is str.isdecimal)
    # Every match starts in the run of ``rewind`` characters that ends where its needs
    # match: the pattern is tried only there, needs match by needs match (a pattern that
    # opens with a look-behind is otherwise tried at every place after the first).
    at_needs: bool = False

    @property
    def needs(self) -> re.Pattern[str] | None:
        return None if self.gate is None else self.gate.pattern

    def spans(self, text: str, start: int = 0) -> list[tuple[int, int]]:
        """The mask's non-empty matches in ``text``, in order (they do not overlap); from
        ``start``, where the caller knows that none starts earlier."""
        # One search first: most sentences hold no match, and a search costs a third of
        # setting up finditer (the first match is the same from where the search found it).
        first = self.pattern.search(text, start)
        if first is None:
            return []
        if self.before is None:
            if first.end() == first.start():  # the next may start there: found as finditer does
                return [
                    m.span()
                    for m in self.pattern.finditer(text, first.start())
                    if m.end() > m.start()
                ]
            # The rest from where the first ends: it is not matched a second time.
            rest = self.pattern.finditer(text, first.end())
            return [first.span(), *(m.span() for m in rest if m.end() > m.start())]
        found: list[tuple[int, int]] = []
        match: re.Match[str] | None = first
        while match is not None:
            start, end = match.span()
            if self.before.match(text, start) is None:
                position = start + 1
            else:
                if end > start:
                    found.append((start, end))
                position = max(end, start + 1)
            match = self.pattern.search(text, position)
        return found

    def spans_at_needs(
        self, text: str, first: int, needs: re.Pattern[str]
    ) -> list[tuple[int, int]]:
        """``spans(text)`` for an ``at_needs`` mask whose needs first match at ``first``."""
        rewind = self.rewind or frozenset()
        match_at = self.pattern.match
        found: list[tuple[int, int]] = []
        done = 0  # where the last match ended: no match starts before it
        at = first
        while at >= 0:
            low = at
            while low > done and text[low - 1] in rewind:
                low -= 1
            for start in range(low, at + 1):
                match = match_at(text, start)
                if match is not None and match.end() > start:
                    found.append((start, match.end()))
                    done = match.end()
                    break
            following = needs.search(text, max(at + 1, done))
            at = -1 if following is None else following.start()
        return found


def _mask(
    pattern: str,
    needs: _Needs | None,
    flags: int = 0,
    before: str | None = None,
    clues: tuple[str, ...] = (),
    rewind: str | None = None,
    rewind_digits: bool = False,
    at_needs: bool = False,
) -> _Mask:
    # Tried at the places its needs allow, the pattern must carry its own look-behind.
    assert not at_needs or (needs is not None and before is None and not rewind_digits)
    return _Mask(
        re.compile(pattern, flags),
        needs,
        None if before is None else re.compile(before, flags),
        clues,
        bool(flags & re.IGNORECASE),
        None if rewind is None and not rewind_digits else frozenset(rewind or ""),
        rewind_digits,
        at_needs,
    )


@cache
def _patterns(lexicon: Lexicon) -> tuple[_Mask, ...]:
    english = lexicon.english
    # Every mask is case-sensitive: its word lists are prefix trees (tree_alternation).
    months = tree_alternation(english.months, ignore_case=False)
    month_initials = re.escape("".join(sorted({m[0] for m in english.months})))
    labels = tree_alternation(english.label_words, ignore_case=False)
    chinese = lexicon.chinese
    units = tree_alternation(
        [u for u in english.units if u[:1].isalpha()]
        + list(english.scales)
        + list(english.currency_after),
        ignore_case=False,
    )
    # After a Chinese year comes 年; after an amount, a unit, a currency or a classifier.
    cn_after = tree_alternation(
        [
            *(u for u in chinese.units if u != "年"),
            *chinese.currencies,
            *chinese.classifiers,
            "%",
            "万",
            "亿",
        ],
        ignore_case=False,
    )
    short_units = tree_alternation(english.short_units, ignore_case=False)
    # Every month name and abbreviation starts with one of these ("Sept." with "Sep"): one
    # search for them rules out most sentences.
    month_prefixes = tree_alternation({m[:3] for m in english.months}, ignore_case=False)
    # A letter-number token: "F-35", "G7", "C5+1", "COVID-19", "Q3", "H1"; not "US$3".
    # Latin letters only: a CJK character is \w too, and "从F-35战机" must still match.
    identifier = r"(?<![A-Za-z0-9$])[A-Za-z]+-?\d+(?:[A-Za-z0-9+]*[A-Za-z0-9])?(?![\w.]?\d)"
    # Digits glued to letters that are no unit: "5G", "3D", "1990s" (decade), "4th".
    glued = (
        rf"(?<![A-Za-z0-9.])(?:\d+(?:\.\d+)?|\.\d+)(?!(?:{short_units})(?![A-Za-z]))"
        r"(?![eE][-+]?\d)[A-Za-z]+(?![A-Za-z0-9])"
    )
    digit = _needs(r"\d")
    year = _needs(r"(?:19|20)\d\d", after=digit)
    # What follows the digit that starts the needs of a name, a date or a clock time.
    identifier_digit = r"(?:(?<=[A-Za-z]\d)|(?<=[A-Za-z]-\d))"  # the digit after the letters
    day_month = rf"(?:st|nd|rd|th)?\s+(?:of\s+)?[{month_initials}]"
    glued_letter, iso_date, slash_date = r"[A-Za-z]", r"[-/.]\d\d?[-/.]\d", r"/\d\d?/\d"
    clock, phone, cn_clock = r"\s*[aApP]\.?[mM]", r"-\d{3}-\d", r"[点時时]"
    # The search of them all skips from digit to digit (a class first), and tries the
    # branches after a digit only where the next character can start one of them.
    followed = "|".join((day_month, glued_letter, iso_date, clock, slash_date, phone, cn_clock))
    after_digit = _needs(
        rf"\d(?:{identifier_digit}|(?=[A-Za-z\s\-/.点時时])(?:{followed}))", after=digit
    )

    def digit_then(tail: str) -> _Needs:
        return _needs(rf"\d{tail}", after=after_digit)

    # Masks are tried in this order until one covers a number: in news text, the commonest
    # first (years, citation markers, labels, names with digits, Chinese dates).
    return (
        # A year standing alone: not grouped, no unit, no percent, no scale after it, and not
        # the tail of a Chinese amount (1万1900, 3亿2000万).
        _mask(
            rf"(?:19|20)\d\d(?:'s|s)?(?![\d,.]?\d)"
            rf"(?!\s?(?:(?:{units})(?![A-Za-z])|-(?:year|fold)|%|(?:{cn_after})))",
            needs=year,
            before=r"(?<![\d.,$€£¥万亿千])",
            clues=("19", "20"),
            rewind="",  # a match starts with a year
        ),
        # citation markers [1][5]
        _mask(r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]", needs=digit, clues=("[",)),
        _mask(
            rf"(?:{labels})\s*(?:No\.?\s*)?\d+[A-Za-z]?(?![A-Za-z0-9])",
            needs=digit,
            before=r"(?<![A-Za-z])",
        ),  # Section 232, Group 2
        # The test starts at the digit, rarer than the letters before it.
        # Its letters end right before the digit its needs match, or before a "-" there.
        _mask(
            identifier,
            needs=digit_then(identifier_digit),
            rewind=_LATIN_LETTERS + "-",
            at_needs=True,
        ),
        # Chinese dates, years and months: 2025年10月21日, 10月21日, 2025年, 9月, 二〇二五年.
        _mask(
            rf"{_CN_YEAR}年(?:{_CN_MONTH}月(?:{_CN_DAY}[日号])?)?(?:代|度)?",
            needs=None,
            clues=("年",),
        ),
        _mask(
            rf"(?<![\d个])(?<![个個]){_CN_MONTH}月(?:{_CN_DAY}[日号])?(?:份)?",
            needs=None,
            clues=("月",),
        ),
        # October 21, 2025 · Oct. 21 · 21 October 2025 · mid-October
        _mask(
            rf"(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)",
            before=r"\b",
            needs=_needs(month_prefixes),
        ),
        _mask(
            rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})(?:,?\s+\d{{4}})?",
            before=r"(?<![\d.])",
            needs=digit_then(day_month),
            rewind_digits=True,
        ),
        _mask(glued, needs=digit_then(glued_letter), rewind=".", rewind_digits=True),
        _mask(
            r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])",
            needs=digit_then(iso_date),
            before=r"(?<![\d.])",
            rewind_digits=True,
        ),  # 2025-10-21
        # Fiscal years and year spans: 2012–13, 2023-2024, 2023/24.
        _mask(
            r"(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)\d\d|\d\d)(?![\d%])",
            needs=_needs(r"(?:19|20)\d\d\s*[-–/]", after=year),
            before=r"(?<![\d.,])",
            clues=("-", "–", "/"),
            rewind="",  # a match starts with a year
        ),
        _mask(
            r"\d{1,2}[:：]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?",
            needs=_needs(r"\d[:：]\d", after=digit),
            before=r"(?<![\d.])",
            flags=re.IGNORECASE,
            clues=(":", "："),
            rewind_digits=True,
        ),
        # 2 pm, 2pm, 2.13 am, 5 p.m.
        _mask(
            r"\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?",
            needs=digit_then(clock),
            before=r"(?<![\d.])",
            flags=re.IGNORECASE,
            clues=("am", "pm", "a.m", "p.m"),
            rewind=".:",
            rewind_digits=True,
        ),
        _mask(
            r"\d{1,2}/\d{1,2}/\d{2,4}(?![\d])",
            needs=digit_then(slash_date),
            before=r"(?<![\d.])",
            clues=("/",),
            rewind_digits=True,
        ),  # 10/21/2025
        # phone numbers: +1-222-2222-2222, 1-222-333-4444
        _mask(
            r"(?<![\w.])\+?\d{1,3}-\d{3}-\d{3,4}(?:[-/]\d{3,4})*(?![\w])",
            needs=digit_then(phone),
            clues=("-",),
            rewind="+",
            rewind_digits=True,
        ),
        _mask(
            r"(?<![\d.])\d{1,2}[点時时](?:\d{1,2}分)?(?=[^\d万亿%]|$)",
            needs=digit_then(cn_clock),
            clues=("点", "時", "时"),
            rewind_digits=True,
        ),
        _mask(
            # An address's name starts where its run of name characters starts, and is read
            # possessively: tried from inside a long run, it would rescan it (quadratic).
            r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+",
            # a class first: the search skips to it
            needs=_needs(r"[wW@/](?:(?<=[@/])|[wW][wW]\.)"),
            flags=re.IGNORECASE,
            clues=("@", "/", "w."),
        ),
        _mask(r"第\s*[\d一二三四五六七八九十百零〇]+\s*号", needs=None, clues=("号",)),  # 第61号
        _mask(r"^\s*\(?\d{1,2}[.)、](?=\s|[^\d])", needs=digit),  # list labels: "1.", "(2)", "3、"
    )


@cache
def _ascii_patterns(lexicon: Lexicon) -> tuple[_Mask, ...]:
    """The masks that can match ASCII text: not those whose every clue is outside ASCII (the
    Chinese dates and clock times), which most sentences would otherwise test one by one."""
    return tuple(
        mask
        for mask in _patterns(lexicon)
        if not mask.clues or any(clue.isascii() for clue in mask.clues)
    )


@lru_cache(maxsize=16)  # the English and the Chinese reader mask the same sentence
def masked_spans(text: str, lexicon: Lexicon) -> Masks:
    """The spans of ``text`` that hold no claim, searched for as questions need them."""
    return Masks(text, _ascii_patterns(lexicon) if text.isascii() else _patterns(lexicon))
