"""Reference data: cited sources and facts, loaded from YAML and validated.

Files hold three kinds of top-level entries:

``sources``  who published a figure: id, title, publisher, edition, published date, url.
``tables``   a primary table of one source (amounts by subject with the world total). Shares of
             the world total and ranks among subjects are *derived* here, never typed twice.
``facts``    figures only ever published as single values (e.g. IEA refining shares).

Every problem is reported as ``file:line: message`` so an editor can fix the YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from recheck.errors import ReferenceDataError
from recheck.vocabulary import Term, Vocabulary, read_vocabulary

MEASURES = ("share", "change", "amount", "money", "rank", "ratio", "count", "duration")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_BOUND = re.compile(r"^\s*(>=|<=|>|<|~)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")
WORLD = "world"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    edition: str | None
    published: str  # YYYY-MM-DD: from this day on the source is "current"
    url: str | None
    # Editions of one publication form a series; the newest edition published by a date is
    # the current one. Default: the id without a trailing year ("usgs-mcs-2025" → "usgs-mcs").
    series: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """One reference value for a claim key, with the interval its precision allows."""

    subject: str
    partner: str | None
    metric: str
    commodity: str
    measure: str
    value: float
    low: float | None
    high: float | None
    unit: str
    year: int | None
    period: str | None
    source: Source
    locator: str | None
    note: str | None
    derived: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    files: tuple[str, ...]
    vocabulary: Vocabulary


class _Problems:
    """Collects ``file:line: message`` strings while a file is checked."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.items.append(f"{file}:{line}: {message}")


def packaged_reference_dir() -> Path:
    """The reference data shipped inside the package (``reference/`` in the source tree)."""
    packaged = resources.files("recheck") / "reference_data"
    if packaged.is_dir():
        return Path(str(packaged))
    # Running from a source checkout without installing: the top-level reference/ folder.
    return Path(__file__).resolve().parents[2] / "reference"


def reference_files(paths: Sequence[str | Path] = ()) -> list[Path]:
    """The YAML files under ``paths`` (default: the packaged reference), sorted."""
    roots = [Path(p) for p in paths] or [packaged_reference_dir()]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files.extend(sorted(p for p in root.rglob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        elif root.is_file():
            files.append(root)
        else:
            raise ReferenceDataError(f"{root}: no such reference file or directory")
    return files


def check_reference(paths: Sequence[str | Path] = ()) -> list[str]:
    """Every problem in the reference files, as ``file:line: message``; empty when valid."""
    return _load(reference_files(paths))[1]


def load_reference(paths: Sequence[str | Path] = ()) -> Reference:
    """Load and validate the reference; raise ReferenceDataError naming the first problem."""
    reference, problems = _load(reference_files(paths))
    if problems:
        more = (
            f" (and {len(problems) - 1} more; run `recheck refs check`)"
            if len(problems) > 1
            else ""
        )
        raise ReferenceDataError(problems[0] + more)
    return reference


def _load(files: Iterable[Path]) -> tuple[Reference, list[str]]:
    problems = _Problems()
    documents: list[tuple[str, yaml.MappingNode]] = []
    for path in files:
        name = path.as_posix()
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            problems.add(name, None, f"cannot read: {exc}")
            continue
        except yaml.MarkedYAMLError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark else 1
            problems.items.append(f"{name}:{line}: invalid YAML: {exc.problem}")
            continue
        if node is None:
            continue
        if not isinstance(node, yaml.MappingNode):
            problems.add(name, node, "expected a mapping with sources, tables or facts")
            continue
        documents.append((name, node))

    sources: dict[str, Source] = {}
    for name, node in documents:
        for key, value in node.value:
            if key.value == "sources":
                _read_sources(name, value, sources, problems)
            elif key.value not in ("tables", "facts", "vocabulary"):
                problems.add(name, key, f"unknown top-level key '{key.value}'")

    facts: list[Fact] = []
    terms: list[Term] = []
    for name, node in documents:
        for key, value in node.value:
            if key.value == "vocabulary":
                terms.extend(read_vocabulary(name, value, problems.items))
            elif key.value == "tables":
                facts.extend(_read_tables(name, value, sources, problems))
            elif key.value == "facts":
                facts.extend(_read_facts(name, value, sources, problems))
    reference = Reference(
        sources=tuple(sources[k] for k in sorted(sources)),
        facts=tuple(facts),
        files=tuple(name for name, _ in documents),
        vocabulary=Vocabulary(tuple(terms)),
    )
    return reference, problems.items


def _mapping(name: str, node: yaml.Node, problems: _Problems, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        problems.add(name, node, f"{what} must be a mapping")
        return {}
    return {k.value: v for k, v in node.value}


def _items(name: str, node: yaml.Node, problems: _Problems, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        problems.add(name, node, f"{what} must be a list")
        return []
    return list(node.value)


def _scalar(node: yaml.Node | None) -> Any:
    """The Python value of a scalar node (typed by YAML's own resolver)."""
    if node is None or not isinstance(node, yaml.ScalarNode):
        return None
    return yaml.safe_load(yaml.serialize(node))


def _text(
    name: str,
    fields: dict[str, yaml.Node],
    key: str,
    problems: _Problems,
    parent: yaml.Node,
    required: bool = True,
) -> str | None:
    node = fields.get(key)
    if node is None:
        if required:
            problems.add(name, parent, f"missing required field '{key}'")
        return None
    value = _scalar(node)
    if value is None or isinstance(value, (list, dict)):
        problems.add(name, node, f"'{key}' must be text")
        return None
    return str(value)


def _date(
    name: str, fields: dict[str, yaml.Node], key: str, problems: _Problems, parent: yaml.Node
) -> str | None:
    node = fields.get(key)
    if node is None:
        problems.add(name, parent, f"missing required field '{key}'")
        return None
    value = _scalar(node)
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        problems.add(name, node, f"'{key}' must be a date YYYY-MM-DD, got {value!r}")
        return None


_SOURCE_FIELDS = {"title", "publisher", "edition", "published", "url", "note", "series"}
_TRAILING_YEAR = re.compile(r"[-_]?(?:19|20)\d\d$")


def _read_sources(name: str, node: yaml.Node, out: dict[str, Source], problems: _Problems) -> None:
    for key_node, value in _mapping_pairs(name, node, problems, "sources"):
        sid = key_node.value
        if not _ID.match(sid):
            problems.add(
                name, key_node, f"source id '{sid}' must be letters, digits, '-', '_', '.'"
            )
        if sid in out:
            problems.add(name, key_node, f"duplicate source id '{sid}'")
        fields = _mapping(name, value, problems, f"source '{sid}'")
        for unknown in sorted(set(fields) - _SOURCE_FIELDS):
            problems.add(name, fields[unknown], f"source '{sid}': unknown field '{unknown}'")
        title = _text(name, fields, "title", problems, value)
        publisher = _text(name, fields, "publisher", problems, value)
        published = _date(name, fields, "published", problems, value)
        if title and publisher and published:
            out[sid] = Source(
                id=sid,
                title=title,
                publisher=publisher,
                edition=_text(name, fields, "edition", problems, value, required=False),
                published=published,
                url=_text(name, fields, "url", problems, value, required=False),
                series=_text(name, fields, "series", problems, value, required=False)
                or _TRAILING_YEAR.sub("", sid)
                or sid,
            )


def _mapping_pairs(
    name: str, node: yaml.Node, problems: _Problems, what: str
) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        problems.add(name, node, f"{what} must be a mapping")
        return []
    return [(k, v) for k, v in node.value]


def parse_bound(text: Any) -> tuple[float, float | None, float | None] | None:
    """``44000000`` → exact; ``">90000000"`` → (90e6, 90e6, None); ``"~70"`` → approx.

    Returns (value, low, high) before precision is applied, or None if unreadable.
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text), float(text), float(text)
    match = _BOUND.match(str(text))
    if not match:
        return None
    op, digits = match.groups()
    value = float(digits.replace(",", ""))
    if op in (">", ">="):
        return value, value, None
    if op in ("<", "<="):
        return value, None, value
    return value, value, value


def _source_ref(
    name: str,
    fields: dict[str, yaml.Node],
    sources: dict[str, Source],
    problems: _Problems,
    parent: yaml.Node,
) -> Source | None:
    sid = _text(name, fields, "source", problems, parent)
    if sid is None:
        return None
    if sid not in sources:
        problems.add(name, fields["source"], f"unknown source '{sid}'")
        return None
    return sources[sid]


def _year(name: str, fields: dict[str, yaml.Node], problems: _Problems) -> int | None:
    node = fields.get("year")
    if node is None:
        return None
    value = _scalar(node)
    if not isinstance(value, int) or not 1900 <= value <= 2100:
        problems.add(name, node, f"'year' must be a year such as 2024, got {value!r}")
        return None
    return value


_TABLE_FIELDS = {
    "source",
    "locator",
    "metric",
    "commodity",
    "unit",
    "year",
    "values",
    "note",
    "rank_among",
}


def _read_tables(
    name: str, node: yaml.Node, sources: dict[str, Source], problems: _Problems
) -> list[Fact]:
    facts: list[Fact] = []
    for item in _items(name, node, problems, "tables"):
        fields = _mapping(name, item, problems, "a table")
        for unknown in sorted(set(fields) - _TABLE_FIELDS):
            problems.add(name, fields[unknown], f"table: unknown field '{unknown}'")
        source = _source_ref(name, fields, sources, problems, item)
        metric = _text(name, fields, "metric", problems, item)
        commodity = _text(name, fields, "commodity", problems, item)
        unit = _text(name, fields, "unit", problems, item)
        year = _year(name, fields, problems)
        locator = _text(name, fields, "locator", problems, item, required=False)
        note = _text(name, fields, "note", problems, item, required=False)
        rows: dict[str, tuple[float, float | None, float | None]] = {}
        for key_node, value_node in _mapping_pairs(
            name, fields.get("values", item), problems, "table 'values'"
        ):
            parsed = parse_bound(_scalar(value_node))
            if parsed is None:
                problems.add(
                    name,
                    value_node,
                    f"value of '{key_node.value}' must be a number or a bound like '>90000000'",
                )
                continue
            rows[str(key_node.value)] = parsed
        if "values" not in fields:
            problems.add(name, item, "missing required field 'values'")
        if not (source and metric and commodity and unit and rows):
            continue
        facts.extend(derive_table_facts(source, metric, commodity, unit, year, locator, note, rows))
    return facts


def printed_half_unit(value: float) -> float:
    """Half a unit of the last digit a figure was printed with: 70 → 0.5, 48.9 → 0.05,
    44,000,000 → 500,000. Large round figures are read as rounded to their last non-zero
    digit but to no fewer than two significant digits (USGS rounds world totals so:
    90,000,000 means 89.5–90.5 million, not 85–95)."""
    value = abs(value)
    text = f"{value:.6f}".rstrip("0")
    if not text.endswith("."):
        return 0.5 * 10.0 ** -len(text.split(".")[1])
    digits = text[:-1]
    if value < 1000:
        return 0.5
    zeros = len(digits) - len(digits.rstrip("0"))
    significant = len(digits) - zeros
    zeros = max(0, zeros - max(0, 2 - significant))
    return 0.5 * 10.0**zeros


def _short(value: float) -> str:
    """44000000 → "44M", 390000 → "390k": for notes an editor reads."""
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def derive_table_facts(
    source: Source,
    metric: str,
    commodity: str,
    unit: str,
    year: int | None,
    locator: str | None,
    note: str | None,
    rows: dict[str, tuple[float, float | None, float | None]],
) -> list[Fact]:
    """Amount facts for every row, plus each subject's share of the world total and its rank."""

    def fact(
        subject: str,
        measure: str,
        value: float,
        low: float | None,
        high: float | None,
        fact_unit: str,
        derived: bool,
    ) -> Fact:
        return Fact(
            subject,
            None,
            metric,
            commodity,
            measure,
            value,
            low,
            high,
            fact_unit,
            year,
            None,
            source,
            locator,
            note,
            derived,
        )

    facts = [fact(s, "amount", v, lo, hi, unit, False) for s, (v, lo, hi) in sorted(rows.items())]
    world = rows.get(WORLD)
    countries = {s: r for s, r in rows.items() if s != WORLD}
    if world is not None:
        # A world total printed as a bound (">90,000,000" where some countries are NA) is
        # read as its figure: that is how the source's own share would be computed, and the
        # note says so.
        w_value = world[0]
        w_half = printed_half_unit(w_value)
        bound = "" if world[1] == world[2] else (">" if world[2] is None else "<")
        for subject, (value, _, _) in sorted(countries.items()):
            # The share covers what the printed figures allow: 44 of 390 (each rounded) is
            # 43.5–44.5 of 385–395.
            half = printed_half_unit(value)
            low = (value - half) / (w_value + w_half) * 100
            high = (value + half) / (w_value - w_half) * 100 if w_value > w_half else None
            facts.append(
                Fact(
                    subject,
                    None,
                    metric,
                    commodity,
                    "share",
                    round(value / w_value * 100, 2),
                    round(low, 2),
                    None if high is None else round(high, 2),
                    "percent",
                    year,
                    None,
                    source,
                    locator,
                    f"{_short(value)} of {bound}{_short(w_value)} {unit}",
                    True,
                )
            )
    ordered = sorted(countries.items(), key=lambda item: -item[1][0])
    for subject, (value, _, _) in ordered:
        # Equal amounts share a rank (two countries with 22 Mt are both "second").
        rank = 1 + sum(1 for _, (other, _, _) in ordered if other > value)
        facts.append(fact(subject, "rank", rank, rank, rank, "rank", True))
    return facts


_FACT_FIELDS = {
    "subject",
    "partner",
    "metric",
    "commodity",
    "measure",
    "value",
    "unit",
    "year",
    "period",
    "source",
    "locator",
    "note",
}


def _read_facts(
    name: str, node: yaml.Node, sources: dict[str, Source], problems: _Problems
) -> list[Fact]:
    facts: list[Fact] = []
    for item in _items(name, node, problems, "facts"):
        fields = _mapping(name, item, problems, "a fact")
        for unknown in sorted(set(fields) - _FACT_FIELDS):
            problems.add(name, fields[unknown], f"fact: unknown field '{unknown}'")
        source = _source_ref(name, fields, sources, problems, item)
        subject = _text(name, fields, "subject", problems, item)
        metric = _text(name, fields, "metric", problems, item)
        commodity = _text(name, fields, "commodity", problems, item)
        measure = _text(name, fields, "measure", problems, item)
        unit = _text(name, fields, "unit", problems, item)
        if measure is not None and measure not in MEASURES:
            problems.add(name, fields["measure"], f"'measure' must be one of {', '.join(MEASURES)}")
            measure = None
        parsed = None
        if "value" not in fields:
            problems.add(name, item, "missing required field 'value'")
        else:
            parsed = parse_bound(_scalar(fields["value"]))
            if parsed is None:
                problems.add(
                    name, fields["value"], "'value' must be a number or a bound like '>90'"
                )
        if not (source and subject and metric and commodity and measure and unit and parsed):
            continue
        value, low, high = parsed
        facts.append(
            Fact(
                subject=subject,
                partner=_text(name, fields, "partner", problems, item, required=False),
                metric=metric,
                commodity=commodity,
                measure=measure,
                value=value,
                low=low,
                high=high,
                unit=unit,
                year=_year(name, fields, problems),
                period=_text(name, fields, "period", problems, item, required=False),
                source=source,
                locator=_text(name, fields, "locator", problems, item, required=False),
                note=_text(name, fields, "note", problems, item, required=False),
            )
        )
    return facts
