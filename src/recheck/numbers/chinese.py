"""Chinese numeric mentions, simplified and traditional: 24万吨, 百分之七十, 七成, 三分之一,
超90%, 30%至40%, 第二大, 3亿美元, 增长3个百分点, 一吨半, 九万四.

Traditional text is read on a simplified copy of the same length (OpenCC, character for
character where a phrase would change the length), so 萬/億/兩/點 are 万/亿/两/点 here and
every offset still points into the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from recheck.numbers.lexicon import Chinese, Lexicon, alternation, load_lexicon
from recheck.numbers.mention import Mention
from recheck.numbers.nonclaims import Masks, masked_spans
from recheck.numbers.reading import Reading, new_reading, to_mention
from recheck.scripts import to_simplified

_DIGIT = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "参": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
    "捌": 8, "九": 9, "玖": 9, "俩": 2,
}  # fmt: skip
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}
_DIGITS = "".join(_DIGIT)
_UNITS = "".join(_SMALL) + "".join(_BIG)
# Financial forms that are ordinary words on their own: 登陆部队, 拾起, 队伍, 参加.
_WORDLIKE = frozenset("陆拾伍参肆叁柒捌玖贰壹")
_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"  # 1,100.9; not 20,1000 (two numbers)
_TOKEN = re.compile(rf"{_ARABIC}|[{_DIGITS}]+|[{_UNITS}]")
_SPACE = re.compile(r"[ \t\u00a0\u3000]+")
_HAN = re.compile("[\u3400-\u9fff]")
_MORE_THAN = re.compile(r"[多余几](?=[十拾百佰千仟万亿])|几$")  # 20多万, 十几万, 几十
_DECIMAL_OR_FRACTION = re.compile(rf"点[{_DIGITS}]|分之")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PLAIN_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# Reading(...) for every number, without the frozen __init__'s call a field (recheck.frozen).
_reading = new_reading


def _run(mega_after: str) -> str:
    """A numeral run: digits and numerals mixed (3万4000, 二十万亿, 1,100.9亿, 20多万, 十几万,
    两千三点一, 百三). 兆 counts as 10^12 except before a unit it prefixes as mega (兆瓦);
    百 before 分 ends the run unless 分之 follows (七十百分位 is 七十, 三百分之一 is 1/300).
    Digits never split into two tokens, so a failed match cannot backtrack through them."""
    mega = rf"(?!{mega_after})" if mega_after else ""
    # Atomic: nothing that may follow a run (分之, 又, 大, a unit) can start inside one, so
    # giving characters back never helps, and on a long run it would cost quadratic time.
    return (
        rf"(?>(?:{_ARABIC}|[{_DIGITS}十拾]|(?<![千百万亿仟佰])[百佰千仟](?=[{_DIGITS}万亿]))"
        rf"(?:(?<![\d,.]){_ARABIC}|[{_DIGITS}十拾千仟万亿]|[百佰](?!分(?!之))|兆{mega}"
        rf"|点(?=[{_DIGITS}])|[多余几](?=[十拾百佰千仟万亿])|(?<=[十拾百佰千仟万亿])几)*)"
    )


def parse_chinese_number(raw: str) -> float | None:
    """The value of a numeral run: "二十万亿" → 2e13, "3万4000" → 34000, "九万四" → 94000,
    "一千二" → 1200, "一万零五" → 10005, "六点六" → 6.6, "二〇二五" → 2025, "四万万" → 4e8,
    "一万零十二" → 10012, "两千万点五" → 20000000.5, "负三十二" → -32. None when the run is
    no single number: "二三十" (twenty or thirty) is an estimate, not 230."""
    text = _SPACE.sub("", raw).replace(",", "")
    sign = 1.0
    if text.startswith("负"):
        sign, text = -1.0, text[1:]
    text = text.replace("多", "").replace("余", "").replace("几", "")
    whole, point, rest = text.partition("点")
    if not point:
        value = _integer(text)
        return None if value is None else sign * value
    decimals = re.fullmatch(rf"([{_DIGITS}]+)([万亿兆]*)", rest)
    base = _integer(whole) if whole else None
    if decimals is None or base is None:
        return None
    fraction = float("0." + "".join(str(_DIGIT[c]) for c in decimals.group(1)))
    value = base + fraction
    for big in decimals.group(2):
        value *= _BIG[big]
    return sign * value


def _integer(text: str) -> float | None:
    tokens = _TOKEN.findall(text)
    if not tokens or "".join(tokens) != text:
        return None
    result = 0.0
    section = 0.0
    pending: float | None = None
    colloquial = False  # a lone numeral right after a unit: 九万四, 一千二
    last_unit = 0.0
    last_big = 0.0
    after_big = False
    for token in tokens:
        if token in _SMALL:
            section += (pending or 1) * _SMALL[token]  # 零十 and 十 are ten
            pending, last_unit, after_big = None, float(_SMALL[token]), False
        elif token in _BIG:
            big = float(_BIG[token])
            if after_big and section == 0 and pending is None:
                result *= big  # 万万, 万亿: the whole so far is multiplied
            else:
                section += pending or 0
                if section == 0 and result == 0:
                    section = 1.0
                if last_big and big > last_big:
                    result = (result + section) * big
                else:
                    result += section * big
            section, pending, last_unit, last_big, after_big = 0.0, None, big, big, True
        else:
            chinese = not token[0].isdigit()
            if chinese and 1 < len(token) < 4 and not any(c in "零〇" for c in token):
                return None  # 二三十, 两三, 三四万: an estimate between two numbers
            value = _literal(token)
            colloquial = last_unit > 0 and len(token) == 1 and chinese and token != "零"
            pending, after_big = value, False
    if pending is not None:
        section += pending * (last_unit / 10 if colloquial and last_unit >= 10 else 1)
    return result + section


def _literal(token: str) -> float:
    if token[0].isdigit():
        return float(token)
    return float("".join(str(_DIGIT[c]) for c in token))


def _estimate(raw: str) -> tuple[float, float] | None:
    """二三十 → (20, 30), 两三 → (2, 3), 三五万 → (3万, 5万), 十七八 → (17, 18): two
    neighbouring numerals that give an estimate between two numbers."""
    for i in range(len(raw) - 1):
        a, b = raw[i], raw[i + 1]
        if a in _DIGIT and b in _DIGIT and 0 < _DIGIT[b] - _DIGIT[a] <= 2 and _DIGIT[a]:
            low = parse_chinese_number(raw[:i] + a + raw[i + 2 :])
            high = parse_chinese_number(raw[:i] + b + raw[i + 2 :])
            if low is not None and high is not None and low < high:
                return low, high
            return None
    return None


@dataclass(frozen=True, slots=True)
class _Patterns:
    core: re.Pattern[str]
    # Every character a core match can start with: one class, which the regex engine skips
    # to at C speed, where the core itself would try each of its branches at every place.
    first: re.Pattern[str]
    unit: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    change_before: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency_tail: re.Pattern[str]
    joiner: re.Pattern[str]
    between_joiner: re.Pattern[str]
    between_closer: re.Pattern[str]
    comparison_before: re.Pattern[str]
    comparative: re.Pattern[str]
    bound_gap: re.Pattern[str]
    negative_before: re.Pattern[str]
    rank_before: re.Pattern[str]
    not_number: re.Pattern[str]
    # Gates: characters without which a context pattern cannot match, tested (a set lookup)
    # before the regex call, which costs several times as much and fails for most numbers.
    # ``*_starts``: the first characters of the words a ``match`` at a number's end needs;
    # ``*_ends``: the last characters of the words a search anchored at the end of the text
    # before a number needs, which lie in its last three characters (see _may_end_in).
    after_starts: frozenset[str]
    joiner_starts: frozenset[str]
    comparative_starts: frozenset[str]
    currency_ends: frozenset[str]
    qualifier_ends: frozenset[str]
    change_ends: frozenset[str]
    sign_chars: frozenset[str]  # every character of the negative signs


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    zh = lexicon.chinese
    run = _run(alternation(zh.mega_after))
    # 万分之三, 百万分之五: a denominator that is a power of ten. It starts where a run of
    # those characters starts, and is possessive: tried again inside a long run of 万, it
    # would read to the end of the run from every position (quadratic).
    powers = "(?<![十拾百佰千仟万亿])[十拾百佰千仟万亿]++"
    units = [*zh.units, *zh.currencies, *zh.currency_subunits, *zh.classifiers]
    core = (
        rf"(?P<pct>百分之(?P<pct_num>{run}|百(?![{_DIGITS}十])))"
        rf"|(?P<permil>[千仟]分之(?P<pm_num>{run}))"
        rf"|(?P<mixed>(?P<whole>{run})又(?P<mden>{run}|{powers})分之(?P<mnum>{run}))"
        rf"|(?P<frac>(?P<den>{run}|{powers})分之(?P<fnum>(?:负)?{run}))"
        r"|(?P<slash>(?<![\d./])(?P<snum>\d{1,4})/(?P<sden>\d{1,4})(?![\d/]|\.\d))"
        rf"|(?P<cheng>(?<![\d.{_DIGITS}十])"
        rf"(?P<cheng_num>10|十|\d(?:\.\d+)?|[{_DIGITS}](?:点[{_DIGITS}])?|半)成"
        rf"(?P<cheng_tail>半|[{_DIGITS}](?![{_DIGITS}{_UNITS}成]))?"
        r"(?![为立功本员果就长交品熟绩份分型年效])"
        rf")|(?P<rank>第(?P<rank_num>{run})(?P<rank_big>大)?)"
        rf"|(?P<sup>{alternation(zh.superlative_rank)})"
        rf"|(?P<half>{alternation(zh.halves)})"
        rf"|(?P<num>(?<![\d.])(?:(?<!\d,)|(?!\d{{3}}(?!\d))){run})"
    )
    fillers = rf"(?:{alternation(zh.qualifier_fillers)})?" if zh.qualifier_fillers else ""
    tails = alternation(zh.currency_tail_subunits)
    return _Patterns(
        core=re.compile(core),
        first=re.compile(
            "["
            + re.escape(
                f"{_DIGITS}十拾百佰千仟万亿半第"
                + "".join({w[0] for w in (*zh.superlative_rank, *zh.halves) if w})
            )
            + r"\d]"
        ),
        unit=re.compile(rf"\s?(?P<unit>%|{alternation(units)})"),
        qualifier_before=re.compile(rf"(?P<q>{alternation(zh.qualifiers_before)}){fillers}\s?$"),
        qualifier_after=re.compile(rf"(?P<q>{alternation(zh.qualifiers_after)})"),
        change_before=re.compile(rf"(?P<w>{alternation(zh.change_words)})\s?$"),
        currency_before=re.compile(rf"(?P<cur>{alternation(zh.currency_before)})\s?$"),
        currency_tail=re.compile(rf"又?(?P<n>{run})(?P<sub>{tails})" if tails else r"(?!)"),
        joiner=re.compile(rf"\s*(?:{alternation(zh.range_joiners)})\s*"),
        between_joiner=re.compile(rf"(?:{alternation(zh.between_joiners) or '(?!)'})"),
        between_closer=re.compile(rf"(?:{alternation(zh.between_closers) or '(?!)'})"),
        comparison_before=re.compile(
            rf"(?<![\d{_DIGITS}{_UNITS}])(?:{alternation(zh.comparison_before) or '(?!)'})$"
        ),
        comparative=re.compile(rf"(?P<c>{alternation(zh.comparatives) or '(?!)'})"),
        bound_gap=re.compile(rf"\s*(?:{alternation(zh.bound_connectors) or '(?!)'})?\s*"),
        negative_before=re.compile(rf"(?:{alternation(zh.negative_signs) or '(?!)'})$"),
        rank_before=re.compile(
            rf"(?:{alternation(zh.rank_before)})(?:{alternation(zh.rank_scopes)})?$"
        ),
        not_number=re.compile(alternation(zh.not_numbers)),
        after_starts=_firsts(zh.qualifiers_after),
        joiner_starts=_firsts([*zh.range_joiners, *zh.between_joiners]),
        comparative_starts=_firsts(zh.comparatives),
        currency_ends=_lasts(zh.currency_before),
        qualifier_ends=_lasts([*zh.qualifiers_before, *zh.qualifier_fillers]),
        change_ends=_lasts(zh.change_words),
        sign_chars=frozenset("".join(_words(zh.negative_signs))),
    )


def _words(words: Iterable[str]) -> list[str]:
    listed = list(words)
    if "" in listed:  # it would match anywhere: no character could gate it
        raise ValueError("an empty word in the Chinese lexicon")
    return listed


def _firsts(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word[0] for word in _words(words))


def _lasts(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word[-1] for word in _words(words))


def _may_end_in(lead: str, ends: frozenset[str]) -> bool:
    """False only if no search of ``word\\s?$`` (a word whose last character is in ``ends``)
    can match ``lead``: ``$`` matches at its end or before a final newline, and ``\\s?`` takes
    one character more, so the word's last character is one of ``lead``'s last three."""
    return not ends.isdisjoint(lead[-3:])


def _compact(text: str) -> tuple[str, list[int] | None]:
    """``text`` without the spaces that sit next to a Chinese character (一 百 五 十 个 百 分 点,
    7 万5 千, 大于 或 等于), and for each kept character its offset in ``text``. Spaces between
    two digits stay: 1 234 is two numbers."""
    if not _SPACE.search(text):
        return text, None
    kept: list[str] = []
    index: list[int] = []
    position = 0
    for match in _SPACE.finditer(text):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not _joins(before, after) and not _joins(after, before):
            continue
        kept.append(text[position : match.start()])
        index.extend(range(position, match.start()))
        position = match.end()
    kept.append(text[position:])
    index.extend(range(position, len(text)))
    return "".join(kept), index


def _is_han(c: str) -> bool:
    return bool(c) and ("\u3400" <= c <= "\u9fff" or c == "〇")


def _joins(han: str, other: str) -> bool:
    """Whether a space between ``han`` and ``other`` is typesetting, not a separator: both are
    Chinese or one is a digit or letter, but not a digit beside a Chinese digit (667.123 五点八
    are two numbers; 7 万 is one)."""
    if not _is_han(han) or not (_is_han(other) or other.isalnum()):
        return False
    return not (other.isdigit() and han in _DIGIT)


def _may_hold_han(text: str) -> bool:
    """Whether ``text`` holds a Han character. isascii() is O(1) (str keeps the flag): most
    sentences are ASCII, and the search would scan each of them to the end."""
    return not text.isascii() and _HAN.search(text) is not None


def extract_chinese(text: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every Chinese numeric mention in ``text`` (one sentence), in reading order."""
    if not _may_hold_han(text):
        return []
    lexicon = lexicon or load_lexicon()
    return _extract(text, lexicon, _patterns(lexicon))


def _extract(text: str, lexicon: Lexicon, p: _Patterns) -> list[Mention]:
    """``extract_chinese`` with the patterns ``p`` (a test gives them with gates open)."""
    simplified, index = _compact(to_simplified(text))
    masks = masked_spans(simplified, lexicon)
    readings: list[Reading] = []
    position = 0
    while True:
        match = _next_core(simplified, position, p)
        if match is None:
            break
        position = max(match.end(), position + 1)
        reading = _read(simplified, match, p, lexicon.chinese, masks)
        if reading is None:
            continue
        position = max(position, reading.end)
        readings.append(reading)
    mentions: list[Mention] = []
    for reading in _join_bounds(simplified, readings, p):
        if index is not None:
            reading = _reading(index[reading.start], index[reading.end - 1] + 1, reading.value,
                               reading.unit, reading.qualifier, reading.low, reading.high,
                               reading.measure, reading.sign)  # fmt: skip
        mention = to_mention(reading, text)
        if mention is not None:
            mentions.append(mention)
    return mentions


_LOWER = ("gt", "ge")
_UPPER = ("lt", "le")
_BOUNDS = frozenset((*_LOWER, *_UPPER))


def _join_bounds(s: str, readings: list[Reading], p: _Patterns) -> list[Reading]:
    """A lower and an upper bound side by side are one range: 大于10小于20, 最多100最少20,
    1000以上，1500以下. Bounds that leave no room (大于50小于12) stay apart."""
    # A pair needs two bounds (_bounds_pair): most readings are none, and most sentences have
    # fewer than two, which then stand as they are without a test of each neighbour.
    if sum(1 for reading in readings if reading.qualifier in _BOUNDS) < 2:
        return readings
    joined: list[Reading] = []
    i = 0
    while i < len(readings):
        first = readings[i]
        second = readings[i + 1] if i + 1 < len(readings) else None
        if (
            second is not None
            and first.qualifier in _BOUNDS
            and second.qualifier in _BOUNDS
            and _bounds_pair(s, first, second, p)
        ):
            low, high = sorted((first.value, second.value))
            joined.append(
                _reading(first.start, second.end, (low + high) / 2, first.unit, "range",
                         low, high, first.measure)
            )  # fmt: skip
            i += 2
            continue
        joined.append(first)
        i += 1
    return joined


def _bounds_pair(s: str, first: Reading, second: Reading, p: _Patterns) -> bool:
    pair = (first.qualifier, second.qualifier)
    lower, upper = (first, second) if pair[0] in _LOWER else (second, first)
    if not ((pair[0] in _LOWER and pair[1] in _UPPER) or (pair[0] in _UPPER and pair[1] in _LOWER)):
        return False
    if first.unit != second.unit or first.measure != second.measure:
        return False
    if first.sign != 1 or second.sign != 1 or lower.value >= upper.value:
        return False
    gap = p.bound_gap.fullmatch(s, first.end, second.start)
    return gap is not None


def _value(raw: str) -> float | None:
    text = raw.rstrip(",.点")
    # Most numbers in Chinese news are written in ASCII digits (80%, 3亿, 2025年): their value
    # is float's, without the numeral tokenizer of parse_chinese_number.
    if _PLAIN_DECIMAL.fullmatch(text):
        return float(text)
    return parse_chinese_number(text)


def _next_core(s: str, position: int, p: _Patterns) -> re.Match[str] | None:
    """``p.core.search(s, position)``, started at the first character a core can start with."""
    first = p.first.search(s, position)
    return None if first is None else p.core.search(s, first.start())


def _read(s: str, match: re.Match[str], p: _Patterns, zh: Chinese, masks: Masks) -> Reading | None:
    start, end = match.span()
    kind = match.lastgroup
    # The one-regex not_number test first: covers may search the sentence for every mask.
    if kind in ("num", "mixed", "slash") and (
        p.not_number.match(s, start) or masks.covers(start, end)
    ):
        return None
    if kind == "num" and end - start == 1 and s[start] in _WORDLIKE:
        return None
    reading = _core_reading(s, match, p, zh)
    if reading is None:
        return None
    return _context(s, reading, p, zh, masks)


def _core_reading(s: str, match: re.Match[str], p: _Patterns, zh: Chinese) -> Reading | None:
    start, end = match.span()
    kind = match.lastgroup
    if kind in ("pct", "permil"):
        group = "pct_num" if kind == "pct" else "pm_num"
        raw = match.group(group)
        value = 100.0 if raw == "百" else _value(raw)
        digits = raw.rstrip(",.点")
        end = match.start(group) + len(digits)
        scale = 1 if kind == "pct" else 0.1
        if value is None:
            bounds = _estimate(digits)
            if bounds is None:
                return None
            low, high = bounds[0] * scale, bounds[1] * scale
            return _reading(start, end, (low + high) / 2, "percent", "range", low, high, "share")
        return _reading(start, end, value * scale, "percent", "eq", None, None, "share")
    if kind == "mixed":  # 三又三分之一: a whole number and a fraction
        whole, numerator = _value(match.group("whole")), _value(match.group("mnum"))
        denominator = _value(match.group("mden"))
        if whole is None or numerator is None or not denominator:
            return None
        return _reading(start, end, whole + numerator / denominator)
    if kind == "frac":
        numerator, denominator = _value(match.group("fnum")), _value(match.group("den"))
        if not numerator or not denominator:
            return None
        if s[max(0, start - 1) : start] == "的":  # 中国的十分之一: a fraction of another's
            return _reading(start, end, numerator / denominator, "fold", "eq", None, None, "ratio")
        return _reading(
            start, end, numerator / denominator * 100, "percent", "eq", None, None, "share"
        )
    if kind == "cheng":
        raw = match.group("cheng_num")
        value = 0.5 if raw == "半" else float(raw) if raw[0].isdigit() else _value(raw)
        if value is None or value > 10:
            return None
        tail = match.group("cheng_tail")
        extra = 0.0 if tail is None else 5.0 if tail == "半" else float(_DIGIT[tail])
        if extra and value != int(value):
            return None  # 八点五成六 is no number
        return _reading(start, end, value * 10 + extra, "percent", "eq", None, None, "share")
    if kind == "rank":
        value = _value(match.group("rank_num"))
        ranked = match.group("rank_big") is not None or bool(
            p.rank_before.search(s, max(0, start - 8), start)
        )
        after = s[end : end + 1]
        if value is None or not ranked or (match.group("rank_big") is None and after in "大"):
            return None
        if match.group("rank_big") is None and after in ("位", "名") and after:
            end += 1
        return _reading(start, end, value, "rank", "eq", None, None, "rank")
    if kind == "sup":
        return _reading(start, end, 1.0, "rank", "eq", None, None, "rank")
    if kind == "half":
        return _reading(start, end, 50.0, "percent", "eq", None, None, "share")
    if kind == "slash":  # 1/3 as 三分之一; 16/5 is a plain number
        numerator, denominator = float(match.group("snum")), float(match.group("sden"))
        if not numerator or not denominator:
            return None
        if numerator >= denominator:
            return _reading(start, end, numerator / denominator)
        return _reading(
            start, end, numerator / denominator * 100, "percent", "eq", None, None, "share"
        )
    raw = match.group("num").rstrip(",.点")
    value = _value(raw)
    if value is None:
        bounds = _estimate(raw)
        if bounds is None:
            return None
        low, high = bounds
        return _reading(start, start + len(raw), (low + high) / 2, None, "range", low, high)
    qualifier = "gt" if _MORE_THAN.search(raw) else "eq"
    return _reading(start, start + len(raw), value, None, qualifier)


def _unmistakable(raw: str) -> bool:
    """A bare number that needs no unit to be one: digits, 一百五十, 二点五, 三又三分之一."""
    return (
        raw[0].isdigit()
        or (len(raw) >= 2 and any(c in _UNITS for c in raw))
        or _DECIMAL_OR_FRACTION.search(raw) is not None
    )


def _unit(
    s: str, reading: Reading, p: _Patterns, zh: Chinese, lenient: bool = False
) -> Reading | None:
    """Attach the unit after a bare number; None when the number is no claim. ``lenient``
    lets a bare numeral through (一到五个: the range makes it one)."""
    # Here and in _context, _negative, _compared and _qualified a direct _reading(...) stands
    # in for dataclasses.replace, which looks the fields up on every call and costs several
    # times as much on this path, run for nearly every number.
    end = reading.end
    qualifier = reading.qualifier
    if s[end : end + 1] in p.after_starts:
        after = p.qualifier_after.match(s, end)
        if after is not None and after.group("q") in ("多", "余"):
            qualifier, end = "gt", after.end()
    unit_match = p.unit.match(s, end)
    raw = s[reading.start : reading.end]
    if unit_match is None:
        # A bare Arabic number counts; a bare Chinese numeral only when it is unmistakable.
        if lenient or _unmistakable(raw):
            return _reading(reading.start, end, reading.value, reading.unit, qualifier,
                            reading.low, reading.high, reading.measure, reading.sign)  # fmt: skip
        return None
    surface = unit_match.group("unit")
    end = unit_match.end()
    value = reading.value
    if surface in zh.currencies:
        unit: str | None = zh.currencies[surface]
        tail = p.currency_tail.match(s, end)  # 五元三角, 两美元又三美分
        if tail is not None and zh.currency_tail_subunits[tail.group("sub")][0] == unit:
            cents = _value(tail.group("n"))
            if cents is not None:
                value += cents * zh.currency_tail_subunits[tail.group("sub")][1]
                end = tail.end()
    elif surface in zh.currency_subunits:
        unit, factor = zh.currency_subunits[surface]
        value *= factor
        if reading.low is not None and reading.high is not None:  # 二三十美分
            reading = _reading(reading.start, reading.end, reading.value, reading.unit,
                               reading.qualifier, reading.low * factor, reading.high * factor,
                               reading.measure, reading.sign)  # fmt: skip
    elif surface in zh.units:
        unit = zh.units[surface]
        if s[end : end + 1] == "半":  # 一吨半, 一年半
            value, end = value + 0.5, end + 1
    else:  # a classifier: a count, but 一个/一项 is an article, not a claim
        if raw in ("一", "壹"):
            return None
        unit = None
    if unit == "year" and _YEAR.fullmatch(raw):
        return None  # 2025年 is a year (masks catch most; this is the fallback)
    return _reading(reading.start, end, value, unit, qualifier, reading.low, reading.high,
                    reading.measure, reading.sign)  # fmt: skip


def _negative(s: str, reading: Reading, p: _Patterns, zh: Chinese) -> Reading:
    """负3.9%, 负三十二: a minus sign before the number (not 身负三处伤)."""
    window = max(0, reading.start - 2)
    if p.sign_chars.isdisjoint(s[window : reading.start]):
        return reading  # the search below looks no further back
    sign = p.negative_before.search(s, window, reading.start)
    if sign is None or reading.value <= 0:
        return reading
    before = sign.start()
    last = s[before - 1 : before] if before else ""
    if last and ((last.isalnum() and not _is_han(last)) or last in _DIGITS + _UNITS):
        return reading  # 3-5万吨, 三-五: a range, not a sign
    # endswith within s, not on a copy of all that comes before the sign
    if any(s.endswith(w, 0, before) for w in zh.negative_not_after):
        return reading
    return _reading(sign.start(), reading.end, -reading.value, reading.unit, reading.qualifier,
                    reading.low, reading.high, reading.measure, reading.sign)  # fmt: skip


def _context(s: str, reading: Reading, p: _Patterns, zh: Chinese, masks: Masks) -> Reading | None:
    provisional = False
    if reading.unit is None:
        found = _unit(s, reading, p, zh)
        if found is None:
            found, provisional = _unit(s, reading, p, zh, lenient=True), True
            if found is None:
                return None
        reading = found
    reading = _negative(s, reading, p, zh)
    lead_start = max(0, reading.start - 12)
    lead = s[lead_start : reading.start]
    currency = p.currency_before.search(lead) if _may_end_in(lead, p.currency_ends) else None
    if currency is not None:
        code = zh.currency_before[currency.group("cur")]
        if reading.unit in (None, code):  # 人民币100亿元; not 人民币 5美元
            reading = _reading(lead_start + currency.start(), reading.end, reading.value, code,
                               reading.qualifier, reading.low, reading.high, reading.measure,
                               reading.sign)  # fmt: skip
            lead = lead[: currency.start()]
    # A range: 30%至40%, 8到10年, 3-5万吨, 百分之三十至百分之四十, 20和30之间.
    second = _range_end(s, reading, p, zh, masks)
    if second is not None:
        low_value = reading.value
        raw_first = s[reading.start : reading.end]
        trailing_big = re.search(r"[万亿]$", s[second.start : second.end].rstrip("%吨元"))
        if trailing_big and not re.search(r"[万亿]", raw_first) and low_value < second.value:
            low_value *= _BIG[trailing_big.group()]
        unit = reading.unit or second.unit
        low, high = sorted((low_value, second.value))
        return _qualified(
            s,
            _reading(reading.start, second.end, (low + high) / 2, unit, "range", low, high,
                     reading.measure),
            lead, lead_start, p, zh,
        )  # fmt: skip
    after = (
        p.qualifier_after.match(s, reading.end)
        if reading.qualifier == "eq" and s[reading.end : reading.end + 1] in p.after_starts
        else None
    )
    if after is not None:
        word = after.group("q")
        q = zh.qualifiers_after[word]
        if provisional and (len(word) < 2 or (q not in _LOWER and q not in _UPPER)):
            return None  # 一以上 is a bound; 一多 is no number
        reading = _reading(reading.start, after.end(), reading.value, reading.unit, q,
                           reading.low, reading.high, reading.measure, reading.sign)  # fmt: skip
        provisional = False
    compared = _compared(s, reading, p, zh)
    if compared is not None:
        reading, lead = compared, s[lead_start : compared.start]
        provisional = False
    if provisional:
        return None
    return _qualified(s, reading, lead, lead_start, p, zh)


def _compared(s: str, reading: Reading, p: _Patterns, zh: Chinese) -> Reading | None:
    """比30大 (more than 30), 比 170 低 (less than 170): the number as a comparison's base."""
    if reading.qualifier != "eq" or s[reading.end : reading.end + 1] not in p.comparative_starts:
        return None
    word = p.comparative.match(s, reading.end)
    if word is None:
        return None
    base = p.comparison_before.search(s, max(0, reading.start - 3), reading.start)
    if base is None:
        return None
    q = zh.comparatives[word.group("c")]
    return _reading(base.start(), word.end(), reading.value, reading.unit, q, reading.low,
                    reading.high, reading.measure, reading.sign)  # fmt: skip


def _qualified(
    s: str, reading: Reading, lead: str, lead_start: int, p: _Patterns, zh: Chinese
) -> Reading:
    """Qualifier and direction of change from the words before the number."""
    qualifier = p.qualifier_before.search(lead) if _may_end_in(lead, p.qualifier_ends) else None
    if qualifier is not None:
        q = zh.qualifiers_before[qualifier.group("q")]
        if q != "eq" and reading.qualifier in ("eq", "range"):
            reading = _reading(lead_start + qualifier.start(), reading.end, reading.value,
                               reading.unit, q if reading.qualifier == "eq" else reading.qualifier,
                               reading.low, reading.high, reading.measure,
                               reading.sign)  # fmt: skip
        lead = lead[: qualifier.start()]
    change = None
    if reading.unit in ("percent", "pp") and _may_end_in(lead, p.change_ends):
        change = p.change_before.search(lead)
    if change is not None:
        sign = zh.change_words[change.group("w")]
        reading = _reading(reading.start, reading.end, reading.value, reading.unit,
                           reading.qualifier, reading.low, reading.high, "change",
                           sign)  # fmt: skip
    elif reading.unit == "pp":
        reading = _reading(reading.start, reading.end, reading.value, reading.unit,
                           reading.qualifier, reading.low, reading.high, "change",
                           reading.sign)  # fmt: skip
    return reading


def _range_end(s: str, first: Reading, p: _Patterns, zh: Chinese, masks: Masks) -> Reading | None:
    if first.measure == "rank":
        return None
    between = False
    after = s[first.end : first.end + 1]
    if after not in p.joiner_starts and not after.isspace():
        return None  # no joiner, perhaps after spaces, nor between-joiner starts here
    joiner = p.joiner.match(s, first.end)
    if joiner is None:
        joiner, between = p.between_joiner.match(s, first.end), True
        if joiner is None:
            return None
    match = p.core.match(s, joiner.end())
    if match is None or match.lastgroup not in ("num", "pct", "cheng"):
        return None
    second = _core_reading(s, match, p, zh)
    if second is None or (masks.covers(second.start, second.end) and match.lastgroup == "num"):
        return None
    if second.unit is None:
        with_unit = _unit(s, second, p, zh, lenient=True)
        if with_unit is None:
            return None
        lone = not _unmistakable(s[second.start : second.end]) and with_unit.end == second.end
        if lone and not between and not p.between_closer.match(s, second.end):
            return None  # 一到五: a lone second numeral needs a unit or 之间
        second = with_unit
    second = _negative(s, second, p, zh)
    if first.unit and second.unit and first.unit != second.unit:
        return None
    closer = p.between_closer.match(s, second.end)
    if closer is not None:
        second = _reading(second.start, closer.end(), second.value, second.unit,
                          second.qualifier, second.low, second.high, second.measure,
                          second.sign)  # fmt: skip
    elif between:
        return None
    return second
