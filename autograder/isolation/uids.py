"""Dedicated worker uids for a grader running as root: one per session, every process of it
killed afterwards."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

FIRST_WORKER_UID = 61000
WORKER_UIDS = 1000


def _lock_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "cross-entropy-grader-uids"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def claim() -> int:
    """A uid no other grading holds: a lock file per uid, stale ones (dead owner) taken over."""
    folder = _lock_dir()
    for uid in range(FIRST_WORKER_UID, FIRST_WORKER_UID + WORKER_UIDS):
        lock = folder / str(uid)
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _owner_alive(lock):
                continue
            lock.unlink(missing_ok=True)
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        return uid
    raise RuntimeError("no free worker uid")


def _owner_alive(lock: Path) -> bool:
    try:
        os.kill(int(lock.read_text() or 0), 0)
    except (ValueError, ProcessLookupError, OSError):
        return False
    return True


def free(uid: int) -> None:
    (_lock_dir() / str(uid)).unlink(missing_ok=True)


def kill_processes_of(uid: int) -> None:
    """SIGKILL every process of ``uid`` (setsid escapes included) at once: kill(-1) sent as
    that uid reaches exactly its processes, in one pass the kernel keeps atomic against fork."""
    killer = os.fork()
    if killer == 0:  # system calls only: nothing here depends on the grader's other threads
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(killer, 0)
