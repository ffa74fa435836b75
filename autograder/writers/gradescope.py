"""Gradescope's results.json, for Gradescope: no reader of ours parses it (programs of ours
read the result model's plain data, :data:`autograder.results.GRADE_RUN_SCHEMA`).

Outputs are Markdown (``output_format: md``): our own words as they are, and every text a
submission can put into them (its values, tracebacks, prints) inside a code fence longer
than any run of backticks in it, where nothing is rendered. A check's ``tags`` are the
known mistakes its numbers showed."""

from __future__ import annotations

import re

from .. import __version__
from ..i18n import Text
from ..results import ExerciseResult, GradeRun
from .feedback import check_output, mistakes_line

OVERVIEW = Text("{score:g}/{max_score:g} points", "{score:g}/{max_score:g} 分")
HIDDEN_LATER = {
    "after_due_date": Text(
        "{count} hidden checks are shown after the due date.", "{count} 项隐藏检查将在截止日期后显示。"
    ),
    "after_published": Text(
        "{count} hidden checks are shown once grades are published.", "{count} 项隐藏检查将在成绩发布后显示。"
    ),
    "hidden": Text(
        "{count} hidden checks are seen by your teacher only.", "{count} 项隐藏检查只有老师能看到。"
    ),
}
PRINTED = Text("What your code printed ({exercise}):", "你的代码打印的内容（{exercise}）：")
MAX_PRINTED = 3000  # characters of prints in the top-level output, all exercises together


def results_json(run: GradeRun, lang: str, hidden_visibility: str = "after_published") -> dict:
    """``hidden_visibility``: when Gradescope shows the hidden checks to the student."""
    tests = []
    for exercise in run.exercises:
        for number, check in enumerate(exercise.checks, 1):
            output = check_output(exercise, check, lang)
            tests.append(
                {
                    "name": f"{exercise.exercise}: {check.title(lang)}",
                    "number": f"{exercise.exercise.removeprefix('exercise')}.{number}",
                    "score": check.points,
                    "max_score": check.max_points,
                    "status": check.status,
                    "output": output if check.failure is None else fenced(output),
                    "output_format": "md",
                    "tags": [d.id for d in check.failure.diagnoses] if check.failure else [],
                    "visibility": hidden_visibility if check.hidden else "visible",
                    "extra_data": {
                        "exercise": exercise.exercise,
                        "check": check.check,
                        "hidden": check.hidden,
                    },
                }
            )
    hidden = sum(check.hidden for exercise in run.exercises for check in exercise.checks)
    return {
        "score": run.score,
        "execution_time": round(run.execution_time, 3),
        "output": _overview(run, lang, hidden, hidden_visibility),
        "output_format": "md",
        "tests": tests,
        "extra_data": {
            "seed": run.seed,
            "language": lang,
            "grader_version": __version__,
            "isolation": run.isolation,
            "max_score": run.max_score,
            "hidden_checks_not_run": sum(e.hidden_not_run for e in run.exercises),
            "hidden_points_not_run": run.full_score - run.max_score,
        },
    }


def _overview(run: GradeRun, lang: str, hidden: int, hidden_visibility: str) -> str:
    paragraphs = [OVERVIEW(lang).format(score=run.score, max_score=run.max_score)]
    paragraphs += [f"{e.exercise}: {line}" for e in run.exercises if (line := mistakes_line(e, lang))]
    if hidden and hidden_visibility in HIDDEN_LATER:
        paragraphs.append(HIDDEN_LATER[hidden_visibility](lang).format(count=hidden))
    paragraphs += _printed(run.exercises, lang)
    return "\n\n".join(paragraphs)


def _printed(exercises: tuple[ExerciseResult, ...], lang: str) -> list[str]:
    """What the student's code printed (already inert), capped, each exercise's in a fence."""
    shown, left = [], MAX_PRINTED
    for exercise in exercises:
        if exercise.printed and left > 0:
            text = exercise.printed[:left] + (" …" if len(exercise.printed) > left else "")
            left -= len(exercise.printed)
            shown.append(PRINTED(lang).format(exercise=exercise.exercise) + "\n\n" + fenced(text))
    return shown


def fenced(text: str) -> str:
    """``text`` as a Markdown code block: a fence longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"
