"""Articles: headline + dateline splitting, publication dates, the seeds/004 acceptance check."""

from __future__ import annotations

from pathlib import Path

import pytest

from recheck.documents import Document, build_document, load_document
from recheck.documents.articles import dateline, parse_date

SEED_004 = Path(__file__).resolve().parents[1] / "seeds" / "004_bbf5dcb64bd24d90.txt"

# Checked by hand: each story is a headline line, a "Sou Hu Cai Jing· <date>" line and one
# body line; lines 1–2 (site name, "Search documents") come before the first headline.
SEED_004_ARTICLES = [
    (1, 5, 3, "2025-11-22"),
    (6, 8, 6, "2025-11-16"),
    (9, 11, 9, "2025-11-03"),
    (12, 14, 12, "2025-10-24"),
    (15, 17, 15, "2025-10-22"),
    (18, 20, 18, "2025-10-21"),
    (21, 23, 21, "2025-09-27"),
    (24, 26, 24, "2025-07-05"),
    (27, 29, 27, "2025-07-04"),
    (30, 32, 30, "2025-05-06"),  # the file's last line (32) ends without a newline: no line 33
]


def _article_of_line(document: Document, line: int) -> int:
    offset = document.line_starts[line - 1]
    (index,) = [i for i, a in enumerate(document.articles) if a.start <= offset < a.end]
    return index


@pytest.mark.skipif(not SEED_004.exists(), reason="seeds not present")
def test_seed_004_every_line_in_the_right_article() -> None:
    document = load_document(SEED_004, "seeds/004_bbf5dcb64bd24d90.txt")
    lines = document.source.splitlines()
    assert len(document.articles) == len(SEED_004_ARTICLES)
    for index, (first, last, headline_line, published) in enumerate(SEED_004_ARTICLES):
        article = document.articles[index]
        assert article.published == published
        assert article.headline == lines[headline_line - 1].strip()
        for line in range(first, min(last, len(lines)) + 1):
            assert _article_of_line(document, line) == index, line
    line_20 = [s for s in document.sentences if document.position(s.start)[0] == 20]
    assert len(line_20) >= 5
    assert {s.published for s in line_20} == {"2025-10-21"}
    assert line_20[0].text.startswith("Group 1 - The core agreement between the US and Australia")
    # datelines are no claims: no sentence touches a dateline line
    dateline_lines = {headline + 1 for _, _, headline, _ in SEED_004_ARTICLES}
    for sentence in document.sentences:
        first_line = document.position(sentence.start)[0]
        last_line = document.position(sentence.end - 1)[0]
        assert not dateline_lines & set(range(first_line, last_line + 1))
    # headlines are sentences, with their article's date
    headline_18 = next(s for s in document.sentences if document.position(s.start) == (18, 1))
    assert headline_18.text == "9月中国对美出口稀土下降30%,美国澳大利亚稀土协议能改变什么?"
    assert headline_18.published == "2025-10-21"
    assert headline_18.lang == "zh"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sou Hu Cai Jing· 2025-10-21 05:51", "2025-10-21"),
        ("Sou Hu Cai Jing·2025-06-01 01:24", "2025-06-01"),
        ("2025-06-01 01:24", "2025-06-01"),
        ("2025-06-01", "2025-06-01"),
        ("2025/6/1", "2025-06-01"),
        ("2025年6月1日", "2025-06-01"),
        ("2025年6月1日 10:30 来源：新华社", "2025-06-01"),
        ("发布时间：2025-06-01 10:00", "2025-06-01"),
        ("Published: June 1, 2025", "2025-06-01"),
        ("June 1, 2025", "2025-06-01"),
        ("Updated Sept. 30, 2025 at 5:00 p.m. EDT", "2025-09-30"),
        ("1 June 2025", "2025-06-01"),
        ("By Jane Doe, Reuters | June 1, 2025", "2025-06-01"),
        ("2025-10-13 15:47 | Source: Elephant News", "2025-10-13"),
        ("2025-06-01 10:00 p.m.", "2025-06-01"),
        ("2025-06-01 10:00 pm.", "2025-06-01"),
        ("2025-06-01 10:00 UTC", "2025-06-01"),
        ("2025-06-01T10:00Z", "2025-06-01"),
        ("6月1日", None),
        ("2025-06-01 |" + "x" * 60, "2025-06-01"),
        ("2025-06-01 Source:" + "x" * 60, "2025-06-01"),
        ("2025-06-01 来源" + "x" * 60, "2025-06-01"),
    ],
)
def test_datelines(line: str, expected: str) -> None:
    assert dateline(line) == (True, expected)


@pytest.mark.parametrize(
    "line",
    [
        "2025",
        "China's exports fell 30% on 2025-10-21, the ministry said.",
        '1. "The United States says it will impose 100% additional tariffs" 2025-10-13 15:47',
        "2025-13-45",
        "In 2025年6月1日 the rules changed and the whole industry had to adapt to them quickly",
        "2025-06-01 |" + "x" * 61,  # a source is at most 60 characters
        "2025-06-01 Source:" + "x" * 61,
        "2025-06-01 来源" + "x" * 61,
        "2025-06-01 10:00 Z.",
    ],
)
def test_not_datelines(line: str) -> None:
    assert dateline(line)[0] is False


def test_dates_without_a_year_use_as_of() -> None:
    assert dateline("10-21 05:51", as_of="2025-11-01") == (True, "2025-10-21")
    assert dateline("12月30日", as_of="2025-11-01") == (True, "2024-12-30")
    assert dateline("6月1日") == (True, None)
    assert parse_date("2025-06-01T08:00:00+08:00") == "2025-06-01"
    assert parse_date("not a date") is None


def test_no_dateline_means_one_undated_article() -> None:
    document = build_document("A headline\nChina holds 37%.\n", "x.txt", "utf-8")
    assert len(document.articles) == 1
    assert document.articles[0].published is None
    assert document.articles[0].headline is None
    assert document.sentences[1].published is None


def test_blank_lines_between_headline_and_dateline() -> None:
    source = (
        "Intro line\n\nFirst story\n\nJune 1, 2025\n\nBody one 5%.\n"
        "Second story\n2025-06-02\nBody two 6%.\n"
    )
    document = build_document(source, "x.txt", "utf-8")
    assert [(a.headline, a.published) for a in document.articles] == [
        ("First story", "2025-06-01"),
        ("Second story", "2025-06-02"),
    ]
    assert document.articles[0].start == 0
    assert [s.published for s in document.sentences] == [
        "2025-06-01",
        "2025-06-01",
        "2025-06-01",
        "2025-06-02",
        "2025-06-02",
    ]


def test_front_matter_date_and_html_meta() -> None:
    markdown = "---\ntitle: T\ndate: 2025-03-04\n---\n\nChina holds 37%.\n"
    document = build_document(markdown, "x.md", "utf-8", kind="x.md")
    assert document.articles[0].published == "2025-03-04"
    assert document.sentences[0].published == "2025-03-04"
    page = (
        '<html><head><meta property="article:published_time" content="2025-05-06T08:00:00Z">'
        "</head><body><p>China holds 37%.</p></body></html>"
    )
    document = build_document(page, "x.html", "utf-8", kind="x.html")
    assert document.sentences[0].published == "2025-05-06"


def test_only_the_ascii_space_is_printable_whitespace() -> None:
    # find_articles relies on it to leave lines without runs of whitespace as they are
    for code in range(0x110000):
        char = chr(code)
        if char.isspace() and char != " ":
            assert not char.isprintable(), hex(code)


@pytest.mark.parametrize("gap", [" ", "  ", "\t", " \u2028 ", "\u200a"])
def test_headline_whitespace_is_collapsed(gap: str) -> None:
    source = f" Rare{gap}earths\t\n2025-06-01\nThe price rose.\n"
    (article,) = build_document(source, "a.txt", "utf-8").articles
    assert article.headline == "Rare earths"
