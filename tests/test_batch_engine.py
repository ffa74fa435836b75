"""Class grading gives each student exactly what `grade` gives them: the same checks,
verdicts, diagnoses and printed output for the same seed, whichever grader process and
warm worker graded them."""

from pathlib import Path

import pytest
from conftest import ROOT, leftover_processes

from autograder.api import MISSING, grade
from autograder.batch.engine import ClassGrader
from autograder.batch.work import StudentWork
from autograder.errors import GradeError
from autograder.i18n import Text
from autograder.plain import plain
from autograder.registry import all_exercises, find
from autograder.submission import Source

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


def _works(count: int) -> list[StudentWork]:
    source = Source((ROOT / "solutions" / "exercise2.py").read_bytes(), "exercise2.py")
    return [StudentWork(f"s{n}", n, {"exercise2": source}) for n in range(count)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_student_the_grader_fails_on_is_named_after_the_others_are_graded(jobs):
    broken = StudentWork("broken", 7, {"exercise2": Source(None, "exercise2.py")})  # type: ignore[arg-type]
    works = _works(3)
    graded = []
    with ClassGrader([find("exercise2")], jobs=jobs) as grader, pytest.raises(GradeError) as error:
        for student, run in grader.grade([works[0], broken, *works[1:]]):
            graded.append(student)
            assert run.score == run.max_score
    assert sorted(graded) == ["s0", "s1", "s2"]
    assert "broken" in error.value.message.en and "run the same command again" in error.value.message.en
    assert "broken" in error.value.message.zh
    assert leftover_processes() == []


def test_the_students_of_a_grader_process_that_died_are_named_and_the_others_graded():
    graded = []
    with ClassGrader([find("exercise2")], jobs=2) as grader, pytest.raises(GradeError) as error:
        process, _ = grader._processes[0]
        process.kill()
        process.join()
        for student, _ in grader.grade(_works(6)):
            graded.append(student)
    named = [s for s in ("s0", "s1", "s2", "s3", "s4", "s5") if s in error.value.message.en]
    assert sorted(graded + named) == ["s0", "s1", "s2", "s3", "s4", "s5"] and graded and named
    assert "a grader process stopped" in error.value.message.en
    assert leftover_processes() == []
