"""Arrow-backed text in the loader: cleaned without a Python object per cell.

Private to the loader's room. pandas backs its ``str`` dtype with pyarrow when
pyarrow is installed (an optional dependency): then the cells are one buffer of
UTF-8 bytes and one of offsets, and a few numpy passes over those bytes find the
few cells that need Python. Without pyarrow every function here says so (None)
and the callers take their plain pandas path; both give the same result.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped]

__all__: list[str] = []


def _arrow() -> tuple[ModuleType, ModuleType]:
    """pyarrow and pyarrow.compute, imported when a column is Arrow-backed."""
    import pyarrow as pa
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    return pa, pc


def arrow_text(values: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow data of a pyarrow-backed string column (no copy), else None."""
    dtype = values.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        # The Arrow protocol of pandas' arrays: the ChunkedArray itself, not a copy.
        return cast("pa.ChunkedArray", values.array.__arrow_array__())
    return None


def text_series(cells: np.ndarray, like: pd.Series) -> pd.Series | None:
    """An object array of strings and missing cells as an Arrow-backed ``str`` Series
    (index and name of ``like``); None when ``str`` is Python-backed or a cell is no str.

    The cells go to pyarrow in one call, which also finds the missing ones:
    pandas' own conversion checks every cell first, and ``pd.isna`` looks at
    each again (at 1M rows, ~0.08 s a column instead of ~0.14 s).
    """
    dtype = pd.api.types.pandas_dtype("str")
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    if pd.api.types.infer_dtype(cells, skipna=True) != "string":  # C-level check
        return None
    pa, _ = _arrow()
    try:
        arrow = pa.array(cells, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a missing value pyarrow does not know
        return None
    return pd.Series(pd.array(arrow, dtype=dtype), index=like.index, name=like.name)


def _layout(chunk: pa.Array) -> tuple[np.ndarray, np.ndarray] | None:
    """The offsets (n + 1) and the UTF-8 bytes of a string array; None for another layout."""
    pa, _ = _arrow()
    width = {pa.large_string(): np.int64, pa.string(): np.int32}.get(chunk.type)
    if width is None or len(chunk) == 0:
        return None
    buffers = chunk.buffers()
    n = len(chunk)
    offsets = np.frombuffer(buffers[1], dtype=width)[chunk.offset : chunk.offset + n + 1]
    data = (
        np.frombuffer(buffers[2], dtype=np.uint8)
        if buffers[2] is not None
        else np.zeros(0, dtype=np.uint8)
    )
    return offsets.astype(np.int64, copy=False), data


#: Python's whitespace (``str.split``/``str.strip``) in UTF-8, for the byte tests of
#: :func:`_dirty`: the ASCII ones, and the first and last bytes of the others.
_SPACES = [c.encode() for c in map(chr, range(0x3001)) if c.isspace()]
_ASCII_SPACE = np.zeros(256, dtype=bool)
_ASCII_SPACE[[b[0] for b in _SPACES if len(b) == 1]] = True
_LEAD = np.zeros(256, dtype=bool)  # a first byte that may start a wider whitespace
_LEAD[[b[0] for b in _SPACES if len(b) > 1]] = True
_TAIL = np.zeros(256, dtype=bool)  # a last byte that may end one
_TAIL[[b[-1] for b in _SPACES if len(b) > 1]] = True
_WIDE2 = np.array([b[0] << 8 | b[1] for b in _SPACES if len(b) == 2], dtype=np.int64)
_WIDE3 = np.array([b[0] << 16 | b[1] << 8 | b[2] for b in _SPACES if len(b) == 3], dtype=np.int64)
#: Bytes that may need a closer look when inner whitespace is collapsed: control
#: characters and the first bytes of wider whitespace (a plain space only in pairs).
_ODD = (np.arange(256) < 32) | _LEAD


def _dirty(chunk: pa.Array, *, collapse: bool) -> np.ndarray:
    """Cells of an Arrow string array the cleaning may change (empty, or whitespace
    to strip or collapse): a few numpy passes over its bytes, not a call per cell.

    Errs towards True (a cell flagged is cleaned in Python, which decides).
    """
    layout = _layout(chunk)
    if layout is None:
        return np.ones(len(chunk), dtype=bool)  # another layout: let Python look
    offsets, data = layout
    starts, ends = offsets[:-1], offsets[1:]
    dirty = starts >= ends  # empty (null cells are dropped by the caller)
    full = np.flatnonzero(~dirty)
    if len(full):
        first, last = data[starts[full]], data[ends[full] - 1]
        edge = _ASCII_SPACE[first] | _LEAD[first] | _ASCII_SPACE[last] | _TAIL[last]
        dirty[full[edge]] = True
    if collapse and len(data):
        base = int(offsets[0])
        used = data[base : offsets[-1]]
        odd = np.flatnonzero(_ODD[used])
        if len(odd):  # control characters are whitespace or not: Python decides
            at = odd[used[odd] < 32]
            wide = odd[used[odd] >= 32]
            if len(wide):  # the two or three bytes there spell a wider whitespace
                two = _byte(used, wide) << 8 | _byte(used, wide + 1)
                three = two << 8 | _byte(used, wide + 2)
                at = np.concatenate([at, wide[np.isin(two, _WIDE2) | np.isin(three, _WIDE3)]])
        else:
            at = odd
        space = used == 32
        pairs = np.flatnonzero(space[1:] & space[:-1])
        at = np.concatenate([at, pairs])
        if len(at):
            cells = np.searchsorted(offsets, at + base, side="right") - 1
            dirty[cells] = True
    return dirty


def _byte(data: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The bytes at positions ``at`` as int64, 0 past the end (only the positions looked
    at are widened, not the whole column)."""
    inside = at < len(data)
    return np.where(inside, data[np.where(inside, at, 0)], 0).astype(np.int64)


_LINK_HINT = r"\(http|\(www\.|\.md\)"


def clean(
    chunked: pa.ChunkedArray, values: pd.Series, *, collapse: bool, look: bool
) -> tuple[pd.Series, np.ndarray, bool]:
    """``_values.clean_text_links`` on Arrow text, without a Python object per cell.

    Replaces a round trip through Python objects (Arrow -> object -> Arrow:
    0.6 s of a 200k-row cohort log's 1.5 s): only the cells :func:`_dirty`
    flags are cleaned in Python. The result is the same as the object path's.
    """
    pa, pc = _arrow()
    chunks = []
    changed = False
    for chunk in chunked.chunks:
        dirty = _dirty(chunk, collapse=collapse) & chunk.is_valid().to_numpy(zero_copy_only=False)
        if dirty.any():
            where = np.flatnonzero(dirty)
            texts = chunk.take(pa.array(where)).to_pylist()
            cleaned = [(" ".join(t.split()) if collapse else t.strip()) or None for t in texts]
            if cleaned != texts:
                chunk = pc.replace_with_mask(
                    chunk, pa.array(dirty), pa.array(cleaned, type=chunk.type)
                )
                changed = True
        chunks.append(chunk)
    if changed:
        chunked = pa.chunked_array(chunks, type=chunked.type)
    if changed or values.dtype != "str":
        series = pd.Series(pd.array(chunked, dtype="str"), index=values.index, name=values.name)
    else:
        series = values
    present = pc.is_valid(chunked).to_numpy(zero_copy_only=False)
    return series, present, look and _has_link(chunked)


def _has_link(chunked: pa.ChunkedArray) -> bool:
    """Whether a cell may hold a relation link: a regex pass only when some cell holds a "("
    (found in the bytes: 0.02 s a column at 1M rows instead of 0.03 s with pyarrow)."""
    _, pc = _arrow()
    paren = False
    for chunk in chunked.chunks:
        layout = _layout(chunk)
        if layout is None:
            paren = True
            break
        offsets, data = layout
        if (data[offsets[0] : offsets[-1]] == ord("(")).any():
            paren = True
            break
    if not paren:
        return False
    return bool(pc.any(pc.match_substring_regex(chunked, _LINK_HINT)).as_py())
