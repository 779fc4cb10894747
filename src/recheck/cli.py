"""Command line: parse options, call the library, print, exit. Nothing else lives here."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from recheck.config import Config, find_config, load_config
from recheck.entry import version_text
from recheck.errors import ConfigError, RecheckError

if TYPE_CHECKING:  # the heavy modules load only when a command needs them (fast --version)
    from rich.console import Console

    from recheck.documents import SkippedFile
    from recheck.pipeline import ClaimsResult, ScanOptions, ScanResult
    from recheck.report.progress import TerminalProgress

_Result = TypeVar("_Result", "ClaimsResult", "ScanResult")

app = typer.Typer(
    name="recheck",
    help="Check the numbers in news articles against a cited reference and against each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
refs_app = typer.Typer(help="Inspect and validate the reference data.", no_args_is_help=True)
app.add_typer(refs_app, name="refs")


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    note = "note"
    never = "never"


PathsArg = Annotated[
    list[str], typer.Argument(help="Files or directories to read.", show_default=False)
]
FormatOpt = Annotated[Format | None, typer.Option("--format", "-f", help="Output format.")]
ReferenceOpt = Annotated[
    list[str] | None,
    typer.Option("--reference", help="Reference file or folder (repeatable; default: packaged)."),
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Configuration file (default: discovered).")
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Force an input encoding (default: detected).")
]
ExcludeOpt = Annotated[
    list[str] | None, typer.Option("--exclude", help="Glob of paths to skip (repeatable).")
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", help="Date YYYY-MM-DD to judge undated articles at (default: today)."),
]
IncludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--include", help="File extension to read in directories (repeatable; default: all)."
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Processes that read files [default: the number of cores]."
    ),
]


def _version(value: bool) -> None:
    if value:
        print(version_text())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """recheck: a numeric fact-checker for newsrooms."""


def _settings(config_path: Path | None) -> Config:
    if config_path is not None and not config_path.is_file():
        raise ConfigError(f"{config_path}: no such configuration file")
    return load_config(config_path or find_config(Path.cwd()))


def _options(
    config: Config,
    *,
    include: list[str] | None,
    exclude: list[str] | None,
    encoding: str | None,
    reference: list[str] | None,
    as_of: str | None,
    jobs: int | None,
) -> ScanOptions:
    """The command line over the configuration file, option by option (lists replace)."""
    import os

    from recheck.documents import DEFAULT_EXTENSIONS
    from recheck.intervals import Tolerance
    from recheck.pipeline import ScanOptions

    when = as_of or config.as_of
    if when is not None:
        try:
            when = dt.date.fromisoformat(when).isoformat()
        except ValueError:
            raise ConfigError(f"--as-of must be a date YYYY-MM-DD, got {when!r}") from None
    extensions = tuple(e if e.startswith(".") else f".{e}" for e in include or config.include)
    return ScanOptions(
        extensions=extensions or DEFAULT_EXTENSIONS,
        exclude=tuple(exclude or ()) or config.exclude,
        encoding=encoding or config.encoding,
        reference=tuple(reference or ()) or config.reference,
        as_of=when,
        tolerance=Tolerance(**dict(config.tolerance)),
        jobs=jobs or config.jobs or os.cpu_count() or 1,
    )


def _progress() -> TerminalProgress:
    from recheck.report.progress import TerminalProgress

    return TerminalProgress()


def _console() -> Console:
    from rich.console import Console

    # Never wrap machine-readable text; rich honours NO_COLOR, FORCE_COLOR and TTY detection.
    return Console(highlight=False, soft_wrap=True)


@app.command()
def claims(
    paths: PathsArg,
    format: FormatOpt = None,
    reference: ReferenceOpt = None,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    as_of: AsOfOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """List every numeric expression found, resolved or not (no verdicts)."""
    from recheck.pipeline import extract_claims
    from recheck.report import CLAIMS_FORMATS, write_claims

    settings = _settings(config)
    if format is not None and format not in CLAIMS_FORMATS:
        raise ConfigError(f"recheck claims prints {' or '.join(CLAIMS_FORMATS)}, not {format}")
    # A configured scan format (sarif, github …) does not apply to the claims listing.
    fmt = format or (settings.format if settings.format in CLAIMS_FORMATS else None) or "text"
    result = _read(
        extract_claims, paths, settings, include, exclude, encoding, reference, as_of, jobs
    )
    write_claims(result, fmt, _console())


def _read(
    runner: Callable[..., _Result],
    paths: list[str],
    settings: Config,
    include: list[str] | None,
    exclude: list[str] | None,
    encoding: str | None,
    reference: list[str] | None,
    as_of: str | None,
    jobs: int | None,
) -> _Result:
    """``runner`` (extract_claims or scan) over ``paths`` with the options of the command
    line over those of ``settings``; a progress bar where it helps; skipped files warned."""
    options = _options(
        settings,
        include=include,
        exclude=exclude,
        encoding=encoding,
        reference=reference,
        as_of=as_of,
        jobs=jobs,
    )
    with _progress() as progress:
        result = runner(paths, options, progress=progress)
    _warn_skipped(result.skipped)
    return result


@app.command()
def scan(
    paths: PathsArg,
    format: FormatOpt = None,
    reference: ReferenceOpt = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Lowest severity that makes the exit code 1 [default: error]."
        ),
    ] = None,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    as_of: AsOfOpt = None,
    jobs: JobsOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every claim.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Show only what fails the run.")
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Fail only on findings not in this baseline file."),
    ] = None,
) -> None:
    """Extract, check against the reference, reconcile sources; report."""
    from recheck.judge import SEVERITIES
    from recheck.pipeline import scan as run_scan
    from recheck.report import write_scan

    settings = _settings(config)
    result = _read(run_scan, paths, settings, include, exclude, encoding, reference, as_of, jobs)
    if baseline is not None:
        from recheck.baseline import read_baseline, without_baseline

        result = without_baseline(result, read_baseline(baseline))
    threshold = (fail_on.value if fail_on else None) or settings.fail_on or "error"
    write_scan(
        result,
        format or settings.format or "text",
        _console(),
        verbose=verbose,
        quiet=quiet,
        fail_on=threshold,
    )
    if threshold != "never":
        failing = SEVERITIES[: SEVERITIES.index(threshold) + 1]
        severities = [f.severity for f in result.findings] + [c.severity for c in result.conflicts]
        if any(s in failing for s in severities):
            raise typer.Exit(1)


@app.command("baseline")
def baseline_command(
    paths: PathsArg,
    reference: ReferenceOpt = None,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    as_of: AsOfOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Record today's findings: `recheck baseline drafts/ > .recheck-baseline.json`."""
    import json

    from recheck.baseline import baseline_document
    from recheck.pipeline import scan as run_scan

    settings = _settings(config)
    result = _read(run_scan, paths, settings, include, exclude, encoding, reference, as_of, jobs)
    sys.stdout.write(json.dumps(baseline_document(result), ensure_ascii=False, indent=2) + "\n")


@refs_app.command("check")
def refs_check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Reference files or folders (default: packaged).")
    ] = None,
) -> None:
    """Validate reference files; print file:line of each problem and exit 2 if any."""
    from recheck.reference import check_reference, reference_files

    problems = check_reference(paths or ())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise typer.Exit(2)
    print(f"{len(reference_files(paths or ()))} reference files OK")


@refs_app.command("list")
def refs_list(
    reference: ReferenceOpt = None,
    format: FormatOpt = None,
) -> None:
    """Show the reference facts in use, with their sources."""
    from recheck.reference import load_reference
    from recheck.report import refs_format

    loaded = load_reference(reference or ())
    if format == Format.json:
        sys.stdout.write(refs_format.refs_json(loaded))
    else:
        refs_format.render_refs(loaded, _console())


def _warn_skipped(skipped: Iterable[SkippedFile]) -> None:
    for item in skipped:
        print(f"recheck: warning: {item.path}: skipped ({item.reason})", file=sys.stderr)


def _fail(message: str) -> NoReturn:
    print(f"recheck: error: {message}", file=sys.stderr)
    sys.exit(2)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line on stderr and exit 2 for every usage, input or reference error."""
    from typer.exceptions import Abort, Exit, TyperException

    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="recheck", standalone_mode=False)
    except Exit as exc:
        sys.exit(exc.exit_code)
    except Abort:
        _fail("aborted")
    except RecheckError as exc:
        _fail(str(exc))
    except BrokenPipeError:  # `recheck scan … | head` is fine
        sys.exit(0)
    except KeyboardInterrupt:  # Ctrl-C, also while worker processes read files
        print("recheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except TyperException as exc:  # click's usage errors (typer vendors click)
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `recheck`: help, as users expect
            print(exc.format_message(), file=sys.stderr)
            sys.exit(2)
        _fail(" ".join(exc.format_message().split()))
    sys.exit(code if isinstance(code, int) else 0)
