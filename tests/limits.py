"""A guard against hangs: fail a test whose block runs past a time limit (POSIX only)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise AssertionError naming ``what`` if the block takes over ``seconds``; elsewhere
    than POSIX the block runs unguarded."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"{what}: over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
