"""One instance per compiled table part in a process, for objects that are immutable once built
(or only memoise) and take a while to build: every reader of that table version shares it."""

from __future__ import annotations

import threading
from typing import Any, Callable, Dict, Tuple, TypeVar

from jazu.tableset import Compiled

T = TypeVar("T")

_instances: Dict[Tuple[Any, int], Tuple[Compiled, Any]] = {}
_lock = threading.Lock()


def shared(factory: Callable[[Compiled], T], compiled: Compiled) -> T:
    """`factory(compiled)`, built once per (factory, compiled object); the compiled object is
    kept with it, so its id cannot be reused by another while the instance lives."""
    key = (factory, id(compiled))
    with _lock:
        found = _instances.get(key)
        if found is None or found[0] is not compiled:
            found = _instances[key] = (compiled, factory(compiled))
        return found[1]  # type: ignore[no-any-return]
