"""Fast paths of key resolution must agree with their plain definitions: the year pattern
that opens with a character class, and ``between`` answered from a per-sentence table."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck.claims import _Layout, _roles, _Sentence
from recheck.periods import _YEAR
from recheck.reference import load_reference
from recheck.vocabulary import Hit, find_terms

# The year pattern as first written.
PLAIN_YEAR = re.compile(
    r"(?<![\d.,])((?:19[5-9]|20[0-9])\d)(?![\d%])(?!\s*(?:万|亿|tons?\b|t\b|kg\b))"
)
PIECES = ["1", "2", "0", "9", "5", "19", "20", "195", "2025", "1999", "1949", " ", ".", ","]
PIECES += ["%", "万", "亿", " tons", " t", " kg", "年", "a", "t", "\n"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in pattern.finditer(text)]


@given(TEXTS)
def test_year_pattern_is_the_plain_pattern(text: str) -> None:
    assert _spans(_YEAR, text) == _spans(PLAIN_YEAR, text)


def test_year_pattern_on_edges() -> None:
    for text in ["2025", "x2025", "1.2025", ",1999", "12025", "2025%", "2025 tons", "19492"]:
        assert _spans(_YEAR, text) == _spans(PLAIN_YEAR, text), text
    assert _spans(_YEAR, "in 2025, 1950 and 1949") == [(3, 7), (9, 13)]


def test_between_is_the_plain_filter_for_every_bound() -> None:
    vocabulary = load_reference().vocabulary
    texts = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    checked = 0
    for text in texts[:120]:
        hits = find_terms(vocabulary, text, fuzzy=True)
        if not hits:
            continue
        sentence = _Sentence(
            text, hits, [h.start for h in hits], _roles(hits, text), _Layout.of(text, hits)
        )
        bounds = sorted({0, len(text)} | {h.start for h in hits} | {h.end for h in hits})
        for _ in range(2):  # the second round is answered from the table
            for lo in bounds:
                for hi in bounds:
                    plain = [h for h in hits if lo <= h.start and h.end <= hi]
                    assert list(sentence.between(lo, hi)) == plain
                    checked += 1
    assert checked > 1000


def plain_roles(hits: list[Hit], text: str) -> dict[int, str]:
    """``_roles`` as first written: the gap read before the kind of the hit before."""
    roles: dict[int, str] = {}
    for index, hit in enumerate(hits):
        if hit.kind != "subject":
            continue
        role = "subject"
        previous = hits[index - 1] if index else None
        if previous is not None and re.match(
            r"^\s*(?:the\s+|in\s+)?$", text[previous.end : hit.start], re.IGNORECASE
        ):
            if previous.kind in ("partner_cue", "reliance_cue"):
                role = "partner"
            elif previous.kind == "example_cue":
                role = "example"
            elif previous.kind == "and" and index >= 2 and hits[index - 2].kind == "subject":
                role = roles.get(id(hits[index - 2]), "subject")
        roles[id(hit)] = role
    return roles


ROLE_PIECES = ["China", "the US", "Japan", " and ", " relies on ", " particularly ", " such as "]
ROLE_PIECES += ["依赖", "对", "中国", "the ", "in ", " ", ", ", "x", "和"]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ROLE_PIECES), max_size=12).map("".join))
def test_roles_are_the_plain_roles(text: str) -> None:
    hits = find_terms(load_reference().vocabulary, text)
    assert _roles(hits, text) == plain_roles(hits, text)


def test_roles_on_seeds_are_the_plain_roles() -> None:
    vocabulary = load_reference().vocabulary
    seen = set()
    for path in sorted(SEEDS.glob("*.txt")):
        for text in path.read_text(encoding="utf-8").splitlines():
            hits = find_terms(vocabulary, text, fuzzy=True)
            roles = _roles(hits, text)
            assert roles == plain_roles(hits, text)
            seen.update(roles.values())
    assert seen == {"subject", "partner", "example"}
