"""Which cores this process runs on, and keeping the grader and a worker on one of them
while they take turns: a wake-up on the same core costs a fraction of one across cores,
and a check's calls (exercise 5's calls back to the grader above all) are many wake-ups."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


def allowed_cores() -> list[int]:
    """The cores this process may run on, where the system says (Linux)."""
    try:
        return sorted(os.sched_getaffinity(0))
    except AttributeError:
        return []


def current_core() -> int | None:
    """The core this process is running on now (Linux), else None."""
    try:
        with open("/proc/self/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[36])
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def on_one_core() -> Iterator[int | None]:
    """This process kept on the core it is on, until the block ends; that core (None where
    a process cannot be kept on one), for the workers it calls to move to."""
    core = current_core()
    if core is None or len(allowed_cores()) < 2:
        yield None
        return
    before = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {core})
    except OSError:
        yield None
        return
    try:
        yield core
    finally:
        os.sched_setaffinity(0, before)
