"""The shortcuts of the English scan find what the plain searches find: ``prefix_alternation``,
the ``start`` pre-scan before the core, and ``_Ending`` for the words before a number."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.numbers import _without_overlaps
from recheck.numbers.chinese import _next_core as _chinese_next_core
from recheck.numbers.chinese import _patterns as _chinese_patterns
from recheck.numbers.english import (
    _ASCII_FOLDS,
    WHITESPACE,
    _core_at,
    _core_scan,
    _lowered,
    _next_core,
    _patterns,
)
from recheck.numbers.lexicon import load_lexicon, prefix_alternation
from recheck.numbers.mention import Mention
from recheck.numbers.nonclaims import Masks, digit_map, masked_spans
from recheck.numbers.nonclaims import _patterns as _masks
from recheck.numbers.reading import Reading, to_mention

from .limits import time_limit

FAST = settings(max_examples=300, deadline=None)

# Fragments that start, continue or almost make a number, and the letters that fold oddly.
FRAGMENTS = [
    "one", "Twenty", "-five", " and a half", "second", "nanosecond", "-largest", " largest",
    "the ", "world's ", "No.", "number ", "ranked", "a ", "an ", "eighth", "quarter", "thirds",
    "dozen", "million", "half ", "twice", "THRICE", "½", "2", "1,500", ".5", "-3", "−4", "/",
    "3rd", " in ", " out of ", "of ", " ", "-", "x", "ſecond", "\u212a", "İ", "ı", "中", "’s ",
    "about ", "more than ", "The ", "rose by ", "minus ", "between ", "from ", "c $", "US$",
    "approx. ", "≥ ", "~", "increase of ", "nearly ", "\t", "\u2003", "\n", "a\u3000",
    "potential", "China ", "_", "é", "٣", "+", ". ", "--", "x1", "ranked", "Q", "tenth",
    "than ", "OVER ", "moreover ", "Rs. ", "fell ", "<= ", "han ", "by ", "upwards of ",
    "而美國", "µ", "σ", "ς", "Σ", "ǅ", "€", "JP¥", "¥", "expansion of ", "loss of ",
]  # fmt: skip
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


def test_prefix_alternation_matches_where_a_word_starts() -> None:
    pattern = re.compile(prefix_alternation(["four", "fourteen", "five", "a.b"]))
    assert pattern.match("fourteenth")
    assert pattern.match("fiver")
    assert pattern.match("a.b")
    assert not pattern.match("fo")
    assert not pattern.match("axb")
    assert [m.start() for m in pattern.finditer("x four, five")] == [2, 8]
    assert not re.search(prefix_alternation([]), "anything")


def test_the_letters_folding_onto_ascii_are_known() -> None:
    """``_ASCII_FOLDS`` is every character outside ASCII that case-insensitive matching
    takes for an ASCII letter: the word endings' test and the lower-cased scan rely on it."""
    letter = re.compile("[A-Za-z]", re.IGNORECASE)
    found = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    assert found == set(_ASCII_FOLDS)


def test_the_digit_map_marks_the_start_marks_of_ascii_text() -> None:
    """In ASCII text the core scan finds its marks, and the end of their digit runs, in the
    digit map: b"0" exactly where ``start_marks`` starts a match, b" " where its run ends."""
    p = _patterns(load_lexicon())
    every = "".join(map(chr, range(128)))
    mapped = digit_map(every)
    assert len(mapped) == len(every)
    for at, char in enumerate(every):
        assert (mapped[at : at + 1] == b"0") == bool(p.start_marks.match(char)), char
        assert mapped[at : at + 1] in (b"0", b" ")
    text = "In 2023, 70% of 1 5 and 12345x"
    runs = [m.span() for m in p.start_marks.finditer(text)]
    mapped = digit_map(text)
    found, at = [], mapped.find(b"0")
    while at >= 0:
        end = mapped.find(b" ", at)
        end = len(text) if end < 0 else end
        found.append((at, end))
        at = mapped.find(b"0", end)
    assert found == runs


def test_whitespace_is_what_the_regex_engine_calls_whitespace() -> None:
    space = re.compile(r"\s")
    every = "".join(chr(code) for code in range(0x110000) if space.match(chr(code)))
    assert every == WHITESPACE


def assert_scan_finds_the_core_search(text: str) -> None:
    """From every position, the start scan finds what the core's own search finds: the same
    span and branch (the scan tries fewer branches where a digit starts)."""
    p = _patterns(load_lexicon())
    lowered = _lowered(text)
    for position in range(len(text) + 1):
        found = _next_core(text, lowered, position, p)
        expected = p.core.search(text, position)
        assert (found and (found.span(), found.lastgroup)) == (
            expected and (expected.span(), expected.lastgroup)
        ), (text, position)


@FAST
@given(texts)
# Runs of several digits before what the other digit branches need (the scan passes on
# where the run ends): "12 thirds", "10th", "25 in 100", "31½", "12/25", "٣٤ thirds".
@example("12 thirds, 10th, 25 in 100, 31½ and 12/25 or ٣٤ thirds, ½12")
def test_start_scan_finds_the_core_search(text: str) -> None:
    assert_scan_finds_the_core_search(text)


@FAST
@given(texts, st.lists(st.integers(0, 80), max_size=12))
@example("a 5 and -3 then 12.5 and .5", [0, 0, 3, 2, 9, 9, 30, 1])
def test_one_scan_sent_positions_in_any_order_finds_the_core_search(
    text: str, positions: list[int]
) -> None:
    # A sentence's scan is sent one position after another (mostly forward, as numbers are
    # read): what it remembers between them must not change what it finds.
    p = _patterns(load_lexicon())
    cores = _core_scan(text, _lowered(text), p)
    next(cores)
    for position in [*positions, *sorted(positions)]:
        position = min(position, len(text))
        found = cores.send(position)
        expected = p.core.search(text, position)
        assert (found and (found.span(), found.lastgroup)) == (
            expected and (expected.span(), expected.lastgroup)
        ), (text, position)


@FAST
@given(texts)
@example("2.5 and a half, 3rd largest, 2ſt largest, 1 in 5, 2 thirds, 2-thirds, 2 1/4, 2½")
@example("7TH largest, 1ST largest, 70%, [12], 2023, 1,500 and 1e5")
@example("2\u2003thirds, 1\tin 5, 3\u3000½")
# What ``digit_tail`` lets through to the other digit branches, and what it turns away.
@example("2 /3, 12 - thirds, 3.5 million and a half, 7 out of 9, 4 in, 5 ins, 6 -fifths")
@example("44 million tons, Group 1 - The, 0.1% of, 2025-10-13, 3.5 and a half, 10 1/2")
def test_core_at_a_place_is_the_core_match(text: str) -> None:
    p = _patterns(load_lexicon())
    for at in range(len(text) + 1):
        found, expected = _core_at(text, at, p), p.core.match(text, at)
        assert (found and (found.span(), found.lastgroup)) == (
            expected and (expected.span(), expected.lastgroup)
        ), (text, at)


@pytest.mark.parametrize(
    "text",
    [
        *("中No. 2", "é number 3", "_one", "٣one", "x-5", "a.5", "1.5", "—−4", "中one"),
        *("Q3 ranked 2nd", "nearly two thirds", "(a dozen)", "1 in 5", "2 out of 3 people"),
        *("3 and a half", "2 thirds", "3rd largest", "-4/5", "2½", "a ½", "2 million and a third"),
        *("a  million", "a\tdozen", "an eighth", "a plain one", "a \u2003third", "a", "an "),
    ],
)
def test_start_scan_finds_the_core_search_next_to_non_letters(text: str) -> None:
    assert_scan_finds_the_core_search(text)


@FAST
@given(texts)
@example("it exceedſ ")  # the long s matches "s" (exceeds)
@example("rose by the ")
@example("美國µ ")
def test_endings_find_the_plain_search(text: str) -> None:
    p = _patterns(load_lexicon())
    for ending in (
        p.currency_before,
        p.qualifier_before,
        p.change_before,
        p.change_noun_before,
        p.negative_before,
        p.opener,
    ):
        for cut in range(len(text) + 1):
            lead = text[:cut]
            found, expected = ending.search(lead), ending.pattern.search(lead)
            assert (found and found.span()) == (expected and expected.span()), (lead, ending)
            # the one test for all of them lets through every lead one of them matches
            assert expected is None or p.leads.possible(lead), (lead, ending)


MASK_FRAGMENTS = [
    "2025", "1990s", "12", "3", ":", "：", "-", "/", ".", " ", "am", "P.M.", "October", "Oct.",
    "21st", " of ", "Section ", "No.", "F", "G7", "COVID", "www.", "WWW.", "https://", "a@b.c",
    "年", "月", "日", "点", "時", "十二", "第", "号", "(", ")", "、", "[", "]", "5G", "e5", "x",
    "–", "Sept", "mid-", "A.M", "@", "1-222-333-4444", "F-35", "ab", "-19", "12:30", "2.13 ",
    "+", "٣", "\u3000",
]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(MASK_FRAGMENTS), max_size=12).map("".join))
@example("XF-35 and COVID-19, G7")
@example("A-B3, AB-CD-3, COVID19A2 and x-1; $F5 9G7 F-35F-35")  # names tried at their needs
@example("at 12:30 pm")  # each mask's first match decides where its search starts
@example("at 123:45")
@example("2.13 am")
@example("+1-222-333-4444")
@example("10/21/2025 and 2025-10-21, 2012-13")
@example("12.5G")
@example("on 21st of October and 3 Oct, 12点30分")
def test_masks_searched_from_their_needs_find_all_their_matches(text: str) -> None:
    # Masks searches a mask from where its needs first match, less the ``rewind`` run: the
    # spans must be those of a search from the start.
    masks = _masks(load_lexicon())
    for mask in masks:
        expected = mask.spans(text)
        found = Masks(text, masks)._search(mask)
        assert (list(zip(*found, strict=True)) if found else []) == expected, (text, mask)


@FAST
@given(st.lists(st.sampled_from(MASK_FRAGMENTS), max_size=12).map("".join))
def test_masks_are_searched_wherever_they_can_match(text: str) -> None:
    for mask in _masks(load_lexicon()):
        if not any(mask.spans(text)):
            continue
        if mask.needs is not None:
            assert mask.needs.search(text), (text, mask.pattern.pattern)
        if mask.clues:
            haystack = text.lower() if mask.ignore_case else text
            assert any(clue in haystack for clue in mask.clues), (text, mask.pattern.pattern)


@FAST
@given(st.lists(st.sampled_from(MASK_FRAGMENTS), max_size=12).map("".join))
@example("123:45:67")  # the look-behind fails at "23", then holds at "45"
@example("12025-10-21 2025-10-21")
@example("XOctober 21 October 21")
def test_a_split_mask_finds_what_its_look_behind_form_finds(text: str) -> None:
    # ``before`` is kept out of the pattern for speed only: the spans must be those of the
    # pattern written with its look-behind in front.
    for mask in _masks(load_lexicon()):
        if mask.before is None:
            continue
        whole = re.compile(mask.before.pattern + mask.pattern.pattern, mask.pattern.flags)
        expected = [m.span() for m in whole.finditer(text) if m.end() > m.start()]
        assert list(mask.spans(text)) == expected, (text, whole.pattern)


def _greedy_reference(candidates: list[Mention]) -> list[Mention]:
    """The plain quadratic form of the rule: longest first, then earlier; skip overlaps."""
    taken: list[Mention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: (m.start, m.end))


@FAST
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=25))
def test_overlaps_are_resolved_as_by_one_greedy_pass(spans: list[tuple[int, int]]) -> None:
    candidates = [
        Mention(start, start + length, "x", 1.0, "1", "eq", 1.0, 1.0, "count")
        for start, length in spans
    ]
    assert _without_overlaps(candidates) == _greedy_reference(candidates)


# Every pattern that is searched across a whole sentence (not matched at one place): each
# must take time linear in the text on long runs of what it matches. A pattern that retries a
# long run from every position inside it is quadratic, and a 1 MB line then never ends.
HOSTILE_RUNS = {
    "digits": "1", "comma chain": "1,", "spaced digits": "1 ", "dot chain": "1.",
    "letters": "a", "capitals": "A", "words": "a ", "ten": "ten ", "the": "the ",
    "over": "over ", "万": "万", "一": "一", "百分之": "百分之", "dollars": "$", "dashes": "-",
    "3万4000": "3万4000 ", "at": "a@", "slashes": "1/",
}  # fmt: skip
RUN_LENGTH = 40_000  # characters: quadratic takes seconds here, linear milliseconds


def _scanned_patterns() -> list[tuple[str, re.Pattern[str]]]:
    from recheck.numbers.chinese import _patterns as chinese_patterns

    lexicon = load_lexicon()
    english, chinese = _patterns(lexicon), chinese_patterns(lexicon)
    found = [("english core", english.core), ("english start", english.start)]
    found.append(("chinese core", chinese.core))
    for index, mask in enumerate(_masks(lexicon)):
        found.append((f"mask {index}", mask.pattern))
        if mask.needs is not None:
            found.append((f"mask {index} needs", mask.needs))
    return found


@pytest.mark.parametrize("run", list(HOSTILE_RUNS))
def test_sentence_wide_patterns_are_linear_on_long_runs(run: str) -> None:
    text = (HOSTILE_RUNS[run] * RUN_LENGTH)[:RUN_LENGTH]
    for name, pattern in _scanned_patterns():
        with time_limit(2.0, f"{name} on a run of {run!r}"):
            for _ in pattern.finditer(text):
                pass


@FAST
@given(
    st.lists(st.sampled_from(MASK_FRAGMENTS), max_size=12).map("".join),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), min_size=1, max_size=6),
)
@example("at 12:30 now", [(6, 2)])  # a clock time's minutes
@example("in 2012-13 it", [(8, 2)])  # a fiscal year's second part
def test_masks_searched_lazily_cover_what_all_masks_cover(
    text: str, queries: list[tuple[int, int]]
) -> None:
    # Masks are searched one at a time until one covers; the answer must be that of the
    # union of every mask's spans, whatever was asked before.
    masks = _masks(load_lexicon())
    union = [span for mask in masks for span in mask.spans(text)]
    lazy = Masks(text, masks)
    for start, length in queries:
        end = start + length
        expected = any(s < end and start < e for s, e in union)
        assert lazy.covers(start, end) == expected, (text, start, end)
        assert Masks(text, masks).covers(start, end) == expected
        # as the extractors ask: without the masks that cannot match ASCII text, on such text
        assert masked_spans(text, load_lexicon()).covers(start, end) == expected


CHINESE_FRAGMENTS = [
    "百分之", "七十", "三", "分之", "一", "又", "万", "亿", "十", "拾", "百", "千", "仟", "零",
    "〇", "两", "点", "五", "多", "几", "成", "第", "大", "全球最大", "一半", "半数", "半", "吨",
    "年", "月", "2025", "3", ",", ".", "/", "4", "约", "超过", "以上", "的", "中国", " ", "负",
    "%", "个百分点", "倍", "美元", "٣",
]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(CHINESE_FRAGMENTS), max_size=12).map("".join))
def test_chinese_core_scan_finds_the_core_search(text: str) -> None:
    p = _chinese_patterns(load_lexicon())
    for position in range(len(text) + 1):
        found = _chinese_next_core(text, position, p)
        expected = p.core.search(text, position)
        assert (found and found.span()) == (expected and expected.span()), (text, position)


AFTER_FRAGMENTS = [
    "5", " ", "-", "\u2003", "tons", "Tonnes", "kg", "dollars", "USD", "yuan", "euros", "won",
    "ſ", "\u212a", "%", "per cent", "t", "x", "of", ".", "2", "million", "中", "元", "cents",
    "ilograms", "terling", "€", " -", "cent", "Pence", "bn", "Mt", "B", "k", "thousand", "mil",
    "lbs", "oz",
]  # fmt: skip


@FAST
@given(st.lists(st.sampled_from(AFTER_FRAGMENTS), max_size=8).map("".join))
@example("5-cent, 3 Pence, 2bn and 4 Mt")
def test_patterns_after_a_number_match_as_their_regex(text: str) -> None:
    p = _patterns(load_lexicon())
    for after in (p.currency_after, p.unit_long, p.unit_short, p.subunit, p.scale):
        for position in range(len(text) + 1):
            found, expected = after.match(text, position), after.pattern.match(text, position)
            assert (found and found.span()) == (expected and expected.span()), (text, position)


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [(math.inf, None, None), (math.nan, None, None), (5.0, 1.0, math.inf), (5.0, -math.inf, 9.0)],
)
def test_a_reading_that_is_not_finite_is_no_mention(
    value: float, low: float | None, high: float | None
) -> None:
    qualifier = "eq" if low is None else "range"
    assert to_mention(Reading(0, 3, value, None, qualifier, low, high), "abc") is None
    assert to_mention(
        Reading(0, 3, 5.0, None, qualifier, 1.0 if low else None, 9.0 if low else None), "abc"
    )
