"""`recheck refs list`: the reference facts and where each comes from."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from recheck.reference import Reference


def render_refs(reference: Reference, console: Console) -> None:
    sources = Table(title="Sources", box=None, header_style="bold")
    for column in ("id", "publisher", "title", "published", "url"):
        sources.add_column(column, overflow="fold")
    for s in reference.sources:
        sources.add_row(s.id, s.publisher, s.title, s.published, s.url or "")
    console.print(sources)
    facts = Table(title="Facts", box=None, header_style="bold")
    for column in ("subject", "metric", "commodity", "measure", "year", "value", "unit", "source"):
        facts.add_column(column, overflow="fold")
    for f in reference.facts:
        bound = f"{f.value:g}" if f.low == f.high else f"{f.low or ''}..{f.high or ''}"
        facts.add_row(
            f.subject + (f" ← {f.partner}" if f.partner else ""),
            f.metric,
            f.commodity,
            f.measure + (" (derived)" if f.derived else ""),
            str(f.year or ""),
            bound,
            f.unit,
            f.source.id,
        )
    console.print(facts)
    console.print(f"{len(reference.facts)} facts from {len(reference.sources)} sources")


def refs_json(reference: Reference) -> str:
    return (
        json.dumps(
            {
                "sources": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "publisher": s.publisher,
                        "edition": s.edition,
                        "published": s.published,
                        "url": s.url,
                    }
                    for s in reference.sources
                ],
                "facts": [
                    {
                        "subject": f.subject,
                        "partner": f.partner,
                        "metric": f.metric,
                        "commodity": f.commodity,
                        "measure": f.measure,
                        "value": f.value,
                        "low": f.low,
                        "high": f.high,
                        "unit": f.unit,
                        "year": f.year,
                        "period": f.period,
                        "source": f.source.id,
                        "locator": f.locator,
                        "derived": f.derived,
                    }
                    for f in reference.facts
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
