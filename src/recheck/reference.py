"""Reference data: cited sources and facts, loaded from YAML and validated.

Files hold three kinds of top-level entries:

``sources``  who published a figure: id, title, publisher, edition, published date, url.
``tables``   a primary table of one source (amounts by subject with the world total). Shares of
             the world total and ranks among subjects are *derived* here, never typed twice.
``facts``    figures only ever published as single values (e.g. IEA refining shares).

A table: ``source, metric, commodity, unit, values`` (subject → number or bound), optional
``year, locator, note``, ``measure`` (amount, money or count; default amount) and ``rank_top``
(rank only the N largest rows; a table without its world row ranks none by default, since
rows may be missing). A fact: ``subject, metric, commodity, measure, value, unit, source``,
optional ``partner, year, period`` (2025-06, 2025-Q3, 2025-H1), ``locator, note``, ``label``
(a short name shown in messages), ``caveat`` (repeated whenever the figure is cited) and
``counts`` (what a count counts). ``subject`` and ``commodity`` may be lists: the figure holds
for each. Values: ``44000000``, ``">90000000"``, ``"<=10"``, a span ``"11..20"``.
Ids are checked against the vocabulary when the reference carries one.

Every problem is reported as ``file:line: message`` so an editor can fix the YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from recheck.errors import ReferenceDataError
from recheck.vocabulary import Term, Vocabulary, read_vocabulary

MEASURES = ("share", "change", "amount", "money", "rank", "ratio", "count", "duration")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_NUMBER = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_BOUND = re.compile(rf"^\s*(>=|<=|>|<|~)?\s*{_NUMBER}\s*$")
_SPAN = re.compile(rf"^\s*{_NUMBER}\s*\.\.\s*{_NUMBER}\s*$")
# Finer periods, written as claims carry them (CONTRACT.md): 2025-06, 2025-Q3, 2025-H1.
_PERIOD = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2]|Q[1-4]|H[12])$")
# Canonical units of the contract; money is any ISO 4217 code.
UNITS = ("percent", "pp", "t", "x", "rank", "1", "year")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
TABLE_MEASURES = ("amount", "money", "count")
WORLD = "world"

# libyaml's composer where PyYAML was built with it (the nodes and their marks are the same):
# the reference is read on every run, and the pure-Python composer is most of start-up.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    note: str | None = None  # e.g. where a secondary copy of the source was read


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
    # A short name shown in messages where one source gives several figures for a key
    # ("smelting and separation quota"), and a caveat repeated whenever the figure is cited.
    label: str | None = None
    caveat: str | None = None
    origin: str = ""  # "file:line" of the entry, for `recheck refs list` and problems
    # What a count counts ("elements", "种"): a count claim is only judged against this
    # figure when one of these words follows its number, so "two nations" in a sentence
    # about export controls is not read as a number of controlled elements.
    counts: tuple[str, ...] = ()

    @property
    def annual(self) -> bool:
        """True unless the figure is for a finer period (a month, quarter or half)."""
        return self.period is None


FactKey = tuple[str, str | None, str, str, str, str]  # subject, partner, metric, commodity,
# measure, unit


def fact_key(fact: Fact) -> FactKey:
    return (fact.subject, fact.partner, fact.metric, fact.commodity, fact.measure, fact.unit)


@dataclass(frozen=True, slots=True)
class Reference:
    sources: tuple[Source, ...]
    facts: tuple[Fact, ...]
    files: tuple[str, ...]
    vocabulary: Vocabulary
    # The facts by key, built with the reference: a claim's facts are a lookup, not a pass
    # over every fact (an archive holds tens of thousands of claims).
    by_key: Mapping[FactKey, tuple[Fact, ...]] = field(default_factory=dict)

    def facts_about(self, key: FactKey) -> tuple[Fact, ...]:
        return self.by_key.get(key, ())


def _index(facts: Iterable[Fact]) -> dict[FactKey, tuple[Fact, ...]]:
    grouped: dict[FactKey, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact_key(fact), []).append(fact)
    return {key: tuple(group) for key, group in grouped.items()}


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
            node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
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
    terms: list[Term] = []
    for name, node in documents:
        for key, value in node.value:
            if key.value == "sources":
                _read_sources(name, value, sources, problems)
            elif key.value == "vocabulary":
                terms.extend(read_vocabulary(name, value, problems.items))
            elif key.value not in ("tables", "facts"):
                problems.add(name, key, f"unknown top-level key '{key.value}'")
    vocabulary = Vocabulary(tuple(terms))
    known = _Known.of(vocabulary)

    facts: list[Fact] = []
    for name, node in documents:
        for key, value in node.value:
            if key.value == "tables":
                facts.extend(_read_tables(name, value, sources, known, problems))
            elif key.value == "facts":
                facts.extend(_read_facts(name, value, sources, known, problems))
    reference = Reference(
        sources=tuple(sources[k] for k in sorted(sources)),
        facts=tuple(facts),
        files=tuple(name for name, _ in documents),
        vocabulary=vocabulary,
        by_key=_index(facts),
    )
    return reference, problems.items


@dataclass(frozen=True, slots=True)
class _Known:
    """The ids the vocabulary defines. A fact keyed by an id no claim can ever resolve to is
    a typo; it is only checked when the reference carries a vocabulary at all."""

    subjects: frozenset[str]
    metrics: frozenset[str]
    commodities: frozenset[str]

    @staticmethod
    def of(vocabulary: Vocabulary) -> _Known:
        return _Known(
            vocabulary.ids("subject"), vocabulary.ids("metric"), vocabulary.ids("commodity")
        )

    def check(
        self, name: str, fields: dict[str, yaml.Node], problems: _Problems, keys: Iterable[str]
    ) -> None:
        for key in keys:
            node = fields.get(key)
            value = _scalar(node)
            ids = {
                "subject": self.subjects,
                "partner": self.subjects,
                "metric": self.metrics,
                "commodity": self.commodities,
            }[key]
            if ids and value is not None and str(value) not in ids:
                problems.add(name, node, f"'{key}': '{value}' is not an id of the vocabulary")

    def check_subject(self, name: str, node: yaml.Node, subject: str, problems: _Problems) -> None:
        if self.subjects and subject not in self.subjects:
            problems.add(name, node, f"subject '{subject}' is not an id of the vocabulary")


def _unit(
    name: str, fields: dict[str, yaml.Node], problems: _Problems, parent: yaml.Node
) -> str | None:
    unit = _text(name, fields, "unit", problems, parent)
    if unit is not None and unit not in UNITS and not _CURRENCY.match(unit):
        problems.add(
            name,
            fields["unit"],
            f"'unit' must be one of {', '.join(UNITS)} or an ISO 4217 code, got '{unit}'",
        )
        return None
    return unit


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
    # A scalar holds no references to other nodes: a fresh constructor per call is cheap,
    # and keeps no state between files.
    return SafeConstructor().construct_object(node)


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
                note=_text(name, fields, "note", problems, value, required=False),
            )


def _mapping_pairs(
    name: str, node: yaml.Node, problems: _Problems, what: str
) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        problems.add(name, node, f"{what} must be a mapping")
        return []
    return [(k, v) for k, v in node.value]


def parse_bound(text: Any) -> tuple[float, float | None, float | None] | None:
    """``44000000`` → exact; ``">90000000"`` → (90e6, 90e6, None); ``"11..20"`` → a span
    (value at its middle); ``"~70"`` → approx.

    Returns (value, low, high) before precision is applied, or None if unreadable.
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text), float(text), float(text)
    span = _SPAN.match(str(text))
    if span:
        low, high = (float(g.replace(",", "")) for g in span.groups())
        return ((low + high) / 2, low, high) if low <= high else None
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
    "measure",
    "unit",
    "year",
    "values",
    "note",
    "rank_top",
}


def _read_tables(
    name: str, node: yaml.Node, sources: dict[str, Source], known: _Known, problems: _Problems
) -> list[Fact]:
    facts: list[Fact] = []
    for item in _items(name, node, problems, "tables"):
        fields = _mapping(name, item, problems, "a table")
        for unknown in sorted(set(fields) - _TABLE_FIELDS):
            problems.add(name, fields[unknown], f"table: unknown field '{unknown}'")
        source = _source_ref(name, fields, sources, problems, item)
        metric = _text(name, fields, "metric", problems, item)
        commodity = _text(name, fields, "commodity", problems, item)
        known.check(name, fields, problems, ("metric", "commodity"))
        measure = _text(name, fields, "measure", problems, item, required=False) or "amount"
        if measure not in TABLE_MEASURES:
            problems.add(
                name,
                fields["measure"],
                f"a table's 'measure' must be one of {', '.join(TABLE_MEASURES)}",
            )
        unit = _unit(name, fields, problems, item)
        year = _year(name, fields, problems)
        rank_top = _rank_top(name, fields, problems)
        locator = _text(name, fields, "locator", problems, item, required=False)
        note = _text(name, fields, "note", problems, item, required=False)
        rows: dict[str, tuple[float, float | None, float | None]] = {}
        for key_node, value_node in _mapping_pairs(
            name, fields.get("values", item), problems, "table 'values'"
        ):
            subject = str(key_node.value)
            known.check_subject(name, key_node, subject, problems)
            if subject in rows:
                problems.add(name, key_node, f"duplicate row '{subject}'")
            parsed = parse_bound(_scalar(value_node))
            if parsed is None:
                problems.add(
                    name,
                    value_node,
                    f"value of '{subject}' must be a number or a bound like '>90000000'",
                )
                continue
            rows[subject] = parsed
        if "values" not in fields:
            problems.add(name, item, "missing required field 'values'")
        if not (source and metric and commodity and unit and rows) or measure not in TABLE_MEASURES:
            continue
        table = Table(
            source,
            metric,
            commodity,
            measure,
            unit,
            year,
            locator,
            note,
            rank_top,
            f"{name}:{item.start_mark.line + 1}",
        )
        facts.extend(derive_table_facts(table, rows))
    return facts


def _rank_top(name: str, fields: dict[str, yaml.Node], problems: _Problems) -> int | None:
    node = fields.get("rank_top")
    if node is None:
        return None
    value = _scalar(node)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.add(name, node, f"'rank_top' must be a whole number of rows, got {value!r}")
        return None
    return value


@dataclass(frozen=True, slots=True)
class Table:
    """A primary table's heading: what its rows measure and where it was read."""

    source: Source
    metric: str
    commodity: str
    measure: str
    unit: str
    year: int | None
    locator: str | None
    note: str | None
    # A table without its world total may miss rows; ranks are derived only for its
    # ``rank_top`` largest rows (those with no missing row above them). With a world total
    # the table is complete and every row is ranked unless ``rank_top`` says otherwise.
    rank_top: int | None = None
    origin: str = ""


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
    table: Table, rows: dict[str, tuple[float, float | None, float | None]]
) -> list[Fact]:
    """Facts for every row, plus each subject's share of the world total and its rank."""

    def fact(
        subject: str,
        measure: str,
        value: float,
        low: float | None,
        high: float | None,
        unit: str,
        derived: bool,
        note: str | None,
    ) -> Fact:
        return Fact(
            subject=subject,
            partner=None,
            metric=table.metric,
            commodity=table.commodity,
            measure=measure,
            value=value,
            low=low,
            high=high,
            unit=unit,
            year=table.year,
            period=None,
            source=table.source,
            locator=table.locator,
            note=note,
            derived=derived,
            origin=table.origin,
        )

    facts = [
        fact(s, table.measure, v, lo, hi, table.unit, False, table.note)
        for s, (v, lo, hi) in sorted(rows.items())
    ]
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
                fact(
                    subject,
                    "share",
                    round(value / w_value * 100, 4),
                    round(low, 2),
                    None if high is None else round(high, 2),
                    "percent",
                    True,
                    f"{_short(value)} of {bound}{_short(w_value)} {table.unit}",
                )
            )
    ordered = sorted(countries.items(), key=lambda item: -item[1][0])
    top = table.rank_top if table.rank_top is not None else (len(ordered) if world else 0)
    for subject, (value, _, _) in ordered:
        # Equal amounts share a rank (two countries with 22 Mt are both "second").
        rank = 1 + sum(1 for _, (other, _, _) in ordered if other > value)
        if rank <= top:
            facts.append(fact(subject, "rank", rank, rank, rank, "rank", True, None))
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
    "label",
    "caveat",
    "counts",
}


def _ids(
    name: str,
    fields: dict[str, yaml.Node],
    key: str,
    known: frozenset[str],
    problems: _Problems,
    parent: yaml.Node,
) -> list[str]:
    """One id, or a list of ids for a figure that holds for each (``subject: [US, AU]`` for
    "US$1 billion each"; ``commodity: [critical_minerals, rare_earths]``)."""
    node = fields.get(key)
    if node is None:
        problems.add(name, parent, f"missing required field '{key}'")
        return []
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    ids: list[str] = []
    for item in items:
        value = _scalar(item)
        if value is None or isinstance(value, (list, dict)):
            problems.add(name, item, f"'{key}' must be an id or a list of ids")
        elif known and str(value) not in known:
            problems.add(name, item, f"'{key}': '{value}' is not an id of the vocabulary")
        else:
            ids.append(str(value))
    if not items:
        problems.add(name, node, f"'{key}' must not be empty")
    return ids


def _words(
    name: str, fields: dict[str, yaml.Node], key: str, problems: _Problems
) -> tuple[str, ...]:
    node = fields.get(key)
    if node is None:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    words = tuple(str(_scalar(i)) for i in items if isinstance(_scalar(i), (str, int)))
    if len(words) != len(items) or not words:
        problems.add(name, node, f"'{key}' must be a word or a list of words")
    return words


def _read_facts(
    name: str, node: yaml.Node, sources: dict[str, Source], known: _Known, problems: _Problems
) -> list[Fact]:
    facts: list[Fact] = []
    for item in _items(name, node, problems, "facts"):
        fields = _mapping(name, item, problems, "a fact")
        for unknown in sorted(set(fields) - _FACT_FIELDS):
            problems.add(name, fields[unknown], f"fact: unknown field '{unknown}'")
        source = _source_ref(name, fields, sources, problems, item)
        subjects = _ids(name, fields, "subject", known.subjects, problems, item)
        metric = _text(name, fields, "metric", problems, item)
        commodities = _ids(name, fields, "commodity", known.commodities, problems, item)
        measure = _text(name, fields, "measure", problems, item)
        known.check(name, fields, problems, ("partner", "metric"))
        unit = _unit(name, fields, problems, item)
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
                    name,
                    fields["value"],
                    "'value' must be a number, a bound like '>90' or a span like '11..20'",
                )
        year = _year(name, fields, problems)
        period = _period(name, fields, year, problems)
        counts = _words(name, fields, "counts", problems)
        if counts and measure != "count":
            problems.add(name, fields["counts"], "'counts' is only for a fact of measure 'count'")
        if not (source and subjects and metric and commodities and measure and unit and parsed):
            continue
        value, low, high = parsed
        template = Fact(
            subject=subjects[0],
            partner=_text(name, fields, "partner", problems, item, required=False),
            metric=metric,
            commodity=commodities[0],
            measure=measure,
            value=value,
            low=low,
            high=high,
            unit=unit,
            year=year if year is not None or period is None else int(period[:4]),
            period=period,
            source=source,
            locator=_text(name, fields, "locator", problems, item, required=False),
            note=_text(name, fields, "note", problems, item, required=False),
            label=_text(name, fields, "label", problems, item, required=False),
            caveat=_text(name, fields, "caveat", problems, item, required=False),
            origin=f"{name}:{item.start_mark.line + 1}",
            counts=counts,
        )
        facts.extend(
            replace(template, subject=subject, commodity=commodity)
            for subject in subjects
            for commodity in commodities
        )
    return facts


def _period(
    name: str, fields: dict[str, yaml.Node], year: int | None, problems: _Problems
) -> str | None:
    """A finer period than the year (``2025-06``, ``2025-Q3``, ``2025-H1``), or None."""
    node = fields.get("period")
    if node is None:
        return None
    text = str(_scalar(node))
    match = _PERIOD.match(text)
    if not match:
        problems.add(
            name, node, f"'period' must look like 2025-06, 2025-Q3 or 2025-H1, got {text!r}"
        )
        return None
    if year is not None and int(match.group(1)) != year:
        problems.add(name, node, f"'period' {text} is not in 'year' {year}")
        return None
    return text
