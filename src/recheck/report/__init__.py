"""Output formats, side by side: one module each, and the dispatch the CLI calls."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from recheck.pipeline import ClaimsResult, ScanResult

SCAN_FORMATS = ("text", "json", "sarif", "github", "markdown")
CLAIMS_FORMATS = ("text", "json")


def write_scan(
    result: ScanResult,
    fmt: str,
    console: Console,
    *,
    verbose: bool = False,
    quiet: bool = False,
    fail_on: str = "error",
) -> None:
    """Print a scan report in ``fmt`` (one of SCAN_FORMATS)."""
    if fmt == "text":
        from recheck.report import text_format

        text_format.render_scan(result, console, verbose=verbose, quiet=quiet, fail_on=fail_on)
        return
    if fmt == "json":
        from recheck.report import json_format

        sys.stdout.write(json_format.dumps(json_format.report_document(result)))
    elif fmt == "sarif":
        from recheck.report import sarif_format

        sys.stdout.write(sarif_format.dumps(result))
    elif fmt == "github":
        from recheck.report import github_format

        sys.stdout.write(github_format.dumps(result))
    elif fmt == "markdown":
        from recheck.report import markdown_format

        sys.stdout.write(markdown_format.dumps(result))
    else:
        raise ValueError(fmt)


def write_claims(result: ClaimsResult, fmt: str, console: Console) -> None:
    """Print the claims listing in ``fmt`` (one of CLAIMS_FORMATS)."""
    if fmt == "json":
        from recheck.report import json_format

        sys.stdout.write(json_format.dumps(json_format.claims_document(result)))
    else:
        from recheck.report import text_format

        text_format.render_claims(result, console)
