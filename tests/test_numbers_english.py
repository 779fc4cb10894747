"""English mentions: each news form the extractor must read, with value, unit and qualifier.

A row is (sentence, [(text as written, value, unit, qualifier, low, high), ...]): every mention
of the sentence, in order, so an extra or a missing mention fails the row as well.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from recheck.numbers import extract
from tests.number_rows import Row, assert_mentions, eq, rng

CASES: list[tuple[str, list[Row]]] = [
    # digits, separators, decimals, signs, scientific notation
    ("Output reached 1,500,000 tonnes.", [eq("1,500,000 tonnes", 1_500_000, "t")]),
    ("Output reached 1 500 000 tonnes.", [eq("1 500 000 tonnes", 1_500_000, "t")]),
    ("Stocks hold 816 000 t of ore.", [eq("816 000 t", 816_000, "t")]),
    ("A margin of 2.75 percent.", [eq("2.75 percent", 2.75, "percent")]),
    ("The balance was -5 points.", [eq("-5", -5, "1")]),
    ("Roughly 1.5e6 atoms.", [eq("Roughly 1.5e6", 1.5e6, "1", "approx")]),
    # scale words and abbreviations
    (
        "Revenue of $3bn and 2.5 million tons.",
        [eq("$3bn", 3e9, "USD"), eq("2.5 million tons", 2.5e6, "t")],
    ),
    ("A $13 009 million budget.", [eq("$13 009 million", 13_009e6, "USD")]),
    ("It costs 4 trillion yuan.", [eq("4 trillion yuan", 4e12, "CNY")]),
    ("Sales of 12 mn units and 7k units.", [eq("12 mn", 12e6, "1"), eq("7k", 7000, "1")]),
    ("Some 3.2 thousand firms.", [eq("Some 3.2 thousand", 3200, "1", "approx")]),
    # spelled numbers and fractions
    ("forty-two mines closed.", [eq("forty-two", 42, "1")]),
    ("a dozen firms and half a dozen ports.", [eq("a dozen", 12, "1"), eq("half a dozen", 6, "1")]),
    ("It makes two thirds of output.", [eq("two thirds", 66.6666666667, "percent")]),
    ("Nearly a quarter of supply.", [eq("Nearly a quarter", 25, "percent", "nearly")]),
    ("About a third of imports.", [eq("About a third", 33.3333333333, "percent", "approx")]),
    ("one hundred and five ships", [eq("one hundred and five", 105, "1")]),
    ("two million tonnes", [eq("two million tonnes", 2e6, "t")]),
    ("one in five magnets", [eq("one in five", 20, "percent")]),
    ("Output is less than one-tenth of China's.", [eq("less than one-tenth", 0.1, "x", "lt")]),
    ("close to half of the world's supply", [eq("close to half", 50, "percent", "nearly")]),
    # percent, per cent, percentage points
    ("A 70 per cent share.", [eq("70 per cent", 70, "percent")]),
    ("It rose 3 percentage points.", [eq("3 percentage points", 3, "pp")]),
    ("It fell 2 pp.", [eq("2 pp", -2, "pp")]),
    # multiples
    ("Prices doubled to twice the level.", [eq("twice", 2, "x")]),
    ("three times as much", [eq("three times", 3, "x")]),
    ("a 6.6-fold increase", [eq("6.6-fold", 6.6, "x")]),
    # changes, signed by direction
    (
        "Exports rose 20% and imports fell 29.5%.",
        [eq("20%", 20, "percent"), eq("29.5%", -29.5, "percent")],
    ),
    ("Shipments dropped by nearly 30% in September.", [eq("nearly 30%", -30, "percent", "nearly")]),
    ("a 20% increase and a 15% drop", [eq("20%", 20, "percent"), eq("15%", -15, "percent")]),
    ("Costs are 30% higher than in China.", [eq("30%", 30, "percent")]),
    ("The share rose to 20%.", [eq("20%", 20, "percent")]),
    # money
    (
        "US$3 billion, A$8.5 billion and €2 million.",
        [
            eq("US$3 billion", 3e9, "USD"),
            eq("A$8.5 billion", 8.5e9, "AUD"),
            eq("€2 million", 2e6, "EUR"),
        ],
    ),
    (
        "USD 5 million and 10 million dollars",
        [eq("USD 5 million", 5e6, "USD"), eq("10 million dollars", 1e7, "USD")],
    ),
    ("RMB 300 million in aid", [eq("RMB 300 million", 3e8, "CNY")]),
    ("worth 8 billion Australian dollars", [eq("8 billion Australian dollars", 8e9, "AUD")]),
    ("a fine of 5 million euros", [eq("5 million euros", 5e6, "EUR")]),
    # mass, and pounds decided by context
    (
        "An F-35 holds 408 kg, some 920 lb, of rare earths.",
        [eq("408 kg", 0.408, "t"), eq("some 920 lb", 0.4173049804, "t", "approx")],
    ),
    ("It weighs 2,000 pounds.", [eq("2,000 pounds", 0.90718474, "t")]),
    ("He paid 2,000 pounds for it.", [eq("2,000 pounds", 2000, "GBP")]),
    (
        "5 kt and 2 Mt and 3 metric tons",
        [eq("5 kt", 5000, "t"), eq("2 Mt", 2e6, "t"), eq("3 metric tons", 3, "t")],
    ),
    # durations
    (
        "Stocks last three months, or 6 weeks.",
        [eq("three months", 0.25, "year"), eq("6 weeks", 0.1149897330595, "year")],
    ),
    ("a 10-year plan", [eq("10-year", 10, "year")]),
    # ranks
    ("Australia has the second-largest reserves.", [eq("second-largest", 2, "rank")]),
    (
        "Brazil is the third-biggest producer and India No. 5.",
        [eq("third-biggest", 3, "rank"), eq("No. 5", 5, "rank")],
    ),
    ("China is the world's largest refiner.", [eq("world's largest", 1, "rank")]),
    ("It is one of the largest mines.", []),
    ("a nanosecond-largest error", []),
    # ranges
    ("It takes 8 to 10 years.", [rng("8 to 10 years", 8, 10, "year")]),
    (
        "A share of 40–45% and 8-10 plants.",
        [rng("40–45%", 40, 45, "percent"), rng("8-10", 8, 10, "1")],
    ),
    ("between 20 and 30 tonnes", [rng("between 20 and 30 tonnes", 20, 30, "t")]),
    ("between 5 to 10 percent", [rng("between 5 to 10 percent", 5, 10, "percent")]),
    ("$5-6 billion of investment", [rng("$5-6 billion", 5e9, 6e9, "USD")]),
    ("from 8 to 10 years", [rng("from 8 to 10 years", 8, 10, "year")]),
    # coordination is two numbers; a range is one
    ("It weighs 5 and 6 kg.", [eq("5", 0.005, "t"), eq("6 kg", 0.006, "t")]),
    ("It weighs 5 to 6 kg.", [rng("5 to 6 kg", 0.005, 0.006, "t")]),
    # qualifiers, attached only to the number they govern
    (
        "China not only accounts for 70% of extraction but also over 90% of processing.",
        [eq("70%", 70, "percent"), eq("over 90%", 90, "percent", "gt")],
    ),
    (
        "at least 5 mines, up to 9 plants, under 3%, almost 50%",
        [
            eq("at least 5", 5, "1", "ge"),
            eq("up to 9", 9, "1", "le"),
            eq("under 3%", 3, "percent", "lt"),
            eq("almost 50%", 50, "percent", "nearly"),
        ],
    ),
    ("100 tonnes or more", [eq("100 tonnes or more", 100, "t", "ge")]),
    ("Exports fell more than 20%.", [("more than 20%", -20, "percent", "gt", None, -20)]),
    # not claims: citations, labels, dates, clock times, years, identifiers, URLs, names
    ("Group 2 - Central Asia [5][15] and Section 232.", []),
    ("On October 21, 2025 at 05:51, in 2023, and in fiscal 2012–13.", []),
    ("F-35 jets, J-36, the C5+1, the G7, MCS 2025 and COVID-19 and 5G.", []),
    ("See https://example.org/report-2024/table-3 for the 1990s.", []),
    ("1. China leads the market.", []),
    ("Announcement No. 61 of 2025", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_english_mentions(sentence: str, expected: list[Row]) -> None:
    assert_mentions(sentence, expected)


def test_measures_follow_the_words() -> None:
    by_text = {m.text: m.measure for m in extract("Exports fell 5% while China held 70%.")}
    assert by_text == {"5%": "change", "70%": "share"}
    assert [m.measure for m in extract("the second-largest, 6.6-fold, $3 billion, 3 tons")] == [
        "rank",
        "ratio",
        "money",
        "amount",
    ]


def test_offsets_slice_the_text() -> None:
    sentence = "Reserves: about 44 million tons, 34% of the world."
    for mention in extract(sentence):
        assert sentence[mention.start : mention.end] == mention.text


def test_normalised_text_skips_the_width_pass_and_reads_the_same() -> None:
    from recheck.documents.text import normalise_width

    written = "产量为２．５万吨，占全球的７０％; output rose ５%."
    matching = normalise_width(written)
    assert matching != written
    assert (
        extract(matching, normalised=True)
        == extract(matching)
        == [replace(m, text=matching[m.start : m.end]) for m in extract(written)]
    )
