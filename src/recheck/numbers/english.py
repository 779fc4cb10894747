"""English numeric mentions: digits, spelled numbers, fractions, ranks, multiples, ranges.

The scanner finds a number's core (``1,500``, ``forty-two``, ``two thirds``,
``second-largest``), then reads outwards: scale word and unit to the right, currency mark,
qualifier and direction of change to the left, and a second core joined by "to", "-" or
"between … and" for a range. Every word list comes from ``lexicon.yaml``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Generator, Iterable
from dataclasses import dataclass, replace
from functools import cache

from recheck.frozen import builder, replacer
from recheck.numbers.lexicon import (
    English,
    Lexicon,
    load_lexicon,
    prefix_alternation,
    tree_alternation,
)
from recheck.numbers.mention import Mention
from recheck.numbers.nonclaims import Masks, digit_map, masked_spans
from recheck.numbers.reading import Reading, new_reading, replace_reading, to_mention
from recheck.wordsearch import WordSearch

# Digits: 1,500,000 · 816 000 · 2.5 · 1.5e6 · 1.5 x 10^6 (the sign is read separately).
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?: \d{3})+(?![\d,])|\d+)(?:\.\d+)?"
    r"|\.\d+"
)
_SCI = (
    r"(?:[eE](?P<exp>[-+]?\d{1,3})(?![\w])|\s?[x×]\s?10\^?(?P<exp10>[-+]?\d{1,3})"
    r"|\^(?P<pow>[-+]?\d{1,2})(?!\d))"
)
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
# The only characters outside ASCII that an IGNORECASE pattern matches to an ASCII letter
# (dotted I→i, dotless i→i, long s→s, Kelvin sign→k). Without them, lower-casing the text
# compares letters as the core does.
_ASCII_FOLDS = "\u0130\u0131\u017f\u212a"
_FOLDS = re.compile(f"[{_ASCII_FOLDS}]")
# Every character that ``\s`` matches in a str pattern (a test checks it on every code point).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(chr(code) for code in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
)


@dataclass(frozen=True, slots=True)
class _Ending:
    """A pattern anchored at the end of the words before a number: one of ``words``, then
    whitespace and at most one of ``fillers`` ("more than the ", "rose by ", "minus ").
    ``search`` starts where such a match can start; from the start of the lead, the pattern
    would try every word at every position."""

    pattern: re.Pattern[str]
    longest: int  # the longest word
    fillers: tuple[str, ...] = ()  # lower-case, longest first
    # The words' last three characters (a shorter word whole), lower-cased, by length: the
    # words before the filler end in one of them, and most leads end in other words. The
    # regex tries each of dozens of words at each of the last ``longest`` places to find
    # that out. None: no such test (a word holds a letter that folds onto ASCII).
    endings: _Endings | None = None

    @classmethod
    def of(
        cls, pattern: str, words: Iterable[str], fillers: Iterable[str] = (), flags: int = re.I
    ) -> _Ending:
        words = list(words)
        lowered = [w.lower() for w in words]
        testable = all(words) and all(_plainly_cased(w) for w in words)
        endings = tuple(
            frozenset(w[-3:] for w in lowered if min(len(w), 3) == length) for length in (1, 2, 3)
        )
        return cls(
            re.compile(pattern, flags),
            max(len(w) for w in words),
            tuple(sorted(fillers, key=len, reverse=True)),
            (endings[0], endings[1], endings[2]) if testable else None,
        )

    def search(self, lead: str) -> re.Match[str] | None:
        # A match ends in a word, at most ``longest`` characters after its start, then in
        # whitespace and a filler; cutting off more than that only starts the search earlier.
        stem = lead.rstrip()
        possible = _may_end(self.endings, stem)
        for filler in self.fillers:
            if stem[-len(filler) :].lower() == filler:
                stem = stem[: -len(filler)].rstrip()
                possible = possible or _may_end(self.endings, stem)
                break
        if not possible:
            return None
        return self.pattern.search(lead, max(0, len(stem) - self.longest))


@dataclass(frozen=True, slots=True)
class _Leads:
    """Whether any of several ``_Ending`` patterns may match a lead: the words before a
    number are put to six of them (currency, range opener, qualifier, negative, change verb
    and noun), and before most numbers ("accounts for 70%") none can match. A superset of
    their own tests, over the union of their words' endings and of their fillers."""

    endings: _Endings | None  # the union of their endings; None: one of them has no test
    fillers: tuple[str, ...]  # the union of their fillers, longest first

    @classmethod
    def of(cls, endings: Iterable[_Ending]) -> _Leads:
        endings = list(endings)
        union: _Endings | None = None
        if all(e.endings is not None for e in endings):
            union = (
                frozenset().union(*(e.endings[0] for e in endings if e.endings)),
                frozenset().union(*(e.endings[1] for e in endings if e.endings)),
                frozenset().union(*(e.endings[2] for e in endings if e.endings)),
            )
        fillers = tuple(sorted({f for e in endings for f in e.fillers}, key=len, reverse=True))
        return cls(union, fillers)

    def possible(self, lead: str) -> bool:
        stem = lead.rstrip()
        if _may_end(self.endings, stem):
            return True
        # Every filler, not only the first that fits: each pattern strips its own.
        for filler in self.fillers:
            if stem[-len(filler) :].lower() == filler and _may_end(
                self.endings, stem[: -len(filler)].rstrip()
            ):
                return True
        return False


# The last characters of words, lower-cased, by length 1, 2 and 3 (a word shorter than three
# characters is there whole).
_Endings = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _may_end(endings: _Endings | None, stem: str) -> bool:
    """Whether ``stem`` may end in one of the words whose ``endings`` these are (None: no test)."""
    tail = stem[-3:]
    if not tail:
        return False
    if endings is None or not (tail.isascii() or _plainly_cased(tail)):
        return True
    tail = tail.lower()
    one, two, three = endings
    return tail[-1:] in one or tail[-2:] in two or tail in three


def _plainly_cased(text: str) -> bool:
    """Whether case-insensitive matching compares ``text`` as its lower case does: ASCII
    without the letters that fold onto it from outside (K, the Kelvin sign, matches "k"),
    and characters without case (CJK, symbols), which match only themselves. Greek sigma
    and the micro sign have folds of their own: such text is left to the regex."""
    if text.isascii():
        return True
    return not _FOLDS.search(text) and all(c.isascii() or c.lower() == c == c.upper() for c in text)


@dataclass(frozen=True, slots=True)
class _After:
    """A pattern matched right after a number: an optional separator (one of ``separators``),
    then one of its words (compared case aside, which for a case-sensitive pattern lets more
    through, never fewer). ``match`` runs the regex only where the next character,
    or the one after a separator, can start one of the words: most numbers are followed by
    a word that is no unit, and the regex tries every alternative to find that out."""

    pattern: re.Pattern[str]
    separators: frozenset[str]
    firsts: frozenset[str] | None  # the words' first characters, lower-cased; None: no test

    @classmethod
    def of(cls, pattern: str, words: Iterable[str], separators: str, flags: int) -> _After:
        words = list(words)
        firsts = frozenset(w[0].lower() for w in words if w)
        # Outside ASCII, case-insensitive matching has folds of its own (the long s matches
        # "s"): a word that starts with such a letter turns the test off, as does an empty
        # word, which matches anywhere.
        folds = any(
            not c.isascii() and (c.upper().isascii() or c.lower().isascii()) for c in firsts
        )
        testable = not folds and all(words)
        return cls(re.compile(pattern, flags), frozenset(separators), firsts if testable else None)

    def match(self, text: str, position: int) -> re.Match[str] | None:
        firsts = self.firsts
        if firsts is not None:
            char = text[position : position + 1]
            if not _may_start(char, firsts) and (
                char not in self.separators
                or not _may_start(text[position + 1 : position + 2], firsts)
            ):
                return None
        return self.pattern.match(text, position)


def _may_start(char: str, firsts: frozenset[str]) -> bool:
    # A character outside ASCII may fold onto a word's first letter: it is tried.
    return char != "" and (not char.isascii() or char.lower() in firsts)


@dataclass(frozen=True, slots=True)
class _Patterns:
    core: re.Pattern[str]
    digit_core: re.Pattern[str]  # ``core`` where a digit, sign, point or vulgar fraction starts
    # ``digit_core``'s last branch, plain digits, for a run of digits that no character
    # other branches need follows (``_DIGIT_BRANCHES_NEXT``); None: no such shortcut.
    bare_digits: re.Pattern[str] | None
    # What one of ``digit_core``'s other branches needs right after the run of digits it
    # opens with, matched there: where it fails (after most digits followed by a space, a
    # "-" or a ".": "44 million tons", "Group 1 - ", "0.1%"), those branches would each fail.
    digit_tail: re.Pattern[str] | None
    # Where a core can start, over the lower-cased text (case-sensitive, so cheap to scan):
    # the core is tried only where this matches.
    start: re.Pattern[str]
    # Where ``start`` may match: a digit (``start_marks``, one character class, which the
    # regex engine skips to at C speed) or the sign or point just before it, or one of its
    # words where its branch may match (``start_words``, an Aho-Corasick automaton run once a
    # sentence, where the regex would try each word's branch at every letter). A superset:
    # ``start`` itself decides at each place.
    # In ASCII text, where only 0-9 are digits and no vulgar fraction occurs, the marks are
    # found in its ``digit_map`` instead.
    start_marks: re.Pattern[str]
    start_words: WordSearch[int]
    article_next: frozenset[str]  # what may follow "a " where ``start`` matches
    plain: re.Pattern[str]  # digits and spelled numbers only: the fallback of a failed core
    scale: _After
    unit_long: _After
    unit_short: _After
    currency_after: _After
    subunit: _After
    currency_before: _Ending
    qualifier_before: _Ending
    qualifier_after: re.Pattern[str]
    change_before: _Ending
    change_noun_after: re.Pattern[str]
    change_noun_before: _Ending
    negative_before: _Ending
    leads: _Leads  # any of the endings above and ``opener``
    one_determiner: re.Pattern[str]
    joiner: re.Pattern[str]
    bound_joiner: re.Pattern[str]
    and_joiner: re.Pattern[str]
    opener: _Ending
    money_context: re.Pattern[str]
    not_number: re.Pattern[str]
    coordination: re.Pattern[str]
    gap: re.Pattern[str]  # between "4 thousand" and "3 hundred", "3 dollars" and "50 cents"


def _symbols(symbols: Iterable[str], *, ignore_case: bool) -> str:
    """An alternation of currency symbols; one that starts with a letter ("C$", "RMB") must
    not continue a word ("topic $5" holds no "c $"). Those that start with a letter and those
    that do not never match at the same place, so each group is one alternation: the test
    for a letter before is made once, not once per symbol."""
    words = [s for s in symbols if s[:1].isalpha()]
    others = [s for s in symbols if not s[:1].isalpha()]
    return "|".join(
        ([f"(?<![A-Za-z])(?:{tree_alternation(words, ignore_case=ignore_case)})"] if words else [])
        + ([tree_alternation(others, ignore_case=ignore_case)] if others else [])
    )


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    en = lexicon.english

    # The core's words: its pattern ignores case, as do all but a few below.
    def either(words: Iterable[str], *, ignore_case: bool = True) -> str:
        return tree_alternation(words, ignore_case=ignore_case)

    words = either(en.number_words)
    word_seq = rf"(?:{words})(?:(?:[\s-]+|\s+and\s+)(?:{words}))*"
    multipliers = either([*en.multipliers, "dozen"])
    big = either([w for w, v in en.multipliers.items() if v >= 1000])
    small = either([w for w, v in en.number_words.items() if 0 < v < 20])
    denominators = either(en.denominators)
    ordinals = either(en.ordinals)
    superlatives = either(en.superlatives)
    markers = either(en.rank_markers_before)
    # "a fourth" is a fraction only where "of" or the end of a clause follows ("a fourth term")
    a_fraction_end = rf"(?=\s+of\b|\s*[,.;:)!?]|\s*$|\s+(?:{big})\b)"
    sign = r"(?:(?<![\w.,])[-+−](?=\d))?"
    digits = rf"(?P<digits>(?P<mantissa>{sign}(?<!\d)(?<!\d,)(?:{_DIGITS})){_SCI}?)"
    spelled = (
        rf"(?P<spelled>\b(?:a\s+(?={multipliers}\b))?{word_seq}"
        rf"(?:\s+point(?:[\s-]+(?:{words}))+)?\b)"
    )
    plain = f"{digits}|{spelled}"

    def core_branches(at_digit: bool) -> str:
        """The core's alternation; ``at_digit``: only what can match where a digit, sign,
        point or vulgar fraction starts (every lexicon word starts with a letter), for the
        places the start scan found one of those: there, the word branches would each fail,
        one by one."""

        def words_or(pattern: str) -> str:
            return "" if at_digit else f"{pattern}|"

        rank = (
            # rank: "second-largest", "3rd largest", "No. 2", "the world's largest"
            rf"(?P<rank>(?<![A-Za-z0-9])(?P<ord>{words_or(ordinals)}\d{{1,2}}(?:st|nd|rd|th))"
            rf"[\s-]+(?:{superlatives})\b)"
        )
        marker = (
            rf"(?P<marker>(?<![A-Za-z])(?:{markers})\s*"
            rf"(?P<markval>\d{{1,2}}(?:st|nd|rd|th)?|{ordinals}|{words})\b(?![/.,]\d))"
        )
        the_sup = (
            r"(?P<the_sup>(?<!one of the )(?<=the )(?:world'?s\s+)?(?:largest|biggest)\b"
            r"|(?<=['’]s )(?:largest|biggest)\b)"
        )
        # "half a million", "a quarter million", "two thirds of a million"
        frac_scale = (
            rf"(?P<frac_scale>\b(?:(?P<fs_num>a|one|{small})\s+)?(?P<fs_den>half|quarters?|thirds?)"
            rf"\s+(?:of\s+)?(?:a\s+)?(?P<fs_scale>{big})\b)"
        )
        # "one in five", "two out of five hundred"
        one_in = (
            rf"(?P<one_in>\b(?P<in_num>{words_or(small)}\d{{1,2}})\s+(?:in|out of)\s+"
            rf"(?:every\s+)?(?P<in_den>\d{{1,4}}(?![\d,.])|{word_seq})\b)"
        )
        half_dozen = r"(?P<half_dozen>\bhalf\s+a\s+dozen\b)"
        # "one and a half", "three million and a quarter", "twenty and three fifths"
        mixed = (
            rf"(?P<mixed>\b(?P<m_whole>{words_or(word_seq)}\d+(?:\.\d+)?(?:\s+(?:{big}))?)"
            rf"\s+and\s+(?P<m_num>an?|{word_seq}|\d+)[\s-]+(?P<m_den>{denominators})\b)"
        )
        # "two thirds", "one-tenth", "a quarter", "twenty-three fifths"
        numerator = words_or(rf"(?:a\s+(?={multipliers}\b))?{word_seq}")
        fraction = (
            rf"(?P<fraction>\b(?:(?P<a>an?)\s+|(?P<num>{numerator}\d+)[\s-]+)"
            rf"(?P<den>{denominators})\b(?(a){a_fraction_end}))"
        )
        # 3/4, 2 1/4, -4/5; ½, 2½
        slash = (
            rf"(?P<slash>{sign}(?<![\d/.])(?:(?P<sl_whole>\d+)\s+)?(?P<sl_num>\d+)\s?/\s?"
            rf"(?P<sl_den>\d+)(?![\d/]))"
        )
        vulgar = rf"(?P<vulgar>(?:(?P<v_whole>\d+)\s?)?(?P<v_frac>[{_VULGAR}]))"
        half = r"(?P<half>\bhalf\b(?=\s+(?:of|the|its|their|all|that|people)\b))"
        twice = r"(?P<twice>\b(?:twice|thrice)\b)"
        if at_digit:
            return "|".join((rank, one_in, mixed, fraction, slash, vulgar, digits))
        every = [rank, marker, the_sup, frac_scale, one_in, half_dozen, mixed, fraction]
        every += [slash, vulgar, half, twice, digits, spelled]
        return "|".join(every)

    lexicon_words = [*en.number_words, *en.ordinals, *en.rank_markers_before, *en.denominators]
    core = core_branches(at_digit=False)
    # Only if every lexicon word starts with a letter can a digit's core skip the words.
    digits_only = all(word[:1].isalpha() for word in lexicon_words)
    digit_core = core_branches(at_digit=True) if digits_only else core
    # After the run of digits each of those branches opens with (below, in their order):
    # rank "3rd", one_in "1 in 5", mixed "2.5 million and a half", fraction "2 thirds",
    # slash "2 1/4" and "3/4", vulgar "2 ½". Each alternative is the start of its branch
    # after the run (which each takes whole: a digit cannot come next in any of them).
    digit_tail = (
        rf"(?:st|nd|rd|th)|\s+(?:in|out)\b|(?:\.\d+)?(?:\s+(?:{big}))?\s+and\s"
        rf"|[\s-]+(?:{denominators})|\s+\d|\s?/|\s?[{_VULGAR}]"
    )
    # Every way the core can start, alternative by alternative: a digit, sign or decimal point
    # (digits, slash, vulgar, rank, one_in, mixed, fraction); an ordinal, even inside a word,
    # as the rank has no \b; a rank marker; a number word; the words that open the_sup,
    # frac_scale, half_dozen, half and twice; "a"/"an" before a denominator or multiplier.
    words_lower = [w.lower() for w in (*en.number_words, *en.ordinals, *en.denominators)]
    openers = ["twice", "thrice", "world", "largest", "biggest"]
    lower_ordinals = [w.lower() for w in en.ordinals]
    lower_markers = [w.lower() for w in en.rank_markers_before]
    start = (
        rf"[\d{_VULGAR}]|[-+−.](?=\d)"
        rf"|{prefix_alternation(lower_ordinals)}"
        rf"|(?<![a-z])(?:{prefix_alternation(lower_markers)})"
        rf"|\b(?:{prefix_alternation([*words_lower, *openers])}"
        rf"|an?\s+{prefix_alternation([*words_lower, *(m.lower() for m in en.multipliers)])})"
    )
    # Each word with what must stand before it for ``start`` to match there: ordinals
    # nothing, rank markers no letter, the rest a word boundary.
    start_words = {w: _ANYWHERE for w in lower_ordinals}
    for words_of, rule in (
        (lower_markers, _AFTER_NON_LETTER),
        ([*words_lower, *openers], _AT_WORD),
    ):
        for word in words_of:
            start_words[word] = min(start_words.get(word, rule), rule)
    for a in ("a", "an"):
        for space in WHITESPACE:
            start_words.setdefault(f"{a}{space}", _ARTICLE)
    # After "a " or "an ": more whitespace or the first letter of a number word or multiplier.
    after_article = [*words_lower, *(m.lower() for m in en.multipliers)]
    article_next = frozenset(WHITESPACE) | {w[0] for w in after_article if w}
    units_long = [u for u in en.units if u not in en.short_units]
    q_after = either(en.qualifiers_after)
    patterns = _Patterns(
        core=re.compile(core, re.IGNORECASE),
        digit_core=re.compile(digit_core, re.IGNORECASE),
        bare_digits=re.compile(digits, re.IGNORECASE) if digits_only else None,
        digit_tail=re.compile(digit_tail, re.IGNORECASE) if digits_only else None,
        start=re.compile(start),
        # The run of digits after a digit too: found as fast as the digit (a class first,
        # no group), and ``_digit_core`` needs it.
        start_marks=re.compile(rf"[\d{_VULGAR}]\d*"),
        start_words=_automaton(start_words),
        article_next=article_next,
        plain=re.compile(plain, re.IGNORECASE),
        scale=_After.of(
            rf"(?P<space>\s?)(?P<scale>{either(en.scales, ignore_case=False)})(?![A-Za-z])",
            en.scales,
            WHITESPACE,
            0,
        ),
        unit_long=_After.of(
            rf"(?:\s?|-)(?P<unit>{either(units_long)})(?![A-Za-z])",
            units_long,
            WHITESPACE + "-",
            re.IGNORECASE,
        ),
        unit_short=_After.of(
            rf"\s?(?P<unit>{either(en.short_units, ignore_case=False)})(?![A-Za-z\d])",
            en.short_units,
            WHITESPACE,
            0,
        ),
        currency_after=_After.of(
            # "10 $" but not the "$" that opens the next amount: "$ 20,000.00 $ 37,305.97"
            rf"\s?(?P<cur>{either(en.currency_after)})(?![A-Za-z])(?!\s?\.?\d)",
            en.currency_after,
            WHITESPACE,
            re.IGNORECASE,
        ),
        subunit=_After.of(
            rf"[\s-]?(?P<sub>{either(en.subunits)})(?![A-Za-z])",
            en.subunits,
            WHITESPACE + "-",
            re.IGNORECASE,
        ),
        currency_before=_Ending.of(
            rf"(?P<cur>{_symbols(en.currency_before, ignore_case=False)})\s?$",
            en.currency_before,
            flags=0,
        ),
        qualifier_before=_Ending.of(
            rf"(?P<q>{_symbols(en.qualifiers_before, ignore_case=True)})\s*(?:a\s+|an\s+|the\s+)?$",
            en.qualifiers_before,
            ("a", "an", "the"),
        ),
        # "500 or less", but not "5000 or less than 6000" (that "less than" is the next one's)
        qualifier_after=re.compile(
            rf"(?:\s|-)?(?P<q>{q_after})(?![A-Za-z])(?!\s+than\b)", re.IGNORECASE
        ),
        change_before=_Ending.of(
            rf"\b(?P<w>{either(en.change_words)})\s+(?:by\s+)?$", en.change_words, ("by",)
        ),
        change_noun_after=re.compile(rf"\s+(?P<w>{either(en.change_nouns)})\b", re.IGNORECASE),
        change_noun_before=_Ending.of(
            rf"\b(?P<w>{either(en.change_nouns)})\s+of\s+$", en.change_nouns, ("of",)
        ),
        negative_before=_Ending.of(rf"\b(?:{either(en.negative_words)})\s+$", en.negative_words),
        one_determiner=re.compile(rf"\b(?:{either(en.one_determiners)})\s+$", re.I),
        joiner=re.compile(r"\s*(?:-|–|—|~|\bto\b|\bthrough\b)\s*", re.IGNORECASE),
        # "between 5 and 10"; news also writes "between 5 to 10" and "between 5-10"
        and_joiner=re.compile(r"\s+(?:and|to)\s+|\s*[-–]\s*", re.IGNORECASE),
        bound_joiner=re.compile(r"\s*(?:,\s*|\s+(?:and|but)\s+)", re.IGNORECASE),
        opener=_Ending.of(rf"\b(?P<o>{either(en.range_openers)})\s+$", en.range_openers),
        money_context=re.compile(
            rf"(?<![A-Za-z])(?:{either(en.money_context)})(?![A-Za-z])", re.IGNORECASE
        ),
        not_number=re.compile(rf"(?:{either(en.not_numbers)})\b", re.IGNORECASE),
        coordination=re.compile(r"\s*(?:,\s*|,?\s+(?:and|or)\s+)", re.IGNORECASE),
        gap=re.compile(r"\s+(?:and\s+)?"),
        leads=_Leads.of(()),
    )
    leading = (
        patterns.currency_before,
        patterns.opener,
        patterns.qualifier_before,
        patterns.negative_before,
        patterns.change_before,
        patterns.change_noun_before,
    )
    return replace(patterns, leads=_Leads.of(leading))


_POINT = re.compile(r"\s+point\s+")
_WORD_BREAKS = re.compile(r"[\s-]+")


def _spelled_value(text: str, en: English) -> float | None:
    """Value of "forty-two", "one hundred and five", "a dozen", "two million",
    "two hundred point zero three"."""
    if " point " in f" {text.lower()} ":
        whole, decimals = _POINT.split(text.lower(), maxsplit=1)
    else:
        whole, decimals = text.lower(), ""
    total = 0.0
    current = 0.0
    last = 0.0  # the last group added: "two dozens" multiplies the two, not the hundreds
    seen = False
    for word in _WORD_BREAKS.split(whole):
        if word in ("and", "a", ""):
            if word == "a" and not current:
                current = last = 1.0
            continue
        value = en.number_words.get(word)
        if value is None:
            return None
        seen = True
        if value == 12 and word != "twelve":  # dozen, dozens
            current = current - last + (last or 1) * value
        elif value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0.0
        else:
            current += value
            last = value if last < 20 or value >= 10 else last + value
    if not seen:
        return None
    digits: list[int] = []
    for word in _WORD_BREAKS.split(decimals):
        value = en.number_words.get(word)
        if value is None:
            continue
        if digits and 20 <= digits[-1] <= 90 and digits[-1] % 10 == 0 and value < 10:
            digits[-1] += value  # "point seventy-one" is .71
        else:
            digits.append(value)
    fraction = "".join(str(d) for d in digits)
    return total + current + (float(f"0.{fraction}") if fraction else 0.0)


def _digits_value(match: re.Match[str]) -> float:
    cleaned = match.group("mantissa").replace(",", "").replace(" ", "").replace("−", "-")
    value = float(cleaned)
    exponent = match.group("exp") or match.group("exp10")
    power = match.group("pow")
    try:
        if exponent:
            value *= 10.0 ** int(exponent)
        if power:
            value = float(value ** int(power))
    except OverflowError:  # "1e999": no quantity; to_mention drops what is not finite
        return math.inf
    return value


def _word_number(text: str, en: English) -> float | None:
    return float(text) if text.isdigit() else _spelled_value(text, en)


@dataclass(frozen=True, slots=True)
class _Core:
    start: int
    end: int
    value: float
    kind: str  # number, spelled, share, ratio, rank
    unit: str | None = None


def _core_stored(
    start: int,
    end: int,
    value: float,
    kind: str,
    unit: str | None = None,
) -> _Core:
    """``_Core(...)``, compiled: one direct store a field (see frozen.builder)."""
    core = _Core.__new__(_Core)
    core.start = start  # type: ignore[misc]
    core.end = end  # type: ignore[misc]
    core.value = value  # type: ignore[misc]
    core.kind = kind  # type: ignore[misc]
    core.unit = unit  # type: ignore[misc]
    return core


# Built for every number: without the frozen __init__'s call a field (recheck.frozen).
_new_core = builder(_Core, _core_stored)
_replace_core = replacer(_Core, _core_stored)


def _fraction(numerator: float, denominator: float, start: int, end: int) -> _Core | None:
    """A proper fraction is a share (the contract: 三分之一 → 33.33 percent); "23/5" is a number."""
    if not denominator:
        return None
    if 0 < numerator < denominator:
        return _new_core(start, end, numerator / denominator * 100, "share", "percent")
    return _new_core(start, end, numerator / denominator, "number")


def _core(match: re.Match[str], en: English) -> _Core | None:
    numerator: float | None
    denominator: float
    scale: float
    whole: float | None
    value: float | None
    start, end = match.span()
    group = match.lastgroup
    if group == "digits":  # the commonest by far
        return _new_core(start, end, _digits_value(match), "number")
    lower = match.group().lower()
    if group in ("rank", "marker"):
        raw = match.group("ord" if group == "rank" else "markval").lower()
        position = en.ordinals.get(raw) or _word_number(re.sub(r"(?<=\d)\D+$", "", raw), en)
        return _new_core(start, end, float(position), "rank", "rank") if position else None
    if group == "the_sup":
        return _new_core(start, end, 1.0, "rank", "rank")
    if group == "frac_scale":
        raw_num = (match.group("fs_num") or "a").lower()
        numerator = 1.0 if raw_num in ("a", "one") else _word_number(raw_num, en) or 1.0
        denominator = float(en.denominators[match.group("fs_den").lower()])
        scale = float(en.multipliers[match.group("fs_scale").lower()])
        return _new_core(start, end, numerator / denominator * scale, "number")
    if group == "one_in":
        numerator = _word_number(match.group("in_num").lower(), en)
        of = _word_number(match.group("in_den").lower(), en)
        if not numerator or not of or numerator >= of:
            return None
        return _new_core(start, end, numerator / of * 100, "share", "percent")
    if group == "half_dozen":
        return _new_core(start, end, 6.0, "number")
    if group == "mixed":
        whole_raw = match.group("m_whole").lower()
        whole_match = re.fullmatch(r"(\d+(?:\.\d+)?)\s+(\w+)", whole_raw)
        if whole_match:  # "3 million and a half"
            scale = float(en.multipliers[whole_match.group(2)])
            whole = float(whole_match.group(1)) * scale
        else:
            whole = _word_number(whole_raw, en)
            last = whole_raw.split()[-1]
            scale = float(en.multipliers[last]) if en.multipliers.get(last, 0) >= 1000 else 1.0
        raw_num = match.group("m_num").lower()
        numerator = 1.0 if raw_num in ("a", "an") else _word_number(raw_num, en)
        denominator = float(en.denominators[match.group("m_den").lower()])
        if whole is None or numerator is None:
            return None
        return _new_core(start, end, whole + numerator / denominator * scale, "number")
    if group == "fraction":
        raw_num = (match.group("num") or "a").lower()
        numerator = 1.0 if raw_num in ("a", "an") else _word_number(raw_num, en)
        if numerator is None:
            return None
        return _fraction(numerator, en.denominators[match.group("den").lower()], start, end)
    if group == "slash":
        numerator, denominator = float(match.group("sl_num")), float(match.group("sl_den"))
        negative = match.group().lstrip().startswith(("-", "−"))
        if match.group("sl_whole"):
            value = float(match.group("sl_whole")) + numerator / max(denominator, 1.0)
            return _new_core(start, end, -value if negative else value, "number")
        core = _fraction(numerator, denominator, start, end)
        if core is not None and negative:
            core = _replace_core(core, value=-core.value)
        return core
    if group == "vulgar":
        fraction = unicodedata.numeric(match.group("v_frac"))
        if match.group("v_whole"):
            return _new_core(start, end, float(match.group("v_whole")) + fraction, "number")
        return _new_core(start, end, fraction * 100, "share", "percent")
    if group == "half":
        return _new_core(start, end, 50.0, "share", "percent")
    if group == "twice":
        return _new_core(start, end, 2.0 if lower == "twice" else 3.0, "ratio", "fold")
    if group == "spelled":
        value = _spelled_value(match.group("spelled"), en)
        return None if value is None else _new_core(start, end, value, "spelled")
    return None


@dataclass(frozen=True, slots=True)
class _Quantity:
    """A core with its scale and unit, before qualifiers and ranges."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str
    scaled: bool = False


def _quantity_stored(
    start: int,
    end: int,
    value: float,
    unit: str | None,
    kind: str,
    scaled: bool = False,
) -> _Quantity:
    """``_Quantity(...)``, compiled: one direct store a field (see frozen.builder)."""
    quantity = _Quantity.__new__(_Quantity)
    quantity.start = start  # type: ignore[misc]
    quantity.end = end  # type: ignore[misc]
    quantity.value = value  # type: ignore[misc]
    quantity.unit = unit  # type: ignore[misc]
    quantity.kind = kind  # type: ignore[misc]
    quantity.scaled = scaled  # type: ignore[misc]
    return quantity


_new_quantity = builder(_Quantity, _quantity_stored)
_replace_quantity = replacer(_Quantity, _quantity_stored)


def _currency_of(surface: str, en: English) -> str | None:
    return en.currency_after.get(surface) or en.currency_after.get(surface.lower())


def _unit_after(
    text: str, position: int, p: _Patterns, en: English, currency: str | None
) -> tuple[str | None, int, float]:
    """The unit right after ``position`` (currency, subunit, percent, mass, time, fold), the
    position after it, and the factor a subunit applies ("50 cents": USD × 0.01)."""
    best: tuple[str | None, int, float] = (None, position, 1.0)
    for pattern in (p.currency_after, p.subunit, p.unit_long, p.unit_short):
        match = pattern.match(text, position)
        if not match or match.end() <= best[1]:
            continue
        surface = match.group(1)
        factor = 1.0
        if pattern is p.currency_after:
            unit = _currency_of(surface, en)
            if surface.lower() in ("won", "real", "rand") and currency is None:
                continue  # verbs and adjectives far more often than currencies
        elif pattern is p.subunit:
            unit, factor = en.subunits[surface.lower()]
            if currency is not None:
                unit = currency
        else:
            unit = en.units.get(surface) or en.units.get(surface.lower())
            if pattern is p.unit_short and surface in en.scales:
                continue
        best = (unit, match.end(), factor)
    unit, end, factor = best
    if unit == "pound" and (currency or p.money_context.search(text)):
        unit = en.pound_currency
    return unit, end, factor


def _compound_tail(
    text: str, end: int, value: float, scale: float, p: _Patterns, en: English
) -> tuple[float, int]:
    """ "4 thousand 3 hundred and 21": add the smaller groups that follow a scaled number."""
    while True:
        gap = p.gap.match(text, end)
        match = p.plain.match(text, gap.end()) if gap else None
        if gap is None or match is None or match.lastgroup != "digits":
            return value, end
        part = _digits_value(match)
        following = p.scale.match(text, match.end())
        smaller = following is not None and en.multipliers.get(following.group("scale"), 0) < scale
        if smaller and following is not None:
            value += part * en.scales[following.group("scale")]
            scale = en.scales[following.group("scale")]
            end = following.end()
            continue
        if following is not None or _unit_after(text, match.end(), p, en, None)[0] is not None:
            return value, end
        if "and" in gap.group() and part < min(scale, 100):
            return value + part, match.end()
        return value, end


def _quantity(text: str, core: _Core, p: _Patterns, en: English, currency: str | None) -> _Quantity:
    value, end, scaled = core.value, core.end, False
    if core.kind in ("number", "spelled"):
        scale = p.scale.match(text, end)
        if scale:
            word = scale.group("scale")
            guarded = word in en.guarded_scales
            ok = (
                not guarded
                or (
                    not scale.group("space")
                    and (
                        currency is not None
                        or word in ("k", "b")
                        or _unit_after(text, scale.end(), p, en, currency)[0] is not None
                    )
                )
                or (word == "k" and not text[scale.end() : scale.end() + 1].isalpha())
            )
            if core.kind == "spelled" and word in en.multipliers:
                ok = False  # already read inside the spelled number
            if ok:
                value *= en.scales[word]
                end, scaled = scale.end(), True
                if word in en.multipliers:
                    value, end = _compound_tail(text, end, value, en.scales[word], p, en)
    if core.unit is not None:
        # "three times", "two thirds" keep their own unit; a rank has no unit after it.
        return _new_quantity(core.start, end, value, core.unit, core.kind, scaled)
    unit, unit_end, factor = _unit_after(text, end, p, en, currency)
    if unit is not None:
        end = unit_end
        value *= factor
    if currency is not None and (unit is None or unit == currency):
        unit = currency
    return _new_quantity(core.start, end, value, unit, core.kind, scaled)


def extract_english(text: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every English numeric mention in ``text`` (one sentence), in reading order."""
    lexicon = lexicon or load_lexicon()
    en = lexicon.english
    p = _patterns(lexicon)
    lowered = _lowered(text)
    masks: Masks | None = None  # computed once a core needs them
    readings: list[Reading] = []
    cores = _core_scan(text, lowered, p)
    next(cores)
    position = 0
    while True:
        match = cores.send(position)
        if match is None:
            break
        asked = match.lastgroup == "digits"  # whether the masks were asked about the match
        if asked:
            # Most digits are years and dates: ask the masks before reading the value.
            if masks is None:
                masks = masked_spans(text, lexicon)
            if masks.covers(match.start(), match.end()):  # not *span(): a generic call
                position = max(match.end(), position + 1)
                continue
        core = _core(match, en)
        if core is None and match.lastgroup not in ("digits", "spelled"):
            # "8 in 5" is no "one in five": read what starts there as a plain number.
            match = p.plain.match(text, match.start()) or match
            core = _core(match, en) if match.lastgroup in ("digits", "spelled") else None
        position = max(match.end(), position + 1)
        if core is None:
            continue
        if masks is None:
            masks = masked_spans(text, lexicon)
        # A core read from digits spans its match: the masks' answer is known.
        if _skipped(text, core, masks, p, asked=asked):
            continue
        reading, position = _read(text, core, p, en, masks)
        readings.append(reading)
    if not readings:
        return []  # most sentences: nothing to coordinate, bound or convert
    readings = _bounded_ranges(text, _share_units(text, readings, p), p)
    mentions = [to_mention(r, text) for r in readings]
    return [m for m in mentions if m is not None]


def _lowered(text: str) -> str | None:
    """``text`` lower-cased, offset for offset, for the case-sensitive ``start`` scan; None
    where lower-casing is not how the IGNORECASE core compares characters."""
    lowered = text.lower()
    if len(lowered) != len(text) or (not text.isascii() and _FOLDS.search(text)):
        return None
    return lowered


def _next_core(text: str, lowered: str | None, position: int, p: _Patterns) -> re.Match[str] | None:
    """``p.core.search(text, position)``, found as ``_core_scan`` finds it."""
    cores = _core_scan(text, lowered, p)
    next(cores)
    return cores.send(position)


def _core_scan(
    text: str, lowered: str | None, p: _Patterns
) -> Generator[re.Match[str] | None, int, None]:
    """Sent a position, yields ``p.core.search(text, position)``; the core is tried only
    where a number can start: most of a sentence is words, and the core is slow to reject
    them one by one. A generator, as a sentence's numbers are searched one after the other:
    its word starts are found once, and the next digit is searched for again only once the
    position has passed it."""
    position = yield None
    if lowered is None:
        while True:
            position = yield p.core.search(text, position)
    words = _word_starts(lowered, p)
    count = len(words)
    index = 0
    size = len(lowered)
    beyond = size + 1
    # ASCII text's marks are its digits alone: found in its digit map by memchr.
    digits = digit_map(lowered) if lowered.isascii() else None
    searched_from, mark_at = beyond, beyond  # the first mark at or after searched_from
    run_end = -1  # where the run of digits at the mark ends (-1: a vulgar fraction there)
    while True:
        while True:
            if not searched_from <= position <= mark_at:
                if digits is not None:
                    found = digits.find(b"0", position)
                    if found < 0:
                        mark_at = beyond
                    else:
                        mark_at = found
                        run_end = digits.find(b" ", found)
                        if run_end < 0:
                            run_end = size
                else:
                    mark = p.start_marks.search(lowered, position)
                    if mark is None:
                        mark_at = beyond
                    else:
                        mark_at = mark.start()
                        run_end = mark.end() if lowered[mark_at].isdecimal() else -1
            searched_from = position
            digit = mark_at
            # A sign or point starts a number only right before a digit ("-3", ".5"): found
            # from the digit, as most points and dashes in text end sentences or join words.
            if position < digit < beyond and lowered[digit - 1] in _SIGNS:
                digit -= 1
            if index and words[index - 1] >= position:
                index = bisect_left(words, position)  # sent a position before the last
            while index < count and words[index] < position:
                index += 1
            at = min(digit, words[index] if index < count else beyond)
            if at == beyond:
                match = None
                break
            # ``start`` matches at every digit and vulgar fraction (its first branch): only
            # signs and words are put to it.
            if at == mark_at or p.start.match(lowered, at) is not None:
                if at == mark_at:
                    match = _digit_core(text, at, p, run_end)
                elif at == digit:
                    match = _digit_core(text, at, p)
                else:
                    match = p.core.match(text, at)
                if match is not None:
                    break
            position = at + 1
        position = yield match


def _core_at(text: str, at: int, p: _Patterns) -> re.Match[str] | None:
    """``p.core.match(text, at)``, trying only the digit branches where a digit starts."""
    char = text[at : at + 1]
    at_digit = char.isdecimal() or (char != "" and char in _DIGIT_STARTS)
    return _digit_core(text, at, p) if at_digit else p.core.match(text, at)


def _digit_core(text: str, at: int, p: _Patterns, run_end: int = -1) -> re.Match[str] | None:
    """``p.digit_core.match(text, at)``. Its branches before plain digits (rank, "one in",
    mixed and slashed fractions, "2 thirds", "2½") each need one of a few characters right
    after the run of digits at ``at``; after most numbers ("70%", "2023,", "[12]") none
    stands, and only the last branch is tried instead of all seven. Where one does (a space,
    "-", "."), ``digit_tail`` (one short match) tells whether any of them can follow.
    ``run_end``: where the run of digits at ``at`` ends, where the caller's search found it
    (-1: not known)."""
    if p.bare_digits is not None and p.digit_tail is not None:
        if run_end < 0:  # not known from the search that found the digit
            run = _DIGIT_RUN.match(text, at)  # \d* always matches
            run_end = run.end() if run is not None else at
        if run_end > at and (
            text[run_end : run_end + 1] not in _DIGIT_BRANCHES_NEXT
            or p.digit_tail.match(text, run_end) is None
        ):
            return p.bare_digits.match(text, at)
    return p.digit_core.match(text, at)


_DIGIT_RUN = re.compile(r"\d*")
# What the core's digit branches other than plain digits need right after a run of digits:
# whitespace (one in, mixed, fraction, slash, vulgar), "-" (fraction), "/" (slash), "."
# (mixed: "2.5 and a half"), a vulgar fraction, or the start of st/nd/rd/th (rank), in
# either case and as the long s, which case-insensitive matching takes for "s".
_DIGIT_BRANCHES_NEXT = frozenset(WHITESPACE + "-/." + _VULGAR + "snrtSNRT\u017f")


def _word_starts(lowered: str, p: _Patterns) -> list[int]:
    """Sorted offsets of ``lowered`` where one of the words ``p.start`` begins with occurs,
    with what its branch of ``start`` needs before it (most hits are inside other words:
    "ten" in "potential", "a " in "China ")."""
    starts = set()
    rules = p.start_words.values
    for index, start, end in p.start_words.find(lowered):
        rule = rules[index]
        if rule >= _AT_WORD:
            if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
                continue  # a word character before it, as ``\b`` counts them
            if rule == _ARTICLE and lowered[end : end + 1] not in p.article_next:
                continue  # "a plain": no number word follows
        elif rule == _AFTER_NON_LETTER and start and "a" <= lowered[start - 1] <= "z":
            continue
        starts.add(start)
    return sorted(starts)


# What ``start`` needs around a word (``_word_starts``), loosest first: nothing; no letter
# before it; a word boundary; a word boundary and, after "a " or "an ", what can follow.
_ANYWHERE, _AFTER_NON_LETTER, _AT_WORD, _ARTICLE = 0, 1, 2, 3
_SIGNS = "-+−."
_DIGIT_STARTS = _SIGNS + _VULGAR


def _automaton(words: dict[str, int]) -> WordSearch[int]:
    """A search for ``words``; a hit's value is the word's rule. A word that does not start
    with a word character is found anywhere: ``\b`` before it would ask for a word character
    before it instead."""
    return WordSearch(
        {
            word: _ANYWHERE
            if rule >= _AT_WORD and not (word[:1].isalnum() or word[:1] == "_")
            else rule
            for word, rule in words.items()
        }
    )


def _skipped(text: str, core: _Core, masks: Masks, p: _Patterns, *, asked: bool = False) -> bool:
    """Whether ``core`` is no claim; ``asked``: the masks already said they do not cover it."""
    if (
        not asked
        and core.kind in ("number", "spelled", "rank")
        and masks.covers(core.start, core.end)
    ):
        return True
    if core.kind != "spelled":
        return False
    if p.not_number.match(text, core.start):
        return True
    # "the one you mentioned", "which one": a pronoun
    is_one = text[core.start : core.end].lower() == "one"
    return is_one and bool(p.one_determiner.search(text, max(0, core.start - 12), core.start))


def _read(text: str, core: _Core, p: _Patterns, en: English, masks: Masks) -> tuple[Reading, int]:
    """The reading that starts at ``core`` and the position after it."""
    before = text[max(0, core.start - 60) : core.start]
    # Most numbers follow words that none of the patterns before a number can end with.
    quiet = not p.leads.possible(before)
    currency_match = None if quiet else p.currency_before.search(before)
    currency = en.currency_before[currency_match.group("cur")] if currency_match else None
    lead = before[: currency_match.start()] if currency_match else before
    start = core.start - (len(before) - len(lead))

    first = _quantity(text, core, p, en, currency)
    if (first.unit is not None and first.unit == _currency_of(first.unit, en)) or currency:
        first = _with_subunits(text, first, p, en)
    forced = core.kind if core.kind in ("share", "ratio", "rank") else None
    reading = new_reading(start, first.end, first.value, first.unit, measure=forced)

    opener = None if quiet else p.opener.search(lead)
    second = _range_end(
        text, first, opener.group("o").lower() if opener else None, p, en, masks, currency
    )
    if second is not None:
        first_value = first.value
        if second.scaled and not first.scaled and first.value < second.value:
            first_value *= second.value / _unscaled(second, text, p, en)
        unit = first.unit or second.unit
        low, high = sorted((first_value, second.value))
        reading = new_reading(start, second.end, (low + high) / 2, unit, "range", low, high)
        if opener is not None:
            lead = lead[: opener.start()]
            reading = replace_reading(reading, start=core.start - (len(before) - len(lead)))
    else:
        qualifier = None if quiet else p.qualifier_before.search(lead)
        if qualifier is not None:
            reading = replace_reading(
                reading,
                start=core.start - (len(before) - qualifier.start()),
                qualifier=en.qualifiers_before[qualifier.group("q").lower()],
            )
            lead = lead[: qualifier.start()]
        after = p.qualifier_after.match(text, reading.end)
        if after is not None and reading.qualifier in ("eq", "approx"):
            word = after.group("q").lower()
            if word != "+" or not text[after.end() : after.end() + 1].isdigit():
                reading = replace_reading(
                    reading, end=after.end(), qualifier=en.qualifiers_after[word]
                )
    negative = None if quiet else p.negative_before.search(lead)
    if negative is not None and reading.qualifier != "range":
        lead = lead[: negative.start()]
        reading = replace_reading(
            reading, start=core.start - (len(before) - negative.start()), value=-reading.value
        )
    reading = _change(text, reading, lead, p, en, quiet)
    if core.kind == "share":
        reading = _fraction_as_ratio(text, reading)
    return reading, reading.end


def _with_subunits(text: str, money: _Quantity, p: _Patterns, en: English) -> _Quantity:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
    tail = p.gap.match(text, money.end)
    if tail is None:
        return money
    match = p.plain.match(text, tail.end())
    if match is None:
        return money
    core = _core(match, en)
    sub = p.subunit.match(text, match.end())
    if core is None or sub is None:
        return money
    code, factor = en.subunits[sub.group("sub").lower()]
    if code != money.unit:
        return money
    return _replace_quantity(money, end=sub.end(), value=money.value + core.value * factor)


def _bounded_ranges(text: str, readings: list[Reading], p: _Patterns) -> list[Reading]:
    """ "more than 10 and less than 40", "at most 100 and at least 20": one interval."""
    merged: list[Reading] = []
    for reading in readings:
        previous = merged[-1] if merged else None
        if previous is not None and p.bound_joiner.fullmatch(text, previous.end, reading.start):
            bounds = {previous.qualifier[0], reading.qualifier[0]}
            same_unit = previous.unit == reading.unit or None in (previous.unit, reading.unit)
            if bounds == {"g", "l"} and same_unit and previous.sign == reading.sign == 1:
                lower, upper = (
                    (previous, reading) if previous.qualifier[0] == "g" else (reading, previous)
                )
                if lower.value < upper.value:
                    merged[-1] = new_reading(
                        previous.start,
                        reading.end,
                        (lower.value + upper.value) / 2,
                        previous.unit or reading.unit,
                        "range",
                        lower.value,
                        upper.value,
                        previous.measure or reading.measure,
                    )
                    continue
        merged.append(reading)
    return merged


def _unscaled(quantity: _Quantity, text: str, p: _Patterns, en: English) -> float:
    """The value of ``quantity`` before its scale word ("6 billion" → 6)."""
    match = _core_at(text, quantity.start, p)
    if match is None:
        return 1.0
    core = _core(match, en)
    return core.value if core is not None and core.value else 1.0


def _range_end(
    text: str,
    first: _Quantity,
    opener: str | None,
    p: _Patterns,
    en: English,
    masks: Masks,
    currency: str | None,
) -> _Quantity | None:
    """The second end of a range starting at ``first``, if the words make one."""
    if first.kind not in ("number", "spelled", "share") and first.unit != "percent":
        return None
    joiner = (p.and_joiner if opener == "between" else p.joiner).match(text, first.end)
    if joiner is None:
        return None
    if not opener and joiner.group().strip() in ("-", "–", "—"):
        # A hyphen joins a range only without spaces or with spaces on both sides.
        spaced = joiner.group()
        if spaced.startswith(" ") != spaced.endswith(" "):
            return None
    tail = text[joiner.end() :]
    tail_currency = p.currency_before.pattern.match(tail[:4].rstrip() + " ")
    offset = joiner.end()
    if tail_currency is not None and tail.startswith(tail_currency.group("cur")):
        offset += len(tail_currency.group("cur"))
        offset += len(text[offset:]) - len(text[offset:].lstrip(" "))
    match = _core_at(text, offset, p)
    if match is None or match.lastgroup not in ("digits", "spelled", "fraction"):
        return None
    core = _core(match, en)
    if core is None or masks.covers(core.start, core.end):
        return None
    if core.value < 0 and not opener:
        core = _replace_core(core, value=-core.value)
    second = _quantity(text, core, p, en, currency)
    if first.unit and second.unit and first.unit != second.unit:
        return None
    return second


def _change(
    text: str, reading: Reading, lead: str, p: _Patterns, en: English, quiet: bool = False
) -> Reading:
    """Sign and mark a percent or pp reading that a change verb or noun governs."""
    if reading.unit not in ("percent", "pp", "fold"):
        return reading
    # ``quiet``: no pattern before a number can match ``lead``
    verb = None if quiet else p.change_before.search(lead)
    noun_before = None if quiet else p.change_noun_before.search(lead)
    noun_after = p.change_noun_after.match(text, reading.end)
    direction = 0
    if verb is not None:
        direction = en.change_words[verb.group("w").lower()]
    elif noun_before is not None:
        direction = en.change_nouns[noun_before.group("w").lower()]
    elif noun_after is not None:
        direction = en.change_nouns[noun_after.group("w").lower()]
    if reading.unit == "pp":
        return replace_reading(reading, measure="change", sign=-1 if direction < 0 else 1)
    if direction == 0 or reading.unit == "fold":
        return reading
    return replace_reading(reading, measure="change", sign=direction)


# "of China's", "of that of the US": whose figure a fraction is taken of.
_OF_ANOTHERS = re.compile(r"\s+(?:of\s+(?:that\s+of\b|\S+['’]s?\b(?<=['’]s)|\S+’\b))")


def _fraction_as_ratio(text: str, reading: Reading) -> Reading:
    """ "one-tenth of China's": a fraction of another party's figure is a ratio."""
    if _OF_ANOTHERS.match(text, reading.end):
        return replace_reading(reading, value=reading.value / 100, unit="fold", measure="ratio")
    return reading


def _share_units(text: str, readings: list[Reading], p: _Patterns) -> list[Reading]:
    """ "5 and 6 kg", "20, 30 and 40%": a bare number coordinated with a measured one takes
    its unit (they stay two numbers, not a range). A comma alone does not coordinate; it
    continues a list that "and"/"or" closes."""
    shared = list(readings)
    inherited = False
    for index in range(len(shared) - 2, -1, -1):
        current, following = shared[index], shared[index + 1]
        gap = p.coordination.fullmatch(text, current.end, following.start)
        joined = gap is not None and (inherited or gap.group().strip(" ,") != "")
        inherited = False
        if (
            joined
            and current.unit is None
            and current.measure is None
            and current.qualifier != "range"
            and following.unit not in (None, "rank")
        ):
            shared[index] = current.with_unit(following.unit)
            inherited = True
    return shared
