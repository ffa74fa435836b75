"""Running an exercise's checks against one loaded submission."""

from __future__ import annotations

import inspect
import zlib

import numpy as np

from . import messages
from .calls import StudentError
from .checking import CheckFailed, failure_for_error
from .registry import CheckDef, Exercise
from .results import CheckResult, ExerciseResult, Failure
from .session import WorkerSession
from .student import StudentCallFailed, StudentModule


def check_rng(seed: int, exercise: str, check_id: str) -> np.random.Generator:
    """Each check has its own stream, so editing one check leaves the others' inputs alone."""
    return np.random.default_rng([seed, zlib.crc32(f"{exercise}/{check_id}".encode())])


def run_exercise(exercise: Exercise, session: WorkerSession, seed: int) -> ExerciseResult:
    checks = exercise.checks()
    load_error = session.ensure_loaded()
    if load_error is not None:
        return not_graded(exercise, load_failure(load_error), session.printed())
    fixtures = {"student": StudentModule(session, exercise.context()), "reference": exercise.reference()}
    results = []
    for check in checks:
        failure = run_check(check, fixtures, check_rng(seed, exercise.name, check.id))
        results.append(_result(exercise, check, failure))
    return ExerciseResult(
        exercise.name,
        exercise.title,
        tuple(results),
        printed=session.printed(),
        hidden_not_run=exercise.hidden_checks_not_run,
        hidden_points=exercise.hidden_points_not_run,
    )


def not_graded(exercise: Exercise, failure: Failure, printed: str = "") -> ExerciseResult:
    """Every check failed for one reason: the submission could not be loaded."""
    results = tuple(_result(exercise, c, Failure(messages.NOT_GRADED)) for c in exercise.checks())
    return ExerciseResult(
        exercise.name,
        exercise.title,
        results,
        load_error=failure,
        printed=printed,
        hidden_not_run=exercise.hidden_checks_not_run,
        hidden_points=exercise.hidden_points_not_run,
    )


def _result(exercise: Exercise, check: CheckDef, failure: Failure | None) -> CheckResult:
    return CheckResult(
        exercise.name, check.id, check.spec.title, float(check.spec.points), check.spec.hidden, failure
    )


def run_check(check: CheckDef, fixtures: dict, rng: np.random.Generator) -> Failure | None:
    available = dict(fixtures, rng=rng)
    try:
        arguments = {name: available[name] for name in inspect.signature(check.function).parameters}
        check.function(**arguments)
    except CheckFailed as failed:
        return failed.failure
    except StudentCallFailed as failed:
        return failure_for_error(failed.call)
    except AssertionError as failed:
        return Failure(messages.ASSERTION.format(detail=str(failed)[:500] or check.id))
    except Exception as error:
        return Failure(messages.GRADER_ERROR.format(error=f"{type(error).__name__}: {error}"[:300]))
    return None


def load_failure(error: StudentError) -> Failure:
    if error.type_name == "timeout" or error.kind == "timeout":
        summary = messages.IMPORT_TIMEOUT.format(seconds=error.message)
    elif error.kind == "crashed":
        summary = messages.IMPORT_CRASHED.format(reason=messages.crash_reason(error.message))
    else:
        summary = messages.IMPORT_FAILED.format(error=error.message or error.type_name)
    return Failure(summary, traceback=error.traceback or None)
