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
import sys
import tempfile
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path

from ..cores import allowed_cores
from ..i18n import Text
from ..isolation.sandbox import remove_run_folder
from ..isolation.tiers import detect
from ..isolation.warm import WarmPool, pool_isolates
from ..registry import Exercise
from ..results import GradeRun
from ..worker.process import Limits
from .stopped import not_graded_error
from .work import StudentWork

GRADER_STOPPED = Text("a grader process stopped", "一个评分进程中止了")
GRADER_FAILED = Text(
    "the grader failed on them ({error}); please report it", "评分程序出错（{error}）；请报告此问题"
)
QUEUED_PER_PROCESS = 2  # a grader process never waits for its next student


def available_cores() -> int:
    return len(allowed_cores()) or os.cpu_count() or 1


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
        from ..api import grade_sources

        return grade_sources(self.exercises, work.files, seed=work.seed, limits=self.limits, pool=self.pool)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close_process()
            remove_run_folder(self.pool.root)


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
        cores = allowed_cores()
        for number in range(self.jobs):
            ours, theirs = context.Pipe()
            siblings = [c for _, c in self._processes]  # a process sees the batch go by end of file
            core = cores[number % len(cores)] if cores else None
            process = context.Process(
                target=_serve,
                args=(theirs, [ours, *siblings], self.exercises, self.limits, self._folder, core),
                daemon=True,
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
        """(student id, their GradeRun) for each student, in the order they finish. Students the
        grader could not finish are named at the end, in one GradeError, with why."""
        stopped: list[tuple[list[StudentWork], Text]] = []
        if self._local is not None:
            for work in students:
                result = _graded(self._local, work)
                if isinstance(result, Text):
                    stopped.append(([work], result))
                else:
                    yield work.student, result
        else:
            yield from self._grade_in_processes(students, stopped)
        if stopped:
            raise not_graded_error(stopped)

    def _grade_in_processes(
        self, students: Iterable[StudentWork], stopped: list[tuple[list[StudentWork], Text]]
    ) -> Iterator[tuple[str, GradeRun]]:
        pending = iter(students)
        queued: dict[Connection, list[StudentWork]] = {c: [] for _, c in self._processes}
        for connection in queued:
            self._feed(connection, queued[connection], pending)
        while any(queued.values()):
            for ready in wait([c for c, q in queued.items() if q]):
                assert isinstance(ready, Connection)
                try:
                    student, result = ready.recv()
                except (EOFError, OSError):  # the grader process died: its students are named
                    stopped.append((queued.pop(ready), GRADER_STOPPED))
                    continue
                work = next(w for w in queued[ready] if w.student == student)
                queued[ready].remove(work)
                self._feed(ready, queued[ready], pending)
                if isinstance(result, Text):
                    stopped.append(([work], result))
                else:
                    yield student, result

    @staticmethod
    def _feed(connection: Connection, queue: list[StudentWork], pending: Iterator[StudentWork]) -> None:
        while len(queue) < QUEUED_PER_PROCESS:
            work = next(pending, None)
            if work is None:
                return
            queue.append(work)
            try:
                connection.send(work)
            except OSError:  # the process is gone: its end of file names its students
                return


def _serve(
    connection: Connection,
    inherited: list[Connection],
    exercises: list[Exercise],
    limits: Limits,
    folder: Path,
    core: int | None,
) -> None:
    """A grader process: grade each student sent, until None or the batch process is gone.
    On ``core`` with its warm worker and every child of it: a call crosses between two
    processes that take turns, and a wake-up on the same core costs a fraction of one on another."""
    for other in inherited:
        other.close()
    if core is not None:
        os.sched_setaffinity(0, {core})
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the batch's to handle
    signal.signal(signal.SIGTERM, _stop)
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG: killed with the batch
    grader = StudentGrader(exercises, limits, folder)
    try:
        while True:
            work = connection.recv()
            if work is None:
                return
            connection.send((work.student, _graded(grader, work)))
    except (EOFError, OSError):  # the batch is gone
        pass
    finally:
        grader.close()


def _graded(grader: StudentGrader, work: StudentWork) -> GradeRun | Text:
    """The student's GradeRun, or why the grader failed on them (a bug of the grader's: the
    other students are graded all the same)."""
    try:
        return grader.grade(work)
    except Exception as error:
        return GRADER_FAILED.format(error=f"{type(error).__name__}: {error}"[:300])


def _stop(number: int, frame: object) -> None:
    raise SystemExit(128 + number)  # through the finally clauses: every worker killed
