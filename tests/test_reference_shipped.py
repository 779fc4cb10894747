"""The shipped reference: what it holds, and how the judge reads it (no extraction involved).

These pin the figures of the shared research (rare-earth-facts.md) as the reference gives
them: USGS MCS editions 2019–2026 as tables with derived shares and ranks, IEA and analyst
shares, quotas, monthly magnet exports, the US–Australia framework, F-35 content, export
controls.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from recheck.claims import Claim
from recheck.judge import judge, judge_claim
from recheck.reference import Fact, Reference, load_reference

from .claim_factory import make_claim


@pytest.fixture(scope="module")
def shipped() -> Reference:
    return load_reference()


def claim(value: float, qualifier: str = "eq", **key: object) -> Claim:
    where = {"id": "seeds/x.txt:32:5", "file": "seeds/x.txt", "line": 32, "column": 5}
    return make_claim(value, qualifier, **{**where, "published": "2025-05-06", **key})


def facts(reference: Reference, **key: object) -> list[Fact]:
    return [f for f in reference.facts if all(getattr(f, k) == v for k, v in key.items())]


def test_every_source_has_its_date_and_url_and_every_fact_its_locator(shipped) -> None:
    for source in shipped.sources:
        assert source.url and source.url.startswith("http"), source.id
        assert source.edition, source.id
    for fact in shipped.facts:
        assert fact.locator, fact.origin


@pytest.mark.parametrize(
    "edition, share",
    [
        ("usgs-mcs-2022", 36.67),  # 44 of 120 Mt
        ("usgs-mcs-2023", 33.85),  # 44 of 130 Mt (world total derived from 33.8%)
        ("usgs-mcs-2024", 40.0),  # 44 of 110 Mt (derived from the 40% share)
        ("usgs-mcs-2025", 48.89),  # 44 of >90 Mt
        ("usgs-mcs-2026", 51.76),  # 44 of >85 Mt
    ],
)
def test_china_reserve_share_per_edition_is_derived(shipped, edition, share) -> None:
    shares = facts(shipped, subject="CN", metric="reserves", measure="share")
    (fact,) = [f for f in shares if f.source.id == edition]
    assert fact.derived and fact.value == pytest.approx(share, abs=0.01)


def test_editions_without_a_world_total_give_amounts_but_no_shares(shipped) -> None:
    for edition in ("usgs-mcs-2019", "usgs-mcs-2020", "usgs-mcs-2021"):
        reserves = [f for f in facts(shipped, metric="reserves") if f.source.id == edition]
        assert reserves and not [f for f in reserves if f.measure == "share"]


@pytest.mark.parametrize(
    "edition, ranks",
    [
        ("usgs-mcs-2023", {"CN": 1, "VN": 2, "BR": 3, "RU": 3, "IN": 5, "AU": 6, "US": 7}),
        ("usgs-mcs-2024", {"CN": 1, "VN": 2, "BR": 3, "RU": 4, "IN": 5, "AU": 6, "US": 7}),
        ("usgs-mcs-2025", {"CN": 1, "BR": 2, "IN": 3, "AU": 4, "RU": 5, "VN": 6, "US": 7}),
        ("usgs-mcs-2026", {"CN": 1, "BR": 2, "AU": 3, "RU": 4, "VN": 5, "US": 6, "GL": 7}),
    ],
)
def test_reserve_ranks_per_edition(shipped, edition, ranks) -> None:
    got = {
        f.subject: f.value
        for f in facts(shipped, metric="reserves", measure="rank")
        if f.source.id == edition
    }
    assert {s: got.get(s) for s in ranks} == ranks


def test_a_34_percent_share_published_in_may_2025_is_outdated_naming_mcs_2023(shipped) -> None:
    finding = judge_claim(claim(34), shipped, "2025-11-01")
    assert finding.verdict == "outdated"
    assert finding.reference is not None and finding.reference.source.id == "usgs-mcs-2023"
    assert finding.message == (
        "China, rare earths reserves: share: claimed 34% (seeds/x.txt:32:5, published "
        "2025-05-06). USGS MCS 2025: 48.9% (44M of >90M t, 2024). 34% matches USGS MCS 2023: "
        "33.8% (44M of 130M t, 2022): outdated."
    )


@pytest.mark.parametrize(
    "value, qualifier, published, expected",
    [
        (40, "eq", "2024-06-01", "supported"),  # MCS 2024
        (40, "eq", "2025-06-01", "outdated"),
        (48.9, "eq", "2025-06-01", "supported"),  # MCS 2025
        (48.9, "eq", "2026-06-01", "outdated"),  # MCS 2026 changed it to 51.8%
        (52, "eq", "2025-06-01", "contradicted"),
        (52, "eq", "2026-06-01", "supported"),
        (50, "nearly", "2025-06-01", "supported"),  # "nearly half"
        (50, "gt", "2025-06-01", "contradicted"),  # "more than half" before MCS 2026
        (50, "gt", "2026-06-01", "supported"),
        (37, "eq", "2025-11-22", "outdated"),  # MCS 2022's 36.7%
        (36.7, "eq", "2022-06-01", "supported"),
        (34, "eq", "2021-06-01", "unverified"),  # no world total before MCS 2022
    ],
)
def test_edition_at_publication_decides(shipped, value, qualifier, published, expected) -> None:
    finding = judge_claim(claim(value, qualifier, published=published), shipped, "2026-11-01")
    assert finding.verdict == expected, finding.message


def test_the_same_rank_sentence_dated_2025_and_2026(shipped) -> None:
    third = claim(3, unit="rank", measure="rank", subject="AU", text="third-largest")
    assert judge_claim(third, shipped, "2026-11-01").verdict == "contradicted"  # 4th in MCS 2025
    later = replace(third, published="2026-06-01")
    assert judge_claim(later, shipped, "2026-11-01").verdict == "supported"
    second = replace(third, value=2.0, low=2.0, high=2.0, text="second-largest")
    finding = judge_claim(second, shipped, "2026-11-01")
    assert finding.verdict == "contradicted" and "rank 4" in finding.message


def test_usgs_and_iea_mining_shares_are_both_current(shipped) -> None:
    usgs = judge_claim(claim(69, metric="mine_production", published="2025-06-01"), shipped, "")
    assert usgs.verdict == "supported" and usgs.reference is not None
    assert usgs.reference.source.id == "usgs-mcs-2025"
    assert "Also current: IEA GCMO 2024: 62% (2023)" in usgs.message
    iea = judge_claim(claim(62, metric="mine_production", published="2025-06-01"), shipped, "")
    assert iea.verdict == "supported" and iea.reference is not None
    assert iea.reference.source.id == "iea-gcmo-2024"


@pytest.mark.parametrize(
    "key, value, qualifier, expected, source",
    [
        (dict(metric="refining"), 92, "eq", "supported", "iea-gcmo-2024"),
        (dict(metric="refining"), 90, "gt", "supported", None),
        (dict(metric="refining"), 91, "eq", "supported", "iea-commentary-2025-10"),
        (dict(metric="refining", commodity="heavy_rare_earths"), 99, "gt", "supported", None),
        (
            dict(metric="magnet_production", commodity="rare_earth_magnets"),
            94,
            "eq",
            "supported",
            None,
        ),
        (dict(metric="refining", commodity="gallium"), 98.8, "eq", "supported", None),
        (dict(metric="refining"), 85, "eq", "contradicted", None),
    ],
)
def test_shares_published_only_as_shares(shipped, key, value, qualifier, expected, source) -> None:
    finding = judge_claim(claim(value, qualifier, published="2025-11-01", **key), shipped, "")
    assert finding.verdict == expected, finding.message
    if source:
        assert finding.reference is not None and finding.reference.source.id == source


def test_us_import_reliance_and_sources_by_edition(shipped) -> None:
    reliance = dict(subject="US", metric="import_reliance")
    assert judge_claim(claim(80, **reliance, published="2025-06-01"), shipped, "").verdict == (
        "supported"
    )
    later = judge_claim(claim(80, **reliance, published="2026-06-01"), shipped, "")
    assert later.verdict == "outdated" and "USGS MCS 2026: 67% (2025)" in later.message
    dated = claim(95, "gt", **reliance, year=2023, published="2025-06-01")
    assert judge_claim(dated, shipped, "").verdict == "supported"
    imports = dict(subject="US", partner="CN", metric="imports")
    assert judge_claim(claim(70, **imports, published="2025-06-01"), shipped, "").verdict == (
        "supported"
    )
    assert judge_claim(claim(71, **imports, published="2026-06-01"), shipped, "").verdict == (
        "supported"
    )


def test_explicit_year_is_judged_as_known_at_publication(shipped) -> None:
    # China's 2023 mine production: 240,000 t in MCS 2024, revised to 255,000 t in MCS 2025.
    mined = claim(
        240000,
        unit="t",
        measure="amount",
        metric="mine_production",
        year=2023,
        text="240,000 tonnes",
    )
    assert judge_claim(replace(mined, published="2024-06-01"), shipped, "").verdict == "supported"
    finding = judge_claim(replace(mined, published="2025-06-01"), shipped, "")
    assert finding.verdict == "outdated"
    assert "USGS MCS 2025: 255,000 t (2023)" in finding.message
    assert "matches USGS MCS 2024: 240,000 t (2023)" in finding.message


def test_quotas_by_year_and_no_guess_for_2025(shipped) -> None:
    quota = dict(unit="t", measure="amount", metric="quota", published="2025-06-01")
    assert judge_claim(claim(270000, year=2024, **quota), shipped, "").verdict == "supported"
    assert judge_claim(claim(255000, year=2023, **quota), shipped, "").verdict == "supported"
    assert judge_claim(claim(300000, year=2024, **quota), shipped, "").verdict == "contradicted"
    assert judge_claim(claim(290000, year=2025, **quota), shipped, "").verdict == "unverified"


def test_mining_and_smelting_quotas_are_different_figures(shipped) -> None:
    # 2023: 240,000 t mining / 230,000 t smelting after two batches (September), 255,000 /
    # 243,850 after the third (15 Dec 2023).
    mining = dict(unit="t", measure="amount", metric="quota", year=2023, published="2025-06-01")
    two_batches = judge_claim(claim(240000, **mining), shipped, "")
    assert two_batches.verdict == "outdated", two_batches.message
    assert "255,000 t (mining quota, three batches, 2023)" in two_batches.message
    assert judge_claim(
        claim(240000, **{**mining, "published": "2023-10-15"}), shipped, ""
    ).verdict == ("supported")
    smelting = {**mining, "metric": "smelting_quota"}
    assert judge_claim(claim(243850, **smelting), shipped, "").verdict == "supported"
    assert judge_claim(claim(230000, **smelting), shipped, "").verdict == "outdated"
    assert judge_claim(claim(270000, **{**smelting, "year": 2024}), shipped, "").verdict == (
        "contradicted"  # 270,000 t was the 2024 mining quota; smelting was 254,000 t
    )


def test_monthly_magnet_exports_to_the_us(shipped) -> None:
    june = claim(
        353,
        unit="t",
        measure="amount",
        metric="exports",
        commodity="rare_earth_magnets",
        partner="US",
        year=2025,
        period="2025-06",
        published="2025-07-25",
        text="353 tonnes",
    )
    assert judge_claim(june, shipped, "").verdict == "supported"
    september = replace(june, value=420.0, low=420.0, high=420.0, period="2025-09")
    assert judge_claim(september, shipped, "").verdict == "unverified"  # not yet published
    assert judge_claim(replace(september, published="2025-11-01"), shipped, "").verdict == (
        "supported"
    )
    fall = replace(
        september,
        value=-29.5,
        low=-29.5,
        high=-29.5,
        measure="change",
        unit="percent",
        published="2025-11-01",
    )
    assert judge_claim(fall, shipped, "").verdict == "supported"


def test_us_australia_framework_and_its_discrepancy(shipped) -> None:
    money = dict(
        unit="USD",
        measure="money",
        metric="investment",
        commodity="critical_minerals",
        published="2025-10-22",
    )
    pipeline = judge_claim(claim(8.5e9, subject="AU", **money), shipped, "")
    assert pipeline.verdict == "supported" and "project pipeline" in pipeline.message
    combined = judge_claim(claim(3e9, subject="US", **money), shipped, "")
    assert combined.verdict == "supported" and "Caveat:" in combined.message
    assert judge_claim(claim(5e8, subject="US", **money), shipped, "").verdict == "contradicted"
    each = judge_claim(
        claim(
            1e9,
            subject="AU",
            commodity="rare_earths",
            **{k: v for k, v in money.items() if k != "commodity"},
        ),
        shipped,
        "",
    )
    assert each.verdict == "supported" and "each country" in each.message


def test_f35_content_is_supported_with_its_caveat(shipped) -> None:
    content = dict(unit="t", measure="amount", metric="content", subject="f35")
    finding = judge_claim(claim(0.4173, **content, text="920 pounds"), shipped, "")
    assert finding.verdict == "supported"
    assert "Caveat: contested" in finding.message
    assert judge_claim(claim(0.417, **content, text="417 kg"), shipped, "").verdict == "supported"
    small = claim(0.015, **content, text="15 kg", published="2026-06-01")
    assert judge_claim(small, shipped, "").verdict == "supported"  # Adamas, April 2026
    assert judge_claim(replace(small, published="2025-06-01"), shipped, "").verdict == (
        "contradicted"
    )


def test_export_control_counts_follow_the_announcements(shipped) -> None:
    count = dict(
        unit="1",
        measure="count",
        metric="exports",
        text="12",
        sentence="China now requires licences for 12 rare earth elements.",
    )
    assert judge_claim(claim(7, **count, published="2025-05-01"), shipped, "").verdict == (
        "supported"
    )
    assert judge_claim(claim(12, **count, published="2025-10-20"), shipped, "").verdict == (
        "supported"
    )
    suspended = judge_claim(claim(12, **count, published="2025-11-20"), shipped, "")
    assert suspended.verdict == "outdated" and "suspended" in suspended.message
    other = {**count, "sentence": "Exports fell, said the 12 nations."}  # not elements
    assert judge_claim(claim(12, **other, published="2025-10-20"), shipped, "").verdict == (
        "unverified"
    )


def test_share_and_amount_pair_names_the_edition_of_its_world_total(shipped) -> None:
    sentence = "China holds 44 million tons, 34% of global reserves."
    amount = claim(
        44e6,
        unit="t",
        measure="amount",
        id="seeds/x.txt:32:13",
        text="44 million tons",
        sentence=sentence,
    )
    share = claim(34, id="seeds/x.txt:32:30", text="34%", sentence=sentence)
    findings, _ = judge([amount, share], shipped, "2025-11-01")
    assert (
        "With 44 million tons (seeds/x.txt:32:13), 34% implies a world total of 129M t, the "
        "world total of USGS MCS 2023, 130,000,000 t (2022); the current USGS MCS 2025 gives "
        ">90,000,000 t (2024)."
    ) in findings[1].message


def test_refs_list_shows_the_new_facts_readably(cli) -> None:
    run = cli("refs", "list")
    assert run.code == 0, run.err
    for needle in ("usgs-mcs-2019", "usgs-mcs-2026", "iea-gcmo-2024", "48.9% (44M of >90M t)"):
        assert needle in run.out, needle
    assert "f35 content rare_earths" in run.out
    listing = cli("refs", "list", "--format", "json").json()
    assert any(f["caveat"] for f in listing["facts"])


def _scan(cli, tmp_path, articles: dict[str, str]) -> list[dict[str, Any]]:
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run = cli("scan", str(tmp_path), "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    claims: list[dict[str, Any]] = run.json()["claims"]
    return claims


def test_the_same_sentence_dated_2025_and_2026_end_to_end(cli, tmp_path) -> None:
    sentence = "China holds 48.9% of global rare earth reserves.\n"
    articles = {
        "a.md": f"Reserves\n2025-06-01\n\n{sentence}",
        "b.md": f"Reserves\n2026-06-01\n\n{sentence}",
    }
    first, second = _scan(cli, tmp_path, articles)
    assert first["verdict"] == "supported"
    assert second["verdict"] == "outdated"
    assert "USGS MCS 2026: 51.8%" in second["message"]
    assert second["reference"]["source"]["id"] == "usgs-mcs-2025"


def test_a_share_and_an_amount_end_to_end(cli, tmp_path) -> None:
    text = (
        "Reserves\n2025-05-06\n\n"
        "China holds 44 million tons of rare earth reserves, 34% of the global total.\n"
    )
    (share,) = [c for c in _scan(cli, tmp_path, {"c.md": text}) if c["measure"] == "share"]
    assert share["verdict"] == "outdated"
    assert "implies a world total of 129M t, the world total of USGS MCS 2023" in share["message"]


def test_suspensions_last_a_year_and_defense_stockpile_is_a_ceiling(shipped) -> None:
    year = claim(
        1,
        unit="year",
        measure="duration",
        metric="exports",
        text="one year",
        published="2025-11-20",
    )
    assert judge_claim(year, shipped, "").verdict == "supported"
    ga = replace(year, commodity="gallium", partner="US")
    assert judge_claim(ga, shipped, "").verdict == "supported"
    stockpile = claim(
        1e9,
        "le",
        unit="USD",
        measure="money",
        metric="inventory",
        subject="pentagon",
        commodity="critical_minerals",
        text="up to $1 billion",
        published="2025-10-20",
    )
    assert judge_claim(stockpile, shipped, "").verdict == "supported"
    too_much = replace(stockpile, value=2e9, low=2e9, high=2e9, qualifier="eq", text="$2 billion")
    assert judge_claim(too_much, shipped, "").verdict == "contradicted"


def test_a_figure_a_later_edition_leaves_out_says_so(shipped) -> None:
    india = claim(
        6.9e6,
        unit="t",
        measure="amount",
        subject="IN",
        text="6.9 million tons",
        published="2026-06-01",
    )
    finding = judge_claim(india, shipped, "")
    assert finding.verdict == "supported"  # MCS 2025's figure still stands …
    assert "USGS MCS 2025: 6,900,000 t (2024)" in finding.message
    assert "(USGS MCS 2026 gives no figure for this.)" in finding.message  # … but is NA now
