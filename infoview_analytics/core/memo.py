"""Remember derived arrays between analyses of the same log (private).

A notebook, a report or an advisor's script runs many analyses on one log, and
each starts from the same steps: the outcome of every request, the name keys of
contacts, organisations and fields. On a cohort of a million rows those steps
are a large share of each analysis. :func:`remembered` keeps their results and
hands them back when the *contents* of the input columns are unchanged.

The check is on content, not on object identity, so it cannot be fooled by a
log edited in place (``log.loc[3, "status"] = "declined"``), by a copy, or by a
new array that reuses an old one's memory:

* numbers and dates: the values are kept (a copy) and compared;
* categoricals: the codes (a copy) and the categories;
* text (object arrays, pandas' ``str`` dtype without pyarrow): a copy of the
  array is kept, which holds a reference to every string, and the *addresses*
  of the strings are compared. A held string cannot be freed, so no other
  object can take its address: equal addresses mean the very same, immutable,
  string objects. Comparing addresses costs a few milliseconds per million
  rows, where hashing the text again costs a few hundred.

Anything else (e.g. pyarrow-backed text) is not remembered: the step is simply
computed. The arrays of a result are returned read-only (callers copy before
changing them); a data frame inside a result is copied by its caller on the
way out (the field groups, the referral problems).
The memo holds at most :data:`BUDGET_BYTES` of kept inputs and results, least
recently used first out; :func:`clear` empties it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd

__all__: list[str] = []

T = TypeVar("T")

#: Most bytes of kept inputs and results (about 60 full analyses' worth of
#: steps for a 100,000-row log, the steps of a few analyses for 1,000,000 rows).
BUDGET_BYTES = 512 * 2**20

_lock = threading.Lock()
_entries: OrderedDict[int, _Entry] = OrderedDict()
_next_id = 0
_stats = {"hits": 0, "misses": 0}


@dataclass(frozen=True)
class _Print:
    """What identifies one input column: a view of it (a probe) or a private copy (kept)."""

    kind: str  # "values", "codes" or "text"
    compare: np.ndarray  # what is compared: the values' bits, the codes or the addresses
    holder: np.ndarray | None = None  # text: the array holding the strings
    categories: pd.Index | None = None

    def matches(self, other: _Print) -> bool:
        if self.kind != other.kind or self.compare.shape != other.compare.shape:
            return False
        if self.compare.dtype != other.compare.dtype:
            return False
        if self.categories is not None and not (
            other.categories is not None and self.categories.equals(other.categories)
        ):
            return False
        return bool(np.array_equal(self.compare, other.compare))

    def keep(self) -> _Print:
        """A copy to store: probes are views of the caller's data, which may change."""
        if self.kind == "text":
            # The copy holds a reference to every string: none can be freed and its
            # address reused while the entry lives, so equal addresses mean equal text.
            holder = np.array(self.holder, dtype=object, copy=True)
            return _Print("text", np.frombuffer(holder, dtype=np.intp), holder)
        return _Print(self.kind, self.compare.copy(), None, self.categories)

    @property
    def nbytes(self) -> int:
        return int(self.compare.nbytes)


@dataclass
class _Entry:
    step: str
    params: Hashable
    prints: tuple[_Print, ...]
    result: Any
    nbytes: int


def _probe(values: object) -> _Print | None:
    """A :class:`_Print` viewing a Series or array, or None when it can't be checked cheaply."""
    if isinstance(values, pd.Series | pd.Index):
        values = values.array
    if isinstance(values, pd.Categorical):
        return _Print("codes", values.codes, None, values.categories)
    if isinstance(values, pd.api.extensions.ExtensionArray):
        dtype = values.dtype
        if isinstance(dtype, pd.StringDtype) and dtype.storage == "python":
            return _text_probe(values.to_numpy(dtype=object))  # the same string objects
        if pd.api.types.is_datetime64_dtype(dtype):
            return _value_probe(np.asarray(values.to_numpy()))
        if isinstance(values, pd.arrays.NumpyExtensionArray):
            values = values.to_numpy()
        else:
            return None
    if not isinstance(values, np.ndarray) or values.ndim != 1:
        return None
    if values.dtype == object:
        return _text_probe(values)
    if values.dtype.kind in "biufmM":
        return _value_probe(values)
    return None


def _text_probe(values: np.ndarray) -> _Print:
    values = np.ascontiguousarray(values)
    return _Print("text", np.frombuffer(values, dtype=np.intp), values)


def _value_probe(values: np.ndarray) -> _Print:
    # Bits, not values: NaN and NaT then equal themselves.
    compare = values.view(f"u{values.dtype.itemsize}") if values.dtype.kind in "fmM" else values
    return _Print("values", compare)


def _nbytes(obj: object) -> int:
    if isinstance(obj, np.ndarray):
        return int(obj.nbytes)
    if isinstance(obj, tuple | list):
        return sum(_nbytes(o) for o in obj)
    if isinstance(obj, dict):
        return sum(_nbytes(o) for o in obj.values())
    if isinstance(obj, pd.DataFrame):
        return int(obj.memory_usage(index=False).sum())
    return 64


def _freeze(obj: T) -> T:
    """Mark the arrays in a result read-only, so a caller can't change the kept copy."""
    if isinstance(obj, np.ndarray):
        obj.flags.writeable = False
    elif isinstance(obj, tuple | list):
        for o in obj:
            _freeze(o)
    elif isinstance(obj, dict):
        for o in obj.values():
            _freeze(o)
    return obj


def remembered(
    step: str, inputs: Sequence[object], compute: Callable[[], T], *, params: Hashable = ()
) -> T:
    """``compute()``, or its earlier result for the same ``step``, ``params`` and input contents.

    ``inputs`` are the columns (Series or arrays) the result depends on;
    ``params`` every other argument (hashable). ``compute`` must return arrays,
    or tuples / lists / dicts of them; they come back read-only.

    Examples
    --------
    >>> names = pd.Series(["Ana", "Ben", "Ana"], dtype=object)
    >>> calls = []
    >>> def codes():
    ...     calls.append(1)
    ...     return pd.factorize(names)[0]
    >>> remembered("example", [names], codes).tolist()
    [0, 1, 0]
    >>> remembered("example", [names.copy()], codes).tolist(), len(calls)
    ([0, 1, 0], 1)
    >>> names[1] = "Cy"
    >>> _ = remembered("example", [names], codes); len(calls)
    2
    """
    global _next_id
    prints = [_probe(v) for v in inputs]
    if any(p is None for p in prints):
        return compute()
    with _lock:
        for key, entry in reversed(_entries.items()):
            if (
                entry.step == step
                and entry.params == params
                and len(entry.prints) == len(prints)
                and all(a.matches(b) for a, b in zip(entry.prints, prints, strict=True))
            ):
                _entries.move_to_end(key)
                _stats["hits"] += 1
                return entry.result
    result = _freeze(compute())
    kept = tuple(p.keep() for p in prints if p is not None)
    size = _nbytes(result) + sum(p.nbytes for p in kept)
    if size > BUDGET_BYTES:
        return result
    with _lock:
        _stats["misses"] += 1
        _entries[_next_id] = _Entry(step, params, kept, result, size)
        _next_id += 1
        total = sum(e.nbytes for e in _entries.values())
        while total > BUDGET_BYTES:
            _, oldest = _entries.popitem(last=False)
            total -= oldest.nbytes
    return result


def clear() -> None:
    """Forget every remembered result (frees the memory they hold)."""
    with _lock:
        _entries.clear()
        _stats["hits"] = _stats["misses"] = 0


def stats() -> dict[str, int]:
    """Hits, misses and entries held so far (for tests and benchmarks)."""
    with _lock:
        return {**_stats, "entries": len(_entries)}
