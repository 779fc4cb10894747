"""recheck.frozen: builders and replacers give what the frozen dataclass itself gives."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.build import COMPILED_MODULES
from recheck.frozen import builder, fields_reduce, is_native, replacer
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


def _native_builders() -> list[tuple[type, Any, Any]]:
    """(class, its module's native store function, what its module builds it with)."""
    from recheck import claims
    from recheck.documents import sentences
    from recheck.numbers import english, mention, reading

    return [
        (claims.Claim, claims._claim_stored, claims._new_claim),
        (claims.Key, claims._key_stored, claims._new_key),
        (reading.Reading, reading._reading_stored, reading.new_reading),
        (mention.Mention, mention._mention_stored, reading._new_mention),
        (english._Core, english._core_stored, english._new_core),
        (english._Quantity, english._quantity_stored, english._new_quantity),
        (sentences.Sentence, sentences._sentence_stored, sentences._new_sentence),
    ]


def _annotations(cls: type) -> dict[str, str]:
    """``cls``'s field annotations as written: compiled, its fields' types are evaluated
    and lose their unions (``str | None`` is ``type``), so they are read from its source."""
    module = importlib.import_module(cls.__module__)
    path = Path(str(module.__file__))  # the .py file beside a compiled module, or itself
    source = path.with_name(path.name.split(".")[0] + ".py").read_text(encoding="utf-8")
    node = next(
        n
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.ClassDef) and n.name == cls.__name__
    )
    return {
        item.target.id: ast.unparse(item.annotation)
        for item in node.body
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
    }


def _sample(annotation: str, index: int) -> object:
    base = annotation.removesuffix(" | None")
    return {"str": f"v{index}", "int": index, "float": index + 0.5, "bool": True}[base]


@pytest.mark.parametrize("cls, stored, built", _native_builders(), ids=lambda x: str(x)[:30])
def test_native_store_functions_build_what_the_class_builds(
    cls: type, stored: Any, built: Any
) -> None:
    fields = dataclasses.fields(cls)
    annotations = _annotations(cls)
    values = [_sample(annotations[field.name], index) for index, field in enumerate(fields)]
    required = [v for v, f in zip(values, fields, strict=True) if f.default is dataclasses.MISSING]
    if is_native(cls):  # compiled: the module builds with its store function, which works
        assert built is stored
        for args in (values, required):
            made = stored(*args)
            assert type(made) is cls
            assert made == cls(*args)
            assert dataclasses.astuple(made) == dataclasses.astuple(cls(*args))
            if not cls.__name__.startswith("_"):  # private ones are never pickled
                assert pickle.loads(pickle.dumps(made)) == made
            with pytest.raises(dataclasses.FrozenInstanceError):
                made.start = 1
    else:  # interpreted, it is never called (its stores would raise): its signature is cls's
        assert built is not stored
        assert list(inspect.signature(stored).parameters.values()) == list(
            inspect.signature(cls).parameters.values()
        )
