"""A warm worker for class grading: numpy (and the exercises' slow modules) loaded once,
then one fresh child forked per student and exercise.

Run as ``python -I -S zygote.py --control FD [--preload MODULE ...] --packages DIR...`` with its own folder as
working directory, inside the same confinement as a worker (bubblewrap, where the tier has
it). It never loads the grader, the references or the checks. FD is a Unix socket to the
grader, which asks, one request at a time:

- ``fork`` (with the child's protocol socket passed along): the child starts its own
  session, moves to its run folder and environment, drops to its uid (or else stays below
  a reaper of its own, so that its end can find every process it started), sends its prints to its run folder, reseeds the random generators and serves the
  worker protocol (serve.py), which confines it further (limits, Landlock, seccomp) at load;
  the reply is the child's pid;
- ``end``: every process of that child is killed (as root: every process of its uid, at
  once) and the child reaped; the reply is its exit status.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import json
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves this folder off sys.path

import restrict
import startup
import tree

MAX_REQUEST = 1 << 20


def main(argv: list[str]) -> None:
    startup.add_package_folders(argv)
    control = socket.socket(fileno=int(argv[argv.index("--control") + 1]))
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    libc = ctypes.CDLL(None)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG: it dies with the grader
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: what a killed child leaves is reaped here
    for name in ["numpy", "serve", "confine", "resource", *_preloads(argv)]:
        try:
            importlib.import_module(name)
        except BaseException:  # a child imports it again, and reports what goes wrong
            pass
    _reseed()  # the first reseed loads what reseeding needs: the children's are quick
    gc.freeze()  # a child's collections leave what it inherited alone: its pages stay shared
    control.sendall(json.dumps({"ready": True}).encode())
    uids: dict[int, int | None] = {}  # each child's dedicated uid, as root
    exited: dict[int, int] = {}  # children that exited before their end, with their status
    while True:
        message, fds, _, _ = socket.recv_fds(control, MAX_REQUEST, 1)
        if not message:
            return
        request = json.loads(message)
        if request["kind"] == "fork":
            pid = _fork(request, fds[0], control)
            uids[pid] = _uid(request["drop"])
            reply = {"pid": pid}
        else:
            pid = int(request["pid"])
            status = exited.pop(pid, None)
            reply = {"status": _end(pid, uids.pop(pid, None), float(request["grace"]), status)}
        for fd in fds:
            os.close(fd)
        _reap_orphans(uids, exited)
        control.sendall(json.dumps(reply).encode())


def _preloads(argv: list[str]) -> list[str]:
    return [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--preload"]


def _uid(drop: list[str]) -> int | None:
    return int(drop[drop.index("--uid") + 1]) if "--uid" in drop else None


def _fork(request: dict, protocol: int, control: socket.socket) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:
        control.close()
        os.setsid()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        restrict.drop_privileges(request["drop"])
        if _uid(request["drop"]) is None:  # with a uid of its own, its end kills all its processes
            restrict.stay_as_reaper(private_fds=(protocol,))
        restrict.redirect_standard_streams()
        _reseed()
        import serve

        serve.serve(protocol, protocol)
    finally:
        os._exit(0)


def _reseed() -> None:
    """A fresh process's randomness: nothing shared with the warm worker or another child."""
    import random
    import tempfile

    random.seed()
    tempfile.tempdir = None  # found again from the child's TMPDIR
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()


def _reap_orphans(children: dict[int, int | None], exited: dict[int, int]) -> None:
    """Reap every process that has died below this one; a child's status is kept for its end."""
    while True:
        try:
            pid, code = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if not pid:
            return
        if pid in children:
            exited[pid] = _status(code)


def _status(code: int) -> int:
    return 128 + os.WTERMSIG(code) if os.WIFSIGNALED(code) else os.WEXITSTATUS(code)


def _kill_uid(uid: int) -> bool:
    """kill(-1) sent as ``uid``: all its processes at once, atomically against fork. Whether
    it was sent (none left to receive it counts)."""
    killer = os.fork()
    if killer == 0:
        code = 1
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
            code = 0
        finally:
            os._exit(code)
    return os.waitpid(killer, 0)[1] == 0


def _end(pid: int, uid: int | None, grace: float, status: int | None) -> int:
    """Kill every process of the child forked as ``pid`` and reap it: its exit status, a
    signal N as 128 + N (``status`` if it was already reaped). ``grace``: seconds it has to
    exit by itself first (it has closed its protocol socket: its reaper may still be
    cleaning up)."""
    deadline = time.monotonic() + grace
    while status is None:
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = _status(code)
        elif time.monotonic() >= deadline:
            break
        else:
            time.sleep(0.001)
    killed = uid is not None and _kill_uid(uid)
    if status is not None:
        return status
    if not killed:  # all its processes are below it
        tree.kill_tree(pid)
    return _status(os.waitpid(pid, 0)[1])


if __name__ == "__main__":
    main(sys.argv[1:])
