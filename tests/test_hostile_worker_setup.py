"""An exercise's worker_setup.py reaches its own workers, and no other exercise's.

Under every tier that protects the grader on this machine: a worker's environment is the
scrubbed one plus what its exercise's setup adds; what the setup puts in the run folder is
there, readable by the worker.
"""

import nbformat
import pytest
from conftest import PROTECTING

from autograder.api import open_session
from autograder.nbgrader_kernel import ConfinedExecute
from autograder.registry import all_exercises, find
from autograder.student import StudentModule
from autograder.worker.process import Limits, scrubbed_environment

pytestmark = pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
QUICK = Limits(call_timeout=2.0, load_timeout=5.0)

LOOK_AROUND = b"""
import os


def look_around():
    found = {}
    for root, folders, files in os.walk("."):
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                found[path] = len(handle.read())
    return {"environment": dict(os.environ), "files": found}
"""


def look_around(exercise):
    """What a worker of ``exercise`` sees: its environment and the files of its run folder."""
    session = open_session(exercise, LOOK_AROUND, QUICK)
    try:
        seen = StudentModule(session, exercise.context()).look_around()
    finally:
        session.close()
    seen["environment"].pop("PWD", None)  # bubblewrap's --chdir sets it
    return session.run_dir, seen


def test_an_exercise_without_setup_gets_nothing_of_another_exercises(tier):
    exercise = next(e for e in all_exercises() if e.worker_setup is None)
    run_dir, seen = look_around(exercise)
    assert seen["environment"] == scrubbed_environment(run_dir)
    assert set(seen["files"]) == {f"./{exercise.name}.py", "./stdout.txt", "./stderr.txt"}


def test_exercise4_worker_draws_off_screen_with_the_graders_font_cache(tier):
    exercise = find("exercise4")
    run_dir, seen = look_around(exercise)
    environment = seen["environment"]
    assert environment == scrubbed_environment(run_dir) | {
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(run_dir / "matplotlib"),
    }
    font_caches = [path for path in seen["files"] if path.startswith("./matplotlib/fontlist-")]
    assert font_caches and all(seen["files"][path] > 0 for path in font_caches)


INLINE = "module://matplotlib_inline.backend_inline"
KERNEL_LOOKS_AROUND = """
import os
folder = os.environ.get("MPLCONFIGDIR")
print(folder, os.environ.get("MPLBACKEND"), sorted(os.listdir(folder)) if folder else [])
"""


@pytest.mark.parametrize("notebook", ["exercise1", "exercise4"])
def test_a_notebooks_kernel_gets_its_exercises_setup(tier, tmp_path, notebook):
    """Exercise 4's kernel reads the grader's font cache and keeps ipykernel's inline
    backend; exercise 1's gets nothing of it."""
    cell = nbformat.v4.new_code_cell(KERNEL_LOOKS_AROUND)
    nb = nbformat.v4.new_notebook(
        cells=[cell], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    )
    resources = {"nbgrader": {"notebook": notebook}, "metadata": {"path": str(tmp_path)}}
    ConfinedExecute().preprocess(nb, resources)
    folder, backend, files = "".join(o.get("text", "") for o in nb.cells[0].outputs).split(" ", 2)
    assert backend == INLINE  # ipykernel's choice: the setup does not impose Agg on a kernel
    if notebook == "exercise1":
        assert (folder, files) == ("None", "[]\n")
    else:
        assert folder.endswith("/matplotlib") and "fontlist-" in files


def test_exercise4_setup_leaves_a_notebook_kernel_its_inline_backend(tmp_path):
    setup = find("exercise4").worker_setup
    assert setup is not None
    assert setup.environment(tmp_path, True) == {"MPLCONFIGDIR": str(tmp_path / "matplotlib")}
