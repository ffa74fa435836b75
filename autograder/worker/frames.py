"""Message framing between the grader and its worker, free of numpy so the
grader can start a worker before it has imported anything heavy.

A message is: 4-byte big-endian length, a JSON header, then the raw blobs
(.npy bytes) whose sizes the header lists under "blobs".
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Callable, Sequence

MAX_HEADER_BYTES = 4 * 1024 * 1024
MAX_BLOB_BYTES = 64 * 1024 * 1024
MAX_BLOBS = 64
MAX_DEPTH = 64  # JSON nesting of a header; the values the worker sends stay below it
READ_SIZE = 1 << 16  # bytes asked of the descriptor at once: a whole small frame in one read


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


def pack(message: dict, blobs: Sequence[bytes] = ()) -> bytes:
    header = dict(message, blobs=[len(b) for b in blobs])
    text = json.dumps(header, allow_nan=True, separators=(",", ":")).encode()
    return struct.pack(">I", len(text)) + text + b"".join(blobs)


def write_message(fd: int, message: dict, blobs: Sequence[bytes] = ()) -> None:
    data = memoryview(pack(message, blobs))
    while data:
        written = os.write(fd, data)
        data = data[written:]


def header_length(prefix: bytes) -> int:
    (length,) = struct.unpack(">I", prefix)
    if length > MAX_HEADER_BYTES:
        raise ProtocolError("header too large")
    return length


def parse_header(raw: bytes) -> tuple[dict, list[int]]:
    try:
        header = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ProtocolError("header is not JSON") from None
    if not isinstance(header, dict):
        raise ProtocolError("header is not an object")
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and deeper_than(header, MAX_DEPTH):
        raise ProtocolError("header nests too deeply")
    sizes = header.pop("blobs", [])
    if (
        not isinstance(sizes, list)
        or len(sizes) > MAX_BLOBS
        or any(type(n) is not int or not 0 <= n <= MAX_BLOB_BYTES for n in sizes)
        or sum(sizes) > MAX_BLOB_BYTES
    ):
        raise ProtocolError("bad blob sizes")
    return header, sizes


def deeper_than(tree: object, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels, found without recursion
    so that whatever reads the header later can recurse safely."""
    todo = [(tree, 1)]
    while todo:
        node, depth = todo.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth >= limit:
                    return True
                todo.append((child, depth + 1))
    return False


class Reader:
    """Frames from a descriptor, read in as few system calls as the sender's writes allow
    (a frame is written at once). ``read_some(n)`` returns between 1 and n bytes, or raises
    (at the end of the stream, or when the wait is over)."""

    def __init__(self, read_some: Callable[[int], bytes]) -> None:
        self._read_some = read_some
        self._buffer = bytearray()

    def message(self) -> tuple[dict, list[bytes]]:
        """The next frame: its header, and its blobs raw."""
        length = header_length(self._exact(4))
        header, sizes = parse_header(self._exact(length))
        return header, [self._exact(n) for n in sizes]

    def _exact(self, count: int) -> bytes:
        while len(self._buffer) < count:
            self._buffer += self._read_some(max(count - len(self._buffer), READ_SIZE))
        data = bytes(self._buffer[:count])
        del self._buffer[:count]
        return data
