"""Grading as a function: exercises and a submission in, a GradeRun out.

The CLI, the nbgrader cells and batch grading all come through here. Workers
are started before the checks (and numpy) are imported, so the student's
module loads while the grader loads its own.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from .cores import on_one_core
from .i18n import Text
from .isolation.tiers import detect
from .registry import Exercise
from .results import ExerciseResult, Failure, GradeRun
from .session import WorkerSession
from .submission import Source, SubmissionNotFound, UnreadableSubmission, locate, read_source, shown_path
from .worker.process import Limits

if TYPE_CHECKING:
    from .isolation.warm import WarmPool


MISSING = Text("No file was handed in for this exercise.", "这道练习没有提交文件。")


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
    cwd = cwd or Path.cwd()
    files: dict[str, Source | Text] = {}
    missing: list[SubmissionNotFound] = []
    for exercise in exercises:
        try:
            path = locate(exercise.name, submission, cwd)
            files[exercise.name] = Source(read_source(path), shown_path(path, cwd))
        except SubmissionNotFound as not_found:
            missing.append(not_found)
            files[exercise.name] = not_found.message
        except UnreadableSubmission as unreadable:
            files[exercise.name] = unreadable.message
    if len(missing) == len(exercises):
        raise missing[0]
    return grade_sources(exercises, files, seed=seed, limits=limits)


def grade_sources(
    exercises: list[Exercise],
    files: dict[str, Source | Text],
    *,
    seed: int = 0,
    limits: Limits = Limits(),
    pool: WarmPool | None = None,
) -> GradeRun:
    """Grade each exercise's source, or score it 0 with the message given instead (or
    MISSING); workers forked from ``pool`` if given."""
    started = time.perf_counter()
    sessions: dict[str, WorkerSession] = {}
    try:
        for exercise in exercises:  # every worker loads while the first is graded
            source = files.get(exercise.name)
            if isinstance(source, Source):
                sessions[exercise.name] = open_session(exercise, source.data, limits, source.shown_as, pool)
        from .runner import not_graded, run_exercise  # numpy and the checks load while workers start

        results: list[ExerciseResult] = []
        with on_one_core() as core:
            for exercise in exercises:
                session = sessions.get(exercise.name)
                if session is None:
                    problem = files.get(exercise.name)
                    results.append(
                        not_graded(exercise, Failure(problem if isinstance(problem, Text) else MISSING))
                    )
                else:
                    session.core = core
                    results.append(run_exercise(exercise, session, seed))
    finally:
        for session in sessions.values():
            session.close()
    return GradeRun(tuple(results), seed, time.perf_counter() - started, detect().name)


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
