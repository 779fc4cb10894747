"""Claims: numeric mentions placed in their document, with the key of what they are about.

A Claim is a Mention positioned in a file (``file:line:column``), carrying its sentence,
the article's ``published`` date and the resolved key (subject, partner, metric, commodity,
year, period). Fields that cannot be resolved stay ``None``: recheck never invents a subject.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from recheck.documents import Document
from recheck.numbers import extract


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric assertion, with the fields of the output contract (CONTRACT.md, Claim)."""

    id: str
    file: str
    line: int
    column: int
    text: str
    value: float
    unit: str
    qualifier: str
    low: float | None
    high: float | None
    subject: str | None
    partner: str | None
    metric: str | None
    commodity: str | None
    measure: str | None
    year: int | None
    period: str | None
    published: str | None
    lang: str
    sentence: str
    # Offsets into the document text, for reports that underline the span (not in the contract).
    start: int = 0
    end: int = 0

    def contract_fields(self) -> dict[str, Any]:
        """The claim as the contract's JSON object (offsets left out)."""
        fields = asdict(self)
        del fields["start"], fields["end"]
        return fields


def claims_in_document(document: Document) -> Iterator[Claim]:
    """Every numeric expression of ``document`` as a Claim, in reading order."""
    for sentence in document.sentences:
        for mention in extract(sentence.text):
            start = sentence.start + mention.start
            end = sentence.start + mention.end
            line, column = document.position(start)
            yield Claim(
                id=f"{document.path}:{line}:{column}",
                file=document.path,
                line=line,
                column=column,
                text=document.source[start:end],
                value=mention.value,
                unit=mention.unit,
                qualifier=mention.qualifier,
                low=mention.low,
                high=mention.high,
                subject=None,
                partner=None,
                metric=None,
                commodity=None,
                measure=mention.measure,
                year=None,
                period=None,
                published=sentence.published,
                lang=sentence.lang,
                sentence=" ".join(sentence.original.split()),
                start=start,
                end=end,
            )


def claims_in_documents(documents: Iterable[Document]) -> list[Claim]:
    """Claims of several documents, in document order then reading order."""
    return [claim for document in documents for claim in claims_in_document(document)]
