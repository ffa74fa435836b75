"""Correct code always gets full marks, however it is written and whatever the seed;
stubs get zero."""

import inspect

import pytest
from conftest import ROOT, SUBMISSIONS, diagnosed_ids, grade_file

from autograder.api import open_session
from autograder.registry import all_exercises, find
from autograder.runner import check_rng, run_check
from autograder.student import StudentModule
from autograder.submission import read_source

CORRECT_FILES = sorted(p for p in SUBMISSIONS.glob("exercise*/correct/*") if p.suffix in (".py", ".ipynb"))
EXERCISES = all_exercises()
SEEDS = range(21)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_reference_solution_scores_full_marks(exercise):
    result = grade_file(exercise.name, exercise.reference_path)
    assert [c.check for c in result.checks if not c.passed] == []
    assert result.score == result.max_score == 10


@pytest.mark.parametrize(
    ("exercise_name", "path"),
    [(p.parent.parent.name, p) for p in CORRECT_FILES] + [(e.name, e.reference_path) for e in EXERCISES],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_correct_submission_scores_full_marks_for_every_seed(exercise_name, path):
    """Seeds 0-20 (``grade --seed``) through one worker, check by check as the grader runs
    them; a check without ``rng`` has the same inputs whatever the seed, so it runs once."""
    exercise = find(exercise_name)
    session = open_session(exercise, read_source(path))
    failures = {}
    try:
        assert session.ensure_loaded() is None
        fixtures = {"student": StudentModule(session, exercise.context()), "reference": exercise.reference()}
        for check in exercise.checks():
            seeds = SEEDS if "rng" in inspect.signature(check.function).parameters else SEEDS[:1]
            for seed in seeds:
                failure = run_check(check, fixtures, check_rng(seed, exercise.name, check.id))
                if failure is not None:
                    failures[(seed, check.id)] = failure.summary.en
    finally:
        session.close()
    assert failures == {}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_untouched_stub_scores_zero_with_not_implemented(exercise):
    result = grade_file(exercise.name, ROOT / "exercises" / f"{exercise.name}.py")
    assert result.score == 0
    assert all("not implemented yet" in c.failure.summary.en for c in result.checks)
    assert all("还没有实现" in c.failure.summary.zh for c in result.checks)
    assert diagnosed_ids(result) == set()
