"""The command line: commands, exit codes, one-line errors, JSON against the schemas."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from recheck import __version__
from recheck.entry import version_text

from .conftest import ROOT, SCHEMAS


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_version(cli) -> None:
    run = cli("--version")
    assert run.code == 0
    assert run.out.strip() == version_text()
    assert re.fullmatch(rf"recheck {re.escape(__version__)} \(compiled: (yes|no)\)", version_text())


def test_python_dash_m_runs_the_same_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "recheck", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == version_text()


def test_claims_json_on_seeds_validates_against_the_claims_schema(cli) -> None:
    run = cli("claims", "seeds/", "--format", "json")
    assert run.code == 0, run.err
    document = run.json()
    validator("claims-v1.schema.json").validate(document)
    assert document["schema"] == "recheck/claims/v1"
    assert document["claims"], "the seeds hold numbers"
    assert {c["file"] for c in document["claims"]} == {
        f"seeds/{p.name}" for p in sorted((ROOT / "seeds").glob("*.txt"))
    }
    for claim in document["claims"]:
        assert claim["id"] == f"{claim['file']}:{claim['line']}:{claim['column']}"


def test_claim_text_and_position_point_at_the_original_file(cli) -> None:
    document = cli("claims", "seeds/", "--format", "json").json()
    lines = {}
    for claim in document["claims"]:
        path = ROOT / claim["file"]
        if path not in lines:
            lines[path] = path.read_text(encoding="utf-8").split("\n")
        line = lines[path][claim["line"] - 1]
        start = claim["column"] - 1
        assert line[start : start + len(claim["text"])] == claim["text"], claim["id"]


def test_scan_json_validates_against_the_report_schema(cli) -> None:
    run = cli("scan", "seeds/", "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    document = run.json()
    validator("report-v1.schema.json").validate(document)
    summary = document["summary"]
    assert summary["files"] == 5
    assert summary["claims"] == len(document["claims"])
    assert (
        sum(summary[v] for v in ("supported", "outdated", "contradicted", "unverified"))
        == (summary["claims"])
    )


def test_output_is_deterministic(cli) -> None:
    first = cli("scan", "seeds/", "--format", "json", "--fail-on", "never").out
    second = cli("scan", "seeds/", "--format", "json", "--fail-on", "never").out
    assert first == second


@pytest.mark.parametrize(
    "args, needle",
    [
        (("scan", "no/such/path"), "no/such/path"),
        (("claims", "seeds/", "--format", "yaml"), "yaml"),
        (("scan", "seeds/", "--fail-on", "sometimes"), "sometimes"),
        (("scan", "seeds/", "--as-of", "yesterday"), "yesterday"),
        (("scan", "seeds/", "--encoding", "klingon-8"), "klingon-8"),
        (("scan", "seeds/", "--no-such-option"), "--no-such-option"),
        (("refs", "list", "--reference", "missing.yaml"), "missing.yaml"),
    ],
)
def test_bad_usage_gives_exit_2_and_one_line(cli, args, needle) -> None:
    run = cli(*args)
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert needle in lines[0]
    assert "Traceback" not in run.err


def test_unreadable_file_gives_exit_2_naming_it(cli, tmp_path: Path, monkeypatch) -> None:
    article = tmp_path / "locked.txt"
    article.write_text("China mined 70% of the world's rare earths.", encoding="utf-8")
    real_read = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    run = cli("claims", str(article))
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1
    assert "locked.txt" in run.err


@pytest.mark.skipif(
    sys.platform == "win32" or __import__("os").geteuid() == 0,
    reason="root reads files whatever their mode",
)
def test_unreadable_file_by_mode(cli, tmp_path: Path) -> None:
    article = tmp_path / "locked.txt"
    article.write_text("70%", encoding="utf-8")
    article.chmod(0)
    run = cli("claims", str(article))
    assert run.code == 2 and "locked.txt" in run.err


def test_binary_file_is_skipped_with_a_warning_and_counted(cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("China holds 44 million tons of reserves.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 8)
    run = cli("scan", str(tmp_path), "--format", "json")
    assert run.code == 0
    assert "b.txt" in run.err and "skipped" in run.err
    document = run.json()
    assert document["summary"]["files"] == 1
    assert document["summary"]["skipped"] == 1
    assert document["claims"]


def test_input_files_are_never_written(cli, tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nChina refines over 90% of rare earths.\n", encoding="utf-8")
    before = (article.read_bytes(), article.stat().st_mtime_ns)
    cli("scan", str(tmp_path), "--format", "json")
    assert (article.read_bytes(), article.stat().st_mtime_ns) == before


def test_text_claims_table_names_each_location(cli) -> None:
    run = cli("claims", "seeds/001_5135a43a412fcd00.txt")
    assert run.code == 0
    document = cli("claims", "seeds/001_5135a43a412fcd00.txt", "--format", "json").json()
    for claim in document["claims"]:
        assert claim["id"] in run.out


def test_scan_with_no_resolved_claims_reports_them_unverified(cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The committee met 12 times.", encoding="utf-8")
    document = cli("scan", str(tmp_path), "--format", "json").json()
    assert [c["verdict"] for c in document["claims"]] == ["unverified"]
    assert document["claims"][0]["severity"] == "note"


def test_refs_check_passes_on_the_packaged_reference(cli) -> None:
    run = cli("refs", "check")
    assert run.code == 0, run.err


def test_refs_list_shows_sources(cli) -> None:
    run = cli("refs", "list", "--format", "json")
    assert run.code == 0
    listing = run.json()
    assert any(s["id"] == "usgs-mcs-2025" for s in listing["sources"])
    assert all(f["source"] in {s["id"] for s in listing["sources"]} for f in listing["facts"])


def test_scan_sarif_on_seeds_is_valid_sarif_2_1_0(cli) -> None:
    schema = json.loads(
        (ROOT / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8")
    )
    run = cli("scan", "seeds/", "--format", "sarif", "--as-of", "2025-11-01")
    assert run.code == 1  # the seeds hold contradicted figures, whatever the format
    document = run.json()
    jsonschema.Draft7Validator(schema).validate(document)
    sarif_run = document["runs"][0]
    assert document["version"] == "2.1.0"
    assert sarif_run["tool"]["driver"]["name"] == "recheck"
    assert sarif_run["tool"]["driver"]["version"] == __version__
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rule_ids = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    assert rule_ids == [
        "recheck/contradicted",
        "recheck/outdated",
        "recheck/conflict",
        "recheck/unverified",
    ]
    results = sarif_run["results"]
    assert results and {r["ruleId"] for r in results} <= set(rule_ids)
    order = ["error", "warning", "note"]
    assert [r["level"] for r in results] == sorted(
        (r["level"] for r in results), key=order.index
    )  # most severe first
    report = cli("scan", "seeds/", "--format", "json", "--as-of", "2025-11-01").json()
    judged = {c["id"]: c for c in report["claims"] if c["reference"]}
    texts: dict[str, list[str]] = {}
    for result in results:
        assert result["partialFingerprints"]
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        path = location["artifactLocation"]["uri"]
        if path not in texts:
            texts[path] = (ROOT / path).read_text(encoding="utf-8").split("\n")
        snippet = region["snippet"]["text"]
        if region["startLine"] == region["endLine"]:  # exclusive end, in code points
            line = texts[path][region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == snippet
        claim_id = result.get("properties", {}).get("claimId")
        if claim_id in judged:  # the reference source is named in the message
            source = judged[claim_id]["reference"]["source"]
            assert source["publisher"] in result["message"]["text"]


def test_sarif_fingerprints_survive_lines_inserted_above(cli, tmp_path: Path) -> None:
    seed = sorted((ROOT / "seeds").glob("*.txt"))[-1]
    (tmp_path / "a.txt").write_text(seed.read_text("utf-8"), encoding="utf-8")

    def fingerprints() -> dict[str, int]:
        document = cli("scan", "a.txt", "--format", "sarif", cwd=tmp_path).json()
        return {
            next(iter(r["partialFingerprints"].values())): r["locations"][0]["physicalLocation"][
                "region"
            ]["startLine"]
            for r in document["runs"][0]["results"]
        }

    before = fingerprints()
    (tmp_path / "a.txt").write_text("\n\n\n" + seed.read_text("utf-8"), encoding="utf-8")
    after = fingerprints()
    assert before and set(after) == set(before)
    assert all(after[fp] == line + 3 for fp, line in before.items())


def test_version_answers_before_the_cli_is_imported() -> None:
    # `recheck --version` in a CI script should cost the interpreter's start-up alone.
    probe = (
        "import sys; from recheck.entry import main; main(['--version']); "
        "print(sorted(m for m in ('typer', 'rich', 'pint', 'recheck.cli', 'recheck.numbers')"
        " if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == [version_text(), "[]"]
