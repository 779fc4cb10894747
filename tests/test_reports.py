"""Output formats on a hand-built scan result: SARIF schema, GitHub escaping and caps,
Markdown, text colours, fingerprints that survive line shifts."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from rich.console import Console

from recheck.claims import Claim
from recheck.judge import judge
from recheck.pipeline import ScanResult
from recheck.reference import load_reference
from recheck.report import github_format, markdown_format, sarif_format, text_format
from recheck.report.findings import fingerprint

from . import tiny
from .claim_factory import make_claim

HERE = Path(__file__).parent
SARIF_SCHEMA = json.loads((HERE / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def claim(file: str, line: int, value: float, **extra: object) -> Claim:
    where = {"id": f"{file}:{line}:5", "file": file, "line": line, "column": 5}
    sentence = f"China holds {value:g}% of reserves."
    return make_claim(value, **{**where, "sentence": sentence, **extra})


REFERENCE = tiny.REFERENCE


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("ref")
    (folder / "ref.yaml").write_text(REFERENCE, encoding="utf-8")
    return load_reference([folder])


@pytest.fixture(scope="module")
def result(reference) -> ScanResult:
    claims = [
        claim("a.md", 3, 48.9),  # supported by the 2025 edition
        claim("a.md", 7, 15),  # contradicted, and conflicts with line 3
        claim("a.md", 9, 33.8),  # outdated: the 2023 edition (44 of 130 Mt)
        claim("b.md", 2, 50, metric=None),  # unverified
        claim("b.md", 9, 49, subject="AU"),  # contradicted (AU is 6.3%)
    ]
    findings, conflicts = judge(claims, reference, "2025-06-01")
    assert [f.verdict for f in findings] == [
        "supported",
        "contradicted",
        "outdated",
        "unverified",
        "contradicted",
    ]
    return ScanResult(2, (), tuple(findings), tuple(conflicts))


def test_sarif_is_valid_and_most_severe_first(result: ScanResult) -> None:
    document = sarif_format.sarif_document(result)
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(document)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "recheck"
    levels = [r["level"] for r in run["results"]]
    assert levels == sorted(levels, key=["error", "warning", "note"].index)
    rule_ids = {r["ruleId"] for r in run["results"]}
    assert rule_ids <= {
        "recheck/contradicted",
        "recheck/outdated",
        "recheck/conflict",
        "recheck/unverified",
    }
    assert "recheck/conflict" in rule_ids and "recheck/contradicted" in rule_ids
    contradicted = next(r for r in run["results"] if r["ruleId"] == "recheck/contradicted")
    region = contradicted["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] == region["startColumn"] + len(region["snippet"]["text"])
    assert "U.S. Geological Survey" in contradicted["message"]["text"]
    assert all(r["partialFingerprints"] for r in run["results"])


def test_sarif_locations_are_relative_uris_or_file_uris(result: ScanResult, reference) -> None:
    odd = claim("新闻 稿/a.md", 2, 49, subject="AU")
    absolute = claim("/srv/news/b.md", 3, 49, subject="AU")
    findings, _ = judge([odd, absolute], reference, "2025-06-01")
    document = sarif_format.sarif_document(ScanResult(2, (), tuple(findings), ()))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(document)
    artifacts = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in document["runs"][0]["results"]
    ]
    assert sorted(artifacts, key=lambda a: a["uri"]) == [
        {"uri": "%E6%96%B0%E9%97%BB%20%E7%A8%BF/a.md", "uriBaseId": "SRCROOT"},
        {"uri": "file:///srv/news/b.md"},
    ]


def test_sarif_names_skipped_files_as_notifications(result: ScanResult) -> None:
    from recheck.documents import SkippedFile

    skipped = replace(result, skipped=(SkippedFile("c.txt", "binary file"),))
    document = sarif_format.sarif_document(skipped)
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(document)
    (invocation,) = document["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c.txt"
    assert "binary" in note["message"]["text"]
    assert (
        "toolExecutionNotifications"
        not in sarif_format.sarif_document(result)["runs"][0]["invocations"][0]
    )


def test_sarif_conflict_lists_every_member(result: ScanResult) -> None:
    run = sarif_format.sarif_document(result)["runs"][0]
    conflict = next(r for r in run["results"] if r["ruleId"] == "recheck/conflict")
    places = [conflict["locations"][0]] + conflict["relatedLocations"]
    lines = [p["physicalLocation"]["region"]["startLine"] for p in places]
    assert sorted(lines) == [3, 7, 9]
    assert len(conflict["partialFingerprints"]["recheckConflict/v1"]) == 32


def test_fingerprint_survives_a_line_shift(result: ScanResult) -> None:
    finding = result.findings[1]
    moved = replace(finding, claim=replace(finding.claim, line=40, id="a.md:40:5"))
    assert fingerprint(moved) == fingerprint(finding)
    edited = replace(finding, claim=replace(finding.claim, sentence="China holds 16% of it."))
    assert fingerprint(edited) != fingerprint(finding)


def test_github_escaping() -> None:
    assert github_format.escape_data("50%\nnext\r") == "50%25%0Anext%0D"
    assert github_format.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations(result: ScanResult) -> None:
    lines = github_format.github_lines(result)
    assert lines[0].startswith("::error file=")
    assert any(line.startswith("::notice file=b.md,line=2,col=5") for line in lines)
    for line in lines:
        assert re.match(r"^::(error|warning|notice) [^:]*::", line), line


def _unverified(count: int) -> ScanResult:
    claims = [claim("a.md", i + 1, 15 + i / 10, metric=None) for i in range(count)]
    findings, conflicts = judge(claims, load_reference(), "2025-06-01")
    return ScanResult(1, (), tuple(findings), tuple(conflicts))


def _contradicted(count: int, reference) -> list:
    claims = [claim("c.md", i + 1, 70 + i / 10, subject="AU") for i in range(count)]
    findings, _ = judge(claims, reference, "2025-06-01")
    assert {f.verdict for f in findings} == {"contradicted"}
    return findings


def test_github_caps_each_level_and_says_what_was_left_out() -> None:
    lines = github_format.github_lines(_unverified(25))
    notices = [line for line in lines if line.startswith("::notice file=")]
    # nine notes and the closing notice: ten notices, all of which GitHub shows
    assert len(notices) == 9
    assert lines[-1].startswith("::notice title=recheck::16 more findings not annotated")
    assert "16 notes" in lines[-1] and "Full report:" in lines[-1]
    assert sum(line.startswith("::notice") for line in lines) == github_format.PER_LEVEL


@pytest.mark.parametrize("count", [9, 10])
def test_github_shows_every_notice_when_nothing_is_left_out(count: int) -> None:
    lines = github_format.github_lines(_unverified(count))
    assert len(lines) == count
    assert not any(line.startswith("::notice title=recheck::") for line in lines)


def test_github_errors_over_the_cap_come_first_and_are_counted(reference) -> None:
    findings = _contradicted(12, reference)
    notes = _unverified(10).findings
    result = ScanResult(2, (), (*notes, *findings), ())
    lines = github_format.github_lines(result)
    levels = [line.split(" ", 1)[0] for line in lines]
    assert levels[:10] == ["::error"] * 10  # most severe first, stopped at the cap
    assert levels[10:-1] == ["::notice"] * 9  # one notice slot kept for the closing one
    assert lines[-1].startswith("::notice title=recheck::3 more findings not annotated")
    assert "2 errors" in lines[-1] and "1 notes" in lines[-1]
    assert len(lines) <= 3 * github_format.PER_LEVEL < 50  # under the 50 a job shows


def test_github_properties_are_escaped_in_a_real_line(reference) -> None:
    odd = claim("dir,with:odd%.md", 4, 49, subject="AU")
    findings, _ = judge([odd], reference, "2025-06-01")
    line = github_format.github_lines(ScanResult(1, (), tuple(findings), ()))[0]
    assert line.startswith("::error file=dir%2Cwith%3Aodd%25.md,line=4,col=5,endColumn=8,")
    assert "title=recheck%3A contradicted (49%25)::" in line
    assert "\n" not in line and "49%25" in line.split("::", 2)[2]


def test_markdown(result: ScanResult) -> None:
    text = markdown_format.dumps(result)
    assert text.startswith("## recheck")
    assert "| `a.md:7:5` | 🔴 contradicted |" in text
    assert "### Conflicts" in text
    assert "b.md:2:5" not in text  # notes only with include_notes
    assert "[U.S. Geological Survey: Survey 2025](https://example.org/2025)" in text
    assert "1 unverified figures (no reference value) are not listed." in text
    assert "b.md:2:5" in markdown_format.dumps(result, include_notes=True)


def test_markdown_table_is_capped_for_a_comment(reference) -> None:
    findings = _contradicted(markdown_format.MAX_ROWS + 5, reference)
    text = markdown_format.dumps(ScanResult(1, (), tuple(findings), ()))
    rows = [line for line in text.splitlines() if line.startswith("| `c.md:")]
    assert len(rows) == markdown_format.MAX_ROWS
    assert "… and 5 more" in text


def test_text_report_names_places_and_uses_the_five_colours(result: ScanResult) -> None:
    console = Console(record=True, force_terminal=True, color_system="truecolor", width=300)
    text_format.render_scan(result, console, verbose=True)
    plain = console.export_text(clear=False)
    for finding in result.findings:
        assert finding.claim.id in plain
    styled = console.export_text(styles=True)
    # green, yellow, red, magenta, dim — as ANSI SGR codes
    codes = set(re.findall(r"\x1b\[([0-9;]+)m", styled))
    flat = ";".join(codes)
    for sgr in ("32", "33", "31", "35", "2"):  # green, yellow, red, magenta, dim
        assert re.search(rf"(^|;){sgr}(;|$)", flat), (sgr, codes)


def test_default_text_report_hides_notes_and_supported(result: ScanResult) -> None:
    console = Console(record=True, width=300)
    text_format.render_scan(result, console)
    plain = console.export_text()
    assert "a.md:7:5" in plain and "a.md:9:5" in plain
    assert "b.md:2:5" not in plain  # unverified is a note
    assert "SUPPORTED" not in plain and "UNVERIFIED" not in plain
