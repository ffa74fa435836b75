"""Warm workers for class grading: the grader's side of worker/zygote.py.

A :class:`WarmPool` starts one warm process (numpy and the exercises' slow modules loaded,
none of the grader) under the tier's confinement, and forks a fresh child from it for each
session: a :class:`ForkedWorker` speaks the same protocol as a worker started on its own.
The children share the warm process's sandbox but not each other: each has its own run
folder, uid (as root) and Landlock domain, which reads only its own run folder among all
the pool's, and signals or traces no process outside it.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..registry import WorkerSetup
from ..worker.process import Channel, WorkerDied, exit_reason, scrubbed_environment
from ..worker.tree import kill_tree, reap
from . import bubblewrap, landlock
from .paths import WORKER_DIR, package_arguments, worker_python
from .tiers import Tier

START_TIMEOUT = 120.0  # an exercise's first slow import may build caches
REQUEST_TIMEOUT = 60.0
EXIT_GRACE = 1.0  # a child that closed its socket has this long to exit by itself
SIGNAL_SCOPE_ABI = 6  # Landlock keeps a child's signals inside its own domain from here on


def pool_isolates(tier: Tier) -> bool:
    """Whether children of one warm process are kept apart as well as separate workers are:
    as root each has its own uid; as a user, only Landlock (with its signal scope) separates
    processes of one uid."""
    if not sys.platform.startswith("linux") or tier.name == "basic":
        return False
    if os.geteuid() == 0:
        return True
    return tier.name != "limits" and landlock.abi() >= SIGNAL_SCOPE_ABI


class WarmPool:
    """One warm process and the run folders of its children, below ``parent`` (a folder of
    the caller's, removed by it) or a temporary folder of the pool's own."""

    def __init__(
        self,
        tier: Tier,
        converters: dict[str, Path],
        setups: Iterable[WorkerSetup],
        preload: Iterable[str],
        parent: Path | None = None,
    ) -> None:
        self.tier = tier
        self.root = Path(tempfile.mkdtemp(prefix="grade-pool-", dir=parent))
        self.runs = self.root / "runs"
        self.warm = self.root / "warm"  # the warm process's own folder, read-only to children
        self.runs.mkdir()
        self.warm.mkdir()
        os.chmod(self.root, 0o755)  # a dropped uid reaches its run folder
        os.chmod(self.runs, 0o711)  # and lists no one else's
        self._converters = {path: f"/grader/converters/{name}.py" for name, path in converters.items()}
        self._setups = list(setups)
        self._preload = list(dict.fromkeys(preload))
        self._readable: list[str] | None = None
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None

    def run_dir(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="run-", dir=self.runs))

    def converters_for_worker(self, path: Path | None) -> str | None:
        if path is None:
            return None
        return self._converters[path] if self.tier.uses_bubblewrap else str(path)

    def readable(self, run_dir: Path) -> list[str]:
        """What a child may read: what a landlock-tier worker may, the warm folder, the
        sandbox's grader folder, its own run folder; no other child's."""
        if self._readable is None:
            self._readable = landlock.readable(self.warm, None) + [str(p) for p in self._converters]
            if self.tier.uses_bubblewrap:
                self._readable.append(bubblewrap.IN_SANDBOX_WORKER.rsplit("/", 1)[0])
        return [*self._readable, str(run_dir)]

    def fork(self, run_dir: Path, environment: dict[str, str], drop: list[str]) -> ForkedWorker:
        """A fresh child of the warm process, serving the worker protocol in ``run_dir``."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            request = {"kind": "fork", "cwd": str(run_dir), "env": environment, "drop": drop}
            reply = self._request(request, theirs.fileno())
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        return ForkedWorker(self, int(reply["pid"]), ours)

    def end(self, pid: int, grace: float = 0.0) -> int:
        """Kill every process of child ``pid``, after ``grace`` seconds to exit by itself: its
        exit status (a signal N as 128 + N)."""
        return int(self._request({"kind": "end", "pid": pid, "grace": grace})["status"])

    def _request(self, request: dict, fd: int | None = None) -> dict:
        if self._control is None:
            self._start()
        assert self._control is not None
        try:
            data = json.dumps(request).encode()
            socket.send_fds(self._control, [data], [fd] if fd is not None else [])
            return json.loads(self._read_reply(REQUEST_TIMEOUT))
        except (OSError, ValueError) as error:
            self.close_process()  # started again on the next request
            raise WorkerDied(f"warm worker: {error}") from None

    def _read_reply(self, timeout: float) -> bytes:
        assert self._control is not None
        if not select.select([self._control], [], [], timeout)[0]:
            raise OSError("no answer")
        reply = self._control.recv(1 << 16)
        if not reply:
            raise OSError("the warm worker exited")
        return reply

    def _start(self) -> None:
        for setup in self._setups:
            setup.prepare(self.warm)
        environment = scrubbed_environment(self.warm)
        for setup in self._setups:
            environment |= setup.environment(self.warm, False)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        own = ["--control", str(theirs.fileno())] + [a for m in self._preload for a in ("--preload", m)]
        own += package_arguments()
        python = worker_python()
        if self.tier.uses_bubblewrap:
            entry = [*python, f"{bubblewrap.IN_SANDBOX_WORKER}/zygote.py", *own]
            read_only = {inside: outside for outside, inside in self._converters.items()}
            command = bubblewrap.command(self.root, environment, read_only, os.geteuid() == 0, entry)
        else:
            command = [*python, str(WORKER_DIR / "zygote.py"), *own]
        try:
            self._process = subprocess.Popen(
                command,
                cwd=self.warm,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(theirs.fileno(),),
                start_new_session=True,
            )
        finally:
            theirs.close()
        self._control = ours
        try:
            json.loads(self._read_reply(START_TIMEOUT))
        except (OSError, ValueError):
            self.close_process()
            raise

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def close_process(self) -> None:
        """Kill the warm process and every child it has."""
        if self._process is not None:
            killed = kill_tree(self._process.pid)
            self._process.wait()
            reap([pid for pid in killed if pid != self._process.pid])  # orphans re-parented here
            self._process = None
        if self._control is not None:
            self._control.close()
            self._control = None


class ForkedWorker(Channel):
    """A child of a warm process, on its protocol socket."""

    def __init__(self, pool: WarmPool, pid: int, channel: socket.socket) -> None:
        super().__init__(channel.fileno(), channel.fileno())
        self._pool = pool
        self._pid = pid
        self._channel = channel
        self._status: int | None = None

    def _death_reason(self) -> str:
        self._end(EXIT_GRACE)
        return exit_reason(self._status or 0)

    def kill(self) -> None:
        self._end(0.0)

    def _end(self, grace: float) -> None:
        if self._status is None:
            try:
                self._status = self._pool.end(self._pid, grace)
            except WorkerDied:
                self._status = 0  # the warm process died with all its children
        self._channel.close()

    @property
    def alive(self) -> bool:
        if self._status is not None:
            return False
        try:
            readable = select.select([self._channel], [], [], 0)[0]
            return not readable or self._channel.recv(1, socket.MSG_PEEK) != b""
        except OSError:
            return False
