"""Print the peer suites' pass rates at the end of a pytest run."""

from __future__ import annotations

import pytest

from . import harness


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not harness.SESSION_RESULTS:
        return
    from .report import floors, table

    terminalreporter.section("peer suites")
    for line in table(list(harness.SESSION_RESULTS.values()), floors()):
        terminalreporter.write_line(line)
