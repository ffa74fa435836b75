"""How fast `grade batch` grades a class, against a numpy import and nbgrader in the same run.

Generates a class in a temporary folder, one folder per student holding
``exerciseN.py`` for each exercise: a mix of correct submissions (the reference
and tests/submissions/exerciseN/correct/) and mistaken ones
(tests/submissions/exerciseN/mistakes/), a few files missing. Then, in one run:

- `python -c "import numpy"`, several times before and after the batch (median);
- `grade batch CLASS -o OUT` on the whole class (wall time);
- `nbgrader autograde` on a sample of the same submissions as notebooks
  (benchmarks/nbgrader_autograde.py's course), one autograde per exercise as a
  teacher runs it, so its start is shared by the sample's notebooks of that exercise;
- `grade exerciseN` from a student's course folder (benchmarks/grade_speed.py).

Prints milliseconds per graded exercise-submission, their ratio to the numpy
import and how many times faster than nbgrader's seconds per notebook that is,
and the single-student ratios. Targets: at most 0.3× the numpy import per
exercise-submission, at least 75× faster than nbgrader; `grade exerciseN` at
most 2.2× the numpy import for every exercise but exercise 4 (pyplot, near 5×).

    python benchmarks/batch_speed.py [--students 200] [--jobs N] [--nbgrader-sample 15]
                                     [--single-runs 5] [--missing 0.01] [--seed 0] [--keep DIR]
                                     [--only-generate]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import grade_speed
import nbgrader_autograde

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = ROOT / "tests" / "submissions"
GRADE = Path(sys.executable).parent / "grade"
PER_SUBMISSION_TARGET = 0.3  # × the numpy import
NBGRADER_TARGET = 75  # times faster per exercise-submission than nbgrader per notebook
NUMPY_RUNS = 5  # before the batch, and again after it


@dataclass(frozen=True)
class Submission:
    student: str
    exercise: str
    source: Path  # the file it was copied from
    correct: bool


def generate_class(
    folder: Path, names: list[str], students: int, missing: float, seed: int
) -> list[Submission]:
    """``folder/<student>/<exercise>.py`` for each student and exercise, about half of them
    correct; a fraction ``missing`` of the files left out. The submissions written."""
    chooser = random.Random(seed)
    pools = {
        name: (_correct_files(name), sorted((SUBMISSIONS / name / "mistakes").glob("*.py"))) for name in names
    }
    written = []
    for number in range(students):
        student = f"student{number:04d}"
        (folder / student).mkdir(parents=True)
        for name in names:
            if chooser.random() < missing:
                continue
            correct = chooser.random() < 0.5
            source = chooser.choice(pools[name][0] if correct else pools[name][1])
            shutil.copyfile(source, folder / student / f"{name}.py")
            written.append(Submission(student, name, source, correct))
    return written


def _correct_files(name: str) -> list[Path]:
    return [ROOT / "solutions" / f"{name}.py", *sorted((SUBMISSIONS / name / "correct").glob("*.py"))]


def require_grade_batch() -> None:
    import click

    from autograder.cli import main

    if "batch" not in main.list_commands(click.Context(main)):
        sys.exit(
            "This grader has no `grade batch` command yet: this benchmark times "
            "`grade batch SUBMISSIONS -o OUT` (--only-generate makes the class alone)."
        )


def numpy_import_seconds(runs: int) -> list[float]:
    return [_timed([sys.executable, "-c", "import numpy"]) for _ in range(runs)]


def _timed(command: list) -> float:
    started = time.perf_counter()
    subprocess.run([str(c) for c in command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def grade_batch(class_folder: Path, out: Path, jobs: int | None) -> float:
    command = [GRADE, "batch", class_folder, "-o", out] + (["--jobs", str(jobs)] if jobs else [])
    started = time.perf_counter()
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"`grade batch` exited with {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return elapsed


def graded_students(out: Path) -> int | None:
    """The rows of OUT/gradebook.csv, None without one."""
    gradebook = out / "gradebook.csv"
    if not gradebook.is_file():
        return None
    with gradebook.open(newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def nbgrader_seconds_per_notebook(folder: Path, sample: list[Submission], names: list[str]) -> float:
    """nbgrader autograde's seconds per notebook on ``sample``, each made a notebook."""
    nbgrader_autograde.require_nbgrader()
    course = folder / "nbgrader-course"
    course.mkdir()
    nbgrader_autograde.make_course(course, names)
    for item in sample:
        notebook = nbgrader_autograde.answered(course, item.exercise, item.source.read_text(encoding="utf-8"))
        nbgrader_autograde.submit(course, item.student, item.exercise, notebook)
    total = sum(nbgrader_autograde.autograde(course, name) for name in sorted({i.exercise for i in sample}))
    return total / len(sample)


def spread_sample(submissions: list[Submission], size: int, seed: int) -> list[Submission]:
    """``size`` submissions, the exercises and correct/mistaken taken in turn."""
    groups: dict[tuple[str, bool], list[Submission]] = {}
    for item in submissions:
        groups.setdefault((item.exercise, item.correct), []).append(item)
    chooser = random.Random(seed)
    for group in groups.values():
        chooser.shuffle(group)
    order = sorted(groups)
    sample: list[Submission] = []
    while len(sample) < min(size, len(submissions)):
        for key in order:
            if groups[key] and len(sample) < size:
                sample.append(groups[key].pop())
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=None, help="passed to `grade batch --jobs`")
    parser.add_argument(
        "--nbgrader-sample", type=int, default=10, help="notebooks nbgrader autogrades (0: none)"
    )
    parser.add_argument("--single-runs", type=int, default=5, help="runs of each `grade exerciseN` (0: none)")
    parser.add_argument("--missing", type=float, default=0.01, help="fraction of the files left out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="generate the class here and keep it (and OUT)")
    parser.add_argument("--only-generate", action="store_true", help="generate the class and stop")
    options = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from autograder.registry import all_exercises

    names = [e.name for e in all_exercises()]
    if not options.only_generate:
        require_grade_batch()
    with tempfile.TemporaryDirectory(prefix="batch-speed-") as scratch:
        folder = options.keep or Path(scratch)
        class_folder, out = folder / "class", folder / "out"
        if class_folder.exists():
            sys.exit(f"{class_folder} exists already: --keep needs a folder without class/ in it")
        submissions = generate_class(class_folder, names, options.students, options.missing, options.seed)
        correct = sum(s.correct for s in submissions)
        print(
            f"class: {options.students} students × {len(names)} exercises in {class_folder}: "
            f"{len(submissions)} files ({correct} correct, {len(submissions) - correct} mistaken, "
            f"{options.students * len(names) - len(submissions)} missing)"
        )
        if options.only_generate:
            return

        numpy_runs = numpy_import_seconds(NUMPY_RUNS)
        batch = grade_batch(class_folder, out, options.jobs)
        numpy_runs += numpy_import_seconds(NUMPY_RUNS)
        numpy_import = statistics.median(numpy_runs)
        per_submission = batch / len(submissions)
        rows = graded_students(out)
        print(f"python -c 'import numpy': median {numpy_import * 1000:.0f} ms of {len(numpy_runs)} runs")
        print(
            f"grade batch: {batch:.1f} s for {len(submissions)} exercise-submissions"
            + (f" (gradebook.csv: {rows} students)" if rows is not None else " (no gradebook.csv in OUT)")
        )
        ratio = per_submission / numpy_import
        print(
            f"  {per_submission * 1000:.1f} ms per exercise-submission = {ratio:.2f}× the numpy import "
            f"(target ≤ {PER_SUBMISSION_TARGET}×: {'met' if ratio <= PER_SUBMISSION_TARGET else 'MISSED'})"
        )
        if options.nbgrader_sample:
            sample = spread_sample(submissions, options.nbgrader_sample, options.seed)
            notebook = nbgrader_seconds_per_notebook(folder, sample, names)
            faster = notebook / per_submission
            print(
                f"nbgrader autograde: {notebook:.2f} s per notebook ({len(sample)} of the same submissions) "
                f"= {faster:.0f}× our time per exercise-submission "
                f"(target ≥ {NBGRADER_TARGET}×: {'met' if faster >= NBGRADER_TARGET else 'MISSED'})"
            )
    if options.single_runs:
        print(
            f"\nsingle student, `grade exerciseN` from a course folder ({options.single_runs} interleaved runs):"
        )
        grade_speed.report(options.single_runs, ROOT / "solutions")


if __name__ == "__main__":
    main()
