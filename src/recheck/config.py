"""Configuration: ``recheck.toml`` or ``[tool.recheck]`` in ``pyproject.toml``.

Discovery walks from the working directory up to the filesystem root and takes the first
``recheck.toml``, or the first ``pyproject.toml`` that has a ``[tool.recheck]`` table.
Keys mirror the long options; the command line wins over the file.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recheck.errors import ConfigError

FORMATS = ("text", "json", "sarif", "github", "markdown")
FAIL_ON = ("error", "warning", "note", "never")
TOLERANCE_KEYS = ("eq", "approx", "nearly")


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None
    format: str | None = None
    fail_on: str | None = None
    reference: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    encoding: str | None = None
    as_of: str | None = None
    jobs: int | None = None
    tolerance: tuple[tuple[str, float], ...] = ()  # [tolerance] table: eq, approx, nearly


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "recheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "recheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file (``None``: no file, defaults)."""
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("recheck", {})
    where = path.as_posix()
    values: dict[str, Any] = {"path": where}
    for key, value in data.items():
        name, checked = _check(where, key, value)
        values[name] = checked
    if "reference" in values:
        # Reference paths in a config file are relative to that file, not to the caller.
        values["reference"] = tuple(str(path.parent / p) for p in values["reference"])
    return Config(**values)


def _check(where: str, key: str, value: Any) -> tuple[str, Any]:
    def choice(options: tuple[str, ...]) -> str:
        if value not in options:
            raise ConfigError(
                f"{where}: '{key}' must be one of {', '.join(options)}, got {value!r}"
            )
        return str(value)

    def strings() -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
        return tuple(items)

    if key == "format":
        return "format", choice(FORMATS)
    if key == "fail-on":
        return "fail_on", choice(FAIL_ON)
    if key in ("reference", "include", "exclude"):
        return key, strings()
    if key == "encoding":
        if not isinstance(value, str):
            raise ConfigError(f"{where}: 'encoding' must be a string")
        return "encoding", value
    if key == "as-of":
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        try:
            return "as_of", dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ConfigError(
                f"{where}: 'as-of' must be a date YYYY-MM-DD, got {value!r}"
            ) from None
    if key == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{where}: 'jobs' must be a whole number of at least 1")
        return "jobs", value
    if key == "tolerance":
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: 'tolerance' must be a table")
        for name, number in value.items():
            if name not in TOLERANCE_KEYS:
                raise ConfigError(
                    f"{where}: unknown key 'tolerance.{name}' (known: eq, approx, nearly)"
                )
            if (
                isinstance(number, bool)
                or not isinstance(number, int | float)
                or not 0 <= number < 1
            ):
                raise ConfigError(f"{where}: 'tolerance.{name}' must be a number from 0 to 1")
        return "tolerance", tuple(sorted((k, float(v)) for k, v in value.items()))
    raise ConfigError(
        f"{where}: unknown key '{key}' (known: as-of, encoding, exclude, fail-on, format, "
        "include, jobs, reference, tolerance)"
    )
