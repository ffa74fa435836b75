"""The student's report as one self-contained HTML page: inline CSS and SVG, no script, nothing
fetched (its Content-Security-Policy forbids it too), the same content as the terminal report.
Every text passes through jinja2's autoescaping; the figures are SVG drawn here from numbers."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from ..i18n import Text
from ..results import CheckResult, ExerciseResult, GradeRun
from .feedback import LABELS, failure_lines, mistakes_line
from .terminal import ISOLATION, SUMMARY, TOTAL, points_text

TITLE = Text("Feedback on your exercises", "练习反馈")
FIGURE_CAPTION = Text(
    "Each entry: the expected value (○) and yours (●).", "每个元素：期望值（○）和你的结果（●）。"
)
PRINTED = Text("Your code printed:", "你的代码输出了：")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|[-+]?inf")
MAX_ENTRIES = 200


def render_html(run: GradeRun, lang: str) -> str:
    return _template().render(
        lang=lang,
        title=TITLE(lang),
        total=TOTAL(lang).format(points=points_text(run, lang)),
        exercises=[_exercise(e, lang) for e in run.exercises],
        hidden_label=LABELS["hidden"](lang),
        value_labels={LABELS[k](lang) for k in ("call", "expected", "received", "traceback")},
        figure_caption=FIGURE_CAPTION(lang),
        printed_label=PRINTED(lang),
        isolation=ISOLATION(lang).format(name=run.isolation),
    )


@cache
def _template() -> Any:
    import jinja2  # only where a page is asked for

    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(resources.files(__package__).joinpath("report.html").read_text("utf-8"))


def _exercise(result: ExerciseResult, lang: str) -> dict:
    passed = sum(c.passed for c in result.checks)
    return {
        "heading": f"{result.exercise} · {result.title(lang)}",
        "load_error": failure_lines(result.load_error, lang) if result.load_error else [],
        "checks": [_check(result, c, lang) for c in result.checks],
        "printed": result.printed,
        "passed": result.passed,
        "summary": SUMMARY(lang).format(
            name=result.exercise, points=points_text(result, lang), passed=passed, total=len(result.checks)
        ),
        "mistakes": mistakes_line(result, lang),
    }


def _check(result: ExerciseResult, check: CheckResult, lang: str) -> dict:
    lines: list[tuple[str, str, bool]] = []
    figure = None
    if check.failure is not None and result.load_error is None:
        mistake = LABELS["mistake"](lang), LABELS["hint"](lang)
        lines = [(label, text, label in mistake) for label, text in failure_lines(check.failure, lang)]
        expected, received = check.failure.expected, check.failure.received
        if isinstance(expected, str) and isinstance(received, str):
            figure = entries_figure(_numbers(expected), _numbers(received))
    return {
        "passed": check.passed,
        "title": check.title(lang),
        "hidden": check.hidden,
        "points": f"{check.points:g}/{check.max_points:g}",
        "lines": lines,
        "figure": figure,
    }


def _numbers(text: str) -> list[float]:
    return [float(n) for n in NUMBER.findall(text)]


def entries_figure(expected: list[float], received: list[float]) -> Markup | None:
    """Expected against received, entry by entry, as an inline SVG; None where the two are
    not arrays of the same size (a single number, a shape that differs, too many entries)."""
    if not 2 <= len(expected) == len(received) <= MAX_ENTRIES:
        return None
    finite = [v for v in expected + received if v == v and abs(v) != float("inf")]
    if not finite:
        return None
    low, high = min(*finite, 0.0), max(*finite, 0.0)
    span = (high - low) or 1.0
    width, height, margin = 480, 200, 30
    step = (width - 2 * margin) / max(len(expected) - 1, 1)

    def y(value: float) -> float:
        value = min(max(value, low), high) if value == value else low
        return height - margin - (value - low) / span * (height - 2 * margin)

    marks = []
    for index, (e, r) in enumerate(zip(expected, received, strict=True)):
        x = margin + index * step
        marks.append(f'<line x1="{x:.1f}" y1="{y(e):.1f}" x2="{x:.1f}" y2="{y(r):.1f}" stroke="#bbb"/>')
        marks.append(f'<circle cx="{x:.1f}" cy="{y(e):.1f}" r="4" fill="none" stroke="#137333"/>')
        marks.append(f'<circle cx="{x:.1f}" cy="{y(r):.1f}" r="3" fill="#b3261e"/>')
    axis = f'<line x1="{margin}" y1="{y(0.0):.1f}" x2="{width - margin}" y2="{y(0.0):.1f}" stroke="#999"/>'
    labels = (
        f'<text x="2" y="{margin:.0f}" font-size="11" fill="#666">{high:.3g}</text>'
        f'<text x="2" y="{height - margin:.0f}" font-size="11" fill="#666">{low:.3g}</text>'
    )
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
        f"{axis}{labels}{''.join(marks)}</svg>"
    )
