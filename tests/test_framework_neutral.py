"""What is particular to an exercise lives with the exercise: the framework names no library
that only an exercise uses (the exercise's hooks, WORKER_PRELOAD, REQUIRES and
worker_setup.py, carry it), and installs what each exercise requires."""

import ast
import importlib.metadata
import re
import sys

from conftest import ROOT

from autograder.registry import CHECKS_DIR, all_exercises
from autograder.release import GRADER_REQUIRES

EXERCISE_FOLDER = re.compile(r"^exercise\d+$")


def exercise_files():
    for exercise in all_exercises():
        yield from (CHECKS_DIR / exercise.name).rglob("*.py")
        yield exercise.reference_path
        yield exercise.stub_path


def framework_files():
    for path in (ROOT / "autograder").rglob("*.py"):
        if not any(EXERCISE_FOLDER.match(part) for part in path.relative_to(CHECKS_DIR.parent).parts):
            yield path


def imported_libraries(paths) -> set[str]:
    """The top-level names of what ``paths`` import (absolute imports only)."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"autograder"}


def test_the_framework_names_no_library_only_an_exercise_uses():
    libraries = imported_libraries(exercise_files()) - imported_libraries(framework_files())
    assert libraries  # the exercises do use some (a plotting library): the test sees them
    named = {
        f"{path.relative_to(ROOT)}: {library}"
        for path in framework_files()
        for library in libraries
        if re.search(rf"\b{re.escape(library)}\b", path.read_text(encoding="utf-8"), re.IGNORECASE)
    }
    assert named == set()


def test_the_grader_installs_what_each_exercise_requires():
    declared = [
        r for r in importlib.metadata.requires("cross-entropy-autograder") or [] if "extra ==" not in r
    ]
    required = {r for exercise in all_exercises() for r in exercise.requires}
    assert sorted(declared) == sorted({*GRADER_REQUIRES, *required})
