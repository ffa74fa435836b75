"""Submissions as files: notebooks, folders, damaged files."""

import json

from conftest import ROOT, grade_file

SOLUTION = ROOT / "solutions" / "exercise1.py"


def notebook(*cells: str) -> str:
    return json.dumps(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {},
            "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Exercise 1"]}]
            + [
                {
                    "cell_type": "code",
                    "metadata": {},
                    "execution_count": None,
                    "outputs": [],
                    "source": cell.splitlines(keepends=True),
                }
                for cell in cells
            ],
        }
    )


def test_notebook_submission_with_magics_and_shell_escapes(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(
        notebook("%matplotlib inline\n!ls /\nimport numpy as np", "%%bash\necho hi", SOLUTION.read_text())
    )
    result = grade_file("exercise1", path)
    assert result.score == 10


def test_damaged_notebook_scores_zero_with_a_message(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text('{"cells": [')
    result = grade_file("exercise1", path)
    assert result.score == 0
    assert "damaged" in result.load_error.summary.en


def test_folder_submission_in_nbgrader_layout(tmp_path):
    (tmp_path / "exercise1").mkdir()
    (tmp_path / "exercise1" / "exercise1.ipynb").write_text(notebook(SOLUTION.read_text()))
    assert grade_file("exercise1", tmp_path).score == 10


def test_nul_bytes_are_an_import_failure(tmp_path):
    path = tmp_path / "exercise1.py"
    path.write_bytes(b"import numpy\x00\n")
    result = grade_file("exercise1", path)
    assert result.score == 0
    assert "could not be imported" in result.load_error.summary.en


def test_notebook_cells_after_a_broken_one_still_run(tmp_path):
    source = SOLUTION.read_text()
    path = tmp_path / "exercise1.ipynb"
    path.write_text(
        notebook("import numpy as np", "def broken(:\n    pass", "raise ValueError('oops')", source)
    )
    result = grade_file("exercise1", path)
    assert result.score == 10
    assert "SyntaxError" in result.printed and "ValueError: oops" in result.printed


def test_notebook_error_traceback_names_the_cell(tmp_path):
    source = SOLUTION.read_text().replace(
        "    labels = np.asarray(labels).astype(int).reshape(-1)\n    encoded",
        "    raise KeyError('here')\n    encoded",
        1,
    )
    path = tmp_path / "exercise1.ipynb"
    path.write_text(notebook("import numpy as np", source))
    failure = grade_file("exercise1", path).checks[0].failure
    assert "Notebook cell 2, line" in failure.traceback and "in one_hot" in failure.traceback


def test_nbgrader_test_cells_are_not_run_as_student_code(tmp_path):
    cells = json.loads(notebook(SOLUTION.read_text(), "raise RuntimeError('a test cell')"))
    cells["cells"][-1]["metadata"]["nbgrader"] = {
        "grade": True,
        "solution": False,
        "grade_id": "t",
        "points": 1,
    }
    path = tmp_path / "exercise1.ipynb"
    path.write_text(json.dumps(cells))
    result = grade_file("exercise1", path)
    assert result.score == 10 and "a test cell" not in result.printed
