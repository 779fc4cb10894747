"""Units: one pint registry, built lazily and once, and conversion to the contract's units."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

# unit as the extractor names it (a pint unit expression) → (canonical unit, measure).
# Anything with the dimension of mass becomes tonnes; time becomes years.
_CANONICAL_BY_DIMENSION = {
    "[mass]": ("t", "tonne", "amount"),
    "[time]": ("year", "year", "duration"),
    "[percentage_point]": ("pp", "percentage_point", "change"),
    "[ratio]": ("x", "fold", "ratio"),
    "[rank]": ("rank", "rank_position", "rank"),
}


@cache
def registry() -> pint.UnitRegistry[float]:
    """The shared registry, from recheck's definitions alone (units.txt); importing pint
    costs ~0.15 s, so only on first use."""
    import pint

    reg: pint.UnitRegistry[float] = pint.UnitRegistry(None, cache_folder=None)
    with resources.as_file(resources.files("recheck.numbers") / "units.txt") as path:
        reg.load_definitions(str(path))
    return reg


@lru_cache(maxsize=4096)  # a pint conversion costs ~30 µs; news repeats its figures and units
def to_canonical(value: float, unit: str) -> tuple[float, str, str]:
    """Convert ``value`` in ``unit`` (a pint expression, e.g. ``"kg"``, ``"pound"``,
    ``"month"``, ``"percent"``, ``"USD"``) to (value, canonical unit, measure).

    Raises ``KeyError`` for a unit the registry does not know.
    """
    if len(unit) == 3 and unit.isascii() and unit.isupper():  # an ISO 4217 code
        return value, unit, "money"
    if unit in ("percent", "%"):
        return value, "percent", "share"
    if unit in ("1", "count", ""):
        return value, "1", "count"
    reg = registry()
    try:
        quantity = reg.Quantity(value, unit)
    except Exception as exc:  # pint raises several unrelated types for unknown names
        raise KeyError(unit) from exc
    dims = str(quantity.dimensionality)
    if dims not in _CANONICAL_BY_DIMENSION:
        raise KeyError(unit)
    canonical, pint_name, measure = _CANONICAL_BY_DIMENSION[dims]
    converted = float(quantity.to(pint_name).magnitude)
    return tidy(converted), canonical, measure


def tidy(value: float) -> float:
    """Drop binary noise from conversions (0.408000000001 → 0.408)."""
    if type(value) is float and value.is_integer() and -_EXACT < value < _EXACT:
        return value  # twelve significant digits hold it whole: formatting would give it back
    return float(f"{value:.12g}")


_EXACT = 1e12  # whole numbers below it have at most twelve digits
