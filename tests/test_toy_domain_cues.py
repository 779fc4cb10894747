"""A newsroom's lithium domain in YAML alone: its own words for subjects, metrics,
materials, partners and cues resolve claims — partners, carried metrics, coordination left
null, a subject carried from the sentence before — with no Python change."""

from __future__ import annotations

from pathlib import Path

DOMAIN = """
vocabulary:
  subjects:
    world: {en: [world, global], zh: [全球]}
    CL: {en: [Chile, Chilean], zh: [智利]}
    AR: {en: [Argentina], zh: [阿根廷]}
    CN: {en: [China, Chinese], zh: [中国]}
  metrics:
    brine_output: {en: [brine output, brine production, pumped], zh: [卤水产量]}
    conversion: {en: [conversion, converted, hydroxide capacity], zh: [转化]}
  commodities:
    lithium: {en: [lithium, lithium carbonate], zh: [锂, 碳酸锂]}
    potash: {en: [potash], zh: [钾肥]}
  partner_cues:
    en: [to, from]
    zh: [对]
  cues:
    coordination: {en: [and], zh: [和]}
    reliance: {metric: import_dependence, en: [leans on], zh: [仰仗]}
  time:
    last_year: {en: [last year], zh: [去年]}
"""

ARTICLE = """Brine report
2025-03-01

Chile pumped 40% of global lithium last year and 10% of potash.
Argentina leans on China for 70% of its lithium.
Its converted output fell 5% in the same months.
Chile and Argentina hold 55% of the brine output.
智利对中国出口的碳酸锂占45%。
"""


def test_a_lithium_domain_resolves_with_its_own_words(cli, tmp_path: Path) -> None:
    domain = tmp_path / "lithium"
    domain.mkdir()
    (domain / "lithium.yaml").write_text(DOMAIN, encoding="utf-8")
    article = tmp_path / "brine.md"
    article.write_text(ARTICLE, encoding="utf-8")

    assert cli("refs", "check", str(domain)).code == 0
    run = cli("claims", str(article), "--reference", str(domain), "--format", "json")
    assert run.code == 0, run.err
    keyed = [
        (c["text"], c["subject"], c["partner"], c["metric"], c["commodity"], c["year"])
        for c in run.json()["claims"]
    ]
    assert keyed == [
        ("40%", "CL", None, "brine_output", "lithium", 2024),
        ("10%", "CL", None, "brine_output", "potash", 2024),  # metric carried
        ("70%", "AR", "CN", "import_dependence", "lithium", None),  # the domain's reliance cue
        ("5%", "AR", None, "conversion", "lithium", None),  # subject, commodity from before
        ("55%", None, None, "brine_output", None, None),  # Chile and Argentina: neither
        ("45%", "CL", "CN", None, "lithium", None),
    ]


def test_an_unknown_cue_group_is_a_reference_error_with_its_line(cli, tmp_path: Path) -> None:
    domain = tmp_path / "bad"
    domain.mkdir()
    (domain / "bad.yaml").write_text(
        "vocabulary:\n  cues:\n    hedges: {en: [maybe]}\n", encoding="utf-8"
    )
    run = cli("refs", "check", str(domain))
    assert run.code == 2
    assert "bad.yaml:3" in run.err + run.out
    assert "hedges" in run.err + run.out
