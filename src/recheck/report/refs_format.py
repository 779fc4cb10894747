"""`recheck refs list`: the reference facts and where each comes from."""

from __future__ import annotations

import json
from pathlib import PurePath

from rich.console import Console
from rich.table import Table

from recheck.judge import show
from recheck.reference import Fact, Reference


def render_refs(reference: Reference, console: Console) -> None:
    """Sources, then the facts of each source (as an editor reads them, with where each
    figure was read and the YAML line it comes from)."""
    sources = Table(title="Sources", box=None, header_style="bold")
    for column in ("id", "edition", "publisher", "published", "url"):
        sources.add_column(column, overflow="fold")
    for s in reference.sources:
        sources.add_row(s.id, s.edition or s.title, s.publisher, s.published, s.url or "")
    console.print(sources)
    facts = Table(title="Facts", box=None, header_style="bold")
    for column in ("key", "measure", "when", "value", "source", "entered at"):
        facts.add_column(column, overflow="fold")
    ordered = sorted(reference.facts, key=_order)
    for f in ordered:
        key = f"{f.subject}{' ← ' + f.partner if f.partner else ''} {f.metric} {f.commodity}"
        facts.add_row(
            key,
            f.measure + (" (derived)" if f.derived else ""),
            f.period or (str(f.year) if f.year is not None else ""),
            show(f, with_when=False),
            f.source.id,
            PurePath(f.origin).name,
        )
    console.print(facts)
    derived = sum(1 for f in reference.facts if f.derived)
    console.print(
        f"{len(reference.facts)} facts ({len(reference.facts) - derived} entered, "
        f"{derived} derived from tables) from {len(reference.sources)} sources"
    )


def _order(f: Fact) -> tuple[str | int, ...]:
    key = (f.metric, f.commodity, f.subject, f.partner or "", f.measure)
    return (*key, f.source.published, f.year or 0, f.period or "")


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
                        "series": s.series,
                        "note": s.note,
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
                        "note": f.note,
                        "label": f.label,
                        "caveat": f.caveat,
                        "derived": f.derived,
                        "origin": f.origin,
                    }
                    for f in reference.facts
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
