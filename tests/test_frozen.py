"""recheck.frozen: builders and replacers give what the frozen dataclass itself gives."""

from __future__ import annotations

import dataclasses
import importlib
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.build import COMPILED_MODULES
from recheck.frozen import builder, fields_reduce, replacer
from recheck.numbers.mention import Mention
from recheck.numbers.reading import Reading, new_reading, replace_reading

maybe_float = st.none() | st.floats(allow_nan=False)
readings = st.tuples(
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.floats(allow_nan=False),
    st.none() | st.sampled_from(["t", "percent", "USD"]),
    st.sampled_from(["eq", "gt", "range"]),
    maybe_float,
    maybe_float,
    st.none() | st.sampled_from(["share", "change"]),
    st.sampled_from([1, -1]),
)


@given(readings, st.integers(0, 9))
def test_builder_gives_what_the_class_gives(values: tuple[object, ...], given_count: int) -> None:
    # Any number of the fields given, the rest from the defaults.
    given_values = values[: max(3, given_count)]
    built = new_reading(*given_values)  # type: ignore[arg-type]
    expected = Reading(*given_values)  # type: ignore[arg-type]
    assert type(built) is Reading
    assert built == expected
    assert hash(built) == hash(expected)
    assert repr(built) == repr(expected)
    assert pickle.loads(pickle.dumps(built)) == expected


@given(readings)
def test_builder_takes_keywords_as_the_class_does(values: tuple[object, ...]) -> None:
    names = [f.name for f in dataclasses.fields(Reading)]
    keywords = dict(zip(names, values, strict=True))
    assert new_reading(**keywords) == Reading(**keywords)  # type: ignore[arg-type]


def test_built_objects_stay_frozen() -> None:
    built = builder(Mention)(0, 3, "70%", 70.0, "percent")
    assert built == Mention(0, 3, "70%", 70.0, "percent")
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 1.0  # type: ignore[misc]


@given(readings, readings, st.sets(st.integers(0, 8)))
def test_replacer_gives_what_dataclasses_replace_gives(
    first: tuple[object, ...], second: tuple[object, ...], changed: set[int]
) -> None:
    reading = Reading(*first)  # type: ignore[arg-type]
    names = [f.name for f in dataclasses.fields(Reading)]
    changes = {names[i]: second[i] for i in changed}
    replaced = replace_reading(reading, **changes)
    assert type(replaced) is Reading
    assert replaced == dataclasses.replace(reading, **changes)  # type: ignore[arg-type]


def test_replacer_refuses_unknown_fields() -> None:
    with pytest.raises(TypeError):
        replace_reading(Reading(0, 1, 1.0), colour="red")


def test_builder_refuses_what_it_cannot_build_alike() -> None:
    @dataclasses.dataclass(slots=True)
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    for cls in (Mutable, Factory, NoSlots):
        with pytest.raises(AssertionError):
            builder(cls)
    with pytest.raises(AssertionError):
        replacer(Factory)


def _public_frozen_dataclasses_of_compiled_modules() -> list[type]:
    found = []
    for module in COMPILED_MODULES:
        loaded = importlib.import_module(
            "recheck." + module.removesuffix("/__init__").replace("/", ".")
        )
        for name, value in sorted(vars(loaded).items()):
            params = getattr(value, "__dataclass_params__", None)
            if (
                isinstance(value, type)
                and value.__module__ == loaded.__name__
                and not name.startswith("_")
                and params is not None
                and params.frozen
            ):
                found.append(value)
    return found


def test_public_frozen_classes_of_compiled_modules_pickle_by_their_fields() -> None:
    # Compiled by mypyc, a frozen dataclass unpickles only through its own __reduce__ (the
    # default restores its fields through the frozen __setattr__): each must define one.
    classes = _public_frozen_dataclasses_of_compiled_modules()
    assert {cls.__name__ for cls in classes} >= {"Claim", "Key", "Sentence", "Document"}
    missing = [cls.__qualname__ for cls in classes if "__reduce__" not in vars(cls)]
    assert missing == []


@given(st.integers(), st.integers(), st.floats(allow_nan=False))
def test_fields_reduce_rebuilds_the_object(start: int, end: int, value: float) -> None:
    reading = Reading(start, end, value, unit="%")
    rebuilt, args = fields_reduce(reading)
    assert rebuilt is Reading
    assert rebuilt(*args) == reading
    assert pickle.loads(pickle.dumps(reading)) == reading
