"""The student's module as the checks see it: a proxy whose calls run in the worker.

Calling ``student.softmax(z)`` sends ``z`` to the worker as plain data and
returns what came back, or raises :class:`StudentCallFailed`. ``observe``
returns the whole :class:`Call` (result, error, the arguments as the student
left them, probe call counts) for checks and diagnosis to judge.
"""
from __future__ import annotations

import copy
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .sandbox import Sandbox, build_matplotlib_cache, detect, remove_run_folder
from .worker.process import Limits, WorkerDied, WorkerProcess, WorkerTimeout, scrubbed_environment

if TYPE_CHECKING:
    from .registry import Exercise


@dataclass(frozen=True)
class StudentError:
    """Why a call gave no value. ``kind`` is one of: raised, not-implemented,
    missing, timeout, crashed, import-failed, unreadable."""

    kind: str
    type_name: str = ""
    message: str = ""
    traceback: str = ""


@dataclass
class Call:
    """One call of a student function: what went in, what came back."""

    function: str
    args: tuple
    kwargs: dict
    received: object = None
    error: StudentError | None = None
    args_after: tuple | None = None
    kwargs_after: dict | None = None
    probe_calls: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    exercise: Exercise | None = None

    def changed_arguments(self) -> list[str]:
        """Positions (``#0``) or names of the arguments the student's code modified."""
        from .compare import identical

        changed = []
        if self.args_after is not None:
            changed += [f"#{i}" for i, (a, b) in enumerate(zip(self.args, self.args_after))
                        if not identical(a, b)]
        if self.kwargs_after is not None:
            changed += [k for k, v in self.kwargs.items() if not identical(v, self.kwargs_after.get(k))]
        return changed


class StudentCallFailed(Exception):
    """A student function raised, hung, crashed, or could not be called."""

    def __init__(self, call: Call) -> None:
        super().__init__(call.function)
        self.call = call


class WorkerSession:
    """A submission loaded in a worker; the worker is replaced whenever it dies."""

    def __init__(self, submission_source: bytes, module_name: str,
                 probes_path: Path | None = None, limits: Limits = Limits(),
                 preload: tuple[str, ...] = ()) -> None:
        self.run_dir = Path(tempfile.mkdtemp(prefix="grade-"))
        self.module_path = self.run_dir / f"{module_name}.py"
        self.module_path.write_bytes(submission_source)
        self.module_name = module_name
        self.limits = limits
        self.preload = preload
        self.sandbox = Sandbox(detect(), probes_path)
        if any(name.startswith("matplotlib") for name in preload):
            build_matplotlib_cache()
        self.sandbox.prepare(self.run_dir)
        self.load_error: StudentError | None = None
        self._worker: WorkerProcess | None = None
        self._loaded = False
        self.start()

    def start(self) -> None:
        """Start a worker and ask it to import the submission; the answer is read later."""
        environment = scrubbed_environment(self.run_dir)
        self._worker = WorkerProcess(self.run_dir, self.limits, self.sandbox.command(self.run_dir, environment),
                                     environment)
        self._loaded = False
        self._worker.send({
            "kind": "load",
            "path": str(self.module_path),
            "module": self.module_name,
            "probes": self.sandbox.probes_for_worker(),
            "limits": self.sandbox.worker_limits(self.limits.for_worker()),
            "confine": self.sandbox.confinement(self.run_dir),
            "preload": list(self.preload),
        })

    def ensure_loaded(self) -> StudentError | None:
        if self.load_error is not None:
            return self.load_error
        if self._loaded and not self._worker.alive:  # killed after a timeout or crash: replace it
            self.start()
        if self._loaded:
            return None
        try:
            reply, _ = self._worker.receive(self.limits.load_timeout)
        except WorkerTimeout:
            self.load_error = StudentError("timeout", message=f"{self.limits.load_timeout:g}")
        except WorkerDied as died:
            self.load_error = StudentError("crashed", message=died.reason)
        else:
            if reply.get("ok"):
                self._loaded = True
                return None
            self.load_error = _error_from_reply(reply, import_failed=True)
        return self.load_error

    def call(self, function: str, args: tuple, kwargs: dict, convert: str | None = None) -> Call:
        from .worker import values

        record = Call(function, copy.deepcopy(args), copy.deepcopy(kwargs))
        if self.ensure_loaded() is not None:
            record.error = StudentError("import-failed")
            return record
        blobs: list[bytes] = []
        message = {"kind": "call", "function": function, "convert": convert,
                   "args": values.encode(list(args), blobs), "kwargs": values.encode(kwargs, blobs)}
        try:
            self._worker.send(message, blobs)
            reply, raw = self._worker.receive(self.limits.call_timeout)
            arrays = [values.load_blob(b) for b in raw]
            if not reply.get("ok"):
                record.error = _error_from_reply(reply)
                return record
            record.received = values.decode(reply["result"], arrays)
            after = values.decode(reply["args_after"], arrays)
            record.args_after = tuple(after) if isinstance(after, (list, tuple)) else None
            kwargs_after = values.decode(reply["kwargs_after"], arrays)
            record.kwargs_after = kwargs_after if isinstance(kwargs_after, dict) else None
            counts = reply.get("probe_calls", {})
            record.probe_calls = {str(k): int(v) for k, v in counts.items() if type(v) is int}
            raised = reply.get("warnings", [])
            record.warnings = tuple(str(w)[:300] for w in raised[:10]) if isinstance(raised, list) else ()
        except WorkerTimeout:
            record.error = StudentError("timeout", message=f"{self.limits.call_timeout:g}")
        except WorkerDied as died:
            record.error = StudentError("crashed", message=died.reason)
        except (values.ProtocolError, KeyError, TypeError, ValueError) as exc:
            self._worker.kill()
            record.error = StudentError("unreadable", message=str(exc)[:300])
        return record

    def printed(self, limit: int = 2000) -> str:
        """What the student's code printed, cut to ``limit`` characters per stream. The
        files are the worker's: a link planted in their place is not followed."""
        parts = []
        for name in ("stdout.txt", "stderr.txt"):
            data = _read_regular_file(self.run_dir / name, limit + 1)
            text = data[:limit].decode("utf-8", "replace")
            if len(data) > limit:
                text += " …"
            if text.strip():
                parts.append(text)
        return "\n".join(parts)

    def close(self) -> None:
        if self._worker is not None:
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


def _error_from_reply(reply: dict, import_failed: bool = False) -> StudentError:
    error = reply.get("error") if isinstance(reply.get("error"), dict) else {}
    type_name = str(error.get("type", ""))[:100]
    kind = "raised"
    if type_name == "NotImplementedError":
        kind = "not-implemented"
    elif type_name == "MissingFunction":
        kind = "missing"
    elif type_name == "UnreadableResult":
        kind = "unreadable"
    if import_failed:
        kind = "import-failed"
    return StudentError(kind, type_name, str(error.get("message", ""))[:1000],
                        str(error.get("traceback", ""))[:4000])


class StudentFunction:
    """One function of the student's module, called across the boundary."""

    def __init__(self, session: WorkerSession, exercise: Exercise, name: str,
                 convert: str | None = None) -> None:
        self.session = session
        self.exercise = exercise
        self.name = name
        self.convert = convert

    def observe(self, *args, **kwargs) -> Call:
        call = self.session.call(self.name, args, kwargs, self.convert)
        call.exercise = self.exercise
        return call

    def __call__(self, *args, **kwargs):
        call = self.observe(*args, **kwargs)
        if call.error is not None:
            raise StudentCallFailed(call)
        return call.received


class StudentModule:
    """The submission as a module: ``student.softmax`` is a :class:`StudentFunction`."""

    def __init__(self, session: WorkerSession, exercise: Exercise) -> None:
        self._session = session
        self._exercise = exercise

    def __getattr__(self, name: str) -> StudentFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return StudentFunction(self._session, self._exercise, name)

    def converted(self, name: str, convert: str) -> StudentFunction:
        """``name``, with its result turned into plain data on the worker side by probe ``convert``."""
        return StudentFunction(self._session, self._exercise, name, convert)
