"""Notebooks saved in older formats (nbformat 2 and 3, as IPython 0.12 to 2 saved them,
written here by nbformat's own writers for those versions) are read as Jupyter reads them."""

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, grade_file
from nbformat import v2, v3

SOLUTION = (ROOT / "solutions" / "exercise1.py").read_text()
GRADE = Path(sys.executable).parent / "grade"


def v3_notebook(*sources: str) -> str:
    """A notebook as IPython 2 saved it: worksheets, a heading cell, code cells' input."""
    cells = [v3.new_heading_cell("Exercise 1", level=1), v3.new_text_cell("markdown", source="Clipped CE")]
    cells += [v3.new_code_cell(input=source, prompt_number=n) for n, source in enumerate(sources, 1)]
    notebook = v3.new_notebook(name="exercise1", worksheets=[v3.new_worksheet(cells=cells)])
    text = v3.writes_json(notebook)
    nbformat.validate(json.loads(text), version=3)  # a valid nbformat 3 notebook
    return text


def v2_notebook(*sources: str) -> str:
    cells = [v2.new_text_cell("markdown", source="Clipped CE")]
    cells += [v2.new_code_cell(input=source) for source in sources]
    return v2.writes_json(v2.new_notebook(worksheets=[v2.new_worksheet(cells=cells)]))


@pytest.mark.parametrize("make", [v3_notebook, v2_notebook])
def test_older_notebook_with_correct_code_gets_full_marks(tmp_path, make):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(make("import numpy as np", SOLUTION))
    result = grade_file("exercise1", path)
    assert result.load_error is None
    assert result.score == result.max_score == 10


def test_nbformat_3_notebook_with_magics_and_shell_lines(tmp_path):
    marker = tmp_path / "shell-ran"
    path = tmp_path / "exercise1.ipynb"
    path.write_text(
        v3_notebook(
            f"%matplotlib inline\n!touch {marker}\nimport numpy as np",
            f"%%bash\ntouch {marker}",
            SOLUTION,
        )
    )
    assert grade_file("exercise1", path).score == 10
    assert not marker.exists()


def test_nbformat_3_traceback_names_the_cell_as_jupyter_shows_it(tmp_path):
    raising = SOLUTION.replace(
        "    labels = np.asarray(labels).astype(int).reshape(-1)\n", "    raise KeyError('here')\n", 1
    )
    path = tmp_path / "old.ipynb"
    path.write_text(v3_notebook("import numpy as np", raising))
    failure = grade_file("exercise1", path, cwd=tmp_path).checks[0].failure
    # heading and markdown cells first: the code cells are cells 3 and 4
    assert 'File "old.ipynb", cell 4, line 7, in one_hot\n' in failure.traceback


def test_a_future_notebook_format_is_named_as_such(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(json.dumps({"nbformat": 5, "nbformat_minor": 0, "metadata": {}, "cells": []}))
    result = grade_file("exercise1", path)
    assert result.score == 0
    assert "cannot read (it reads nbformat 1 to 4)" in result.load_error.summary.en


def test_a_damaged_nbformat_3_notebook_is_damaged(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": "none"}))
    result = grade_file("exercise1", path)
    assert result.score == 0 and "damaged" in result.load_error.summary.en


def test_installed_grade_reads_an_nbformat_3_notebook_quietly(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(v3_notebook("%matplotlib inline\nimport numpy as np", SOLUTION))
    done = subprocess.run([GRADE, "1", "--submission", path, "--lang", "en"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "exercise1: 10/10 points" in done.stdout
    assert done.stderr == ""
