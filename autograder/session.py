"""A submission loaded in a worker process: started, called, replaced when it dies, closed.

A ``Probe("name")`` argument reaches the student's code as an opaque callable
standing for a per-call token: each of its calls comes back here, where the
grader-side function computes the value and the call is counted.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .calls import Call, StudentError
from .inert import inert
from .isolation.sandbox import Sandbox, remove_run_folder
from .isolation.tiers import Tier, detect, recheck
from .registry import WorkerSetup
from .replies import callback_answer, read_call_reply, read_load_reply, tokenised_probes
from .submission import named_for_student
from .worker.process import (
    MALFORMED_REPLY,
    Channel,
    Limits,
    WorkerDied,
    WorkerProcess,
    WorkerTimeout,
)

if TYPE_CHECKING:
    from .isolation.warm import WarmPool

Read = TypeVar("Read")


class WorkerSession:
    """A submission loaded in a worker; the worker is replaced whenever it dies."""

    def __init__(
        self,
        submission_source: bytes,
        module_name: str,
        converters_path: Path | None = None,
        limits: Limits = Limits(),
        preload: tuple[str, ...] = (),
        shown_as: str | None = None,
        setup: WorkerSetup | None = None,
        pool: WarmPool | None = None,
    ) -> None:
        """``shown_as``: the submission's path as the student knows it, for their tracebacks
        (default: the name of the run folder's copy). ``pool``: the worker is forked from that
        warm process rather than started anew."""
        self.pool = pool
        self.run_dir = pool.run_dir() if pool is not None else Path(tempfile.mkdtemp(prefix="grade-"))
        self.module_path = self.run_dir / f"{module_name}.py"
        self.module_path.write_bytes(submission_source)
        self.module_name = module_name
        self.shown_as = inert(shown_as or self.module_path.name)
        self.limits = limits
        self.preload = preload
        self.sandbox = Sandbox(detect(), converters_path, setup, pool)
        self.sandbox.prepare(self.run_dir)
        self.load_error: StudentError | None = None
        self._loaded = False
        self.core: int | None = None  # where the worker is asked to run its calls (the grader's core)
        self.start()

    def start(self) -> None:
        """Start a worker and ask it to import the submission; the answer is read later."""
        environment = self.sandbox.environment(self.run_dir)
        self._worker: Channel
        if self.pool is not None:
            self._worker = self.pool.fork(self.run_dir, environment, self.sandbox.drop_arguments())
        else:
            command = self.sandbox.command(self.run_dir, environment)
            self._worker = WorkerProcess(self.run_dir, command, environment)
        self._loaded = False
        self._died_starting: WorkerDied | None = None
        try:
            self._worker.send(
                {
                    "kind": "load",
                    "path": str(self.module_path),
                    "module": self.module_name,
                    "converters": self.sandbox.converters_for_worker(),
                    "limits": self.sandbox.worker_limits(self.limits.for_worker()),
                    "confine": self.sandbox.confinement(self.run_dir),
                    "preload": list(self.preload),
                }
            )
        except WorkerDied as died:  # gone before it read a byte (its sandbox did not start)
            self._died_starting = died

    def ensure_loaded(self) -> StudentError | None:
        if self.load_error is not None:
            return self.load_error
        if self._loaded and not self._worker.alive:  # killed after a timeout or crash: replace it
            self.start()
        if self._loaded:
            return None
        try:
            if self._died_starting is not None:
                raise self._died_starting
            self.load_error = self._student_names(self._receive(self.limits.load_timeout, read_load_reply))
        except WorkerTimeout:
            self.load_error = StudentError("timeout", message=f"{self.limits.load_timeout:g}")
        except WorkerDied as died:
            tier = recheck(self.sandbox.tier)
            if tier is not None:  # the sandbox itself could not start: start over under the tier there is
                self._restart_under(tier)
                return self.ensure_loaded()
            self.load_error = StudentError("crashed", message=died.reason)
        self._loaded = self.load_error is None
        return self.load_error

    def _restart_under(self, tier: Tier) -> None:
        self._worker.kill()
        self.sandbox.release()
        self.sandbox = Sandbox(tier, self.sandbox.converters_path, self.sandbox.setup)
        self.sandbox.prepare(self.run_dir)
        self.start()

    def call(
        self,
        function: str,
        args: tuple,
        kwargs: dict,
        convert: str | None = None,
        probes: Callable[[str], Callable] | None = None,
    ) -> Call:
        """Call ``function`` in the worker; ``probes`` gives the grader-side function of a
        probe name, for the callbacks of the Probe arguments."""
        from .worker import values

        record = Call(function, values.copy_tree(args), values.copy_tree(kwargs))
        if self.ensure_loaded() is not None:
            record.error = StudentError("import-failed")
            return record
        tokens: dict[str, str] = {}  # opaque token -> probe name, for this call only
        blobs: list[bytes] = []
        message = {
            "kind": "call",
            "function": function,
            "convert": convert,
            "args": values.encode(tokenised_probes(list(args), tokens), blobs),
            "kwargs": values.encode(tokenised_probes(kwargs, tokens), blobs),
            "core": self.core,
        }

        def read(reply: dict, raw: list[bytes]) -> tuple[dict, list[bytes]] | Call:
            """The answer to a callback, or the completed call."""
            if reply.get("kind") == "callback":
                return callback_answer(reply, raw, tokens, probes, record.probe_calls)
            return read_call_reply(reply, raw, record)

        deadline = time.monotonic() + self.limits.call_timeout  # the callbacks included
        try:
            self._worker.send(message, blobs)
            while True:
                answer = self._receive(deadline - time.monotonic(), read)
                if isinstance(answer, Call):
                    answer.error = self._student_names(answer.error)
                    return answer
                self._worker.send(*answer)
        except WorkerTimeout:
            record.error = StudentError("timeout", message=f"{self.limits.call_timeout:g}")
        except WorkerDied as died:
            record.error = StudentError("crashed", message=died.reason)
        return record

    def _receive(self, timeout: float, read: Callable[[dict, list[bytes]], Read]) -> Read:
        """The worker's next reply as ``read`` makes it out. The student's code can write on
        the protocol pipe, so any error while reading a reply means a malformed reply: the
        worker is killed and the call (or the load) has crashed."""
        reply, raw = self._worker.receive(timeout)
        try:
            return read(reply, raw)
        except Exception:
            self._worker.kill()
            raise WorkerDied(MALFORMED_REPLY) from None

    def _student_names(self, error: StudentError | None) -> StudentError | None:
        if error is None or not error.traceback:
            return error
        return replace(error, traceback=named_for_student(error.traceback, self.module_path, self.shown_as))

    def printed(self, limit: int = 2000) -> str:
        """What the student's code printed, cut to ``limit`` characters per stream. The
        files are the worker's: a link planted in their place is not followed."""
        parts = []
        for name in ("stdout.txt", "stderr.txt"):
            data = _read_regular_file(self.run_dir / name, limit + 1)
            text = named_for_student(
                inert(data[:limit].decode("utf-8", "replace")), self.module_path, self.shown_as
            )
            if len(data) > limit:
                text += " …"
            if text.strip():
                parts.append(text)
        return "\n".join(parts)

    def close(self) -> None:
        self._worker.kill()
        self.sandbox.release()
        remove_run_folder(self.run_dir)


def _read_regular_file(path: Path, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return b""
        return handle.read(limit)
