"""`recheck scan` end to end: exit codes, the coloured text report, suppressions, baselines,
--include and --jobs. Articles and reference are the tiny corpus of ``tests/tiny.py``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from . import tiny


@pytest.fixture
def ref(tmp_path: Path) -> str:
    return str(tiny.reference(tmp_path / "ref"))


def scan(cli, *args: str, ref: str, cwd: Path):
    return cli("scan", *args, "--reference", ref, "--as-of", tiny.AS_OF, cwd=cwd)


# --- exit codes ---------------------------------------------------------------------------


def test_seeds_exit_1_and_fail_on_never_exits_0(cli) -> None:
    assert cli("scan", "seeds/").code == 1  # the seeds hold contradicted figures
    assert cli("scan", "seeds/", "--fail-on", "never").code == 0


def test_a_clean_article_exits_0(cli, tmp_path: Path, ref: str) -> None:
    tiny.article(tmp_path / "a.md", tiny.SUPPORTED, tiny.UNVERIFIED)
    run = scan(cli, "a.md", ref=ref, cwd=tmp_path)
    assert run.code == 0, run.out
    assert run.err == ""


def test_a_clean_article_without_any_number_exits_0(cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing here is counted.\n", encoding="utf-8")
    assert cli("scan", "a.txt", cwd=tmp_path).code == 0


@pytest.mark.parametrize(
    "sentence, fail_on, code",
    [
        (tiny.CONTRADICTED, "error", 1),
        (tiny.OUTDATED, "error", 0),
        (tiny.OUTDATED, "warning", 1),
        (tiny.UNVERIFIED, "warning", 0),
        (tiny.UNVERIFIED, "note", 1),
        (tiny.CONTRADICTED, "never", 0),
    ],
)
def test_fail_on_sets_the_lowest_failing_severity(
    cli, tmp_path: Path, ref: str, sentence: str, fail_on: str, code: int
) -> None:
    tiny.article(tmp_path / "a.md", sentence)
    assert scan(cli, "a.md", "--fail-on", fail_on, ref=ref, cwd=tmp_path).code == code


def test_a_conflict_inside_one_article_fails_the_run(cli, tmp_path: Path, ref: str) -> None:
    tiny.article(tmp_path / "a.md", tiny.SUPPORTED, tiny.OUTDATED)  # outdated alone: warning
    run = scan(cli, "a.md", "--format", "json", ref=ref, cwd=tmp_path)
    assert [c["severity"] for c in run.json()["conflicts"]] == ["error"]
    assert run.code == 1


# --- the text report ----------------------------------------------------------------------


def coloured(capsys, monkeypatch, *args: str, cwd: Path) -> str:
    """stdout of a run with colour forced, as a CI log with FORCE_COLOR=1 would get it."""
    from recheck.cli import main

    monkeypatch.chdir(cwd)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.setenv("COLUMNS", "200")
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(list(args))
    return capsys.readouterr().out


BADGE_COLOUR = {  # SGR codes: green, yellow, red, dim, magenta
    "SUPPORTED": "32",
    "OUTDATED": "33",
    "CONTRADICTED": "31",
    "UNVERIFIED": "2",
    "CONFLICT": "35",
}


def test_forced_colour_run_uses_the_five_colours_on_the_badges(
    capsys, monkeypatch, tmp_path: Path, ref: str
) -> None:
    sentences = (tiny.SUPPORTED, tiny.OUTDATED, tiny.CONTRADICTED, tiny.UNVERIFIED)
    tiny.article(tmp_path / "a.md", *sentences)
    out = coloured(
        capsys, monkeypatch, "scan", "a.md", "--verbose", "--reference", ref,
        "--as-of", tiny.AS_OF, cwd=tmp_path,
    )  # fmt: skip
    for badge, sgr in BADGE_COLOUR.items():
        match = re.search(rf"\x1b\[([0-9;]+)m\s*{badge}\b", out)
        assert match, (badge, out)
        assert sgr in match.group(1).split(";"), (badge, match.group(1))


def test_no_color_and_a_pipe_give_plain_text(cli, tmp_path: Path, ref: str) -> None:
    tiny.article(tmp_path / "a.md", tiny.CONTRADICTED)
    run = scan(cli, "a.md", ref=ref, cwd=tmp_path)
    assert "\x1b[" not in run.out


def test_text_report_names_file_line_column_of_each_finding(cli, tmp_path: Path, ref: str):
    sentences = (tiny.SUPPORTED, tiny.OUTDATED, tiny.CONTRADICTED, tiny.UNVERIFIED)
    path = tiny.article(tmp_path / "a.md", *sentences)
    document = scan(cli, "a.md", "--format", "json", ref=ref, cwd=tmp_path).json()
    verbose = scan(cli, "a.md", "--verbose", ref=ref, cwd=tmp_path).out
    default = scan(cli, "a.md", ref=ref, cwd=tmp_path).out
    quiet = scan(cli, "a.md", "--quiet", ref=ref, cwd=tmp_path).out
    by_verdict = {c["verdict"]: c["id"] for c in document["claims"]}
    assert set(by_verdict) == {"supported", "outdated", "contradicted", "unverified"}
    assert by_verdict["contradicted"] == f"a.md:{tiny.line_of(path, 'Australia')}:17"

    def listed(claim_id: str, text: str) -> bool:  # a finding's own line starts with its place
        return any(line.startswith(f"  {claim_id} ") for line in text.splitlines())

    for verdict, claim_id in by_verdict.items():
        assert listed(claim_id, verbose)  # --verbose: every claim
        assert listed(claim_id, default) == (verdict in ("outdated", "contradicted"))
    # --quiet: what fails the run (the contradicted figure and the conflict), no summary
    assert listed(by_verdict["contradicted"], quiet) and "CONFLICT" in quiet
    assert not listed(by_verdict["outdated"], quiet) and by_verdict["unverified"] not in quiet
    assert "files" in default.splitlines()[-2] and "files" not in quiet
    # the reference source of a judged claim and the members of the conflict, together
    assert "      source: U.S. Geological Survey: Survey 2025" in default.splitlines()
    conflict = default[default.index("CONFLICT") :].splitlines()
    members = [line.split()[0] for line in conflict if line.startswith("      a.md:")]
    assert members[:2] == [by_verdict["supported"], by_verdict["outdated"]]


# --- suppressions -------------------------------------------------------------------------


def test_markdown_comment_suppresses_exactly_its_line(cli, tmp_path: Path, ref: str) -> None:
    path = tiny.article(
        tmp_path / "a.md",
        tiny.CONTRADICTED + " <!-- recheck: ignore -->",
        tiny.CONTRADICTED_TOO,
    )
    document = scan(cli, "a.md", "--format", "json", ref=ref, cwd=tmp_path).json()
    lines = [c["line"] for c in document["claims"]]
    assert lines == [tiny.line_of(path, "40%")]
    assert scan(cli, "a.md", ref=ref, cwd=tmp_path).code == 1  # the other line still fails


@pytest.mark.parametrize("mark", ["# recheck: ignore", "// recheck:ignore", "[recheck: ignore]"])
def test_text_comment_suppresses_exactly_its_line(cli, tmp_path: Path, ref: str, mark: str) -> None:
    path = tiny.article(
        tmp_path / "a.txt",
        tiny.UNVERIFIED,
        f"{tiny.CONTRADICTED}  {mark}",
        tiny.OUTDATED,
        markdown=False,
    )
    claims = cli("claims", "a.txt", "--reference", ref, "--format", "json", cwd=tmp_path).json()
    lines = sorted({c["line"] for c in claims["claims"]})
    assert lines == [tiny.line_of(path, "committee"), tiny.line_of(path, "33.8%")]
    assert scan(cli, "a.txt", ref=ref, cwd=tmp_path).code == 0


def test_suppressing_the_only_failing_line_makes_the_run_pass(cli, tmp_path, ref) -> None:
    tiny.article(tmp_path / "a.md", tiny.CONTRADICTED)
    assert scan(cli, "a.md", ref=ref, cwd=tmp_path).code == 1
    tiny.article(tmp_path / "a.md", tiny.CONTRADICTED + " <!-- recheck: ignore -->")
    assert scan(cli, "a.md", ref=ref, cwd=tmp_path).code == 0


# --- baselines ----------------------------------------------------------------------------


def test_baseline_survives_an_edit_above_and_still_fails_on_new(cli, tmp_path, ref) -> None:
    article = tmp_path / "a.md"
    tiny.article(article, tiny.SUPPORTED, tiny.OUTDATED, tiny.CONTRADICTED)
    assert scan(cli, "a.md", ref=ref, cwd=tmp_path).code == 1
    recorded = cli("baseline", "a.md", "--reference", ref, "--as-of", tiny.AS_OF, cwd=tmp_path)
    assert recorded.code == 0, recorded.err
    (tmp_path / "baseline.json").write_text(recorded.out, encoding="utf-8")
    document = json.loads(recorded.out)
    assert document["schema"] == "recheck/baseline/v1"
    assert {f["verdict"] for f in document["findings"]} == {"outdated", "contradicted"}
    assert len(document["conflicts"]) == 1
    with_baseline = ("a.md", "--baseline", "baseline.json")
    assert scan(cli, *with_baseline, ref=ref, cwd=tmp_path).code == 0

    # Unrelated edits above: new paragraphs push every finding down by four lines.
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("# Rare earths\n", "# Rare earths\n\nA new intro.\n\nAnd more.\n"), "utf-8"
    )
    moved = scan(cli, *with_baseline, "--format", "json", ref=ref, cwd=tmp_path)
    assert moved.code == 0, moved.out
    assert [c["verdict"] for c in moved.json()["claims"]] == ["supported"]

    # A new contradicted figure is not in the baseline: it alone fails the run.
    article.write_text(article.read_text("utf-8") + tiny.CONTRADICTED_TOO + "\n", "utf-8")
    new = scan(cli, *with_baseline, "--format", "json", ref=ref, cwd=tmp_path)
    assert new.code == 1
    reported = [c for c in new.json()["claims"] if c["verdict"] != "supported"]
    assert [c["text"] for c in reported] == ["40%"]


def test_editing_the_sentence_of_a_finding_makes_it_new(cli, tmp_path, ref) -> None:
    article = tiny.article(tmp_path / "a.md", tiny.CONTRADICTED)
    recorded = cli("baseline", "a.md", "--reference", ref, "--as-of", tiny.AS_OF, cwd=tmp_path)
    (tmp_path / "b.json").write_text(recorded.out, encoding="utf-8")
    article.write_text(article.read_text("utf-8").replace("49%", "45%"), "utf-8")
    assert scan(cli, "a.md", "--baseline", "b.json", ref=ref, cwd=tmp_path).code == 1


@pytest.mark.parametrize(
    "content",
    ["not json", '{"schema": "other"}', '{"schema": "recheck/baseline/v1", "findings": 3}'],
)
def test_a_bad_baseline_is_exit_2_naming_it(cli, tmp_path, ref, content: str) -> None:
    tiny.article(tmp_path / "a.md", tiny.CONTRADICTED)
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    run = scan(cli, "a.md", "--baseline", "b.json", ref=ref, cwd=tmp_path)
    assert run.code == 2
    assert len(run.err.strip().splitlines()) == 1 and "b.json" in run.err


# --- --include and --jobs -----------------------------------------------------------------


def test_include_limits_the_extensions_walked(cli, tmp_path: Path, ref: str) -> None:
    (tmp_path / "docs").mkdir()
    tiny.article(tmp_path / "docs" / "a.md", tiny.CONTRADICTED)
    tiny.article(tmp_path / "docs" / "b.txt", tiny.OUTDATED, markdown=False)
    only_txt = scan(cli, "docs", "--include", "txt", "--format", "json", ref=ref, cwd=tmp_path)
    assert {c["file"] for c in only_txt.json()["claims"]} == {"docs/b.txt"}
    both = scan(cli, "docs", "--format", "json", ref=ref, cwd=tmp_path)
    assert {c["file"] for c in both.json()["claims"]} == {"docs/a.md", "docs/b.txt"}


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Worker processes even for the seeds (below PARALLEL_MIN_BYTES they are read in one
    process); returns the sizes of the pools started."""
    import concurrent.futures

    from recheck import pipeline

    started: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def counting(max_workers: int) -> concurrent.futures.ProcessPoolExecutor:
        started.append(max_workers)
        return real(max_workers=max_workers)

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counting)
    return started


def test_small_scans_start_no_worker_processes(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def refuse(max_workers: int) -> None:
        raise AssertionError("a pool was started for 40 KB of seeds")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    assert cli("scan", "seeds/", "--format", "json", "--jobs", "2").code == 1


@pytest.mark.parametrize("command", ["scan", "claims"])
def test_jobs_do_not_change_the_output(cli, command: str, always_parallel: list[int]) -> None:
    args = (command, "seeds/", "--format", "json", "--as-of", "2025-11-01")
    one = cli(*args, "--jobs", "1")
    two = cli(*args, "--jobs", "2")
    assert one.out and one.out == two.out
    assert one.code == two.code
    assert cli(*args, "--jobs", "2").out == two.out  # and across runs
    # the two --jobs 2 runs used a worker process beside the main one
    assert always_parallel == [1, 1]


def test_jobs_keep_reconciliation_across_files(
    cli, tmp_path: Path, ref: str, always_parallel: list[int]
) -> None:
    for index, sentence in enumerate((tiny.SUPPORTED, tiny.UNVERIFIED, tiny.OUTDATED)):
        tiny.article(tmp_path / f"{index}.md", sentence)
    outputs = [
        scan(cli, ".", "--format", "json", "--jobs", jobs, ref=ref, cwd=tmp_path).out
        for jobs in ("1", "3")
    ]
    assert outputs[0] == outputs[1]
    conflicts = json.loads(outputs[1])["conflicts"]
    assert [(c["severity"], c["claims"]) for c in conflicts] == [
        ("warning", ["0.md:3:13", "2.md:3:13"])
    ]


def test_jobs_must_be_positive(cli) -> None:
    run = cli("scan", "seeds/", "--jobs", "0")
    assert run.code == 2 and "--jobs" in run.err and len(run.err.strip().splitlines()) == 1


def test_an_unreadable_file_in_a_worker_is_exit_2_naming_it(cli, tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text("China mined 70% of rare earths.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 70%\n")  # Latin-1: not UTF-8, as forced
    run = cli("scan", ".", "--encoding", "utf-8", "--jobs", "2", cwd=tmp_path)
    assert run.code == 2, run.err
    assert "bad.txt" in run.err and len(run.err.strip().splitlines()) == 1
