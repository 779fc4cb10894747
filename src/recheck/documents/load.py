"""A file on disk to a Document: read, decode, blank markup, normalise, split."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recheck.documents.articles import Article, find_articles
from recheck.documents.decode import BinaryFileError, decode
from recheck.documents.markup import Stripped, strip_html, strip_markdown, strip_plain
from recheck.documents.sentences import Sentence, find_sentences
from recheck.documents.text import compute_line_starts, normalise_width, position
from recheck.documents.walk import DEFAULT_EXTENSIONS, walk
from recheck.errors import InputError
from recheck.frozen import fields_reduce

__all__ = ["Document", "SkippedFile", "load_document", "read_documents"]

_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
_HTML = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded file. ``text`` has the length of ``source``: offsets, lines and columns of
    one are those of the other; ``text`` is for matching, ``source`` for showing."""

    path: str  # as reached from the PATH argument, "/" separators
    source: str  # the decoded text as written (BOM removed)
    text: str  # markup blanked, entities decoded in place, full-width forms mapped to ASCII
    encoding: str
    line_starts: tuple[int, ...]
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset``, columns in code points."""
        if offset > len(self.source):
            raise ValueError(f"offset {offset} beyond the end of {self.path}")
        return position(self.line_starts, offset)

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


@dataclass(frozen=True, slots=True)
class SkippedFile:
    path: str
    reason: str  # e.g. "binary file"

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def _strip(name: str, source: str) -> Stripped:
    suffix = name.lower()
    if suffix.endswith(_MARKDOWN):
        return strip_markdown(source)
    if suffix.endswith(_HTML):
        return strip_html(source)
    return strip_plain(source)


def build_document(
    source: str, display: str, encoding: str, *, kind: str = ".txt", as_of: str | None = None
) -> Document:
    """A Document from already decoded ``source``; ``kind`` is a file name or extension."""
    return _build(source, display, encoding, kind, as_of, None)


def _build(
    source: str, display: str, encoding: str, kind: str, as_of: str | None, utf8: bytes | None
) -> Document:
    """build_document(); ``utf8`` holds the bytes ``source`` was decoded from as UTF-8, or is
    None. (A BOM before them, or damage that decoded to U+FFFD, is allowed: every other
    character of ``source`` comes from its own UTF-8 bytes.)"""
    stripped = _strip(kind, source)
    # The file's bytes stand for the text where stripping left the source as it is (plain
    # text): normalise_width searches them instead of encoding the text.
    text = normalise_width(stripped.text, utf8 if stripped.text is source else None)
    line_starts = compute_line_starts(source)
    articles, datelines = find_articles(
        text, line_starts, title=stripped.title, date=stripped.date, as_of=as_of
    )
    sentences = find_sentences(
        text,
        source,
        line_starts,
        articles,
        breaks=stripped.breaks,
        soft_wraps=stripped.soft_wraps,
        skipped_lines=datelines,
    )
    return Document(display, source, text, encoding, line_starts, articles, sentences)


def load_document(
    path: Path, display: str, encoding: str | None = None, *, as_of: str | None = None
) -> Document:
    """Read (never write) ``path`` and build its Document.

    ``as_of`` (``YYYY-MM-DD``) dates datelines that give no year. Raises ``BinaryFileError``
    for binary content and ``InputError`` for unreadable or undecodable files, both naming
    ``display``; ``ConfigError`` for an unknown forced encoding.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{display}: cannot read: {error.strerror or error}") from None
    try:
        source, used = decode(data, encoding)
    except BinaryFileError as error:
        raise BinaryFileError(f"{display}: {error}") from None
    except InputError as error:
        raise InputError(f"{display}: {error}") from None
    utf8 = data if used in ("utf-8", "utf-8-sig") else None
    return _build(source, display, used, path.name, as_of, utf8)


def read_documents(
    paths: Sequence[str],
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
    exclude: Sequence[str] = (),
    encoding: str | None = None,
    *,
    as_of: str | None = None,
) -> tuple[list[Document], list[SkippedFile]]:
    """Walk ``paths`` and load every file; binary files are skipped, not fatal."""
    if encoding is not None:
        decode(b"", encoding)  # an unknown encoding is a ConfigError before any file is read
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for path, display in walk(paths, extensions, exclude):
        try:
            documents.append(load_document(path, display, encoding, as_of=as_of))
        except BinaryFileError:
            skipped.append(SkippedFile(display, "binary file"))
    return documents, skipped
