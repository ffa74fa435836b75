"""Process-wide restrictions shared by the worker and the notebook kernel's entry:
dropping to the sandbox's uid, resource limits, and staying behind as the reaper
of whatever the confined process leaves. Standard library only."""

from __future__ import annotations

import os
import struct
import sys


def drop_privileges(argv: list[str]) -> None:
    """``--uid N`` in ``argv``: become that uid and gid with no supplementary groups.
    ``--keep-read-access``: keep only the capability to read past file modes (where no sandbox
    view holds the interpreter, which may lie in root's home or a private folder), also across
    exec (a notebook kernel is exec'd): what may be read is then Landlock's to decide, and
    nothing else of root's is kept."""
    if "--uid" not in argv:
        return
    uid = int(argv[argv.index("--uid") + 1])
    keep = "--keep-read-access" in argv
    if keep:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(8, 1, 0, 0, 0)  # PR_SET_KEEPCAPS: the permitted set survives setuid
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    if keep:
        read_search = 1 << 2  # CAP_DAC_READ_SEARCH
        header = ctypes.create_string_buffer(
            struct.pack("Ii", 0x20080522, 0)
        )  # capability ABI 3, this process
        data = ctypes.create_string_buffer(struct.pack("6I", read_search, read_search, read_search, 0, 0, 0))
        if libc.capset(header, data) != 0:  # effective, permitted, inheritable: this capability only
            raise SystemExit("could not drop capabilities")
        libc.prctl(8, 0, 0, 0, 0)
        libc.prctl(47, 2, 2, 0, 0)  # PR_CAP_AMBIENT_RAISE CAP_DAC_READ_SEARCH: kept across exec


def apply_limits(limits: dict) -> None:
    try:
        import resource
        import signal
    except ImportError:  # not on POSIX: timeouts in the parent are all there is
        return
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    table = {
        "cpu_seconds": resource.RLIMIT_CPU,
        "address_space_bytes": getattr(resource, "RLIMIT_AS", None),
        "file_size_bytes": resource.RLIMIT_FSIZE,
        "open_files": resource.RLIMIT_NOFILE,
        "core_bytes": resource.RLIMIT_CORE,
        "processes": getattr(resource, "RLIMIT_NPROC", None),
    }
    for key, which in table.items():
        if which is None or key not in limits:
            continue
        value = int(limits[key])
        hard = value + 1 if key == "cpu_seconds" else value
        try:
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass


def stay_as_reaper(private_fds: tuple[int, ...] = ()) -> None:
    """Linux: fork; the child returns and goes on to run the confined code, the parent only
    reaps. As a child subreaper the parent inherits every process that code orphans (a double
    fork, a setsid daemon), so all of them stay below the pid the grader (or the kernel's
    manager) kills; Landlock's signal scope keeps the confined child from signalling it. When
    the child dies the reaper kills what is left and exits with the child's status (a signal N
    as 128 + N). ``private_fds`` are closed in the reaper, so their reader sees the child's
    death as end of file."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    if ctypes.CDLL(None).prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
        return
    child = os.fork()
    if child == 0:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt of the process group is the child's
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    for fd in (null, *private_fds):
        os.close(fd)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import tree

    status = 0
    while True:
        try:
            pid, code = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        if pid == child:
            status = 128 + os.WTERMSIG(code) if os.WIFSIGNALED(code) else os.WEXITSTATUS(code)
            tree.kill_tree(os.getpid(), include_root=False)
    os._exit(status)


def redirect_standard_streams() -> None:
    """stdin from /dev/null; stdout and stderr appended to the run folder's output files."""
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for fd, name in ((1, "stdout.txt"), (2, "stderr.txt")):
        target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(target, fd)
        os.close(target)
    os.close(null)
