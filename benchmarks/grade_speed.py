"""How long `grade exerciseN` takes, against `python -c "import numpy"` in the same run.

A student runs `grade exerciseN` from their course folder: this builds one in a
temporary folder (``exercises/`` holding the given submissions, the solutions
by default) and runs the installed `grade` there. Runs are interleaved
(baseline, exercise1, …, exercise5, baseline, …) so that machine noise hits
every command alike; each command's median is printed with its ratio to the
baseline's median in the same run.

Python writes its bytecode caches as it does on a student's machine (a
``PYTHONDONTWRITEBYTECODE`` of the calling shell is left out; the warm-up
round writes them).

Targets: exercises 1, 2, 3 and 5 at most 2.2× the numpy import; exercise 4,
which imports pyplot, near 5×.

    python benchmarks/grade_speed.py [--runs 11] [--submission solutions]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.2
PYPLOT_EXERCISE, PYPLOT_TARGET = "exercise4", 5.0


def grade_command() -> list[str]:
    installed = Path(sys.executable).parent / "grade"
    if installed.exists():
        return [str(installed)]
    found = shutil.which("grade")
    return [found] if found else [sys.executable, "-m", "autograder"]


def student_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path, environment: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=environment)
    return time.perf_counter() - started


def interleaved_medians(
    commands: dict[str, list[str]], runs: int, cwd: Path, environment: dict[str, str]
) -> dict[str, float]:
    """Each command's median over ``runs`` rounds, after a warm-up round (disk cache,
    bytecode caches, matplotlib's font cache)."""
    for command in commands.values():
        timed(command, cwd, environment)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command, cwd, environment))
    return {name: statistics.median(values) for name, values in samples.items()}


def course_folder(into: Path, submissions: Path, names: list[str]) -> Path:
    """A student's course folder: ``exercises/<name>.py`` (or ``.ipynb``) from ``submissions``."""
    exercises = into / "exercises"
    exercises.mkdir(parents=True)
    for name in names:
        for suffix in (".py", ".ipynb"):
            if (submissions / f"{name}{suffix}").is_file():
                shutil.copyfile(submissions / f"{name}{suffix}", exercises / f"{name}{suffix}")
                break
    return into


def target_for(name: str) -> float:
    return PYPLOT_TARGET if name == PYPLOT_EXERCISE else TARGET


def report(runs: int, submission: Path) -> None:
    """Time each `grade exerciseN` and the baseline, interleaved; print medians, ratios, targets."""
    sys.path.insert(0, str(ROOT))
    from autograder.registry import all_exercises

    names = [exercise.name for exercise in all_exercises()]
    baseline = "python -c 'import numpy'"
    commands = {baseline: [sys.executable, "-c", "import numpy"]}
    commands |= {name: [*grade_command(), name] for name in names}
    with tempfile.TemporaryDirectory(prefix="grade-speed-") as folder:
        course = course_folder(Path(folder), submission.resolve(), names)
        medians = interleaved_medians(commands, runs, course, student_environment())
    numpy_import = medians.pop(baseline)
    print(f"{runs} interleaved runs; baseline {baseline}: median {numpy_import * 1000:.0f} ms")
    print(f"{'command':20} {'median ms':>10} {'ratio':>6} {'target':>7}")
    missed = []
    for name, median in medians.items():
        ratio, target = median / numpy_import, target_for(name)
        bound = "≤" if name != PYPLOT_EXERCISE else "~"
        verdict = "" if ratio <= target or name == PYPLOT_EXERCISE else "  MISSED"
        if verdict:
            missed.append(name)
        print(f"grade {name:14} {median * 1000:10.0f} {ratio:6.2f} {bound}{target:5.1f}×{verdict}")
    print(
        f"targets: ≤ {TARGET}× the numpy import for every exercise but {PYPLOT_EXERCISE} "
        f"(pyplot: near {PYPLOT_TARGET:g}×) — " + (f"missed by {', '.join(missed)}" if missed else "met")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--submission", type=Path, default=ROOT / "solutions")
    options = parser.parse_args()
    report(options.runs, options.submission)


if __name__ == "__main__":
    main()
