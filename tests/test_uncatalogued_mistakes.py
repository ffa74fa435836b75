"""Mistakes the catalogue does not list (tests/submissions/exerciseN/uncatalogued/): each
breaks a promise of the stub's docstring, loses points for it, and is named as nothing."""

import pytest
from conftest import SUBMISSIONS, diagnosed_ids, grade_file
from test_diagnosis import grader_errors

UNCATALOGUED_FILES = sorted(SUBMISSIONS.glob("exercise*/uncatalogued/*.py"))


@pytest.mark.parametrize("path", UNCATALOGUED_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_uncatalogued_mistake_loses_points_and_is_not_named(path):
    result = grade_file(path.parent.parent.name, path)
    assert result.score < result.max_score
    assert diagnosed_ids(result) == set()
    assert grader_errors(result) == []
