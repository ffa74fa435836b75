"""nbgrader's autograde time per notebook for our generated course, and `grade` on the same notebooks.

Builds a course in a temporary folder (`grade nbgrader init`), generates every
assignment, submits the solution notebook for a few students, then times
`nbgrader autograde` per exercise and `grade` on each submitted notebook, in
the same run. Prints seconds per notebook for both and their ratio, so later
batch paths can be compared against nbgrader here.

    python benchmarks/nbgrader_autograde.py [--students 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def run(command: list, cwd: Path) -> float:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    started = time.perf_counter()
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=3)
    options = parser.parse_args()
    if shutil.which("nbgrader", path=str(BIN)) is None:
        sys.exit("nbgrader is not installed here: pip install -e '.[test]'")

    with tempfile.TemporaryDirectory(prefix="nbgrader-bench-") as folder:
        course = Path(folder)
        run([BIN / "grade", "nbgrader", "init", course, "--lang", "en"], course)
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from autograder.registry import all_exercises

        names = [e.name for e in all_exercises()]
        for name in names:
            run([BIN / "nbgrader", "generate_assignment", name, "--force"], course)
            for student in range(options.students):
                target = course / "submitted" / f"student{student}" / name
                target.mkdir(parents=True)
                shutil.copyfile(course / "source" / name / f"{name}.ipynb", target / f"{name}.ipynb")
        print(f"{'exercise':12} {'nbgrader s/nb':>14} {'grade s/nb':>11} {'ratio':>6}")
        totals = [0.0, 0.0]
        for name in names:
            autograde = run([BIN / "nbgrader", "autograde", name, "--force"], course) / options.students
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
            totals[0] += autograde
            totals[1] += direct
            print(f"{name:12} {autograde:14.2f} {direct:11.2f} {autograde / direct:6.1f}")
        print(
            f"{'mean':12} {totals[0] / len(names):14.2f} {totals[1] / len(names):11.2f} "
            f"{totals[0] / totals[1]:6.1f}"
        )


if __name__ == "__main__":
    main()
