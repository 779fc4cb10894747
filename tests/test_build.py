"""The build: which modules are compiled by mypyc (hatch_build.py), and, where CI asks
for a compiled build (RECHECK_EXPECT_COMPILED=1), that the tests run against one."""

from __future__ import annotations

import importlib
import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from recheck import frozen
from recheck.build import COMPILED_MODULES, build_kind, compiled_modules


def _package(tmp_path: Path, compiled: tuple[str, ...]) -> str:
    for module in COMPILED_MODULES:
        path = tmp_path / f"{module}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
        if module in compiled:
            (tmp_path / f"{module}{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    return str(tmp_path)


def test_a_package_of_python_files_alone_is_pure_python(tmp_path: Path) -> None:
    package = _package(tmp_path, ())
    assert compiled_modules(package) == ()
    assert build_kind(package) == "pure Python"


def test_an_extension_beside_a_module_counts_it_compiled(tmp_path: Path) -> None:
    package = _package(tmp_path, COMPILED_MODULES[:1])
    assert compiled_modules(package) == COMPILED_MODULES[:1]
    assert build_kind(package) == "partly compiled"
    package = _package(tmp_path, COMPILED_MODULES)
    assert compiled_modules(package) == COMPILED_MODULES
    assert build_kind(package) == "compiled"


def test_build_kind_agrees_with_the_modules_python_imported() -> None:
    loaded = {
        module: importlib.import_module(
            "recheck." + module.removesuffix("/__init__").replace("/", ".")
        ).__file__
        for module in COMPILED_MODULES
    }
    extensions = tuple(
        module
        for module in COMPILED_MODULES
        if any(str(loaded[module]).endswith(suffix) for suffix in EXTENSION_SUFFIXES)
    )
    assert compiled_modules() == extensions


@pytest.mark.skipif(
    os.environ.get("RECHECK_EXPECT_COMPILED") != "1",
    reason="RECHECK_EXPECT_COMPILED=1 (CI) asks for a compiled build",
)
def test_ci_tests_the_compiled_build() -> None:
    from recheck import claims
    from recheck.documents import sentences
    from recheck.numbers import english, nonclaims

    assert build_kind() == "compiled"
    # Native classes: the frozen builder hands back their own constructor.
    assert frozen.is_native(english._Core)
    assert frozen.is_native(nonclaims.Masks)
    assert frozen.is_native(claims.Claim)
    assert english._new_core is english._core_stored
    assert sentences._new_sentence is sentences._sentence_stored


def test_the_build_hook_compiles_the_modules_recheck_build_looks_for() -> None:
    # hatch_build.py cannot import recheck (it runs before the package is built), so its
    # list is read from its source: the two lists must name the same modules.
    import ast

    source = (Path(__file__).resolve().parents[1] / "hatch_build.py").read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets
        ):
            compiled = ast.literal_eval(node.value)
            break
    else:
        raise AssertionError("hatch_build.py has no COMPILED list")
    assert tuple(path.removeprefix("src/recheck/").removesuffix(".py") for path in compiled) == (
        COMPILED_MODULES
    )
