"""Worker-side confinement: Landlock and seccomp.

Applied by the worker to itself, before the student's module is imported and
before any thread starts (both are per-thread and inherited):

- Landlock: the worker may write only the files the grader lists (its two
  capped output files), read only the paths listed (in the landlock tier; inside
  bubblewrap the sandbox's view decides), and signal or reach only processes of
  its own sandbox (kernel ABI 6+);
- seccomp: socket() of every family and io_uring fail with EACCES: the worker
  talks over pipes and needs no socket, so it reaches no server, not even a
  local one by its path (D-Bus, Docker).

Uses ctypes only; every step reports whether it took effect.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import struct

_SYSCALLS = {  # landlock_create_ruleset, landlock_add_rule, landlock_restrict_self, socket, io_uring_setup,
    # open_by_handle_at
    "x86_64": (444, 445, 446, 41, 425, 304),
    "aarch64": (444, 445, 446, 198, 425, 265),
}
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_RIGHTS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
READ_ONLY = EXECUTE | READ_FILE | READ_DIR
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | (1 << 14) | (1 << 15)  # a rule on a file takes only these
WRITES = ((1 << 15) - 1) & ~READ_ONLY  # write, remove, make, refer, truncate
NET_TCP = (1 << 0) | (1 << 1)  # bind, connect (ABI 4+)
SCOPE_ALL = (1 << 0) | (1 << 1)  # abstract unix sockets, signals (ABI 6+)

_libc = ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    numbers = _SYSCALLS.get(platform.machine())
    if numbers is None:
        return 0
    version = _libc.syscall(numbers[0], None, 0, 1)  # LANDLOCK_CREATE_RULESET_VERSION
    return max(version, 0)


def _fs_rights(abi: int) -> int:
    return _FS_RIGHTS_BY_ABI[max(k for k in _FS_RIGHTS_BY_ABI if k <= abi)]


def apply_landlock(read: list[str] | None, write: list[str]) -> bool:
    """Allow reading (and executing) ``read``, everything in ``write``; nothing else.
    ``read`` None: reading stays as it is, only writes are confined to ``write``."""
    abi = landlock_abi()
    if abi < 1:
        return False
    create, add_rule, restrict = _SYSCALLS[platform.machine()][:3]
    handled = _fs_rights(abi) & (WRITES if read is None else -1)
    attr = struct.pack("QQQ", handled, NET_TCP if abi >= 4 else 0, SCOPE_ALL if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    buffer = ctypes.create_string_buffer(attr[:size], size)
    ruleset = _libc.syscall(create, buffer, size, 0)
    if ruleset < 0:
        return False
    try:
        for paths, rights in ((read or [], READ_ONLY), (write, handled)):
            for path in paths:
                _add_path(add_rule, ruleset, path, rights & handled)
        if _libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            return False
        return _libc.syscall(restrict, ruleset, 0) == 0
    finally:
        os.close(ruleset)


def _add_path(add_rule: int, ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path that is not there needs no rule
    try:
        if not os.path.isdir(path):
            rights &= FILE_RIGHTS
        rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, fd), 12)
        _libc.syscall(add_rule, ruleset, 1, rule, 0)  # LANDLOCK_RULE_PATH_BENEATH
    finally:
        os.close(fd)


class _Filter(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_ushort),
        ("jt", ctypes.c_ubyte),
        ("jf", ctypes.c_ubyte),
        ("k", ctypes.c_uint),
    ]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def block_sockets(allow_unix: bool = False, error: int = errno.EACCES) -> bool:
    """seccomp: socket() (but for AF_UNIX with ``allow_unix``, which a kernel's channels need),
    io_uring_setup() and open_by_handle_at() fail with ``error``, and so does every call made
    through another ABI (32-bit, x32), where those calls have other numbers."""
    machine = platform.machine()
    if machine not in _SYSCALLS:
        return False
    load, jump_equal, jump_set, ret = 0x20, 0x15, 0x45, 0x06
    socket, io_uring_setup, open_by_handle_at = _SYSCALLS[machine][3:6]
    # (code, target if true, target if false, k): targets are labels, resolved to offsets below
    rows = [
        (load, None, None, 4),  # arch
        (jump_equal, None, "deny", _AUDIT_ARCH[machine]),
        (load, None, None, 0),  # syscall number
        (jump_set, "deny", None, 0x40000000),  # the x32 ABI
        (jump_equal, "deny", None, io_uring_setup),
        (jump_equal, "deny", None, open_by_handle_at),  # opens by inode, past any path rule
        (jump_equal, "family" if allow_unix else "deny", "allow", socket),
    ]
    if allow_unix:
        rows += [(load, None, None, 16), (jump_equal, "allow", "deny", 1)]  # socket's family: AF_UNIX
    labels = {"family": 7, "allow": len(rows), "deny": len(rows) + 1}
    program = [
        (code, labels[yes] - i - 1 if yes else 0, labels[no] - i - 1 if no else 0, k)
        for i, (code, yes, no, k) in enumerate(rows)
    ]
    program += [(ret, 0, 0, 0x7FFF0000), (ret, 0, 0, 0x00050000 | error)]  # SECCOMP_RET_ALLOW, _ERRNO
    filters = (_Filter * len(program))(*[_Filter(*row) for row in program])
    prog = _Program(len(program), filters)
    if _libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    return _libc.prctl(22, 2, ctypes.byref(prog), 0, 0) == 0  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
