"""Values crossing the worker boundary: JSON trees whose arrays are .npy blobs.

Only bool, int and float arrays cross, loaded with allow_pickle=False after
their header has been checked, so a crafted blob never makes the reader
allocate more than the bytes it actually sent.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

try:
    from .frames import MAX_DEPTH, ProtocolError
except ImportError:  # inside the worker, which imports this folder's files as top-level modules
    from frames import MAX_DEPTH, ProtocolError  # type: ignore[no-redef]

ALLOWED_KINDS = "biuf"
MAX_NESTING = (MAX_DEPTH - 4) // 2  # lists, tuples and dicts within each other: their JSON fits a header


class Unsupported:
    """Stands for a value that cannot cross the boundary as plain data."""

    def __init__(self, type_name: str, reason: str = "") -> None:
        self.type_name = type_name
        self.reason = reason

    def __repr__(self) -> str:
        return f"<{self.type_name} object{': ' + self.reason if self.reason else ''}>"


class Probe:
    """A callable named by the grader and handed to the student's code (a function of the
    exercise's probes module); its calls come back to the grader, where it runs."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


class Made:
    """An argument made in the worker by the exercise's converters module (an object to draw
    on, say): what cannot cross the boundary as plain data. ``shown`` is how a report names it."""

    def __init__(self, name: str, shown: str = "") -> None:
        self.name = name
        self.shown = shown or name

    def __repr__(self) -> str:
        return self.shown


def encode(value: object, blobs: list[bytes], nesting: int = 0) -> object:
    """Turn a value into a JSON tree, appending arrays to ``blobs``; ValueError for
    containers nested more than MAX_NESTING deep."""
    if value is None or isinstance(value, (bool, str)):
        return value if type(value) in (bool, str) or value is None else str(value)
    if isinstance(value, int):
        value = int(value)
        return value if abs(value) < 2**63 else {"bigint": str(value)[:400]}
    if isinstance(value, float):
        value = float(value)
        return value if math.isfinite(value) else {"float": repr(value)}
    if isinstance(value, np.generic):
        return {"scalar": _add_blob(np.asarray(value), blobs)}
    if isinstance(value, np.ndarray):
        return {"array": _add_blob(value, blobs)}
    if isinstance(value, (list, tuple, dict)) and nesting >= MAX_NESTING:
        raise ValueError(f"lists, tuples or dicts nested more than {MAX_NESTING} deep")
    if isinstance(value, (list, tuple)):
        kind = "tuple" if isinstance(value, tuple) else "list"
        return {kind: [encode(v, blobs, nesting + 1) for v in list(value)]}
    if isinstance(value, dict) and all(type(k) is str for k in value):
        return {"dict": {k: encode(v, blobs, nesting + 1) for k, v in dict(value).items()}}
    if isinstance(value, Probe):
        return {"probe": value.name}
    if isinstance(value, Made):
        return {"made": value.name}
    if isinstance(value, Unsupported):
        return {"unsupported": value.type_name, "reason": value.reason}
    return {"unsupported": type(value).__name__, "reason": ""}


def _add_blob(array: np.ndarray, blobs: list[bytes]) -> object:
    array = np.array(array, subok=False, copy=True, order="C")
    if array.dtype.kind not in ALLOWED_KINDS or array.dtype.names is not None:
        return {"unsupported": f"{array.dtype} array", "reason": ""}
    blobs.append(_npy_header(array.dtype, array.shape) + array.tobytes())  # as np.save writes it
    return len(blobs) - 1


@lru_cache(maxsize=64)
def _npy_header(dtype: np.dtype, shape: tuple[int, ...]) -> bytes:
    """The .npy header of a C-ordered array (np.array(copy=True) is one, 0-d kept): made once
    for the few dtypes and shapes of a grading's calls."""
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": np.lib.format.dtype_to_descr(dtype), "fortran_order": False, "shape": shape}
    )
    return buffer.getvalue()


def decode(tree: object, arrays: list[np.ndarray], resolve_probe=None, make=None) -> object:
    """Inverse of :func:`encode`; ``arrays`` are the frame's blobs, already loaded.
    ``resolve_probe`` and ``make`` (worker side only) give the objects standing for a
    Probe and a Made argument; without them such a value is a protocol error."""
    if tree is None or type(tree) in (bool, int, float, str):
        return tree
    if not isinstance(tree, dict) or len(tree) not in (1, 2):
        raise ProtocolError("malformed value tree")
    if "array" in tree or "scalar" in tree:
        ref = tree.get("array", tree.get("scalar"))
        if isinstance(ref, dict):
            return decode(ref, arrays, resolve_probe, make)
        if type(ref) is not int or not 0 <= ref < len(arrays):
            raise ProtocolError("bad array reference")
        array = arrays[ref]
        if "scalar" in tree:
            if array.shape != ():
                raise ProtocolError("scalar with a shape")
            return array[()]
        return array
    if "list" in tree or "tuple" in tree:
        items = tree.get("list", tree.get("tuple"))
        if not isinstance(items, list):
            raise ProtocolError("malformed sequence")
        values = [decode(v, arrays, resolve_probe, make) for v in items]
        return values if "list" in tree else tuple(values)
    if "dict" in tree:
        if not isinstance(tree["dict"], dict):
            raise ProtocolError("malformed dict")
        return {str(k): decode(v, arrays, resolve_probe, make) for k, v in tree["dict"].items()}
    if "float" in tree:
        if tree["float"] not in ("nan", "inf", "-inf"):
            raise ProtocolError("bad float")
        return float(tree["float"])
    if "bigint" in tree:
        return int(str(tree["bigint"])[:400])
    if "probe" in tree:
        if resolve_probe is None:
            raise ProtocolError("probe where none is allowed")
        return resolve_probe(str(tree["probe"]))
    if "made" in tree:
        if make is None:
            raise ProtocolError("made argument where none is allowed")
        return make(str(tree["made"]))
    if "unsupported" in tree:
        return Unsupported(str(tree["unsupported"])[:200], str(tree.get("reason", ""))[:500])
    raise ProtocolError("unknown value kind")


def load_blob(blob: bytes) -> np.ndarray:
    """Load one .npy blob after checking its header: plain dtypes, sizes that add up."""
    size = _HEADER_SIZES.get(blob[6:8]) if blob[:6] == _MAGIC else None
    if size is None:
        raise ProtocolError("not a .npy blob of version 1 or 2")
    start = 8 + size + int.from_bytes(blob[8 : 8 + size], "little")
    shape, fortran, dtype = _header(blob[:start])
    count = math.prod(shape)
    if count * dtype.itemsize != len(blob) - start:
        raise ProtocolError("array size does not match its header")
    data = np.frombuffer(blob, dtype=dtype, count=count, offset=start)
    return data.reshape(shape, order="F" if fortran else "C").copy()


_MAGIC = b"\x93NUMPY"
_HEADER_SIZES = {b"\x01\x00": 2, b"\x02\x00": 4}  # .npy version -> bytes of its header length


@lru_cache(maxsize=64)
def _header(prefix: bytes) -> tuple[tuple[int, ...], bool, np.dtype]:
    """A .npy header checked (the blobs of a grading repeat a few headers: each is parsed once)."""
    stream = io.BytesIO(prefix)
    try:
        version = np.lib.format.read_magic(stream)
        read = (
            np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        )
        shape, fortran, dtype = read(stream)
    except ValueError as exc:
        raise ProtocolError(f"bad .npy header: {exc}") from None
    if stream.tell() != len(prefix):
        raise ProtocolError("bad .npy header length")
    if dtype.kind not in ALLOWED_KINDS or dtype.hasobject or dtype.names is not None:
        raise ProtocolError(f"dtype {dtype} not allowed")
    if len(shape) > 32 or any(type(n) is not int or n < 0 for n in shape):
        raise ProtocolError("bad shape")
    return shape, fortran, dtype


def map_leaves(value: Any, leaf: Callable[[Any], Any]) -> Any:
    """``value`` with each item inside its lists, tuples and dicts (and ``value`` itself when
    it is none of those) replaced by ``leaf(item)``: the one walk over call arguments."""
    if isinstance(value, list):
        return [map_leaves(v, leaf) for v in value]
    if isinstance(value, tuple):
        return tuple(map_leaves(v, leaf) for v in value)
    if isinstance(value, dict):
        return {k: map_leaves(v, leaf) for k, v in value.items()}
    return leaf(value)


def copy_tree(value: Any) -> Any:
    """A copy of call arguments: each array copied, each immutable leaf kept, anything else
    deep-copied (faster than deepcopy of the whole, for the many small calls of a check)."""
    import copy

    def leaf(item: Any) -> Any:
        if isinstance(item, np.ndarray):
            return item.copy()
        if item is None or isinstance(item, (bool, int, float, str, np.generic, Probe, Made)):
            return item
        return copy.deepcopy(item)

    return map_leaves(value, leaf)
