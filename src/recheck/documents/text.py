"""Character-level helpers: width normalisation, CJK tests, line starts and positions.

Every transformation here maps one code point to one code point, so offsets into the
normalised text are offsets into the text as written.

Width rule (``normalise_width``):

* full-width ASCII forms U+FF01–U+FF5E become their ASCII twin (``２．５％`` → ``2.5%``,
  ``ＵＳＡ`` → ``USA``, ``＄`` → ``$``, ``～`` → ``~``), EXCEPT the Chinese sentence and clause
  punctuation ``！`` ``？`` ``；`` ``，`` ``：``, which the sentence splitter and readers rely on;
* ``，`` and ``：`` between two digits are mapped after all (``１，０００`` → ``1,000``,
  ``05：51`` → ``05:51``), because there they are number punctuation;
* U+3000 ideographic space, no-break and thin spaces become a plain space; ``〜`` (U+301C)
  becomes ``~``; the minus sign U+2212 becomes ``-``.

``。`` and ``、`` are not full-width forms and are never touched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from itertools import islice
from types import MappingProxyType

_KEPT_FULL_WIDTH = frozenset("！？；，：")

_WIDTH_TABLE: Mapping[int, str] = MappingProxyType(
    {
        **{
            code: chr(code - 0xFEE0)
            for code in range(0xFF01, 0xFF5F)
            if chr(code) not in _KEPT_FULL_WIDTH
        },
        0x3000: " ",
        0x00A0: " ",
        0x2007: " ",
        0x2009: " ",
        0x202F: " ",
        0x301C: "~",
        0x2212: "-",
    }
)

_WIDTH_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in _WIDTH_TABLE) + "]")
# The class comes first and the digit before is a lookbehind after it, so the regex engine
# skips ahead to each "，" or "：" instead of trying the lookbehind at every position.
_DIGIT_PUNCT = re.compile(r"[，：](?<=[0-9][，：])(?=[0-9])")
_DIGIT_PUNCT_ASCII = MappingProxyType({"，": ",", "：": ":"})

CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3007"
"""Character class body for CJK ideographs (used inside ``[...]``)."""

CJK_RE = re.compile(f"[{CJK_CLASS}]")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Searching a text for a character class costs the regex engine some 50 instructions a
# character; "in" finds a character whose low byte is not 0 at memchr speed, and a bytes
# pattern that opens with a literal is scanned for at a few instructions a byte. So
# _WIDTH_RE runs only where these tests find a character of _WIDTH_TABLE: U+3000 (low byte
# 0) and the full-width forms are looked for in the UTF-8 form, the rest in the text.
_WIDTH_SINGLES = "\u00a0\u2007\u2009\u202f\u301c\u2212"
_IDEOGRAPHIC_SPACE_UTF8 = "\u3000".encode()
_FULL_WIDTH_UTF8 = re.compile(
    rb"\xef(?:\xbc[\x82-\x8b\x8d-\x99\x9c-\x9e\xa0-\xbf]|\xbd[\x80-\x9e])"
)


def is_cjk(char: str) -> bool:
    """True if ``char`` (one code point) is a CJK ideograph."""
    # The ranges of CJK_CLASS (a test checks they agree), compared directly: a regex call
    # costs more, and the sentence splitter asks about every terminator's neighbours. Only
    # the first code point counts.
    if not char:
        return False
    code = ord(char[0])
    if code < 0x3007:
        return False  # Latin, digits, punctuation: most characters asked about
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or code == 0x3007
    )


def has_cjk(text: str) -> bool:
    """True if ``text`` contains at least one CJK ideograph."""
    return not text.isascii() and CJK_RE.search(text) is not None  # isascii() is O(1)


def _may_map_width(text: str, utf8: bytes | None) -> bool:
    """False only if ``text`` has no character of _WIDTH_TABLE; ``utf8`` is as for
    normalise_width, or None."""
    for char in _WIDTH_SINGLES:
        if char in text:
            return True
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    return _IDEOGRAPHIC_SPACE_UTF8 in utf8 or (
        b"\xef" in utf8 and _FULL_WIDTH_UTF8.search(utf8) is not None
    )


def normalise_width(text: str, utf8: bytes | None = None) -> str:
    """Map full-width forms to ASCII one code point for one (rule in the module docstring).

    ``utf8``, if given, holds the bytes ``text`` was decoded from as UTF-8 (perhaps after a
    BOM, perhaps with damage decoded to U+FFFD): searched in place of an encoding of it."""
    if text.isascii():
        return text  # every character mapped is non-ASCII; isascii() is O(1), the scan is not
    if _may_map_width(text, utf8):
        mapped = _WIDTH_RE.sub(lambda m: _WIDTH_TABLE[ord(m.group())], text)
    else:
        mapped = text
    if "，" not in mapped and "：" not in mapped:
        return mapped  # nothing for the second pass (English text, mostly)
    return _DIGIT_PUNCT.sub(lambda m: _DIGIT_PUNCT_ASCII[m.group()], mapped)


def compute_line_starts(text: str) -> tuple[int, ...]:
    """Offset of the first character of each line; ``\\n``, ``\\r\\n`` and ``\\r`` end lines."""
    if "\r" in text:
        return (0, *(m.end() for m in _LINE_BREAK.finditer(text)))
    # Only "\n" ends lines then, and str.find skips to each far faster than the regex engine.
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return tuple(starts)


def line_spans(text: str, line_starts: Sequence[int]) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's content, line break excluded; ``line_starts`` are those
    of ``text`` (``compute_line_starts``) or of a text with the same line breaks."""
    if "\r" not in text:
        # Then every line but the last ends with the one "\n" before the next line's start.
        ends = [start - 1 for start in islice(line_starts, 1, None)]
        ends.append(len(text))
        return list(zip(line_starts, ends, strict=True))
    spans: list[tuple[int, int]] = []
    for index, start in enumerate(line_starts):
        end = line_starts[index + 1] if index + 1 < len(line_starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        spans.append((start, end))
    return spans


def position(line_starts: Sequence[int], offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of ``offset``; columns count code points."""
    if offset < 0:
        raise ValueError(f"negative offset {offset}")
    line = bisect_right(line_starts, offset)
    return line, offset - line_starts[line - 1] + 1
