"""The words of one failure, shared by every writer that shows text to a student."""

from __future__ import annotations

from ..i18n import Text
from ..results import CheckResult, ExerciseResult, Failure

LABELS = {
    "call": Text("call", "调用"),
    "expected": Text("expected", "期望"),
    "received": Text("received", "实际"),
    "mistake": Text("likely mistake", "可能的错误"),
    "hint": Text("hint", "提示"),
    "traceback": Text("your code raised", "你的代码抛出"),
    "hidden": Text("hidden check", "隐藏检查"),
}


def failure_lines(failure: Failure, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs, label empty for the summary, in reading order."""
    lines = [("", failure.summary(lang))]
    for key, value in (
        ("call", failure.call),
        ("expected", failure.expected),
        ("received", failure.received),
    ):
        if value is not None:
            lines.append((LABELS[key](lang), value(lang) if isinstance(value, Text) else value))
    for diagnosis in failure.diagnoses:
        lines.append((LABELS["mistake"](lang), f"[{diagnosis.id}] {diagnosis.title(lang)}"))
        lines.append((LABELS["hint"](lang), diagnosis.hint(lang)))
    if failure.traceback:
        lines.append((LABELS["traceback"](lang), failure.traceback))
    return lines


MISTAKE_FOUND = Text("likely mistake: {ids}", "可能的错误：{ids}")
MISTAKES_FOUND = Text("likely mistakes: {ids}", "可能的错误：{ids}")


def mistakes_line(result: ExerciseResult, lang: str) -> str | None:
    """The known mistakes of an exercise, each named once however many checks showed it."""
    if not result.mistakes:
        return None
    shown = MISTAKE_FOUND if len(result.mistakes) == 1 else MISTAKES_FOUND
    return shown(lang).format(ids=", ".join(f"[{d.id}]" for d in result.mistakes))


def failure_text(failure: Failure, lang: str) -> str:
    return "\n".join(f"{label}: {text}" if label else text for label, text in failure_lines(failure, lang))


def check_output(exercise: ExerciseResult, check: CheckResult, lang: str) -> str:
    """What one check says: passed, why it failed, or why the exercise could not be loaded."""
    if check.failure is None:
        return Text("Passed.", "通过。")(lang)
    return failure_text(exercise.load_error or check.failure, lang)
