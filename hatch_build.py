"""Build hook: a wheel of recheck carries its per-sentence modules compiled to C by mypyc.

Documents, number readers, masks of non-claims, vocabulary search and claim resolution run
Python-level code for every sentence and every number: interpreted, the English reader and
the masks alone were ~60% of a scan's instructions. mypyc (part of mypy) compiles the
modules of ``COMPILED``, as typed, to one C extension that runs the same code faster
(benchmarks/README.md). The rest (command line, reference, verdicts, reports) runs once a
scan or once a claim, and stays plain Python.

- ``pip install .`` builds the wheel with them compiled; where that fails (no C compiler,
  say) it warns on stderr and installs the pure-Python modules, which behave the same.
- ``RECHECK_PURE_PYTHON=1`` skips compiling.
- Editable installs (``pip install -e .``) stay pure Python: an edited module would
  otherwise be shadowed by its stale compiled copy.

Nothing is written to the source tree: the C sources, objects and mypy's cache go to a
temporary directory.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# The modules compiled (recheck.build.COMPILED_MODULES names them too: a test compares the
# two); the rest of the package is plain Python. Each must type-check under
# mypy --strict without the runtime dependencies installed (they are Any to mypyc here).
COMPILED = (
    "src/recheck/numbers/english.py",
    "src/recheck/numbers/nonclaims.py",
    "src/recheck/numbers/chinese.py",
    "src/recheck/numbers/reading.py",
    "src/recheck/numbers/units.py",
    "src/recheck/numbers/mention.py",
    "src/recheck/numbers/__init__.py",
    "src/recheck/claims.py",
    "src/recheck/vocabulary.py",
    "src/recheck/periods.py",
    "src/recheck/scripts.py",
    "src/recheck/wordsearch.py",
    "src/recheck/documents/sentences.py",
    "src/recheck/documents/articles.py",
    "src/recheck/documents/text.py",
    "src/recheck/documents/load.py",
)
SKIP_VARIABLE = "RECHECK_PURE_PYTHON"


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable" or os.environ.get(SKIP_VARIABLE, "") not in ("", "0"):
            return
        self._work = Path(tempfile.mkdtemp(prefix="recheck-mypyc-"))
        try:
            built = compile_modules(Path(self.root), self._work)
        # Any failure, mypyc's own included (it exits on a type error: SystemExit): the
        # pure-Python wheel is still correct.
        except (Exception, SystemExit) as error:
            print(
                f"recheck: not compiled with mypyc ({type(error).__name__}: {error}); "
                "installing the pure-Python modules",
                file=sys.stderr,
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for source, target in built.items():
            build_data["force_include"][source] = target

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def compile_modules(root: Path, work: Path) -> dict[str, str]:
    """Compile ``COMPILED`` under ``work``: {built extension: its path in the wheel}."""
    from mypyc.build import mypycify
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    here = os.getcwd()
    os.chdir(root)  # mypy names the modules from their paths, and reads [tool.mypy] here
    try:
        extensions = mypycify(
            [
                f"--cache-dir={work / 'mypy-cache'}",
                "--ignore-missing-imports",  # pint, yaml … are not in the build environment
                "--follow-imports=silent",
                "--no-warn-unused-ignores",
                *COMPILED,
            ],
            opt_level="3",
            target_dir=str(work / "c"),
            group_name="recheck",
        )
        distribution = Distribution({"name": "recheck-news", "ext_modules": extensions})
        command = build_ext(distribution)
        command.build_lib = str(work / "lib")
        command.build_temp = str(work / "temp")
        command.ensure_finalized()
        command.run()
    finally:
        os.chdir(here)
    built = {}
    for extension in extensions:
        target = command.get_ext_filename(extension.name)
        built[str(work / "lib" / target)] = target
    return built
