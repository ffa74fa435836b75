import ctypes
import json
import os
import sys
from pathlib import Path

import pytest

from autograder.api import grade
from autograder.isolation import tiers
from autograder.registry import find
from autograder.worker.process import Limits
from autograder.worker.tree import descendants, kill_tree, process_state, reap

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
# a sixth exercise's files, laid out as in the project: test_new_exercise.py adds them to a copy
collect_ignore = ["sixth_exercise"]


PR_SET_CHILD_SUBREAPER = 36
if sys.platform.startswith("linux"):
    # whatever a grading leaves behind (a setsid daemon) is re-parented to this process, not to
    # init: the tests find it among their own descendants and never look at anyone else's
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def leftover_processes() -> list[int]:
    """Processes started by this test run that are still alive, after killing them (so a
    failing test leaves nothing running). Zombie children of this process are reaped: only
    ours are."""
    own = os.getpid()
    left = []
    for pid in descendants(own):
        state = process_state(pid)
        if state == b"Z":
            if _parent(pid) == own:
                try:
                    os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    pass
        elif state is not None:
            left.append(pid)
    for pid in left:
        reap(kill_tree(pid))
    return left


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return int(handle.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def grade_file(exercise_name: str, path: Path, **options):
    """Grade one file on one exercise through the public API; the ExerciseResult."""
    run = grade([find(exercise_name)], path, **options)
    return run.exercises[0]


def grade_file_warm(exercise_name: str, path: Path, limits: Limits = Limits(), seed: int = 0):
    """Grade one file on one exercise as class grading does (a child of a warm worker, where
    the tier allows it); the ExerciseResult."""
    from autograder.batch.engine import ClassGrader
    from autograder.batch.work import StudentWork
    from autograder.submission import Source, UnreadableSubmission, read_source

    try:
        source: object = Source(read_source(path), path.name)
    except UnreadableSubmission as unreadable:
        source = unreadable.message
    work = StudentWork("student", seed, {exercise_name: source})
    with ClassGrader([find(exercise_name)], jobs=1, limits=limits) as grader:
        [(_, run)] = list(grader.grade([work]))
    return run.exercises[0]


def diagnosed_ids(result) -> set[str]:
    return {d.id for c in result.checks if c.failure for d in c.failure.diagnoses}


@pytest.fixture
def quick_limits():
    return Limits(call_timeout=1.0, load_timeout=3.0)


PROTECTING = [t for t in tiers.available_tiers() if tiers.TIERS[t].protects_grader_files]


@pytest.fixture(params=PROTECTING)
def tier(request, monkeypatch):
    """Each isolation tier of this machine that protects the grader's files, in turn."""
    monkeypatch.setenv("GRADE_ISOLATION", request.param)
    tiers.detect.cache_clear()
    yield request.param
    tiers.detect.cache_clear()


def load_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save_notebook(notebook: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook), encoding="utf-8")
