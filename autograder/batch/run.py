"""A class graded into an output folder: the students found, those unchanged since the last run
skipped, the others graded, each one's files written as they finish, and the gradebook written
from whatever is done, even when the run is interrupted or fails."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..registry import Exercise
from ..results import GradeRun
from ..worker.process import Limits
from .content import content_hash
from .fingerprint import grader_fingerprint
from .gradebook import Gradebook, write_gradebook
from .layout import StudentFolder, find_students, read_work
from .seeds import secret_tag, student_seed
from .shards import Shard
from .store import StudentRecord, load_student, save_student
from .work import StudentWork


@dataclass(frozen=True)
class Batch:
    """What ``grade batch`` was asked to do."""

    submissions: Path
    out: Path
    exercises: list[Exercise]
    secret: bytes
    lang: str
    limits: Limits = Limits()
    shard: Shard | None = None
    jobs: int | None = None
    dask: str | None = None  # the address of a Dask scheduler to grade on


@dataclass(frozen=True)
class Outcome:
    """How a run ended: the gradebook written, whom it graded and skipped, and whether it was
    interrupted (then the gradebook holds only the students done)."""

    book: Gradebook
    graded: tuple[str, ...]
    skipped: tuple[str, ...]
    students: int
    interrupted: bool


class ClassGrading(Protocol):
    """ClassGrader on this machine, DaskGrader on a cluster."""

    def grade(self, students: Iterable[StudentWork]) -> Iterator[tuple[str, GradeRun]]: ...


Progress = Callable[
    [int], AbstractContextManager[Callable[[], None]]
]  # total → a context giving "one more done"


def run_batch(batch: Batch, progress: Progress) -> Outcome:
    """Grade the class of ``batch``; Ctrl-C ends it early with what is done written."""
    students = find_students(batch.submissions, batch.exercises, leave_out=batch.out)
    if batch.shard is not None:
        students = [s for s in students if batch.shard.holds(s.student)]
    batch.out.mkdir(parents=True, exist_ok=True)  # before any grading: an unusable OUT stops it now
    grader = grader_fingerprint()

    def read(student: StudentFolder) -> tuple[StudentWork, str]:
        work = read_work(student, batch.exercises, student_seed(batch.secret, student.student))
        return work, content_hash(grader, batch.exercises, batch.limits, batch.lang, work)

    done: dict[str, StudentRecord] = {}
    hashes: dict[str, str] = {}
    skipped: list[str] = []  # unchanged since the last run
    interrupted = False
    try:
        pending: list[StudentFolder] = []
        for folder in students:
            earlier = load_student(batch.out, folder.student)
            if earlier is not None and earlier.content_hash == read(folder)[1]:
                done[folder.student] = earlier
                skipped.append(folder.student)
            else:
                pending.append(folder)

        def works() -> Iterator[StudentWork]:  # read as the grader asks: a class need not fit in memory
            for folder in pending:
                work, hashes[folder.student] = read(folder)
                yield work

        if pending:
            # the grader first: its processes fork before the progress bar starts a thread
            with _grader(batch) as class_grader, progress(len(pending)) as one_more:
                for student, run in class_grader.grade(works()):
                    record = StudentRecord(student, hashes[student], run)
                    save_student(batch.out, record, batch.lang)
                    done[student] = record
                    one_more()
    except KeyboardInterrupt:
        interrupted = True
    finally:  # a failure too keeps what was done
        complete = len(done) == len(students)
        book = Gradebook(tuple(done[s] for s in sorted(done)), complete, secret_tag(batch.secret))
        write_gradebook(batch.out, book)
    unchanged = set(skipped)
    graded = tuple(s for s in done if s not in unchanged)
    return Outcome(book, graded, tuple(skipped), len(students), interrupted)


def _grader(batch: Batch) -> AbstractContextManager[ClassGrading]:
    if batch.dask is not None:
        from .distributed import DaskGrader

        return DaskGrader(batch.dask, batch.exercises, batch.limits)
    from .engine import ClassGrader

    return ClassGrader(batch.exercises, batch.jobs, batch.limits)
