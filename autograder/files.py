"""Writing a file so that no reader ever finds half of it: a temporary file beside it, then
renamed over it (atomic on POSIX and Windows)."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """``path`` holds ``text`` (UTF-8) whole, or keeps what it held before; folders are made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
