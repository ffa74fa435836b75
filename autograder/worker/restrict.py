"""Process-wide restrictions shared by the worker and the notebook kernel's entry:
dropping to the sandbox's uid, and resource limits. Standard library only."""
from __future__ import annotations

import os


def drop_privileges(argv: list[str]) -> None:
    """``--uid N`` in ``argv``: become that uid and gid with no supplementary groups."""
    if "--uid" in argv:
        uid = int(argv[argv.index("--uid") + 1])
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)


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
