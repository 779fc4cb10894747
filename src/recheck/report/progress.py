"""A progress bar on stderr for long scans: only on a terminal, only above ``MIN_FILES`` files.

stdout stays the report (often piped to a file or ``jq``), so the bar never goes there, and it
never goes into a CI log: it needs stderr itself to be a TTY (``FORCE_COLOR`` does not count).
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

MIN_FILES = 50  # a scan of more files than this shows the bar


class TerminalProgress:
    """``recheck.pipeline.Progress`` drawn with rich; use it as a context manager."""

    def __init__(self, stream: TextIO | None = None, min_files: int = MIN_FILES) -> None:
        self._stream = stream
        self._min_files = min_files
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def _terminal(self) -> TextIO | None:
        stream = self._stream or sys.stderr
        try:
            return stream if stream.isatty() else None
        except (AttributeError, ValueError):  # a closed or stand-in stream
            return None

    def start(self, total: int) -> None:
        stream = self._terminal() if total > self._min_files else None
        if stream is None:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "reading",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=stream, force_terminal=True),
            transient=True,  # gone once the files are read; the report follows on stdout
        )
        self._task = self._bar.add_task("files", total=total)
        self._bar.start()

    def advance(self) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
