"""Configuration discovery, validation and precedence."""

from __future__ import annotations

from pathlib import Path

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
