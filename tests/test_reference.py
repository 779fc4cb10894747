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
