"""The article finder's fast paths agree with the slow paths they stand in for."""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.documents import articles
from recheck.documents.articles import Article, dateline, find_articles
from recheck.documents.text import compute_line_starts, line_spans

_AS_OF = "2025-11-01"
_PIECES = [
    *" \t\u00a0\u2028\u3000\x0b",  # whitespace that collapsing turns into one space
    *"aZ7|·•｜:：-,来源日号mzct.",
    *("Sou Hu Cai Jing· ", "2025-10-21", " 05:51", "2025年6月1日", "6月1日", "10-21 05:51"),
    *("Published: ", "June 1, 2025", "1 June 2025", "Wednesday., ", "September. 1, 2025"),
    *(" | Xinhua", " Source: AP", "来源：新华社", " p.m.", " UTC", "x" * 30, "稀土" * 20),
]
_LINE = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=30).map("".join)
# The latest a dateline's first digit can come once its spaces are collapsed.
_LATEST_DATE = "a" * 60 + "- Wednesday., September. 1, 2025"


@settings(max_examples=500, deadline=None)
@given(_LINE, st.sampled_from([_AS_OF, None]))
@example(_LATEST_DATE, None)
@example("Sou Hu Cai Jing·\u3000\u30002025-10-21 05:51", _AS_OF)
@example("x" * 200 + " | Source:\t\t" + " " * 150 + "y", None)
def test_line_dateline_agrees_with_dateline(line: str, as_of: str | None) -> None:
    content = articles._collapse_spaces(line)
    if content:
        assert articles._line_dateline(line, as_of) == dateline(content, as_of)


@settings(max_examples=500, deadline=None)
@given(_LINE)
@example("|" + "\t" * 200 + "a")  # a tail of whitespace: the whole line is searched
@example("来源" + " " * 100 + "b" * 40)  # too few visible characters in the tail
def test_a_source_marker_in_the_collapsed_tail_is_seen(line: str) -> None:
    tail = articles._collapse_spaces(line)[-articles._SOURCE_TAIL :]
    if any(mark in tail for mark in articles._SOURCE_MARKS):
        assert articles._may_end_in_source(line)


def test_the_latest_date_is_a_dateline() -> None:
    assert dateline(_LATEST_DATE) == (True, "2025-09-01")
    assert articles._line_dateline(_LATEST_DATE, None) == (True, "2025-09-01")


def _articles_line_by_line(text: str) -> tuple[tuple[Article, ...], tuple[int, ...]]:
    """find_articles as it was: every line collapsed and tested, then paired with the next."""
    lines = []
    for index, (start, end) in enumerate(line_spans(text, compute_line_starts(text))):
        content = articles._collapse_spaces(text[start:end])
        if content:
            lines.append((index, start, content, *dateline(content, _AS_OF)))
    starts: list[tuple[int, str | None, str | None]] = [
        (start, content, following[4])
        for (_, start, content, is_dateline, _), following in pairwise(lines)
        if following[3] and not is_dateline and articles._is_headline(content)
    ]
    starts[:1] = [(0, starts[0][1], starts[0][2])] if starts else [(0, None, None)]
    dated = [(start, when) for _, start, _, _, when in lines if when is not None]
    found = []
    for index, (start, headline, published) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        if published is None:
            first = bisect_left(dated, start, key=lambda item: item[0])
            if first < len(dated) and dated[first][0] < end:
                published = dated[first][1]
        found.append(Article(start, end, headline, published))
    return tuple(found), tuple(index for index, *_, is_dateline, _ in lines if is_dateline)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINE, st.sampled_from(["", " ", "Headline", "2025-06-01"]))))
@example(["Headline", "2025-06-01", "2025-06-02", "Body", "", "Second", "\t", "6月1日"])
def test_find_articles_agrees_with_the_line_by_line_pairing(lines: list[str]) -> None:
    text = "\n".join(lines)
    expected = _articles_line_by_line(text)
    assert find_articles(text, compute_line_starts(text), as_of=_AS_OF) == expected
