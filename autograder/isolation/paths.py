"""What a worker reads from the machine, and what it must never read."""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

from ..registry import PACKAGE_DIR, course_folder

WORKER_DIR = PACKAGE_DIR / "worker"
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime")
OUTPUT_FILES = ("stdout.txt", "stderr.txt")  # what the student's code printed: the worker writes only these
DISTRIBUTION = "cross_entropy_autograder"  # the grader's distribution, as installers name its files


def worker_python() -> list[str]:
    """The interpreter a worker runs in, isolated from the environment's variables and the
    user's folders (-I), without site (-S: worker/startup.py); the venv's own path (its
    pyvenv.cfg matters), without ".." through folders a sandbox lacks."""
    return [os.path.abspath(sys.executable), "-I", "-S"]


def package_arguments() -> list[str]:
    """The package folders a worker imports from (numpy...), as worker/startup.py reads them."""
    return [
        arg for folder in site.getsitepackages() if os.path.isdir(folder) for arg in ("--packages", folder)
    ]


def grader_paths() -> list[Path]:
    """What the worker must never read: the grader package, the references, the stubs."""
    folders = [course_folder("solutions"), course_folder("exercises")]
    return _outermost([PACKAGE_DIR, *(f for f in folders if f.is_dir())])


def editable_install_hooks() -> list[Path]:
    """An editable install's hook of the grader: a .pth file in site-packages and the finder it
    imports, which an interpreter runs at every start to map the grader's folders."""
    return sorted(
        {p.resolve() for d in site.getsitepackages() for p in Path(d).glob(f"__editable__*{DISTRIBUTION}*")}
    )


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
