"""What ``run_autograder`` runs for one submission: the files Gradescope put in
ROOT/submission graded into ROOT/results/results.json, with the seed ``grade batch`` would
give the student (their Gradescope user id and the bundle's course secret)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..api import grade_sources
from ..batch.seeds import student_seed
from ..files import write_atomically
from ..i18n import Text
from ..inert import inert
from ..registry import PACKAGE_DIR, Exercise, all_exercises
from ..submission import SUFFIXES, Source, SubmissionNotFound, UnreadableSubmission, in_folder, read_source
from ..writers.gradescope import results_json
from .bundle import CONFIG, SECRET

MAX_LISTED = 20  # files named in the message about a missing one
NOT_FOUND = Text(
    "Your submission has no {names}: name your file exactly so (files handed in: {handed_in}).",
    "你的提交中没有 {names}：请把文件准确地命名为这个名字（已提交的文件：{handed_in}）。",
)


def run(root: Path) -> None:
    """Grade ROOT/submission; the result is always written, whatever the submission holds."""
    config = _read_json(PACKAGE_DIR / CONFIG)
    lang = "zh" if config.get("language") == "zh" else "en"
    visibility = str(config.get("hidden_visibility", "after_published"))
    exercises = all_exercises()
    submitted = root / "submission"
    student = student_id(_read_json(root / "submission_metadata.json"))
    secret = _secret()
    seed = student_seed(secret, student) if secret else 0
    files = {e.name: _source(e, submitted) for e in exercises}
    result = grade_sources(exercises, files, seed=seed)
    for exercise in result.exercises:  # the instructors' view: Gradescope keeps this stdout
        if exercise.printed:
            print(f"== {exercise.exercise}: printed by the student's code\n{exercise.printed}")
    data = results_json(result, lang, hidden_visibility=visibility)
    data["extra_data"]["student"] = inert(student)[:200]
    write_atomically(root / "results" / "results.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def student_id(metadata: dict) -> str:
    """The student's id as ``grade batch`` would name them: their Gradescope user id (a group's
    ids sorted and joined by "+"); empty without metadata."""
    users = metadata.get("users")
    if not isinstance(users, list):
        return ""
    ids = sorted(str(u.get("id", "")) for u in users if isinstance(u, dict) and u.get("id") is not None)
    return "+".join(ids)


def _source(exercise: Exercise, submitted: Path) -> Source | Text:
    """The exercise's file in the submission (where ``grade all --submission`` looks first,
    then anywhere below it), or why there is none, naming what was handed in."""
    names = [f"{exercise.name}{suffix}" for suffix in SUFFIXES]
    candidates = [p for p in in_folder(submitted, exercise.name) if p.is_file()]
    try:
        candidates += sorted(p for p in submitted.rglob("*") if p.name in names and p.is_file())
    except OSError:
        pass
    if not candidates:
        return NOT_FOUND.format(names=" / ".join(names), handed_in=_handed_in(submitted))
    path = candidates[0]
    try:
        return Source(read_source(path), str(path.relative_to(submitted)))
    except (UnreadableSubmission, SubmissionNotFound) as problem:
        return problem.message


def _handed_in(submitted: Path) -> str:
    try:
        files = sorted(str(p.relative_to(submitted)) for p in submitted.rglob("*") if p.is_file())
    except OSError:
        files = []
    if not files:
        return "—"
    shown = ", ".join(inert(name)[:100] for name in files[:MAX_LISTED])
    return shown + (" …" if len(files) > MAX_LISTED else "")


def _secret() -> bytes:
    try:
        return (PACKAGE_DIR / SECRET).read_bytes().strip()
    except OSError:
        return b""


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def main(root: Path) -> None:
    try:
        run(root)
    except Exception as error:  # run_autograder writes a result of its own; say why here
        print(f"grader error: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
