"""Lets plain pytest run an exercise's checks: ``pytest autograder/checks/exercise3``.

By default the submission is the reference solution, so every check must pass:
that is how a course author tests a new exercise. ``--submission FILE`` runs
the checks against another file; ``--seed N`` changes the generated inputs.
"""

from pathlib import Path

import pytest

from autograder.api import open_session
from autograder.registry import find
from autograder.runner import check_rng
from autograder.student import StudentModule
from autograder.submission import read_source


def pytest_addoption(parser):
    parser.addoption("--submission", default=None, help="file to check (default: the reference solution)")
    parser.addoption("--seed", type=int, default=0, help="seed of the generated inputs")


@pytest.fixture(scope="module")
def exercise(request):
    return find(request.module.__name__.split(".")[-2])


@pytest.fixture(scope="module")
def student(request, exercise):
    path = Path(request.config.getoption("--submission") or exercise.reference_path)
    session = open_session(exercise, read_source(path))
    yield StudentModule(session, exercise.context())
    session.close()


@pytest.fixture
def reference(exercise):
    return exercise.reference()


@pytest.fixture
def rng(request, exercise):
    check_id = request.node.name.removeprefix("test_")
    return check_rng(request.config.getoption("--seed"), exercise.name, check_id)
