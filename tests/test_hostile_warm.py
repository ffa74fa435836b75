"""Children of one warm worker (class grading) are kept apart, under every protecting tier:
none reads another's files, signals another or the process that reaps it, and each starts
with its own randomness and its own temporary folder."""

import pytest
from conftest import PROTECTING, leftover_processes

from autograder.api import open_session
from autograder.batch.engine import StudentGrader
from autograder.isolation.tiers import detect
from autograder.isolation.warm import pool_isolates
from autograder.registry import find
from autograder.worker.process import Limits

PROBE_MODULE = b"""
import os
import signal
import numpy as np

SECRET = "{secret}"


def pid():
    return os.getpid()


def parent():
    return os.getppid()


def read(path):
    try:
        with open(path, "rb") as handle:
            return handle.read().decode()
    except OSError as error:
        return type(error).__name__


def listing(path):
    try:
        return sorted(os.listdir(path))
    except OSError as error:
        return type(error).__name__


def kill(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as error:
        return type(error).__name__
    return "sent"


def draw():
    return [float(np.random.rand()), float(np.random.default_rng().random())]


def temporary_folder():
    return [os.environ.get("TMPDIR"), os.environ.get("HOME"), os.getcwd()]
"""


def _call(session, function, *args):
    call = session.call(function, args, {})
    assert call.error is None, call.error
    return call.received


@pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
def test_children_of_one_warm_worker_are_kept_apart(tier):
    assert pool_isolates(detect())
    grader = StudentGrader([find("exercise1")], Limits())
    assert grader.pool is not None
    sessions = []
    try:
        for secret in ("first-student-secret", "second-student-secret"):
            source = PROBE_MODULE.replace(b"{secret}", secret.encode())
            sessions.append(open_session(find("exercise1"), source, pool=grader.pool))
        one, other = sessions
        assert "second-student-secret" in _call(other, "read", str(other.module_path))
        assert _call(one, "read", str(other.module_path)) == "PermissionError"
        assert _call(one, "listing", str(other.run_dir)) == "PermissionError"
        assert _call(one, "listing", str(grader.pool.runs)) == "PermissionError"

        other_pid = _call(other, "pid")
        assert _call(one, "kill", other_pid) == "PermissionError"
        assert _call(one, "kill", _call(one, "parent")) == "PermissionError"  # its reaper
        assert _call(other, "pid") == other_pid  # still there, still answering

        draws = [_call(s, "draw") for s in sessions]
        assert draws[0][0] != draws[1][0] and draws[0][1] != draws[1][1]
        assert [_call(s, "temporary_folder") for s in sessions] == [[str(s.run_dir)] * 3 for s in sessions]
    finally:
        for session in sessions:
            session.close()
        grader.close()
    assert leftover_processes() == []


@pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
def test_a_child_that_kills_itself_is_replaced_and_the_next_child_is_fresh(tier):
    grader = StudentGrader([find("exercise1")], Limits())
    assert grader.pool is not None
    source = (
        PROBE_MODULE.replace(b"{secret}", b"s") + b"\ndef die():\n    os.kill(os.getpid(), signal.SIGSEGV)\n"
    )
    session = open_session(find("exercise1"), source, pool=grader.pool)
    try:
        first = _call(session, "pid")
        died = session.call("die", (), {})
        assert died.error is not None and died.error.kind == "crashed" and "SIGSEGV" in died.error.message
        assert _call(session, "pid") != first  # a new child, the module loaded again
    finally:
        session.close()
        grader.close()
    assert leftover_processes() == []
