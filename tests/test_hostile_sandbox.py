"""The sandbox leaves nothing behind, and the tests count only what they started.

Under every tier that protects the grader on this machine: the run folder is
deleted whatever the worker did to it; tier detection probes at most once per
process and the probe leaves no process; another grading running on the same
machine does not fail these tests.
"""

import ctypes
import os
import signal
import subprocess
import sys

import pytest
from conftest import PR_SET_CHILD_SUBREAPER, PROTECTING, ROOT, grade_file, leftover_processes

from autograder.isolation import bubblewrap, tiers
from autograder.registry import find
from autograder.session import WorkerSession
from autograder.student import StudentModule
from autograder.worker.process import Limits
from autograder.worker.tree import descendants

pytestmark = pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
QUICK = Limits(call_timeout=1.0, load_timeout=3.0)

LOCK_THE_RUN_FOLDER = b"""
import os


def one_hot(labels, num_classes):
    for folder in ("locked/inner", "matplotlib/inner"):
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError:
            pass
    for path in ("locked/inner", "locked", "matplotlib/inner", "matplotlib", "stdout.txt", "."):
        try:
            os.chmod(path, 0)
        except OSError:
            pass
    return None
"""


def test_run_folder_is_deleted_whatever_the_worker_did_to_it(tier):
    session = WorkerSession(LOCK_THE_RUN_FOLDER, "exercise1", limits=QUICK)
    try:
        StudentModule(session, find("exercise1").context()).one_hot([0], 1)
    finally:
        session.close()
    assert not session.run_dir.exists()


def test_the_probe_leaves_no_process_and_tiers_are_found_once_per_process(monkeypatch):
    before = set(descendants(os.getpid()))
    path = bubblewrap.binary()
    if path is not None:
        bubblewrap.works(path, as_root=os.geteuid() == 0)
    assert set(descendants(os.getpid())) <= before  # bubblewrap's namespace init, if it came here, is reaped
    found = tiers.available_tiers()

    def no_second_probe(*args, **kwargs):
        raise AssertionError(f"probed again: {args}")

    monkeypatch.setattr(bubblewrap.subprocess, "run", no_second_probe)
    monkeypatch.delenv("GRADE_ISOLATION", raising=False)
    tiers.available_tiers.cache_clear()
    tiers.detect.cache_clear()
    assert tiers.available_tiers() == found
    assert tiers.detect().name == found[0]


LAUNCH_ANOTHER_WORKER = """
import subprocess
import sys

worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)",
                           "/another/course/autograder/worker/main.py"],
                          start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(worker.pid)
"""


def start_another_gradings_worker() -> int:
    """A process like another grading's worker, started outside this test run's tree: it is
    re-parented to init (or whoever reaps orphans above pytest), not to this process."""
    libc = ctypes.CDLL(None)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)
    try:
        launcher = subprocess.run(
            [sys.executable, "-c", LAUNCH_ANOTHER_WORKER], capture_output=True, text=True, check=True
        )
    finally:
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    return int(launcher.stdout)


def test_another_gradings_worker_does_not_fail_the_tests(tier):
    other = start_another_gradings_worker()
    try:
        with open(f"/proc/{other}/cmdline", "rb") as handle:
            assert b"worker/main.py" in handle.read()
        result = grade_file("exercise1", ROOT / "solutions" / "exercise1.py", limits=QUICK)
        assert result.score == 10
        assert leftover_processes() == []
        os.kill(other, 0)  # still running: nothing of the tests touched it
    finally:
        os.kill(other, signal.SIGKILL)
