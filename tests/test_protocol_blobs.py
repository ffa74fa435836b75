"""Arrays on the wire: .npy blobs exactly as np.save writes them, and forged blobs refused.

The worker writes blobs and the grader reads them with headers made or checked once per
dtype and shape; a blob the student's code forged is a protocol error whatever its header
says, however often a header repeats.
"""

import io

import numpy as np
import pytest

from autograder.worker.frames import ProtocolError
from autograder.worker.values import encode, load_blob

ARRAYS = {
    "float64": np.arange(6.0),
    "float32 2-D": np.arange(12, dtype=np.float32).reshape(3, 4),
    "0-d": np.asarray(3),
    "Fortran order": np.asfortranarray(np.arange(6.0).reshape(2, 3)),
    "transposed view": np.arange(12).reshape(3, 4).T,
    "bool": np.array([True, False]),
    "big-endian int": np.arange(3, dtype=">i4"),
    "empty": np.zeros((0, 3)),
    "uint8 scalar": np.uint8(7),
}


def blob_of(value) -> bytes:
    blobs: list[bytes] = []
    encode(value, blobs)
    (blob,) = blobs
    return blob


def saved(array) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.array(array, copy=True, order="C"), allow_pickle=False)
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(ARRAYS))
def test_blobs_are_what_np_save_writes_and_load_back(name):
    array = ARRAYS[name]
    for _ in range(2):  # the second time from the remembered header
        blob = blob_of(array)
        assert blob == saved(array)
        loaded = load_blob(blob)
        assert loaded.dtype == np.asarray(array).dtype and loaded.shape == np.shape(array)
        assert np.array_equal(loaded, array)


GOOD = saved(np.arange(6.0))


def header(text: str, version: bytes = b"\x01\x00") -> bytes:
    body = text.encode("latin1")
    size = len(body).to_bytes(2 if version == b"\x01\x00" else 4, "little")
    return b"\x93NUMPY" + version + size + body


FORGED = {
    "not npy": b"PK\x03\x04" + GOOD[4:],
    "version 3": GOOD[:6] + b"\x03\x00" + GOOD[8:],
    "header longer than the blob": GOOD[:8] + b"\xff\xff" + GOOD[10:40],
    "truncated": GOOD[:9],
    "object dtype": header("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }\n") + bytes(16),
    "structured dtype": header("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }\n")
    + bytes(8),
    "complex dtype": header("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }\n") + bytes(16),
    "fewer bytes than its shape": GOOD[:-8],
    "more bytes than its shape": GOOD + bytes(8),
    "negative shape": header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }\n"),
    "huge shape, no data": header("{'descr': '<f8', 'fortran_order': False, 'shape': (10**12, 10**12), }\n"),
    "not a dict": header("[1, 2, 3]\n") + bytes(8),
    "code in the header": header("__import__('os').getpid()\n"),
    "version 2, bad length": header(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", b"\x02\x00"
    )[:12],
}


@pytest.mark.parametrize("name", sorted(FORGED))
def test_forged_blobs_are_protocol_errors(name):
    for _ in range(2):  # a bad header is never remembered as good
        with pytest.raises(ProtocolError):
            load_blob(FORGED[name])
