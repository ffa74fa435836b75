"""Correct code always gets full marks, however it is written; stubs get zero."""

import pytest
from conftest import ROOT, SUBMISSIONS, diagnosed_ids, grade_file

from autograder.registry import all_exercises

CORRECT_FILES = sorted(SUBMISSIONS.glob("exercise*/correct/*.py"))
EXERCISES = all_exercises()


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_reference_solution_scores_full_marks(exercise):
    result = grade_file(exercise.name, exercise.reference_path)
    assert [c.check for c in result.checks if not c.passed] == []
    assert result.score == result.max_score == 10


@pytest.mark.parametrize("path", CORRECT_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_correct_variant_scores_full_marks(path):
    result = grade_file(path.parent.parent.name, path)
    failures = {c.check: c.failure.summary.en for c in result.checks if not c.passed}
    assert failures == {}
    assert diagnosed_ids(result) == set()


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_every_exercise_has_several_correct_variants(exercise):
    assert len(list((SUBMISSIONS / exercise.name / "correct").glob("*.py"))) >= 3


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_untouched_stub_scores_zero_with_not_implemented(exercise):
    result = grade_file(exercise.name, ROOT / "exercises" / f"{exercise.name}.py")
    assert result.score == 0
    assert all("not implemented yet" in c.failure.summary.en for c in result.checks)
    assert all("还没有实现" in c.failure.summary.zh for c in result.checks)
    assert diagnosed_ids(result) == set()


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_exercise_is_worth_ten_points_over_six_checks(exercise):
    assert exercise.max_score == 10
    assert len(exercise.checks()) >= 6
    assert any(c.spec.hidden for c in exercise.checks())
    assert any(not c.spec.hidden for c in exercise.checks())
