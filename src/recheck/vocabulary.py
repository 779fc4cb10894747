"""The vocabulary: which words name subjects, metrics, commodities, partners and times.

It is data (``vocabulary:`` sections of the reference YAML); this module loads and validates
it and finds its terms in a sentence in one pass (Aho-Corasick), longest match first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import yaml

from recheck.frozen import fields_reduce
from recheck.scripts import to_simplified
from recheck.wordsearch import WordSearch

ENTITY_KINDS = ("subjects", "metrics", "commodities")
TIME_GROUPS = ("last_year", "this_year", "year_on_year")
# Cue groups of the ``cues:`` section and the hit kind each one yields (docs/vocabulary.md).
CUE_KINDS = {
    "coordination": "and",
    "example": "example_cue",
    "relative": "relative_cue",
    "run_on": "run_on",
    "reliance": "reliance_cue",
}
_LATIN = re.compile(r"[A-Za-z]")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_FUZZY_KINDS = ("subject", "commodity")  # names; metric words are too like common ones
_FUZZY_MIN = 7  # shorter words are too often another real word one edit away
_LONG_WORD = re.compile(rf"(?<![a-z0-9])[a-z]{{{_FUZZY_MIN},}}(?![a-z0-9])")


@dataclass(frozen=True, slots=True)
class Term:
    """One alias. ``kind``: subject, metric, commodity, partner_cue, ratio_cue, ignore, time,
    month, half, quarter, or a cue (``and``, ``example_cue``, ``relative_cue``, ``run_on``,
    ``reliance_cue``). ``id``: the contract id (``CN``, ``refining``), the time value, or for a
    reliance cue the metric it implies."""

    kind: str
    id: str
    alias: str
    lang: str

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


class Hit(NamedTuple):
    """A vocabulary term found in a sentence. A named tuple, not a dataclass: a sentence
    yields dozens ("of", "and", "China"), and a tuple is several times cheaper to build."""

    start: int
    end: int
    kind: str
    id: str


# Hashed by identity: matchers are cached per vocabulary, and hashing every term on each
# sentence was most of the pipeline's time.
@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    terms: tuple[Term, ...]

    def ids(self, kind: str) -> frozenset[str]:
        return frozenset(t.id for t in self.terms if t.kind == kind)

    @property
    def flows(self) -> frozenset[str]:
        """The metrics that measure a flow between two parties (the ``flows`` section)."""
        return self.ids("flow")

    def __reduce__(self) -> tuple[Any, ...]:
        return fields_reduce(self)  # compiled by mypyc, it would not unpickle otherwise


def _problem(file: str, node: yaml.Node | None, message: str) -> str:
    line = node.start_mark.line + 1 if node is not None else 1
    return f"{file}:{line}: {message}"


def _strings(file: str, node: yaml.Node, where: str, problems: list[str]) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [str(node.value)]
    if isinstance(node, yaml.SequenceNode) and all(
        isinstance(item, yaml.ScalarNode) and item.value for item in node.value
    ):
        return [str(item.value) for item in node.value]
    problems.append(_problem(file, node, f"{where}: expected a list of words"))
    return []


def _pairs(file: str, node: yaml.Node, where: str, problems: list[str]) -> list[Any]:
    if not isinstance(node, yaml.MappingNode):
        problems.append(_problem(file, node, f"{where}: expected a mapping"))
        return []
    return list(node.value)


def _aliases(file: str, node: yaml.Node, where: str, problems: list[str]) -> list[tuple[str, str]]:
    """``{en: [...], zh: [...]}`` → [(lang, alias)]. ``zh`` covers both scripts."""
    out: list[tuple[str, str]] = []
    for key, value in _pairs(file, node, where, problems):
        lang = key.value
        if lang not in ("en", "zh", "zh-hans", "zh-hant"):
            problems.append(_problem(file, key, f"{where}: unknown language '{lang}' (en, zh)"))
            continue
        out.extend(
            ("en" if lang == "en" else "zh", a) for a in _strings(file, value, where, problems)
        )
    return out


def read_vocabulary(file: str, node: yaml.Node, problems: list[str]) -> list[Term]:
    """Terms of one file's ``vocabulary:`` node; problems appended as ``file:line: message``."""
    terms: list[Term] = []
    for key, value in _pairs(file, node, "vocabulary", problems):
        section = key.value
        if section in ENTITY_KINDS:
            kind = section[:-3] + "y" if section == "commodities" else section[:-1]
            for id_node, aliases in _pairs(file, value, section, problems):
                entry = id_node.value
                if not re.fullmatch(r"[A-Za-z0-9_]+", entry):
                    problems.append(_problem(file, id_node, f"{section}: bad id '{entry}'"))
                    continue
                where = f"{section}.{entry}"
                terms.extend(
                    Term(kind, entry, a, lang)
                    for lang, a in _aliases(file, aliases, where, problems)
                )
        elif section == "partner_cues":
            for lang_node, words in _pairs(file, value, section, problems):
                lang = lang_node.value
                kind = "ratio_cue" if lang.startswith("ratio_") else "partner_cue"
                base = lang.removeprefix("ratio_")
                if base not in ("en", "zh"):
                    problems.append(
                        _problem(file, lang_node, f"{section}: unknown language '{lang}'")
                    )
                    continue
                terms.extend(
                    Term(kind, kind, w, base) for w in _strings(file, words, section, problems)
                )
        elif section == "ignore":
            for lang_node, words in _pairs(file, value, section, problems):
                terms.extend(
                    Term("ignore", "ignore", w, lang_node.value)
                    for w in _strings(file, words, section, problems)
                )
        elif section == "flows":
            # Metrics of a flow between two parties (exports to, reliance on): their partner
            # is the flow's other end, never a subject the figure is compared with.
            for ident in _strings(file, value, section, problems):
                if re.fullmatch(r"[A-Za-z0-9_]+", ident):
                    terms.append(Term("flow", ident, "", ""))
                else:
                    problems.append(_problem(file, value, f"{section}: bad metric id '{ident}'"))
        elif section == "time":
            terms.extend(_read_time(file, value, problems))
        elif section == "cues":
            terms.extend(_read_cues(file, value, problems))
        else:
            problems.append(_problem(file, key, f"vocabulary: unknown section '{section}'"))
    return terms


def _read_cues(file: str, node: yaml.Node, problems: list[str]) -> list[Term]:
    """``cues: {coordination: {en: [and], zh: [和]}, reliance: {metric: import_reliance, …}}``."""
    terms: list[Term] = []
    for key, value in _pairs(file, node, "cues", problems):
        group = key.value
        kind = CUE_KINDS.get(group)
        if kind is None:
            known = ", ".join(CUE_KINDS)
            problems.append(_problem(file, key, f"cues: unknown group '{group}' ({known})"))
            continue
        cue_id = kind
        words: list[Any] = []
        for lang_node, aliases in _pairs(file, value, f"cues.{group}", problems):
            if lang_node.value == "metric" and kind == "reliance_cue":
                if isinstance(aliases, yaml.ScalarNode) and re.fullmatch(r"\w+", aliases.value):
                    cue_id = aliases.value
                else:
                    problems.append(_problem(file, aliases, "cues.reliance: expected a metric id"))
                continue
            words.append((lang_node, aliases))
        if kind == "reliance_cue" and cue_id == kind:
            problems.append(_problem(file, key, "cues.reliance: needs 'metric: <metric id>'"))
            continue
        mapping = yaml.MappingNode("tag:yaml.org,2002:map", words, key.start_mark, key.end_mark)
        terms.extend(
            Term(kind, cue_id, a, lang)
            for lang, a in _aliases(file, mapping, f"cues.{group}", problems)
        )
    return terms


def _read_time(file: str, node: yaml.Node, problems: list[str]) -> list[Term]:
    terms: list[Term] = []
    for key, value in _pairs(file, node, "time", problems):
        group = key.value
        if group in TIME_GROUPS:
            terms.extend(
                Term("time", group, a, lang) for lang, a in _aliases(file, value, group, problems)
            )
        elif group == "months":
            for lang_node, words in _pairs(file, value, "months", problems):
                names = _strings(file, words, "months", problems)
                if len(names) != 12:
                    problems.append(_problem(file, words, "months: expected 12 names"))
                    continue
                lang = lang_node.value.split("_")[0]
                terms.extend(Term("month", f"{i:02d}", n, lang) for i, n in enumerate(names, 1))
        elif group in ("halves", "quarters"):
            kind = "half" if group == "halves" else "quarter"
            for id_node, aliases in _pairs(file, value, group, problems):
                terms.extend(
                    Term(kind, id_node.value, a, lang)
                    for lang, a in _aliases(file, aliases, f"{group}.{id_node.value}", problems)
                )
        else:
            problems.append(_problem(file, key, f"time: unknown group '{group}'"))
    return terms


# --- matching -----------------------------------------------------------------------------


def _is_case_sensitive(alias: str) -> bool:
    """Short all-capital aliases (US, EU, REE) must not match "us", "eu", "ree"."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(c.isupper() for c in letters)


def _variants(alias: str) -> set[str]:
    """Plural variants of an English alias (hyphens are folded to spaces before matching)."""
    forms = {alias}
    if alias[-1:].isalpha() and not _is_case_sensitive(alias):
        for form in list(forms):
            if form.endswith("y") and not form.endswith(("ay", "ey", "oy", "uy")):
                forms.add(form[:-1] + "ies")
            elif form.endswith(("s", "x", "ch", "sh")):
                forms.add(form + "es")
            else:
                forms.add(form + "s")
    return forms


# A found alias's sort key and payload: (not an ``ignore`` word, build order, kind, id). The
# order is unique among the entries that can share a span, so that sorting candidates as
# plain tuples never compares further and keeps the order they were found in.
_Entry = tuple[bool, int, str, str]
# (minus the length, start, entry): sorted as it is, longest first, then in reading order.
_Candidate = tuple[int, int, _Entry]
# An automaton's value: (key length, Latin entries, other entries).
_Value = tuple[int, tuple[_Entry, ...], tuple[_Entry, ...]]


@dataclass(frozen=True, slots=True)
class _Matchers:
    # Values are (key length, Latin entries, other entries); the key's length gives a hit's
    # start without re-deriving which plural variant matched; the Latin entries must stand
    # at word boundaries.
    folded: WordSearch[_Value]  # over case-folded, simplified text
    exact: WordSearch[_Value]  # over the text as written (short capitals)
    # For ASCII text (most sentences), both searches' ASCII keys (the only ones that can
    # match it) in one, over the ``_spaced`` folded text: see ``_Spaced``.
    spaced: WordSearch[tuple[_Spaced, ...]]
    # The ASCII keys of no word character ("&"), which read as spaces there: by str.find.
    marks: tuple[tuple[str, bool, tuple[_Entry, ...]], ...]  # (key, in the text?, entries)
    # Long one-word names of subjects and materials by (first letter, length), for words
    # one edit away from them ("Austrailia", "dysprosum"): few candidates a word.
    fuzzy: dict[tuple[str, int], _FuzzyBucket]
    # The long words that may pass a bucket's first-three or last-two letters test, so that
    # the others (four in five on the seeds) never reach the Python loop; None: no names.
    fuzzy_words: re.Pattern[str] | None
    # The same over ``_spaced`` text, with a space before a word, not any non-word
    # character: a literal the engine finds by a fast scan (~25% fewer instructions).
    fuzzy_spaced: re.Pattern[str] | None


class _FuzzyBucket(NamedTuple):
    """The names one edit may reach from words of one first letter and length.

    One edit leaves a word of seven letters or more either its first three letters or its
    last two (it cannot fall within both), so a word that shares neither with any name here
    needs no edit distance computed."""

    heads: frozenset[str]  # the names' first three letters
    tails: frozenset[str]  # the names' last two letters
    names: tuple[tuple[str, str, str], ...]  # (folded alias, kind, id), in vocabulary order

    @classmethod
    def of(cls, names: list[tuple[str, str, str]]) -> _FuzzyBucket:
        heads = frozenset(alias[:3] for alias, _, _ in names)
        return cls(heads, frozenset(alias[-2:] for alias, _, _ in names), tuple(names))


@cache
def _matchers(vocabulary: Vocabulary) -> _Matchers:
    folded: dict[str, tuple[list[Term], list[Term]]] = {}
    exact: dict[str, tuple[list[Term], list[Term]]] = {}
    for term in vocabulary.terms:
        if not term.alias:  # a property of an id (a flow metric), not a word to find
            continue
        if term.lang == "en":
            for form in _variants(term.alias):
                if _is_case_sensitive(term.alias):
                    _add(exact, form, term)
                else:
                    _add(folded, fold(form), term)
        else:
            _add(folded, fold(term.alias), term)
    order = itertools.count()  # folded before exact: a tied folded hit is found first
    folded_values = _values(folded, order)
    exact_values = _values(exact, order)
    spaced, marks = _spaced_keys(folded_values, exact_values)
    automata = (
        WordSearch(folded_values),
        WordSearch(exact_values),
        WordSearch(spaced),
        marks,
    )
    fuzzy: dict[tuple[str, int], list[tuple[str, str, str]]] = {}
    for term in vocabulary.terms:
        if term.lang == "en" and term.kind in _FUZZY_KINDS and not _is_case_sensitive(term.alias):
            for form in _variants(term.alias):
                key = fold(form)
                if len(key) >= _FUZZY_MIN and key.isalpha():
                    # filed under every word length one edit can reach: one lookup a word
                    for length in (len(key) - 1, len(key), len(key) + 1):
                        fuzzy.setdefault((key[0], length), []).append((key, term.kind, term.id))
    buckets = {k: _FuzzyBucket.of(v) for k, v in fuzzy.items()}
    return _Matchers(*automata, buckets, _fuzzy_words(buckets), _fuzzy_words(buckets, " "))


def _fuzzy_words(
    buckets: dict[tuple[str, int], _FuzzyBucket], before: str = "[^a-z0-9]"
) -> re.Pattern[str] | None:
    """A pattern for the words of ``_LONG_WORD`` whose first three letters are those of a name
    of the same first letter, or whose last two are: the bucket test without the length,
    so a superset of the words it passes. It reads ``_PAD`` and the folded text; the word is
    its group, after the character before it (a leading lookbehind, as in ``_LONG_WORD``,
    is tried at every position; a character class lets the engine skip to candidates).

    Each character before a word is a candidate, so a lookahead for seven letters turns the
    short words away before the branches are tried, and the letters are taken possessively,
    a tail tested by a lookbehind at the word's end: a word that fails is never backtracked
    through letter by letter (~27% fewer instructions than the plain pattern on the seeds)."""
    heads: dict[str, set[str]] = {}
    tails: dict[str, set[str]] = {}
    for (first, _), bucket in buckets.items():
        heads.setdefault(first, set()).update(head[1:] for head in bucket.heads)
        tails.setdefault(first, set()).update(bucket.tails)
    if not heads:
        return None

    def either(parts: set[str]) -> str:
        return "|".join(re.escape(part) for part in sorted(parts))

    rest = _FUZZY_MIN - 3  # the letters between a head or a tail and the word's other end
    # tails are two letters (of names of seven or more): a lookbehind of fixed width
    branches = "|".join(
        f"{re.escape(first)}(?:(?:{either(heads[first])})[a-z]{{{rest},}}+"
        f"|[a-z]{{{rest + 2},}}+(?<={either(tails[first])}))"
        for first in sorted(heads)
    )
    return re.compile(rf"{before}(?=[a-z]{{{_FUZZY_MIN}}})({branches})(?![a-z0-9])")


# Every ASCII character but a word character as a space (bytes.translate: ~20 times cheaper
# than str.translate).
_TO_SPACE = bytes.maketrans(
    bytes(c for c in range(128) if chr(c) not in _WORD_CHARS), b" " * (128 - len(_WORD_CHARS))
)


def _spaced(folded: str) -> str:
    """ASCII ``folded`` text with a space for each non-word character, and one at each end:
    each character stands one place on from where it stands in the text."""
    return f" {folded.encode('ascii').translate(_TO_SPACE).decode('ascii')} "


# One key's entries found where its spaced form is: (how far before the form's last
# character the key starts, key length, the key to compare the text with or None, whether
# that is the text as written (else folded), entries).
_Spaced = tuple[int, int, str | None, bool, tuple[_Entry, ...]]


def _spaced_keys(
    folded: dict[str, _Value], exact: dict[str, _Value]
) -> tuple[dict[str, tuple[_Spaced, ...]], tuple[tuple[str, bool, tuple[_Entry, ...]], ...]]:
    """The ASCII keys as they read in ``_spaced`` text, for one search of ASCII text.

    A key's Latin entries are looked for as its spaced form with a space added before it
    where it starts with a word character and after it where it ends with one: then they
    are found only at word boundaries ("he" never inside "the", where 45% of the raw hits on
    the seeds were found and rejected, one by one); its other entries as its spaced form
    alone (anywhere). Where the spaced form differs from the key (a non-word character in
    it: "rare earth", "u.s."), or the key is of the text as written, the spaced text may hold
    something else there ("rare, earth", "us"): the found span is compared with the key.
    Forms that several keys share hold each key's entries. Keys of no word character read
    as spaces alone: they are returned apart, to look for as they are."""
    forms: dict[str, list[_Spaced]] = {}
    marks: list[tuple[str, bool, tuple[_Entry, ...]]] = []
    for source, on_text in ((folded, False), (exact, True)):
        for key, (length, latin, other) in source.items():
            if not key.isascii():
                continue
            core = _spaced(key.lower())[1:-1]
            if not core.strip():
                marks.append((key, on_text, other + latin))
                continue
            check = key if on_text or " " in core else None  # a space: perhaps another mark
            if other:
                forms.setdefault(core, []).append((len(core), length, check, on_text, other))
            if latin:
                before = " " if key[0] in _WORD_CHARS else ""
                after = " " if key[-1] in _WORD_CHARS else ""
                form = before + core + after
                back = len(core) + len(after)  # to the key's start, one place on in the text
                forms.setdefault(form, []).append((back, length, check, on_text, latin))
    return {form: tuple(found) for form, found in forms.items()}, tuple(marks)


_PAD = "\0"  # before the folded text: a word boundary at its start, as any non-word character


def _add(keys: dict[str, tuple[list[Term], list[Term]]], key: str, term: Term) -> None:
    # A key's English terms (which must stand at word boundaries) are kept apart from the
    # others.
    latin, other = keys.setdefault(key, ([], []))
    terms = latin if term.lang == "en" else other
    if term not in terms:
        terms.append(term)


def _values(
    keys: dict[str, tuple[list[Term], list[Term]]], order: Iterator[int]
) -> dict[str, _Value]:
    values = {}
    for key, (latin, other) in keys.items():
        # other terms before Latin ones: the order in which a span's candidates were found
        others = tuple(_entry(term, next(order)) for term in other)
        latins = tuple(_entry(term, next(order)) for term in latin)
        values[key] = (len(key), latins, others)
    return values


def _entry(term: Term, order: int) -> _Entry:
    return (term.kind != "ignore", order, term.kind, term.id)


def fold(text: str) -> str:
    """Case-folded, simplified copy of ``text`` with hyphens as spaces; same length."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return to_simplified(lowered.replace("-", " "))


def find_terms(
    vocabulary: Vocabulary, text: str, folded: str | None = None, *, fuzzy: bool = False
) -> list[Hit]:
    """Non-overlapping vocabulary hits in ``text``, longest first, in reading order.

    Latin-script aliases must stand at word boundaries; Chinese ones need not. With
    ``fuzzy``, an English word of seven letters or more that no alias matched is taken for a
    subject or commodity one edit (a letter added, dropped, changed or two swapped) away.
    """
    matchers = _matchers(vocabulary)
    folded = fold(text) if folded is None else folded
    candidates: list[_Candidate] = []
    append = candidates.append
    spaced = None
    if text.isascii():
        # Its word characters are those of the folded text (not so of all text: the Kelvin
        # sign folds to "k"), so that the spaced text's words are the text's.
        spaced = _spaced(folded)
        spaced_values = matchers.spaced.values
        for index, _, end in matchers.spaced.find(spaced):
            for back, length, check, on_text, entries in spaced_values[index]:
                start = end - 1 - back
                if check is not None and not (text if on_text else folded).startswith(check, start):
                    continue
                for entry in entries:  # loops, not generators: most keys have one term
                    append((-length, start, entry))
        for key, on_text, entries in matchers.marks:  # no boundary: a key of no word character
            haystack = text if on_text else folded
            at = haystack.find(key)
            while at >= 0:
                for entry in entries:
                    append((-len(key), at, entry))
                at = haystack.find(key, at + 1)
    else:
        _found_in(matchers.folded, folded, text, append)
        _found_in(matchers.exact, text, text, append)
    # Longest first; on a tie an ``ignore`` word wins ("Americas" is not America's plural).
    candidates.sort()
    taken: list[Hit] = []
    # One bit a character, in an int: linear, not pairwise, and cheaper than a bytearray's
    # find and slice assignment for a sentence's few hundred characters.
    occupied = 0
    for negative_length, start, (keep, _, kind, ident) in candidates:
        span = ((1 << -negative_length) - 1) << start
        if occupied & span:
            continue
        occupied |= span
        if keep:
            taken.append(_new_hit(Hit, (start, start - negative_length, kind, ident)))
    if fuzzy and matchers.fuzzy_words is not None and matchers.fuzzy_spaced is not None:
        if spaced is not None:  # its words at the same places, between spaces
            found = _fuzzy_hits(matchers.fuzzy, matchers.fuzzy_spaced, spaced, occupied)
        else:
            found = _fuzzy_hits(matchers.fuzzy, matchers.fuzzy_words, _PAD + folded, occupied)
        taken.extend(found)
    taken.sort()  # by start: hits never share one, so the rest is not compared
    return taken


def _found_in(
    automaton: WordSearch[_Value], haystack: str, text: str, append: Callable[[_Candidate], None]
) -> None:
    """Append the candidates of ``automaton``'s keys found in ``haystack``, its Latin ones
    only where they stand at word boundaries in ``text``."""
    if not len(automaton):
        return
    size = len(text)
    words = _WORD_CHARS
    # Short aliases ("he", "on") hit inside most words: the word-boundary test is inlined,
    # as this loop runs for every raw hit of every sentence.
    values = automaton.values
    for index, start, end in automaton.find(haystack):
        length, latin, other = values[index]
        end_index = end - 1
        if other:  # few keys have a term of another script: most skip this loop
            for entry in other:  # loops, not generators: most keys have one term
                append((-length, start, entry))
            if not latin:
                continue
        # a key has a term of one script or the other: here, Latin terms
        if start > 0 and text[start - 1] in words and text[start] in words:
            continue
        if end_index + 1 < size and text[end_index + 1] in words and text[end_index] in words:
            continue
        for entry in latin:
            append((-length, start, entry))


# Hit(...) goes through the named tuple's Python-level __new__; tuple.__new__ is half the cost.
_new_hit = tuple.__new__


@cache
def _osa_distance() -> Callable[..., int]:
    """rapidfuzz's OSA distance, imported once it is first needed (most runs never do); an
    import statement in the loop would go through the import machinery each time."""
    from rapidfuzz.distance import OSA

    distance: Callable[..., int] = OSA.distance  # Any where rapidfuzz is not installed
    return distance


def _fuzzy_hits(
    table: dict[tuple[str, int], _FuzzyBucket], words: re.Pattern[str], padded: str, occupied: int
) -> list[Hit]:
    """Hits one edit from the words ``words`` finds in ``padded`` (``_PAD`` and the folded
    text, or the ``_spaced`` text) that stand where no hit does (``occupied``: one bit a
    character)."""
    out: list[Hit] = []
    for match in words.finditer(padded):
        word = match.group(1)
        bucket = table.get((word[0], len(word)))
        if bucket is None or (word[:3] not in bucket.heads and word[-2:] not in bucket.tails):
            continue
        start, end = match.start(1) - 1, match.end(1) - 1  # offsets in the text, past the pad
        if (occupied >> start | occupied >> (end - 1)) & 1:  # hits stand at word boundaries
            continue
        distance = _osa_distance()
        for alias, kind, ident in bucket.names:
            if distance(word, alias, score_cutoff=1) <= 1:
                out.append(_new_hit(Hit, (start, end, kind, ident)))
                break
    return out
