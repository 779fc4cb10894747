"""Peer test suites (Recognizers-Text, quantulum3) as tests: each suite's pass rate is held
by a floor in ``floors.json`` that only goes up. The rates are printed at the end of the run
(``conftest.py``); ``python -m tests.peer.report --failures SUITE`` lists the failing cases.
What is in scope, and why, is in ``SCOPE.md``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from recheck.numbers.mention import Mention

from . import harness
from .harness import FAMILIES, SUITES

HERE = Path(__file__).resolve().parent
FLOORS: dict[str, float] = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
SCOPE = (HERE / "SCOPE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("suite", SUITES)
def test_peer_suite(suite: str) -> None:
    result = harness.cached_run(suite)
    harness.SESSION_RESULTS[suite] = result
    assert result.in_scope > 0
    floor = FLOORS[suite]
    assert result.rate >= floor, (
        f"{suite}: {result.passed}/{result.in_scope} = {result.rate:.3f} is below the floor "
        f"{floor:.3f}; see `python -m tests.peer.report --failures {suite}`"
    )


def test_every_suite_has_a_floor() -> None:
    assert set(FLOORS) == set(SUITES)
    assert all(0.0 <= f <= 1.0 for f in FLOORS.values())


def test_every_case_loads() -> None:
    for suite in SUITES:
        cases, unsupported = harness.load(suite)
        assert cases, suite
        assert unsupported >= 0
        for case in cases:
            for e in case.expected:
                assert e.value is not None or e.bounds is not None, case.id


def test_every_family_is_documented_in_scope_md() -> None:
    headings = set(re.findall(r"^### (.+?)\s*$", SCOPE, flags=re.MULTILINE))
    for family in FAMILIES:
        assert family.title in headings, family.title
        assert f"`{family.key}`" in SCOPE, family.key
        doc = family.predicate.__doc__ or ""
        assert "SCOPE.md" in doc and family.title in " ".join(doc.split()), family.key


def _scope_section(title: str) -> str:
    start = SCOPE.index(f"### {title}\n")
    end = SCOPE.find("\n#", start + 4)
    return SCOPE[start : end if end >= 0 else len(SCOPE)]


def test_scope_md_counts_are_the_harness_counts() -> None:
    """SCOPE.md's numbers cannot go stale: they are the ones the harness computes."""
    parts = {suite: harness.partition(suite) for suite in SUITES}
    for family in FAMILIES:
        counts = [
            f"{suite} {parts[suite][1][family.key]}"
            for suite in family.suites
            if parts[suite][1].get(family.key)
        ]
        line = "Cases left out: " + ", ".join(counts) + "."
        section = _scope_section(family.title)
        assert line in " ".join(section.split()), (family.key, line)
        for suite in family.suites:
            assert suite in section, (family.key, suite)
    for suite, (kept, excluded, total, unsupported) in parts.items():
        row = f"| {suite} | {total} | {unsupported} | {sum(excluded.values())} | {len(kept)} |"
        assert row in SCOPE, row


def test_comparison_rules() -> None:
    """The comparison itself, on hand-made mentions (no extractor needed)."""
    pct = Mention(0, 3, "30%", 30.0, "percent", "eq", 30.0, 30.0, "share")
    pp = Mention(0, 3, "3个百分点", 3.0, "pp", "eq", 3.0, 3.0, "change")
    gt = Mention(0, 9, "more than 20", 20.0, "1", "gt", 20.0, None, "count")
    assert harness.passes("rt-percent-en", [harness.Expected(30.0, "percent")], [pct])
    assert not harness.passes("rt-percent-en", [harness.Expected(30.0, "pp")], [pct])
    assert harness.passes("rt-percent-zh", [harness.Expected(3.0, "pp")], [pp, gt])
    # Extra mentions fail a case, unless the suite does not speak about them.
    assert not harness.passes("rt-number-en", [harness.Expected(30.0)], [pct, gt])
    assert harness.passes(
        "rt-number-en", [harness.Expected(30.0), harness.Expected(20.0)], [pct, gt]
    )
    rng = harness.Expected(None, None, harness.parse_rt_range("(20,"))
    assert harness.passes("rt-range-en", [rng], [gt, pct])
    point = harness.Expected(30.0, None, harness.parse_rt_range("[30,30]"))
    assert harness.passes("rt-range-en", [rng, point], [gt, pct])
    assert not harness.passes("rt-range-en", [point], [gt, pct])
    assert harness.parse_rt_range(",30)") == (None, 30.0)
    # Multisets: the same value twice needs two mentions.
    assert not harness.passes("rt-number-en", [harness.Expected(30.0)] * 2, [pct])
