"""Which files to read: the PATH arguments walked into a stable list of files.

* A file named explicitly is taken whatever its extension.
* A directory is walked recursively; files are kept when their name ends with one of
  ``extensions`` (case-insensitive). Entries whose name starts with ``.`` (``.git``,
  ``.venv``, ``.DS_Store``) are skipped inside walked directories, not when named explicitly.
* Symbolic links are followed; a directory already visited (same device and inode) is not
  entered again, so symlink loops end. A file reached twice (two arguments, or a link) is
  listed once, at its first place.
* ``exclude`` holds ``fnmatch`` patterns (case-sensitive; ``*`` also matches ``/``) tested on
  the display path and each of its parent directories, for explicit files too: ``drafts``,
  ``drafts/*`` and ``*.draft.md`` all work.
* The display path is the argument joined with the part below it, ``/`` separators and no
  leading ``./``: ``seeds/`` → ``seeds/004_x.txt``, ``.`` → ``004_x.txt``.
* Order: arguments in the order given; inside a directory, sorted by path components.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

from recheck.errors import InputError

__all__ = ["DEFAULT_EXTENSIONS", "walk"]

DEFAULT_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm")


def _display(argument: str) -> str:
    text = PurePath(argument).as_posix()
    if os.sep != "/" or os.altsep:
        text = text.replace("\\", "/")
    return text


def _join(base: str, name: str) -> str:
    if base in (".", ""):
        return name
    return base + name if base.endswith("/") else f"{base}/{name}"


def _excluded(display: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    candidates = [display]
    parts = display.split("/")
    candidates.extend("/".join(parts[:count]) for count in range(1, len(parts)))
    return any(
        fnmatchcase(candidate, pattern.rstrip("/"))
        for candidate in candidates
        for pattern in patterns
    )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _walk_directory(
    root: Path,
    display: str,
    extensions: tuple[str, ...],
    exclude: Sequence[str],
    visited: set[tuple[int, int]],
) -> Iterator[tuple[Path, str]]:
    identity = _identity(root)
    if identity is None or identity in visited:
        return
    visited.add(identity)
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as error:
        raise InputError(f"{display}: cannot read: {error.strerror or error}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = _join(display, entry.name)
        if _excluded(child, exclude):
            continue
        path = root / entry.name
        try:
            is_dir = entry.is_dir()  # follows symlinks
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            yield from _walk_directory(path, child, extensions, exclude, visited)
        elif is_file and entry.name.lower().endswith(extensions):
            yield path, child


def walk(
    paths: Sequence[str],
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
    exclude: Sequence[str] = (),
) -> list[tuple[Path, str]]:
    """``(path to open, display path)`` of every file to read under ``paths``."""
    suffixes = tuple(
        (ext if ext.startswith(".") else f".{ext}").lower() for ext in extensions if ext
    )
    found: list[tuple[Path, str]] = []
    seen_files: set[tuple[int, int]] = set()
    visited: set[tuple[int, int]] = set()
    for argument in paths:
        path = Path(argument)
        if not path.exists():
            raise InputError(f"{argument}: no such file or directory")
        display = _display(argument)
        if path.is_dir():
            below = sorted(
                _walk_directory(path, display, suffixes, exclude, visited),
                key=lambda item: item[1].split("/"),
            )
        elif _excluded(display, exclude):
            below = []
        else:
            below = [(path, display)]
        for file_path, file_display in below:
            identity = _identity(file_path)
            if identity is not None:
                if identity in seen_files:
                    continue
                seen_files.add(identity)
            found.append((file_path, file_display))
    return found
