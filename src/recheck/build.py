"""How this installation of recheck was built: with its per-sentence modules (documents,
number readers, vocabulary, claims) compiled by mypyc (``pip install .``, see hatch_build.py)
or as plain Python (editable installs, or where compiling failed). Both give the same
results; the compiled build is faster."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES

# The modules hatch_build.py compiles, as paths inside the package.
COMPILED_MODULES = (
    "numbers/english",
    "numbers/nonclaims",
    "numbers/chinese",
    "numbers/reading",
    "numbers/units",
    "numbers/mention",
    "numbers/__init__",
    "claims",
    "vocabulary",
    "periods",
    "scripts",
    "wordsearch",
    "documents/sentences",
    "documents/articles",
    "documents/text",
    "documents/load",
)


def compiled_modules(package: str | None = None) -> tuple[str, ...]:
    """The modules of ``COMPILED_MODULES`` that are compiled extensions in ``package`` (the
    folder of an installed recheck; None: this one). Found by their files, not by importing
    them (``recheck --version`` loads nothing heavy): an extension module is imported in
    preference to the ``.py`` file beside it."""
    package = os.path.dirname(__file__) if package is None else package
    return tuple(
        module
        for module in COMPILED_MODULES
        if any(os.path.isfile(os.path.join(package, module + s)) for s in EXTENSION_SUFFIXES)
    )


def build_kind(package: str | None = None) -> str:
    """Which build: "compiled" (all of ``COMPILED_MODULES``), "partly compiled" or "pure Python"."""
    found = compiled_modules(package)
    if len(found) == len(COMPILED_MODULES):
        return "compiled"
    return "partly compiled" if found else "pure Python"
