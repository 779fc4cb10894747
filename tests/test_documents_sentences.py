"""Sentence splitting: abbreviations, decimals, Chinese terminators, mixed lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.documents.sentences import MAX_SENTENCE, sentence_spans, split_segment
from recheck.documents.text import compute_line_starts


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. imports 80% of its rare earths. China refines 90%.",
            ["The U.S. imports 80% of its rare earths.", "China refines 90%."],
        ),
        (
            "Metals, e.g. gallium, i.e. the minor ones, rose. Prices fell.",
            ["Metals, e.g. gallium, i.e. the minor ones, rose.", "Prices fell."],
        ),
        ("Mine No. 2 produced 5 tons. It closed.", ["Mine No. 2 produced 5 tons.", "It closed."]),
        (
            "Output grew 2.5% in 2024. Exports fell 3.1%.",
            ["Output grew 2.5% in 2024.", "Exports fell 3.1%."],
        ),
        (
            "Mr. Bessent met Dr. Li on Jan. 5 at MP Materials Inc. in Las Vegas.",
            ["Mr. Bessent met Dr. Li on Jan. 5 at MP Materials Inc. in Las Vegas."],
        ),
        ("Is it 90%? Nobody knows! Really.", ["Is it 90%?", "Nobody knows!", "Really."]),
        ('He said "it is 70%." Then he left.', ['He said "it is 70%."', "Then he left."]),
        (
            "It was the U.K. and the U.S. that agreed.",
            ["It was the U.K. and the U.S. that agreed."],
        ),
        ("Prices were up approx. 5% vs. last year.", ["Prices were up approx. 5% vs. last year."]),
        ("J. Smith wrote it. 2024 was worse.", ["J. Smith wrote it.", "2024 was worse."]),
        ("an ellipsis... and more. The end", ["an ellipsis... and more.", "The end"]),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "中国占全球产量的70%。美国依赖进口！为什么？",
            ["中国占全球产量的70%。", "美国依赖进口！", "为什么？"],
        ),
        ("稀土出口下降30%；价格上涨2.5%。", ["稀土出口下降30%；", "价格上涨2.5%。"]),
        (
            "美财长放话:如果中国“出尔反尔”,美国将动手?是的!",
            ["美财长放话:如果中国“出尔反尔”,美国将动手?", "是的!"],
        ),
        ("他说：“产量增长了5%。”随后离开。", ["他说：“产量增长了5%。”", "随后离开。"]),
        ("予取予求.美国政府", ["予取予求.", "美国政府"]),
        ("后果自负……美方一边", ["后果自负……", "美方一边"]),
        ("产能约为3.5万吨。", ["产能约为3.5万吨。"]),
    ],
)
def test_chinese(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_mixed_line() -> None:
    text = (
        "Rare Earths… While wanting more, the U.S. waits. "
        "美國財長警告:拒絕稀土後果自負…美方一邊想享受紅利。Done."
    )
    assert sentences(text) == [
        "Rare Earths…",
        "While wanting more, the U.S. waits.",
        "美國財長警告:拒絕稀土後果自負…",
        "美方一邊想享受紅利。",
        "Done.",
    ]


def test_citation_runs_and_dash_bullets() -> None:
    text = (
        "Group 1 - The meeting was a first [1] - Key topics included minerals [3][5] "
        "Group 2 - Kazakhstan held 15% [11][13]. - China controls 70% [14]."
    )
    assert sentences(text) == [
        "Group 1 - The meeting was a first [1]",
        "Key topics included minerals [3][5]",
        "Group 2 - Kazakhstan held 15% [11][13].",
        "China controls 70% [14].",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks with Mr\n. Smith ended.", ["Talks with Mr\n. Smith ended."]),
        ("x" * 40 + ". Next one.", ["x" * 40 + ".", "Next one."]),
        ("Made by A.B.C. Corp. in May. It sold.", ["Made by A.B.C. Corp. in May.", "It sold."]),
        ("Prices rose;… Then fell", ["Prices rose;…", "Then fell"]),
        ("Prices rose; Then fell", ["Prices rose; Then fell"]),
        ("It rose. - Then it fell.", ["It rose.", "Then it fell."]),
        ("It rose.\u3000Then it fell.", ["It rose.", "Then it fell."]),
        ("It rose.\tThen it fell.", ["It rose.", "Then it fell."]),
        ("10. Items 3. More", ["Items 3.", "More"]),
        ("___ . Real text.", ["Real text."]),
    ],
)
def test_edge_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_numbered_label_is_left_out() -> None:
    assert sentences('1. "Report title" 2025-10-13') == ['"Report title" 2025-10-13']


def test_lines_end_sentences_in_plain_text_but_not_in_wrapped_markup() -> None:
    text = "China holds 37% of\nglobal reserves.\n\nNext paragraph."
    starts = compute_line_starts(text)
    plain = [text[a:b] for a, b in sentence_spans(text, starts)]
    assert plain == ["China holds 37% of", "global reserves.", "Next paragraph."]
    wrapped = [text[a:b] for a, b in sentence_spans(text, starts, soft_wraps=True)]
    assert wrapped == ["China holds 37% of\nglobal reserves.", "Next paragraph."]
    skipped = [text[a:b] for a, b in sentence_spans(text, starts, skipped_lines={1})]
    assert skipped == ["China holds 37% of", "Next paragraph."]
    broken = [text[a:b] for a, b in sentence_spans(text, starts, breaks=[5])]
    assert broken[:2] == ["China", "holds 37% of"]


@given(st.text(alphabet=st.sampled_from('ab .。!?…\n\t中2[]1-“”"')))
def test_spans_are_ordered_stripped_and_disjoint(text: str) -> None:
    spans = sentence_spans(text, compute_line_starts(text))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


def test_an_endless_sentence_is_cut_at_spaces_into_bounded_pieces() -> None:
    segment = "China mined 1,500,000 tonnes and " * 300  # 9,900 characters, no full stop
    spans = split_segment(segment)
    assert len(spans) > 9
    assert all(high - low <= MAX_SENTENCE for low, high in spans)
    # Cut between words: every piece starts and ends on a whole word or number.
    for low, high in spans:
        assert segment[low] != " " and segment[high - 1] != " "
        assert low == 0 or segment[low - 1] == " "
        assert high == len(segment) or segment[high] == " "
    assert "".join(segment[low:high] + " " for low, high in spans) == segment


def test_a_run_with_no_space_is_cut_anyway() -> None:
    spans = split_segment("7" * 2500)
    assert [high - low for low, high in spans] == [1000, 1000, 500]
