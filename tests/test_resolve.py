"""Key resolution on hand-placed mentions: subject, partner, metric, commodity, year, period.

The mentions are built by hand here so that these tests pin resolution alone; the seed tests
(test_claims_seeds.py) run extraction and resolution together.
"""

from __future__ import annotations

import re

import pytest

from recheck.claims import Key, resolve_keys
from recheck.numbers.mention import Mention
from recheck.reference import load_reference
from recheck.vocabulary import find_terms

UNIT_OF = {
    "%": ("percent", "share"),
    "t": ("t", "amount"),
    "x": ("x", "ratio"),
    "r": ("rank", "rank"),
}


@pytest.fixture(scope="module")
def vocabulary():
    return load_reference().vocabulary


def mentions(text: str, marked: list[tuple[str, str]]) -> list[Mention]:
    """Mentions at the first occurrence of each (surface, kind) after the previous one."""
    out, cursor = [], 0
    for surface, kind in marked:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        unit, measure = UNIT_OF[kind]
        number = float(re.findall(r"[\d.]+", surface)[0]) if re.search(r"\d", surface) else 2.0
        out.append(Mention(start, cursor, surface, number, unit, "eq", number, number, measure))
    return out


def keys(
    vocabulary, text: str, marked, published: str | None = "2025-10-21", carried: str | None = None
) -> list[Key]:
    found = mentions(text, marked)
    return resolve_keys(text, found, find_terms(vocabulary, text), published, carried)


def test_two_claims_in_one_clause(vocabulary) -> None:
    text = (
        "But they forget that China not only accounts for 70% of global rare earth extraction "
        "but also over 90% of processing capacity."
    )
    first, second = keys(vocabulary, text, [("70%", "%"), ("90%", "%")])
    assert (first.subject, first.metric, first.commodity) == (
        "CN",
        "mine_production",
        "rare_earths",
    )
    assert (second.subject, second.metric, second.commodity) == ("CN", "refining", "rare_earths")


def test_metric_and_commodity_carried_across_coordinated_numbers(vocabulary) -> None:
    text = (
        "China holds the largest reserves, controlling 61% of global production and supplying "
        "92% of refined rare earths and 99% of heavy rare earths [1][2]."
    )
    a, b, c = keys(vocabulary, text, [("61%", "%"), ("92%", "%"), ("99%", "%")])
    assert a.metric == "mine_production" and a.subject == "CN"
    assert (b.metric, b.commodity) == ("refining", "rare_earths")
    assert (c.metric, c.commodity, c.subject) == ("refining", "heavy_rare_earths", "CN")


def test_partner_after_relies_on(vocabulary) -> None:
    # The F-35 is an example set off by commas: it does not govern the number, and nothing
    # else in the sentence names who relies on China — so no subject rather than a guess.
    text = (
        "The military sector, particularly the F-35 fighter jet, relies on China for "
        "approximately 87% of its rare earth supply."
    )
    (key,) = keys(vocabulary, text, [("87%", "%")])
    assert key.partner == "CN"
    assert key.subject is None
    assert (key.metric, key.commodity) == ("import_reliance", "rare_earths")


def test_subject_is_not_the_partner(vocabulary) -> None:
    text = (
        "The U.S. holds approximately 15% of global rare earth reserves but only 3% of "
        "processing capacity, leading to a heavy reliance on China for 90% of processed "
        "rare earth products."
    )
    a, b, c = keys(vocabulary, text, [("15%", "%"), ("3%", "%"), ("90%", "%")])
    assert (a.subject, a.metric) == ("US", "reserves")
    assert (b.subject, b.metric) == ("US", "refining")
    assert (c.subject, c.partner, c.metric) == ("US", "CN", "refining")


def test_chinese_partner_and_month(vocabulary) -> None:
    text = "9月中国对美出口稀土下降30%"
    (key,) = keys(vocabulary, text, [("下降30%", "%")])
    assert (key.subject, key.partner, key.metric, key.commodity) == (
        "CN",
        "US",
        "exports",
        "rare_earths",
    )
    assert (key.year, key.period) == (2025, "2025-09")


def test_traditional_chinese_is_matched_as_simplified(vocabulary) -> None:
    text = "美國稀土精鍊99%依賴中國"
    (key,) = keys(vocabulary, text, [("99%", "%")])
    assert (key.subject, key.partner, key.metric, key.commodity) == (
        "US",
        "CN",
        "refining",
        "rare_earths",
    )


def test_rank_with_metric_after(vocabulary) -> None:
    text = "Australia has the second-largest rare earth reserves globally."
    (key,) = keys(vocabulary, text, [("second-largest", "r")])
    assert (key.subject, key.metric, key.commodity) == ("AU", "reserves", "rare_earths")


def test_ratio_partner(vocabulary) -> None:
    text = "India's production capacity is less than one-tenth of China's."
    (key,) = keys(vocabulary, text, [("less than one-tenth", "x")])
    assert (key.subject, key.partner) == ("IN", "CN")


def test_subject_carried_from_previous_sentence(vocabulary) -> None:
    text = "Its rare earth exports fell 30% in September."
    (key,) = keys(vocabulary, text, [("30%", "%")], carried="CN")
    assert key.subject == "CN"
    assert key.period == "2025-09"


def test_unresolved_stays_null(vocabulary) -> None:
    text = "The committee met and raised the figure to 12 in the end."
    (key,) = keys(vocabulary, text, [("12", "t")])
    assert key == Key()


def test_world_amount(vocabulary) -> None:
    text = "Global mine production rose to 390,000 t in 2024."
    (key,) = keys(vocabulary, text, [("390,000 t", "t")])
    assert (key.subject, key.metric, key.year) == ("world", "mine_production", 2024)


@pytest.mark.parametrize(
    "text, published, year, period",
    [
        ("China mined 240,000 t in 2023.", "2025-01-01", 2023, "2023"),
        ("中国2023年稀土开采量为240,000 t。", "2025-01-01", 2023, "2023"),
        ("China mined 240,000 t last year.", "2025-03-01", 2024, "2024"),
        ("China mined 240,000 t in the first half.", "2025-08-01", 2025, "2025-H1"),
        ("China exported 240,000 t in December.", "2025-03-01", 2024, "2024-12"),
        ("China mined 240,000 t.", "2025-03-01", None, None),
    ],
)
def test_years_and_periods(vocabulary, text, published, year, period) -> None:
    (key,) = keys(vocabulary, text, [("240,000 t", "t")], published=published)
    assert (key.year, key.period) == (year, period)


def test_case_sensitive_short_aliases(vocabulary) -> None:
    hits = find_terms(vocabulary, "let us compare: the US mined 40 t")
    assert [h.id for h in hits if h.kind == "subject"] == ["US"]


def test_plurals_and_hyphens(vocabulary) -> None:
    hits = find_terms(vocabulary, "rare-earth magnets and the reserve of a rare earth")
    ids = [h.id for h in hits]
    assert ids[0] == "rare_earth_magnets"
    assert "reserves" in ids and "rare_earths" in ids


def test_a_subject_is_never_its_own_partner(vocabulary) -> None:
    text = "China controls about 70% of mining while the world relies on China for refining."
    (key,) = keys(vocabulary, text, [("70%", "%")])
    assert key.subject == "CN"
    assert key.partner is None


def test_coordinated_terms_leave_the_field_null(vocabulary) -> None:
    text = "For dysprosium and samarium, refining relies 99% on China."
    (key,) = keys(vocabulary, text, [("99%", "%")], carried="US")
    assert (key.subject, key.partner, key.metric, key.commodity) == ("US", "CN", "refining", None)


def test_coordinated_subjects_give_no_subject(vocabulary) -> None:
    text = "The US and Australia will invest $3 billion in rare earth mining."
    (key,) = keys(vocabulary, text, [("3", "t")])
    assert key.subject is None and key.commodity == "rare_earths"


def test_coordinated_chinese_commodities(vocabulary) -> None:
    text = "镝、钐等关键品种的精炼更是99%依赖中国"
    (key,) = keys(vocabulary, text, [("99%", "%")], carried="US")
    assert (key.subject, key.partner, key.metric, key.commodity) == ("US", "CN", "refining", None)


def test_an_example_between_commas_does_not_govern(vocabulary) -> None:
    text = "U.S. industry, particularly the F-35 fighter jet, relies on China for 87% of supply."
    (key,) = keys(vocabulary, text, [("87%", "%")])
    assert (key.subject, key.partner, key.metric) == ("US", "CN", "import_reliance")


def test_a_relative_clause_takes_the_subject_before_its_comma(vocabulary) -> None:
    text = "Rare earths matter for equipment, including the F-35, which requires 408 kg of them."
    (key,) = keys(vocabulary, text, [("408 kg", "t")])
    assert (key.subject, key.metric) == ("f35", "content")


def test_a_run_on_sentence_takes_the_carried_subject(vocabulary) -> None:
    text = "He accused China of preparing, It also plans tariffs of 100% on China goods."
    (key,) = keys(vocabulary, text, [("100%", "%")], carried="US")
    assert (key.subject, key.partner, key.metric) == ("US", "CN", "tariff")


def test_with_names_the_subject_not_a_partner(vocabulary) -> None:
    text = "The U.S. lags, with Chinese processing achieving purity of 99.999%."
    (key,) = keys(vocabulary, text, [("99.999%", "%")])
    assert (key.subject, key.partner, key.metric) == ("CN", None, "purity")


def test_a_partner_after_the_comma_belongs_to_another_number(vocabulary) -> None:
    text = "The U.S. has only 3% of processing capacity, leading to reliance on China for 90%."
    a, b = keys(vocabulary, text, [("3%", "%"), ("90%", "%")])
    assert (a.subject, a.partner) == ("US", None)
    assert (b.subject, b.partner) == ("US", "CN")


def test_chinese_rank(vocabulary) -> None:
    text = "澳大利亚稀土储量居全球第二"
    (key,) = keys(vocabulary, text, [("第二", "r")])
    assert (key.subject, key.metric, key.commodity) == ("AU", "reserves", "rare_earths")


def test_a_year_in_a_later_segment_is_another_numbers(vocabulary) -> None:
    text = "China holds 44,000,000 t of reserves, with mining quotas reaching 240,000 t in 2023."
    a, b = keys(vocabulary, text, [("44,000,000 t", "t"), ("240,000 t", "t")])
    assert (a.metric, a.year) == ("reserves", None)
    assert (b.subject, b.metric, b.year) == ("CN", "quota", 2023)


def test_the_head_of_the_attached_phrase_is_its_last_term(vocabulary) -> None:
    text = "China controls over 70% of rare earth separation patents."
    (key,) = keys(vocabulary, text, [("70%", "%")])
    assert (key.metric, key.commodity) == ("patents", "rare_earths")


def test_small_spelling_slips_in_names_are_forgiven(vocabulary) -> None:
    text = "Austrailia holds reserves of dysprosum; Kazakstan mines neodymiun."
    found = [(text[h.start : h.end], h.id) for h in find_terms(vocabulary, text, fuzzy=True)]
    assert ("Austrailia", "AU") in found and ("dysprosum", "dysprosium") in found
    assert ("Kazakstan", "KZ") in found and ("neodymiun", "neodymium") in found
    assert not find_terms(vocabulary, "Austrailia", fuzzy=False)


def test_spelling_tolerance_spares_real_words(vocabulary) -> None:
    # Metric words are never guessed ("defining" is not "refining"), nor short words, and an
    # ignore word beats an alias of its length ("the Americas" is not the United States).
    text = "Defining the mixing in Americas erbium"
    assert find_terms(vocabulary, text, fuzzy=True) == []


@pytest.mark.parametrize(
    "text, surface",
    [
        ("The largest Australian producer, Lynas, relies on Malaysia.", "largest"),
        ("Lynas Corporation, Australia's largest rare earth producer, struggles.", "largest"),
        ("MP Materials is the second-largest American rare earth producer.", "second-largest"),
    ],
)
def test_a_rank_within_a_country_is_not_that_countrys(vocabulary, text, surface) -> None:
    # The country is where the ranking is made; not carried either ("Australia" before).
    (key,) = keys(vocabulary, text, [(surface, "r")], carried="AU")
    assert key.subject is None
    assert key.metric == "mine_production"


def test_a_country_that_holds_the_rank_keeps_it(vocabulary) -> None:
    text = "Australia has the second-largest rare earth reserves, and China the world's largest."
    first, second = keys(vocabulary, text, [("second-largest", "r"), ("world's largest", "r")])
    assert (first.subject, second.subject) == ("AU", "CN")
