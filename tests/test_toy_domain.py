"""A newsroom adds a domain in YAML alone: vocabulary, a source and a table — no Python."""

from __future__ import annotations

from pathlib import Path

DOMAIN = """
vocabulary:
  subjects:
    world: {en: [world, global, worldwide], zh: [全球, 世界]}
    TW: {en: [Taiwan, Taiwanese], zh: [台湾]}
    KR: {en: [South Korea, Korean], zh: [韩国]}
  metrics:
    manufacturing: {en: [manufacturing, makes, made, fabrication], zh: [制造, 生产]}
  commodities:
    semiconductors: {en: [semiconductors, chips, advanced chips], zh: [半导体, 芯片]}
sources:
  chip-yearbook-2024:
    title: Chip Yearbook 2024
    publisher: Example Industry Association
    edition: "2024"
    published: 2024-06-30
    url: https://example.org/chip-yearbook-2024
tables:
  - source: chip-yearbook-2024
    locator: Table 3
    metric: manufacturing
    commodity: semiconductors
    unit: t
    year: 2023
    values: {TW: 600, KR: 250, world: 1000}
"""

ARTICLE = """Chips in 2025
2025-03-01

Taiwan makes 60% of the world's advanced chips.
South Korea makes 40% of global semiconductors.
臺灣製造全球六成的芯片。
"""


def test_a_new_domain_needs_no_python(cli, tmp_path: Path) -> None:
    domain = tmp_path / "chips"
    domain.mkdir()
    (domain / "chips.yaml").write_text(DOMAIN, encoding="utf-8")
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")

    assert cli("refs", "check", str(domain)).code == 0

    run = cli("scan", str(article), "--reference", str(domain), "--format", "json")
    claims = run.json()["claims"]
    keyed = [(c["subject"], c["metric"], c["commodity"], c["value"], c["verdict"]) for c in claims]
    assert keyed == [
        ("TW", "manufacturing", "semiconductors", 60, "supported"),
        ("KR", "manufacturing", "semiconductors", 40, "contradicted"),
        ("TW", "manufacturing", "semiconductors", 60, "supported"),
    ]
    assert run.code == 1  # a contradicted figure fails the run
    assert claims[0]["reference"]["source"]["id"] == "chip-yearbook-2024"
