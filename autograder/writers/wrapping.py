"""Report lines wrapped to a terminal's width, as readers of Chinese and of English expect:
a Chinese line may break between any two characters, an English one at spaces; a number, a
word or an array's entry is never cut; no line starts with a closing mark (。，：；）.,;:)
nor ends with an opening one (（「(); a continued line keeps the indentation it is given.
Colours (ANSI escapes) take no columns."""

from __future__ import annotations

import re
import unicodedata

CLOSING = set("。，、：；！？）」』】》〉…,.;:!?)]}%")
OPENING = set("（「『【《〈([{")
CLOSING_BRACKETS = set("）」』】》〉)]}")
SHORT_ASIDE = 14  # columns: an aside this short is not broken
_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
_PIECE = re.compile(r"\x1b\[[0-9;]*m|\s+|[^\s\x1b]")


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two, escapes none."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in _ESCAPE.sub("", text))


def wrap(line: str, width: int, indent: str) -> list[str]:
    """``line`` cut into lines of at most ``width`` columns where its units allow, each after
    the first starting with ``indent``. A unit too wide for a line of its own (a call's text)
    is cut after its ``=`` and ``,`` and before its brackets; one still too wide stays whole."""
    if display_width(line) <= width:
        return [line]
    lead = re.match(r"(?:\x1b\[[0-9;]*m)*[ ]*", line)
    start = lead.end() if lead else 0
    lines, current = [], line[:start]
    space = ""  # what stood before the next unit: kept within a line, dropped at a break
    for unit in _units(line[start:]):
        if unit.isspace():
            space = unit
            continue
        pieces = _code_pieces(unit) if display_width(indent + unit) > width else [unit]
        for piece in pieces:
            candidate = current + space + piece
            if display_width(candidate) <= width or not current.strip():
                current = candidate
            else:
                lines.append(current)
                current = indent + piece
            space = ""
    lines.append(current)
    return lines


def _code_pieces(unit: str) -> list[str]:
    """A long run without spaces (``f(probs=array([[0.42,``) cut where code may be: after
    ``=`` and ``,``, before an opening bracket; never inside a name or a number."""
    return [piece for piece in re.split(r"(?<=[=,])|(?=[(\[{])", unit) if piece]


def _units(text: str) -> list[str]:
    """What a line may break between: runs of spaces, single wide characters, and runs of
    anything else (words, numbers, an array's entries), each with the closing marks after it
    and the opening marks and escapes before it."""
    units: list[str] = []
    glue_next = ""  # escapes and opening marks wait for what follows them
    for piece in _PIECE.findall(text):
        if piece.startswith("\x1b") or piece in OPENING:
            glue_next += piece
        elif piece.isspace():
            units.append(glue_next + piece if glue_next else piece)
            glue_next = ""
        elif piece in CLOSING and units and not units[-1].isspace():
            units[-1] += glue_next + piece
            glue_next = ""
        elif piece in CLOSING and len(units) > 1:  # "0. ," as numpy prints it: one unit
            space = units.pop()
            units[-1] += space + glue_next + piece
            glue_next = ""
        elif _wide(piece) or not units or units[-1].isspace() or _wide(units[-1][-1]):
            units.append(glue_next + piece)
            glue_next = ""
        else:
            units[-1] += glue_next + piece  # a word goes on
            glue_next = ""
    if glue_next:
        units.append(glue_next)
    return _short_brackets_whole(units)


def _short_brackets_whole(units: list[str]) -> list[str]:
    """A short bracketed aside (``(隐藏检查)``, ``(hidden check)``) kept on one line."""
    merged: list[str] = []
    index = 0
    while index < len(units):
        end = _aside_end(units, index)
        merged.append("".join(units[index:end]))
        index = end
    return merged


def _aside_end(units: list[str], start: int) -> int:
    """Where a short aside opening at ``units[start]`` ends (start + 1 for any other unit)."""
    if _ESCAPE.sub("", units[start])[:1] not in OPENING:
        return start + 1
    width = 0
    for end in range(start, len(units)):
        width += display_width(units[end])
        if width > SHORT_ASIDE:
            break
        if _ESCAPE.sub("", units[end]).rstrip()[-1:] in CLOSING_BRACKETS:
            return end + 1
    return start + 1


def _wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in "WF"
