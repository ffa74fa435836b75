"""Submissions as files: notebooks, folders, damaged files."""
import json

from conftest import ROOT, grade_file

SOLUTION = ROOT / "solutions" / "exercise1.py"


def notebook(*cells: str) -> str:
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Exercise 1"]}]
        + [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
            "source": cell.splitlines(keepends=True)} for cell in cells],
    })


def test_notebook_submission_with_magics_and_shell_escapes(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(notebook("%matplotlib inline\n!ls /\nimport numpy as np",
                             "%%bash\necho hi", SOLUTION.read_text()))
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
