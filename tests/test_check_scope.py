"""One mistake, one deduction: a check judges only what its title says.

A function that returns wrong values but leaves its inputs alone keeps the points of
"the caller's arrays are left unchanged"; a function that changes its inputs but
returns the right values loses those points only.
"""

import pytest
from conftest import SUBMISSIONS, diagnosed_ids, grade_file

INPUT_CHECKS = {
    "exercise1": "inputs_unchanged",
    "exercise2": "inputs_unchanged",
    "exercise3": "inputs_unchanged",
    "exercise5": "x_left_exactly",
}
INPUT_MISTAKES = {"mutates-input", "x-not-restored", "x-restored-arithmetically"}

MISTAKEN_FILES = sorted(
    path
    for exercise in INPUT_CHECKS
    for folder in ("mistakes", "uncatalogued")
    for path in (SUBMISSIONS / exercise / folder).glob("*.py")
)
INPUT_MISTAKE_FILES = [p for p in MISTAKEN_FILES if p.stem.split("__")[0] in INPUT_MISTAKES]
VALUE_MISTAKE_FILES = [p for p in MISTAKEN_FILES if p not in INPUT_MISTAKE_FILES]


def name(path):
    return f"{path.parent.parent.name}/{path.parent.name}/{path.stem}"


def about_changed_input(failure) -> bool:
    return " changed its " in failure.summary.en


@pytest.mark.parametrize("path", VALUE_MISTAKE_FILES, ids=name)
def test_a_value_mistake_keeps_the_unchanged_inputs_check(path):
    exercise = path.parent.parent.name
    result = grade_file(exercise, path)
    failed = {c.check for c in result.checks if not c.passed}
    assert failed and INPUT_CHECKS[exercise] not in failed


@pytest.mark.parametrize("path", INPUT_MISTAKE_FILES, ids=name)
def test_a_changed_input_costs_only_the_unchanged_inputs_check(path):
    exercise = path.parent.parent.name
    result = grade_file(exercise, path)
    failures = {c.check: c.failure for c in result.checks if not c.passed}
    assert INPUT_CHECKS[exercise] in failures
    assert about_changed_input(failures[INPUT_CHECKS[exercise]])
    assert path.stem.split("__")[0] in {d.id for d in failures[INPUT_CHECKS[exercise]].diagnoses}
    # any other check it fails, it fails on a wrong value
    assert [c for c, f in failures.items() if c != INPUT_CHECKS[exercise] and about_changed_input(f)] == []
    assert diagnosed_ids(result) == {path.stem.split("__")[0]}
