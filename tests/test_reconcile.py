"""Conflict groups and their messages (see also test_judge.py)."""

from __future__ import annotations

import pickle
from dataclasses import replace

from recheck.intervals import Tolerance
from recheck.reconcile import ConflictKey, conflict_partners, reconcile
from recheck.wording import Names

from .claim_factory import make_claim

NAMES = Names(((("subject", "CN"), "China"), (("commodity", "rare_earths"), "rare earths")))


def test_a_conflict_names_its_key_period_and_claims() -> None:
    a = make_claim(70, id="a.txt:1:1", text="70%")
    b = make_claim(60, id="a.txt:5:1", line=5, text="60%")
    other_unit = make_claim(3, id="a.txt:7:1", line=7, unit="rank", measure="rank")
    (conflict,) = reconcile([a, b, other_unit], Tolerance(), NAMES)
    assert conflict.key == ConflictKey("CN", None, "reserves", "rare_earths", "share")
    assert conflict.year is None and conflict.claims == ("a.txt:1:1", "a.txt:5:1")
    assert conflict.message == (
        "China, rare earths reserves: share, as of 2025: stated incompatibly in one file: "
        "70% (a.txt:1:1); 60% (a.txt:5:1)"
    )


def test_partners_are_the_members_of_other_intervals() -> None:
    # an archive repeats a figure: members stating one interval share one partner tuple
    seventies = [make_claim(70, id=f"a{i}.txt:1:1", file=f"a{i}.txt") for i in range(3)]
    sixty = make_claim(60, id="b.txt:1:1", file="b.txt")
    close = make_claim(69.5, id="c.txt:1:1", file="c.txt")  # fits 70, not 60
    claims = [*seventies, sixty, close]
    conflicts = reconcile(claims)
    partners = conflict_partners(claims, conflicts, Tolerance())
    assert partners["b.txt:1:1"] == ("a0.txt:1:1", "a1.txt:1:1", "a2.txt:1:1", "c.txt:1:1")
    assert partners["a0.txt:1:1"] == ("b.txt:1:1",)
    assert partners["a0.txt:1:1"] is partners["a2.txt:1:1"]
    assert partners["c.txt:1:1"] == ("b.txt:1:1",)


def test_names_survive_copies() -> None:
    # recheck.dask_scan sends the names to its workers
    for names in (pickle.loads(pickle.dumps(NAMES)), replace(NAMES)):
        assert names == NAMES and hash(names) == hash(NAMES)
        assert names.of("subject", "CN") == "China" and names.of("subject", "AU") == "AU"
    assert Names().of("subject", None) == "?"
