"""Submissions as files: notebooks, folders, damaged files."""

import json
import subprocess
import sys

from conftest import ROOT, grade_file

from autograder.api import grade
from autograder.registry import find

SOLUTION = ROOT / "solutions" / "exercise1.py"
RAISES_IN_ONE_HOT = SOLUTION.read_text().replace(
    "    labels = np.asarray(labels).astype(int).reshape(-1)\n    encoded",
    "    raise KeyError('here')\n    encoded",
    1,
)


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


def test_notebook_error_traceback_names_the_notebook_and_the_cell(tmp_path):
    path = tmp_path / "exercise1.ipynb"
    path.write_text(notebook("import numpy as np", RAISES_IN_ONE_HOT))
    failure = grade_file("exercise1", path).checks[0].failure
    # the markdown cell is cell 1: cells are counted as they stand in the notebook
    assert f'File "{path}", cell 3, line 7, in one_hot\n' in failure.traceback
    assert "exercise1.py" not in failure.traceback


def test_traceback_names_the_students_file_not_the_graders_copy(tmp_path):
    (tmp_path / "hw").mkdir()
    path = tmp_path / "hw" / "my_ce.py"
    path.write_text(RAISES_IN_ONE_HOT)
    failure = grade_file("exercise1", path, cwd=tmp_path).checks[0].failure
    assert 'File "hw/my_ce.py", line 7, in one_hot\n' in failure.traceback
    assert "exercise1.py" not in failure.traceback
    elsewhere = grade_file("exercise1", path, cwd=tmp_path / "hw" / "sub").checks[0].failure
    assert f'File "{path}", line 7, in one_hot\n' in elsewhere.traceback  # as given, outside the folder


def test_traceback_of_the_default_file_is_relative_to_the_course_folder(tmp_path):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "exercise1.py").write_text(RAISES_IN_ONE_HOT)
    run = grade([find("exercise1")], None, cwd=tmp_path)
    assert 'File "exercises/exercise1.py", line 7' in run.exercises[0].checks[0].failure.traceback


def test_syntax_error_names_the_students_file(tmp_path):
    path = tmp_path / "draft.py"
    path.write_text("def one_hot(labels, num_classes)\n    return 1\n")
    result = grade_file("exercise1", path, cwd=tmp_path)
    assert 'File "draft.py", line 1\n' in result.load_error.traceback
    assert "exercise1.py" not in result.load_error.traceback + result.load_error.summary.en


def test_printed_tracebacks_of_notebook_cells_name_the_notebook_and_the_cell(tmp_path):
    path = tmp_path / "homework.ipynb"
    path.write_text(notebook("import numpy as np\n1 / 0", "def broken(:\n    pass", SOLUTION.read_text()))
    result = grade_file("exercise1", path, cwd=tmp_path)
    assert result.score == 10
    assert 'File "homework.ipynb", cell 2, line 2, in <module>\n' in result.printed
    assert 'File "homework.ipynb", cell 3, line 1\n' in result.printed
    assert "exercise1.py" not in result.printed


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


KERNEL_SESSION = """
import sys
from IPython.testing.globalipapp import start_ipython

shell = start_ipython()
shell.run_cell("import numpy as np", store_history=True)
shell.run_cell(sys.argv[1], store_history=True)
shell.run_cell("from autograder.notebook import check\\ncheck('exercise1', 'one_hot')", store_history=True)
"""


def test_notebook_check_in_the_kernel_names_the_cell_as_jupyter_does():
    done = subprocess.run(
        [sys.executable, "-c", KERNEL_SESSION, RAISES_IN_ONE_HOT], capture_output=True, text=True, timeout=120
    )
    assert "your code raised:   Cell In[2], line 7, in one_hot\n" in done.stdout, done.stdout + done.stderr
    assert "exercise1.py" not in done.stdout


def test_notebook_magics_that_run_python_keep_the_students_code(tmp_path):
    """IPython runs the statement of ``%time`` and the body of ``%%time`` and ``%%capture``
    cells; ``x = !cmd`` assigns. Functions defined there are the student's answer."""
    source = SOLUTION.read_text()
    path = tmp_path / "exercise1.ipynb"
    path.write_text(
        notebook(
            "files = !ls /\nwho = %who_ls\nimport numpy as np",
            "%%capture\nimport math",
            "%%time\n" + source,
            "%time probe = cross_entropy_loss(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]]))\n"
            "assert abs(probe - math.log(2)) < 1e-9\nassert files is None",
        )
    )
    result = grade_file("exercise1", path)
    assert result.load_error is None
    assert result.score == 10
