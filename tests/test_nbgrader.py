"""End to end through the real nbgrader: init our course, generate, autograde, feedback, export.

The scores nbgrader exports must equal what `grade` gives the same notebooks.
"""

import ast
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SUBMISSIONS, load_notebook, save_notebook

from autograder.registry import all_exercises, find

BIN = Path(sys.executable).parent
EXERCISES = [e.name for e in all_exercises()]
CONFIG_ERROR = "Exception while loading config file"


def mistaken_submission(name: str) -> Path:
    """The first file of the exercise's known mistakes that defines each function of the stub
    with a `def` (each goes into its solution cell): the submission of a student who made it."""
    stub = ast.parse(find(name).stub_path.read_text(encoding="utf-8"))
    wanted = {node.name for node in stub.body if isinstance(node, ast.FunctionDef)}
    for path in sorted((SUBMISSIONS / name / "mistakes").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if wanted <= {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}:
            return path
    raise AssertionError(f"no file of {SUBMISSIONS / name / 'mistakes'} defines each of {sorted(wanted)}")


MISTAKES = {name: mistaken_submission(name) for name in EXERCISES}


def run(command, cwd):
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-4000:]
    assert CONFIG_ERROR not in log, log[-4000:]
    return log


def solution_cells(notebook):
    return [c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]


def with_code_from(notebook, submission: Path):
    """The release notebook answered with a submission file's functions, cell by cell."""
    source = submission.read_text()
    tree = ast.parse(source)
    functions = {
        n.name: ast.get_source_segment(source, n) for n in tree.body if isinstance(n, ast.FunctionDef)
    }
    helpers = "\n\n".join(
        ast.get_source_segment(source, n) for n in tree.body if not isinstance(n, ast.FunctionDef)
    )
    notebook["cells"][1]["source"] = (
        helpers
        + "\n\n"
        + "\n\n".join(
            f
            for name, f in functions.items()
            if name not in {c["metadata"]["nbgrader"]["grade_id"] for c in solution_cells(notebook)}
        )
    )
    for cell in solution_cells(notebook):
        cell["source"] = functions[cell["metadata"]["nbgrader"]["grade_id"]]
    return notebook


def broken(notebook, exercise):
    """The solution notebook with a syntax error in its first solution cell and an error cell."""
    first = solution_cells(notebook)[0]
    first["source"] = first["source"].replace("):", ")", 1)
    notebook["cells"].insert(
        2,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "boom",
            "metadata": {},
            "outputs": [],
            "source": "raise RuntimeError('a cell that fails')",
        },
    )
    return notebook


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    run([BIN / "grade", "nbgrader", "init", root, "--lang", "en"], cwd=root)
    for name in EXERCISES:
        run([BIN / "nbgrader", "generate_assignment", name, "--force"], cwd=root)
    for name in EXERCISES:
        source = load_notebook(root / "source" / name / f"{name}.ipynb")
        release = load_notebook(root / "release" / name / f"{name}.ipynb")
        students = {
            "alice": source,
            "bob": release,
            "carol": with_code_from(
                load_notebook(root / "release" / name / f"{name}.ipynb"),
                MISTAKES[name],
            ),
            "dave": broken(load_notebook(root / "source" / name / f"{name}.ipynb"), name),
        }
        for student, notebook in students.items():
            save_notebook(notebook, root / "submitted" / student / name / f"{name}.ipynb")
    logs = {}
    for name in EXERCISES:
        logs[name] = run([BIN / "nbgrader", "autograde", name, "--force"], cwd=root)
        run([BIN / "nbgrader", "generate_feedback", name, "--force"], cwd=root)
    run([BIN / "nbgrader", "export"], cwd=root)
    return root


def exported_scores(root):
    with open(root / "grades.csv", newline="") as handle:
        return {(row["student_id"], row["assignment"]): float(row["score"]) for row in csv.DictReader(handle)}


def grade_score(path):
    done = subprocess.run(
        [BIN / "grade", path.parent.name, "--submission", path, "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["score"]


def test_course_has_config_and_a_notebook_per_exercise(course):
    assert (course / "nbgrader_config.py").exists()
    for name in EXERCISES:
        notebook = load_notebook(course / "source" / name / f"{name}.ipynb")
        tests = [c for c in notebook["cells"] if c["metadata"].get("nbgrader", {}).get("grade")]
        assert sum(c["metadata"]["nbgrader"]["points"] for c in tests) == 10
        assert all(c["metadata"]["nbgrader"]["locked"] for c in tests)
        assert any("### BEGIN HIDDEN TESTS" in c["source"] for c in tests)


def test_release_notebooks_hold_no_solution_and_no_hidden_check(course):
    for name in EXERCISES:
        text = (course / "release" / name / f"{name}.ipynb").read_text()
        assert "BEGIN SOLUTION" not in text and "raise NotImplementedError()" in text
        assert "BEGIN HIDDEN TESTS" not in text


def test_exported_scores_equal_what_grade_gives(course):
    scores = exported_scores(course)
    for name in EXERCISES:
        for student in ("alice", "bob", "carol", "dave"):
            path = course / "submitted" / student / name / f"{name}.ipynb"
            assert scores[(student, name)] == pytest.approx(grade_score(path)), (student, name)
        assert scores[("alice", name)] == 10
        assert scores[("bob", name)] == 0
        assert scores[("carol", name)] < 10
        assert scores[("dave", name)] < 10


def test_feedback_holds_the_diagnosis_and_never_the_hidden_checks(course):
    for name in EXERCISES:
        html = (course / "feedback" / "carol" / name / f"{name}.html").read_text()
        mistake_id = MISTAKES[name].stem.split("__")[0]
        assert f"[{mistake_id}]" in html, name
        assert "hint:" in html
        assert "BEGIN HIDDEN TESTS" not in html
        hidden = next(c for c in all_exercises() if c.name == name).checks()
        for check in (c for c in hidden if c.spec.hidden):
            assert f"check(&#39;{name}&#39;, &#39;{check.id}&#39;" not in html
            assert f"check('{name}', '{check.id}'" not in html
        assert "Traceback (most recent call last)" not in html


def test_broken_notebook_is_graded_not_crashed(course):
    html = (course / "feedback" / "dave" / "exercise1" / "exercise1.html").read_text()
    assert "SyntaxError" in html and "a cell that fails" in html
    assert 0 < exported_scores(course)[("dave", "exercise1")] < 10


def test_verdicts_name_an_unprotected_tier_in_the_course_language(tmp_path, monkeypatch, caplog):
    """Where no tier confines the grading, the log and the first test cell say so, in the config's language."""
    import logging

    import nbformat

    from autograder import nbgrader_course
    from autograder.isolation import tiers
    from autograder.nbgrader_grading import RESULT, GradeSubmittedCode, RecordVerdicts

    monkeypatch.setenv("GRADE_ISOLATION", "limits")
    tiers.detect.cache_clear()
    try:
        exercise = all_exercises()[0]
        notebook = nbformat.from_dict(nbgrader_course.exercise_notebook(exercise, "zh"))
        resources = {"nbgrader": {"notebook": exercise.name}}
        GradeSubmittedCode().preprocess(notebook, resources)
    finally:
        tiers.detect.cache_clear()
    assert resources[RESULT].isolation == "limits"
    with caplog.at_level(logging.WARNING):
        RecordVerdicts(lang="zh").preprocess(notebook, resources)
    tests = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]
    first = tests[0].outputs[0].text
    assert "隔离：limits" in first and "通过。" in first
    assert all(len(c.outputs) == 1 and c.outputs[0].output_type == "stream" for c in tests)  # all passed
    assert "隔离：limits" not in tests[1].outputs[0].text
    assert "隔离：limits" in caplog.text


def test_students_validating_their_notebook_see_the_check_cells_feedback(course):
    """A student's own run (nbgrader validate, an ordinary kernel) still grades through the check cells."""
    solved = run(
        [BIN / "nbgrader", "validate", course / "submitted" / "alice" / "exercise1" / "exercise1.ipynb"],
        cwd=course,
    )
    assert "Success! Your notebook passes all the tests." in solved
    stubs = run(
        [BIN / "nbgrader", "validate", course / "submitted" / "bob" / "exercise1" / "exercise1.ipynb"],
        cwd=course,
    )
    assert "VALIDATION FAILED" in stubs
    assert "CheckNotPassed: `one_hot` is not implemented yet" in stubs


# ---- the solution cells, from the stub and the reference -------------------------------

STUB = '''"""The task."""

import numpy as np

LIMIT = 30.0


def labels(y, epsilon=0.1):
    """Soft labels."""
    raise NotImplementedError


def grad(z, y, epsilon=0.1):
    """The gradient."""
    raise NotImplementedError
'''
REFERENCE = '''"""A reference with constants, helper functions and classes, and a demonstration."""

import numpy as np

HALF = 0.5
EPSILON = 0.1


def _sigmoid(z):
    return HALF * (1.0 + np.tanh(HALF * np.asarray(z, dtype=float)))


class _Smoothing:
    def __init__(self, epsilon):
        self.epsilon = epsilon

    def __call__(self, y):
        y = np.asarray(y, dtype=float)
        return y + self.epsilon * (ONE - 2.0 * y)


ONE = 1.0  # defined after the class that reads it


def _unused():
    return "never called"


def labels(y, epsilon=EPSILON):
    return _Smoothing(epsilon)(y)


def grad(z, y, epsilon=EPSILON):
    """The gradient with smoothed labels."""
    return _sigmoid(np.clip(z, -LIMIT, LIMIT)) - labels(y, epsilon)


if __name__ == "__main__":
    print(grad(0.0, 1.0))
'''


def run_cells(cells) -> dict:
    namespace: dict = {}
    for cell in cells:
        exec(cell["source"], namespace)
    return namespace


def test_solution_cells_carry_the_references_constants_and_helpers_hidden():
    import nbformat
    from nbgrader.preprocessors import ClearSolutions

    from autograder.nbgrader_course import code_cells

    cells = code_cells("exercise9", STUB, REFERENCE, Path("solutions/exercise9.py"))
    solved = run_cells(cells)
    assert solved["labels"]([1.0, 0.0], 0.2).tolist() == pytest.approx([0.8, 0.2])
    assert solved["grad"](0.0, 1.0) == pytest.approx(0.5 - 0.9)
    assert all(
        name not in solved for name in ("_sigmoid", "_Smoothing", "HALF", "ONE")
    )  # inside the functions
    text = "\n".join(cell["source"] for cell in cells)
    assert "_unused" not in text and "print(" not in text

    notebook = nbformat.from_dict({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    released, _ = ClearSolutions().preprocess(notebook, {})
    for hidden in ("_sigmoid", "_Smoothing", "HALF", "ONE", "tanh"):
        assert all(hidden not in cell.source for cell in released.cells), hidden
    stubs = run_cells(released.cells)
    assert stubs["LIMIT"] == 30.0  # the stub's own constant, given to students
    with pytest.raises(NotImplementedError):
        stubs["grad"](0.0, 1.0)


def test_a_reference_the_notebook_cannot_carry_is_a_clear_error():
    from autograder.errors import GradeError
    from autograder.nbgrader_course import code_cells

    clashing = REFERENCE.replace(
        "    return _Smoothing(epsilon)(y)", "    ONE = 2\n    return _Smoothing(epsilon)(y) * ONE"
    )
    with pytest.raises(GradeError) as raised:
        code_cells("exercise9", STUB, clashing, Path("solutions/exercise9.py"))
    assert raised.value.message.en.startswith("solutions/exercise9.py, line 29: `labels` has a local `ONE`")
    with pytest.raises(GradeError) as raised:
        code_cells(
            "exercise9", STUB, REFERENCE.replace("def grad(", "def gradient("), Path("solutions/exercise9.py")
        )
    assert "no `def` of the stub's grad" in raised.value.message.en
