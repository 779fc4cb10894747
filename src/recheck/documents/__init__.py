"""Documents: files found, decoded, freed of markup, split into articles and sentences.

>>> from recheck.documents import read_documents
>>> documents, skipped = read_documents(["seeds/"])  # doctest: +SKIP

Modules: ``walk`` (which files), ``decode`` (bytes to text), ``markup`` (length-preserving
HTML and Markdown blanking), ``text`` (width normalisation, lines and columns), ``articles``
(headline + dateline splitting), ``sentences`` (sentence splitting), ``load`` (all of it).
"""

from recheck.documents.articles import Article
from recheck.documents.decode import BinaryFileError, decode
from recheck.documents.load import (
    Document,
    SkippedFile,
    build_document,
    load_document,
    read_documents,
)
from recheck.documents.sentences import Sentence
from recheck.documents.walk import DEFAULT_EXTENSIONS, walk

__all__ = [
    "DEFAULT_EXTENSIONS",
    "Article",
    "BinaryFileError",
    "Document",
    "Sentence",
    "SkippedFile",
    "build_document",
    "decode",
    "load_document",
    "read_documents",
    "walk",
]
