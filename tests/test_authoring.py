"""A course author checks an exercise by running plain pytest on its checks."""

import subprocess
import sys

import pytest
from conftest import ROOT

from autograder.registry import CHECKS_DIR, all_exercises


def run_pytest(*args):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.name)
def test_reference_passes_every_check_under_plain_pytest(exercise):
    result = run_pytest(CHECKS_DIR / exercise.name)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{len(exercise.checks())} passed" in result.stdout


def test_plain_pytest_fails_the_checks_for_a_stub():
    result = run_pytest(CHECKS_DIR / "exercise1", "--submission", ROOT / "exercises" / "exercise1.py")
    assert result.returncode == 1
    assert "8 failed" in result.stdout
    assert "not implemented yet" in result.stdout


def test_seed_changes_the_generated_inputs():
    from autograder.runner import check_rng

    assert (
        check_rng(0, "exercise1", "batch_mean").random() != check_rng(1, "exercise1", "batch_mean").random()
    )
    assert (
        check_rng(0, "exercise1", "batch_mean").random() == check_rng(0, "exercise1", "batch_mean").random()
    )
