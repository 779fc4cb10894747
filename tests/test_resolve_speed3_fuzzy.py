"""The long words the fuzzy search reads are picked by a pattern built from the vocabulary's
names (a first letter, then the first three letters or the last two of a name of that letter);
what it finds must be what the plain loop over every long word finds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from recheck import vocabulary as v
from recheck.vocabulary import Hit, Vocabulary, find_terms

from .test_vocabulary_speed_find_terms import _one_edit, _piece, _seed_sentences, _vocabularies


def plain_fuzzy_hits(vocabulary: Vocabulary, folded: str, occupied: int) -> list[Hit]:
    """The loop as first written: every word of ``_LONG_WORD``, its bucket's test, then OSA."""
    table = v._matchers(vocabulary).fuzzy
    out = []
    for match in v._LONG_WORD.finditer(folded):
        word = match.group()
        bucket = table.get((word[0], len(word)))
        if bucket is None or (word[:3] not in bucket.heads and word[-2:] not in bucket.tails):
            continue
        start, end = match.span()
        if (occupied >> start | occupied >> (end - 1)) & 1:
            continue
        for alias, kind, ident in bucket.names:
            if OSA.distance(word, alias, score_cutoff=1) <= 1:
                out.append(Hit(start, end, kind, ident))
                break
    return out


def fast_fuzzy_hits(vocabulary: Vocabulary, folded: str, occupied: int) -> list[Hit]:
    matchers = v._matchers(vocabulary)
    if matchers.fuzzy_words is None:
        return []
    return v._fuzzy_hits(matchers.fuzzy, matchers.fuzzy_words, v._PAD + folded, occupied)


def _occupied(vocabulary: Vocabulary, text: str) -> int:
    return sum(((1 << (h.end - h.start)) - 1) << h.start for h in find_terms(vocabulary, text))


def test_fuzzy_hits_on_the_seeds_are_the_plain_loop() -> None:
    sentences = _seed_sentences()
    for name, vocabulary in _vocabularies().items():
        for text in sentences:
            folded = v.fold(text)
            for occupied in (0, _occupied(vocabulary, text)):
                expected = plain_fuzzy_hits(vocabulary, folded, occupied)
                assert fast_fuzzy_hits(vocabulary, folded, occupied) == expected, (name, text)


@given(st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzzy_hits_on_drawn_text_are_the_plain_loop(data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.builds(_piece, st.data()), max_size=12)))
    for vocabulary in _vocabularies().values():
        folded = v.fold(text)
        for occupied in (0, _occupied(vocabulary, text)):
            expected = plain_fuzzy_hits(vocabulary, folded, occupied)
            assert fast_fuzzy_hits(vocabulary, folded, occupied) == expected, text


def _names(vocabulary: Vocabulary) -> list[str]:
    return sorted({n for b in v._matchers(vocabulary).fuzzy.values() for n, _, _ in b.names})


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_every_word_a_bucket_passes_is_picked(data: st.DataObject) -> None:
    # Slips of the names (one edit, or two) and of their pieces glued to others: words a
    # bucket passes and words it does not, of every length around a name's.
    for vocabulary in _vocabularies().values():
        names = _names(vocabulary)
        word = data.draw(st.sampled_from(names))
        for _ in range(data.draw(st.integers(0, 2))):
            word = _one_edit(word, data)
        if data.draw(st.booleans()):
            word += data.draw(st.sampled_from(names))[data.draw(st.integers(0, 6)) :]
        text = f"({word}) {word}s {word}"
        table = v._matchers(vocabulary).fuzzy
        pattern = v._matchers(vocabulary).fuzzy_words
        assert pattern is not None
        picked = {(m.start(1) - 1, m.end(1) - 1) for m in pattern.finditer(v._PAD + text)}
        for match in v._LONG_WORD.finditer(text):
            found = match.group()
            bucket = table.get((found[0], len(found)))
            if bucket and (found[:3] in bucket.heads or found[-2:] in bucket.tails):
                assert match.span() in picked, found
