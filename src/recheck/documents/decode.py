"""Bytes to text: BOM, strict UTF-8, then Chinese legacy encodings and charset-normalizer.

Order of decisions (``decode``):

1. a forced ``encoding`` is used as is (strictly); a bad decode is an ``InputError``;
2. a byte-order mark decides: UTF-8 (``utf-8-sig``), UTF-32 and UTF-16 (LE or BE);
3. NUL bytes mean binary, unless the NULs sit at every other byte of ASCII-looking
   UTF-16 without a BOM;
4. strict UTF-8;
5. otherwise the candidates are, in this order: UTF-8 with a few damaged places replaced by
   U+FFFD (two, or one per 200 characters: scraped files often end in a truncated
   character), charset-normalizer's best guess, GB18030, Big5 (CP950, Big5-HKSCS) and
   CP1252. Each candidate that decodes is scored on how plausible its characters are
   (frequent ideographs — GB2312 or Big5 level 1 — score +2; level 2 ones 0; other
   ideographs and stray kana, Greek, Cyrillic or box-drawing characters -1; U+FFFD -2;
   private-use, unassigned and control characters -3; an ideograph alone between Western
   characters -1); the best score wins, the earlier candidate on ties. Short Chinese texts
   are where detectors fail (a one-line GBK text is often guessed as CP949); the score
   settles them. Legacy Korean and Japanese encodings are not detected reliably: force them
   with ``--encoding``.

Nothing is guessed from the file extension.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from functools import cache

import charset_normalizer

from recheck.errors import ConfigError, InputError

__all__ = ["BinaryFileError", "decode"]


class BinaryFileError(InputError):
    """The file holds no text in any encoding recheck can read."""


_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

_FALLBACK_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs", "cp1252")

_REPLACED = re.compile("\ufffd+")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a\x1b")


def _ideographs(codec: str, first: tuple[int, int], last: tuple[int, int]) -> frozenset[str]:
    """The characters of ``codec`` from double byte ``first`` to ``last``, inclusive."""
    trails = (*range(0x40, 0x7F), *range(0xA1, 0xFF)) if codec == "big5" else range(0xA1, 0xFF)
    chars: set[str] = set()
    for lead in range(first[0], last[0] + 1):
        for trail in trails:
            if first <= (lead, trail) <= last:
                with contextlib.suppress(UnicodeDecodeError):
                    chars.add(bytes((lead, trail)).decode(codec))
    return frozenset(chars)


@cache
def _ideograph_levels() -> tuple[frozenset[str], frozenset[str]]:
    """GB2312 level 1 and Big5 level 1 (3755 frequent simplified, 5401 frequent traditional);
    then GB2312 level 2 and Big5 level 2, real but less frequent (rare-earth names). Built on
    first use: only a file that is not UTF-8 needs them, and they cost ~35 ms."""
    common = _ideographs("gb2312", (0xB0, 0xA1), (0xD7, 0xFE)) | _ideographs(
        "big5", (0xA4, 0x40), (0xC6, 0x7E)
    )
    secondary = (
        _ideographs("gb2312", (0xD8, 0xA1), (0xF7, 0xFE))
        | _ideographs("big5", (0xC9, 0x40), (0xF9, 0xD5))
    ) - common
    return common, secondary


def _char_score(char: str) -> int:
    code = ord(char)
    if code < 0x80:
        return -3 if code < 0x20 and char not in _ALLOWED_CONTROLS else 0
    common, secondary = _ideograph_levels()
    if char in common:
        return 2
    if char in secondary:
        return 0
    if char == "\ufffd":
        return -2  # a damaged place: a strict decode of equal merit wins
    category = unicodedata.category(char)
    if category in ("Co", "Cn", "Cs") or (category == "Cc" and char not in _ALLOWED_CONTROLS):
        return -3
    if category == "Lo" and (
        0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF
    ):
        return -1  # a rare ideograph: typical of a wrong double-byte decode
    if 0x0370 <= code <= 0x052F or 0x2500 <= code <= 0x259F or 0x3040 <= code <= 0x31FF:
        return -1  # Greek, Cyrillic, box drawing, kana, bopomofo amid Chinese bytes
    if 0xFF61 <= code <= 0xFF9F:
        return -1  # half-width katakana
    return 0


def _wide(char: str) -> bool:
    return ord(char) >= 0x2E80 and not char.isspace()


def plausibility(text: str) -> int:
    """How much ``text`` looks like real (Chinese or other) text; higher is better.

    An ideograph with no East Asian character on either side scores -1 whatever it is:
    Chinese comes in runs, while a Western byte (``’`` in CP1252) read as the lead byte of a
    double-byte character yields one ideograph between ASCII letters.
    """
    total = 0
    last = len(text) - 1
    for index, char in enumerate(text):
        code = ord(char)
        if 0x20 <= code < 0x80:
            continue
        score = _char_score(char)
        if _wide(char) and not (
            (index > 0 and _wide(text[index - 1])) or (index < last and _wide(text[index + 1]))
        ):
            score = min(score, -1)
        total += score
    return total


def _canonical(name: str) -> str:
    return codecs.lookup(name).name


# Category Cc (U+0000–001F, U+007F–009F) less _ALLOWED_CONTROLS: counted by the regex engine,
# not character by character in Python.
_DISALLOWED_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f-\x9f]")


# The same characters in UTF-8: single bytes below 0x80 (never part of a longer sequence),
# and U+0080–009F as 0xC2 then 0x80–0x9F. Counted in the bytes, a decoded file costs a
# translate and a few literal searches instead of a character-class scan of its text.
_DISALLOWED_CONTROL_BYTES = bytes(
    (*range(0x00, 0x09), *range(0x0E, 0x1A), *range(0x1C, 0x20), 0x7F)
)
# Those single bytes to 0, every other byte to 1: translating by a table costs less than
# deleting, and the 0s are found by memchr, and counted only if there are any.
_CONTROL_ZEROS = bytes(0 if byte in _DISALLOWED_CONTROL_BYTES else 1 for byte in range(256))
_C1_CONTROL_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# Most files hold a few 0xC2 bytes (·, °, no-break spaces): each is looked at in turn, and
# past this many the regex counts the rest.
_C2_LOOKED_AT = 64


def _controls_in_utf8(data: bytes) -> int:
    """How many _DISALLOWED_CONTROL characters the valid UTF-8 ``data`` encodes."""
    marked = data.translate(_CONTROL_ZEROS)
    count = marked.count(0) if 0 in marked else 0
    index = data.find(b"\xc2")
    looked = 0
    while index != -1:
        if looked == _C2_LOOKED_AT:
            return count + len(_C1_CONTROL_UTF8.findall(data, index))
        looked += 1
        if b"\x80" <= data[index + 1 : index + 2] <= b"\x9f":
            count += 1
        index = data.find(b"\xc2", index + 1)
    return count


def _too_many_controls(controls: int, length: int) -> bool:
    return controls > max(2, length // 100)


def _control_heavy(text: str) -> bool:
    return _too_many_controls(len(_DISALLOWED_CONTROL.findall(text)), len(text))


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """ASCII-heavy UTF-16 without a BOM: NULs at every other byte."""
    if len(data) % 2 or len(data) < 4:
        return None
    units = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= units * 0.3 and others <= units * 0.02:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and not _control_heavy(text):
                return text, codec
    return None


def _forced(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        name = _canonical(encoding)
    except LookupError:
        raise ConfigError(f"unknown encoding {encoding!r}") from None
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    if b"\x00" in data and not name.startswith(("utf-16", "utf-32")):
        raise BinaryFileError("binary file (NUL bytes)")
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        raise InputError(
            f"cannot decode as {encoding}: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None
    return text, name


def _ascii_compatible(name: str) -> bool:
    probe = "The 2025 figures: 37% (approx.) <p> & [1]\n"
    try:
        return probe.encode(name) == probe.encode("ascii")
    except UnicodeError:
        return False


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a truncated last character, a stray byte), or None."""
    text = data.decode("utf-8", errors="replace")
    damage = len(_REPLACED.findall(text)) - len(_REPLACED.findall(data.decode("utf-8", "ignore")))
    return text if damage <= max(2, len(text) // 200) else None


def _detected(data: bytes) -> tuple[str, str]:
    candidates: list[tuple[str, str]] = []
    lenient = _nearly_utf8(data)
    if lenient is not None:
        candidates.append((lenient, "utf-8"))
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None:
        try:
            name = _canonical(guess.encoding)
            if _ascii_compatible(name):  # never EBCDIC and the like for news files
                candidates.append((data.decode(name), name))
        except (LookupError, UnicodeError):
            pass
    for name in _FALLBACK_CANDIDATES:
        if any(known == name for _, known in candidates):
            continue
        try:
            candidates.append((data.decode(name), name))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise BinaryFileError("binary file (no text encoding fits)")
    # max() keeps the first of equals: nearly-UTF-8, the detector's guess, gb18030, big5.
    text, name = max(candidates, key=lambda candidate: plausibility(candidate[0]))
    if _control_heavy(text):
        raise BinaryFileError("binary file (control characters)")
    return text, name


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding name)`` of ``data``; the BOM is removed from the text.

    Raises ``BinaryFileError`` for binary data, ``InputError`` when a forced encoding does
    not fit and ``ConfigError`` for an unknown encoding name.
    """
    if encoding is not None:
        return _forced(data, encoding)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                raise BinaryFileError(f"binary file (invalid {name} after its BOM)") from None
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise BinaryFileError("binary file (NUL bytes)")
        return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _detected(data)
    if _too_many_controls(_controls_in_utf8(data), len(text)):
        raise BinaryFileError("binary file (control characters)")
    return text, "utf-8"
