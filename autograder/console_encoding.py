"""Output that any console can show: a Chinese Windows console or pipe (GBK), a Western one
(cp1252), a C locale (ASCII). What the output's encoding lacks is replaced, never raised:
our own symbols by plain marks (✓ by PASS, − by -, σ by sigma ...), anything else (a
student's emoji, Chinese in a cp1252 console) by its \\u escape. A run asked to speak Chinese
where the console cannot show it speaks English."""

from __future__ import annotations

import codecs
import sys

HANDLER = "grade-plain"
PLAIN = {
    "✓": "PASS",
    "✗": "FAIL",
    "−": "-",
    "–": "-",
    "—": "-",
    "·": "-",
    "…": "...",
    "×": "x",
    "→": "->",
    "←": "<-",
    "≤": "<=",
    "≥": ">=",
    "≠": "!=",
    "≈": "~",
    "±": "+/-",
    "∞": "inf",
    "²": "^2",
    "½": "1/2",
    "σ": "sigma",
    "Σ": "sum",
    "∂": "d",
    "ε": "eps",
    "‖": "||",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    encoding = error.encoding
    out = []
    for character in error.object[error.start : error.end]:
        substitute = PLAIN.get(character)
        if substitute is None or not _encodes(substitute, encoding):
            substitute = character.encode("ascii", "backslashreplace").decode("ascii")
        out.append(substitute)
    return "".join(out), error.end


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def make_output_safe() -> None:
    """Standard output and error replace what their encoding lacks instead of raising."""
    codecs.register_error(HANDLER, _plain)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            try:
                reconfigure(errors=HANDLER)
            except (ValueError, OSError):
                pass


def can_show(text: str) -> bool:
    """Whether standard output's encoding has every character of ``text``."""
    return _encodes(text, getattr(sys.stdout, "encoding", None) or "utf-8")
