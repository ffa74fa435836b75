"""nbgrader's autograde time per notebook for our generated course, and `grade` on the same notebooks.

Builds a course in a temporary folder (`grade nbgrader init`), generates every
assignment, submits the solution notebook for a few students, then times
`nbgrader autograde` per exercise and `grade` on each submitted notebook, in
the same run. Prints seconds per notebook for both and their ratio, so later
batch paths can be compared against nbgrader here. benchmarks/batch_speed.py
uses its course and autograde timing on a class's own submissions.

    python benchmarks/nbgrader_autograde.py [--students 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent


def run(command: list, cwd: Path) -> float:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    started = time.perf_counter()
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return elapsed


def require_nbgrader() -> None:
    if shutil.which("nbgrader", path=str(BIN)) is None:
        sys.exit("nbgrader is not installed here: pip install -e '.[test]'")


def make_course(course: Path, names: list[str]) -> None:
    """The generated course in ``course``, every assignment generated (its release notebooks)."""
    run([BIN / "grade", "nbgrader", "init", course, "--lang", "en"], course)
    for name in names:
        run([BIN / "nbgrader", "generate_assignment", name, "--force"], course)


def submit(course: Path, student: str, name: str, notebook: dict) -> Path:
    target = course / "submitted" / student / name / f"{name}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(notebook), encoding="utf-8")
    return target


def answered(course: Path, name: str, source: str) -> dict:
    """The release notebook of ``name`` answered with a .py submission's code: all of it in the
    first code cell, the solution cells emptied (whatever form the functions take)."""
    notebook = json.loads((course / "release" / name / f"{name}.ipynb").read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    code[0]["source"] = source
    for cell in code:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = ""
    return notebook


def autograde(course: Path, name: str) -> float:
    """Seconds `nbgrader autograde` takes on every submission of ``name``."""
    return run([BIN / "nbgrader", "autograde", name, "--force"], course)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=3)
    options = parser.parse_args()
    require_nbgrader()
    sys.path.insert(0, str(ROOT))
    from autograder.registry import all_exercises

    names = [e.name for e in all_exercises()]
    with tempfile.TemporaryDirectory(prefix="nbgrader-bench-") as folder:
        course = Path(folder)
        make_course(course, names)
        for name in names:
            source = json.loads((course / "source" / name / f"{name}.ipynb").read_text(encoding="utf-8"))
            for student in range(options.students):
                submit(course, f"student{student}", name, source)
        print(f"{'exercise':12} {'nbgrader s/nb':>14} {'grade s/nb':>11} {'ratio':>6}")
        totals = [0.0, 0.0]
        for name in names:
            per_notebook = autograde(course, name) / options.students
            direct = (
                sum(
                    run(
                        [
                            BIN / "grade",
                            name,
                            "--submission",
                            course / "submitted" / f"student{s}" / name / f"{name}.ipynb",
                        ],
                        course,
                    )
                    for s in range(options.students)
                )
                / options.students
            )
            totals[0] += per_notebook
            totals[1] += direct
            print(f"{name:12} {per_notebook:14.2f} {direct:11.2f} {per_notebook / direct:6.1f}")
        print(
            f"{'mean':12} {totals[0] / len(names):14.2f} {totals[1] / len(names):11.2f} "
            f"{totals[0] / totals[1]:6.1f}"
        )


if __name__ == "__main__":
    main()
