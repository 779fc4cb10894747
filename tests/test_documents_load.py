"""Loading files: encoding twins, binary files skipped, full-width text, read errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.documents import (
    DEFAULT_EXTENSIONS,
    Document,
    SkippedFile,
    build_document,
    load_document,
    read_documents,
)
from recheck.errors import ConfigError, InputError

MIXED = (
    "稀土新聞\n"
    "Sou Hu Cai Jing· 2025-10-21 05:51\n"
    "中國佔全球稀土產量的70%。中国稀土出口下降30%；价格上涨2.5%。\n"
    "The U.S. imports 80% of its rare earths. China refines about 90% of them.\n"
    "美國80%的稀土依賴進口,鏑、釤等關鍵品種的精鍊更是99%依賴中國。\n"
)
TRADITIONAL = (
    "稀土新聞\n"
    "2025年10月21日\n"
    "中國佔全球稀土產量的70%。美國80%的稀土依賴進口。\n"
    "The U.S. imports 80% of its rare earths. Prices rose 2.5%.\n"
)


def _shape(document: Document) -> list[tuple[tuple[int, int], str, str, str | None]]:
    return [(document.position(s.start), s.text, s.lang, s.published) for s in document.sentences]


@pytest.mark.parametrize(
    ("content", "codec", "expected_encoding"),
    [
        (MIXED, "gb18030", "gb18030"),
        (MIXED, "utf-16", "utf-16"),
        (MIXED, "utf-8-sig", "utf-8-sig"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "gbk", "gb18030"),
        (TRADITIONAL, "utf-16", "utf-16"),
    ],
)
def test_encodings_yield_the_same_sentences_as_utf8(
    tmp_path: Path, content: str, codec: str, expected_encoding: str
) -> None:
    twin = tmp_path / "utf8.txt"
    twin.write_bytes(content.encode("utf-8"))
    other = tmp_path / f"{codec}.txt"
    other.write_bytes(content.encode(codec))
    reference = load_document(twin, "utf8.txt")
    document = load_document(other, f"{codec}.txt")
    assert reference.encoding == "utf-8"
    assert document.encoding == expected_encoding
    assert document.source == reference.source
    assert _shape(document) == _shape(reference)
    assert len(reference.sentences) >= 4
    assert {s.published for s in reference.sentences} == {"2025-10-21"}


def test_binary_file_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("China holds 37%.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "c.md").write_text("中国占70%。\n", encoding="utf-8")
    documents, skipped = read_documents([str(tmp_path)])
    base = tmp_path.as_posix()
    assert [d.path for d in documents] == [f"{base}/a.txt", f"{base}/c.md"]
    assert skipped == [SkippedFile(f"{base}/b.txt", "binary file")]


def test_full_width_text_is_matched_as_ascii_at_the_same_offsets(tmp_path: Path) -> None:
    path = tmp_path / "fw.txt"
    path.write_text("稀土价格上涨２．５％，出口１，０００吨，时间05：51。\n", encoding="utf-8")
    document = load_document(path, "fw.txt")
    start = document.source.index("２．５％")
    assert document.text[start : start + 4] == "2.5%"
    assert document.position(start) == (1, 7)
    assert "1,000吨" in document.text
    assert "05:51" in document.text
    assert "，出口" in document.text  # a comma between words stays Chinese
    (sentence,) = document.sentences
    assert "2.5%" in sentence.text
    assert "２．５％" in sentence.original
    assert len(document.text) == len(document.source)


def test_line_starts_and_positions(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("ab\r\n中文\rx\n\nlast".encode())
    document = load_document(path, "crlf.txt")
    assert document.line_starts == (0, 4, 7, 9, 10)
    assert document.position(0) == (1, 1)
    assert document.position(5) == (2, 2)
    assert document.position(7) == (3, 1)
    assert document.position(len(document.source)) == (5, 5)
    with pytest.raises(ValueError):
        document.position(len(document.source) + 1)


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^dir: cannot read: "):
        load_document(tmp_path, "dir")
    with pytest.raises(InputError, match=r"^missing\.txt: cannot read: "):
        load_document(tmp_path / "missing.txt", "missing.txt")


def test_forced_encoding_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("中国占70%。".encode("gbk"))
    with pytest.raises(InputError, match=r"^gbk\.txt: cannot decode as utf-8"):
        load_document(path, "gbk.txt", "utf-8")
    assert load_document(path, "gbk.txt", "gbk").source == "中国占70%。"
    with pytest.raises(ConfigError):
        read_documents([str(path)], encoding="klingon")


def test_source_keeps_everything_but_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "　全角空格 ＡＢＣ\n".encode())
    document = load_document(path, "bom.txt")
    assert document.source == "　全角空格 ＡＢＣ\n"
    assert document.text == " 全角空格 ABC\n"
    assert document.encoding == "utf-8-sig"


def test_default_extensions() -> None:
    assert DEFAULT_EXTENSIONS == (".txt", ".md", ".markdown", ".html", ".htm")


@given(
    st.text(alphabet=st.sampled_from("ab .。２％，\n\r中<p>#*`-2025年6月1日·:")),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
)
def test_document_invariants(source: str, kind: str) -> None:
    document = build_document(source, "x", "utf-8", kind=kind)
    assert len(document.text) == len(document.source)
    covered = 0
    for article in document.articles:
        assert article.start == covered < article.end or (article.start == article.end == 0)
        covered = article.end
    assert covered == len(source)
    for sentence in document.sentences:
        assert sentence.text == document.text[sentence.start : sentence.end]
        assert sentence.original == document.source[sentence.start : sentence.end]
        assert sentence.lang in ("en", "zh")
