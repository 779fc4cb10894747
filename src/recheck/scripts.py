"""Chinese scripts: a simplified copy of traditional text, offset for offset.

OpenCC converts phrases, which can change a string's length; recheck needs every offset of the
copy to point at the same character of the original, so a conversion that changes the length
falls back to converting character by character.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def _converter() -> Any:
    import opencc  # ~30 ms to load its dictionaries: only when Chinese text appears

    return opencc.OpenCC("t2s")


_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def to_simplified(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones; same length."""
    # str.isascii() is O(1); the CJK search scans the text, and most sentences are ASCII
    if text.isascii() or not _has_cjk(text):
        return text
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    chars = []
    for ch in text:
        one: str = _converter().convert(ch)
        chars.append(one if len(one) == 1 else ch)
    return "".join(chars)
