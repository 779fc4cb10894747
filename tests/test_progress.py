"""The progress bar: on stderr, only when stderr is a terminal and a scan reads > 50 files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from recheck.report.progress import MIN_FILES, TerminalProgress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def drive(progress: TerminalProgress, total: int) -> None:
    with progress:
        progress.start(total)
        for _ in range(total):
            progress.advance()


def test_the_bar_is_drawn_on_a_terminal_above_the_threshold() -> None:
    stream = FakeTerminal()
    drive(TerminalProgress(stream), MIN_FILES + 1)
    assert f"/{MIN_FILES + 1}" in stream.getvalue()


@pytest.mark.parametrize("total", [0, 1, MIN_FILES])
def test_no_bar_for_a_small_scan(total: int) -> None:
    stream = FakeTerminal()
    drive(TerminalProgress(stream), total)
    assert stream.getvalue() == ""


def test_no_bar_when_the_stream_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # forced colour is not a terminal
    stream = io.StringIO()
    drive(TerminalProgress(stream), MIN_FILES + 10)
    assert stream.getvalue() == ""


def test_cli_scan_of_many_files_prints_no_bar_to_a_piped_stderr(cli, tmp_path: Path) -> None:
    for index in range(MIN_FILES + 5):
        (tmp_path / f"{index:03}.txt").write_text(f"The board met {index} times.\n", "utf-8")
    run = cli("scan", ".", "--format", "json", cwd=tmp_path)
    assert run.code == 0
    assert run.json()["summary"]["files"] == MIN_FILES + 5
    assert run.err == ""  # stderr is captured, not a TTY: no bar, no control codes


def test_cli_scan_draws_the_bar_when_stderr_is_a_terminal(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(MIN_FILES + 5):
        (tmp_path / f"{index:03}.txt").write_text(f"The board met {index} times.\n", "utf-8")
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run = cli("scan", ".", "--format", "json", "--jobs", "1", cwd=tmp_path)
    assert run.code == 0
    assert f"/{MIN_FILES + 5}" in terminal.getvalue()
    assert run.out.lstrip().startswith("{")  # the report on stdout is untouched


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_pipeline_reports_every_file_once(tmp_path: Path, jobs: int) -> None:
    from recheck.pipeline import ScanOptions, extract_claims

    for index in range(7):
        (tmp_path / f"{index}.txt").write_text(f"The board met {index + 2} times.\n", "utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)

    class Counter:
        def __init__(self) -> None:
            self.total: int | None = None
            self.done = 0

        def start(self, total: int) -> None:
            self.total = total

        def advance(self) -> None:
            self.done += 1

    counter = Counter()
    result = extract_claims([str(tmp_path)], ScanOptions(jobs=jobs), progress=counter)
    assert counter.total == counter.done == 8
    assert result.files == 7 and [s.path for s in result.skipped] == [f"{tmp_path}/binary.txt"]
    assert [c.file for c in result.claims] == [f"{tmp_path}/{i}.txt" for i in range(7)]
