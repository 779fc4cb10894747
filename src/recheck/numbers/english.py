"""English numeric mentions: digits, spelled numbers, fractions, ranks, multiples, ranges.

The scanner finds a number's core (``1,500``, ``forty-two``, ``two thirds``,
``second-largest``), then reads outwards: scale word and unit to the right, currency mark,
qualifier and direction of change to the left, and a second core joined by "to", "-" or
"between … and" for a range. Every word list comes from ``lexicon.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from recheck.numbers.lexicon import English, Lexicon, alternation, load_lexicon
from recheck.numbers.mention import Mention
from recheck.numbers.nonclaims import Masks, masked_spans
from recheck.numbers.reading import Reading, to_mention

# Digits: 1,500,000 · 816 000 · 2.5 · 1.5e6 · 1.5 x 10^6 (the sign is read separately).
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?: \d{3})+(?![\d,]|\.\d)|\d+)(?:\.\d+)?"
    r"|\.\d+"
)
_SCI = r"(?:[eE](?P<exp>[-+]?\d{1,3})(?![\w])|\s?[x×]\s?10\^?(?P<exp10>[-+]?\d{1,3}))"


@dataclass(frozen=True, slots=True)
class _Patterns:
    core: re.Pattern[str]
    scale: re.Pattern[str]
    unit_long: re.Pattern[str]
    unit_short: re.Pattern[str]
    currency_after: re.Pattern[str]
    currency_before: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    change_before: re.Pattern[str]
    change_noun_after: re.Pattern[str]
    change_noun_before: re.Pattern[str]
    joiner: re.Pattern[str]
    and_joiner: re.Pattern[str]
    opener: re.Pattern[str]
    money_context: re.Pattern[str]
    not_number: re.Pattern[str]
    coordination: re.Pattern[str]


@cache
def _patterns(lexicon: Lexicon) -> _Patterns:
    en = lexicon.english
    words = alternation(en.number_words)
    word_seq = rf"(?:{words})(?:(?:[\s-]+|\s+and\s+)(?:{words}))*"
    multipliers = alternation([*en.multipliers, "dozen"])
    numerators = alternation([w for w, v in en.number_words.items() if 0 < v < 100] + ["a"])
    denominators = alternation(en.denominators)
    ordinals = alternation(en.ordinals)
    superlatives = alternation(en.superlatives)
    markers = alternation(en.rank_markers_before)
    core = (
        # rank: "second-largest", "3rd largest", "No. 2", "the world's largest"
        rf"(?P<rank>(?P<ord>{ordinals}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+(?:{superlatives})\b)"
        rf"|(?P<marker>(?<![A-Za-z])(?:{markers})\s*"
        rf"(?P<markval>\d{{1,2}}(?:st|nd|rd|th)?|{ordinals}|{words})\b)"
        rf"|(?P<the_sup>(?<!one of the )(?<=the )(?:world'?s\s+)?(?:largest|biggest)\b"
        rf"|(?<=['’]s )(?:largest|biggest)\b)"
        # "one in five"
        rf"|(?P<one_in>\b(?P<in_num>one|\d+)\s+(?:in|out of)\s+(?:every\s+)?"
        rf"(?P<in_den>\d+|{words})\b)"
        # "half a dozen", "one and a half", "two thirds", "a quarter", "half of"
        r"|(?P<half_dozen>\bhalf\s+a\s+dozen\b)"
        rf"|(?P<and_half>\b(?P<whole>{words}|\d+)\s+and\s+a\s+half\b)"
        rf"|(?P<fraction>\b(?P<num>{numerators}|\d+)[\s-]+(?P<den>{denominators})\b)"
        r"|(?P<half>\bhalf\b(?=\s+(?:of|the|its|their|all|that)\b))"
        r"|(?P<twice>\b(?:twice|thrice)\b)"
        # digits, with an optional sign that is not a hyphen between words
        rf"|(?P<digits>(?P<mantissa>(?:(?<![\w.,])[-+−](?=\d))?(?<!\d)(?<!\d,)(?:{_DIGITS})){_SCI}?)"
        rf"|(?P<spelled>\b(?:a\s+(?={multipliers}\b))?{word_seq}\b)"
    )
    units_long = [u for u in en.units if u not in en.short_units]
    q_before = alternation(en.qualifiers_before)
    q_after = alternation(en.qualifiers_after)
    return _Patterns(
        core=re.compile(core, re.IGNORECASE),
        scale=re.compile(rf"(?P<space>\s?)(?P<scale>{alternation(en.scales)})(?![A-Za-z])"),
        unit_long=re.compile(rf"(?:\s?|-)(?P<unit>{alternation(units_long)})(?![A-Za-z])", re.I),
        unit_short=re.compile(rf"\s?(?P<unit>{alternation(en.short_units)})(?![A-Za-z\d])"),
        currency_after=re.compile(
            rf"\s?(?P<cur>{alternation(en.currency_after)})(?![A-Za-z])", re.IGNORECASE
        ),
        currency_before=re.compile(rf"(?P<cur>{alternation(en.currency_before)})\s?$"),
        qualifier_before=re.compile(
            rf"(?<![A-Za-z])(?P<q>{q_before})\s+(?:a\s+|an\s+|the\s+)?$", re.IGNORECASE
        ),
        qualifier_after=re.compile(rf"(?:\s|-)?(?P<q>{q_after})(?![A-Za-z])", re.IGNORECASE),
        change_before=re.compile(
            rf"\b(?P<w>{alternation(en.change_words)})\s+(?:by\s+)?$", re.IGNORECASE
        ),
        change_noun_after=re.compile(rf"\s+(?P<w>{alternation(en.change_nouns)})\b", re.IGNORECASE),
        change_noun_before=re.compile(
            rf"\b(?P<w>{alternation(en.change_nouns)})\s+of\s+$", re.IGNORECASE
        ),
        joiner=re.compile(r"\s*(?:-|–|—|~|\bto\b|\bthrough\b)\s*", re.IGNORECASE),
        and_joiner=re.compile(r"\s+and\s+", re.IGNORECASE),
        opener=re.compile(rf"\b(?P<o>{alternation(en.range_openers)})\s+$", re.IGNORECASE),
        money_context=re.compile(
            rf"(?<![A-Za-z])(?:{alternation(en.money_context)})(?![A-Za-z])", re.IGNORECASE
        ),
        not_number=re.compile(rf"(?:{alternation(en.not_numbers)})\b", re.IGNORECASE),
        coordination=re.compile(r"\s*(?:,\s*|,?\s+(?:and|or)\s+)", re.IGNORECASE),
    )


def _spelled_value(text: str, en: English) -> float | None:
    """Value of "forty-two", "one hundred and five", "a dozen", "two million"."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "a", ""):
            if word == "a":
                current = current or 1
            continue
        value = en.number_words.get(word)
        if value is None:
            return None
        seen = True
        if word in ("dozen", "score"):
            current = (current or 1) * value
        elif value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None


def _digits_value(match: re.Match[str]) -> float:
    cleaned = match.group("mantissa").replace(",", "").replace(" ", "").replace("−", "-")
    value = float(cleaned)
    exponent = match.group("exp") or match.group("exp10")
    if exponent:
        value *= 10 ** int(exponent)
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


def _core(match: re.Match[str], en: English) -> _Core | None:
    start, end = match.span()
    group = match.lastgroup
    if group in ("rank", "marker"):
        raw = match.group("ord" if group == "rank" else "markval").lower()
        position = en.ordinals.get(raw) or _word_number(re.sub(r"(?<=\d)\D+$", "", raw), en)
        return _Core(start, end, float(position), "rank", "rank") if position else None
    if group == "the_sup":
        return _Core(start, end, 1.0, "rank", "rank")
    if group == "one_in":
        numerator = _word_number(match.group("in_num").lower(), en)
        denominator = _word_number(match.group("in_den").lower(), en)
        if not numerator or not denominator:
            return None
        return _Core(start, end, numerator / denominator * 100, "share", "percent")
    if group == "half_dozen":
        return _Core(start, end, 6.0, "number")
    if group == "and_half":
        whole = _word_number(match.group("whole").lower(), en)
        return None if whole is None else _Core(start, end, whole + 0.5, "number")
    if group == "fraction":
        raw = match.group("num").lower()
        numerator = 1.0 if raw == "a" else _word_number(raw, en)
        denominator = en.denominators[match.group("den").lower()]
        if numerator is None:
            return None
        return _Core(start, end, numerator / denominator * 100, "share", "percent")
    if group == "half":
        return _Core(start, end, 50.0, "share", "percent")
    if group == "twice":
        return _Core(start, end, 2.0 if match.group().lower() == "twice" else 3.0, "ratio", "fold")
    if group == "digits":
        return _Core(start, end, _digits_value(match), "number")
    if group == "spelled":
        value = _spelled_value(match.group("spelled"), en)
        return None if value is None else _Core(start, end, value, "spelled")
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


def _unit_after(
    text: str, position: int, p: _Patterns, en: English, currency: str | None
) -> tuple[str | None, int]:
    """The unit right after ``position`` (currency word, percent, mass, time, fold)."""
    best: tuple[str | None, int] = (None, position)
    for pattern in (p.currency_after, p.unit_long, p.unit_short):
        match = pattern.match(text, position)
        if not match or match.end() <= best[1]:
            continue
        surface = match.group(1)
        if pattern is p.currency_after:
            unit: str | None = en.currency_after[surface.lower()]
            if surface.lower() == "won" and currency is None:
                continue  # "won" is a verb far more often than a currency
        else:
            unit = en.units.get(surface) or en.units.get(surface.lower())
            if pattern is p.unit_short and surface in en.scales:
                continue
        best = (unit, match.end())
    unit, end = best
    if unit == "pound" and (currency or p.money_context.search(text)):
        unit = "GBP"
    return unit, end


def _quantity(text: str, core: _Core, p: _Patterns, en: English, currency: str | None) -> _Quantity:
    value, end, scaled = core.value, core.end, False
    if core.kind in ("number", "spelled"):
        scale = p.scale.match(text, end)
        if scale:
            word = scale.group("scale")
            guarded = word in en.guarded_scales
            ok = not guarded or (
                not scale.group("space")
                and (
                    currency is not None
                    or word == "k"
                    or _unit_after(text, scale.end(), p, en, currency)[0] is not None
                )
            )
            if core.kind == "spelled" and word in ("million", "billion", "thousand", "trillion"):
                ok = False  # already read inside the spelled number
            if ok:
                value *= en.scales[word]
                end, scaled = scale.end(), True
    if core.unit is not None:
        # "three times", "two thirds" keep their own unit; a rank has no unit after it.
        return _Quantity(core.start, end, value, core.unit, core.kind, scaled)
    unit, unit_end = _unit_after(text, end, p, en, currency)
    if unit is not None:
        end = unit_end
    if currency is not None and (unit is None or unit == currency):
        unit = currency
    return _Quantity(core.start, end, value, unit, core.kind, scaled)


def extract_english(text: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every English numeric mention in ``text`` (one sentence), in reading order."""
    lexicon = lexicon or load_lexicon()
    en = lexicon.english
    p = _patterns(lexicon)
    masks = masked_spans(text, lexicon)
    readings: list[Reading] = []
    position = 0
    while True:
        match = p.core.search(text, position)
        if match is None:
            break
        position = max(match.end(), position + 1)
        core = _core(match, en)
        if core is None or _skipped(text, core, masks, p):
            continue
        reading, position = _read(text, core, p, en, masks)
        if reading is not None:
            readings.append(reading)
    readings = _share_units(text, readings, p)
    mentions = [to_mention(r, text) for r in readings]
    return [m for m in mentions if m is not None]


def _skipped(text: str, core: _Core, masks: Masks, p: _Patterns) -> bool:
    if core.kind in ("number", "spelled", "rank") and masks.covers(core.start, core.end):
        return True
    return core.kind == "spelled" and bool(p.not_number.match(text, core.start))


def _read(
    text: str, core: _Core, p: _Patterns, en: English, masks: Masks
) -> tuple[Reading | None, int]:
    """The reading that starts at ``core`` and the position after it."""
    before = text[max(0, core.start - 60) : core.start]
    currency_match = p.currency_before.search(before)
    currency = en.currency_before[currency_match.group("cur")] if currency_match else None
    lead = before[: currency_match.start()] if currency_match else before
    start = core.start - (len(before) - len(lead))

    first = _quantity(text, core, p, en, currency)
    reading = Reading(first.start, first.end, first.value, first.unit)
    if core.kind == "share":
        reading = replace(reading, measure="share")
    elif core.kind in ("ratio", "rank"):
        reading = replace(reading, measure=core.kind)
    reading = replace(reading, start=start)

    opener = p.opener.search(lead)
    second = _range_end(
        text, first, opener.group("o").lower() if opener else None, p, en, masks, currency
    )
    if second is not None:
        first_value = first.value
        if second.scaled and not first.scaled and first.value < second.value:
            first_value *= second.value / _unscaled(second, text, p, en)
        unit = first.unit or second.unit
        low, high = sorted((first_value, second.value))
        reading = Reading(start, second.end, (low + high) / 2, unit, "range", low, high)
        if opener is not None:
            lead = lead[: opener.start()]
            reading = replace(reading, start=core.start - (len(before) - len(lead)))
    else:
        qualifier = p.qualifier_before.search(lead)
        if qualifier is not None:
            reading = replace(
                reading,
                start=core.start - (len(before) - qualifier.start()),
                qualifier=en.qualifiers_before[qualifier.group("q").lower()],
            )
            lead = lead[: qualifier.start()]
        after = p.qualifier_after.match(text, reading.end)
        if after is not None and reading.qualifier == "eq":
            word = after.group("q").lower()
            if word != "+" or not text[after.end() : after.end() + 1].isdigit():
                reading = replace(reading, end=after.end(), qualifier=en.qualifiers_after[word])
    reading = _change(text, reading, lead, p, en)
    if core.kind == "share":
        reading = _fraction_as_ratio(text, reading)
    return reading, reading.end


def _unscaled(quantity: _Quantity, text: str, p: _Patterns, en: English) -> float:
    """The value of ``quantity`` before its scale word ("6 billion" → 6)."""
    match = p.core.match(text, quantity.start)
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
    tail_currency = p.currency_before.match(tail[:4].rstrip() + " ")
    offset = joiner.end()
    if tail_currency is not None and tail.startswith(tail_currency.group("cur")):
        offset += len(tail_currency.group("cur"))
        offset += len(text[offset:]) - len(text[offset:].lstrip(" "))
    match = p.core.match(text, offset)
    if match is None or match.lastgroup not in ("digits", "spelled", "fraction"):
        return None
    core = _core(match, en)
    if core is None or masks.covers(core.start, core.end):
        return None
    if core.value < 0 and not opener:
        core = replace(core, value=-core.value)
    second = _quantity(text, core, p, en, currency)
    if first.unit and second.unit and first.unit != second.unit:
        return None
    return second


def _change(text: str, reading: Reading, lead: str, p: _Patterns, en: English) -> Reading:
    """Sign and mark a percent or pp reading that a change verb or noun governs."""
    if reading.unit not in ("percent", "pp", "fold"):
        return reading
    verb = p.change_before.search(lead)
    noun_before = p.change_noun_before.search(lead)
    noun_after = p.change_noun_after.match(text, reading.end)
    direction = 0
    if verb is not None:
        direction = en.change_words[verb.group("w").lower()]
    elif noun_before is not None:
        direction = en.change_nouns[noun_before.group("w").lower()]
    elif noun_after is not None:
        direction = en.change_nouns[noun_after.group("w").lower()]
    if reading.unit == "pp":
        return replace(reading, measure="change", sign=-1 if direction < 0 else 1)
    if direction == 0 or reading.unit == "fold":
        return reading
    return replace(reading, measure="change", sign=direction)


def _fraction_as_ratio(text: str, reading: Reading) -> Reading:
    """ "one-tenth of China's": a fraction of another party's figure is a ratio."""
    if re.match(r"\s+(?:of\s+(?:that\s+of\b|\S+['’]s?\b(?<=['’]s)|\S+’\b))", text[reading.end :]):
        return replace(reading, value=reading.value / 100, unit="fold", measure="ratio")
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
