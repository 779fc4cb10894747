"""The documents layer's second round of fast paths agrees with the plain code they replace.

Each reference below is the code as it was before the fast path (or the plain definition),
run on the seeds and on hypothesis-drawn mixed English/Chinese/full-width text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.documents import articles, sentences, text
from recheck.documents.articles import Article, find_articles
from recheck.documents.load import _strip, build_document
from recheck.documents.sentences import Sentence, find_sentences, sentence_spans
from recheck.documents.text import compute_line_starts, has_cjk, is_cjk, normalise_width

_SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
_AS_OF = "2025-11-01"

_PIECES = [
    *"aZ7 .!?;。！？；…“”\"')]」\n\r\t-•",
    *("U.S. firms", "U.S. Secretary", "e.g. ", "2.5", "No. 3", "1. ", "12) ", "中国. ", ".a"),
    *("美国.", "Mr. Li", "[3][5] ", "[12] - China", "\u3000", "\u00a0", "a.\u00e9", "x. ß"),
    *("approx. Ten", "reserves. The", "Bloomberg. - Next", "abcdefg. X", "\n\n", " \n", "..."),
    *("2025-06-01", "Sou Hu Cai Jing· 2025-10-21 05:51", "来源：新华社", "６月１日", "（１）"),
]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)


# --- references: the code before this round -------------------------------------------------


def _ends_sentence_before(text: str, match: re.Match[str], first: int, last: int) -> bool:
    end = match.end()
    if end == last:
        return True
    run = match.group("run")
    if not sentences._CHINESE_ENDS.isdisjoint(run):
        return True
    start = match.start()
    back = start - 1
    while back >= first and text[back] in sentences._CLOSERS:
        back -= 1
    previous = text[back] if back >= first else ""
    following = text[end]
    spaced = following.isspace()
    ellipsis = "…" in run or run.startswith("..")
    if run[0] == "." and not ellipsis:
        if previous.isdigit() and following.isdigit():
            return False
        if spaced and previous.isdigit() and sentences._LIST_LABEL.fullmatch(text, first, end + 1):
            return False
        if is_cjk(previous) or is_cjk(following):
            return True
        if not spaced:
            return False
        next_visible = sentences._next_visible(text, end, last)
        return sentences._starter(next_visible) and not sentences._abbreviation(
            text, first, start, next_visible
        )
    next_visible = sentences._next_visible(text, end, last)
    chinese = is_cjk(previous) or is_cjk(next_visible)
    english_end = spaced and sentences._starter(next_visible)
    if ellipsis:
        return chinese or english_end
    return chinese or (english_end and run[0] != ";")


def _split_before(text: str, first: int, last: int) -> list[tuple[int, int]]:
    cuts = [
        m.end()
        for m in sentences._TERMINATOR.finditer(text, first, last)
        if _ends_sentence_before(text, m, first, last)
    ]
    if text.find("[", first, last) != -1:
        cuts.extend(m.end() for m in sentences._CITATIONS.finditer(text, first, last))
        cuts.sort()
    cuts.append(last)
    spans: list[tuple[int, int]] = []
    label = sentences._LIST_LABEL.match(text, first, last)
    start = label.end() if label else first
    for cut in cuts:
        if cut <= start:
            continue
        low, high = start, cut
        while True:
            while low < high and text[low].isspace():
                low += 1
            if low + 1 < high and text[low] in "-–—•·*" and text[low + 1].isspace():
                low += 1
                continue
            break
        while high > low and text[high - 1].isspace():
            high -= 1
        if low < high and any(char.isalnum() for char in text[low:high]):
            spans.extend(sentences._bounded(text, low, high))
        start = cut
    return spans


def _line_spans_before(text: str, line_starts: Sequence[int]) -> list[tuple[int, int]]:
    spans = []
    for index, start in enumerate(line_starts):
        end = line_starts[index + 1] if index + 1 < len(line_starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        spans.append((start, end))
    return spans


def _segments_before(
    text: str,
    line_starts: Sequence[int],
    breaks: Sequence[int],
    soft_wraps: bool,
    skipped_lines: Collection[int],
) -> list[tuple[int, int]]:
    grouped: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for index, (start, end) in enumerate(_line_spans_before(text, line_starts)):
        if index in skipped_lines or not text[start:end].strip():
            if current is not None:
                grouped.append(current)
                current = None
            continue
        if not soft_wraps:
            grouped.append((start, end))
        elif current is None:
            current = (start, end)
        else:
            current = (current[0], end)
    if current is not None:
        grouped.append(current)
    segments: list[tuple[int, int]] = []
    for start, end in grouped:
        previous = start
        for cut in breaks[bisect_right(breaks, start) : bisect_left(breaks, end)]:
            segments.append((previous, cut))
            previous = cut
        segments.append((previous, end))
    return segments


def _sentences_before(
    text: str,
    source: str,
    line_starts: Sequence[int],
    found: Sequence[Article],
    breaks: Sequence[int] = (),
    soft_wraps: bool = False,
    skipped_lines: Collection[int] = (),
) -> tuple[Sentence, ...]:
    starts = [article.start for article in found]
    result = []
    segments = _segments_before(
        text, line_starts, sorted(breaks), soft_wraps, frozenset(skipped_lines)
    )
    for first, last in segments:
        for start, end in _split_before(text, first, last):
            index = bisect_right(starts, start) - 1
            published = found[index].published if index >= 0 else None
            lang = "zh" if has_cjk(text[start:end]) else "en"
            result.append(Sentence(start, end, text[start:end], source[start:end], lang, published))
    return tuple(result)


# --- the fast paths against them -------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 300), st.integers(0, 300))
@example("It rose. abcdefg. Xyz approx. Ten", 0, 40)
@example("The U.S. Secretary said so. Mr. Li agreed.", 5, 44)
@example("x” 1. Items 3. More 中国. 美国", 0, 30)
def test_split_agrees_with_the_split_before(raw: str, first: int, last: int) -> None:
    first, last = sorted((min(first, len(raw)), min(last, len(raw))))
    for match in sentences._TERMINATOR.finditer(raw, first, last):
        expected = _ends_sentence_before(raw, match, first, last)
        assert sentences._ends_sentence(raw, match, first, last) == expected
    assert sentences._split(raw, first, last) == _split_before(raw, first, last)


def test_no_abbreviation_is_as_long_as_the_shortcut() -> None:
    # _ends_sentence takes seven ASCII letters before a stop for a word no abbreviation matches
    longest = max(len(word) for word in sentences._ABBREVIATIONS | {"no"})
    assert longest < sentences._LONGER_THAN_ABBREVIATIONS


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("a\n\nb\n")
@example("\r\n\r\rx\n")
def test_line_spans_agree_with_the_loop(raw: str) -> None:
    starts = compute_line_starts(raw)
    assert text.line_spans(raw, starts) == _line_spans_before(raw, starts)


@settings(max_examples=300, deadline=None)
@given(
    _TEXT,
    st.lists(st.integers(0, 300), max_size=5),
    st.booleans(),
    st.sets(st.integers(0, 10), max_size=3),
)
@example(" \n1. x\n\t\n 2) y", [], False, set())
@example("a\nb\n\nc", [2, 3], True, {1})
def test_segments_and_sentences_agree_with_the_code_before(
    raw: str, breaks: list[int], soft_wraps: bool, skipped: set[int]
) -> None:
    starts = compute_line_starts(raw)
    breaks = sorted({min(cut, len(raw)) for cut in breaks})
    expected = _segments_before(raw, starts, breaks, soft_wraps, frozenset(skipped))
    assert sentences._segments(raw, starts, breaks, soft_wraps, frozenset(skipped)) == expected
    matching = normalise_width(raw)
    found, datelines = find_articles(matching, starts, as_of=_AS_OF)
    lines = skipped | set(datelines)
    before = _sentences_before(matching, raw, starts, found, breaks, soft_wraps, lines)
    got = find_sentences(
        matching, raw, starts, found, breaks=breaks, soft_wraps=soft_wraps, skipped_lines=lines
    )
    assert got == before
    spans = sentence_spans(
        matching, starts, breaks=breaks, soft_wraps=soft_wraps, skipped_lines=lines
    )
    assert spans == [(sentence.start, sentence.end) for sentence in before]


def test_sentences_built_from_their_slots_are_sentences() -> None:
    built = find_sentences("One. 中文。", "One. 中文。", (0,), [Article(0, 8, None, "2025-01-02")])
    assert built == (
        Sentence(0, 4, "One.", "One.", "en", "2025-01-02"),
        Sentence(5, 8, "中文。", "中文。", "zh", "2025-01-02"),
    )
    assert hash(built[0]) == hash(Sentence(0, 4, "One.", "One.", "en", "2025-01-02"))
    assert type(built[0]) is Sentence
    with pytest.raises(AttributeError):
        built[0].start = 1  # type: ignore[misc]


def test_articles_change_at_their_starts() -> None:
    raw = "Intro line.\nFirst.\nSecond.\nThird."
    found = [
        Article(0, 12, None, None),
        Article(12, 19, "h", "2025-01-01"),
        Article(19, 33, "i", None),
    ]
    got = [s.published for s in find_sentences(raw, raw, compute_line_starts(raw), found)]
    assert got == [None, "2025-01-01", None, None]
    late = [Article(12, 33, "h", "2025-01-01")]  # sentences before the first article have none
    got = [s.published for s in find_sentences(raw, raw, compute_line_starts(raw), late)]
    assert got == [None, "2025-01-01", "2025-01-01", "2025-01-01"]


@pytest.mark.parametrize("path", _SEEDS, ids=[path.name for path in _SEEDS])
def test_seed_documents_are_what_the_code_before_made(path: Path) -> None:
    source = path.read_text("utf-8")
    document = build_document(source, path.name, "utf-8", kind=path.name, as_of=_AS_OF)
    stripped = _strip(path.name, source)
    matching = normalise_width(stripped.text)
    starts = compute_line_starts(source)
    found, datelines = find_articles(matching, starts, as_of=_AS_OF)
    assert document.articles == found
    expected = _sentences_before(
        matching, source, starts, found, stripped.breaks, stripped.soft_wraps, datelines
    )
    assert document.sentences == expected
    # and the line-by-line dateline test agrees on every line of the seed
    for start, end in _line_spans_before(source, starts):
        content = articles._collapse_spaces(matching[start:end])
        if content:
            assert articles._line_dateline(matching[start:end], _AS_OF) == articles.dateline(
                content, _AS_OF
            )
