"""The documents layer's third round of fast paths agrees with the plain forms they replace.

Each plain form is the code as it was before the fast path, or the fast path switched off,
run on the seeds, on tricky fixed inputs and on hypothesis-drawn mixed English, Chinese and
full-width text with odd line ends, controls and spaces.
"""

from __future__ import annotations

import dataclasses
import importlib
import pickle
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck.documents import articles, load, sentences
from recheck.documents import text as text_module
from recheck.documents.articles import find_articles
from recheck.documents.load import build_document, load_document
from recheck.documents.sentences import Sentence, find_sentences, sentence_spans
from recheck.documents.text import compute_line_starts, has_cjk, line_spans, normalise_width

# the package's ``decode`` attribute is the function of that name
decode_module = importlib.import_module("recheck.documents.decode")

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
_WIDE = [chr(code) for code in range(0xFF00, 0xFF60)] + list("\u3000\u3001\u3002\u2008\u2028")
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


def _width_plain(text: str) -> str:
    """normalise_width before its pretests: the class searched for in every text."""
    if text.isascii():
        return text
    mapped = text_module._WIDTH_RE.sub(lambda m: text_module._WIDTH_TABLE[ord(m.group())], text)
    if "，" not in mapped and "：" not in mapped:
        return mapped
    return text_module._DIGIT_PUNCT.sub(lambda m: text_module._DIGIT_PUNCT_ASCII[m.group()], mapped)


# --- width normalisation: the pretests ----------------------------------------------------------


def _width_agrees(raw: str) -> None:
    plain = _width_plain(raw)
    assert normalise_width(raw) == plain
    utf8 = raw.encode("utf-8", "surrogatepass")
    assert normalise_width(raw, utf8) == plain
    assert normalise_width(raw, b"\xef\xbb\xbf" + utf8) == plain
    has = any(ord(char) in text_module._WIDTH_TABLE for char in raw)
    assert text_module._may_map_width(raw, None) or not has
    assert text_module._may_map_width(raw, utf8) or not has


@pytest.mark.parametrize("raw", _seed_texts() + _FIXED + _WIDE + list(text_module._WIDTH_SINGLES))
def test_width_pretests_fixed(raw: str) -> None:
    _width_agrees(raw)
    _width_agrees(raw + " 中")
    _width_agrees("１，０００ and 05：51 " + raw)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_TEXT, st.sampled_from(_WIDE), st.text(max_size=3))).map("".join))
@example("\ud800\u3000")
def test_width_pretests_drawn(raw: str) -> None:
    _width_agrees(raw)


def test_every_mapped_character_is_found_by_the_pretests() -> None:
    for code in text_module._WIDTH_TABLE:
        char = chr(code)
        for raw in (char, "ab" + char + "中", "中" * 50 + char + "“x”" * 50):
            assert text_module._may_map_width(raw, None)
            assert text_module._may_map_width(raw, raw.encode())
    for code in range(0x80, 0x110000):
        if code not in text_module._WIDTH_TABLE and not 0xD800 <= code < 0xE000:
            char = chr(code)
            assert not text_module._may_map_width(char, char.encode()), hex(code)


# --- loading: the file's bytes stand for the plain text -------------------------------------------


def _document_plain(path: Path, source: str, encoding: str) -> load.Document:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "normalise_width", lambda text, utf8=None: _width_plain(text))
        return build_document(source, path.name, encoding, kind=path.name, as_of="2025-11-01")


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Ｘ　１，０００ ２．５％ 中（文）\r\n“x” y\u00a0z".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "Ｘ　１，０００ 中文。\n".encode(), "utf-8-sig"),
        (b"\xef\xbb\xbfplain, no forms \xc2\xb7 ok\n", "utf-8-sig"),
        ("中文（１）。".encode() * 80 + b"\xff tail \xe3\x80" + "　".encode(), "utf-8"),
        (b"Full stop. &nbsp; &#xff10; &#12288; <b>x</b>\n", "utf-8"),
        ("中文 &#xff10; and “more”\n".encode(), "utf-8"),
        ("中文 &#12288; and “more”\n".encode(), "utf-8"),
        ("稀土　新聞（１）".encode("gb18030"), "gb18030"),
        ("Ｘ　１ 中".encode("utf-16"), "utf-16"),
    ],
)
def test_loaded_documents_match_the_plain_build(
    tmp_path: Path, name: str, data: bytes, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    document = load_document(path, name, as_of="2025-11-01")
    assert document.encoding == encoding
    assert document == _document_plain(path, document.source, encoding)


@pytest.mark.parametrize("path", _SEEDS, ids=lambda path: path.name)
def test_loaded_seeds_match_the_plain_build(path: Path) -> None:
    document = load_document(path, path.name, as_of="2025-11-01")
    assert document == _document_plain(path, document.source, document.encoding)


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


# --- sentences: one slice for text and original where the text is its own source -------------


def _copy(value: str) -> str:
    copied = (value + ".")[:-1]
    assert copied == value and (
        copied is not value or len(value) < 2
    )  # 1-character strings are shared
    return copied


def _sentences_agree(raw: str) -> None:
    text = normalise_width(raw)
    starts = compute_line_starts(raw)
    articles, datelines = find_articles(text, starts, as_of="2025-11-01")
    for source in (raw, _copy(raw)):
        for soft_wraps in (False, True):
            shared = find_sentences(
                text, source, starts, articles, soft_wraps=soft_wraps, skipped_lines=datelines
            )
            apart = find_sentences(
                _copy(text),
                source,
                starts,
                articles,
                soft_wraps=soft_wraps,
                skipped_lines=datelines,
            )
            assert shared == apart
            assert all(s.original == source[s.start : s.end] for s in shared)


@pytest.mark.parametrize("raw", _seed_texts() + _FIXED)
def test_shared_slices_fixed(raw: str) -> None:
    _sentences_agree(raw)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("２．５％ rose. Then ＵＳＡ fell.\n中（国）。")
def test_shared_slices_drawn(raw: str) -> None:
    _sentences_agree(raw)


# --- articles: source markers searched for without a generator, whole lines first -----------


def _may_end_in_source_before(line: str) -> bool:
    tail = line[-2 * articles._SOURCE_TAIL :]
    if len(tail) < len(line) and not (
        tail.isprintable() and len(tail) - tail.count(" ") >= articles._SOURCE_TAIL
    ):
        tail = line
    return any(mark in tail for mark in articles._SOURCE_MARKS)


_MARKED = st.lists(
    st.one_of(
        st.sampled_from([*articles._SOURCE_MARKS, "来", "源", "源来", "\t", "  ", "\u2028", "x"]),
        st.sampled_from(["word " * 20, "中文字" * 30, "y" * 130, " " * 70, "\t" * 70]),
        st.text(max_size=4),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_MARKED)
@example("x" * 200 + " | Source:\t\t" + " " * 150 + "y")
@example("|" + "\t" * 200 + "a")
@example("来源" + " " * 100 + "b" * 40)
@example("a: " + "word " * 300)
@example("a: " + "word " * 150)
def test_source_marks_agree_with_the_generator_forms(line: str) -> None:
    assert articles._has_source_mark(line) == any(mark in line for mark in articles._SOURCE_MARKS)
    assert articles._may_end_in_source(line) == _may_end_in_source_before(line)
    content = articles._collapse_spaces(line)
    if content:
        assert articles._line_dateline(line, "2025-11-01") == articles.dateline(
            content, "2025-11-01"
        )


def test_every_source_mark_is_found() -> None:
    for mark in articles._SOURCE_MARKS:
        for line in (mark, "word " * 50 + mark, mark + "中文字" * 400, "源" + mark + "来"):
            assert articles._has_source_mark(line)
    assert not articles._has_source_mark("源来 word 中文字" * 100)


@pytest.mark.parametrize("raw", _seed_texts() + _FIXED)
def test_source_marks_on_the_lines_of_fixed_texts(raw: str) -> None:
    text = normalise_width(raw)
    for start, end in line_spans(text, compute_line_starts(text)):
        line = text[start:end]
        assert articles._may_end_in_source(line) == _may_end_in_source_before(line)


# --- decoding: controls counted by a table, 0xC2 bytes looked at one by one -------------------

_C2_HEAVY = st.sampled_from(
    [chr(code) for code in (*range(0x00, 0x21), *range(0x7E, 0xC0))] + ["中", "é", "a", "\u2028"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_C2_HEAVY, max_size=400).map("".join))
@example("\u00b7" * 64 + "\x85")
@example("\u00b7" * 63 + "\x85" + "\x9f" * 10)
@example("\x80" * 200)
@example("a\xa0" * 100 + "\x9f")
def test_controls_counted_past_many_c2_bytes(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    plain = len(decode_module._DISALLOWED_CONTROL.findall(text))
    assert decode_module._controls_in_utf8(data) == plain
    assert decode_module._controls_in_utf8(data + b"\xc2") == plain  # a last 0xC2, cut short


# --- sentences: filled as plain slotted objects, then given the class Sentence ---------------


def _sentences_by_constructor(raw: str) -> tuple[list[Sentence], tuple[Sentence, ...]]:
    text = normalise_width(raw)
    starts = compute_line_starts(raw)
    found, datelines = find_articles(text, starts, as_of="2025-11-01")
    built = find_sentences(text, raw, starts, found, skipped_lines=datelines)
    expected = []
    for start, end in sentence_spans(text, starts, skipped_lines=datelines):
        body = text[start:end]
        published = [a.published for a in found if a.start <= start][-1]
        lang = "zh" if has_cjk(body) else "en"
        expected.append(Sentence(start, end, body, raw[start:end], lang, published))
    return expected, built


@pytest.mark.parametrize("raw", _seed_texts() + _FIXED)
def test_filled_sentences_are_sentences(raw: str) -> None:
    expected, built = _sentences_by_constructor(raw)
    assert list(built) == expected
    for sentence, twin in zip(built, expected, strict=True):
        assert type(sentence) is Sentence
        assert dataclasses.astuple(sentence) == dataclasses.astuple(twin)
        assert hash(sentence) == hash(twin)
        assert pickle.loads(pickle.dumps(sentence)) == twin
        assert dataclasses.replace(sentence, lang="xx") == dataclasses.replace(twin, lang="xx")
        with pytest.raises(dataclasses.FrozenInstanceError):
            sentence.start = 1  # type: ignore[misc]


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_filled_sentences_are_sentences_drawn(raw: str) -> None:
    expected, built = _sentences_by_constructor(raw)
    assert list(built) == expected
    assert all(type(sentence) is Sentence for sentence in built)
