"""Configuration discovery, validation and precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from recheck.config import find_config, load_config

ARTICLE = "China refines over 90% of rare earths.\n"


def test_recheck_toml_is_found_in_a_parent(tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text('format = "json"\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "recheck.toml"


def test_pyproject_tool_table_is_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.recheck]\nfail-on = "warning"\n', "utf-8")
    config = load_config(find_config(tmp_path))
    assert config.fail_on == "warning"


def test_pyproject_without_the_table_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path


def test_config_format_applies_and_command_line_wins(cli, tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text('format = "json"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli("claims", "a.txt", cwd=tmp_path).out.lstrip().startswith("{")
    assert not cli("claims", "a.txt", "--format", "text", cwd=tmp_path).out.lstrip().startswith("{")


def test_unknown_key_is_exit_2_naming_file_and_key(cli, tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text('colour = "blue"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("claims", "a.txt", cwd=tmp_path)
    assert run.code == 2
    assert "recheck.toml" in run.err and "colour" in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_bad_value_is_exit_2(cli, tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("scan", "a.txt", cwd=tmp_path)
    assert run.code == 2 and "fail-on" in run.err


def test_explicit_config_file(cli, tmp_path: Path) -> None:
    config = tmp_path / "custom.toml"
    config.write_text('format = "json"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("claims", "a.txt", "--config", str(config), cwd=tmp_path)
    assert run.out.lstrip().startswith("{")
    missing = cli("claims", "a.txt", "--config", "nope.toml", cwd=tmp_path)
    assert missing.code == 2 and "nope.toml" in missing.err


def test_invalid_toml_is_exit_2(cli, tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text("format = \n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("claims", "a.txt", cwd=tmp_path)
    assert run.code == 2 and "recheck.toml" in run.err


# --- precedence: the file sets defaults, the command line wins ---------------------------


def _corpus(tmp_path: Path, *sentences: str) -> None:
    from . import tiny

    tiny.reference(tmp_path / "facts")
    tiny.article(tmp_path / "a.md", *sentences)


def test_fail_on_from_the_file_and_from_the_command_line(cli, tmp_path: Path) -> None:
    from . import tiny

    _corpus(tmp_path, tiny.OUTDATED)  # a warning, nothing worse
    base = 'reference = ["facts"]\nas-of = "2025-06-01"\n'
    (tmp_path / "recheck.toml").write_text(base, encoding="utf-8")
    assert cli("scan", "a.md", cwd=tmp_path).code == 0  # default fail-on: error
    (tmp_path / "recheck.toml").write_text(base + 'fail-on = "warning"\n', encoding="utf-8")
    assert cli("scan", "a.md", cwd=tmp_path).code == 1  # the file's fail-on applies
    assert cli("scan", "a.md", "--fail-on", "error", cwd=tmp_path).code == 0  # the CLI wins


def test_reference_in_the_file_is_relative_to_it_and_the_cli_wins(cli, tmp_path: Path) -> None:
    from . import tiny

    _corpus(tmp_path, tiny.CONTRADICTED)
    nested = tmp_path / "desk"
    nested.mkdir()
    (tmp_path / "recheck.toml").write_text(
        'reference = ["facts"]\nas-of = "2025-06-01"\nformat = "json"\n', encoding="utf-8"
    )
    run = cli("scan", "../a.md", cwd=nested)  # found in the parent; facts/ beside the file
    assert run.code == 1
    assert run.json()["claims"][0]["reference"]["source"]["url"] == "https://example.org/2025"
    elsewhere = tiny.reference(tmp_path / "other")
    (elsewhere / "facts.yaml").write_text(
        tiny.REFERENCE.replace("AU: 5700000", "AU: 44100000"), encoding="utf-8"
    )
    overridden = cli("scan", "../a.md", "--reference", str(elsewhere), cwd=nested)
    assert overridden.code == 0, overridden.out  # 49% fits the other reference


def test_exclude_and_include_from_the_file_and_the_cli(cli, tmp_path: Path) -> None:
    for name in ("keep.txt", "old.txt", "page.md"):
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text("The board met 12 times.\n", encoding="utf-8")
    (tmp_path / "recheck.toml").write_text(
        'format = "json"\nexclude = ["docs/old.txt"]\ninclude = ["txt"]\n', encoding="utf-8"
    )

    def files(*args: str) -> set[str]:
        return {c["file"] for c in cli("claims", "docs", *args, cwd=tmp_path).json()["claims"]}

    assert files() == {"docs/keep.txt"}
    assert files("--exclude", "docs/keep.txt") == {"docs/old.txt"}  # replaces the file's list
    assert files("--include", "md") == {"docs/page.md"}


def test_a_scan_format_in_the_file_does_not_break_claims(cli, tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text('format = "sarif"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli("scan", "a.txt", cwd=tmp_path).json()["version"] == "2.1.0"
    listing = cli("claims", "a.txt", cwd=tmp_path)
    assert listing.code == 0 and "a.txt:1:" in listing.out  # the text listing
    assert cli("claims", "a.txt", "--format", "sarif", cwd=tmp_path).code == 2


def test_pyproject_table_unknown_key_names_pyproject_and_key(cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.recheck]\nfail_on = "warning"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("scan", "a.txt", cwd=tmp_path)
    assert run.code == 2
    assert "pyproject.toml" in run.err and "'fail_on'" in run.err
    assert len(run.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "line, key",
    [
        ('format = "yaml"', "format"),
        ('fail-on = "sometimes"', "fail-on"),
        ("reference = 3", "reference"),
        ("exclude = [1, 2]", "exclude"),
        ("include = {a = 1}", "include"),
        ("encoding = 8", "encoding"),
        ('as-of = "soon"', "as-of"),
        ("jobs = 0", "jobs"),
        ('jobs = "many"', "jobs"),
        ("tolerance = 0.1", "tolerance"),
        ("tolerance = {eq = 2}", "tolerance.eq"),
        ("tolerance = {wide = 0.5}", "tolerance.wide"),
        ("[colours]\nred = 1", "colours"),
    ],
)
def test_each_bad_value_is_exit_2_naming_file_and_key(
    cli, tmp_path: Path, line: str, key: str
) -> None:
    (tmp_path / "recheck.toml").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("scan", "a.txt", cwd=tmp_path)
    assert run.code == 2
    message = run.err.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "recheck.toml" in message and f"'{key}'" in message


def test_nearest_file_wins_over_a_parent(tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text('format = "json"\n', encoding="utf-8")
    child = tmp_path / "child"
    child.mkdir()
    (child / "pyproject.toml").write_text('[tool.recheck]\nformat = "sarif"\n', "utf-8")
    assert load_config(find_config(child)).format == "sarif"


def test_jobs_key(tmp_path: Path) -> None:
    (tmp_path / "recheck.toml").write_text("jobs = 3\n", encoding="utf-8")
    assert load_config(tmp_path / "recheck.toml").jobs == 3
