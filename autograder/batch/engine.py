"""Grading many students: each student's exercises graded with the same checks, diagnosis
and result model as ``grade``; results come back as each student finishes."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from ..i18n import Text
from ..registry import Exercise
from ..results import ExerciseResult, Failure, GradeRun
from ..worker.process import Limits
from .work import Source, StudentWork


class ClassGrader:
    """Grades students on ``exercises``; use as a context manager (it owns worker processes)."""

    def __init__(self, exercises: list[Exercise], jobs: int | None = None, limits: Limits = Limits()) -> None:
        self.exercises = exercises
        self.jobs = jobs
        self.limits = limits

    def __enter__(self) -> ClassGrader:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def grade(self, students: Iterable[StudentWork]) -> Iterator[tuple[str, GradeRun]]:
        """(student id, their GradeRun) for each student, in the order they finish."""
        for work in students:
            yield work.student, self.grade_one(work)

    def grade_one(self, work: StudentWork) -> GradeRun:
        from ..api import open_session
        from ..isolation.tiers import detect
        from ..runner import not_graded, run_exercise

        started = time.perf_counter()
        results: list[ExerciseResult] = []
        for exercise in self.exercises:
            source = work.files.get(exercise.name)
            if not isinstance(source, Source):
                results.append(not_graded(exercise, Failure(source or _MISSING)))
                continue
            session = open_session(exercise, source.data, self.limits, source.shown_as)
            try:
                results.append(run_exercise(exercise, session, work.seed))
            finally:
                session.close()
        return GradeRun(tuple(results), work.seed, time.perf_counter() - started, detect().name)


_MISSING = Text("No file was handed in for this exercise.", "这道练习没有提交文件。")
