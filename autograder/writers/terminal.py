"""The report a student reads in the terminal."""

from __future__ import annotations

import click

from ..i18n import Text
from ..results import ExerciseResult, GradeRun
from .feedback import LABELS, failure_lines, mistakes_line
from .wrapping import display_width, wrap

Line = tuple[str, str]  # a line of the report, and the indentation its continuations take

PRINTED = Text("your code printed", "你的代码输出了")
SUMMARY = Text(
    "{name}: {points} · {passed} of {total} checks passed",
    "{name}：{points} · {total} 项检查通过 {passed} 项",
)
TOTAL = Text("total: {points}", "总分：{points}")
POINTS = Text("{score:g}/{max_score:g} points", "{score:g}/{max_score:g} 分")
# a student release: its hidden checks' points are not in max_score, and must not look missing
POINTS_CHECKED_HERE = Text(
    "{score:g}/{max_score:g} points ({max_score:g} of {full_score:g} points checked here)",
    "{score:g}/{max_score:g} 分（共 {full_score:g} 分，本地检查其中 {max_score:g} 分）",
)
ALL_PASSED = Text("All checks passed.", "全部检查通过。")
LOCAL_PASSED = Text(
    "All local checks passed; {count} hidden checks will be run when your work is graded.",
    "本地检查全部通过；批改时还会运行 {count} 项隐藏检查。",
)
HIDDEN_LATER = Text(
    "{count} hidden checks will be run when your work is graded.", "批改时还会运行 {count} 项隐藏检查。"
)


ISOLATION = Text("isolation: {name}", "隔离：{name}")


def render(run: GradeRun, lang: str, *, unicode: bool = True, width: int | None = None) -> str:
    """The report; ``width``: the terminal's columns, to wrap its lines to (None: unwrapped)."""
    parts = [render_exercise(e, lang, unicode=unicode, width=width) for e in run.exercises]
    if len(run.exercises) > 1:
        parts.append(click.style(TOTAL(lang).format(points=points_text(run, lang)), bold=True))
    parts.append(render_isolation(run.isolation, lang))
    return "\n\n".join(parts) + "\n"


def render_isolation(name: str, lang: str) -> str:
    """A quiet line naming the tier; a loud one where the grader's files are not protected."""
    from ..isolation.tiers import TIERS

    tier = TIERS.get(name)
    if tier is None or tier.protects_grader_files:
        return click.style(ISOLATION(lang).format(name=name), dim=True)
    return click.style(f"{ISOLATION(lang).format(name=name)} — {tier.summary(lang)}", fg="yellow", bold=True)


def render_exercise(
    result: ExerciseResult, lang: str, *, unicode: bool = True, width: int | None = None
) -> str:
    ok, bad = ("✓", "✗") if unicode else ("PASS", "FAIL")
    lines: list[Line] = [(click.style(f"{result.exercise} · {result.title(lang)}", bold=True), "  ")]
    if result.load_error is not None:
        lines += _indented(failure_lines(result.load_error, lang), "  ", "red")
    column = max((display_width(c.title(lang)) for c in result.checks), default=0) + 2
    for check in result.checks:
        mark = click.style(ok, fg="green") if check.passed else click.style(bad, fg="red")
        title = check.title(lang)
        hidden = f" ({LABELS['hidden'](lang)})" if check.hidden else ""
        points = f"{check.points:g}/{check.max_points:g}"
        line = f"  {mark} {title}{' ' * max(column - display_width(title), 1)}{points}{hidden}"
        if width is not None and display_width(line) > width:  # no room to line the points up
            line = f"  {mark} {title}  {points}{hidden}"
        lines.append((line, "    "))
        if check.failure is not None and result.load_error is None:
            lines += _indented(failure_lines(check.failure, lang), "      ", None)
    if result.printed:
        lines.append((click.style(f"  {PRINTED(lang)}:", dim=True), "    "))
        lines += [("    " + line, "    ") for line in result.printed.splitlines()[:20]]
    passed = sum(c.passed for c in result.checks)
    summary = SUMMARY(lang).format(
        name=result.exercise, points=points_text(result, lang), passed=passed, total=len(result.checks)
    )
    colour = "green" if result.passed else "yellow"
    lines.append((click.style(summary, fg=colour, bold=True), "  "))
    mistakes = mistakes_line(result, lang)
    if mistakes is not None:
        lines.append((click.style(mistakes, fg=colour), "  "))
    if result.hidden_not_run:
        closing = LOCAL_PASSED if result.passed else HIDDEN_LATER
        lines.append((closing(lang).format(count=result.hidden_not_run), "  "))
    elif result.passed:
        lines.append((ALL_PASSED(lang), "  "))
    if width is None:
        return "\n".join(text for text, _ in lines)
    return "\n".join(part for text, indent in lines for part in wrap(text, width, indent))


def points_text(result: ExerciseResult | GradeRun, lang: str) -> str:
    """The score out of what was checked, saying how much a student release leaves to the teacher."""
    shown = POINTS_CHECKED_HERE if result.full_score > result.max_score else POINTS
    return shown(lang).format(score=result.score, max_score=result.max_score, full_score=result.full_score)


def _indented(pairs: list[tuple[str, str]], indent: str, colour: str | None) -> list[Line]:
    out = []
    label_width = max((display_width(label) for label, _ in pairs), default=0)
    under_label = indent + " " * (label_width + 2)
    for label, text in pairs:
        if not label:
            out.append((indent + click.style(text, fg=colour) if colour else indent + text, indent))
            continue
        first, *rest = text.splitlines() or [""]
        padded = label + " " * (label_width - display_width(label))
        out.append((f"{indent}{click.style(padded, dim=True)}  {first}", under_label))
        out += [(f"{under_label}{line}", under_label) for line in rest]
    return out
