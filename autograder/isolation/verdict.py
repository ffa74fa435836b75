"""Remembering that bubblewrap worked here, so that a grading need not start a sandbox to find out.

The probe (``bubblewrap.works``) starts a sandbox: a process, namespaces, mounts,
on the path of every `grade`. Its verdict depends only on what ``facts`` lists:
the bubblewrap binary (path, inode, times, size, mode, owner), the
kernel and this boot of it, the user-namespace and namespace-count sysctls, the
user (uid, capabilities, no_new_privs, seccomp) and the user namespace this
process is in. A "works" verdict is remembered under those facts, in a file
only this user can write, and believed while they are all unchanged.

Only "works" is remembered: a wrong remembered verdict can then only make a
worker fail to start (the grader probes again and starts over: tiers.recheck),
never choose a weaker tier than a probe would.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

_PROC_FILES = (
    "/proc/sys/kernel/random/boot_id",
    "/proc/sys/kernel/unprivileged_userns_clone",
    "/proc/sys/kernel/apparmor_restrict_unprivileged_userns",
    "/proc/sys/kernel/apparmor_restrict_unprivileged_unconfined",
)
_STATUS_FIELDS = ("CapEff:", "CapBnd:", "NoNewPrivs:", "Seccomp:")
_MAX_NAMESPACES = Path("/proc/sys/user")
_MAX_BYTES = 16384


def facts(binary: str, as_root: bool) -> str:
    """Everything that decides whether ``binary`` can start a sandbox here, as one line."""
    found = [binary, str(as_root), str(os.geteuid()), repr(os.uname())]
    try:
        info = os.stat(binary)
        found.append(repr((info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)))
        found.append(repr((info.st_mode, info.st_uid)))
    except OSError:
        found.append("gone")
    found += [_read(path) for path in _PROC_FILES]
    try:
        found += [_read(str(p)) for p in sorted(_MAX_NAMESPACES.glob("max_*_namespaces"))]
    except OSError:
        pass
    found += [line for line in _read("/proc/self/status").splitlines() if line.startswith(_STATUS_FIELDS)]
    try:
        found.append(os.readlink("/proc/self/ns/user"))
    except OSError:
        found.append("")
    return " | ".join(found).replace("\n", " ")


def holds(known: str) -> bool:
    """Whether "bubblewrap works" is remembered under the facts ``known``."""
    folder = _folder()
    if folder is None or not _private_folder(folder):
        return False
    try:
        fd = os.open(folder / "bubblewrap", os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        if not _owned_regular_file(os.fstat(handle.fileno())):
            return False
        return handle.read(_MAX_BYTES).decode("utf-8", "replace").strip() == known


def remember(known: str) -> None:
    """Remember "bubblewrap works" under the facts ``known``; quietly nothing where that cannot be done."""
    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private_folder(folder):
            return
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".bubblewrap-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(known + "\n")
        os.replace(temporary, folder / "bubblewrap")
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def forget() -> None:
    """Forget a remembered "bubblewrap works" (a probe found it false)."""
    folder = _folder()
    if folder is not None:
        try:
            (folder / "bubblewrap").unlink()
        except OSError:
            pass


def _folder() -> Path | None:
    """This user's cache folder of the grader (as the exercises' worker setups use)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return Path(base) / "cross-entropy-grader"


def _private_folder(path: Path) -> bool:
    """A folder of this user's (not a link) that no one else may write in."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _only_this_user_writes(info)


def _owned_regular_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and _only_this_user_writes(info)


def _only_this_user_writes(info: os.stat_result) -> bool:
    return info.st_uid == os.geteuid() and not info.st_mode & 0o022


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read(_MAX_BYTES).decode("ascii", "replace").strip()
    except OSError:
        return ""
