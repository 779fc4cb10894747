"""Claims built by hand, for tests that pin judgement and reports apart from extraction."""

from __future__ import annotations

from recheck.claims import Claim

# China's share of world rare-earth reserves: the key most tests judge.
DEFAULTS: dict[str, object] = dict(
    id="a.txt:1:1",
    file="a.txt",
    line=1,
    column=1,
    unit="percent",
    subject="CN",
    partner=None,
    metric="reserves",
    commodity="rare_earths",
    measure="share",
    year=None,
    period=None,
    published="2025-06-01",
    lang="en",
    sentence="s",
)


def make_claim(value: float, qualifier: str = "eq", **fields: object) -> Claim:
    """A claim of ``value`` with the interval ``qualifier`` gives it (``gt``/``ge`` have no
    upper bound, ``lt``/``le`` no lower one); ``fields`` override any default."""
    low: float | None = None if qualifier in ("lt", "le") else value
    high: float | None = None if qualifier in ("gt", "ge") else value
    values: dict[str, object] = {
        **DEFAULTS,
        "text": f"{value:g}%",
        "value": value,
        "qualifier": qualifier,
        "low": low,
        "high": high,
    }
    values.update(fields)
    return Claim(**values)  # type: ignore[arg-type]
