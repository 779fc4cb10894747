"""Length-preserving markup removal for HTML and Markdown.

Markup is *blanked*: each of its characters becomes a space, line breaks stay, so every
offset, line and column of the result is the one of the file as written. HTML entities
(in HTML and Markdown) become their character padded with spaces to the entity's length;
the character goes last when a digit follows the entity (``&euro;5`` → ``    €5``) and first
otherwise (``5&#37;`` → ``5%   ``), so it stays next to the number it belongs to.

Sentence boundaries that markup implies without a line break (``<p>a</p><p>b</p>``, a
Markdown list item or table row) are returned as ``breaks``: offsets where a sentence must
end. A block tag (p, div, br, li, h1–h6, tr, td, …) puts a break at its ``<``. In HTML and
Markdown a single line break does not end a sentence (paragraphs wrap); blank lines and
breaks do.

HTML: tags, comments, doctype, CDATA and processing instructions are blanked, and so is the
whole content of ``head``, ``script``, ``style``, ``template`` and ``noscript``. The
``<title>`` and a ``<meta>`` publication date (``article:published_time``, ``date``,
``pubdate``, ``datePublished``, …) are read from the head first.

Markdown: YAML (``---``) or TOML (``+++``) front matter is blanked and its ``title`` and
``date`` (or ``published``, ``pubDate``…) read; fenced code blocks (```` ``` ```` and ``~~~``),
code spans, HTML comments and tags, link targets ``](url)`` (the link text stays), images,
reference definitions, footnote markers, heading ``#``, emphasis ``*`` ``_`` ``~~``, list
bullets and ordered-list numbers, blockquote ``>``, table pipes and delimiter rows (a table
row is one sentence, so a figure keeps its row's context),
thematic breaks and backslash escapes are blanked. Indented code blocks are not recognised
(news Markdown indents prose more often than code).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from recheck.documents.text import compute_line_starts, line_spans

__all__ = ["Stripped", "strip_html", "strip_markdown", "strip_plain"]


@dataclass(frozen=True, slots=True)
class Stripped:
    """Markup-free text (same length as the source) and what the markup told us."""

    text: str
    breaks: tuple[int, ...] = ()
    soft_wraps: bool = False  # True: a single line break inside a paragraph continues a sentence
    title: str | None = None
    date: str | None = None  # raw date value from front matter or <meta>, unparsed


def strip_plain(source: str) -> Stripped:
    """Plain text: nothing to remove; every line break ends a sentence."""
    return Stripped(source)


# ---------------------------------------------------------------------------------------------
# shared helpers

_BLOCK_TAG_NAMES = (
    "address article aside blockquote body br caption dd details div dl dt figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table "
    "tbody td tfoot th thead title tr ul"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript", "head"})
_DATE_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "datepublished",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    }
)

_TOKEN = re.compile(
    r"""
     (?P<comment><!--.*?(?:-->|\Z))
    |(?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))
    |(?P<decl><![A-Za-z][^>]*>)
    |(?P<pi><\?.*?(?:\?>|\Z))
    |(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>)
    |(?P<entity>&(?:\#[0-9]{1,7};?|\#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?))
    """,
    re.S | re.X,
)
_ATTR = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.S | re.I)
_META = re.compile(r"<meta\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)


def _blank_range(out: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if out[index] not in "\r\n":
            out[index] = " "


def _put_entity(out: list[str], source: str, start: int, end: int) -> None:
    """Replace the entity ``source[start:end]`` by its character(s), padded with spaces."""
    entity = source[start:end]
    value = html.unescape(entity)
    if value == entity or len(value) > len(entity):
        return
    padding = " " * (len(entity) - len(value))
    digit_follows = end < len(source) and source[end].isdigit()
    out[start:end] = list(padding + value if digit_follows else value + padding)


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value.strip("\"'")) for name, value in _ATTR.findall(tag)}


def _head_metadata(source: str) -> tuple[str | None, str | None]:
    """``(title, published)`` from the ``<title>`` and ``<meta>`` tags of an HTML page."""
    title_match = _TITLE.search(source)
    title = None
    if title_match:
        title = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", title_match.group(1))).split())
    date = None
    for meta in _META.finditer(source):
        attributes = _attributes(meta.group())
        key = (
            attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or ""
        ).lower()
        if key in _DATE_META and attributes.get("content"):
            date = attributes["content"]
            break
    return title or None, date


def _html_pass(working: str, out: list[str], breaks: list[int], *, entities: bool = True) -> None:
    """Blank tags, comments and hidden elements of ``working`` into ``out``; decode entities."""
    position = 0
    while True:
        match = _TOKEN.search(working, position)
        if match is None:
            return
        start, end = match.span()
        if match.group("entity") is not None:
            if entities:
                _put_entity(out, working, start, end)
            position = end
            continue
        name = (match.group("name") or "").lower()
        is_closing = working.startswith("</", start)
        if match.group("tag") is not None and name in _BLOCK_TAGS:
            breaks.append(start)
        if (
            match.group("tag") is not None
            and name in _HIDDEN_TAGS
            and not is_closing
            and not match.group().endswith("/>")
        ):
            closing = re.compile(rf"</{name}\s*>" + (r"|<body\b" if name == "head" else ""), re.I)
            close = closing.search(working, end)
            if close is None:
                if name != "head":
                    end = len(working)
            else:
                end = close.end() if close.group().startswith("</") else close.start()
            breaks.append(end)
        _blank_range(out, start, end)
        position = end


def strip_html(source: str) -> Stripped:
    """Blank the markup of an HTML document (rules in the module docstring)."""
    out = list(source)
    breaks: list[int] = []
    _html_pass(source, out, breaks)
    title, date = _head_metadata(source)
    return Stripped("".join(out), tuple(sorted(set(breaks))), True, title, date)


# ---------------------------------------------------------------------------------------------
# Markdown

_FRONT_MATTER = re.compile(
    r"\A(?:(?P<fence>---|\+\+\+)[ \t]*\r?\n(?:(?P<body>.*?)\r?\n)?(?P=fence)"
    r"|---[ \t]*\r?\n(?:(?P<yaml>.*?)\r?\n)?\.\.\.)[ \t]*(?:\r?\n|\Z)",
    re.S,
)
_FRONT_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$", re.M)
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "published_at", "created")

_FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_BACKTICKS = re.compile(r"`+")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_IMAGE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?")
_INLINE_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"(?P<target>\(\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\))"
)
_REF_LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\](?:\[(?P<label>[^\[\]\n]*)\])?")
_REF_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*\S.*$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_ATX = re.compile(r"^(?P<marks>#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT_OR_RULE = re.compile(r"^ {0,3}(?:=+|-+|(?:[-*_][ \t]*){3,})[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t]|$)")
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_EMPHASIS = re.compile(r"\*+|_+|~~")


def _normalise_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _front_matter(source: str, out: list[str], breaks: list[int]) -> tuple[str | None, str | None]:
    match = _FRONT_MATTER.match(source)
    if match is None:
        return None, None
    _blank_range(out, 0, match.end())
    breaks.append(match.end())
    body = match.group("body") or match.group("yaml") or ""
    values = {key.lower(): value.strip("\"'") for key, value in _FRONT_KEY.findall(body)}
    date = next((values[key] for key in _DATE_KEYS if values.get(key)), None)
    return values.get("title") or None, date


def _fences(source: str, out: list[str], breaks: list[int]) -> None:
    spans = line_spans(source, compute_line_starts(source))
    opened: tuple[str, int] | None = None
    for start, end in spans:
        line = "".join(out[start:end])
        if opened is None:
            match = _FENCE_OPEN.match(line)
            if match is None or (match.group("fence")[0] == "`" and "`" in match.group("info")):
                continue
            fence = match.group("fence")
            opened = (fence[0], len(fence))
            breaks.append(start)
            _blank_range(out, start, end)
            continue
        _blank_range(out, start, end)
        closing = line.strip()
        if closing and set(closing) == {opened[0]} and len(closing) >= opened[1]:
            opened = None
            breaks.append(end)


def _code_spans(working: str, out: list[str]) -> None:
    runs = list(_BACKTICKS.finditer(working))
    index = 0
    while index < len(runs):
        opening = runs[index]
        for later in range(index + 1, len(runs)):
            closing = runs[later]
            if re.search(r"\n[ \t]*\n", working[opening.end() : closing.start()]):
                break
            if len(closing.group()) == len(opening.group()):
                _blank_range(out, opening.start(), closing.end())
                index = later
                break
        index += 1


def _links(working: str, out: list[str]) -> None:
    labels = {_normalise_label(m.group("label")) for m in _REF_DEFINITION.finditer(working)}
    for match in _REF_DEFINITION.finditer(working):
        if not match.group("label").startswith("^"):
            _blank_range(out, match.start(), match.end())
        else:  # a footnote definition: blank its marker, keep its text
            _blank_range(out, match.start(), match.start() + match.group().index(":") + 1)
    for match in _FOOTNOTE_REF.finditer(working):
        _blank_range(out, match.start(), match.end())
    for match in _IMAGE.finditer(working):
        _blank_range(out, match.start(), match.end())
    working = "".join(out)
    for match in _INLINE_LINK.finditer(working):
        _blank_range(out, match.start(), match.start("text"))
        _blank_range(out, match.end("text"), match.end())
    working = "".join(out)
    for match in _REF_LINK.finditer(working):
        label = match.group("label")
        key = _normalise_label(label if label else match.group("text"))
        if key in labels:
            _blank_range(out, match.start(), match.start("text"))
            _blank_range(out, match.end("text"), match.end())


def _blocks(working: str, out: list[str], breaks: list[int]) -> None:
    """Line prefixes: headings, quotes, bullets, rules, tables."""
    spans = line_spans(working, compute_line_starts(working))
    lines = [working[start:end] for start, end in spans]
    in_table = False
    previous_quoted = False
    for index, (start, end) in enumerate(spans):
        line = lines[index]
        if not line.strip():
            in_table = False
            previous_quoted = False
            continue
        # blockquote markers, possibly nested
        offset = 0
        quoted = False
        while match := _QUOTE.match(line, offset):
            _blank_range(out, start + match.start(), start + match.end())
            offset = match.end()
            quoted = True
        if quoted and not previous_quoted:
            breaks.append(start)
        previous_quoted = quoted
        rest = line[offset:]
        indent = len(rest) - len(rest.lstrip(" \t"))
        body_start = start + offset + indent
        body = rest.lstrip(" \t")
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if "|" in body and _TABLE_DELIMITER.match(next_line) and "-" in next_line:
            in_table = True
        if in_table:
            if _TABLE_DELIMITER.match(body) and "-" in body:
                _blank_range(out, start, end)
            breaks.append(start)
            for pipe in re.finditer(r"(?<!\\)\|", line):
                _blank_range(out, start + pipe.start(), start + pipe.end())
            continue
        if _SETEXT_OR_RULE.match(body):
            _blank_range(out, start, end)
            breaks.extend((start, end))
            continue
        heading = _ATX.match(body)
        if heading is not None and indent <= 3:
            _blank_range(out, body_start, body_start + heading.end())
            close = _ATX_CLOSE.search(body)
            if close is not None and close.start() >= heading.end():
                _blank_range(out, body_start + close.start(), end)
            breaks.extend((start, end))
            continue
        bullet = _BULLET.match(rest)
        if bullet is not None:
            _blank_range(out, start + offset, start + offset + bullet.end())
            breaks.append(start)


def _emphasis(working: str, out: list[str], protected: set[int]) -> None:
    for match in _EMPHASIS.finditer(working):
        start, end = match.span()
        if start in protected:
            start += 1
            if start == end:
                continue
        before = working[start - 1] if start > 0 else " "
        after = working[end] if end < len(working) else " "
        if before.isspace() and after.isspace():
            continue  # a literal "*" or "_" standing alone
        if match.group()[0] == "_" and before.isalnum() and after.isalnum():
            continue  # snake_case: intraword underscores are not emphasis
        _blank_range(out, start, end)


def strip_markdown(source: str) -> Stripped:
    """Blank the markup of a Markdown document (rules in the module docstring)."""
    out = list(source)
    breaks: list[int] = []
    title, date = _front_matter(source, out, breaks)
    _fences(source, out, breaks)
    _code_spans("".join(out), out)
    working = "".join(out)
    for match in _AUTOLINK.finditer(working):
        _blank_range(out, match.start(), match.end())
    _html_pass("".join(out), out, breaks)
    working = "".join(out)
    protected: set[int] = set()
    for match in _ESCAPE.finditer(working):
        out[match.start()] = " "
        protected.add(match.end())
    _links("".join(out), out)
    _blocks("".join(out), out, breaks)
    _emphasis("".join(out), out, protected)
    return Stripped("".join(out), tuple(sorted(set(breaks))), True, title, date)
