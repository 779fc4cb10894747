"""Golden tests: each format's output on the seeds, byte for byte.

After a deliberate change of output or data, regenerate with ``python -m tests.golden`` and
review ``git diff tests/golden``.
"""

from __future__ import annotations

import difflib
import json

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
    case = _case("scan.sarif")
    assert run(case).out == run(case).out


def test_text_goldens_list_every_finding_of_the_json_golden() -> None:
    """The same run in two formats: each finding's file:line:col is on a line of its own."""
    document = json.loads(path_of(_case("scan.json")).read_text(encoding="utf-8"))
    texts = {
        name: path_of(_case(name)).read_text(encoding="utf-8").splitlines()
        for name in ("scan.txt", "scan-verbose.txt", "scan-quiet.txt")
    }

    def listed(claim_id: str, name: str) -> bool:
        return any(line.startswith(f"  {claim_id} ") for line in texts[name])

    for claim in document["claims"]:
        assert listed(claim["id"], "scan-verbose.txt"), claim["id"]
        shown = claim["severity"] in ("error", "warning")
        assert listed(claim["id"], "scan.txt") == shown, claim["id"]
        assert listed(claim["id"], "scan-quiet.txt") == (claim["severity"] == "error")


def _case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)
