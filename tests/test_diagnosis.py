"""Every known mistake, written as a student would, is named — and only it."""
import pytest

from autograder.registry import all_exercises
from conftest import SUBMISSIONS, diagnosed_ids, grade_file

MISTAKE_FILES = sorted(SUBMISSIONS.glob("exercise*/mistakes/*.py"))


def mistake_id(path):
    return path.stem.split("__")[0]


@pytest.mark.parametrize("path", MISTAKE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_mistake_is_named_exactly(path):
    result = grade_file(path.parent.parent.name, path)
    assert result.score < result.max_score
    assert diagnosed_ids(result) == {mistake_id(path)}


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.name)
def test_every_catalogued_mistake_has_a_mistaken_submission(exercise):
    catalogue = {m.id for m in exercise.mistakes()}
    written = {mistake_id(p) for p in (SUBMISSIONS / exercise.name / "mistakes").glob("*.py")}
    assert catalogue <= written, f"no submission for {sorted(catalogue - written)}"
    assert written <= catalogue, f"submissions for unknown ids {sorted(written - catalogue)}"
