"""How long `grade exerciseN` takes, against `python -c "import numpy"` in the same run.

Runs are interleaved (baseline, exercise1, …, exercise5, baseline, …) so that
machine noise hits every command alike. Prints each command's median and its
ratio to the baseline's median; the target is a ratio under 4 and a median
under 0.25 s.

    python benchmarks/grade_speed.py [--runs 11] [--submission solutions]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def grade_command() -> list[str]:
    installed = Path(sys.executable).parent / "grade"
    if installed.exists():
        return [str(installed)]
    found = shutil.which("grade")
    return [found] if found else [sys.executable, "-m", "autograder"]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--submission", default=str(ROOT / "solutions"))
    options = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from autograder.registry import all_exercises

    commands = {"baseline: python -c 'import numpy'": [sys.executable, "-c", "import numpy"]}
    for exercise in all_exercises():
        commands[f"grade {exercise.name}"] = [
            *grade_command(),
            exercise.name,
            "--submission",
            options.submission,
        ]
    for command in commands.values():  # warm the disk cache and matplotlib's font cache
        timed(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(options.runs):
        for name, command in commands.items():
            samples[name].append(timed(command))
    baseline = statistics.median(next(iter(samples.values())))
    print(f"{'command':40} {'median s':>9} {'ratio':>6}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:40} {median:9.3f} {median / baseline:6.2f}")
    worst = max(statistics.median(v) for k, v in samples.items() if k.startswith("grade"))
    print(
        f"worst grade median {worst:.3f} s = {worst / baseline:.2f}× the numpy-import baseline "
        f"(target: under 4× and under 0.25 s)"
    )


if __name__ == "__main__":
    main()
