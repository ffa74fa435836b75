"""Process trees from /proc: every process below one, and killing them all at once.

Used on both sides of the boundary: the grader kills a worker's tree, and the
worker's reaper kills whatever the student's code left behind. Without /proc
(macOS, Windows) there is no tree to walk and these find nothing.
"""
from __future__ import annotations

import os
import signal
import time

STOPPED = (b"T", b"t", b"Z", b"X")  # stopped, traced, dead: none of them runs code


def descendants(root: int) -> list[int]:
    """Every living process below ``root``."""
    children: dict[int, list[int]] = {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return []
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def process_state(pid: int) -> bytes | None:
    """The state letter of ``pid`` (``R``, ``S``, ``T``, ``Z`` ...); None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def kill_tree(root: int, include_root: bool = True, timeout: float = 2.0) -> list[int]:
    """SIGKILL every process below ``root`` (and ``root``), race-free against a tree that keeps
    forking or moving: stop them all with SIGSTOP until a walk finds none still running (a
    stopped process can neither fork nor wake another), then kill the still tree. Returns
    the pids killed."""
    if not os.path.isdir("/proc"):
        return []
    deadline = time.monotonic() + timeout
    tree: set[int] = set()
    while True:
        found = descendants(root) + ([root] if include_root else [])
        tree.update(found)
        running = [pid for pid in found if process_state(pid) not in (*STOPPED, None)]
        if not running or time.monotonic() > deadline:
            break
        for pid in running:
            _signal(pid, signal.SIGSTOP)
        time.sleep(0.001)
    for pid in tree:
        _signal(pid, signal.SIGKILL)
    return sorted(tree)


def reap(pids: list[int], timeout: float = 2.0) -> None:
    """Wait until each killed process is gone or a zombie, and reap the zombies that were
    re-parented to this process (a subreaper's); nobody else's children are touched."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        while process_state(pid) not in (b"Z", b"X", None) and time.monotonic() < deadline:
            time.sleep(0.005)
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass


def _signal(pid: int, number: int) -> None:
    try:
        os.kill(pid, number)
    except (ProcessLookupError, PermissionError):
        pass
