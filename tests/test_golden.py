"""Golden tests: each format's output on the seeds, byte for byte.

After a deliberate change of output or data, regenerate with ``python -m tests.golden`` and
review ``git diff tests/golden``.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden import CASES, ROOT, Case, path_of, run


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_output_matches_the_golden_file(case: Case) -> None:
    output = run(case)
    assert output.code == case.code, output.err
    expected = path_of(case).read_bytes().decode("utf-8")
    if output.out != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    output.out.splitlines(keepends=True),
                    f"tests/golden/{case.name}",
                    "now",
                )
            )[:60]
        )
        pytest.fail(
            f"{case.name} differs from its golden file; if the change is meant, run "
            f"`python -m tests.golden` and review the diff:\n{diff}",
            pytrace=False,
        )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_output_holds_nothing_machine_specific(case: Case) -> None:
    text = path_of(case).read_text(encoding="utf-8")
    assert str(ROOT) not in text
    assert "\x1b[" not in text  # no colour codes
    assert text.endswith("\n")


def test_output_is_the_same_on_a_second_run() -> None:
    case = next(c for c in CASES if c.name == "scan.sarif")
    assert run(case).out == run(case).out
