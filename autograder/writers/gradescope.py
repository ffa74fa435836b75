"""Gradescope's results.json, for Gradescope: no reader of ours parses it (programs of ours
read the result model's plain data, :data:`autograder.results.GRADE_RUN_SCHEMA`)."""

from __future__ import annotations

from .. import __version__
from ..i18n import Text
from ..results import GradeRun
from .feedback import check_output, mistakes_line

VISIBILITY = {False: "visible", True: "after_published"}
OVERVIEW = Text("{score:g}/{max_score:g} points", "{score:g}/{max_score:g} 分")


def results_json(run: GradeRun, lang: str) -> dict:
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
                    "output": output,
                    "visibility": VISIBILITY[check.hidden],
                    "extra_data": {
                        "exercise": exercise.exercise,
                        "check": check.check,
                        "hidden": check.hidden,
                        "diagnosis": [d.id for d in check.failure.diagnoses] if check.failure else [],
                    },
                }
            )
    return {
        "score": run.score,
        "execution_time": round(run.execution_time, 3),
        "output": "\n".join(
            [OVERVIEW(lang).format(score=run.score, max_score=run.max_score)]
            + [f"{e.exercise}: {line}" for e in run.exercises if (line := mistakes_line(e, lang))]
        ),
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
