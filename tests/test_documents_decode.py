"""Decoding: BOMs, strict UTF-8, short GBK / Big5 texts, binary data, forced encodings."""

from __future__ import annotations

import codecs

import pytest

from recheck.documents import BinaryFileError, decode
from recheck.errors import ConfigError, InputError

SIMPLIFIED = "中国占全球稀土产量的70%。"
TRADITIONAL = "中國佔全球稀土產量的70%。"


@pytest.mark.parametrize(
    ("text", "codec", "family"),
    [
        (SIMPLIFIED, "gbk", "gb18030"),
        (TRADITIONAL, "gbk", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        ("稀土出口下降。", "gbk", "gb18030"),
        ("稀土出口下降。", "big5", "big5"),
        ("美國依賴進口。", "big5", "big5"),
        ("美国依赖进口。", "gb18030", "gb18030"),
        ("美國依賴進口。", "gbk", "gb18030"),
        ("鏑、釤等關鍵品種的精鍊更是99%依賴中國。", "big5", "big5"),
        ("镝、钐等关键品种的精炼更是99%依赖中国。", "gbk", "gb18030"),
        ("9月中国对美出口稀土下降30%", "gb2312", "gb18030"),
    ],
)
def test_short_chinese_texts_are_detected(text: str, codec: str, family: str) -> None:
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text
    assert encoding in {family, "big5", "cp950", "big5hkscs", "gb18030"}
    assert encoding.startswith("gb") == (family == "gb18030")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "稀土 rare".encode(), "utf-8-sig"),
        ("稀土 rare".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "稀土 rare".encode("utf-16-be"), "utf-16"),
        ("稀土 rare".encode("utf-32"), "utf-32"),
        ("稀土 rare".encode(), "utf-8"),
    ],
)
def test_bom_and_utf8(data: bytes, expected: str) -> None:
    text, encoding = decode(data)
    assert text == "稀土 rare"
    assert encoding == expected


def test_utf16_without_bom_is_recognised() -> None:
    text = "China holds 37% of the reserves.\n"
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_empty_file_is_text() -> None:
    assert decode(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryFileError):
        decode(data)
    assert issubclass(BinaryFileError, InputError)


def test_forced_encoding() -> None:
    assert decode(TRADITIONAL.encode("big5"), "big5") == (TRADITIONAL, "big5")
    assert decode(SIMPLIFIED.encode("gbk"), "GBK") == (SIMPLIFIED, "gbk")
    assert decode(codecs.BOM_UTF8 + b"x", "utf-8") == ("x", "utf-8-sig")


def test_bad_forced_decode_names_the_encoding() -> None:
    with pytest.raises(InputError, match="utf-8"):
        decode(SIMPLIFIED.encode("gbk"), "utf-8")


def test_unknown_encoding_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no-such-codec"):
        decode(b"abc", "no-such-codec")


def test_latin1_text_is_not_taken_for_chinese() -> None:
    text, _ = decode("Prices in the café rose 5% (société générale).".encode("cp1252"))
    assert "café" in text
    assert "société" in text


def test_truncated_utf8_stays_utf8() -> None:
    data = "中国占全球稀土产量的70%。美国依赖进口。".encode()
    text, encoding = decode(data[:-1])
    assert encoding == "utf-8"
    assert text.startswith("中国占全球稀土产量的70%。") and text.endswith("\ufffd")


@pytest.mark.parametrize(
    "text",
    [
        "It’s 5%",
        "Don’t",
        "“Rare earths” aren’t rare — they’re hard to refine… China’s share is 90%.",
    ],
)
def test_cp1252_smart_quotes_are_not_taken_for_chinese(text: str) -> None:
    assert decode(text.encode("cp1252"))[0] == text


def test_control_count_is_category_cc_less_the_allowed_ones() -> None:
    import importlib
    import unicodedata

    decode_module = importlib.import_module("recheck.documents.decode")
    for code in range(0x110000):
        char = chr(code)
        expected = (
            unicodedata.category(char) == "Cc" and char not in decode_module._ALLOWED_CONTROLS
        )
        assert bool(decode_module._DISALLOWED_CONTROL.match(char)) == expected, hex(code)
