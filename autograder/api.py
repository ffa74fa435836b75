"""Grading as a function: exercises and a submission in, a GradeRun out.

The CLI, the nbgrader cells and batch grading all come through here. Workers
are started before the checks (and numpy) are imported, so the student's
module loads while the grader loads its own.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cores import on_one_core
from .i18n import Text
from .isolation.tiers import detect
from .registry import Exercise
from .results import ExerciseResult, Failure, GradeRun
from .session import WorkerSession
from .submission import SubmissionNotFound, UnreadableSubmission, locate, read_source, shown_path
from .worker.process import Limits

if TYPE_CHECKING:
    from .isolation.warm import WarmPool


@dataclass
class _Prepared:
    exercise: Exercise
    session: WorkerSession | Text  # the worker holding the submission, or why there is none


def grade(
    exercises: list[Exercise],
    submission: Path | None = None,
    *,
    cwd: Path | None = None,
    seed: int = 0,
    limits: Limits = Limits(),
) -> GradeRun:
    """Grade ``submission`` (a file, a folder, or None for ``./exercises``) on each exercise.

    Raises SubmissionNotFound only when no exercise found anything to grade;
    an exercise whose file is missing among others that are there scores 0.
    Raises IsolationUnavailable when GRADE_ISOLATION asks for a tier this machine lacks.
    """
    detect()
    started = time.perf_counter()
    cwd = cwd or Path.cwd()
    prepared: list[_Prepared] = []
    missing: list[SubmissionNotFound] = []
    try:
        for exercise in exercises:
            prepared.append(_prepare(exercise, submission, cwd, limits, missing))
        if len(missing) == len(exercises):
            raise missing[0]
        from .runner import not_graded, run_exercise  # numpy and the checks load while workers start

        results: list[ExerciseResult] = []
        with on_one_core() as core:
            for item in prepared:
                if isinstance(item.session, WorkerSession):
                    item.session.core = core
                    results.append(run_exercise(item.exercise, item.session, seed))
                else:
                    results.append(not_graded(item.exercise, Failure(item.session)))
    finally:
        for item in prepared:
            if isinstance(item.session, WorkerSession):
                item.session.close()
    return GradeRun(tuple(results), seed, time.perf_counter() - started, detect().name)


def _prepare(
    exercise: Exercise, submission: Path | None, cwd: Path, limits: Limits, missing: list[SubmissionNotFound]
) -> _Prepared:
    try:
        path = locate(exercise.name, submission, cwd)
        source = read_source(path)
    except SubmissionNotFound as not_found:
        missing.append(not_found)
        return _Prepared(exercise, not_found.message)
    except UnreadableSubmission as unreadable:
        return _Prepared(exercise, unreadable.message)
    return _Prepared(exercise, open_session(exercise, source, limits, shown_path(path, cwd)))


def open_session(
    exercise: Exercise,
    source: bytes,
    limits: Limits = Limits(),
    shown_as: str | None = None,
    pool: WarmPool | None = None,
) -> WorkerSession:
    """A worker holding ``source`` as the exercise's submission, given what the exercise
    gives its workers (converters, preloaded modules, setup); forked from ``pool`` if given."""
    return WorkerSession(
        source,
        exercise.name,
        exercise.converters_path,
        limits,
        exercise.worker_preload,
        shown_as,
        exercise.worker_setup,
        pool,
    )
