"""find_terms' fast paths (Aho-Corasick passes, of the ASCII keys alone on ASCII text;
candidates sorted as plain tuples; taken characters as bits; hits built without the named
tuple's constructor; the fuzzy word filters) agree with the rule applied alias by alias:
every occurrence of every form, the word-boundary test, longest first with ``ignore`` words
winning ties, then the first subject or material one edit away from each long word nobody
took."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from recheck import vocabulary as v
from recheck.documents import build_document
from recheck.reference import load_reference
from recheck.vocabulary import Hit, Term, Vocabulary, find_terms

from .test_toy_domain import DOMAIN as CHIPS
from .test_toy_domain_cues import DOMAIN as LITHIUM

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _occurrences(haystack: str, key: str) -> list[int]:
    starts, at = [], haystack.find(key)
    while at >= 0:
        starts.append(at)
        at = haystack.find(key, at + 1)
    return starts


def _at_boundaries(text: str, start: int, end: int) -> bool:
    words = v._WORD_CHARS
    inside_start = start > 0 and text[start - 1] in words and text[start] in words
    inside_end = end < len(text) and text[end] in words and text[end - 1] in words
    return not inside_start and not inside_end


@cache
def _keys(vocabulary: Vocabulary) -> list[tuple[int, Term, int, str]]:
    """(index, term, source, key) for every form; source 0: folded text, 1: as written."""
    keys = []
    for index, term in enumerate(vocabulary.terms):
        if not term.alias:
            continue
        if term.lang != "en":
            keys.append((index, term, 0, v.fold(term.alias)))
        elif v._is_case_sensitive(term.alias):
            keys.extend((index, term, 1, form) for form in v._variants(term.alias))
        else:
            keys.extend((index, term, 0, v.fold(form)) for form in v._variants(term.alias))
    return keys


@cache
def _fuzzy_names(vocabulary: Vocabulary) -> list[tuple[Term, list[str]]]:
    """Subjects and materials with their long one-word folded forms, in vocabulary order."""
    names = []
    for term in vocabulary.terms:
        if term.lang != "en" or term.kind not in v._FUZZY_KINDS:
            continue
        if not v._is_case_sensitive(term.alias):
            forms = [v.fold(form) for form in v._variants(term.alias)]
            names.append((term, [f for f in forms if len(f) >= v._FUZZY_MIN and f.isalpha()]))
    return names


def _slow_find_terms(vocabulary: Vocabulary, text: str, *, fuzzy: bool) -> list[Hit]:
    folded = v.fold(text)
    # (start, end, source, latin, first index, term): a span's terms were found
    # other-script first, each in the order the vocabulary adds it.
    found: dict[tuple[int, int, int, Term], tuple[int, int, int, bool, int, Term]] = {}
    for index, term, source, key in _keys(vocabulary):
        latin = term.lang == "en"
        for start in _occurrences(folded if source == 0 else text, key):
            end = start + len(key)
            if latin and not _at_boundaries(text, start, end):
                continue
            found.setdefault((start, end, source, term), (start, end, source, latin, index, term))
    candidates = sorted(
        found.values(),
        key=lambda c: (-(c[1] - c[0]), c[0], c[5].kind != "ignore", c[2], c[3], c[4]),
    )
    taken: list[tuple[int, int, str, str]] = []
    occupied = [False] * (len(text) + 1)
    for start, end, _, _, _, term in candidates:
        if any(occupied[start:end]):
            continue
        occupied[start:end] = [True] * (end - start)
        taken.append((start, end, term.kind, term.id))
    if fuzzy:
        for match in v._LONG_WORD.finditer(folded):
            word, (start, end) = match.group(), match.span()
            if occupied[start] or occupied[end - 1]:
                continue
            for term, forms in _fuzzy_names(vocabulary):
                if any(
                    key[0] == word[0]
                    and abs(len(key) - len(word)) <= 1
                    and OSA.distance(word, key) <= 1
                    for key in forms
                ):
                    taken.append((start, end, term.kind, term.id))
                    break
    return [Hit(*hit) for hit in sorted(taken) if hit[2] != "ignore"]


@cache
def _vocabularies() -> dict[str, Vocabulary]:
    import tempfile

    found = {"shipped": load_reference(()).vocabulary}
    for name, domain in (("chips", CHIPS), ("lithium", LITHIUM)):
        folder = Path(tempfile.mkdtemp())
        (folder / "domain.yaml").write_text(domain, encoding="utf-8")
        found[name] = load_reference([folder]).vocabulary
    return found


@cache
def _aliases() -> list[str]:
    return sorted({t.alias for voc in _vocabularies().values() for t in voc.terms if t.alias})


def _seed_sentences() -> list[str]:
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = build_document(text, path.name, "utf-8", kind=path.name, as_of="2025-11-01")
        sentences.extend(s.text for s in document.sentences)
    return sentences


@pytest.mark.parametrize("fuzzy", [False, True])
def test_find_terms_on_the_seeds_is_the_rule_alias_by_alias(fuzzy: bool) -> None:
    sentences = _seed_sentences()
    assert len(sentences) > 100
    for name, vocabulary in _vocabularies().items():
        for sentence in sentences:
            expected = _slow_find_terms(vocabulary, sentence, fuzzy=fuzzy)
            assert find_terms(vocabulary, sentence, fuzzy=fuzzy) == expected, (name, sentence)


def _one_edit(word: str, data: st.DataObject) -> str:
    if not word:
        return word
    at = data.draw(st.integers(0, len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    edit = data.draw(st.sampled_from(["insert", "drop", "change", "swap"]))
    if edit == "insert":
        return word[:at] + letter + word[at:]
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    if edit == "change":
        return word[:at] + letter + word[at + 1 :]
    return word[:at] + word[at + 1 : at + 2] + word[at] + word[at + 2 :]


def _piece(data: st.DataObject) -> str:
    kind = data.draw(st.sampled_from(["alias", "slip", "mark", "cjk", "digits", "any", "word"]))
    if kind in ("alias", "slip"):
        piece = data.draw(st.sampled_from(_aliases()))
        piece = _one_edit(piece, data) if kind == "slip" else piece
    elif kind == "mark":
        piece = data.draw(st.sampled_from(list(" ,.-'\"()/;:&+")))
    elif kind == "cjk":
        piece = data.draw(
            st.text(alphabet="中国美國澳大利亚稀土出口進口锂铜的和年臺灣", max_size=4)
        )
    elif kind == "digits":
        piece = data.draw(st.text(alphabet="0123456789.,%", max_size=5))
    elif kind == "any":
        piece = data.draw(st.text(max_size=4))
    else:
        piece = data.draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10))
    case = data.draw(st.sampled_from([str, str.upper, str.capitalize, str.swapcase]))
    return case(piece)


@pytest.mark.parametrize(
    "text",
    [
        "Austrailia and the U.S. ship dysprosum; US-China rare-earths, Kazakhstan's",
        "The Americas: other countries' exports to the EU and the USA rose.",
        "美國和中國的稀土出口 and the F-35 in Q3",
        # a Chinese alias takes a misspelt word's end, not its start: no fuzzy hit
        "DysprosiuMP材料",
        # slips in the first three letters and in the last two
        "Asutralia sells Idnonesia dysporsium; Australai and Kazakhstna",
    ],
)
@pytest.mark.parametrize("fuzzy", [False, True])
def test_find_terms_on_slips_and_ties_is_the_rule_alias_by_alias(text: str, fuzzy: bool) -> None:
    for vocabulary in _vocabularies().values():
        expected = _slow_find_terms(vocabulary, text, fuzzy=fuzzy)
        assert find_terms(vocabulary, text, fuzzy=fuzzy) == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(["shipped", "chips", "lithium"]), st.booleans())
def test_find_terms_is_the_rule_alias_by_alias(data: st.DataObject, name: str, fuzzy: bool) -> None:
    pieces = [_piece(data) for _ in range(data.draw(st.integers(0, 12)))]
    gaps = [data.draw(st.sampled_from(["", " ", "-", "  "])) for _ in pieces]
    text = "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=True))
    vocabulary = _vocabularies()[name]
    expected = _slow_find_terms(vocabulary, text, fuzzy=fuzzy)
    assert find_terms(vocabulary, text, fuzzy=fuzzy) == expected, text


@settings(max_examples=500, deadline=None)
@given(st.data(), st.booleans())
def test_a_slip_in_a_long_name_is_found_as_alias_by_alias(data: st.DataObject, alone: bool) -> None:
    # the fuzzy word filters skip words that keep neither a name's head nor its tail
    vocabulary = _vocabularies()["shipped"]
    table = v._matchers(vocabulary).fuzzy
    names = sorted({alias for bucket in table.values() for alias, _, _ in bucket.names})
    word = _one_edit(data.draw(st.sampled_from(names)), data)
    text = word if alone else f"the {word.capitalize()} figure"
    assert find_terms(vocabulary, text, fuzzy=True) == _slow_find_terms(
        vocabulary, text, fuzzy=True
    )
