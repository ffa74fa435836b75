"""What each isolation tier costs, against the plain worker (the ``limits`` tier) in the same run.

For every tier this machine offers: the time to start a worker and load a
submission, the time of one call across the boundary, and the time of a whole
check (exercise 1's checks, on the reference), each as a median and as a ratio
to the same measurement under ``limits``. Tiers are measured in turns so
machine noise hits them alike.

    python benchmarks/isolation_overhead.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autograder.isolation import tiers
from autograder.registry import find
from autograder.runner import check_rng, run_check
from autograder.session import WorkerSession
from autograder.student import StudentModule
from autograder.submission import read_source

CALLS = 200


def measure(tier: str) -> dict[str, float]:
    os.environ["GRADE_ISOLATION"] = tier
    tiers.detect.cache_clear()
    exercise = find("exercise1")
    started = time.perf_counter()
    session = WorkerSession(read_source(exercise.reference_path), exercise.name, exercise.converters_path)
    session.ensure_loaded()
    startup = time.perf_counter() - started
    student = StudentModule(session, exercise.context())
    started = time.perf_counter()
    for _ in range(CALLS):
        student.one_hot([0, 2, 1], 3)
    call = (time.perf_counter() - started) / CALLS
    fixtures = {"student": student, "reference": exercise.reference()}
    checks = exercise.checks()
    started = time.perf_counter()
    for check in checks:
        run_check(check, fixtures, check_rng(0, exercise.name, check.id))
    per_check = (time.perf_counter() - started) / len(checks)
    session.close()
    return {"startup": startup, "call": call, "check": per_check}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    names = tiers.available_tiers()
    samples = {tier: [] for tier in names}
    for tier in names:  # warm-up
        measure(tier)
    for _ in range(options.rounds):
        for tier in names:
            samples[tier].append(measure(tier))
    medians = {
        t: {k: statistics.median(s[k] for s in samples[t]) for k in ("startup", "call", "check")}
        for t in names
    }
    base = medians["limits"]
    print(
        f"{'tier':16} {'start ms':>9} {'ratio':>6} {'call µs':>9} {'ratio':>6} {'check ms':>9} {'ratio':>6}"
    )
    for tier, m in medians.items():
        print(
            f"{tier:16} {m['startup'] * 1e3:9.1f} {m['startup'] / base['startup']:6.2f} "
            f"{m['call'] * 1e6:9.1f} {m['call'] / base['call']:6.2f} "
            f"{m['check'] * 1e3:9.2f} {m['check'] / base['check']:6.2f}"
        )


if __name__ == "__main__":
    main()
