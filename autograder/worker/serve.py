"""The worker's protocol loop: import the student's module, answer calls, call back probes.

Runs in a process already confined and redirected (see main.py, or zygote.py for a child
forked from a warm worker): ``serve(protocol_in, protocol_out)`` answers the grader on
those two descriptors until the grader closes them.
"""

from __future__ import annotations

import builtins
import importlib.util
import os
import sys
import threading
import traceback
import types
import warnings

import frames
import restrict
import values

MAX_TRACEBACK_CHARS = 4000
CALLBACK_LOCK = threading.Lock()
_PROTOCOL = {"in": -1, "out": -1}  # the grader's descriptors, set by serve()


def _read_some(count: int) -> bytes:
    chunk = os.read(_PROTOCOL["in"], count)
    if not chunk:
        raise SystemExit(0)  # the grader is done with this worker
    return chunk


_READER = frames.Reader(_read_some)


def _student_traceback(exc: BaseException, path: str) -> str:
    """The traceback cut to the student's own frames (their file, or their notebook's cells)."""
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        place = _student_place(frame.filename, path)
        if place is None:
            continue
        lines.append(f"  {place}, line {frame.lineno}, in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line}")
    if isinstance(exc, SyntaxError) and exc.lineno:
        lines.append(f"  {_student_place(exc.filename or path, path) or 'File'}, line {exc.lineno}")
        if exc.text:
            lines.append(f"    {exc.text.rstrip()}")
    lines.append(_describe(exc))
    return "\n".join(lines)[-MAX_TRACEBACK_CHARS:]


def _student_place(filename: str, path: str) -> str | None:
    """A frame of the student's code (their file, or a notebook cell compiled as
    "<path>:<place>"), as Python names it: the grader renames it as the student knows
    it (submission.named_for_student). None for anyone else's frame."""
    if filename == path or filename.startswith(path + ":"):
        return f'File "{filename}"'
    return None


def _describe(exc: BaseException) -> str:
    try:
        text = str(exc.msg if isinstance(exc, SyntaxError) else exc)  # its place is in the traceback
    except BaseException:  # a hostile __str__
        text = ""
    name = type(exc).__name__
    return f"{name}: {text}"[:1000] if text else name


def _error_reply(exc: BaseException, path: str) -> dict:
    return {
        "ok": False,
        "error": {
            "type": type(exc).__name__[:100],
            "message": _describe(exc),
            "traceback": _student_traceback(exc, path),
        },
    }


class RemoteFunction:
    """A grader function handed to the student's code (a probe): opaque. Each
    call sends its arguments to the grader, which computes the value and counts the
    call; nothing in this process knows which function it is."""

    __slots__ = ("_token",)

    def __init__(self, token: str) -> None:
        self._token = token

    def __call__(self, *args, **kwargs):
        return _call_grader(self._token, args, kwargs)

    def __repr__(self) -> str:
        return "<function>"


def _call_grader(token: str, args: tuple, kwargs: dict):
    with CALLBACK_LOCK:  # one exchange at a time on the protocol pipes
        blobs: list[bytes] = []
        request = {
            "kind": "callback",
            "token": token,
            "args": values.encode(list(args), blobs),
            "kwargs": values.encode(dict(kwargs), blobs),
        }
        frames.write_message(_PROTOCOL["out"], request, blobs)
        answer, raw = _READER.message()
    if answer.get("kind") != "answer":
        raise SystemExit(0)  # the grader moved on: this call is over
    if not answer.get("ok"):
        raise _grader_error(str(answer.get("type", "")), str(answer.get("message", "")))
    return values.decode(answer["result"], [values.load_blob(b) for b in raw])


def _grader_error(type_name: str, message: str) -> Exception:
    """The grader function's exception, as a builtin exception type where it is one."""
    kind = getattr(builtins, type_name, None)
    if not (isinstance(kind, type) and issubclass(kind, Exception)):
        kind = RuntimeError
    return kind(message)


class Session:
    def __init__(self) -> None:
        self.module: types.ModuleType | None = None
        self.path = ""
        self.converters: dict = {}

    def load(self, header: dict) -> dict:
        self.path = os.path.abspath(header["path"])
        restrict.apply_limits(header.get("limits", {}))
        confinement = header.get("confine")
        if confinement is not None:  # before any thread starts: both confinements are per thread
            import confine

            if confinement["write"] is not None:
                confine.apply_landlock(confinement["read"], confinement["write"])
            confine.block_sockets()
        if header.get("converters"):  # captured before the student's module runs, and kept out of sys.modules
            self.converters = _load_converters(header["converters"])
        _preload_in_background(header.get("preload") or [])  # after: the converters import alone
        sys.path.insert(0, os.path.dirname(self.path))
        try:
            self.module = _exec_file(header["module"], self.path, register=True)
        except BaseException as exc:
            return _error_reply(exc, self.path)
        return {"ok": True}

    def call(self, header: dict, arrays: list) -> tuple[dict, list[bytes]]:
        _move_to(header.get("core"))
        args = values.decode(header["args"], arrays, RemoteFunction, self.make)
        kwargs = values.decode(header["kwargs"], arrays, RemoteFunction, self.make)
        convert = header.get("convert")
        if convert and convert not in self.converters:
            raise frames.ProtocolError(f"unknown converter {convert}")
        function = getattr(self.module, header["function"], None)
        if not callable(function):
            return {"ok": False, "error": {"type": "MissingFunction", "message": "", "traceback": ""}}, []
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = function(*args, **kwargs)
            if convert:
                result = self.converters[convert](result)
        except BaseException as exc:
            return _error_reply(exc, self.path), []
        raised_warnings = [f"{w.category.__name__}: {w.message}"[:300] for w in caught[:10]]
        blobs: list[bytes] = []
        try:
            reply = {
                "ok": True,
                "result": values.encode(result, blobs),
                "args_after": values.encode(args, blobs),
                "kwargs_after": values.encode(kwargs, blobs),
                "warnings": raised_warnings,
            }
        except BaseException as exc:
            return {
                "ok": False,
                "error": {"type": "UnreadableResult", "message": _describe(exc), "traceback": ""},
            }, []
        return reply, blobs

    def make(self, name: str) -> object:
        """The object a Made argument stands for, from the converters module's function
        ``name`` (which never raises: whatever goes wrong, it returns something)."""
        if name not in self.converters:
            raise frames.ProtocolError(f"unknown maker {name}")
        return self.converters[name]()


def _move_to(core: object) -> None:
    """Run on the grader's core, where it asks (they take turns: see the grader's cores.py)."""
    if type(core) is int and hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {core})
        except (OSError, ValueError, OverflowError):
            pass


def _load_converters(path: str) -> dict:
    """The converters file's public functions. It runs before the student's module: what it
    captures at import (a library's classes and methods) the student's code cannot replace."""
    module = _exec_file("grader_converters", path, register=False)  # the student's code cannot look it up
    return {
        name: value
        for name, value in vars(module).items()
        if not name.startswith("_")
        and callable(value)
        and getattr(value, "__module__", None) == module.__name__
    }


def _preload_in_background(modules: list) -> None:
    """Import slow modules the exercise needs (its WORKER_PRELOAD) while the first checks run:
    the serving thread waits on its pipe most of the time, leaving the GIL free."""
    import importlib

    def preload() -> None:
        for name in modules:
            try:
                importlib.import_module(str(name))
            except BaseException:
                pass

    if modules:
        try:
            threading.Thread(target=preload, name="preload", daemon=True).start()
        except RuntimeError:  # no thread to spare under the process limit: the import happens later
            pass


def _exec_file(name: str, path: str, *, register: bool) -> types.ModuleType:
    """Run the file at ``path`` as module ``name``, put in sys.modules first when ``register``."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    if register:
        sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _flush_student_output() -> None:
    """Print output is block-buffered into files: flush it before answering, so the
    grader finds it there."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()  # type: ignore[union-attr]
        except BaseException:
            pass


def serve(protocol_in: int, protocol_out: int) -> None:
    _PROTOCOL.update({"in": protocol_in, "out": protocol_out})
    session = Session()
    while True:
        header, raw = _READER.message()
        arrays = [values.load_blob(b) for b in raw]
        kind = header.get("kind")
        if kind == "load":
            reply, blobs = session.load(header), list[bytes]()
        elif kind == "call":
            reply, blobs = session.call(header, arrays)
        else:
            return
        _flush_student_output()
        frames.write_message(_PROTOCOL["out"], reply, blobs)
