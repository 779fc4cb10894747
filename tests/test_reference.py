"""Reference loading: validation with file:line, derived shares and ranks."""

from __future__ import annotations

from pathlib import Path

import pytest

from recheck.errors import ReferenceDataError
from recheck.reference import check_reference, load_reference, parse_bound

SOURCES = """sources:
  src-a:
    title: Table A
    publisher: Survey
    published: 2025-01-31
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_reference_is_valid() -> None:
    assert check_reference() == []
    assert load_reference().facts


def test_table_derives_shares_and_ranks(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    write(
        tmp_path,
        "t.yaml",
        """tables:
  - source: src-a
    metric: reserves
    commodity: rare_earths
    unit: t
    values: {CN: 44, VN: 22, BR: 22, US: 2, world: 100}
""",
    )
    facts = load_reference([tmp_path]).facts
    share = {f.subject: f for f in facts if f.measure == "share"}
    rank = {f.subject: f.value for f in facts if f.measure == "rank"}
    assert share["CN"].value == 44.0 and share["CN"].derived
    assert rank == {"CN": 1, "VN": 2, "BR": 2, "US": 4}
    assert "world" not in share


def test_world_total_printed_as_a_bound_is_read_as_its_figure(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    write(
        tmp_path,
        "t.yaml",
        """tables:
  - source: src-a
    metric: reserves
    commodity: rare_earths
    unit: t
    values: {CN: 44000000, world: ">90000000"}
""",
    )
    share = next(f for f in load_reference([tmp_path]).facts if f.measure == "share")
    assert share.value == pytest.approx(48.89, abs=0.01)
    assert share.low < 48.89 < share.high < 50
    assert share.note == "44M of >90M t"


@pytest.mark.parametrize(
    "text, line, needle",
    [
        ("sources:\n  x:\n    title: T\n    publisher: P\n    published: someday\n", 5, "date"),
        (
            "facts:\n  - subject: CN\n    metric: refining\n    commodity: rare_earths\n"
            "    measure: share\n    value: 90\n    unit: percent\n    source: nobody\n",
            8,
            "unknown source",
        ),
        (
            "tables:\n  - source: src-a\n    metric: reserves\n    commodity: rare_earths\n"
            "    unit: t\n    values: {CN: lots}\n",
            6,
            "CN",
        ),
        ("colour: blue\n", 1, "unknown top-level key"),
        ("facts: [\n", 2, "invalid YAML"),
    ],
)
def test_problems_are_reported_with_file_and_line(tmp_path: Path, text, line, needle) -> None:
    write(tmp_path, "a-sources.yaml", SOURCES)
    bad = write(tmp_path, "broken.yaml", text)
    problems = check_reference([tmp_path])
    assert problems, "a broken file must be reported"
    assert any(p.startswith(f"{bad.as_posix()}:{line}:") and needle in p for p in problems), (
        problems
    )
    with pytest.raises(ReferenceDataError):
        load_reference([tmp_path])


def test_refs_check_cli_exit_2_with_file_and_line(cli, tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES + "    colour: red\n")
    run = cli("refs", "check", str(tmp_path))
    assert run.code == 2
    assert f"{(tmp_path / 's.yaml').as_posix()}:6:" in run.err


def test_parse_bound() -> None:
    assert parse_bound(">90,000,000") == (90e6, 90e6, None)
    assert parse_bound(5) == (5.0, 5.0, 5.0)
    assert parse_bound("<3") == (3.0, None, 3.0)
    assert parse_bound("many") is None
    assert parse_bound(True) is None


def test_a_table_without_world_total_derives_no_shares_and_no_ranks(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    write(
        tmp_path,
        "t.yaml",
        """tables:
  - {source: src-a, metric: reserves, commodity: rare_earths, unit: t,
     values: {CN: 44, RU: 12, US: 1.4}}
  - {source: src-a, metric: reserves, commodity: rare_earths, unit: t, year: 2019,
     rank_top: 1, values: {CN: 44, RU: 12, US: 1.4}}
""",
    )
    facts = load_reference([tmp_path]).facts
    assert not [f for f in facts if f.measure == "share"]
    ranks = [(f.subject, f.value, f.year) for f in facts if f.measure == "rank"]
    assert ranks == [("CN", 1, 2019)]  # only the rows no missing row can stand above


def test_rank_top_limits_ranks_of_a_complete_table(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    write(
        tmp_path,
        "t.yaml",
        """tables:
  - {source: src-a, metric: reserves, commodity: rare_earths, unit: t, rank_top: 2,
     values: {CN: 44, VN: 22, BR: 21, world: 110}}
""",
    )
    facts = load_reference([tmp_path]).facts
    assert {f.subject: f.value for f in facts if f.measure == "rank"} == {"CN": 1, "VN": 2}
    assert len([f for f in facts if f.measure == "share"]) == 3  # shares need only the total


def test_facts_carry_labels_caveats_periods_spans_and_origin(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    bad = write(
        tmp_path,
        "f.yaml",
        """facts:
  - {subject: f35, metric: content, commodity: rare_earths, measure: amount,
     value: "0.011..0.020", unit: t, source: src-a, label: elemental, caveat: contested}
  - {subject: CN, partner: US, metric: exports, commodity: rare_earth_magnets,
     measure: amount, value: 353, unit: t, period: 2025-06, source: src-a}
""",
    )
    span, monthly = load_reference([tmp_path]).facts
    assert (span.value, span.low, span.high) == (0.0155, 0.011, 0.02)
    assert span.label == "elemental" and span.caveat == "contested"
    assert span.origin == f"{bad.as_posix()}:2"
    assert monthly.period == "2025-06" and monthly.year == 2025 and not monthly.annual


VOCABULARY = """vocabulary:
  subjects: {CN: {en: [China]}, world: {en: [world]}}
  metrics: {reserves: {en: [reserves]}}
  commodities: {rare_earths: {en: [rare earths]}}
"""


@pytest.mark.parametrize(
    "text, line, needle",
    [
        (
            "facts:\n  - {subject: XX, metric: reserves, commodity: rare_earths, measure: share,\n"
            "     value: 5, unit: percent, source: src-a}\n",
            2,
            "'subject': 'XX' is not an id of the vocabulary",
        ),
        (
            "tables:\n  - source: src-a\n    metric: reserve\n    commodity: rare_earths\n"
            "    unit: t\n    values: {CN: 1, world: 2}\n",
            3,
            "'metric': 'reserve'",
        ),
        (
            "tables:\n  - source: src-a\n    metric: reserves\n    commodity: rare_earths\n"
            "    unit: t\n    values:\n      CN: 1\n      Atlantis: 2\n",
            8,
            "subject 'Atlantis'",
        ),
        (
            "tables:\n  - source: src-a\n    metric: reserves\n    commodity: rare_earths\n"
            "    unit: tonnes\n    values: {CN: 1}\n",
            5,
            "'unit' must be one of",
        ),
        (
            "facts:\n  - {subject: CN, metric: reserves, commodity: rare_earths, measure: amount,\n"
            "     value: 5, unit: t, source: src-a, period: June}\n",
            3,
            "'period' must look like 2025-06",
        ),
        (
            "facts:\n  - {subject: CN, metric: reserves, commodity: rare_earths, measure: amount,\n"
            "     value: 5, unit: t, source: src-a, year: 2024, period: 2025-06}\n",
            3,
            "not in 'year' 2024",
        ),
        (
            "tables:\n  - source: src-a\n    metric: reserves\n    commodity: rare_earths\n"
            "    unit: t\n    rank_top: -1\n    values: {CN: 1}\n",
            6,
            "rank_top",
        ),
        (
            "tables:\n  - source: src-a\n    metric: reserves\n    commodity: rare_earths\n"
            "    measure: share\n    unit: t\n    values: {CN: 1}\n",
            5,
            "a table's 'measure'",
        ),
        (
            "facts:\n  - {subject: CN, metric: reserves, commodity: rare_earths, measure: amount,\n"
            "     value: '20..11', unit: t, source: src-a}\n",
            3,
            "span like '11..20'",
        ),
    ],
)
def test_schema_problems_are_reported_with_file_and_line(
    tmp_path: Path, text: str, line: int, needle: str
) -> None:
    write(tmp_path, "a-sources.yaml", SOURCES)
    write(tmp_path, "a-vocabulary.yaml", VOCABULARY)
    bad = write(tmp_path, "broken.yaml", text)
    problems = check_reference([tmp_path])
    assert any(p.startswith(f"{bad.as_posix()}:{line}:") and needle in p for p in problems), (
        problems
    )


def test_refs_check_cli_reports_every_problem_of_a_broken_copy_of_the_shipped_data(
    cli, tmp_path: Path
) -> None:
    from recheck.reference import packaged_reference_dir

    for path in packaged_reference_dir().glob("*.yaml"):
        write(tmp_path, path.name, path.read_text(encoding="utf-8"))
    assert cli("refs", "check", str(tmp_path)).code == 0
    broken = tmp_path / "usgs-mcs-2025.yaml"
    lines = broken.read_text(encoding="utf-8").splitlines()
    number = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("CN: 44000000"))
    lines[number - 1] = lines[number - 1].replace("44000000", "forty-four million")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = cli("refs", "check", str(tmp_path))
    assert run.code == 2
    assert f"{broken.as_posix()}:{number}: value of 'CN'" in run.err


def test_a_fact_for_each_of_several_subjects_and_commodities(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    write(
        tmp_path,
        "f.yaml",
        """facts:
  - {subject: [US, AU], metric: investment, commodity: [critical_minerals, rare_earths],
     measure: money, value: ">=1000000000", unit: USD, source: src-a, label: each}
""",
    )
    facts = load_reference([tmp_path]).facts
    assert sorted((f.subject, f.commodity) for f in facts) == [
        ("AU", "critical_minerals"),
        ("AU", "rare_earths"),
        ("US", "critical_minerals"),
        ("US", "rare_earths"),
    ]
    assert {f.origin for f in facts} == {f"{(tmp_path / 'f.yaml').as_posix()}:2"}


def test_counts_only_on_count_facts(tmp_path: Path) -> None:
    write(tmp_path, "s.yaml", SOURCES)
    bad = write(
        tmp_path,
        "f.yaml",
        "facts:\n  - {subject: CN, metric: exports, commodity: rare_earths, measure: share,\n"
        "     value: 5, unit: percent, source: src-a, counts: [elements]}\n",
    )
    problems = check_reference([tmp_path])
    assert any(p.startswith(f"{bad.as_posix()}:3:") and "'counts'" in p for p in problems)
