"""A tiny corpus for CLI tests: its own reference (two survey editions) and articles that
give each verdict, so the tests do not move when the packaged reference data grows."""

from __future__ import annotations

import shutil
from pathlib import Path

from recheck.reference import packaged_reference_dir

REFERENCE = """
sources:
  survey-2023: {title: Survey 2023, publisher: U.S. Geological Survey, published: 2023-01-31,
                url: "https://example.org/2023"}
  survey-2025: {title: Survey 2025, publisher: U.S. Geological Survey, published: 2025-01-31,
                url: "https://example.org/2025"}
tables:
  - {source: survey-2023, metric: reserves, commodity: rare_earths, unit: t,
     values: {CN: 44000000, AU: 4200000, world: 130000000}}
  - {source: survey-2025, metric: reserves, commodity: rare_earths, unit: t,
     values: {CN: 44000000, AU: 5700000, world: ">90000000"}}
"""
AS_OF = "2025-06-01"

SUPPORTED = "China holds 48.9% of the world's rare earth reserves."
OUTDATED = "China holds 33.8% of the world's rare earth reserves."  # the 2023 edition's share
CONTRADICTED = "Australia holds 49% of the world's rare earth reserves."
CONTRADICTED_TOO = "Australia holds 40% of the world's rare earth reserves."
UNVERIFIED = "The committee met 12 times."


def reference(folder: Path) -> Path:
    """A reference folder: the tables above and the packaged vocabulary (what words mean)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "facts.yaml").write_text(REFERENCE, encoding="utf-8")
    for vocabulary in packaged_reference_dir().glob("*vocabulary*.yaml"):
        shutil.copy(vocabulary, folder / vocabulary.name)
    return folder


def article(path: Path, *sentences: str, markdown: bool = True) -> Path:
    """An article of one paragraph per sentence (a title first when ``markdown``)."""
    lines = ["# Rare earths", ""] if markdown else []
    for sentence in sentences:
        lines += [sentence, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text("utf-8").split("\n"), 1) if needle in line
    )
