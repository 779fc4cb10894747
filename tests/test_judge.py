"""Verdicts and conflicts on hand-made claims and reference facts (no extraction involved)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from recheck.claims import Claim
from recheck.intervals import Tolerance, claim_interval
from recheck.judge import judge, judge_claim
from recheck.reconcile import reconcile
from recheck.reference import Reference, load_reference

from .claim_factory import make_claim

SOURCES = """sources:
  survey-2023:
    title: Survey 2023
    publisher: Survey Office
    edition: S 2023
    published: 2023-01-31
    url: https://example.org/2023
  survey-2025:
    title: Survey 2025
    publisher: Survey Office
    edition: S 2025
    published: 2025-01-31
    url: https://example.org/2025
  survey-2026:
    title: Survey 2026
    publisher: Survey Office
    edition: S 2026
    published: 2026-01-31
    url: https://example.org/2026
  agency-2025:
    title: Outlook 2025
    publisher: Agency
    edition: O 2025
    published: 2025-05-01
    url: https://example.org/outlook
"""
TABLES = """tables:
  - {source: survey-2023, metric: reserves, commodity: rare_earths, unit: t,
     values: {CN: 44000000, VN: 22000000, AU: 4200000, world: 130000000}}
  - {source: survey-2025, metric: reserves, commodity: rare_earths, unit: t,
     values: {CN: 44000000, AU: 5700000, BR: 21000000, world: ">90000000"}}
  - {source: survey-2026, metric: reserves, commodity: rare_earths, unit: t,
     values: {CN: 44000000, AU: 6300000, BR: 21000000, world: ">85000000"}}
  - {source: survey-2025, metric: mine_production, commodity: rare_earths, unit: t, year: 2023,
     values: {CN: 255000, world: 376000}}
  - {source: survey-2025, metric: mine_production, commodity: rare_earths, unit: t, year: 2024,
     values: {CN: 270000, world: 390000}}
facts:
  - {subject: CN, metric: mine_production, commodity: rare_earths, measure: share, value: 60,
     unit: percent, year: 2024, source: agency-2025}
  - {subject: CN, metric: refining, commodity: rare_earths, measure: share, value: 91,
     unit: percent, year: 2024, source: agency-2025}
"""


def reference_with(tmp_path: Path, facts: str) -> Reference:
    """A reference of the test SOURCES and ``facts`` (YAML text), read from a folder."""
    folder = tmp_path / "ref"
    folder.mkdir()
    (folder / "r.yaml").write_text(SOURCES + facts, encoding="utf-8")
    return load_reference([folder])


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("ref")
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "facts.yaml").write_text(TABLES, encoding="utf-8")
    return load_reference([folder])


def claim(value: float, qualifier: str = "eq", **key: object) -> Claim:
    return make_claim(value, qualifier, **{"text": f"{value}", **key})


def verdict(reference, c: Claim, as_of: str = "2025-06-01") -> str:
    return judge_claim(c, reference, as_of).verdict


def test_supported_by_the_current_edition(reference) -> None:
    finding = judge_claim(claim(48.9), reference, "2025-06-01")
    assert finding.verdict == "supported"
    assert finding.severity == "none"
    assert finding.reference is not None and finding.reference.source.id == "survey-2025"


def test_outdated_names_the_edition_it_matches_and_the_current_figure(reference) -> None:
    finding = judge_claim(claim(34), reference, "2025-06-01")
    assert finding.verdict == "outdated" and finding.severity == "warning"
    assert finding.reference is not None and finding.reference.source.id == "survey-2023"
    assert "S 2025" in finding.message and "S 2023" in finding.message
    assert "48.9% (44M of >90M t)" in finding.message


def test_contradicted_when_no_edition_fits(reference) -> None:
    finding = judge_claim(claim(15), reference, "2025-06-01")
    assert finding.verdict == "contradicted" and finding.severity == "error"
    assert finding.reference is not None  # judged against the current figure


def test_unverified_without_a_fact_or_without_a_key(reference) -> None:
    assert verdict(reference, claim(50, subject="IN")) == "unverified"
    assert verdict(reference, claim(50, metric=None)) == "unverified"
    assert judge_claim(claim(50, metric=None), reference, "2025-06-01").severity == "note"


def test_edition_at_publication_decides(reference) -> None:
    # Australia's share: 5.7 of >90 Mt (6.3%) in S 2025, 6.3 of >85 Mt (7.4%) in S 2026.
    c = claim(6.3, subject="AU")
    assert verdict(reference, replace(c, published="2025-06-01")) == "supported"
    assert verdict(reference, replace(c, published="2026-06-01")) == "outdated"
    c = claim(7.4, subject="AU")
    assert verdict(reference, replace(c, published="2025-06-01")) == "contradicted"
    assert verdict(reference, replace(c, published="2026-06-01")) == "supported"


def test_undated_article_is_judged_as_of(reference) -> None:
    c = claim(7.4, subject="AU", published=None)
    assert judge_claim(c, reference, "2025-06-01").verdict == "contradicted"
    assert judge_claim(c, reference, "2026-06-01").verdict == "supported"


def test_before_any_edition_there_is_nothing_to_judge_against(reference) -> None:
    assert verdict(reference, claim(34, published="2020-01-01")) == "unverified"


@pytest.mark.parametrize(
    "value, qualifier, expected",
    [
        (90, "gt", "supported"),  # over 90% vs 91
        (95, "gt", "contradicted"),  # over 95% vs 91
        (92, "nearly", "supported"),  # nearly 92% vs 91
        (90, "nearly", "contradicted"),  # nearly 90% is below 90, the source says 91
        (85, "approx", "supported"),  # about 85% covers 76.5–93.5
        (80, "eq", "contradicted"),
        (95, "lt", "supported"),  # less than 95%
        (90, "le", "contradicted"),  # at most 90% vs 91 (printed 90.5–91.5)
    ],
)
def test_qualifiers(reference, value, qualifier, expected) -> None:
    assert verdict(reference, claim(value, qualifier, metric="refining")) == expected


def test_range_claims(reference) -> None:
    c = claim(92.5, "range", metric="refining", low=90.0, high=95.0)
    assert verdict(reference, c) == "supported"
    c = claim(82.5, "range", metric="refining", low=80.0, high=85.0)
    assert verdict(reference, c) == "contradicted"


def test_several_current_sources_for_one_key(reference) -> None:
    # China's share of mine production: 69.2% (Survey, 270 of 390 kt) and 60% (Agency).
    for value, source in ((69, "survey-2025"), (60, "agency-2025")):
        finding = judge_claim(claim(value, metric="mine_production"), reference, "2025-06-01")
        assert finding.verdict == "supported"
        assert finding.reference is not None and finding.reference.source.id == source
    assert verdict(reference, claim(80, metric="mine_production")) == "contradicted"


def test_explicit_year_is_judged_against_that_year(reference) -> None:
    # 255 of 376 kt in 2023 (67.6–68.0%); 270 of 390 kt in 2024 (67.2–71.2%, rounded figures);
    # a plain figure stretches 2%: 71 covers 69.6–72.4.
    assert verdict(reference, claim(67.8, metric="mine_production", year=2023)) == "supported"
    assert verdict(reference, claim(71, metric="mine_production", year=2023)) == "contradicted"
    assert verdict(reference, claim(71, metric="mine_production")) == "supported"
    assert verdict(reference, claim(69.2, metric="mine_production", year=2019)) == "unverified"


def test_amounts_and_derived_ranks(reference) -> None:
    amount = claim(44e6, unit="t", measure="amount")
    assert verdict(reference, amount) == "supported"
    rank = claim(2, unit="rank", measure="rank", subject="BR")
    assert verdict(reference, rank) == "supported"
    rank_au = claim(2, unit="rank", measure="rank", subject="AU")
    assert verdict(reference, rank_au) == "contradicted"  # third in S 2025


def test_precision_of_the_reference() -> None:
    tolerance = Tolerance()
    assert claim_interval(claim(70), tolerance) == pytest.approx((68.6, 71.4))
    assert claim_interval(claim(70, "approx"), tolerance) == pytest.approx((63, 77))
    assert claim_interval(claim(90, "nearly"), tolerance) == pytest.approx((81, 90))
    assert claim_interval(claim(90, "gt"), tolerance)[1] == float("inf")


def test_tolerance_is_configurable(reference) -> None:
    c = claim(85, "approx", metric="refining")
    assert judge_claim(c, reference, "2025-06-01").verdict == "supported"
    strict = Tolerance(approx=0.02)
    assert judge_claim(c, reference, "2025-06-01", strict).verdict == "contradicted"


def test_conflicts_within_a_file_are_errors_across_files_warnings() -> None:
    a = claim(70, id="a.txt:1:1")
    b = claim(60, id="a.txt:5:1", line=5)
    c = claim(70, id="b.txt:2:3", file="b.txt")
    d = claim(69.5, id="c.txt:1:1", file="c.txt")
    inside = reconcile([a, b])
    assert len(inside) == 1 and inside[0].severity == "error"
    assert inside[0].claims == ("a.txt:1:1", "a.txt:5:1")
    across = reconcile([b, c])
    assert len(across) == 1 and across[0].severity == "warning"
    assert reconcile([a, c, d]) == []  # 70, 70 and 69.5 can all hold


def test_different_periods_or_keys_do_not_conflict() -> None:
    june = claim(352.8, unit="t", measure="amount", metric="exports", year=2025, period="2025-06")
    may = replace(june, id="a.txt:2:1", value=1238.0, low=1238.0, high=1238.0, period="2025-05")
    assert reconcile([june, may]) == []
    other = replace(may, period="2025-06", subject="JP")
    assert reconcile([june, other]) == []


def test_ranks_conflict_with_ranks() -> None:
    second = claim(2, unit="rank", measure="rank", subject="AU", id="a.txt:1:1")
    fifth = claim(5, unit="rank", measure="rank", subject="AU", id="b.txt:1:1", file="b.txt")
    assert len(reconcile([second, fifth])) == 1


def test_judge_marks_conflicting_claims(reference) -> None:
    a = claim(70, id="a.txt:1:1")
    b = claim(60, id="a.txt:5:1", line=5)
    findings, conflicts = judge([a, b], reference, "2025-06-01")
    assert len(conflicts) == 1
    assert findings[0].conflicts_with == ("a.txt:5:1",)
    assert findings[1].conflicts_with == ("a.txt:1:1",)


# --- qualifiers and precision ---------------------------------------------------------------


def test_nearly_is_just_below_never_above() -> None:
    tolerance = Tolerance()
    low, high = claim_interval(claim(90, "nearly"), tolerance)
    assert high == 90 and low < 90
    assert claim_interval(claim(90, "nearly"), Tolerance(nearly=0.05)) == pytest.approx((85.5, 90))


@pytest.mark.parametrize(
    "value, qualifier, expected",
    [
        (91, "nearly", "supported"),  # nearly 91 reaches the printed 90.5–91.5
        (91, "ge", "supported"),  # at least 91%
        (92, "ge", "contradicted"),  # at least 92%: the source printed 91
        (91.6, "lt", "supported"),  # less than 91.6 reaches the printed 90.5–91.5
        (90, "lt", "contradicted"),  # less than 90% vs 91
        (91, "le", "supported"),
        (100, "approx", "supported"),  # about 100% covers 90–110
        (102, "approx", "contradicted"),  # about 102% covers 91.8–112.2
    ],
)
def test_more_qualifiers(reference, value, qualifier, expected) -> None:
    assert verdict(reference, claim(value, qualifier, metric="refining")) == expected


def test_reference_precision_and_bounds(reference) -> None:
    from recheck.intervals import fact_interval

    refining = next(f for f in reference.facts if f.metric == "refining")
    assert fact_interval(refining) == pytest.approx((90.5, 91.5))  # printed 91
    world = next(
        f for f in reference.facts if f.subject == "world" and f.source.id == "survey-2025"
    )
    assert world.low == 90e6 and world.high is None  # ">90000000" is a bound
    low, high = fact_interval(world)
    assert low == pytest.approx(89.5e6) and high == float("inf")
    # a claim of 100 Mt fits "more than 90 Mt"; 80 Mt fits no edition; 130 Mt fits S 2023
    more = claim(100e6, unit="t", measure="amount", subject="world")
    assert verdict(reference, more) == "supported"
    assert verdict(reference, replace(more, value=80e6, low=80e6, high=80e6)) == "contradicted"
    assert verdict(reference, replace(more, value=130e6, low=130e6, high=130e6)) == "supported"


# --- messages ---------------------------------------------------------------------------------


def test_supported_message_names_the_source_and_the_other_current_ones(reference) -> None:
    finding = judge_claim(claim(60, metric="mine_production"), reference, "2025-06-01")
    assert finding.verdict == "supported"
    assert "O 2025: 60% (2024): supported" in finding.message
    assert "Also current: Survey Office S 2025: 69.2%" in finding.message


def test_outdated_message_names_current_figure_and_matching_edition(reference) -> None:
    finding = judge_claim(claim(34, published="2025-05-06"), reference, "2025-06-01")
    assert finding.message == (
        "CN, rare_earths reserves: share: claimed 34 (a.txt:1:1, published 2025-05-06). "
        "Survey Office S 2025: 48.9% (44M of >90M t). "
        "34 matches Survey Office S 2023: 33.8% (44M of 130M t): outdated."
    )


def test_contradicted_message_lists_every_current_source(reference) -> None:
    finding = judge_claim(claim(80, metric="mine_production"), reference, "2025-06-01")
    assert finding.verdict == "contradicted"
    assert "O 2025: 60% (2024); Survey Office S 2025: 69.2%" in finding.message


# --- time --------------------------------------------------------------------------------------


def test_an_older_data_year_of_the_current_edition_is_outdated(reference) -> None:
    # S 2025 gives 255,000 t for 2023 and 270,000 t (265–275 kt as printed) for 2024: an
    # undated 255,000 t fits only the earlier year of the current edition.
    amount = claim(255000, unit="t", measure="amount", metric="mine_production")
    finding = judge_claim(amount, reference, "2025-06-01")
    assert finding.verdict == "outdated"
    assert finding.reference is not None and finding.reference.year == 2023
    assert "S 2025: 270,000 t (2024)" in finding.message


def test_projections_need_the_year_they_are_for(tmp_path: Path) -> None:
    ref = reference_with(
        tmp_path,
        """facts:
  - {subject: CN, metric: refining, commodity: rare_earths, measure: share, value: 92,
     unit: percent, year: 2023, source: agency-2025}
  - {subject: CN, metric: refining, commodity: rare_earths, measure: share, value: 77,
     unit: percent, year: 2030, source: agency-2025, label: projection}
""",
    )
    assert verdict(ref, claim(92, metric="refining")) == "supported"  # 2030 is not "now"
    undated = judge_claim(claim(77, metric="refining"), ref, "2025-06-01")
    assert undated.verdict == "unverified" and "projection" in undated.message
    assert verdict(ref, claim(77, metric="refining", year=2030)) == "supported"
    assert verdict(ref, claim(60, metric="refining", year=2030)) == "contradicted"


MONTHLY = """facts:
  - {subject: CN, partner: US, metric: exports, commodity: rare_earth_magnets, measure: amount,
     value: 46, unit: t, period: 2025-05, source: agency-2025}
  - {subject: CN, partner: US, metric: exports, commodity: rare_earth_magnets, measure: amount,
     value: 353, unit: t, period: 2025-06, source: agency-2025}
  - {subject: CN, metric: exports, commodity: rare_earths, measure: count, value: 7, unit: "1",
     year: 2025, source: agency-2025}
"""


def test_a_month_is_part_of_the_key_where_the_reference_is_monthly(tmp_path: Path) -> None:
    ref = reference_with(tmp_path, MONTHLY)
    june = claim(
        353,
        unit="t",
        measure="amount",
        metric="exports",
        commodity="rare_earth_magnets",
        partner="US",
        year=2025,
        period="2025-06",
    )
    assert verdict(ref, june) == "supported"
    may = replace(june, period="2025-05")
    assert verdict(ref, may) == "contradicted"  # 353 t is June's figure, not May's
    assert verdict(ref, replace(june, period="2025-07")) == "unverified"
    undated = judge_claim(replace(june, period=None, year=None), ref, "2025-06-01")
    assert undated.verdict == "unverified" and "only by period" in undated.message
    # an annual key: a month named in the claim narrows nothing
    count = claim(7, unit="1", measure="count", metric="exports", year=2025, period="2025-04")
    assert verdict(ref, count) == "supported"


def test_a_caveat_is_repeated_wherever_the_figure_is_cited(tmp_path: Path) -> None:
    ref = reference_with(
        tmp_path,
        """facts:
  - {subject: f35, metric: content, commodity: rare_earths, measure: amount, value: 0.4173,
     unit: t, source: agency-2025, label: 920 lb, caveat: "contested figure"}
""",
    )
    finding = judge_claim(
        claim(0.4173, unit="t", measure="amount", subject="f35", metric="content"),
        ref,
        "2025-06-01",
    )
    assert finding.verdict == "supported"
    assert finding.message.endswith("Caveat: contested figure.")
    assert "0.4173 t (920 lb)" in finding.message


# --- a share and an amount in one sentence -------------------------------------------------------


def _pair(share: float, amount: float = 44e6, published: str = "2025-06-01") -> list[Claim]:
    sentence = f"China holds {amount:g} tons, {share:g}% of global reserves."
    return [
        claim(
            amount,
            unit="t",
            measure="amount",
            id="a.txt:3:13",
            text="44 million tons",
            sentence=sentence,
            published=published,
            line=3,
            column=13,
        ),
        claim(
            share,
            id="a.txt:3:30",
            text=f"{share:g}%",
            sentence=sentence,
            published=published,
            line=3,
            column=30,
        ),
    ]


def test_share_and_amount_imply_a_world_total_naming_its_edition(reference) -> None:
    findings, _ = judge(_pair(34), reference, "2025-06-01")
    message = findings[1].message
    assert findings[1].verdict == "outdated"
    assert "With 44 million tons (a.txt:3:13), 34% implies a world total of 129M t" in message
    assert "the world total of Survey Office S 2023, 130,000,000 t" in message
    assert "the current Survey Office S 2025 gives >90,000,000 t" in message
    assert "implies" not in findings[0].message  # the note goes with the share


def test_share_and_amount_matching_the_current_total(reference) -> None:
    findings, _ = judge(_pair(48.9), reference, "2025-06-01")
    assert "the world total of Survey Office S 2025" in findings[1].message
    assert "the current edition" in findings[1].message


def test_share_and_amount_matching_no_total(reference) -> None:
    findings, _ = judge(_pair(20), reference, "2025-06-01")
    assert "matches no edition's world total" in findings[1].message


def test_share_and_amount_in_different_sentences_are_not_combined(reference) -> None:
    amount, share = _pair(34)
    findings, _ = judge([amount, replace(share, sentence="Another.")], reference, "2025-06-01")
    assert "implies" not in findings[1].message


# --- conflicts -----------------------------------------------------------------------------------


def test_conflict_message_cites_every_claim() -> None:
    a = claim(70, id="a.txt:1:1", text="70%")
    b = claim(60, id="a.txt:5:1", line=5, text="60%")
    c = claim(69, id="a.txt:9:1", line=9, text="69%")
    (conflict,) = reconcile([a, b, c])
    assert conflict.claims == ("a.txt:1:1", "a.txt:5:1", "a.txt:9:1")
    for cid in conflict.claims:
        assert cid in conflict.message
    assert "in one file" in conflict.message and conflict.severity == "error"


def test_rank_conflicts_within_a_file_are_errors_across_files_warnings() -> None:
    rank = dict(unit="rank", measure="rank", subject="AU")
    second = claim(2, id="a.txt:1:1", text="second-largest", **rank)
    fifth = claim(5, id="a.txt:4:1", line=4, text="fifth-largest", **rank)
    elsewhere = replace(fifth, id="b.txt:1:1", file="b.txt")
    (inside,) = reconcile([second, fifth])
    assert inside.severity == "error"
    (across,) = reconcile([second, elsewhere])
    assert across.severity == "warning" and "across 2 files" in across.message
    # a rank never conflicts with a share of the same subject
    share = claim(5.5, id="a.txt:6:1", subject="AU")
    assert reconcile([second, share]) == []


def test_claims_of_different_years_do_not_conflict() -> None:
    a = claim(36.7, year=2021, period="2021", id="a.txt:1:1")
    b = claim(48.9, year=2024, period="2024", id="a.txt:2:1")
    assert reconcile([a, b]) == []


def test_the_report_document_keeps_the_contract_shape(reference) -> None:
    import json

    import jsonschema

    from recheck.pipeline import ScanResult
    from recheck.report.json_format import report_document
    from tests.conftest import SCHEMAS

    claims = [
        *_pair(34),
        claim(15, id="a.txt:7:1", line=7),
        claim(50, subject="IN", id="b.txt:1:1"),
    ]
    findings, conflicts = judge(claims, reference, "2025-06-01")
    document = report_document(ScanResult(2, (), tuple(findings), tuple(conflicts)))
    schema = json.loads((SCHEMAS / "report-v1.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    outdated = document["claims"][1]
    assert outdated["verdict"] == "outdated"
    assert set(outdated["reference"]) == {"value", "low", "high", "unit", "year", "source"}
    assert set(outdated["reference"]["source"]) == {"id", "title", "publisher", "url", "locator"}
    assert outdated["reference"]["source"]["id"] == "survey-2023"


def test_touching_intervals_do_not_fit() -> None:
    from recheck.intervals import overlaps

    assert not overlaps((5.5, 6.5), (6.5, 7.5))  # six is not seven
    assert overlaps((5.5, 6.5), (6.5, 6.5))  # a point on the edge still fits
    assert overlaps((90, float("inf")), (89.5, 90.5))


def test_a_count_is_judged_only_where_it_counts_the_same_thing(tmp_path: Path) -> None:
    ref = reference_with(
        tmp_path,
        """facts:
  - {subject: CN, metric: exports, commodity: [rare_earths, heavy_rare_earths], measure: count,
     value: 7, unit: "1", year: 2025, source: agency-2025, counts: [element, 种]}
""",
    )
    count = dict(unit="1", measure="count", metric="exports", year=2025)
    seven = claim(
        7,
        text="seven",
        sentence="China put seven heavy rare earth elements under licence.",
        **count,
    )
    assert verdict(ref, seven) == "supported"
    assert verdict(ref, replace(seven, commodity="heavy_rare_earths")) == "supported"
    two = claim(2, text="two", sentence="Exports fell, said the two nations.", **count)
    assert verdict(ref, two) == "unverified"
    zh = claim(7, text="7", sentence="中国对7种中重稀土实施出口管制。", lang="zh", **count)
    assert verdict(ref, zh) == "supported"


def test_a_key_with_only_a_projection_needs_the_year(tmp_path: Path) -> None:
    ref = reference_with(
        tmp_path,
        """facts:
  - {subject: MY, metric: refining, commodity: rare_earths, measure: share, value: 12,
     unit: percent, year: 2030, source: agency-2025}
""",
    )
    undated = judge_claim(claim(12, subject="MY", metric="refining"), ref, "2025-06-01")
    assert undated.verdict == "unverified" and "projection" in undated.message
    assert verdict(ref, claim(12, subject="MY", metric="refining", year=2030)) == "supported"


def test_two_subjects_cannot_both_be_the_largest() -> None:
    rank = dict(unit="rank", measure="rank", text="largest")
    china = claim(1, id="a.txt:1:1", subject="CN", **rank)
    australia = claim(1, id="a.txt:3:1", line=3, subject="AU", **rank)
    (conflict,) = reconcile([china, australia])
    assert conflict.key.subject is None and conflict.key.measure == "rank"
    assert conflict.severity == "error" and conflict.claims == ("a.txt:1:1", "a.txt:3:1")
    assert "more than one subject ranked first" in conflict.message
    elsewhere = replace(australia, id="b.txt:1:1", file="b.txt")
    assert reconcile([china, elsewhere])[0].severity == "warning"
    # second place may be shared (rounded tables tie), and the same subject twice is fine
    seconds = [replace(china, value=2.0, low=2.0, high=2.0), replace(australia, value=2.0)]
    assert reconcile(seconds) == []
    assert reconcile([china, replace(china, id="a.txt:9:1")]) == []


def test_judge_marks_both_claimed_firsts(reference) -> None:
    rank = dict(unit="rank", measure="rank", text="largest")
    china = claim(1, id="a.txt:1:1", subject="CN", **rank)
    brazil = claim(1, id="a.txt:3:1", line=3, subject="BR", **rank)
    findings, conflicts = judge([china, brazil], reference, "2025-06-01")
    assert len(conflicts) == 1
    assert findings[0].conflicts_with == ("a.txt:3:1",)
    assert findings[1].conflicts_with == ("a.txt:1:1",)
    assert [f.verdict for f in findings] == ["supported", "contradicted"]


def test_nearly_a_fall_is_a_fall_just_short_of_it() -> None:
    # "fell nearly 30%" is -30 with 'nearly': a fall of 27–30%, never more than 30%.
    fall = claim(-30, "nearly", unit="percent", measure="change")
    assert claim_interval(fall, Tolerance()) == pytest.approx((-30, -27))


# --- ratios of one subject to another -------------------------------------------------------


def ratio(value: float, qualifier: str = "eq", **key: object) -> Claim:
    fields: dict[str, object] = dict(
        subject="AU", partner="CN", measure="ratio", unit="x", text="one-tenth"
    )
    fields.update(key)
    return claim(value, qualifier, **fields)


def test_a_ratio_of_two_subjects_is_derived_from_one_source(reference) -> None:
    # S 2025: Australia 5.7 Mt against China's 44 Mt is 0.13; S 2023: 4.2 of 44 Mt, 0.095.
    finding = judge_claim(ratio(0.13), reference, "2025-06-01")
    assert finding.verdict == "supported", finding.message
    assert finding.reference is not None and finding.reference.derived
    assert "0.1295× (5.7M of 44M t)" in finding.message
    assert verdict(reference, ratio(0.1, "lt")) == "outdated"  # only S 2023's 0.095
    assert verdict(reference, ratio(0.1, "lt", published="2023-06-01")) == "supported"
    assert verdict(reference, ratio(0.5, "gt")) == "contradicted"


def test_a_ratio_needs_both_subjects_in_one_source(reference) -> None:
    assert verdict(reference, ratio(0.5, subject="BR", published="2023-06-01")) == "unverified"
    assert verdict(reference, ratio(0.5, partner=None)) == "unverified"


def test_a_flow_partner_is_not_a_ratio_partner(tmp_path: Path) -> None:
    # "Australia's exports to China rose 1.3-fold": China is where the exports go, not a
    # subject whose own exports they are compared with.
    rows = "values: {AU: 100, CN: 770}}"
    (tmp_path / "r.yaml").write_text(
        SOURCES
        + "vocabulary:\n  flows: [exports]\n"
        + "tables:\n"
        + f"  - {{source: survey-2025, metric: exports, commodity: rare_earths, unit: t, {rows}\n"
        + "  - {source: survey-2025, metric: mine_production, commodity: rare_earths, unit: t, "
        + f"{rows}\n",
        encoding="utf-8",
    )
    small = load_reference([tmp_path])
    assert verdict(small, ratio(0.13, metric="exports")) == "unverified"
    assert verdict(small, ratio(0.13, metric="mine_production")) == "supported"


# --- claims judged together share the work, not the words --------------------------------------


def test_claims_of_one_key_and_interval_keep_their_own_words(reference) -> None:
    # judge() works out one outcome per key, period and interval; every finding still names
    # its own claim (text and id), wherever in the message the text stands.
    dated = dict(published="2025-05-06")
    claims = [
        claim(34, id="a.txt:1:1", text="34%", **dated),
        claim(34, id="b.txt:2:5", file="b.txt", text="34 per cent", **dated),
        claim(34, "approx", id="c.txt:1:1", file="c.txt", text="about 34%", **dated),
        claim(48.9, id="d.txt:1:1", file="d.txt"),
        claim(48.9, id="d.txt:4:1", file="d.txt", line=4, year=2024),
        claim(80, id="e.txt:1:1", file="e.txt", metric="mine_production"),
        claim(50, id="f.txt:1:1", file="f.txt", metric=None),
        claim(50, id="g.txt:1:1", file="g.txt", published="2022-01-01"),
    ]
    findings, _ = judge(claims, reference, "2025-06-01")
    for c, finding in zip(claims, findings, strict=True):
        alone = judge_claim(c, reference, "2025-06-01")
        assert finding.claim is c
        assert (finding.verdict, finding.reference, finding.message) == (
            alone.verdict,
            alone.reference,
            alone.message,
        )
    assert findings[1].message.startswith(
        "CN, rare_earths reserves: share: claimed 34 per cent (b.txt:2:5, published 2025-05-06)."
    )
    assert "34 per cent matches Survey Office S 2023" in findings[1].message
    assert [f.verdict for f in findings] == [
        "outdated",
        "outdated",
        "outdated",
        "supported",
        "supported",
        "contradicted",
        "unverified",
        "unverified",
    ]


def test_a_caveat_follows_the_claims_text_where_the_message_names_it(tmp_path: Path) -> None:
    ref = reference_with(
        tmp_path,
        """facts:
  - {subject: f35, metric: content, commodity: rare_earths, measure: amount, value: 0.5,
     unit: t, source: survey-2023, caveat: "an early estimate"}
  - {subject: f35, metric: content, commodity: rare_earths, measure: amount, value: 0.4173,
     unit: t, source: survey-2025}
""",
    )
    key = dict(unit="t", measure="amount", subject="f35", metric="content")
    first = claim(0.5, text="half a tonne", **key)
    second = claim(0.5, text="500 kg", id="b.txt:1:1", file="b.txt", **key)
    findings, _ = judge([first, second], ref, "2025-06-01")
    assert [f.message for f in findings] == [
        f"f35, rare_earths content: amount: claimed {text} ({cid}, published 2025-06-01). "
        f"Survey Office S 2025: 0.4173 t. {text} matches Survey Office S 2023: 0.5 t: "
        "outdated. Caveat: an early estimate."
        for text, cid in (("half a tonne", "a.txt:1:1"), ("500 kg", "b.txt:1:1"))
    ]
