"""Each student's results in ``OUT/students/<folder>/``, written atomically as they finish:
``results.json`` (Gradescope's format), ``report.txt`` (the terminal report, no colour) and,
last, ``record.json`` (the full GradeRun and the content hash that lets a rerun skip them)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..files import write_atomically
from ..i18n import Text
from ..plain import InvalidDocument
from ..results import GRADE_RUN_SCHEMA, GradeRun
from ..writers.gradescope import results_json
from ..writers.terminal import render
from .layout import student_id

STUDENTS = "students"
RECORD = "record.json"
FOLDER_NAME_LENGTH = 80
NOT_A_RECORD = Text(
    "not a student's record (student, content_hash, run)", "不是学生的记录（student、content_hash、run）"
)


@dataclass(frozen=True)
class StudentRecord:
    """A student's grading, and the hash of everything it came from (see content.py)."""

    student: str
    content_hash: str
    run: GradeRun


def record_data(record: StudentRecord) -> dict[str, Any]:
    """As plain data: the run is the result model's own document (GRADE_RUN_SCHEMA)."""
    return {
        "student": record.student,
        "content_hash": record.content_hash,
        "run": GRADE_RUN_SCHEMA.dump(record.run),
    }


def record_from_data(data: Any, where: str) -> StudentRecord:
    """A record from plain data; InvalidDocument (naming ``where``) when it is not one."""
    if not isinstance(data, dict) or set(data) != {"student", "content_hash", "run"}:
        raise InvalidDocument(where, NOT_A_RECORD)
    student = data["student"]
    if (
        not isinstance(student, str)
        or student_id(student) != student
        or not isinstance(data["content_hash"], str)
    ):
        raise InvalidDocument(where, NOT_A_RECORD)  # an id as layout.student_id makes it: inert
    return StudentRecord(data["student"], data["content_hash"], GRADE_RUN_SCHEMA.load(data["run"]))


def folder_name(student: str) -> str:
    """The student's folder under OUT/students: the id itself when it is plain letters, digits,
    ``-``, ``_`` and ``.`` (not leading); else those kept and a hash of the id, so no id can name
    a path outside its folder and two ids never share one."""
    kept = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in student)[:FOLDER_NAME_LENGTH]
    if kept == student and not student.startswith("."):
        return student
    return f"{kept.lstrip('.')}-{hashlib.sha256(student.encode('utf-8')).hexdigest()[:12]}"


def student_folder(out: Path, student: str) -> Path:
    return out / STUDENTS / folder_name(student)


def save_student(out: Path, record: StudentRecord, lang: str) -> None:
    """The student's three files, each whole; the record last, so that a record means the rest
    is there too."""
    folder = student_folder(out, record.student)
    report = click.unstyle(render(record.run, lang, unicode=True))
    write_atomically(folder / "results.json", _json(results_json(record.run, lang)))
    write_atomically(folder / "report.txt", report)
    write_atomically(folder / RECORD, _json(record_data(record)))


def load_student(out: Path, student: str) -> StudentRecord | None:
    """The student's record of an earlier run, or None when there is none to trust."""
    path = student_folder(out, student) / RECORD
    try:
        record = record_from_data(json.loads(path.read_text(encoding="utf-8")), str(path))
    except (OSError, ValueError, RecursionError, InvalidDocument):
        return None  # absent or damaged: the student is graded again
    return record if record.student == student else None


def copy_student(source: Path, out: Path, student: str) -> None:
    """A student's files from another output folder (a shard's) into ``out``, each whole."""
    origin, target = student_folder(source, student), student_folder(out, student)
    for name in ("results.json", "report.txt", RECORD):  # the record last, as when written
        write_atomically(target / name, (origin / name).read_text(encoding="utf-8"))


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
