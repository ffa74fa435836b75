"""Student-controlled text made harmless to show.

Whatever the student's code prints, raises, returns or names could drive a
terminal (clear the screen, hide text, set the window title, write the
clipboard) or reorder what a reader sees (bidi overrides). Every such string
passes through :func:`inert` where it enters the grader, so every writer gets
text whose control and format characters are spelled out as Python escapes.
"""

from __future__ import annotations

import unicodedata
from typing import Any

# Unicode categories shown as escapes: controls (C0, DEL, C1), format characters (bidi
# embeddings, overrides and isolates, zero-width characters), lone surrogates, and the
# line and paragraph separators; newline and tab are kept.
SHOWN_AS_ESCAPES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
KEPT = frozenset("\n\t")


def inert(text: str) -> str:
    """``text`` with every character that is not plain to show written as its escape
    (``\\x1b``, ``\\x9b``, ``\\u202e``); a CR-LF line end becomes a newline."""
    text = text.replace("\r\n", "\n")
    escapes = {
        ord(ch): repr(ch)[1:-1]  # non-printable in each category above: repr escapes it
        for ch in set(text)
        if ch not in KEPT and unicodedata.category(ch) in SHOWN_AS_ESCAPES
    }
    return text.translate(escapes) if escapes else text


def inert_value(value: Any) -> Any:
    """A value decoded from the worker with each string in it (dict keys, the type
    names of unsupported objects) made inert."""
    from .worker.values import Unsupported  # numpy: not before the workers have started

    if isinstance(value, str):
        return inert(value)
    if isinstance(value, list):
        return [inert_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(inert_value(v) for v in value)
    if isinstance(value, dict):
        return {inert(k): inert_value(v) for k, v in value.items()}
    if isinstance(value, Unsupported):
        return Unsupported(inert(value.type_name), inert(value.reason))
    return value
