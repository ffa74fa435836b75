"""Parent side of the process boundary: start, talk to, time out and replace a worker.

Nothing here imports numpy at module level, so the grader can start the worker
(and have it import numpy and the student's file) while it is still loading
its own modules.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import frames
from .tree import kill_tree, reap

MALFORMED_REPLY = "malformed reply"  # WorkerDied's reason when a reply could not be read


@dataclass(frozen=True)
class Limits:
    call_timeout: float = 3.0
    load_timeout: float = 10.0
    cpu_seconds: int = 60
    address_space_bytes: int = 4 * 1024**3
    file_size_bytes: int = 16 * 1024**2
    open_files: int = 64
    core_bytes: int = 0

    def for_worker(self) -> dict:
        return {
            "cpu_seconds": self.cpu_seconds,
            "address_space_bytes": self.address_space_bytes,
            "file_size_bytes": self.file_size_bytes,
            "open_files": self.open_files,
            "core_bytes": self.core_bytes,
        }


class WorkerTimeout(Exception):
    """The worker did not answer in time; it has been killed."""


class WorkerDied(Exception):
    """The worker exited or broke the protocol; ``reason`` says how."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def scrubbed_environment(run_dir: Path) -> dict[str, str]:
    """The worker's whole environment: nothing of the grader's, one thread for BLAS."""
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": str(run_dir),
        "TMPDIR": str(run_dir),
        "PYTHONIOENCODING": "utf-8:backslashreplace",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",  # the worker writes nothing outside its run folder
    }
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "")
    return env


class Channel:
    """Framed messages to and from a worker over two descriptors, each reply awaited with a
    timeout. How the worker is killed and why it died are the subclass's."""

    def __init__(self, to_worker: int, from_worker: int) -> None:
        self._in = to_worker
        self._out = from_worker
        self._deadline = 0.0  # of the reply being read
        self._reader = frames.Reader(self._read_some)

    def send(self, message: dict, blobs: Sequence[bytes] = ()) -> None:
        try:
            frames.write_message(self._in, message, blobs)
        except OSError:
            raise WorkerDied(self._death_reason()) from None

    def receive(self, timeout: float) -> tuple[dict, list[bytes]]:
        self._deadline = time.monotonic() + timeout
        try:
            return self._reader.message()
        except frames.ProtocolError:
            self.kill()
            raise WorkerDied(MALFORMED_REPLY) from None

    def _read_some(self, count: int) -> bytes:
        remaining = self._deadline - time.monotonic()
        ready = select.select([self._out], [], [], remaining)[0] if remaining > 0 else []
        if not ready:
            self.kill()
            raise WorkerTimeout()
        chunk = os.read(self._out, min(count, 1 << 20))
        if not chunk:
            raise WorkerDied(self._death_reason())
        return chunk

    def _death_reason(self) -> str:
        raise NotImplementedError

    def kill(self) -> None:
        raise NotImplementedError

    @property
    def alive(self) -> bool:
        raise NotImplementedError


def exit_reason(code: int) -> str:
    """A worker's exit status in words: a signal by name (a sandbox's or reaper's 128 + N too)."""
    number = -code if code < 0 else code - 128 if 128 < code < 128 + 65 else 0
    if number:
        try:
            return signal.Signals(number).name
        except ValueError:
            return f"signal {number}"
    return f"exit code {code}"


class WorkerProcess(Channel):
    """One live worker process of its own: started at construction, answering one request at
    a time."""

    def __init__(self, run_dir: Path, command: list[str], environment: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            command,
            cwd=run_dir,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if self.process.stdin is None or self.process.stdout is None:
            raise RuntimeError("the worker was started without its pipes")
        self._pipes = (self.process.stdin, self.process.stdout)
        super().__init__(self.process.stdin.fileno(), self.process.stdout.fileno())

    def _death_reason(self) -> str:
        try:
            code = self.process.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            self.kill()
            return "stopped answering"
        self.kill()
        return exit_reason(code)

    def kill(self) -> None:
        """Kill the worker and every process below it, at once (the worker's reaper keeps
        setsid escapes below it; a sandbox's PID namespace dies with it), and wait for them."""
        tree = kill_tree(self.process.pid)
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # without /proc: the process group
        except (ProcessLookupError, PermissionError):
            if self.process.poll() is None:
                self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        reap([pid for pid in tree if pid != self.process.pid])
        for stream in self._pipes:
            try:
                stream.close()
            except OSError:
                pass

    @property
    def alive(self) -> bool:
        return self.process.poll() is None
