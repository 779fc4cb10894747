"""Frozen slotted dataclasses, built without their ``__init__``'s per-field calls.

A frozen dataclass's ``__init__`` stores each field through ``object.__setattr__``, one call
a field: a Reading (nine fields) cost ~3.5 µs to build that way on the project's machine,
and ~0.6 µs with plain stores. The extractors build several such objects for every number
(core, quantity, reading, mention), which made them ~5% of the pipeline.

``builder(cls)`` is a function that takes ``cls``'s fields as ``cls`` does (same order,
same defaults), stores them in a plain twin of the class with the same slots, then sets the
object's class to ``cls``: the same layout, so the result is a ``cls`` like any other
(equal, hashed, printed, pickled and frozen as one built by ``cls(...)``).

A class compiled by mypyc (a native class: see ``hatch_build.py``) cannot take a twin's
place, and its dataclass ``__init__`` is still interpreted Python calling
``object.__setattr__`` a field (~11k instructions a claim). Its module then gives ``builder``
a ``native`` function, compiled with it, that takes the same arguments and stores each
field directly (``obj.field = value`` in compiled code is a C store, past the frozen
``__setattr__``; interpreted, the same line raises, so only a native class gets it). Without
one, ``builder`` returns ``cls`` itself and ``replacer`` ``dataclasses.replace``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def builder(cls: Callable[P, T], native: Callable[P, T] | None = None) -> Callable[P, T]:
    """A faster ``cls(...)`` for a frozen, slotted dataclass whose fields all go to
    ``__init__`` and whose defaults are plain values (no factories, no ``__post_init__``).
    ``native``: the function to build a native ``cls`` with (see above), used only then."""
    assert isinstance(cls, type) and dataclasses.is_dataclass(cls)
    if is_native(cls):
        return cls if native is None else native  # type: ignore[return-value]
    params = getattr(cls, "__dataclass_params__", None)
    assert params is not None and params.frozen and "__slots__" in vars(cls)
    assert not hasattr(cls, "__post_init__")
    fields = dataclasses.fields(cls)
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    signature: list[str] = []
    for field in fields:
        assert field.init and field.default_factory is dataclasses.MISSING
        if field.default is dataclasses.MISSING:
            signature.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            signature.append(f"{field.name}=_default_{field.name}")
    twin = type(f"_{cls.__name__}Slots", (), {"__slots__": vars(cls)["__slots__"]})
    namespace["_twin"] = twin
    stores = "".join(f"    built.{field.name} = {field.name}\n" for field in fields)
    source = (
        f"def build({', '.join(signature)}):\n"
        "    built = _new(_twin)\n"
        f"{stores}"
        "    built.__class__ = _cls\n"
        "    return built\n"
    )
    exec(source, namespace)  # as dataclasses writes __init__: one function, no loop a call
    build: Callable[P, T] = namespace["build"]
    build.__qualname__ = build.__name__ = f"build_{cls.__name__}"
    build.__doc__ = f"``{cls.__name__}(...)``, built as recheck.frozen.builder builds it."
    return build


def replacer(cls: type[T], native: Callable[..., T] | None = None) -> Callable[..., T]:
    """A faster ``dataclasses.replace`` for instances of ``cls`` (as ``builder`` requires it):
    ``replacer(cls)(obj, **changes)``, the changes by keyword. ``native``: as for
    ``builder``."""
    if is_native(cls) and native is None:
        return _replace
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    build = builder(cls, native)
    namespace: dict[str, Any] = {"_build": build, "_keep": _KEEP}
    keywords = ", ".join(f"{field.name}=_keep" for field in fields)
    values = ", ".join(
        f"obj.{field.name} if {field.name} is _keep else {field.name}" for field in fields
    )
    exec(f"def replace(obj, *, {keywords}):\n    return _build({values})\n", namespace)
    replace: Callable[..., T] = namespace["replace"]
    replace.__qualname__ = replace.__name__ = f"replace_{cls.__name__}"
    return replace


def is_native(cls: type) -> bool:
    """Whether ``cls`` was compiled by mypyc: its instances have no ``__dict__`` and no
    ``__slots__`` either, and a twin's ``__class__`` cannot be swapped for it."""
    return "__mypyc_attrs__" in vars(cls)


def fields_reduce(obj: Any) -> tuple[Any, ...]:
    """``obj.__reduce__()`` for a frozen dataclass whose fields all go to ``__init__``, in
    order: pickled as its class and field values, rebuilt by its constructor. A native class
    needs it: mypyc's own pickled state is restored field by field through the frozen
    ``__setattr__``, which refuses it."""
    return type(obj), tuple(getattr(obj, field.name) for field in dataclasses.fields(obj))


def _replace(obj: T, **changes: Any) -> T:
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


_KEEP = object()  # a field not given to a replacer: kept from the object
