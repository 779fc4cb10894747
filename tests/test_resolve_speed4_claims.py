"""Claims and keys built by ``_new_claim`` and ``_new_key`` (recheck.frozen.builder) are
those the frozen dataclasses build from the same fields:
equal, of the same type, hash, repr and pickle, still frozen, on the seeds and on variants
of them (case, hyphens, traditional Chinese)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import opencc
import pytest

from recheck import claims
from recheck.claims import Claim, Key, claims_in_document, resolve_keys
from recheck.documents import build_document
from recheck.numbers import extract
from recheck.reference import load_reference
from recheck.vocabulary import find_terms

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _texts() -> list[tuple[str, str]]:
    to_traditional = opencc.OpenCC("s2t")
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append((path.name, text))
        texts.append((path.name + ".upper", text.upper()))
        texts.append((path.name + ".hyphens", text.replace(" ", "-", 40)))
        texts.append((path.name + ".traditional", to_traditional.convert(text)))
    return texts


@pytest.mark.parametrize("vocabulary", [True, False])
def test_filled_claims_are_the_dataclass_claims(
    vocabulary: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = load_reference(()).vocabulary if vocabulary else None
    count = 0
    for name, text in _texts():
        document = build_document(text, name, "utf-8", kind=".txt", as_of="2025-11-01")
        filled = list(claims_in_document(document, shipped))
        with monkeypatch.context() as patch:
            patch.setattr(claims, "_new_claim", Claim)
            patch.setattr(claims, "_new_key", Key)
            plain = list(claims_in_document(document, shipped))
        assert len(filled) == len(plain)
        for claim, expected in zip(filled, plain, strict=True):
            assert type(claim) is Claim
            assert claim == expected and hash(claim) == hash(expected)
            assert repr(claim) == repr(expected)
            assert (claim.start, claim.end) == (expected.start, expected.end)
            assert pickle.loads(pickle.dumps(claim)) == expected
        count += len(filled)
    assert count > 300


def test_filled_keys_are_the_dataclass_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = load_reference(()).vocabulary
    count = 0
    for name, text in _texts():
        document = build_document(text, name, "utf-8", kind=".txt", as_of="2025-11-01")
        for sentence in document.sentences:
            mentions = extract(sentence.text, normalised=True)
            hits = find_terms(vocabulary, sentence.text, fuzzy=True)
            keys = resolve_keys(sentence.text, mentions, hits, sentence.published, "AU", "ree")
            with monkeypatch.context() as patch:
                patch.setattr(claims, "_new_key", Key)
                plain = resolve_keys(sentence.text, mentions, hits, sentence.published, "AU", "ree")
            for key, expected in zip(keys, plain, strict=True):
                assert type(key) is Key and key == expected and hash(key) == hash(expected)
                assert repr(key) == repr(expected)
                assert pickle.loads(pickle.dumps(key)) == expected
                count += 1
    assert count > 300


def test_filled_claims_stay_frozen() -> None:
    document = build_document(
        "China produced 70% of rare earths in 2023.", "a.txt", "utf-8", as_of="2025-11-01"
    )
    claim = next(claims_in_document(document, load_reference(()).vocabulary))
    assert claim.subject == "CN" and not hasattr(claim, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.subject = "US"  # type: ignore[misc]
    assert dataclasses.replace(claim, subject="US").subject == "US"
    mentions = extract(document.sentences[0].text, normalised=True)
    key = resolve_keys(document.sentences[0].text, mentions, [], None)[0]
    assert type(key) is Key and key.year == 2023 and not hasattr(key, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        key.year = 2023  # type: ignore[misc]
