"""`recheck refs list`: the reference facts and where each comes from."""

from __future__ import annotations

import json
from pathlib import PurePath

from rich.console import Console
from rich.text import Text

from recheck.judge import show
from recheck.reference import Fact, Reference


def render_refs(reference: Reference, console: Console) -> None:
    """Sources, then the facts of each source (as an editor reads them, with where each
    figure was read and the YAML line it comes from)."""
    # One source a line, its address under it: a URL folded into a table column can be
    # neither read nor clicked.
    console.print(Text("Sources", style="bold underline"))
    for s in reference.sources:
        edition = s.edition or s.title
        console.print(
            Text.assemble((s.id, "bold"), f"  {edition} — {s.publisher}, published {s.published}")
        )
        if s.url:
            console.print(Text(f"    {s.url}", style="dim"))
    # Facts by key, one a line: when, the value as an editor reads it, source, YAML line.
    console.print(Text("Facts", style="bold underline"))
    current = None
    for f in sorted(reference.facts, key=_order):
        key = f"{f.subject}{' ← ' + f.partner if f.partner else ''} {f.metric} {f.commodity}"
        heading = f"{key} ({f.measure}{', derived' if f.derived else ''})"
        if heading != current:
            current = heading
            console.print(Text(heading, style="bold"))
        when = f.period or (str(f.year) if f.year is not None else "—")
        console.print(
            Text.assemble(
                f"    {when:<8} {show(f, with_when=False)}  ",
                (f"{f.source.id}, {PurePath(f.origin).name}", "dim"),
            )
        )
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
