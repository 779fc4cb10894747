"""Chinese mentions, simplified and traditional: numerals, mixed forms, 百分之, 成, 分之, 倍,
个百分点, ranks, qualifiers and ranges. Rows list every mention of the sentence, in order."""

from __future__ import annotations

import pytest

from recheck.numbers import extract
from recheck.numbers.chinese import parse_chinese_number
from tests.number_rows import Row, assert_mentions, eq, rng

CASES: list[tuple[str, list[Row]]] = [
    # Arabic digits with Chinese scales and units
    ("中国稀土储量4400万吨。", [eq("4400万吨", 44e6, "t")]),
    ("出口352.8吨。", [eq("352.8吨", 352.8, "t")]),
    ("投资3亿美元。", [eq("3亿美元", 3e8, "USD")]),
    ("产量24万吨。", [eq("24万吨", 240_000, "t")]),
    (
        "规模1,100万吨，金额1,100.9亿元。",
        [eq("1,100万吨", 11e6, "t"), eq("1,100.9亿元", 1.1009e11, "CNY")],
    ),
    ("共3万4000吨。", [eq("3万4000吨", 34_000, "t")]),
    ("共25万6千吨。", [eq("25万6千吨", 256_000, "t")]),
    ("人民币100亿元的基金。", [eq("人民币100亿元", 1e10, "CNY")]),
    ("４．５万吨", [eq("４．５万吨", 45_000, "t")]),
    # Chinese numerals, colloquial forms, 两, financial forms
    ("二十万亿元的市场。", [eq("二十万亿元", 2e13, "CNY")]),
    ("九万四吨。", [eq("九万四吨", 94_000, "t")]),
    ("一吨半的矿石。", [eq("一吨半", 1.5, "t")]),
    ("两千五百万吨。", [eq("两千五百万吨", 25e6, "t")]),
    ("贰拾万吨。", [eq("贰拾万吨", 200_000, "t")]),
    ("三千多吨。", [eq("三千多吨", 3000, "t", "gt")]),
    ("20多万吨。", [eq("20多万吨", 200_000, "t", "gt")]),
    # traditional: 萬 億 兩 點 噸 個
    ("兩萬噸的稀土。", [eq("兩萬噸", 20_000, "t")]),
    ("三億美元。", [eq("三億美元", 3e8, "USD")]),
    ("百分之五點五。", [eq("百分之五點五", 5.5, "percent")]),
    ("庫存只能維持三個月。", [eq("三個月", 0.25, "year")]),
    # shares
    ("占全球34%。", [eq("34%", 34, "percent")]),
    (
        "百分之七十的产量，百分之零点九的杂质。",
        [eq("百分之七十", 70, "percent"), eq("百分之零点九", 0.9, "percent")],
    ),
    (
        "七成的开采，九成以上的加工。",
        [eq("七成", 70, "percent"), eq("九成以上", 90, "percent", "gt")],
    ),
    ("约三分之一的储量。", [eq("约三分之一", 33.3333333333, "percent", "approx")]),
    (
        "不到中国的十分之一。",
        [eq("十分之一", 0.1, "x")],  # 不到 governs 中国的…, not the number
    ),
    ("全球一半以上的产量。", [eq("一半以上", 50, "percent", "gt")]),
    # changes and percentage points, signed
    ("出口增长3个百分点，进口下降30%。", [eq("3个百分点", 3, "pp"), eq("30%", -30, "percent")]),
    ("增長3個百分點。", [eq("3個百分點", 3, "pp")]),
    ("同比下降了12%。", [eq("12%", -12, "percent")]),
    # multiples
    ("是去年的两倍，增长6.6倍。", [eq("两倍", 2, "x"), eq("6.6倍", 6.6, "x")]),
    # ranks
    ("澳大利亚是第二大储量国。", [eq("第二大", 2, "rank")]),
    ("储量居全球第二。", [eq("第二", 2, "rank")]),
    ("中国是全球最大的生产国。", [eq("全球最大", 1, "rank")]),
    ("第二次会谈和第61号公告。", []),
    # qualifiers
    (
        "约70%，超90%，近90%，至少5家，不到3%，最多9项，逾200家，10万吨左右。",
        [
            eq("约70%", 70, "percent", "approx"),
            eq("超90%", 90, "percent", "gt"),
            eq("近90%", 90, "percent", "nearly"),
            eq("至少5家", 5, "1", "ge"),
            eq("不到3%", 3, "percent", "lt"),
            eq("最多9项", 9, "1", "le"),
            eq("逾200家", 200, "1", "gt"),
            eq("10万吨左右", 100_000, "t", "approx"),
        ],
    ),
    ("超過90%的加工。", [eq("超過90%", 90, "percent", "gt")]),
    ("最近3年。", [eq("3年", 3, "year")]),
    # ranges
    (
        "30%至40%的份额，8到10年，20 - 100家。",
        [
            rng("30%至40%", 30, 40, "percent"),
            rng("8到10年", 8, 10, "year"),
            rng("20 - 100家", 20, 100, "1"),
        ],
    ),
    ("3-5万吨。", [rng("3-5万吨", 30_000, 50_000, "t")]),
    ("百分之三十至百分之四十。", [rng("百分之三十至百分之四十", 30, 40, "percent")]),
    # counts
    ("12种稀土元素，5个国家。", [eq("12种", 12, "1"), eq("5个", 5, "1")]),
    # decimals with 点, 万万 and 兆, 零十, 百三, negative numbers
    (
        "二点五，两千三点一，两千万点五。",
        [
            eq("二点五", 2.5, "1"),
            eq("两千三点一", 2300.1, "1"),
            eq("两千万点五", 20_000_000.5, "1"),
        ],
    ),
    ("四万万同胞。", [eq("四万万", 4e8, "1")]),
    ("新台幣四十九兆九千億元。", [eq("四十九兆九千億元", 4.99e13, "CNY")]),
    ("10兆瓦的电站。", [eq("10", 10, "1")]),  # 兆瓦 is megawatts
    ("一万零十二人。", [eq("一万零十二人", 10_012, "1")]),
    ("百三十二。", [eq("百三十二", 132, "1")]),
    (
        "利润为负3亿元，负3.9%，负三十二，-10000与20000间。",
        [
            eq("负3亿元", -3e8, "CNY"),
            eq("负3.9%", -3.9, "percent"),
            eq("负三十二", -32, "1"),
            rng("-10000与20000间", -10_000, 20_000, "1"),
        ],
    ),
    ("他身负三处伤，出现负增长。", [eq("三处", 3, "1")]),
    # estimates and 几, 数
    (
        "二三十万人，上涨两三个百分点，十几万吨，数十亿美元。",
        [
            rng("二三十万人", 200_000, 300_000, "1"),
            rng("两三个百分点", 2, 3, "pp"),
            eq("十几万吨", 100_000, "t", "gt"),
            eq("数十亿美元", 1e9, "USD", "gt"),
        ],
    ),
    ("人数为5000人。", [eq("5000人", 5000, "1")]),
    # fractions: powers of ten, 又, slashes; 成 with 点, 半 and a tail digit
    (
        "万分之三，百万分之五，三又三分之一倍，大约1/3的人。",
        [
            eq("万分之三", 0.03, "percent"),
            eq("百万分之五", 0.0005, "percent"),
            eq("三又三分之一倍", 10 / 3, "x"),
            eq("大约1/3", 100 / 3, "percent", "approx"),
        ],
    ),
    (
        "七成五，三成半，八点五成，百分之百，百分之一百二十点五。",
        [
            eq("七成五", 75, "percent"),
            eq("三成半", 35, "percent"),
            eq("八点五成", 85, "percent"),
            eq("百分之百", 100, "percent"),
            eq("百分之一百二十点五", 120.5, "percent"),
        ],
    ),
    ("股票收盘价的百分之七十百分位。", [eq("百分之七十", 70, "percent")]),
    # spaced numerals
    (
        "一 百 五 十 个 百 分 点，7 万5 千4 百吨。",
        [eq("一 百 五 十 个 百 分 点", 150, "pp"), eq("7 万5 千4 百吨", 75_400, "t")],
    ),
    # qualifiers with fillers, bounds, comparisons, between
    (
        "大于或者等于3，超过了80，至少有10个，≥50，60及以上，最多为5。",
        [
            eq("大于或者等于3", 3, "1", "ge"),
            eq("超过了80", 80, "1", "gt"),
            eq("至少有10个", 10, "1", "ge"),
            eq("≥50", 50, "1", "ge"),
            eq("60及以上", 60, "1", "ge"),
            eq("最多为5", 5, "1", "le"),
        ],
    ),
    ("身高在 170 之下。", [eq("170 之下", 170, "1", "lt")]),
    (
        "年龄比三十大，身高比 170 低。",
        [eq("比三十大", 30, "1", "gt"), eq("比 170 低", 170, "1", "lt")],
    ),
    ("中国队3比1大胜对手。", [eq("3", 3, "1"), eq("1", 1, "1")]),  # a score, not a comparison
    (
        "大于10小于20，不大于50不小于20，1000以上， 1500以下，大于50小于12。",
        [
            rng("大于10小于20", 10, 20, "1"),
            rng("不大于50不小于20", 20, 50, "1"),
            rng("1000以上， 1500以下", 1000, 1500, "1"),
            eq("大于50", 50, "1", "gt"),
            eq("小于12", 12, "1", "lt"),
        ],
    ),
    (
        "人口在1000万和2000万之间，一到五个苹果，一以上。",
        [
            rng("1000万和2000万之间", 1e7, 2e7, "1"),
            rng("一到五个", 1, 5, "1"),
            eq("一以上", 1, "1", "gt"),
        ],
    ),
    ("中国和美国之间，一到周末。", []),
    # currencies, sub-units
    (
        "5306亿台币，1.0092瑞士法郎，445奈拉，20个比特币。",
        [
            eq("5306亿台币", 5.306e11, "TWD"),
            eq("1.0092瑞士法郎", 1.0092, "CHF"),
            eq("445奈拉", 445, "NGN"),
            eq("20个比特币", 20, "BTC"),
        ],
    ),
    (
        "两美元又三美分，五元三毛，50美分，4人民币 5美元。",
        [
            eq("两美元又三美分", 2.03, "USD"),
            eq("五元三毛", 5.3, "CNY"),
            eq("50美分", 0.5, "USD"),
            eq("4人民币", 4, "CNY"),
            eq("5美元", 5, "USD"),
        ],
    ),
    # not claims: dates, years, clock times, identifiers, words with numerals
    ("2025年10月21日 05:51发布。", []),
    ("一些国家一直统一行动，十分重要。", []),
    ("从F-35战机到5G网络，十四五规划。", []),
    ("一个重要的问题。", []),
    ("登陆部队拾起队伍，千万不要忘记，成千上万的人，他俩一起。", []),
    ("下午三点五十分开会，有一点。", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_chinese_mentions(sentence: str, expected: list[Row]) -> None:
    assert_mentions(sentence, expected)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("二十万亿", 2e13),
        ("3万4000", 34_000),
        ("25万6千", 256_000),
        ("九万四", 94_000),
        ("一千二", 1200),
        ("一万零五", 10_005),
        ("十五", 15),
        ("两百", 200),
        ("六点六", 6.6),
        ("二〇二五", 2025),
        ("3亿5000万", 3.5e8),
        ("1,100.9亿", 1.1009e11),
        ("壹佰贰拾", 120),
        ("四万万", 4e8),
        ("五兆六十二亿四万五千二", 5_006_200_045_200),
        ("一百零十万", 1_100_000),
        ("两千三点一", 2300.1),
        ("三点五万", 35_000),
        ("负三十二", -32),
        ("一百零几万", 1_000_000),
    ],
)
def test_numeral_grammar(numeral: str, value: float) -> None:
    assert parse_chinese_number(numeral) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("numeral", ["二三十", "两三", "三四万"])
def test_estimates_are_no_single_number(numeral: str) -> None:
    assert parse_chinese_number(numeral) is None


def test_mixed_script_sentence_keeps_both_languages() -> None:
    sentence = "China holds 44 million tons，占全球34%，over 90% of refining。"
    assert [m.text for m in extract(sentence)] == ["44 million tons", "34%", "over 90%"]
