"""What a worker reads from the machine, and what it must never read."""

from __future__ import annotations

import importlib.util
import site
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent.parent
WORKER_DIR = PACKAGE_DIR / "worker"
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime")
OUTPUT_FILES = ("stdout.txt", "stderr.txt")  # what the student's code printed: the worker writes only these


def grader_paths() -> list[Path]:
    """What the worker must never read: the grader package, the reference, the stubs' package."""
    paths = [PACKAGE_DIR]
    for name in ("solutions", "exercises"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            paths += [Path(p) for p in spec.submodule_search_locations]
    return paths


def library_roots() -> list[Path]:
    """The interpreter and the package folders a worker reads from."""
    roots = [Path(sys.base_prefix), Path(sys.prefix)]
    roots += [Path(p) for p in site.getsitepackages() if Path(p).is_dir()]
    return _outermost(roots)


def _outermost(paths: list[Path]) -> list[Path]:
    resolved = sorted({p.resolve() for p in paths}, key=lambda p: len(p.parts))
    kept: list[Path] = []
    for path in resolved:
        if not any(path.is_relative_to(k) for k in kept):
            kept.append(path)
    return kept
