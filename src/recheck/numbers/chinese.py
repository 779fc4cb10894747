"""Chinese numeric mentions, simplified and traditional: 24万吨, 百分之七十, 七成, 三分之一,
超90%, 30%至40%, 第二大, 3亿美元, 增长3个百分点, 一吨半, 九万四.

Traditional text is read on a simplified copy of the same length (OpenCC, character for
character where a phrase would change the length), so 萬/億/兩/點 are 万/亿/两/点 here and
every offset still points into the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from recheck.numbers.lexicon import Chinese, Lexicon, alternation, load_lexicon
from recheck.numbers.mention import Mention
from recheck.numbers.nonclaims import Masks, masked_spans
from recheck.numbers.reading import Reading, to_mention
from recheck.scripts import to_simplified

_DIGIT = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "参": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8,
    "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_DIGITS = "".join(_DIGIT)
_UNITS = "".join(_SMALL) + "".join(_BIG)
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A numeral run: digits and numerals mixed (3万4000, 二十万亿, 1,100.9亿, 20多万).
_RUN = (
    rf"(?:{_ARABIC}|[{_DIGITS}十拾])"
    rf"(?:{_ARABIC}|[{_DIGITS}{_UNITS}]|点(?=[{_DIGITS}])|[多余](?=[十百千万亿]))*"
)
_TOKEN = re.compile(rf"{_ARABIC}|[{_DIGITS}]+(?:点[{_DIGITS}]+)?|[{_UNITS}]")


def parse_chinese_number(raw: str) -> float | None:
    """The value of a numeral run: "二十万亿" → 2e13, "3万4000" → 34000, "九万四" → 94000,
    "一千二" → 1200, "一万零五" → 10005, "六点六" → 6.6, "二〇二五" → 2025."""
    text = raw.replace(",", "").replace("多", "").replace("余", "")
    tokens = _TOKEN.findall(text)
    if not tokens or "".join(tokens) != text:
        return None
    result = 0.0
    section = 0.0
    pending: float | None = None
    colloquial = False  # a lone numeral right after a unit: 九万四, 一千二
    last_unit = 0.0
    last_big = 0.0
    for token in tokens:
        if token in _SMALL:
            section += (1 if pending is None else pending) * _SMALL[token]
            pending, last_unit = None, _SMALL[token]
        elif token in _BIG:
            big = _BIG[token]
            section += pending or 0
            if section == 0 and result == 0:
                section = 1
            if last_big and big > last_big:
                result = (result + section) * big  # 万亿: the whole so far is multiplied
            else:
                result += section * big
            section, pending, last_unit, last_big = 0.0, None, big, big
        else:
            value = _literal(token)
            if value is None:
                return None
            colloquial = (
                last_unit > 0 and len(token) == 1 and token in _DIGIT and not token.startswith("零")
            )
            pending = value
    if pending is not None:
        section += pending * (last_unit / 10 if colloquial and last_unit >= 10 else 1)
    return result + section


def _literal(token: str) -> float | None:
    if token[0].isdigit():
        return float(token)
    whole, _, fraction = token.partition("点")
    digits = "".join(str(_DIGIT[c]) for c in whole)
    decimals = "".join(str(_DIGIT[c]) for c in fraction)
    return float(f"{digits}.{decimals}" if decimals else digits)


@dataclass(frozen=True, slots=True)
class _Patterns:
    core: re.Pattern[str]
    unit: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    change_before: re.Pattern[str]
    currency_before: re.Pattern[str]
    joiner: re.Pattern[str]
    rank_before: re.Pattern[str]
    not_number: re.Pattern[str]


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    zh = lexicon.chinese
    units = [*zh.units, *zh.currencies, *zh.classifiers]
    core = (
        rf"(?P<pct>百分之(?P<pct_num>{_RUN}))"
        rf"|(?P<permil>千分之(?P<pm_num>{_RUN}))"
        rf"|(?P<frac>(?P<den>{_RUN})分之(?P<fnum>{_RUN}))"
        rf"|(?P<cheng>(?<![\d.{_DIGITS}十])(?P<cheng_num>[{_DIGITS}十]|\d(?:\.\d)?)成"
        r"(?![为立功本员果就长交品熟绩份分型年效])"
        rf")|(?P<rank>第(?P<rank_num>{_RUN})(?P<rank_big>大)?)"
        rf"|(?P<sup>{alternation(zh.superlative_rank)})"
        rf"|(?P<half>{alternation(zh.halves)})"
        rf"|(?P<num>(?<![\d.])(?<!\d,){_RUN})"
    )
    return _Patterns(
        core=re.compile(core),
        unit=re.compile(rf"\s?(?P<unit>%|{alternation(units)})"),
        qualifier_before=re.compile(rf"(?P<q>{alternation(zh.qualifiers_before)})\s?$"),
        qualifier_after=re.compile(rf"(?P<q>{alternation(zh.qualifiers_after)})"),
        change_before=re.compile(rf"(?P<w>{alternation(zh.change_words)})\s?$"),
        currency_before=re.compile(rf"(?P<cur>{alternation(zh.currency_before)})\s?$"),
        joiner=re.compile(rf"\s*(?:{alternation(zh.range_joiners)})\s*"),
        rank_before=re.compile(
            rf"(?:{alternation(zh.rank_before)})(?:{alternation(zh.rank_scopes)})?$"
        ),
        not_number=re.compile(alternation(zh.not_numbers)),
    )


def extract_chinese(text: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every Chinese numeric mention in ``text`` (one sentence), in reading order."""
    if not any("\u3400" <= c <= "\u9fff" for c in text):
        return []
    lexicon = lexicon or load_lexicon()
    simplified = to_simplified(text)
    p = _patterns(lexicon)
    masks = masked_spans(simplified, lexicon)
    mentions: list[Mention] = []
    position = 0
    while True:
        match = p.core.search(simplified, position)
        if match is None:
            break
        position = max(match.end(), position + 1)
        reading = _read(simplified, match, p, lexicon.chinese, masks)
        if reading is None:
            continue
        position = max(position, reading.end)
        mention = to_mention(reading, text)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _value(raw: str) -> float | None:
    return parse_chinese_number(raw.rstrip(",.点"))


def _read(s: str, match: re.Match[str], p: _Patterns, zh: Chinese, masks: Masks) -> Reading | None:
    start, end = match.span()
    kind = match.lastgroup
    if kind == "num" and (masks.covers(start, end) or p.not_number.match(s, start)):
        return None
    reading = _core_reading(s, match, p, zh)
    if reading is None:
        return None
    return _context(s, reading, p, zh, masks)


def _core_reading(s: str, match: re.Match[str], p: _Patterns, zh: Chinese) -> Reading | None:
    start, end = match.span()
    kind = match.lastgroup
    if kind in ("pct", "permil"):
        raw = match.group("pct_num" if kind == "pct" else "pm_num")
        value = _value(raw)
        if value is None:
            return None
        end = match.start(kind + "_num" if kind == "pct" else "pm_num") + len(raw.rstrip(",.点"))
        percent = value if kind == "pct" else value / 10
        return Reading(start, end, percent, "percent", measure="share")
    if kind == "frac":
        numerator, denominator = _value(match.group("fnum")), _value(match.group("den"))
        if not numerator or not denominator:
            return None
        if s[max(0, start - 1) : start] == "的":  # 中国的十分之一: a fraction of another's
            return Reading(start, end, numerator / denominator, "fold", measure="ratio")
        return Reading(start, end, numerator / denominator * 100, "percent", measure="share")
    if kind == "cheng":
        raw = match.group("cheng_num")
        value = float(raw) if raw[0].isdigit() else _value(raw)
        return (
            None if value is None else Reading(start, end, value * 10, "percent", measure="share")
        )
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
        return Reading(start, end, value, "rank", measure="rank")
    if kind == "sup":
        return Reading(start, end, 1.0, "rank", measure="rank")
    if kind == "half":
        return Reading(start, end, 50.0, "percent", measure="share")
    raw = match.group("num").rstrip(",.点")
    value = _value(raw)
    if value is None:
        return None
    qualifier = "gt" if re.search(r"[多余](?=[十百千万亿])", raw) else "eq"
    return Reading(start, start + len(raw), value, None, qualifier)


def _unit(s: str, reading: Reading, p: _Patterns, zh: Chinese) -> Reading | None:
    """Attach the unit after a bare number; None when the number is no claim."""
    end = reading.end
    qualifier = reading.qualifier
    after = p.qualifier_after.match(s, end)
    if after is not None and after.group("q") in ("多", "余"):
        qualifier, end = "gt", after.end()
    unit_match = p.unit.match(s, end)
    raw = s[reading.start : reading.end]
    if unit_match is None:
        # A bare Arabic number counts; a bare Chinese numeral only when it is unmistakable.
        if raw[0].isdigit() or (len(raw) >= 2 and any(c in _UNITS for c in raw)):
            return replace(reading, qualifier=qualifier, end=end)
        return None
    surface = unit_match.group("unit")
    end = unit_match.end()
    value = reading.value
    if surface in zh.currencies:
        unit: str | None = zh.currencies[surface]
    elif surface in zh.units:
        unit = zh.units[surface]
        if s[end : end + 1] == "半":  # 一吨半, 一年半
            value, end = value + 0.5, end + 1
    else:  # a classifier: a count, but 一个/一项 is an article, not a claim
        if raw in ("一", "壹"):
            return None
        unit = None
    if unit == "year" and re.fullmatch(r"(?:19|20)\d\d", raw):
        return None  # 2025年 is a year (masks catch most; this is the fallback)
    return replace(reading, end=end, value=value, unit=unit, qualifier=qualifier)


def _context(s: str, reading: Reading, p: _Patterns, zh: Chinese, masks: Masks) -> Reading | None:
    if reading.unit is None:
        found = _unit(s, reading, p, zh)
        if found is None:
            return None
        reading = found
    elif reading.unit == "percent" and reading.measure == "share":
        pass
    lead_start = max(0, reading.start - 12)
    lead = s[lead_start : reading.start]
    currency = p.currency_before.search(lead)
    if currency is not None and reading.unit in (None, "CNY", "USD"):
        code = zh.currency_before[currency.group("cur")]
        reading = replace(reading, start=lead_start + currency.start(), unit=code)
        lead = lead[: currency.start()]
    # A range: 30%至40%, 8到10年, 3-5万吨, 百分之三十至百分之四十.
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
            Reading(reading.start, second.end, (low + high) / 2, unit, "range", low, high,
                    reading.measure),
            lead, lead_start, p, zh,
        )  # fmt: skip
    after = p.qualifier_after.match(s, reading.end)
    if after is not None and reading.qualifier == "eq":
        reading = replace(reading, end=after.end(), qualifier=zh.qualifiers_after[after.group("q")])
    return _qualified(s, reading, lead, lead_start, p, zh)


def _qualified(
    s: str, reading: Reading, lead: str, lead_start: int, p: _Patterns, zh: Chinese
) -> Reading:
    """Qualifier and direction of change from the words before the number."""
    qualifier = p.qualifier_before.search(lead)
    if qualifier is not None:
        q = zh.qualifiers_before[qualifier.group("q")]
        if q != "eq" and reading.qualifier in ("eq", "range"):
            if reading.qualifier == "eq":
                reading = replace(reading, qualifier=q)
            reading = replace(reading, start=lead_start + qualifier.start())
        lead = lead[: qualifier.start()]
    change = p.change_before.search(lead)
    if change is not None and reading.unit in ("percent", "pp"):
        sign = zh.change_words[change.group("w")]
        reading = replace(reading, measure="change", sign=sign)
    elif reading.unit == "pp":
        reading = replace(reading, measure="change")
    return reading


def _range_end(s: str, first: Reading, p: _Patterns, zh: Chinese, masks: Masks) -> Reading | None:
    if first.measure == "rank":
        return None
    joiner = p.joiner.match(s, first.end)
    if joiner is None:
        return None
    match = p.core.match(s, joiner.end())
    if match is None or match.lastgroup not in ("num", "pct", "cheng"):
        return None
    second = _core_reading(s, match, p, zh)
    if second is None or (masks.covers(second.start, second.end) and match.lastgroup == "num"):
        return None
    if second.unit is None:
        with_unit = _unit(s, second, p, zh)
        if with_unit is None:
            return None
        second = with_unit
    if first.unit and second.unit and first.unit != second.unit:
        return None
    return second
