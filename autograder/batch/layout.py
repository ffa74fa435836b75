"""Where a class's submissions are, and each student's files read as module source.

Two layouts, both one folder per student: ``SUBMISSIONS/alice/exercise1.py`` (or ``.ipynb``)
and nbgrader's ``submitted/alice/exercise1/exercise1.ipynb``, given the ``submitted`` folder
or the nbgrader course folder above it. A student's id is their folder's name, which the
students' side chose: it is made inert before anything shows it, and never used as a path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import GradeError
from ..i18n import Text
from ..inert import inert
from ..registry import Exercise
from ..submission import Source, SubmissionNotFound, UnreadableSubmission, in_folder, read_source, shown_path
from .work import StudentWork

NBGRADER_SUBMITTED = "submitted"
LAYOUTS = Text(
    "Expected one folder per student, holding the exercise files "
    "(SUBMISSIONS/alice/exercise1.py or exercise1.ipynb), or nbgrader's layout: the course folder "
    "or its submitted/ folder (submitted/alice/exercise1/exercise1.ipynb).",
    "应当是每个学生一个文件夹，其中是练习文件（SUBMISSIONS/alice/exercise1.py 或 exercise1.ipynb），"
    "或者 nbgrader 的布局：课程文件夹或其中的 submitted/ 文件夹（submitted/alice/exercise1/exercise1.ipynb）。",
)
MISSING = Text(
    "No file was handed in for {exercise} (looked for {names}).",
    "没有提交 {exercise} 的文件（查找了 {names}）。",
)


class NoSubmissions(GradeError):
    """The folder holds no class's work in a layout we read: exit 2, saying what is expected."""

    def __init__(self, problem: Text) -> None:
        super().__init__(
            Text("{problem} {layouts}", "{problem}{layouts}").format(problem=problem, layouts=LAYOUTS)
        )


@dataclass(frozen=True)
class StudentFolder:
    """One student's folder; ``student`` is the id shown and written everywhere."""

    student: str
    folder: Path


def student_id(name: str) -> str:
    """A folder's name as a student id that is safe to show and to put in one line: control
    and format characters, newline and tab included, spelled out as escapes."""
    return inert(name).replace("\n", "\\n").replace("\t", "\\t")


def find_students(
    submissions: Path, exercises: list[Exercise], leave_out: Path | None = None
) -> list[StudentFolder]:
    """The students of ``submissions``, by id; ``leave_out`` (the output folder) is no student.

    Raises NoSubmissions when no student folder holds a file of any of ``exercises``."""
    if not submissions.is_dir():
        raise NoSubmissions(Text(f"{submissions} is not a folder.", f"{submissions} 不是文件夹。"))
    root = submissions / NBGRADER_SUBMITTED
    if not root.is_dir() or _holds_work(root, exercises):
        root = submissions
    if _holds_work(root, exercises):
        raise NoSubmissions(
            Text(
                f"{root} holds one student's files, not a folder per student.",
                f"{root} 中是一个学生的文件，而不是每个学生一个文件夹。",
            )
        )
    skipped = leave_out.resolve() if leave_out is not None else None
    found: dict[str, StudentFolder] = {}
    with os.scandir(root) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith(".") or not entry.is_dir() or Path(entry.path).resolve() == skipped:
                continue
            student = student_id(entry.name)
            if student in found:
                raise NoSubmissions(
                    Text(
                        f"Two folders give the student id {student}: rename one.",
                        f"两个文件夹对应同一个学生编号 {student}：请重命名其中一个。",
                    )
                )
            found[student] = StudentFolder(student, Path(entry.path))
    if not any(_holds_work(s.folder, exercises) for s in found.values()):
        names = ", ".join(e.name for e in exercises)
        raise NoSubmissions(
            Text(
                f"No student folder in {root} holds a file of {names}.",
                f"{root} 中没有学生文件夹包含 {names} 的文件。",
            )
        )
    return list(found.values())


def read_work(student: StudentFolder, exercises: list[Exercise], seed: int) -> StudentWork:
    """A student's files as module source; a missing or unreadable one as the message saying so."""
    return StudentWork(student.student, seed, {e.name: _read(student.folder, e.name) for e in exercises})


def _read(folder: Path, exercise: str) -> Source | Text:
    candidates = in_folder(folder, exercise)
    path = next((c for c in candidates if os.path.lexists(c)), None)  # a link is found, then refused
    if path is None:
        names = ", ".join(str(c.relative_to(folder)) for c in candidates)
        return MISSING.format(exercise=exercise, names=names)
    shown = Path(shown_path(path, Path.cwd()))  # the messages name it as the teacher gave it
    try:
        return Source(read_source(shown), path.name)
    except (SubmissionNotFound, UnreadableSubmission) as unreadable:
        return Text(inert(unreadable.message.en), inert(unreadable.message.zh))


def _holds_work(folder: Path, exercises: list[Exercise]) -> bool:
    return any(os.path.lexists(c) for e in exercises for c in in_folder(folder, e.name))
