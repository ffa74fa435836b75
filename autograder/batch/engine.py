"""Grading many students: each student's exercises graded with the same checks, diagnosis
and result model as ``grade``; results come back as each student finishes.

One grader process per core (forked once, with the checks and references already loaded),
each with its own warm worker (isolation/warm.py) that forks a fresh child per student and
exercise. Where the children of one warm worker could not be kept apart as well as separate
workers are (see ``pool_isolates``), each session starts a worker of its own instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .. import messages
from ..i18n import Text
from ..isolation.sandbox import remove_run_folder
from ..isolation.tiers import detect
from ..isolation.warm import WarmPool, pool_isolates
from ..registry import Exercise
from ..results import ExerciseResult, Failure, GradeRun
from ..session import WorkerSession
from ..worker.process import Limits
from .work import Source, StudentWork

MISSING = Text("No file was handed in for this exercise.", "这道练习没有提交文件。")
GRADER_STOPPED = Text(
    "The grader stopped while grading this student; grade them again.",
    "评分程序在批改这位学生时中止了；请重新批改。",
)
QUEUED_PER_PROCESS = 2  # a grader process never waits for its next student


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class StudentGrader:
    """Grades one student at a time in this process, forking workers from a warm one."""

    def __init__(self, exercises: list[Exercise], limits: Limits, folder: Path | None = None) -> None:
        self.exercises = exercises
        self.limits = limits
        tier = detect()
        self.pool = (
            WarmPool(
                tier,
                {e.name: e.converters_path for e in exercises if e.converters_path is not None},
                [e.worker_setup for e in exercises if e.worker_setup is not None],
                [module for e in exercises for module in e.worker_preload],
                folder,
            )
            if pool_isolates(tier)
            else None
        )

    def grade(self, work: StudentWork) -> GradeRun:
        from ..api import open_session
        from ..runner import not_graded, run_exercise

        started = time.perf_counter()
        sessions: dict[str, WorkerSession] = {}
        results: list[ExerciseResult] = []
        try:
            for exercise in self.exercises:  # every worker loads while the first is graded
                source = work.files.get(exercise.name)
                if isinstance(source, Source):
                    sessions[exercise.name] = open_session(
                        exercise, source.data, self.limits, source.shown_as, self.pool
                    )
            for exercise in self.exercises:
                session = sessions.get(exercise.name)
                if session is None:
                    problem = work.files.get(exercise.name)
                    results.append(
                        not_graded(exercise, Failure(problem if isinstance(problem, Text) else MISSING))
                    )
                else:
                    results.append(run_exercise(exercise, session, work.seed))
        finally:
            for session in sessions.values():
                session.close()
        return GradeRun(tuple(results), work.seed, time.perf_counter() - started, detect().name)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close_process()


def stopped_run(exercises: list[Exercise], work: StudentWork, reason: Text) -> GradeRun:
    """A student whose grading could not finish: every exercise not graded, saying why."""
    from ..runner import not_graded

    return GradeRun(tuple(not_graded(e, Failure(reason)) for e in exercises), work.seed, 0.0, detect().name)


class ClassGrader:
    """Grades students on ``exercises`` with ``jobs`` grader processes (default: one per
    core); use as a context manager (it owns processes and a temporary folder)."""

    def __init__(self, exercises: list[Exercise], jobs: int | None = None, limits: Limits = Limits()) -> None:
        self.exercises = exercises
        self.jobs = max(1, jobs or available_cores())
        self.limits = limits
        self._folder: Path | None = None
        self._local: StudentGrader | None = None
        self._processes: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []

    def __enter__(self) -> ClassGrader:
        detect()
        for exercise in self.exercises:  # loaded once, before the grader processes fork
            exercise.checks()
            exercise.reference()
        self._folder = Path(tempfile.mkdtemp(prefix="grade-batch-"))
        os.chmod(self._folder, 0o755)  # a dropped uid reaches its run folder below it
        if self.jobs == 1:
            self._local = StudentGrader(self.exercises, self.limits, self._folder)
            return self
        context = multiprocessing.get_context("fork")
        for _ in range(self.jobs):
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_serve, args=(theirs, self.exercises, self.limits, self._folder), daemon=True
            )
            process.start()
            theirs.close()
            self._processes.append((process, ours))
        return self

    def __exit__(self, *exc: object) -> None:
        for _, connection in self._processes:
            try:
                connection.send(None)
            except OSError:
                pass
        for process, connection in self._processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join()
            connection.close()
        self._processes = []
        if self._local is not None:
            self._local.close()
            self._local = None
        if self._folder is not None:
            remove_run_folder(self._folder)
            self._folder = None

    def grade(self, students: Iterable[StudentWork]) -> Iterator[tuple[str, GradeRun]]:
        """(student id, their GradeRun) for each student, in the order they finish."""
        if self._local is not None:
            for work in students:
                yield work.student, self._local.grade(work)
            return
        pending = iter(students)
        queued: dict[Connection, list[StudentWork]] = {c: [] for _, c in self._processes}
        for connection in queued:
            self._feed(connection, queued[connection], pending)
        while any(queued.values()):
            for ready in wait([c for c, q in queued.items() if q]):
                assert isinstance(ready, Connection)
                try:
                    student, run = ready.recv()
                except (EOFError, OSError):  # the grader process died: its students are reported
                    for work in queued.pop(ready):
                        yield work.student, stopped_run(self.exercises, work, GRADER_STOPPED)
                    continue
                queued[ready] = [w for w in queued[ready] if w.student != student]
                self._feed(ready, queued[ready], pending)
                yield student, run

    @staticmethod
    def _feed(connection: Connection, queue: list[StudentWork], pending: Iterator[StudentWork]) -> None:
        while len(queue) < QUEUED_PER_PROCESS:
            work = next(pending, None)
            if work is None:
                return
            connection.send(work)
            queue.append(work)


def _serve(connection: Connection, exercises: list[Exercise], limits: Limits, folder: Path) -> None:
    """A grader process: grade each student sent, until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the batch's to handle
    grader = StudentGrader(exercises, limits, folder)
    try:
        while True:
            work = connection.recv()
            if work is None:
                return
            try:
                run = grader.grade(work)
            except Exception as error:  # a grader bug: this student is reported, the batch goes on
                reason = messages.GRADER_ERROR.format(error=f"{type(error).__name__}: {error}"[:300])
                run = stopped_run(exercises, work, reason)
            connection.send((work.student, run))
    except (EOFError, OSError):  # the batch is gone
        pass
    finally:
        grader.close()
