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
        stat = _read(f"/proc/{entry}/stat")
        try:
            parent = int(stat.rsplit(b")", 1)[1].split()[1])
        except (ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _read(path: str) -> bytes:
    """A small /proc file's bytes (b"" once its process is gone): one read, no buffering, as
    a walk reads one per process of the machine."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return b""
    try:
        return os.read(fd, 4096)
    except OSError:
        return b""
    finally:
        os.close(fd)


def process_state(pid: int) -> bytes | None:
    """The state letter of ``pid`` (``R``, ``S``, ``T``, ``Z`` ...); None once it is gone."""
    try:
        return _read(f"/proc/{pid}/stat").rsplit(b")", 1)[1].split()[0]
    except IndexError:
        return None


def kill_tree(root: int, include_root: bool = True, timeout: float = 30.0) -> list[int]:
    """SIGKILL every process below ``root`` (and then ``root``), race-free against a tree that
    keeps forking or moving. Round after round, while ``root`` still holds its orphans (a
    subreaper, or a sandbox whose PID namespace it owns): stop every living process with
    SIGSTOP until a walk finds none still running (a stopped process can neither fork nor wake
    another), kill them, and wait until they are dead; only when no living process is left
    below it is ``root`` killed. Returns the pids killed."""
    if not os.path.isdir("/proc"):
        return []
    deadline = time.monotonic() + timeout
    killed: set[int] = set()
    for pid in descendants(
        root
    ):  # a sandbox's PID namespace: the kernel kills it whole, and no fork succeeds
        if _namespace_init(pid):
            _signal(pid, signal.SIGKILL)
            killed.add(pid)
    _wait_until_dead(
        sorted(killed), deadline
    )  # an init exits after all of its namespace: no walk sees them dying
    while time.monotonic() < deadline:
        living = _stop_all(root, deadline)
        if not living:
            break
        for pid in living:
            _signal(pid, signal.SIGKILL)
        killed.update(living)
        _wait_until_dead(living, deadline)
    if include_root:
        _signal(root, signal.SIGKILL)
        killed.add(root)
    return sorted(killed)


def _living(pids: list[int]) -> list[int]:
    return [pid for pid in pids if process_state(pid) not in (b"Z", b"X", None)]


def _namespace_init(pid: int) -> bool:
    """Whether ``pid`` is the first process (pid 1) of a PID namespace below ours."""
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"NSpid:"):
                    numbers = line.split()[1:]
                    return len(numbers) > 1 and numbers[-1] == b"1"
    except OSError:
        pass
    return False


def _stop_all(root: int, deadline: float) -> list[int]:
    """Stop every living process below ``root``; returns them. A tree that keeps ``root``'s
    process group (a fork bomb) is stopped at once through the group, the rest one by one."""
    try:
        group = root if os.getpgid(root) == root != os.getpgid(0) else None  # never our own group
    except OSError:
        group = None
    while True:
        if group is not None:
            try:
                os.killpg(group, signal.SIGSTOP)
            except OSError:
                group = None
        living = _living(descendants(root))
        running = [pid for pid in living if process_state(pid) not in STOPPED]
        if not running or time.monotonic() > deadline:
            return living
        for pid in running:
            _signal(pid, signal.SIGSTOP)
        time.sleep(0.001)


def _wait_until_dead(pids: list[int], deadline: float) -> None:
    for pid in pids:
        while process_state(pid) not in (b"Z", b"X", None) and time.monotonic() < deadline:
            time.sleep(0.002)


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
