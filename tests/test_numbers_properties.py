"""Property tests (hypothesis) for the number extractor: numbers written in the usual ways
parse back to themselves, and no input makes ``extract`` raise or break its own invariants.
"""

from __future__ import annotations

import math
import re
from contextlib import AbstractContextManager

import cn2an
import opencc
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.numbers import Mention, extract
from recheck.numbers.mention import QUALIFIERS

from . import limits

FAST = settings(max_examples=200, deadline=None)
CANONICAL_UNITS = {"percent", "pp", "t", "x", "rank", "1", "year"}
ISO_4217 = re.compile(r"[A-Z]{3}")

# Suffixes that keep the value as written: (suffix, canonical unit).
SUFFIXES = [("", "1"), ("%", "percent"), (" tonnes", "t")]
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}

_S2T = opencc.OpenCC("s2t")


def only_mention(text: str) -> Mention:
    """The single mention of ``text``, which must span all of it."""
    mentions = extract(text)
    assert len(mentions) == 1, (text, mentions)
    mention = mentions[0]
    assert (mention.start, mention.end) == (0, len(text)), (text, mention)
    return mention


def check_invariants(text: str, mentions: list[Mention]) -> None:
    """What every result of ``extract`` promises, whatever the input."""
    previous_end = 0
    for m in mentions:
        assert previous_end <= m.start < m.end <= len(text), (text, mentions)
        previous_end = m.end
        assert m.text == text[m.start : m.end], (text, m)
        assert math.isfinite(m.value), (text, m)
        assert m.unit in CANONICAL_UNITS or ISO_4217.fullmatch(m.unit), (text, m)
        assert m.qualifier in QUALIFIERS, (text, m)
        if m.qualifier in ("eq", "approx", "nearly"):
            assert m.low == m.high == m.value, (text, m)
        for bound in (m.low, m.high):
            assert bound is None or math.isfinite(bound), (text, m)
        if m.qualifier == "range":
            assert m.low is not None and m.high is not None, (text, m)
            assert m.low <= m.value <= m.high, (text, m)


# --- Arabic numerals ---------------------------------------------------------------------

# Below 10**12: twelve significant digits survive any unit conversion exactly.
integers = st.integers(min_value=0, max_value=10**12 - 1)


def grouped(n: int, style: str) -> str:
    if style == "plain":
        return str(n)
    commas = f"{n:,}"
    return commas if style == "comma" else commas.replace(",", " ")


@FAST
@given(integers, st.sampled_from(["plain", "comma", "space"]))
def test_bare_integer_parses_back(n: int, style: str) -> None:
    if 1000 <= n <= 2100:  # a bare four-digit number in this range may be a year
        n += 2101
    mention = only_mention(grouped(n, style))
    assert (mention.value, mention.unit, mention.qualifier) == (n, "1", "eq")


@FAST
@given(integers, st.sampled_from(["plain", "comma", "space"]), st.sampled_from(SUFFIXES[1:]))
def test_integer_with_unit_parses_back(n: int, style: str, suffix: tuple[str, str]) -> None:
    written, unit = suffix
    mention = only_mention(grouped(n, style) + written)
    assert (mention.value, mention.unit, mention.qualifier) == (n, unit, "eq")


@FAST
@given(
    st.integers(min_value=0, max_value=10**8 - 1),  # with four decimals: twelve digits
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    st.booleans(),
    st.sampled_from(SUFFIXES),
)
def test_decimal_parses_back(
    whole: int, fraction: str, commas: bool, suffix: tuple[str, str]
) -> None:
    written, unit = suffix
    text = f"{whole:,}.{fraction}" if commas else f"{whole}.{fraction}"
    mention = only_mention(text + written)
    assert mention.unit == unit
    assert math.isclose(mention.value, float(f"{whole}.{fraction}"), rel_tol=1e-12)


@FAST
@given(
    st.integers(min_value=1, max_value=999),
    st.from_regex(r"(\.[0-9]{1,2})?", fullmatch=True),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(["", " tonnes", "$"]),
)
def test_scale_words_multiply(whole: int, fraction: str, scale: str, unit: str) -> None:
    number = f"{whole}{fraction} {scale}"
    text = f"${number}" if unit == "$" else number + unit
    mention = only_mention(text)
    expected_unit = {"": "1", " tonnes": "t", "$": "USD"}[unit]
    assert mention.unit == expected_unit, (text, mention)
    expected = float(f"{whole}{fraction}") * SCALES[scale]
    assert math.isclose(mention.value, expected, rel_tol=1e-9), (text, mention)


# --- Chinese numerals --------------------------------------------------------------------

# Values keep twelve significant digits (recheck.numbers.units.tidy), as for Arabic numerals.
chinese_integers = st.integers(min_value=1, max_value=10**12 - 1)
# A bare Chinese numeral is a mention only when unmistakable: two characters or more, one of
# them a unit (十一, 二十, 一万); 一, 九, 十 alone are words ("一些", "十分").
bare_chinese_integers = st.integers(min_value=11, max_value=10**12 - 1)


def liang(simplified: str) -> str:
    """The colloquial 两 for 二 before 百, 千, 万 and 亿 ("两万", "一万两千")."""
    return re.sub("二(?=[百千万亿])", "两", simplified)


@FAST
@given(bare_chinese_integers)
def test_chinese_simplified_parses_back(n: int) -> None:
    text = cn2an.an2cn(n)  # e.g. 1234 → 一千二百三十四, 2 * 10**11 → 二千亿
    mention = only_mention(text)
    assert (mention.value, mention.unit) == (n, "1"), (text, mention)


@FAST
@given(bare_chinese_integers, st.booleans())
def test_chinese_traditional_parses_back(n: int, colloquial: bool) -> None:
    simplified = cn2an.an2cn(n)
    text = _S2T.convert(liang(simplified) if colloquial else simplified)  # 兩萬, 二十萬億
    mention = only_mention(text)
    assert (mention.value, mention.unit) == (n, "1"), (text, mention)


@FAST
@given(chinese_integers)
def test_chinese_with_tonnes(n: int) -> None:
    text = cn2an.an2cn(n) + "吨"
    mention = only_mention(text)
    assert (mention.value, mention.unit) == (n, "t"), (text, mention)


@FAST
@given(
    st.integers(min_value=1, max_value=9999),
    st.from_regex(r"(\.[0-9]{1,2})?", fullmatch=True),
    st.sampled_from([("万", 1e4), ("亿", 1e8), ("萬", 1e4), ("億", 1e8), ("万亿", 1e12)]),
)
def test_arabic_with_chinese_scale(whole: int, fraction: str, scale: tuple[str, float]) -> None:
    word, factor = scale
    text = f"{whole}{fraction}{word}"  # 4.5万 → 45000
    mention = only_mention(text)
    assert mention.unit == "1", (text, mention)
    assert math.isclose(mention.value, float(f"{whole}{fraction}") * factor, rel_tol=1e-9)


@FAST
@given(
    st.integers(min_value=1, max_value=9999),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["wan", "yi"]),
)
def test_arabic_mixed_chinese_scales(high: int, low: int, form: str) -> None:
    if form == "wan":  # 3万4000 → 34000; the tail is a full four-digit group
        low = max(low, 1000)
        text, expected = f"{high}万{low}", high * 10**4 + low
    else:  # 3亿4000万 → 340000000
        text, expected = f"{high}亿{low}万", high * 10**8 + low * 10**4
    mention = only_mention(text)
    assert (mention.value, mention.unit) == (expected, "1"), (text, mention)


# --- Robustness --------------------------------------------------------------------------

NUMBERISH = [
    *"0123456789",
    "1234567890",
    "99999999999999999999",
    ",",
    ".",
    "%",
    "％",
    " ",
    "\n",
    "-",
    "–",
    "~",
    "to",
    "至",
    "万",
    "亿",
    "萬",
    "億",
    "千",
    "百",
    "十",
    "零",
    "〇",
    "一",
    "二",
    "两",
    "兩",
    "三",
    "九",
    "点",
    "成",
    "倍",
    "吨",
    "美元",
    "第",
    "大",
    "分之",
    "百分之",
    "个百分点",
    "约",
    "近",
    "超",
    "以上",
    "左右",
    "不到",
    "over ",
    "about ",
    "nearly ",
    "at least ",
    "up to ",
    "between ",
    " and ",
    "million",
    "billion",
    "bn",
    "thousand",
    " tonnes",
    " tons",
    " kg",
    " percent",
    " percentage points",
    "-fold",
    "second-largest",
    "one in ",
    "five",
    "half",
    "$",
    "US$",
    "¥",
    "€",
    "2023",
    "years",
    "months",
    "稀土",
    "中国",
    "rare earths",
    "[1]",
]
numberish_text = st.one_of(
    st.lists(st.sampled_from(NUMBERISH), max_size=30).map("".join),
    st.text(alphabet=st.sampled_from([t for t in NUMBERISH if len(t) == 1]), max_size=60),
)


TIME_LIMIT = 1.0  # seconds for one short string; a normal call takes milliseconds
extract("warm-up: 1.5万吨, 30%")  # load the lexicon and compile the patterns before timing


def time_limit(text: str) -> AbstractContextManager[None]:
    """Fail instead of hanging when ``extract`` backtracks catastrophically."""
    return limits.time_limit(TIME_LIMIT, f"extract on {text!r}")


@FAST
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    with time_limit(text):
        mentions = extract(text)
    check_invariants(text, mentions)


@FAST
@given(numberish_text)
@example("1e999 tonnes")  # overflowed float conversion (once an OverflowError)
@example("a 1.5 x 10^999 rise and 9^999")
@example("7" * 400)  # past the largest float: no quantity
@example("一" + "兆" * 40 + "吨")
def test_numberish_text_never_raises(text: str) -> None:
    with time_limit(text):
        mentions = extract(text)
    check_invariants(text, mentions)
