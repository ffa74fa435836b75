"""Class grading gives each student exactly what `grade` gives them: the same checks,
verdicts, diagnoses and printed output for the same seed, whichever grader process and
warm worker graded them."""

from pathlib import Path

from conftest import ROOT, leftover_processes

from autograder.api import grade
from autograder.batch.engine import MISSING, ClassGrader
from autograder.batch.work import Source, StudentWork
from autograder.i18n import Text
from autograder.plain import plain
from autograder.registry import all_exercises

SUBMISSIONS = ROOT / "tests" / "submissions"


def _class() -> list[tuple[str, int, dict[str, Path]]]:
    """Students with a correct file, a catalogued mistake, an uncatalogued one (where there are),
    per exercise in turn; the first all correct, the last without one of their files."""
    exercises = [e.name for e in all_exercises()]
    kinds = ["correct", "mistakes", "uncatalogued"]
    students = []
    for number in range(6):
        files = {}
        for index, name in enumerate(exercises):
            kind = kinds[(number + index) % 3] if number else "correct"
            found = sorted((SUBMISSIONS / name / kind).glob("*.py")) or sorted(
                (SUBMISSIONS / name / "mistakes").glob("*.py")
            )
            files[name] = found[number % len(found)]
        if number == 5:
            del files[exercises[2]]
        students.append((f"student{number}", 1000 + number, files))
    return students


def test_class_grading_equals_single_grading(tmp_path):
    exercises = all_exercises()
    students = _class()
    works = []
    for student, seed, files in students:
        sources: dict[str, Source | Text] = {
            name: Source(path.read_bytes(), f"{name}.py") for name, path in files.items()
        }
        works.append(StudentWork(student, seed, sources))
    with ClassGrader(exercises, jobs=2) as grader:
        graded = dict(grader.grade(works))
    assert sorted(graded) == sorted(s for s, _, _ in students)

    for student, seed, files in students:
        folder = tmp_path / student
        folder.mkdir()
        for name, path in files.items():
            (folder / f"{name}.py").write_bytes(path.read_bytes())
        alone = grade(exercises, folder, cwd=folder, seed=seed)
        by_class = graded[student]
        assert by_class.seed == seed
        for ours, theirs in zip(by_class.exercises, alone.exercises, strict=True):
            if ours.exercise in files:
                assert plain(ours) == plain(theirs), (student, ours.exercise)
            else:
                assert ours.score == 0 and ours.load_error is not None
                assert ours.load_error.summary == MISSING
    assert any(run.score == run.max_score for run in graded.values())
    assert any(0 < run.score < run.max_score for run in graded.values())
    assert leftover_processes() == []
