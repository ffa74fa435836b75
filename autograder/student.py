"""The student's module as the checks see it: a proxy whose calls run in the worker.

Calling ``student.softmax(z)`` sends ``z`` to the worker as plain data and
returns what came back, or raises :class:`StudentCallFailed`. ``observe``
returns the whole :class:`Call` (result, error, the arguments as the student
left them, probe call counts) for checks and diagnosis to judge.

A ``Probe("name")`` argument reaches the student's code as an opaque callable
standing for a per-call token: each of its calls comes back here, where the
grader-side function computes the value and the call is counted.
"""

from __future__ import annotations

import copy
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from .calls import Call, CallContext, ErrorKind, StudentError
from .inert import inert, inert_value
from .isolation.sandbox import Sandbox, remove_run_folder
from .isolation.tiers import detect
from .registry import WorkerSetup
from .submission import named_for_student
from .worker.frames import ProtocolError
from .worker.process import (
    MALFORMED_REPLY,
    Limits,
    WorkerDied,
    WorkerProcess,
    WorkerTimeout,
)

Read = TypeVar("Read")
MAX_CALLBACKS = 1000  # calls of probes per student call; central differences on 12 entries need 24


class StudentCallFailed(Exception):
    """A student function raised, hung, crashed, or could not be called."""

    def __init__(self, call: Call) -> None:
        super().__init__(call.function)
        self.call = call


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
    ) -> None:
        """``shown_as``: the submission's path as the student knows it, for their tracebacks
        (default: the name of the run folder's copy)."""
        self.run_dir = Path(tempfile.mkdtemp(prefix="grade-"))
        self.module_path = self.run_dir / f"{module_name}.py"
        self.module_path.write_bytes(submission_source)
        self.module_name = module_name
        self.shown_as = inert(shown_as or self.module_path.name)
        self.limits = limits
        self.preload = preload
        self.sandbox = Sandbox(detect(), converters_path, setup)
        self.sandbox.prepare(self.run_dir)
        self.load_error: StudentError | None = None
        self._loaded = False
        self.start()

    def start(self) -> None:
        """Start a worker and ask it to import the submission; the answer is read later."""
        environment = self.sandbox.environment(self.run_dir)
        self._worker: WorkerProcess = WorkerProcess(
            self.run_dir, self.limits, self.sandbox.command(self.run_dir, environment), environment
        )
        self._loaded = False
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

    def ensure_loaded(self) -> StudentError | None:
        if self.load_error is not None:
            return self.load_error
        if self._loaded and not self._worker.alive:  # killed after a timeout or crash: replace it
            self.start()
        if self._loaded:
            return None
        try:
            self.load_error = self._student_names(self._receive(self.limits.load_timeout, _read_load_reply))
        except WorkerTimeout:
            self.load_error = StudentError("timeout", message=f"{self.limits.load_timeout:g}")
        except WorkerDied as died:
            self.load_error = StudentError("crashed", message=died.reason)
        self._loaded = self.load_error is None
        return self.load_error

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

        record = Call(function, copy.deepcopy(args), copy.deepcopy(kwargs))
        if self.ensure_loaded() is not None:
            record.error = StudentError("import-failed")
            return record
        tokens: dict[str, str] = {}  # opaque token -> probe name, for this call only
        blobs: list[bytes] = []
        message = {
            "kind": "call",
            "function": function,
            "convert": convert,
            "args": values.encode(_tokenised(list(args), tokens), blobs),
            "kwargs": values.encode(_tokenised(kwargs, tokens), blobs),
        }

        def read(reply: dict, raw: list[bytes]) -> tuple[dict, list[bytes]] | Call:
            """The answer to a callback, or the completed call."""
            if reply.get("kind") == "callback":
                return _callback_answer(reply, raw, tokens, probes, record.probe_calls)
            return _read_call_reply(reply, raw, record)

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


CALL_REPLY = {"ok", "result", "args_after", "kwargs_after", "warnings"}
ERROR_FIELDS = {"type", "message", "traceback"}


def _read_load_reply(reply: dict, raw: list[bytes]) -> StudentError | None:
    """None when the submission was imported; why not otherwise."""
    if reply == {"ok": True} and not raw:
        return None
    return _error_from_reply(reply, raw, import_failed=True)


def _read_call_reply(reply: dict, raw: list[bytes], record: Call) -> Call:
    """``record`` completed with the reply to its call; raises on anything malformed."""
    from .worker import values

    if reply.get("ok") is not True:
        return replace(record, error=_error_from_reply(reply, raw))
    if set(reply) != CALL_REPLY:
        raise ProtocolError("unexpected fields in a reply")
    arrays = [values.load_blob(b) for b in raw]
    received = values.decode(reply["result"], arrays)
    args_after = values.decode(reply["args_after"], arrays)
    kwargs_after = values.decode(reply["kwargs_after"], arrays)
    warnings = reply["warnings"]
    if (
        not isinstance(args_after, list)
        or len(args_after) != len(record.args)
        or not isinstance(kwargs_after, dict)
        or set(kwargs_after) != set(record.kwargs)
        or not isinstance(warnings, list)
        or any(type(w) is not str for w in warnings)
    ):
        raise ProtocolError("malformed call reply")
    return replace(
        record,
        received=inert_value(received),
        args_after=tuple(inert_value(args_after)),
        kwargs_after=inert_value(kwargs_after),
        warnings=tuple(inert(w[:300]) for w in warnings[:10]),
    )


def _error_from_reply(reply: dict, raw: list[bytes], import_failed: bool = False) -> StudentError:
    """The error a reply reports, its texts made inert; raises unless it is well-formed."""
    error = reply.get("error")
    if (
        set(reply) != {"ok", "error"}
        or reply["ok"] is not False
        or raw
        or not isinstance(error, dict)
        or set(error) != ERROR_FIELDS
        or any(type(v) is not str for v in error.values())
    ):
        raise ProtocolError("malformed error reply")
    type_name = inert(error["type"][:100])
    kind: ErrorKind = "raised"
    if type_name == "NotImplementedError":
        kind = "not-implemented"
    elif type_name == "MissingFunction":
        kind = "missing"
    elif type_name == "UnreadableResult":
        kind = "unreadable"
    if import_failed:
        kind = "import-failed"
    return StudentError(kind, type_name, inert(error["message"][:1000]), inert(error["traceback"][-4000:]))


def _tokenised(value: object, tokens: dict[str, str]) -> object:
    """``value`` with each Probe replaced by one standing for a fresh token of this call."""
    from .worker.values import Probe, map_leaves

    def tokenised(leaf: object) -> object:
        if not isinstance(leaf, Probe):
            return leaf
        token = next((t for t, name in tokens.items() if name == leaf.name), None) or secrets.token_hex(8)
        tokens[token] = leaf.name
        return Probe(token)

    return map_leaves(value, tokenised)


def _callback_answer(
    request: dict,
    raw: list[bytes],
    tokens: dict[str, str],
    probes: Callable[[str], Callable] | None,
    counts: dict[str, int],
) -> tuple[dict, list[bytes]]:
    """The grader's answer to a call of a probe by the student's code: the probe's value
    on the student's arguments (the call counted), or the error to raise there."""
    import numpy as np

    from .worker import values

    name = tokens.get(str(request.get("token")))
    if name is None or probes is None:
        return _callback_error(
            "RuntimeError", "this function is not available any more / 这个函数已不可用"
        ), []
    if sum(counts.values()) >= MAX_CALLBACKS:
        return _callback_error(
            "RuntimeError",
            f"called more than {MAX_CALLBACKS} times in one call / 一次调用中被调用超过 {MAX_CALLBACKS} 次",
        ), []
    arrays = [values.load_blob(b) for b in raw]
    args, kwargs = values.decode(request["args"], arrays), values.decode(request["kwargs"], arrays)
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise values.ProtocolError("malformed callback")
    counts[name] = counts.get(name, 0) + 1
    blobs: list[bytes] = []
    try:
        with np.errstate(all="ignore"):
            result = probes(name)(*args, **kwargs)
        return {"kind": "answer", "ok": True, "result": values.encode(result, blobs)}, blobs
    except Exception as exc:
        return _callback_error(type(exc).__name__, str(exc)[:300]), []


def _callback_error(type_name: str, message: str) -> dict:
    return {"kind": "answer", "ok": False, "type": type_name[:100], "message": message}


class StudentFunction:
    """One function of the student's module, called across the boundary."""

    def __init__(
        self, session: WorkerSession, context: CallContext, name: str, convert: str | None = None
    ) -> None:
        self.session = session
        self.context = context
        self.name = name
        self.convert = convert

    def observe(self, *args, **kwargs) -> Call:
        call = self.session.call(self.name, args, kwargs, self.convert, self.context.probe)
        call.context = self.context
        return call

    def __call__(self, *args, **kwargs):
        call = self.observe(*args, **kwargs)
        if call.error is not None:
            raise StudentCallFailed(call)
        return call.received


class StudentModule:
    """The submission as a module: ``student.softmax`` is a :class:`StudentFunction`."""

    def __init__(self, session: WorkerSession, context: CallContext) -> None:
        self._session = session
        self._context = context

    def __getattr__(self, name: str) -> StudentFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return StudentFunction(self._session, self._context, name)

    def converted(self, name: str, convert: str) -> StudentFunction:
        """``name``, with its result turned into plain data on the worker side by the
        exercise's converter ``convert``."""
        return StudentFunction(self._session, self._context, name, convert)
