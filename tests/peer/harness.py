"""Run other projects' public test suites against ``recheck.numbers.extract``.

Suites (data in ``data/``, provenance in ``data/README.md``):

- ``rt-{number,percent,range,currency}-{zh,en}``: Microsoft Recognizers-Text ``Specs``,
  Number, Percent, NumberRange and Currency models for Chinese and English;
- ``quantulum3``: nielstron/quantulum3's English ``quantities.json``.

Every case is first read into a :class:`Case` (input line and :class:`Expected` figures in
recheck's canonical units). Cases the peer itself does not support are dropped at load time;
case families out of scope for news text are left out by the named predicates in
:data:`FAMILIES`, each documented, with its reason, in ``SCOPE.md`` (the one place that lists
them). A case passes when the mentions ``extract`` finds on its input carry exactly the
expected values (and units and intervals where the case gives them); see ``SCOPE.md``,
"How a case is compared".
"""

from __future__ import annotations

import importlib
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol

DATA = Path(__file__).resolve().parent / "data"
RT = DATA / "recognizers-text"
QUANTULUM = DATA / "quantulum3" / "quantities.json"

SUITES: tuple[str, ...] = (
    "rt-number-zh",
    "rt-number-en",
    "rt-percent-zh",
    "rt-percent-en",
    "rt-range-zh",
    "rt-range-en",
    "rt-currency-zh",
    "rt-currency-en",
    "quantulum3",
)

_RT_FILES: dict[str, Path] = {
    "rt-number-zh": RT / "Number" / "Chinese" / "NumberModel.json",
    "rt-number-en": RT / "Number" / "English" / "NumberModel.json",
    "rt-percent-zh": RT / "Number" / "Chinese" / "PercentModel.json",
    "rt-percent-en": RT / "Number" / "English" / "PercentModel.json",
    "rt-range-zh": RT / "Number" / "Chinese" / "NumberRangeModel.json",
    "rt-range-en": RT / "Number" / "English" / "NumberRangeModel.json",
    "rt-currency-zh": RT / "NumberWithUnit" / "Chinese" / "CurrencyModel.json",
    "rt-currency-en": RT / "NumberWithUnit" / "English" / "CurrencyModel.json",
}

REL_TOL = 1e-6
ABS_TOL = 1e-9

Bounds = tuple[float | None, float | None]


# --------------------------------------------------------------------------------------------
# Cases


@dataclass(frozen=True)
class Expected:
    """One figure a case expects, converted to recheck's canonical units.

    ``value`` is ``None`` when the case gives only an interval (a Recognizers-Text range);
    ``unit`` is ``None`` when the case does not say (then only the value is compared);
    ``bounds`` is ``None`` when the case gives no interval, else ``(low, high)`` with ``None``
    for an unbounded end. ``text``/``start`` are the peer's surface and offset (for the
    scope predicates and failure reports); ``peer_type`` is the peer's own type for it
    (Recognizers-Text subtype or unit name, quantulum3 unit name).
    """

    value: float | None
    unit: str | None = None
    bounds: Bounds | None = None
    text: str = ""
    start: int | None = None
    peer_type: str = ""

    @property
    def low(self) -> float | None:
        return None if self.bounds is None else self.bounds[0]

    @property
    def high(self) -> float | None:
        return None if self.bounds is None else self.bounds[1]

    @property
    def is_point(self) -> bool:
        """A degenerate interval ``[x,x]`` (Recognizers-Text's "equal to x")."""
        return (
            self.bounds is not None
            and self.bounds[0] is not None
            and self.bounds[1] is not None
            and _close(self.bounds[0], self.bounds[1])
        )

    def describe(self) -> str:
        parts = [] if self.value is None else [_num(self.value)]
        if self.unit is not None:
            parts.append(self.unit)
        if self.bounds is not None:
            parts.append(f"[{_end(self.bounds[0])}, {_end(self.bounds[1])}]")
        return " ".join(parts) + (f"  ‹{self.text}›" if self.text else "")


@dataclass(frozen=True)
class Case:
    """One input line and the figures expected on it."""

    id: str
    suite: str
    input: str
    expected: tuple[Expected, ...]
    # Expectations the harness dropped from the case by a documented rule (calendar years).
    dropped: tuple[Expected, ...] = ()
    # The peer's expectations the harness could not convert (units out of scope).
    unconverted: tuple[Expected, ...] = ()


# --------------------------------------------------------------------------------------------
# Loading


def _read_json(path: Path) -> Any:
    # The Recognizers-Text specs start with a UTF-8 BOM.
    with path.open(encoding="utf-8-sig") as fh:
        return json.load(fh)


def _platforms(flag: Any) -> set[str]:
    if not flag:
        return set()
    return {p.strip().lower() for p in str(flag).split(",") if p.strip()}


def rt_peer_supports(raw: dict[str, Any]) -> bool:
    """Whether Recognizers-Text's reference implementation supports the case.

    Left out (SCOPE.md, "Cases the peer does not support"): any case marked
    ``NotSupportedByDesign``, and cases ``NotSupported`` for ``dotnet``. ``NotSupported``
    for python/java/javascript only marks a gap in that port, not in the case.
    """
    if raw.get("NotSupportedByDesign"):
        return False
    return "dotnet" not in _platforms(raw.get("NotSupported"))


def _float(text: Any) -> float | None:
    if text is None:
        return None
    s = str(text).strip()
    if not s or s.lower() == "null":
        return None
    return float(s)


_RANGE = re.compile(r"^\s*([\[(])?\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])?\s*$")


def parse_rt_range(text: str) -> Bounds:
    """``"(20,30]"`` → ``(20, 30)``; an open end (``"(20,)"``, ``"[20,"``) → ``None``.

    Open and closed brackets are not told apart: only the numeric ends are compared
    (recheck's ``gt 20`` and ``ge 20`` both have ``low == 20``).
    """
    m = _RANGE.match(text)
    if not m:
        raise ValueError(f"not a Recognizers-Text range: {text!r}")
    return _float(m.group(2)), _float(m.group(3))


_PP = re.compile(r"百分[点點]|percentage\s+points?", re.IGNORECASE)

# Recognizers-Text reports sub-units in the sub-unit; recheck reports the main unit.
_RT_SUBUNITS = {"Cent": 0.01, "Pence": 0.01, "Penny": 0.01, "Sen": 0.01}


def _rt_expected(suite: str, result: dict[str, Any]) -> Expected | None:
    res = result.get("Resolution") or {}
    text = str(result.get("Text", ""))
    start = result.get("Start")
    start = int(start) if isinstance(start, int) else None
    kind = suite.split("-")[1]
    raw_value = res.get("value")
    if kind == "number":
        value = _float(raw_value)
        if value is None:
            return None
        return Expected(value, None, None, text, start, str(res.get("subtype") or ""))
    if kind == "percent":
        if raw_value is None or str(raw_value).strip().lower() == "null":
            return None
        value = _float(str(raw_value).strip().rstrip("%"))
        if value is None:
            return None
        # Recognizers-Text reads 个百分点 ("percentage points") as %; recheck keeps them
        # apart (SCOPE.md, "How a case is compared").
        unit = "pp" if _PP.search(re.sub(r"\s+", "", text)) else "percent"
        return Expected(value, unit, None, text, start, "percentage")
    if kind == "range":
        bounds = parse_rt_range(str(raw_value))
        lo, hi = bounds
        if lo is not None and hi is not None and _close(lo, hi):
            return Expected(lo, None, bounds, text, start, "point")
        return Expected(None, None, bounds, text, start, "numberrange")
    if kind == "currency":
        value = _float(raw_value)
        if value is None:
            return None  # a bare currency name ("dollar", 人民币): no figure
        peer_unit = str(res.get("unit") or "")
        value *= _RT_SUBUNITS.get(peer_unit, 1.0)
        iso = res.get("isoCurrency")
        return Expected(value, str(iso) if iso else None, None, text, start, peer_unit)
    raise ValueError(suite)


@cache
def load_rt(suite: str) -> tuple[tuple[Case, ...], int]:
    """All cases of a Recognizers-Text suite that the peer supports, and how many it doesn't."""
    raw_cases = _read_json(_RT_FILES[suite])
    cases: list[Case] = []
    unsupported = 0
    for i, raw in enumerate(raw_cases):
        if not rt_peer_supports(raw):
            unsupported += 1
            continue
        expected = [_rt_expected(suite, r) for r in raw.get("Results") or []]
        cases.append(
            Case(
                id=f"{suite}:{i}",
                suite=suite,
                input=str(raw["Input"]),
                expected=tuple(e for e in expected if e is not None),
            )
        )
    return tuple(cases), unsupported


# quantulum3 units in scope → (recheck's canonical unit, factor to it).
_YEAR_DAYS = 365.25  # pint's (Julian) year, which recheck converts durations with
_Q_UNITS: dict[str, tuple[str, float]] = {
    # plain numbers (counting units are plain numbers too)
    "dimensionless": ("1", 1.0),
    "dozen": ("1", 12.0),
    "baker's dozen": ("1", 13.0),
    "gross": ("1", 144.0),
    # percent
    "percentage": ("percent", 1.0),
    # mass → metric tonnes
    "tonne": ("t", 1.0),
    "kilogram": ("t", 1e-3),
    "gram": ("t", 1e-6),
    "milligram": ("t", 1e-9),
    "pound-mass": ("t", 0.45359237e-3),
    "ton": ("t", 0.90718474),  # short ton, quantulum3's "ton"
    # time → years (durations)
    "year": ("year", 1.0),
    "month": ("year", 1 / 12),
    "week": ("year", 7 / _YEAR_DAYS),
    "day": ("year", 1 / _YEAR_DAYS),
    "hour": ("year", 1 / (_YEAR_DAYS * 24)),
    "minute": ("year", 1 / (_YEAR_DAYS * 24 * 60)),
    "second": ("year", 1 / (_YEAR_DAYS * 24 * 3600)),
    # money → ISO 4217, value as is; sub-units in the main unit
    "dollar": ("USD", 1.0),
    "euro": ("EUR", 1.0),
    "pound sterling": ("GBP", 1.0),
    "yen": ("JPY", 1.0),
    "yuan": ("CNY", 1.0),
    "cent": ("", 0.01),  # cent of an unnamed currency: compare the value only
    "penny": ("", 0.01),
    "dime": ("USD", 0.1),
}


def _quantulum_expected(res: dict[str, Any]) -> Expected:
    peer_unit = str(res.get("unit", ""))
    raw_value = float(res["value"])
    surface = str(res.get("surface", ""))
    if peer_unit not in _Q_UNITS:
        return Expected(raw_value, None, None, surface, None, peer_unit)
    unit, factor = _Q_UNITS[peer_unit]
    value = raw_value * factor
    bounds: Bounds | None = None
    uncertainty = res.get("uncertainty")
    if uncertainty:
        u = float(uncertainty) * factor
        bounds = (value - u, value + u)
    return Expected(value, unit or None, bounds, surface, None, peer_unit)


def quantulum_unit_in_scope(e: Expected) -> bool:
    return e.peer_type in _Q_UNITS


def is_calendar_year(e: Expected) -> bool:
    """A quantulum3 "dimensionless" figure that is a calendar year (1979, 2013, the 1960s).

    Dropped from the case's expectations (SCOPE.md, "Calendar years"): recheck deliberately
    does not report bare years.
    """
    return (
        e.peer_type == "dimensionless"
        and e.value is not None
        and e.value.is_integer()
        and 1000 <= e.value <= 2100
        and re.fullmatch(r"\d{4}", e.text.strip()) is not None
    )


@cache
def load_quantulum() -> tuple[Case, ...]:
    """quantulum3's cases; quantities with units out of scope are kept in ``unconverted``."""
    cases: list[Case] = []
    for i, raw in enumerate(_read_json(QUANTULUM)):
        text = str(raw["req"])
        expected: list[Expected] = []
        dropped: list[Expected] = []
        unconverted: list[Expected] = []
        for res in raw.get("res") or []:
            e = _quantulum_expected(res)
            if not quantulum_unit_in_scope(e):
                unconverted.append(e)
            elif is_calendar_year(e):
                dropped.append(e)
            else:
                expected.append(e)
        cases.append(
            Case(
                id=f"quantulum3:{i}",
                suite="quantulum3",
                input=text,
                expected=tuple(_with_starts(text, expected)),
                dropped=tuple(dropped),
                unconverted=tuple(unconverted),
            )
        )
    return tuple(cases)


def _with_starts(text: str, expected: Iterable[Expected]) -> list[Expected]:
    """quantulum3 gives surfaces, not offsets: find each, left to right."""
    out: list[Expected] = []
    pos = 0
    for e in expected:
        at = text.find(e.text, pos) if e.text else -1
        if at < 0:
            at = text.find(e.text) if e.text else -1
        else:
            pos = at + len(e.text)
        out.append(
            Expected(e.value, e.unit, e.bounds, e.text, at if at >= 0 else None, e.peer_type)
        )
    return out


def load(suite: str) -> tuple[tuple[Case, ...], int]:
    """The suite's cases the peer supports, and the number it does not support."""
    if suite == "quantulum3":
        return load_quantulum(), 0
    return load_rt(suite)


# --------------------------------------------------------------------------------------------
# Scope: case families left out, each documented in SCOPE.md under the same heading (the
# predicate's docstring names it). A case is charged to the first family claiming it.

_ZH_NUM = "零〇一二两兩倆三四五六七八九十百千万萬亿億兆壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_ZH_DIGITS = "0-9０-９" + _ZH_NUM
_CJK = re.compile(r"[\u3400-\u9fff]")


def _span_before(case: Case, e: Expected, width: int = 12) -> str:
    if e.start is None:
        return ""
    return case.input[max(0, e.start - width) : e.start]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def quantity_out_of_scope(case: Case) -> bool:
    """SCOPE.md § "quantulum3 quantities in units recheck does not measure".

    The case expects at least one quantity whose unit is not a percentage, a mass, money, a
    time or a plain number (metres, °C, bytes, "dollar per hour", megayears …). Mixed cases
    are out as a whole.
    """
    return bool(case.unconverted)


_ZHE = re.compile(r"(?:[" + _ZH_DIGITS + r".．点點]|[对對半])\s*折")


def zh_discount_zhe(case: Case) -> bool:
    """SCOPE.md § "折 discounts".

    The input writes a price discount with 折 after a numeral (打八折, 对折, 七五折, 9.9折);
    折合 ("equivalent to"), 折扣, 折旧 do not count.
    """
    return _ZHE.search(case.input) is not None


_SPLIT_DECIMAL = re.compile(r"[点點]\s*[两兩]")


def rt_split_decimal(case: Case) -> bool:
    """SCOPE.md § "Recognizers-Text splitting a Chinese decimal at 点两".

    Recognizers-Text does not take 两 as a decimal digit, so 两百点两 (200.2) and 一点两小时
    (1.2 hours) come out as two numbers.
    """
    return _SPLIT_DECIMAL.search(case.input) is not None and len(case.expected) >= 2


_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 5/17/2018
    r"|[0-9０-９]{2,4}\s*年\s*[0-9０-９]{1,2}\s*月"  # １９９１年１月
    r"|[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号]"  # １月１６日
    r"|[时時]间\s*[0-9０-９]{1,2}\s*[点點]|時間\s*[0-9０-９]{1,2}\s*[点點]"  # 巴黎时间２０点
)


def rt_numbers_in_dates(case: Case) -> bool:
    """SCOPE.md § "Numbers inside dates and clock times".

    Recognizers-Text's Number model reports the parts of a date or clock time (5/17/2018 →
    5, 17, 2018; １９９１年１月１６日 → 1991, 1, 16).
    """
    return bool(case.expected) and _DATE.search(case.input) is not None


_IDENTIFIER = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IPv4 address 192.168.1.2
    r"|\+\d{1,3}-\d{3}-\d{3,4}"  # phone number +1-222-2222
    r"|\b\d{4}\.\d{4}\.\d{5}"  # dotted serial 2222.2222.22222
    r"|\b[A-Z]{2,}-\d+"  # designation SCP-173
)
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]*|\b[A-Za-z]+\d[A-Za-z\d]*)[ \-]$")


def number_in_name_or_identifier(case: Case) -> bool:
    """SCOPE.md § "Numbers that are part of a name or an identifier".

    A figure the case expects lies in an IP address, a phone number, a dotted serial or a
    designation (SCP-173), or is a number written right after a capitalised name or an
    alphanumeric code (Voyager 2, South 32, English 101).
    """
    for m in _IDENTIFIER.finditer(case.input):
        if any(e.start is not None and m.start() <= e.start < m.end() for e in case.expected):
            return True
    for e in case.expected:
        digits = re.fullmatch(r"\d+", e.text.strip()) is not None
        if digits and _NAME_BEFORE.search(_span_before(case, e)):
            return True
    return False


_SPACED_LEFT = _ZH_DIGITS + ".．点點余几幾多分成个個"
_SPACED_RIGHT = _ZH_DIGITS + ".．点點余几幾多分成个個折"
_SPACED = re.compile(
    r"[" + _SPACED_LEFT + r"][ \t\u3000]+[" + _SPACED_RIGHT + r"]|分[ \t\u3000]+之"
)


_DIGIT_FRACTION_PARTS = re.compile(r"^-?\s*(?:\d+\s+)?(\d+)\s*/\s*(\d+)$")


def en_over_fraction(case: Case) -> bool:
    """SCOPE.md § "“N over M” read as a fraction".

    A figure the case expects is written "N over M" (one over three, 1 over twenty-one,
    2000 over 3).
    """
    return any(re.search(r"\bover\b", e.text, re.IGNORECASE) for e in case.expected)


_SMALL = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_PART = (
    r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?"
    r"|tenths?)"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_NEWS_FRACTION = re.compile(
    r"^(?:minus\s+|negative\s+)?"
    rf"(?:{_SMALL}(?:\s+and)?[\s-]+)?(?:a[\s-]+|one[\s-]+)?{_PART}"
    rf"(?:\s+(?:of\s+a\s+)?{_SCALE})?$",
    re.IGNORECASE,
)
_DIGIT_FRACTION = re.compile(r"^-?\s*\d+(?:\s+\d+)?\s*/\s*\d+$")
_VULGAR = re.compile(r"^-?\d*\s*[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]$")
_PER_SCALE = re.compile(r"\b(?:hundredths?|thousandths?|millionths?|billionths?|trillionths?)\b")


def en_compound_fraction_words(case: Case) -> bool:
    """SCOPE.md § "Spelled-out fractions news does not use".

    A fraction the case expects (Recognizers-Text subtype ``fraction``) is not one news
    writes: not a digit or vulgar fraction (3/4, 2 1/4, ½), not "N in/out of M", and not a
    one-word part
    (half, third … tenth) with a small numerator, "and a half", or a scale ("half a
    million", "five and a half million"); or the input has "hundredths"-type parts
    (a trillionth, two millionth, 100 millionths).
    """
    if _PER_SCALE.search(case.input):
        return True
    for e in case.expected:
        if e.peer_type != "fraction":
            continue
        t = " ".join(e.text.split())
        if _DIGIT_FRACTION.match(t) or _VULGAR.match(t) or re.search(r"\b(?:in|out of)\b", t):
            continue
        if not _NEWS_FRACTION.match(t):
            return True
    return False


_UNIT_AFTER_NUMERAL = re.compile(
    r"(?:[" + _ZH_DIGITS + r"]\s*(?:斤|公斤|千克|吨|噸|克|米|公里|升|毫升|小时|小時|分钟))"
    r"|(?:\d\s?[{(]?\s?(?:ml|km|kg|cm|mm|mg|lbs?)\b)"  # lower case: 1MM is a million
)
_CURRENCY_AFTER_ZH_NUMERAL = re.compile(
    r"[" + _ZH_DIGITS + r"]\s*(美元|美刀|美金|元|块|塊|日元|欧元|歐元|英镑|英鎊)"
)


def rt_number_with_unit(case: Case) -> bool:
    """SCOPE.md § "Numerals with a unit in the Number models".

    The input has a numeral written with a unit of measure (十斤, 180ml, 45{kg), 八吨), or a
    Chinese numeral with a currency that the case expects no number for (一美元, 两美刀).
    """
    if _UNIT_AFTER_NUMERAL.search(case.input):
        return True
    for m in _CURRENCY_AFTER_ZH_NUMERAL.finditer(case.input):
        if not any(e.start is not None and e.start <= m.start() < m.end() for e in case.expected):
            return True
    return False


def en_comma_not_thousands(case: Case) -> bool:
    """SCOPE.md § "Commas that are not thousands separators in English".

    The input joins digits with a comma that is not followed by a group of three (1,3 for
    1.3; 22,24,26,31 for a list; 1.111,11 in continental style).
    """
    return re.search(r"\d,\d{1,2}(?!\d)|\d\.\d{3},\d", case.input) is not None


def en_percent_of_n(case: Case) -> bool:
    """SCOPE.md § "“percent of N” read as N percent".

    A percentage the case expects starts with the word "percent"/"per cent" (percent of 10
    → 10%).
    """
    return any(re.match(r"(?i)per\s*cents?\b|percents?\b", e.text.strip()) for e in case.expected)


def percent_k_multiplier(case: Case) -> bool:
    """SCOPE.md § "Percentages with a k multiplier".

    A percentage the case expects carries a k ("thousand") suffix (百分之15K, 12k个百分点).
    """
    return any(
        e.unit in ("percent", "pp") and re.search(r"\d\s*[kKｋＫ]", e.text) for e in case.expected
    )


_ADJACENT = re.compile(r"[一二三四五六七八九两兩][一二三四五六七八九](?:十|百|千|万|萬)")


def zh_adjacent_numeral_approximation(case: Case) -> bool:
    """SCOPE.md § "Approximations by adjacent numerals (二三十)".

    The input has two adjacent numerals before a unit of ten (二三十, "twenty or thirty")
    where the case expects nothing.
    """
    for m in _ADJACENT.finditer(case.input):
        if not any(e.start is not None and m.start() <= e.start < m.end() for e in case.expected):
            return True
    return False


def percent_range_upper_only(case: Case) -> bool:
    """SCOPE.md § "Percentage ranges reported by their upper end".

    The input writes a range of percentages with one % sign (5-20%), which
    Recognizers-Text's Percent model reports as its upper end only.
    """
    return re.search(r"\d\s*[-–~～至到]\s*\d+(?:\.\d+)?\s*[%％]", case.input) is not None


_DEFUNCT = frozenset({"Finnish markka", "Peseta", "Netherlands guilder", "Franc"})


def defunct_currency(case: Case) -> bool:
    """SCOPE.md § "Currencies replaced by the euro".

    An amount the case expects is in markkas, pesetas, guilders or (French) francs.
    """
    return any(e.peer_type in _DEFUNCT for e in case.expected)


def spoken_compound_amount(case: Case) -> bool:
    """SCOPE.md § "Spoken prices in a unit and its sub-unit".

    An amount the case expects is written as a main unit followed by more of it (15 dollars
    50, 3 dollars 50 cents, 五元三毛, 两美元又三美分): its value has a fractional part that
    no decimal point in the text accounts for.
    """
    for e in case.expected:
        if e.value is None or e.peer_type in _RT_SUBUNITS or e.value.is_integer():
            continue
        if not re.search(r"[.．点點]", e.text):
            return True
    return False


def million_currency_prefix(case: Case) -> bool:
    """SCOPE.md § "Million-prefixed currency codes (MUSD)".

    The input writes millions as an M before a currency code (30 MUSD, MAUD 60).
    """
    return re.search(r"(?i)\bm(?:usd|eur|gbp|aud|cad|jpy|cny)\b", case.input) is not None


@dataclass(frozen=True)
class Family:
    """A case family judged out of scope for news text (see ``SCOPE.md``)."""

    key: str
    title: str  # the SCOPE.md heading
    suites: tuple[str, ...]
    predicate: Callable[[Case], bool]


_RT_ZH = ("rt-number-zh", "rt-percent-zh", "rt-range-zh", "rt-currency-zh")
_RT_NUMBER = ("rt-number-zh", "rt-number-en")
_RT_PERCENT = ("rt-percent-zh", "rt-percent-en")
_RT_CURRENCY = ("rt-currency-zh", "rt-currency-en")

# Order matters only for the counts: a case is charged to the first family that claims it.
FAMILIES: tuple[Family, ...] = (
    Family(
        "quantity-out-of-scope",
        "quantulum3 quantities in units recheck does not measure",
        ("quantulum3",),
        quantity_out_of_scope,
    ),
    Family(
        "numbers-in-dates", "Numbers inside dates and clock times", _RT_NUMBER, rt_numbers_in_dates
    ),
    Family(
        "name-or-identifier",
        "Numbers that are part of a name or an identifier",
        (*_RT_NUMBER, "quantulum3"),
        number_in_name_or_identifier,
    ),
    Family("zh-discount-zhe", "折 discounts", _RT_ZH, zh_discount_zhe),
    Family(
        "zh-split-decimal",
        "Recognizers-Text splitting a Chinese decimal at 点两",
        _RT_NUMBER,
        rt_split_decimal,
    ),
    Family("en-over-fraction", "“N over M” read as a fraction", _RT_NUMBER, en_over_fraction),
    Family(
        "en-fraction-words",
        "Spelled-out fractions news does not use",
        _RT_NUMBER,
        en_compound_fraction_words,
    ),
    Family(
        "number-with-unit",
        "Numerals with a unit in the Number models",
        _RT_NUMBER,
        rt_number_with_unit,
    ),
    Family(
        "en-comma-not-thousands",
        "Commas that are not thousands separators in English",
        ("rt-number-en",),
        en_comma_not_thousands,
    ),
    Family("percent-of-n", "“percent of N” read as N percent", _RT_PERCENT, en_percent_of_n),
    Family(
        "percent-k-multiplier",
        "Percentages with a k multiplier",
        _RT_PERCENT,
        percent_k_multiplier,
    ),
    Family(
        "zh-adjacent-numerals",
        "Approximations by adjacent numerals (二三十)",
        _RT_PERCENT,
        zh_adjacent_numeral_approximation,
    ),
    Family(
        "percent-range-upper-end",
        "Percentage ranges reported by their upper end",
        _RT_PERCENT,
        percent_range_upper_only,
    ),
    Family("defunct-currency", "Currencies replaced by the euro", _RT_CURRENCY, defunct_currency),
    Family(
        "spoken-compound-amount",
        "Spoken prices in a unit and its sub-unit",
        _RT_CURRENCY,
        spoken_compound_amount,
    ),
    Family(
        "million-currency-prefix",
        "Million-prefixed currency codes (MUSD)",
        _RT_CURRENCY,
        million_currency_prefix,
    ),
)


def family_of(case: Case) -> Family | None:
    """The first out-of-scope family claiming ``case``, or ``None`` if it is in scope."""
    for family in FAMILIES:
        if case.suite in family.suites and family.predicate(case):
            return family
    return None


# --------------------------------------------------------------------------------------------
# Comparison


class MentionLike(Protocol):
    """What the harness reads from ``recheck.numbers.Mention``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...


Extractor = Callable[[str], Sequence[MentionLike]]

INTERVAL_QUALIFIERS = frozenset({"gt", "ge", "lt", "le", "range"})
_ISO = re.compile(r"^[A-Z]{3}$")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _close_end(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return _close(a, b)


def _readings(m: MentionLike) -> list[tuple[float, str, float | None, float | None]]:
    """(value, unit, low, high) readings of a mention: as written, and a percentage also as
    the fraction it is (2/3 = 66.7 percent = 0.667): SCOPE.md, "How a case is compared"."""
    out = [(m.value, m.unit, m.low, m.high)]
    if m.unit == "percent":

        def frac(x: float | None) -> float | None:
            return None if x is None else x / 100

        out.append((m.value / 100, "1", frac(m.low), frac(m.high)))
    return out


def matches(suite: str, m: MentionLike, e: Expected) -> bool:
    """Whether mention ``m`` carries expected figure ``e``.

    The fraction reading of a percentage only stands in for a figure whose unit the case
    leaves open or gives as a plain number, never for one it gives as a percentage.
    """
    for value, unit, low, high in _readings(m):
        if unit != m.unit and e.unit not in (None, "1"):
            continue
        if e.value is not None and not _close(value, e.value):
            continue
        if e.unit is not None and unit != e.unit:
            continue
        if e.bounds is not None and not (
            _close_end(low, e.bounds[0]) and _close_end(high, e.bounds[1])
        ):
            continue
        return True
    return False


def _matching_size(
    got: Sequence[MentionLike], expected: Sequence[Expected], ok: Callable[..., bool]
) -> int:
    """Size of a maximum matching between expected figures and mentions (Kuhn's algorithm)."""
    owner: list[int | None] = [None] * len(got)

    def augment(i: int, seen: set[int]) -> bool:
        for j, m in enumerate(got):
            if j in seen or not ok(m, expected[i]):
                continue
            seen.add(j)
            held = owner[j]
            if held is None or augment(held, seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(expected)))


def relevant(suite: str, m: MentionLike) -> bool:
    """Which mentions a suite's cases speak about (SCOPE.md, "How a case is compared")."""
    kind = suite.split("-")[1] if suite.startswith("rt-") else "all"
    if kind == "percent":
        return m.unit in ("percent", "pp")
    if kind == "currency":
        return _ISO.match(m.unit) is not None
    if kind == "range":
        return m.qualifier in INTERVAL_QUALIFIERS
    return True


def passes(suite: str, expected: Sequence[Expected], mentions: Sequence[MentionLike]) -> bool:
    """The comparison rule of ``SCOPE.md``, "How a case is compared"."""

    def ok(m: MentionLike, e: Expected) -> bool:
        return matches(suite, m, e)

    got = [m for m in mentions if relevant(suite, m)]
    if suite.startswith("rt-range"):
        # Ranges: exactly the expected intervals. "Equal to x" ([x,x]) is a plain figure in
        # recheck: it must be there, among the mentions that are not intervals.
        points = [e for e in expected if e.is_point]
        intervals = [e for e in expected if not e.is_point]
        plain = [m for m in mentions if m.qualifier not in INTERVAL_QUALIFIERS]

        def ok_point(m: MentionLike, e: Expected) -> bool:
            return e.value is not None and _close(m.value, e.value)

        return (
            len(got) == len(intervals)
            and _matching_size(got, intervals, ok) == len(intervals)
            and _matching_size(plain, points, ok_point) == len(points)
        )
    return len(got) == len(expected) and _matching_size(got, expected, ok) == len(expected)


# --------------------------------------------------------------------------------------------
# Running


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    got: tuple[MentionLike, ...]
    error: str = ""


@dataclass
class SuiteResult:
    suite: str
    total: int  # cases in the peer's file
    unsupported: int  # cases the peer itself does not support
    excluded: dict[str, int] = field(default_factory=dict)  # family key → cases
    outcomes: list[Outcome] = field(default_factory=list)  # in-scope cases

    @property
    def in_scope(self) -> int:
        return len(self.outcomes)

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def rate(self) -> float:
        return self.passed / self.in_scope if self.outcomes else 0.0

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    @property
    def years_dropped(self) -> int:
        return sum(bool(o.case.dropped) for o in self.outcomes)


def default_extractor() -> Extractor:
    """``recheck.numbers.extract``, imported only when a suite runs."""
    extract: Extractor = importlib.import_module("recheck.numbers").extract
    return extract


def partition(suite: str) -> tuple[list[Case], dict[str, int], int, int]:
    """(in-scope cases, excluded count per family, cases in file, cases the peer drops)."""
    cases, unsupported = load(suite)
    excluded = {f.key: 0 for f in FAMILIES if suite in f.suites}
    kept: list[Case] = []
    for case in cases:
        family = family_of(case)
        if family is None:
            kept.append(case)
        else:
            excluded[family.key] += 1
    return kept, excluded, len(cases) + unsupported, unsupported


def run_suite(suite: str, extract: Extractor | None = None) -> SuiteResult:
    """Run ``extract`` (default: ``recheck.numbers.extract``) over the suite's in-scope cases."""
    extract = extract or default_extractor()
    kept, excluded, total, unsupported = partition(suite)
    result = SuiteResult(suite, total, unsupported, excluded)
    for case in kept:
        try:
            got = tuple(extract(case.input))
        except Exception as exc:  # an extractor crash fails the case, not the run
            result.outcomes.append(Outcome(case, False, (), f"{type(exc).__name__}: {exc}"))
            continue
        result.outcomes.append(Outcome(case, passes(suite, case.expected, got), got))
    return result


# Results of the suites run in this pytest session, for the terminal summary (conftest.py).
SESSION_RESULTS: dict[str, SuiteResult] = {}


@cache
def cached_run(suite: str) -> SuiteResult:
    """``run_suite`` with the real extractor, once per process (tests and summary share it)."""
    return run_suite(suite)


# --------------------------------------------------------------------------------------------
# Formatting


def _num(x: float) -> str:
    return f"{x:.10g}"


def _end(x: float | None) -> str:
    return "∞" if x is None else _num(x)


def describe_mention(m: MentionLike) -> str:
    bounds = f" [{_end(m.low)}, {_end(m.high)}]" if m.qualifier != "eq" else ""
    return f"{_num(m.value)} {m.unit} {m.qualifier}{bounds}  ‹{m.text}›@{m.start}"


def describe_failure(o: Outcome) -> str:
    """The case's input, what it expects, and what the extractor found: ``got`` for the
    mentions the suite compares, ``also`` for those it does not speak about."""
    lines = [f"{o.case.id}: {o.case.input!r}"]
    lines += [f"    expected: {e.describe()}" for e in o.case.expected] or ["    expected: —"]
    lines += [
        f"    {'got: ' if relevant(o.case.suite, m) else 'also:'}     {describe_mention(m)}"
        for m in o.got
    ] or ["    got:      —"]
    if o.error:
        lines.append(f"    error:    {o.error}")
    return "\n".join(lines)
