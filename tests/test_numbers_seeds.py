"""Mentions pinned on the founding articles: a hand-checked set from every seed file, in
English and both Chinese scripts, with their qualifiers; and the digits there that are not
claims (datelines, citation markers, list labels, names such as F-35, G7, C5+1, J-36)."""

from __future__ import annotations

import re

import pytest

from recheck.claims import Claim
from recheck.pipeline import ScanOptions, extract_claims
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def claims() -> dict[str, Claim]:
    result = extract_claims([str(SEEDS)], ScanOptions(as_of="2025-11-23"))
    return {f"{c.file.rsplit('/', 1)[-1][:3]}:{c.line}:{c.column}": c for c in result.claims}


# seed:line:column → (text as written, value, canonical unit, qualifier)
PINNED = {
    # 000: English and traditional Chinese versions of one commentary
    "000:4:216": ("80%", 80, "percent", "eq"),
    "000:5:83": ("three months", 0.25, "year", "eq"),
    "000:5:270": ("70%", 70, "percent", "eq"),
    "000:5:315": ("over 90%", 90, "percent", "gt"),
    "000:7:329": ("twice", 2, "x", "eq"),
    "000:8:223": ("more than 0.1%", 0.1, "percent", "gt"),
    "000:13:17": ("三個月", 0.25, "year", "eq"),
    "000:13:76": ("超90%", 90, "percent", "gt"),
    "000:15:78": ("兩倍", 2, "x", "eq"),
    "000:16:56": ("0.1%以上", 0.1, "percent", "gt"),
    # 001: a summary with shares and a rank
    "001:5:317": ("largest", 1, "rank", "eq"),
    "001:5:413": ("61%", 61, "percent", "eq"),
    "001:5:452": ("92%", 92, "percent", "eq"),
    "001:5:483": ("99%", 99, "percent", "eq"),
    "001:5:805": ("approximately 87%", 87, "percent", "approx"),
    # 002: tariffs and money
    "002:4:107": ("up to 100%", 100, "percent", "le"),
    "002:22:133": ("US$1 billion", 1e9, "USD", "eq"),
    "002:27:101": ("ten years", 10, "year", "eq"),
    # 003: tonnage and a multiple
    "003:5:409": ("352.8 tons", 352.8, "t", "eq"),
    "003:5:423": ("6.6-fold", 6.6, "x", "eq"),
    # 004: many articles pasted in one file
    "004:8:1188": ("maximum of 99.9%", 99.9, "percent", "le"),
    "004:11:1542": ("8 to 10 years", 9, "year", "range"),
    "004:18:13": ("30%", -30, "percent", "eq"),
    "004:20:569": ("nearly 30%", -30, "percent", "nearly"),
    "004:20:676": ("second-largest", 2, "rank", "eq"),
    "004:23:310": ("540,000 tons", 540_000, "t", "eq"),
    "004:23:360": ("over $300 million", 3e8, "USD", "gt"),
    "004:26:203": ("fifth-largest", 5, "rank", "eq"),
    "004:26:611": ("less than one-tenth", 0.1, "x", "lt"),
    "004:32:951": ("approximately 44 million tons", 44e6, "t", "approx"),
    "004:32:1026": ("34%", 34, "percent", "eq"),
    "004:32:1313": ("over 26,000", 26_000, "1", "gt"),
    "004:32:1615": ("408 kg", 0.408, "t", "eq"),
}


@pytest.mark.parametrize("where", sorted(PINNED))
def test_pinned_mention(claims: dict[str, Claim], where: str) -> None:
    text, value, unit, qualifier = PINNED[where]
    claim = claims.get(where)
    assert claim is not None, f"no claim at {where}"
    assert (claim.text, claim.unit, claim.qualifier) == (text, unit, qualifier)
    assert claim.value == pytest.approx(value, rel=1e-9)


def test_ranges_keep_both_ends(claims: dict[str, Claim]) -> None:
    years = claims["004:11:1542"]
    assert (years.low, years.high, years.measure) == (8, 10, "duration")


def test_changes_are_signed(claims: dict[str, Claim]) -> None:
    assert claims["004:18:13"].measure == "change"  # 9月中国对美出口稀土下降30%
    assert claims["004:20:569"].high == -30  # fell by nearly 30%


# Lines and words that hold digits but no claim.
NOT_CLAIMS = [
    ("001", 3, "Sou Hu Cai Jing·2025-06-01 01:24"),
    ("004", 19, "Sou Hu Cai Jing· 2025-10-21 05:51"),
    ("001", 5, "[1][5]"),
    ("001", 5, "Group 2"),
    ("001", 5, "F-35"),
    ("004", 5, "C5+1"),
    ("004", 14, "G7"),
    ("004", 32, "J-36"),
    ("004", 32, "From 1950 to 2019"),
    ("000", 3, "November 27"),
    ("000", 11, "11月27日"),
    ("002", 41, "1."),
    ("004", 29, "21st-century"),
    ("004", 30, "六代机"),
]


@pytest.mark.parametrize(("seed", "line", "words"), NOT_CLAIMS)
def test_not_claims(claims: dict[str, Claim], seed: str, line: int, words: str) -> None:
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    text = path.read_text(encoding="utf-8").split("\n")[line - 1]
    for found in re.finditer(re.escape(words), text):
        first, last = found.start() + 1, found.end()
        inside = [
            c
            for key, c in claims.items()
            if key.startswith(f"{seed}:{line}:") and first <= c.column <= last
        ]
        assert not inside, inside
