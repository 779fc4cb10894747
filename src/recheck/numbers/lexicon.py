"""The words of numbers, loaded from ``lexicon.yaml`` and compiled once.

The extractors hold no word lists of their own: scale words, spelled numbers, qualifiers,
units, currencies and change verbs are data. This module turns them into lookup tables and
regular expressions (alternations sorted longest first, so "per cent" wins over "per").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def tree_alternation(words: Iterable[str], *, ignore_case: bool) -> str:
    """``alternation(words)`` as a prefix tree, for a pattern compiled with ``re.IGNORECASE``
    or not (``ignore_case``): the same matches, found faster.

    The regex engine tries a flat alternation's words one by one at each place (dozens of
    units, ordinals or qualifiers: ~10 µs a failed match); the tree tries one branch per
    letter. The words that match at one place are prefixes of one another, and the tree
    tries them in the flat order, longest first, as long as no two branches of a node can
    match the same character: so, ignoring case, the tree is built from the lower-cased
    words, and words with a cased letter outside ASCII (whose case folds the engine has
    rules of its own for) keep the flat alternation; symbols without case ("≤", "€") match
    only themselves either way."""
    unique = sorted(set(words))
    if ignore_case:
        if not all(c.isascii() or c.lower() == c == c.upper() for w in unique for c in w):
            return alternation(unique)
        unique = sorted({w.lower() for w in unique})

    def tree(tails: list[str]) -> str:
        heads: dict[str, list[str]] = {}
        for tail in tails:
            if tail:
                heads.setdefault(tail[0], []).append(tail[1:])
        branches = [re.escape(head) + tree(rest) for head, rest in sorted(heads.items())]
        if "" in tails:  # a word ends here: tried after every longer one
            branches.append("")
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return tree(unique) if unique else alternation(unique)


def prefix_alternation(words: Iterable[str]) -> str:
    """A regex that matches where one of ``words`` starts: a prefix test, not a whole-word
    match ("four" also covers "fourteen"). The words form a prefix tree, so a scan tries one
    branch per letter where a flat alternation would try one per word."""

    def tree(tails: list[str]) -> str:
        if "" in tails:  # a word ends here: nothing more is needed to match
            return ""
        heads: dict[str, list[str]] = {}
        for tail in tails:
            heads.setdefault(tail[0], []).append(tail[1:])
        branches = [re.escape(head) + tree(rest) for head, rest in sorted(heads.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    unique = sorted(set(words))
    return tree(unique) if unique else "(?!)"


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _inverted(groups: Mapping[str, Iterable[str]]) -> Mapping[str, str]:
    """{id: [words]} → {word: id}."""
    return _frozen({word: key for key, words in groups.items() for word in words})


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: it is loaded once
class English:
    scales: Mapping[str, float]
    guarded_scales: frozenset[str]
    number_words: Mapping[str, int]  # units, tens, multipliers, dozens
    multipliers: Mapping[str, int]
    not_numbers: tuple[str, ...]
    denominators: Mapping[str, int]
    ordinals: Mapping[str, int]
    superlatives: tuple[str, ...]
    qualifiers_before: Mapping[str, str]  # lower-case word → qualifier id
    qualifiers_after: Mapping[str, str]
    range_openers: tuple[str, ...]
    range_joiners: tuple[str, ...]
    change_words: Mapping[str, int]  # word → +1 / -1
    change_nouns: Mapping[str, int]
    units: Mapping[str, str]  # surface (case as written for short units) → unit
    short_units: frozenset[str]
    money_context: tuple[str, ...]
    currency_before: Mapping[str, str]  # symbol or code as written → ISO code
    currency_after: Mapping[str, str]  # lower-case name, or symbol → ISO code
    subunits: Mapping[str, tuple[str, float]]  # "cents" → ("USD", 0.01)
    pound_currency: str
    negative_words: tuple[str, ...]
    one_determiners: tuple[str, ...]
    rank_markers_before: tuple[str, ...]
    label_words: tuple[str, ...]
    months: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: it is loaded once
class Chinese:
    qualifiers_before: Mapping[str, str]
    qualifiers_after: Mapping[str, str]
    range_joiners: tuple[str, ...]
    change_words: Mapping[str, int]
    units: Mapping[str, str]
    currencies: Mapping[str, str]
    currency_before: Mapping[str, str]
    classifiers: tuple[str, ...]
    rank_after: tuple[str, ...]
    rank_before: tuple[str, ...]
    ordinal_labels: tuple[str, ...]
    superlative_rank: tuple[str, ...]
    rank_scopes: tuple[str, ...]
    not_numbers: tuple[str, ...]
    halves: tuple[str, ...]
    qualifier_fillers: tuple[str, ...]  # 超过了, 至少有: between qualifier and number
    comparison_before: tuple[str, ...]  # 比 in 比30大
    comparatives: Mapping[str, str]  # 大 → gt, 小 → lt
    between_joiners: tuple[str, ...]  # 和/与 in 20和30之间 (only with a closer)
    between_closers: tuple[str, ...]  # 之间, 间
    bound_connectors: tuple[str, ...]  # 并且 in 大于10并且小于20
    negative_signs: tuple[str, ...]  # 负
    negative_not_after: tuple[str, ...]  # 身负, 肩负: a verb, not a sign
    mega_after: tuple[str, ...]  # 兆瓦, 兆赫: 兆 is mega, not 10^12
    currency_subunits: Mapping[str, tuple[str, float]]  # 美分 → (USD, 0.01)
    currency_tail_subunits: Mapping[str, tuple[str, float]]  # 角 after 元 → (CNY, 0.1)


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: it is loaded once
class Lexicon:
    english: English
    chinese: Chinese


def _signed(groups: Mapping[str, Iterable[str]]) -> Mapping[str, int]:
    sign = {"up": 1, "down": -1}
    return _frozen({word: sign[key] for key, words in groups.items() for word in words})


def _english(data: Mapping[str, Any]) -> English:
    words: dict[str, int] = {}
    for group in ("units_words", "tens_words", "multiplier_words", "dozen_words"):
        words.update(data[group])
    return English(
        scales=_frozen({k: float(v) for k, v in data["scales"].items()}),
        guarded_scales=frozenset(data["guarded_scales"]),
        number_words=_frozen(words),
        multipliers=_frozen(data["multiplier_words"]),
        not_numbers=tuple(data["not_numbers"]),
        denominators=_frozen(data["denominators"]),
        ordinals=_frozen(data["ordinals"]),
        superlatives=tuple(data["superlatives"]),
        qualifiers_before=_inverted(data["qualifiers_before"]),
        qualifiers_after=_inverted(data["qualifiers_after"]),
        range_openers=tuple(data["range_openers"]),
        range_joiners=tuple(data["range_joiners"]),
        change_words=_signed(data["change_words"]),
        change_nouns=_signed(data["change_nouns"]),
        units=_frozen({str(k): str(v) for k, v in data["units"].items()}),
        short_units=frozenset(data["short_units"]),
        money_context=tuple(data["money_context"]),
        currency_before=_frozen(
            {sym: code for code, c in data["currencies"].items() for sym in c.get("symbols", [])}
        ),
        currency_after=_frozen(
            {
                **{
                    sym: code
                    for code, c in data["currencies"].items()
                    for sym in c.get("symbols", [])
                },
                **{
                    name: code
                    for code, c in data["currencies"].items()
                    for name in c.get("names", [])
                },
            }
        ),
        subunits=_frozen(
            {
                name: (code, float(factor))
                for code, c in data["currencies"].items()
                for name, factor in c.get("subunits", {}).items()
            }
        ),
        pound_currency=str(data["pound_currency"]),
        negative_words=tuple(data["negative_words"]),
        one_determiners=tuple(data["one_determiners"]),
        rank_markers_before=tuple(data["rank_markers_before"]),
        label_words=tuple(data["label_words"]),
        months=tuple(data["months"]),
    )


def _chinese(data: Mapping[str, Any]) -> Chinese:
    return Chinese(
        qualifiers_before=_inverted(data["qualifiers_before"]),
        qualifiers_after=_inverted(data["qualifiers_after"]),
        range_joiners=tuple(data["range_joiners"]),
        change_words=_signed(data["change_words"]),
        units=_frozen({str(k): str(v) for k, v in data["units"].items()}),
        currencies=_frozen(data["currencies"]),
        currency_before=_frozen(data["currency_before"]),
        classifiers=tuple(data["classifiers"]),
        rank_after=tuple(data["rank_after"]),
        rank_before=tuple(data["rank_before"]),
        ordinal_labels=tuple(data["ordinal_labels"]),
        superlative_rank=tuple(data["superlative_rank"]),
        rank_scopes=tuple(data["rank_scopes"]),
        not_numbers=tuple(data["not_numbers"]),
        halves=tuple(data["halves"]),
        qualifier_fillers=tuple(data.get("qualifier_fillers", ())),
        comparison_before=tuple(data.get("comparison_before", ())),
        comparatives=_inverted(data.get("comparatives", {})),
        between_joiners=tuple(data.get("between_joiners", ())),
        between_closers=tuple(data.get("between_closers", ())),
        bound_connectors=tuple(data.get("bound_connectors", ())),
        negative_signs=tuple(data.get("negative_signs", ())),
        negative_not_after=tuple(data.get("negative_not_after", ())),
        mega_after=tuple(data.get("mega_after", ())),
        currency_subunits=_subunits(data.get("currency_subunits", {})),
        currency_tail_subunits=_subunits(data.get("currency_tail_subunits", {})),
    )


def _subunits(data: Mapping[str, Any]) -> Mapping[str, tuple[str, float]]:
    """{美分: [USD, 0.01]} → {美分: ("USD", 0.01)}."""
    return _frozen({str(k): (str(v[0]), float(v[1])) for k, v in data.items()})


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read and compiled on first use)."""
    text = (resources.files("recheck.numbers") / "lexicon.yaml").read_text(encoding="utf-8")
    # libyaml where PyYAML has it: the pure-Python parser is a tenth of a scan's start-up.
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Lexicon(english=_english(data["english"]), chinese=_chinese(data["chinese"]))
