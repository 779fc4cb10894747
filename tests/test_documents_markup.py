"""Length-preserving markup blanking and the positions it keeps."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from recheck.documents import Document, load_document
from recheck.documents.markup import strip_html, strip_markdown

HTML = """<!DOCTYPE html>
<html><head><title>Rare earth page</title>
<style>p { width: 99%; }</style>
<script>var share = "98% of it";</script>
</head>
<body>
<p>Share = 37%.</p><p>It refines 90% of them.</p>
<!-- editor: 97% is a guess -->
<p>Prices rose&nbsp;5&#37; in May &amp; June.<br>Then fell
3%.</p>
</body></html>
"""

MARKDOWN = """---
title: "Rare earths: the numbers"
date: 2025-06-01T08:00:00+08:00
---

# Rare earths: the **numbers**

China holds **37%** of reserves, see [USGS](https://usgs.gov/96 "USGS 95") and
the [report][r1]. It refines about 90% of them.

```python
x = 99  # 99% code
```

~~~
94% fenced with tildes
~~~

<!-- editor note: 97% fake -->

- First item: 60% of mining
- Second item with `inline 93%` code
1. Numbered 12 varieties

> 中国占全球稀土产量的７０％。美国依赖进口。

| Year | Share |
|------|-------|
| 2024 | 68%   |

[r1]: https://example.com/report-92
"""


def _load(tmp_path: Path, name: str, content: str) -> Document:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return load_document(path, name)


def _locate(document: Document, needle: str) -> tuple[int, int]:
    """Position of ``needle`` as found in a sentence's matching text."""
    for sentence in document.sentences:
        index = sentence.text.find(needle)
        if index >= 0:
            offset = sentence.start + index
            assert document.source[offset : offset + len(needle)] == needle
            return document.position(offset)
    raise AssertionError(f"{needle!r} in no sentence")


def test_html_positions_and_hidden_content(tmp_path: Path) -> None:
    document = _load(tmp_path, "page.html", HTML)
    assert len(document.text) == len(document.source)
    assert _locate(document, "37%") == (7, 12)
    assert _locate(document, "90%") == (7, 34)
    sentence_texts = [s.text for s in document.sentences]
    assert "Share = 37%." in sentence_texts
    assert "It refines 90% of them." in sentence_texts
    joined = " ".join(sentence_texts)
    for hidden in ("99", "98", "97", "Rare earth page", "width", "var"):
        assert hidden not in joined
    prices = next(s for s in document.sentences if s.text.startswith("Prices"))
    assert " ".join(prices.text.split()) == "Prices rose 5% in May & June."
    assert prices.original == "Prices rose&nbsp;5&#37; in May &amp; June."
    assert document.sentences[-1].text == "Then fell\n3%."  # paragraphs wrap in HTML
    assert document.articles[0].headline == "Rare earth page"


def test_markdown_positions_and_hidden_content(tmp_path: Path) -> None:
    document = _load(tmp_path, "story.md", MARKDOWN)
    assert len(document.text) == len(document.source)
    assert _locate(document, "37%") == (8, 15)
    assert _locate(document, "90%") == (9, 36)
    assert _locate(document, "12 varieties") == (23, 13)
    texts = [" ".join(s.text.split()) for s in document.sentences]
    joined = " ".join(texts)
    for hidden in ("99", "97", "96", "95", "94", "93", "92", "usgs.gov", "title", "r1"):
        assert hidden not in joined
    assert "China holds 37% of reserves, see USGS and the report ." in texts
    assert "First item: 60% of mining" in texts
    assert "Second item with code" in texts
    assert "中国占全球稀土产量的70%。" in texts
    assert "2024 68%" in texts
    assert document.articles[0].published == "2025-06-01"
    assert document.articles[0].headline == "Rare earths: the numbers"
    # the front matter itself holds no sentence
    assert all(document.position(s.start)[0] >= 6 for s in document.sentences)


def test_entity_padding_keeps_symbols_next_to_numbers() -> None:
    stripped = strip_html("<p>&euro;5 and 5&#37; and &lt;3</p>")
    assert "€5" in stripped.text
    assert "5%" in stripped.text
    assert "<3" in stripped.text


def test_markdown_details() -> None:
    text = strip_markdown("Keep snake_case and a * b, not _this_ or ~~that~~ or \\*this\\*.\n").text
    assert "snake_case" in text
    assert "a * b" in text
    assert " this " in text and " that " in text
    assert "*this" in text


def test_citation_brackets_survive_in_markdown() -> None:
    assert "[1][5]" in strip_markdown("China holds 37% [1][5].\n").text


@given(st.text(alphabet=st.sampled_from("<>/!-ap &;#x3b0`*_~[]()|:\n\r\t中-=")))
def test_blanking_preserves_length_and_line_breaks(text: str) -> None:
    for stripped in (strip_html(text), strip_markdown(text)):
        assert len(stripped.text) == len(text)
        assert [i for i, c in enumerate(stripped.text) if c in "\r\n"] == [
            i for i, c in enumerate(text) if c in "\r\n"
        ]
        assert all(0 <= b <= len(text) for b in stripped.breaks)
