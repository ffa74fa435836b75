from pathlib import Path

import pytest

from autograder import sandbox
from autograder.api import grade
from autograder.registry import find
from autograder.worker.process import Limits

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"


def grade_file(exercise_name: str, path: Path, **options):
    """Grade one file on one exercise through the public API; the ExerciseResult."""
    run = grade([find(exercise_name)], path, **options)
    return run.exercises[0]


def diagnosed_ids(result) -> set[str]:
    return {d.id for c in result.checks if c.failure for d in c.failure.diagnoses}


@pytest.fixture
def quick_limits():
    return Limits(call_timeout=1.0, load_timeout=3.0)


PROTECTING = [t for t in sandbox.available_tiers() if sandbox.TIERS[t].protects_grader_files]


@pytest.fixture(params=PROTECTING)
def tier(request, monkeypatch):
    """Each isolation tier of this machine that protects the grader's files, in turn."""
    monkeypatch.setenv("GRADE_ISOLATION", request.param)
    sandbox.detect.cache_clear()
    yield request.param
    sandbox.detect.cache_clear()
