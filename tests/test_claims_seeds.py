"""Resolved claims on the seeds, checked by hand against each sentence.

Every row is what a careful fact-checker reading the sentence would file the number under:
(subject, partner, metric, commodity, measure, year, period). Where the sentence does not
say — two things coordinated, a subject only hinted at — the right answer is null, and rows
pin that too. Extraction and resolution run together here; test_resolve.py pins resolution
alone on hand-placed mentions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recheck.claims import Claim
from recheck.pipeline import ScanOptions, extract_claims

from .conftest import SEEDS

Expected = tuple[str | None, str | None, str | None, str | None, str, int | None, str | None]


def row(
    seed: str,
    line: int,
    text: str,
    subject: str | None,
    partner: str | None,
    metric: str | None,
    commodity: str | None,
    measure: str,
    year: int | None = None,
    period: str | None = None,
    *,
    why: str,
) -> Any:
    expected: Expected = (subject, partner, metric, commodity, measure, year, period)
    return pytest.param(seed, line, text, expected, id=f"{seed}:{line}:{text}:{why}")


ROWS = [
    # --- seeds/000: English half -----------------------------------------------------------
    row("000", 4, "80%", "US", None, "import_reliance", "rare_earths", "share",
        why="depends on imports, not the refining named later"),
    row("000", 4, "99%", "US", "CN", "refining", None, "share",
        why="partner; dysprosium and samarium: no single commodity"),
    row("000", 5, "three months", "US", None, "inventory", "rare_earths", "duration",
        why="inventories of U.S. defense companies"),
    row("000", 5, "70%", "CN", None, "mine_production", "rare_earths", "share",
        why="two claims in one clause: extraction"),
    row("000", 5, "over 90%", "CN", None, "refining", "rare_earths", "share",
        why="two claims in one clause: processing, commodity carried"),
    row("000", 7, "twice", None, None, None, None, "ratio",
        why="fines of Lockheed Martin and Raytheon: no single subject"),
    row("000", 8, "more than 0.1%", "CN", None, "content", "rare_earths", "share", 2025, "2025",
        why="content threshold; the U.S. after the comma is no partner"),
    # --- seeds/000: traditional Chinese half ---------------------------------------------
    row("000", 12, "80%", "US", None, "import_reliance", "rare_earths", "share",
        why="traditional: 依賴進口; the F-35 in another segment is no partner"),
    row("000", 12, "99%", "US", "CN", "refining", None, "share",
        why="traditional: 依賴中國 partner; 鏑、釤 coordinated"),
    row("000", 13, "三個月", "US", None, "inventory", "rare_earths", "duration",
        why="traditional duration"),
    row("000", 13, "70%", "CN", None, "mine_production", "rare_earths", "share",
        why="traditional two claims: 開採量, commodity from the sentence before"),
    row("000", 13, "超90%", "CN", None, "refining", "rare_earths", "share",
        why="traditional two claims: 加工產能"),
    row("000", 15, "兩倍", None, None, None, None, "ratio",
        why="traditional: 洛克希德·馬丁和雷神 coordinated, no single subject"),
    row("000", 16, "0.1%以上", "CN", None, "content", "rare_earths", "share", 2025, "2025",
        why="traditional: 含…0.1%以上, 2025年; 對美方 after the comma is no partner"),
    # --- seeds/001 --------------------------------------------------------------------------
    row("001", 2, "5天", None, None, None, None, "duration",
        why="simplified headline: nothing says what the five days are about"),
    row("001", 5, "largest", "CN", None, "reserves", "rare_earths", "rank",
        why="rank: holds the largest global reserves"),
    row("001", 5, "61%", "CN", None, "mine_production", "rare_earths", "share",
        why="61% of global production"),
    row("001", 5, "92%", "CN", None, "refining", "rare_earths", "share",
        why="92% of refined rare earths"),
    row("001", 5, "99%", "CN", None, "refining", "heavy_rare_earths", "share",
        why="metric carried to the coordinated number"),
    row("001", 5, "approximately 87%", "US", "CN", "import_reliance", "rare_earths", "share",
        why="relies on China; the F-35 is an example, the U.S. heading governs"),
    # --- seeds/002 --------------------------------------------------------------------------
    row("002", 4, "up to 100%", "US", "CN", "tariff", None, "share",
        why="run-on 'It also claims': subject from the sentence before; tariffs on China"),
    row("002", 17, "more than 0.1%", "CN", None, "content", "rare_earths", "share",
        why="contains more than 0.1% of Chinese rare earth elements"),
    row("002", 41, "100%", "US", "CN", "tariff", None, "share",
        why="The United States says it will impose 100% tariffs on China"),
    # --- seeds/003 --------------------------------------------------------------------------
    row("003", 5, "352.8 tons", "CN", "US", "exports", "rare_earth_magnets", "amount",
        2025, "2025-06", why="exports to the U.S. in June 2025"),
    row("003", 5, "6.6-fold", "CN", None, "exports", "rare_earth_magnets", "ratio",
        2025, "2025-06", why="ratio: year-on-year, no other party; key carried"),
    # --- seeds/004 --------------------------------------------------------------------------
    row("004", 3, "5国", None, None, None, None, "count",
        why="simplified headline: 5国领导人, no subject, 稀土 is another segment"),
    row("004", 8, "approximately 15%", "US", None, "reserves", "rare_earths", "share",
        why="U.S. share of global reserves"),
    row("004", 8, "3%", "US", None, "refining", "rare_earths", "share",
        why="China after the comma is the 90%'s partner, not this one's"),
    row("004", 8, "90%", "US", "CN", "refining", "rare_earths", "share",
        why="reliance on China for 90% of processed products"),
    row("004", 8, "about 70%", "CN", None, "mine_production", "rare_earths", "share",
        why="70% of extraction"),
    row("004", 8, "over 90%", "CN", None, "refining", "rare_earths", "share",
        why="refining and separation: one metric"),
    row("004", 8, "99.999%", "CN", None, "purity", "rare_earths", "share",
        why="with Chinese processing: 'with' names the subject"),
    row("004", 8, "maximum of 99.9%", "US", None, "purity", "rare_earths", "share",
        why="compared to the U.S. maximum: compared, not a partner"),
    row("004", 11, "over 70%", "CN", None, None, "rare_earths", "share",
        why="mining and processing market share: no single metric"),
    row("004", 11, "more than 90%", "CN", None, "refining", "rare_earths", "share",
        why="high-purity separation and deep processing: refining"),
    row("004", 14, "60%", "CN", None, "mine_production", "rare_earths", "share",
        why="60% of global production"),
    row("004", 14, "58%", "CN", None, "patents", "rare_earths", "share",
        why="58% of relevant patents"),
    row("004", 17, "over 90%", "AU", "CN", "refining", "lithium", "share",
        why="which relies on China for over 90% of lithium processing"),
    row("004", 18, "30%", "CN", "US", "exports", "rare_earths", "change", 2025, "2025-09",
        why="simplified: 9月中国对美出口稀土下降30%"),
    row("004", 20, "$8.5 billion", None, None, None, None, "money",
        why="US and Australia, rare earths and critical minerals: all coordinated"),
    row("004", 20, "$3 billion", None, None, "investment", None, "money",
        why="both countries; rare earths and critical minerals before: nothing single"),
    row("004", 20, "nearly 30%", "CN", "US", "exports", "rare_earths", "change",
        2025, "2025-09", why="exports to the US fell in September"),
    row("004", 20, "second-largest", "AU", None, "reserves", "rare_earths", "rank",
        why="rank: Australia has the second-largest reserves"),
    row("004", 20, "largest", None, None, "mine_production", "rare_earths", "rank",
        why="the largest Australian producer, Lynas: ranked within Australia, not Australia"),
    row("004", 20, "over 70%", "CN", None, "patents", "rare_earths", "share",
        why="rare earth separation patents: the head noun is patents"),
    row("004", 20, "$2.6 billion", "UZ", None, "investment", "rare_earths", "money",
        why="with Kazakhstan …: 'with' makes no partner"),
    row("004", 20, "37%", "CN", None, "reserves", "rare_earths", "share",
        why="37% of global reserves"),
    row("004", 20, "85%", "CN", None, "refining", "rare_earths", "share",
        why="85% of refining capacity"),
    row("004", 23, "540,000 tons", "AU", "CN", "exports", "canola", "amount",
        why="ship 540,000 tons of canola to China"),
    row("004", 23, "largest", None, None, "mine_production", "rare_earths", "rank",
        why="Lynas, Australia's largest producer: the possessive is where the ranking is made"),
    row("004", 23, "over 90%", "CN", None, "refining", "rare_earths", "share",
        why="China's dominance in refining, with over 90% of global capacity"),
    row("004", 26, "fifth-largest", "AU", None, "reserves", "rare_earths", "rank",
        why="rank: the fifth-largest reserves"),
    row("004", 26, "less than one-tenth", "IN", "CN", "mine_production", "rare_earths", "ratio",
        why="ratio: one-tenth of China's; India, not the China it would replace"),
    row("004", 29, "approximately 60%", "CN", None, "mine_production", "rare_earths", "share",
        why="60% of global rare earth mining"),
    row("004", 29, "nearly 90%", "CN", None, "refining", "rare_earths", "share",
        why="metric of its own, commodity carried"),
    row("004", 32, "approximately 44 million tons", "CN", None, "reserves", "rare_earths",
        "amount", why="reserves; the 2023 after the comma is the quota's year"),
    row("004", 32, "34%", "CN", None, "reserves", "rare_earths", "share",
        why="34% of global reserves, no year"),
    row("004", 32, "240,000 tons", "CN", None, "quota", "rare_earths", "amount", 2023, "2023",
        why="mining quotas in 2023: China's, not the world's"),
    row("004", 32, "about 70%", "CN", None, "mine_production", "rare_earths", "share",
        why="reliant on China, which produces: the relative clause's subject"),
    row("004", 32, "85%", "CN", None, "refining", "rare_earths", "share",
        why="85% of deep processing capabilities"),
    row("004", 32, "408 kg", "f35", None, "content", "rare_earths", "amount",
        why="the F-35 fighter jet, which requires 408 kg"),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_claims() -> dict[tuple[str, int, str], list[Claim]]:
    result = extract_claims([str(SEEDS)], ScanOptions(as_of="2025-11-01"))
    index: dict[tuple[str, int, str], list[Claim]] = {}
    for claim in result.claims:
        index.setdefault((Path(claim.file).name[:3], claim.line, claim.text), []).append(claim)
    return index


def key_of(claim: Claim) -> Expected:
    assert claim.measure is not None
    return (
        claim.subject,
        claim.partner,
        claim.metric,
        claim.commodity,
        claim.measure,
        claim.year,
        claim.period,
    )


@pytest.mark.parametrize("seed, line, text, expected", ROWS)
def test_seed_claim_resolves(seed_claims, seed: str, line: int, text: str, expected) -> None:
    found = seed_claims.get((seed, line, text))
    assert found, f"no claim {text!r} on seeds/{seed} line {line}"
    assert len(found) == 1, f"{text!r} is ambiguous on that line: give a column"
    assert key_of(found[0]) == expected


def test_the_table_covers_every_seed_and_both_scripts() -> None:
    seeds = {p.values[0] for p in ROWS}
    assert seeds == {"000", "001", "002", "003", "004"}
    assert len(ROWS) >= 40


# --- kinds the seeds do not hold: relative years, halves, quarters, Chinese ranks ----------

ARTICLE = """稀土简报
2025-08-01

澳大利亚稀土储量居全球第二。
今年上半年中国稀土出口量为3万吨。
去年中国稀土开采量为27万吨。
美國稀土精鍊99%依賴中國。
In the third quarter, China's rare earth exports rose 12%.
China mined 270,000 tons last year.
China's mine production was 240,000 tons in 2023 and rose 10% for 2024.
印度的稀土产量不到中国的十分之一。
Lynas, Australia's largest rare earth producer, expanded.
China is the world's largest rare earth producer.
2024年中国稀土冶炼分离指标为25.4万吨。
"""

ARTICLE_ROWS = [
    (4, "第二", ("AU", None, "reserves", "rare_earths", "rank", None, None)),
    (5, "3万吨", ("CN", None, "exports", "rare_earths", "amount", 2025, "2025-H1")),
    (6, "27万吨", ("CN", None, "mine_production", "rare_earths", "amount", 2024, "2024")),
    (7, "99%", ("US", "CN", "refining", "rare_earths", "share", None, None)),
    (8, "12%", ("CN", None, "exports", "rare_earths", "change", 2025, "2025-Q3")),
    (9, "270,000 tons", ("CN", None, "mine_production", "rare_earths", "amount", 2024, "2024")),
    (10, "240,000 tons", ("CN", None, "mine_production", None, "amount", 2023, "2023")),
    (10, "10%", ("CN", None, "mine_production", None, "change", 2024, "2024")),
    (11, "十分之一", ("IN", "CN", "mine_production", "rare_earths", "ratio", None, None)),
    (12, "largest", (None, None, "mine_production", "rare_earths", "rank", None, None)),
    (13, "world's largest", ("CN", None, "mine_production", "rare_earths", "rank", None, None)),
    (14, "25.4万吨", ("CN", None, "smelting_quota", "rare_earths", "amount", 2024, "2024")),
]


@pytest.mark.parametrize("line, text, expected", ARTICLE_ROWS, ids=[r[1] for r in ARTICLE_ROWS])
def test_written_article_resolves(tmp_path: Path, line: int, text: str, expected) -> None:
    article = tmp_path / "brief.md"
    article.write_text(ARTICLE, encoding="utf-8")
    claims = extract_claims([str(article)], ScanOptions(as_of="2025-11-01")).claims
    found = [c for c in claims if c.line == line and c.text == text]
    assert len(found) == 1, [(c.line, c.text) for c in claims]
    assert key_of(found[0]) == expected


def test_a_number_with_nothing_to_go_on_stays_unresolved(tmp_path: Path) -> None:
    article = tmp_path / "note.md"
    article.write_text("The committee met and raised the figure to 12 in the end.\n", "utf-8")
    (claim,) = extract_claims([str(article)], ScanOptions(as_of="2025-11-01")).claims
    assert key_of(claim) == (None, None, None, None, "count", None, None)
