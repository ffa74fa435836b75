"""Every known mistake, written as a student would, is named — and only it."""

import dataclasses

import pytest
from conftest import SUBMISSIONS, diagnosed_ids, grade_file

from autograder.registry import find

MISTAKE_FILES = sorted(SUBMISSIONS.glob("exercise*/mistakes/*.py"))


def mistake_id(path):
    return path.stem.split("__")[0]


@pytest.mark.parametrize("path", MISTAKE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_mistake_is_named_exactly(path):
    result = grade_file(path.parent.parent.name, path)
    assert result.score < result.max_score
    assert diagnosed_ids(result) == {mistake_id(path)}
    assert grader_errors(result) == []


def grader_errors(result):
    return [
        c.failure.summary.en
        for c in result.checks
        if c.failure and c.failure.summary.en.startswith("The grader itself failed")
    ]


def test_a_bug_in_an_imitation_is_a_grader_error_not_a_missing_diagnosis(tmp_path, monkeypatch):
    """A NameError in the grader's own imitation is never taken for "this mistake does not apply"."""
    exercise = find("exercise1")
    mistakes = exercise.mistakes()
    log10 = next(m for m in mistakes if m.id == "log10")

    def broken(*args, **kwargs):
        return undefined_helper(*args)  # noqa: F821 - the bug under test

    buggy = tuple(dataclasses.replace(m, imitations=(broken,)) if m is log10 else m for m in mistakes)
    monkeypatch.setattr(type(exercise), "mistakes", lambda self: buggy)
    result = grade_file("exercise1", SUBMISSIONS / "exercise1" / "mistakes" / "log10.py")
    errors = grader_errors(result)
    assert errors and all("NameError" in e and "undefined_helper" in e for e in errors)


def test_a_mistake_seen_by_several_checks_is_named_once_in_the_summary():
    from click import unstyle

    from autograder.api import grade
    from autograder.writers.gradescope import results_json
    from autograder.writers.terminal import render

    run = grade([find("exercise1")], SUBMISSIONS / "exercise1" / "mistakes" / "sum-not-mean.py")
    result = run.exercises[0]
    assert sum("sum-not-mean" in {d.id for d in c.failure.diagnoses} for c in result.checks if c.failure) > 1
    for lang, label in (("en", "likely mistake: [sum-not-mean]"), ("zh", "可能的错误：[sum-not-mean]")):
        report = unstyle(render(run, lang)).splitlines()
        summary = next(i for i, line in enumerate(report) if line.startswith(("exercise1:", "exercise1：")))
        assert report[summary + 1] == label
        assert results_json(run, lang)["output"].count("[sum-not-mean]") == 1
