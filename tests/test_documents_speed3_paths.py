"""The documents layer's third round of fast paths agrees with the plain forms they replace.

Each plain form is the code as it was before the fast path, or the fast path switched off,
run on the seeds, on tricky fixed inputs and on hypothesis-drawn mixed English, Chinese and
full-width text with odd line ends, controls and spaces.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.documents import sentences
from recheck.documents.sentences import sentence_spans
from recheck.documents.text import compute_line_starts, normalise_width

_SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))

_PIECES = [
    *"aZ7 .!?;。！？；…“”\"')]」）\n\r\t-•\x00\x1b\x85\ufffd\ufeff",
    *("U.S. firms", "U.S. Secretary", "e.g. ", "2.5", "No. 3", "1. ", "12) ", "中国. ", ".a"),
    *("美国.", "Mr. Li", "[3][5] ", "[12] - China", "\u3000", "\u00a0", "a.\u00e9", "x. ß"),
    *("approx. Ten", "reserves. The", "Bloomberg. - Next", "abcdefg. X", "\n\n", " \n", "..."),
    *(". a", ".” The", ".) Next", "...!", ".?", "..", "\r\n", "２．５％", "１，０００", "05：51"),
    *("\u2007", "\u2009", "\u202f", "\u301c", "\u2212", "ＵＳＡ", "～", "\u2028", "\x0b", "\x0c"),
    *("Sou Hu Cai Jing· 2025-10-21 05:51", "来源：新华社", "６月１日", "x" * 300, "a. " * 40),
]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)
_FIXED = [
    "",
    ".",
    "a.b. c. D",
    "It rose 2.5%. Then it fell.\r\nNext.\rLast... Done. ",
    "U.S. firms. The U.S. Secretary said so.” Then (more.) And [3]. More",
    "First line.\n\nSecond. 中国。第二句. Third?",
    "\ufeffBOM. Then\u3000full\u00a0width. ２．５％. ",
]


def _seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in _SEEDS]


# --- sentence splitting: the full-stop terminator ---------------------------------------------


def _full_stop_agrees(raw: str) -> None:
    text = normalise_width(raw)
    starts = compute_line_starts(text)
    fast = sentence_spans(text, starts)
    wrapped = sentence_spans(text, starts, soft_wraps=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sentences, "_FULL_STOP", sentences._TERMINATOR)
        assert fast == sentence_spans(text, starts)
        assert wrapped == sentence_spans(text, starts, soft_wraps=True)
        assert sentences.split_segment(text) == sentences._split(text, 0, len(text))
    without = "".join(char for char in text if char not in sentences._NOT_FULL_STOPS)
    for first in range(0, len(without) + 1, 7):
        for last in (first, (first + len(without)) // 2, len(without)):
            plain = [
                (m.span(), m.group("run"))
                for m in sentences._TERMINATOR.finditer(without, first, last)
            ]
            found = [
                (m.span(), m.group("run"))
                for m in sentences._FULL_STOP.finditer(without, first, last)
            ]
            assert found == plain


@pytest.mark.parametrize("raw", _seed_texts() + _FIXED)
def test_full_stop_terminator_fixed(raw: str) -> None:
    _full_stop_agrees(raw)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("a. b.. C... D.”) e. 2.5. U.S. x")
def test_full_stop_terminator_drawn(raw: str) -> None:
    _full_stop_agrees(raw)
