"""The catalogue of known mistakes, from the exercises' own definitions.

A teacher reading ``"diagnosis": ["log10"]`` in a report looks the id up here:
``grade mistakes`` prints it in one language, and ``docs/mistakes.md`` (made by
``grade mistakes --format markdown``) holds it in both. A mistake's title says
what it is, then, after a colon, how it shows in the numbers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .i18n import Text
from .registry import Exercise

REGENERATE = "grade mistakes --format markdown > docs/mistakes.md"
LABELS = {
    "functions": Text("functions", "函数"),
    "what": Text("what it is", "错误内容"),
    "shows": Text("in the numbers", "数值表现"),
    "hint": Text("hint", "提示"),
}


@dataclass(frozen=True)
class Entry:
    """One known mistake of one exercise (an id defined once per function is listed once)."""

    id: str
    functions: tuple[str, ...]
    what: Text
    shows: Text
    hint: Text


def entries(exercise: Exercise) -> list[Entry]:
    merged: dict[tuple, list[str]] = {}
    for mistake in exercise.mistakes():
        functions = merged.setdefault((mistake.id, mistake.title, mistake.hint), [])
        functions.extend(f for f in mistake.functions if f not in functions)
    return [
        Entry(mistake_id, tuple(functions), *_what_and_shows(title), hint)
        for (mistake_id, title, hint), functions in merged.items()
    ]


def _what_and_shows(title: Text) -> tuple[Text, Text]:
    en_what, _, en_shows = title.en.partition(": ")
    zh_what, _, zh_shows = title.zh.partition("：")
    return Text(en_what, zh_what), Text(en_shows, zh_shows)


def render_text(exercises: list[Exercise], lang: str) -> str:
    """The catalogue for the terminal, in one language."""
    width = max(_width(label(lang)) for label in LABELS.values())
    lines = []
    for exercise in exercises:
        lines += [f"{exercise.name}  {exercise.title(lang)}", ""]
        for entry in entries(exercise):
            lines.append(f"  [{entry.id}]")
            fields = {
                "functions": ", ".join(entry.functions),
                "what": entry.what(lang),
                "shows": entry.shows(lang),
                "hint": entry.hint(lang),
            }
            for key, value in fields.items():
                if value:
                    label = LABELS[key](lang)
                    lines.append(f"    {label}{' ' * (width - _width(label))}  {value}")
            lines.append("")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Columns a text takes in a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_markdown(exercises: list[Exercise]) -> str:
    """The catalogue as docs/mistakes.md, in both languages."""
    lines = [
        "# Known mistakes / 已知错误",
        "",
        "The mistakes the grader names in its feedback and in the `diagnosis` of its JSON reports.",
        "报告中（以及 JSON 报告的 `diagnosis` 字段里）评分程序指出的已知错误。",
        "",
        f"Generated from `autograder/checks/exerciseN/mistakes.py` by `{REGENERATE}`; do not edit by hand.",
        "",
    ]
    for exercise in exercises:
        lines += [f"## {exercise.name}: {exercise.title.en} / {exercise.title.zh}", ""]
        for entry in entries(exercise):
            functions = ", ".join(f"`{f}`" for f in entry.functions)
            lines += [
                f"### `{entry.id}`",
                "",
                f"{LABELS['functions'].en} / {LABELS['functions'].zh}: {functions}",
                "",
                "| | English | 中文 |",
                "|---|---|---|",
            ]
            for key, text in (("what", entry.what), ("shows", entry.shows), ("hint", entry.hint)):
                label = f"{LABELS[key].en} / {LABELS[key].zh}"
                lines.append(f"| {label} | {_cell(text.en)} | {_cell(text.zh)} |")
            lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|") if text else "—"
