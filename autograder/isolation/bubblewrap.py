"""The bubblewrap tiers: whether bubblewrap works here, and the command line of a worker."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from .paths import SYSTEM_DIRS, SYSTEM_FILES, WORKER_DIR, editable_install_hooks, grader_paths, library_roots

IN_SANDBOX_WORKER = "/grader/worker"
IN_SANDBOX_CONVERTERS = "/grader/converters.py"


def binary() -> str | None:
    """The bubblewrap this grader runs: the one the probe tries is the one the workers get."""
    return shutil.which("bwrap")


def works(path: str, as_root: bool) -> bool:
    """Whether the bubblewrap at ``path`` can start a sandbox with this process's namespaces."""
    info_read, info_write = os.pipe()
    try:
        done = subprocess.run(
            [
                path,
                "--ro-bind",
                "/",
                "/",
                *namespaces(as_root),
                "--die-with-parent",
                "--info-fd",
                str(info_write),
                "true",
            ],
            capture_output=True,
            timeout=10,
            pass_fds=(info_write,),
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    finally:
        os.close(info_write)
        with os.fdopen(info_read, "rb") as info:
            _reap_sandbox_init(info.read())
    return done.returncode == 0


def _reap_sandbox_init(info: bytes) -> None:
    """bubblewrap leaves the init of its PID namespace to whoever reaps orphans: when that is
    this process (a subreaper, or PID 1 in a container), reap it rather than leave a zombie."""
    try:
        pid = int(json.loads(info)["child-pid"])
        os.waitpid(pid, 0)
    except (ValueError, KeyError, TypeError, ChildProcessError):
        pass


def namespaces(as_root: bool) -> list[str]:
    """As root, no user namespace: the worker's later setuid must be a real one."""
    if as_root:
        return ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    return ["--unshare-all"]


def command(
    run_dir: Path,
    environment: dict[str, str],
    read_only: dict[str, Path],
    as_root: bool,
    worker_command: list[str],
) -> list[str]:
    """bubblewrap around ``worker_command`` (paths inside the sandbox): the worker sees the
    system's libraries, the interpreter, its own files, ``read_only`` (a path inside the
    sandbox for each file of the grader's it may read) and its run folder, nothing else."""
    argv = [binary() or "bwrap", *namespaces(as_root), "--die-with-parent", "--new-session", "--clearenv"]
    argv += [arg for name, value in environment.items() for arg in ("--setenv", name, value)]
    argv += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for directory in SYSTEM_DIRS:
        if os.path.islink(directory):
            argv += ["--symlink", os.readlink(directory), directory]
        elif os.path.isdir(directory):
            argv += ["--ro-bind", directory, directory]
    for file in SYSTEM_FILES:
        argv += ["--ro-bind-try", file, file]
    roots = [r for r in library_roots() if not any(r.is_relative_to(s) for s in map(Path, SYSTEM_DIRS))]
    files = [Path(f) for f in SYSTEM_FILES if os.path.exists(f)]
    argv += _traversable_parents([*roots, *files, Path(IN_SANDBOX_WORKER), *map(Path, read_only), run_dir])
    for root in roots:
        argv += ["--ro-bind", str(root), str(root)]
    for hidden in grader_paths():
        if any(hidden.resolve().is_relative_to(r) for r in roots):
            argv += ["--tmpfs", str(hidden.resolve())]
    for hook in editable_install_hooks():  # the grader's folders it maps are not in this view
        argv += ["--ro-bind", "/dev/null", str(hook)]
    argv += ["--ro-bind", str(WORKER_DIR), IN_SANDBOX_WORKER]
    for inside, outside in read_only.items():
        argv += ["--ro-bind", str(outside), inside]
    argv += ["--bind", str(run_dir), str(run_dir), "--chdir", str(run_dir)]
    return argv + worker_command


def _traversable_parents(targets: list[Path]) -> list[str]:
    """bubblewrap makes a mount point's missing parents mode 0700: make them 0755 first,
    so that a dropped uid can reach what is mounted below them."""
    made: list[str] = []
    argv: list[str] = []
    for target in targets:
        for parent in reversed(target.parents[:-1]):
            name = str(parent)
            if name in made or name in ("/tmp", *SYSTEM_DIRS):
                continue
            made.append(name)
            argv += ["--perms", "0755", "--dir", name]
    return argv
