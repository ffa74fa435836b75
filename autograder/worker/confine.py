"""Worker-side confinement where bubblewrap is not available: Landlock and seccomp.

Applied by the worker to itself, before the student's module is imported and
before any thread starts (both are per-thread and inherited):

- Landlock: the worker may read only the paths the grader lists (the
  interpreter, the libraries, its own files), write only in its run folder, and
  signal or reach only processes of its own sandbox (kernel ABI 6+);
- seccomp: socket() for anything but AF_UNIX fails with EACCES.

Uses ctypes only; every step reports whether it took effect.
"""
from __future__ import annotations

import ctypes
import errno
import os
import platform
import struct

_SYSCALLS = {  # landlock_create_ruleset, landlock_add_rule, landlock_restrict_self, socket
    "x86_64": (444, 445, 446, 41),
    "aarch64": (444, 445, 446, 198),
}
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_FS_RIGHTS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
READ_ONLY = EXECUTE | READ_FILE | READ_DIR
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | (1 << 14) | (1 << 15)  # a rule on a file takes only these
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


def apply_landlock(read: list[str], write: list[str]) -> bool:
    """Allow reading (and executing) ``read``, everything in ``write``; nothing else."""
    abi = landlock_abi()
    if abi < 1:
        return False
    create, add_rule, restrict, _ = _SYSCALLS[platform.machine()]
    handled = _fs_rights(abi)
    attr = struct.pack("QQQ", handled, NET_TCP if abi >= 4 else 0, SCOPE_ALL if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    buffer = ctypes.create_string_buffer(attr[:size], size)
    ruleset = _libc.syscall(create, buffer, size, 0)
    if ruleset < 0:
        return False
    try:
        for paths, rights in ((read, READ_ONLY), (write, handled)):
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
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def block_network_sockets(error: int = errno.EACCES) -> bool:
    """seccomp: socket(family != AF_UNIX) fails with ``error``; every other call is allowed."""
    machine = platform.machine()
    if machine not in _SYSCALLS:
        return False
    load, jump_equal, ret = 0x20, 0x15, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | error  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | error
    program = [
        (load, 0, 0, 4),                            # arch
        (jump_equal, 0, 5, _AUDIT_ARCH[machine]),
        (load, 0, 0, 0),                            # syscall number
        (jump_equal, 0, 3, _SYSCALLS[machine][3]),  # socket
        (load, 0, 0, 16),                           # its first argument: the family
        (jump_equal, 1, 0, 1),                      # AF_UNIX
        (ret, 0, 0, deny),
        (ret, 0, 0, allow),
    ]
    filters = (_Filter * len(program))(*[_Filter(*row) for row in program])
    prog = _Program(len(program), filters)
    if _libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    return _libc.prctl(22, 2, ctypes.byref(prog), 0, 0) == 0  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
