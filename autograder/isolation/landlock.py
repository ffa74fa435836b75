"""The Landlock tier: whether the kernel has Landlock, and what a worker may read under it."""

from __future__ import annotations

import sys
from pathlib import Path

from .paths import SYSTEM_DIRS, SYSTEM_FILES, WORKER_DIR, grader_paths, library_roots

SYSTEM_READS = (
    "/proc/self",
    "/proc/cpuinfo",
    "/proc/meminfo",
    "/sys/devices/system/cpu",
    "/dev/null",
    "/dev/urandom",
)


def abi() -> int:
    """The kernel's Landlock ABI version, 0 without Landlock."""
    sys.path.insert(0, str(WORKER_DIR))
    try:
        import confine  # the worker's own module: ctypes only
    finally:
        sys.path.remove(str(WORKER_DIR))
    return int(confine.landlock_abi())


def readable(run_dir: Path, converters_path: Path | None) -> list[str]:
    """What a Landlock-tier worker may read: the system, the libraries without the grader's
    files, its own code and its run folder."""
    hidden = [p.resolve() for p in grader_paths()]
    read = [*SYSTEM_DIRS, *SYSTEM_FILES, *SYSTEM_READS, str(WORKER_DIR), str(run_dir)]
    if converters_path is not None:
        read.append(str(converters_path))
    for root in library_roots():
        read += [str(p) for p in _readable_below(root, hidden)]
    return read


def _readable_below(root: Path, hidden: list[Path]) -> list[Path]:
    """``root``, or its entries when a hidden path lies inside it (Landlock only allows)."""
    if not any(h.is_relative_to(root) for h in hidden):
        return [root]
    if root in hidden:
        return []
    found = []
    for entry in root.iterdir():
        resolved = entry.resolve()
        if any(resolved == h for h in hidden):
            continue
        found += _readable_below(resolved, hidden) if resolved.is_dir() else [resolved]
    return found
