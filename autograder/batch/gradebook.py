"""A class's gradebook, from its students' records: ``gradebook.csv`` (a row per student: points
per exercise, total, maximum), ``gradebook.json`` (every record, for programs and for merging
shards) and ``mistakes.csv`` (per exercise and known mistake: how many students, and who).

Student ids come from the students' side: every CSV cell is made inert against formula
injection (a spreadsheet would run ``=HYPERLINK(…)``)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomically
from ..i18n import Text
from ..plain import InvalidDocument
from ..registry import all_exercises
from .store import StudentRecord, record_data, record_from_data

FORMAT = "Gradebook"
VERSION = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NOT_A_GRADEBOOK = Text(
    "not a gradebook.json of grade batch (type, version, complete, course_secret, students)",
    "不是 grade batch 写出的 gradebook.json（type、version、complete、course_secret、students）",
)


@dataclass(frozen=True)
class Gradebook:
    """Records in the order of the class; ``complete`` is False when the run was interrupted.
    ``course_secret`` names the secret the seeds came from, without revealing it."""

    records: tuple[StudentRecord, ...]
    complete: bool
    course_secret: str


def write_gradebook(out: Path, book: Gradebook) -> None:
    """The three files of ``out``, each whole."""
    write_atomically(out / "gradebook.csv", _table(_gradebook_rows(book.records)))
    write_atomically(out / "mistakes.csv", _table(_mistake_rows(book.records)))
    document = {
        "type": FORMAT,
        "version": VERSION,
        "complete": book.complete,
        "course_secret": book.course_secret,
        "students": [record_data(r) for r in book.records],
    }
    write_atomically(out / "gradebook.json", json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def read_gradebook(out: Path) -> Gradebook:
    """``out/gradebook.json``; InvalidDocument (naming the file) when it is not one of ours."""
    path = out / "gradebook.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidDocument(str(path), Text(str(error.strerror), str(error.strerror))) from None
    except (ValueError, RecursionError):
        raise InvalidDocument(str(path), NOT_A_GRADEBOOK) from None
    if (
        not isinstance(data, dict)
        or data.get("type") != FORMAT
        or data.get("version") != VERSION
        or not isinstance(data.get("complete"), bool)
        or not isinstance(data.get("course_secret"), str)
        or not isinstance(data.get("students"), list)
    ):
        raise InvalidDocument(str(path), NOT_A_GRADEBOOK)
    records = tuple(record_from_data(r, f"{path}: students[{i}]") for i, r in enumerate(data["students"]))
    return Gradebook(records, data["complete"], data["course_secret"])


def exercise_names(records: tuple[StudentRecord, ...]) -> list[str]:
    """The exercises the records hold, in the course's order (any unknown one after, by name)."""
    found = {e.exercise for r in records for e in r.run.exercises}
    order = [e.name for e in all_exercises() if e.name in found]
    return order + sorted(found - set(order))


def _gradebook_rows(records: tuple[StudentRecord, ...]) -> list[list[str]]:
    names = exercise_names(records)
    rows = [["student", *names, "total", "maximum"]]
    for record in records:
        points = {e.exercise: f"{e.score:g}" for e in record.run.exercises}
        total, maximum = f"{record.run.score:g}", f"{record.run.max_score:g}"
        rows.append([record.student, *(points.get(n, "") for n in names), total, maximum])
    return rows


def _mistake_rows(records: tuple[StudentRecord, ...]) -> list[list[str]]:
    who: dict[tuple[str, str], list[str]] = {}
    for record in records:
        for result in record.run.exercises:
            for diagnosis in result.mistakes:
                who.setdefault((result.exercise, diagnosis.id), []).append(record.student)
    order = {name: index for index, name in enumerate(exercise_names(records))}
    keys = sorted(who, key=lambda key: (order[key[0]], -len(who[key]), key[1]))
    rows = [["exercise", "mistake", "students", "who"]]
    rows += [
        [exercise, mistake, str(len(who[exercise, mistake])), "; ".join(who[exercise, mistake])]
        for exercise, mistake in keys
    ]
    return rows


def _table(rows: list[list[str]]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return text.getvalue()


def _cell(value: str) -> str:
    """A value a spreadsheet shows as text: one that would start a formula gets a leading '."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value
