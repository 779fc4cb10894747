"""What earlier sentences pass on (subject, commodity) is looked up lazily; the claims must be
those of reading every sentence's vocabulary in order, as the plain loop below does."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recheck.claims import (
    Key,
    _article_of,
    _last_commodity,
    _last_subject,
    claims_in_document,
    resolve_keys,
)
from recheck.documents import Document, build_document
from recheck.numbers import extract
from recheck.reference import load_reference
from recheck.vocabulary import Vocabulary, find_terms

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LINES = sorted(
    {
        line
        for path in SEEDS.glob("*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
)
# Datelines: the line before one becomes a headline, so drawn documents hold several articles.
DATELINES = ["Sou Hu Cai Jing· 2025-10-21 05:51", "June 1, 2025", "2025年6月1日"]


def eager_keys(document: Document, vocabulary: Vocabulary) -> list[tuple[int, Key]]:
    """(offset, key) of every mention, every sentence's terms searched in reading order."""
    out: list[tuple[int, Key]] = []
    carried: str | None = None
    carried_commodity: str | None = None
    article_start = -1
    starts = [article.start for article in document.articles]
    for sentence in document.sentences:
        article = _article_of(document, starts, sentence.start)
        if article != article_start:
            carried, carried_commodity, article_start = None, None, article
        mentions = extract(sentence.text, normalised=True)
        hits = find_terms(vocabulary, sentence.text, fuzzy=bool(mentions))
        keys = resolve_keys(
            sentence.text, mentions, hits, sentence.published, carried, carried_commodity
        )
        named, subject = _last_subject(hits, sentence.text)
        if named:
            carried = subject
        carried_commodity = _last_commodity(hits, sentence.text)
        out.extend((sentence.start + m.start, k) for m, k in zip(mentions, keys, strict=True))
    return out


def lazy_keys(document: Document, vocabulary: Vocabulary) -> list[tuple[int, Key]]:
    return [
        (c.start, Key(c.subject, c.partner, c.metric, c.commodity, c.year, c.period))
        for c in claims_in_document(document, vocabulary)
    ]


# Short lines that name a subject or a commodity, or take them from the sentence before.
CARRIERS = [
    "China holds 5% of rare earth mining.",
    "Australia exports rare earths.",
    "It holds 6%.",
    "They mined 7 tonnes.",
]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_reference().vocabulary


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_keys_equal_the_eager_loop(vocabulary: Vocabulary, path: Path) -> None:
    document = build_document(path.read_text(encoding="utf-8"), path.name, "utf-8", kind=".txt")
    assert lazy_keys(document, vocabulary) == eager_keys(document, vocabulary)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES + DATELINES + CARRIERS), min_size=1, max_size=14))
def test_shuffled_seed_lines_equal_the_eager_loop(vocabulary: Vocabulary, lines: list[str]) -> None:
    document = build_document("\n\n".join(lines), "drawn.txt", "utf-8", kind=".txt")
    assert lazy_keys(document, vocabulary) == eager_keys(document, vocabulary)


def test_drawn_documents_can_hold_several_articles() -> None:
    text = "\n\n".join(["China holds 5%.", DATELINES[0], "Head", DATELINES[1], "It holds 6%."])
    assert len(build_document(text, "drawn.txt", "utf-8", kind=".txt").articles) == 2


def test_nothing_is_carried_into_the_next_article(vocabulary: Vocabulary) -> None:
    # The second article's headline holds the number; the sentence before ends the first.
    text = "\n\n".join(
        ["Australia mines rare earths.", DATELINES[0], "It mined 7 tonnes.", DATELINES[1]]
    )
    document = build_document(text, "t.txt", "utf-8", kind=".txt")
    assert len(document.articles) == 2
    (claim,) = claims_in_document(document, vocabulary)
    assert (claim.subject, claim.commodity) == (None, None)
    same = build_document("Australia mines rare earths. It mined 7 tonnes.", "t.txt", "utf-8")
    (claim,) = claims_in_document(same, vocabulary)
    assert (claim.subject, claim.commodity) == ("AU", "rare_earths")


def test_a_subject_named_three_sentences_back_is_carried(vocabulary: Vocabulary) -> None:
    text = (
        "China tightened its export rules. The rules took effect in May. Officials said "
        "little. It holds 44 million tonnes of rare earth reserves."
    )
    document = build_document(text, "t.txt", "utf-8", kind=".txt")
    (claim,) = [c for c in claims_in_document(document, vocabulary) if c.value == 44e6]
    assert claim.subject == "CN"


def test_every_number_of_a_sentence_takes_the_commodity_before(vocabulary: Vocabulary) -> None:
    text = "Australia mines rare earths. It mined 7 tonnes, sold 5 tonnes and kept 2 tonnes."
    document = build_document(text, "t.txt", "utf-8", kind=".txt")
    claims = list(claims_in_document(document, vocabulary))
    assert [(c.value, c.commodity) for c in claims] == [
        (7.0, "rare_earths"),
        (5.0, "rare_earths"),
        (2.0, "rare_earths"),
    ]
