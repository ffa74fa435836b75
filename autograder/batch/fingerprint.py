"""Which grader this is, as a hash of what decides a grade: the grader's package files, the
course's references and stubs, and the Python and numpy they run on. Two machines with the
same fingerprint grade alike; a class's results graded by another fingerprint are stale."""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import Literal

from ..registry import PACKAGE_DIR, course_folder

COURSE_FOLDERS: tuple[Literal["solutions", "exercises"], ...] = ("solutions", "exercises")


def grader_fingerprint() -> str:
    """The sha256 (hex) of this grader on this runtime: the same for a checkout and for the wheel
    made from it."""
    files = fingerprint({"autograder": PACKAGE_DIR, **{name: course_folder(name) for name in COURSE_FOLDERS}})
    return hashlib.sha256(f"{runtime()}\0{files}".encode()).hexdigest()


def runtime() -> str:
    """What the grader runs on that can change a grade: numpy's version (its arithmetic and
    printing) and Python's, whose patch releases change neither."""
    return f"Python {sys.version_info.major}.{sys.version_info.minor}, numpy {version('numpy')}"


def fingerprint(folders: dict[str, Path]) -> str:
    """sha256 over each file under the folders, by its path below its folder's name (so the
    course folders count alike inside the installed package or beside it in a checkout); a
    folder nested in another one given counts only under its own name. Bytecode caches and
    hidden files are left out: they differ between machines running the same grader."""
    nested = {path.resolve() for path in folders.values()}
    files: dict[str, Path] = {}
    for name, folder in folders.items():
        top = folder.resolve()
        for here, dirs, names in os.walk(top):
            below = Path(here)
            dirs[:] = [d for d in dirs if _counts(d) and (below / d).resolve() not in nested]
            for file in filter(_counts, names):
                files[str(PurePosixPath(name, (below / file).relative_to(top).as_posix()))] = below / file
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name].read_bytes()).digest())
    return digest.hexdigest()


def _counts(name: str) -> bool:
    return not (name.startswith(".") or name == "__pycache__" or name.endswith((".pyc", ".pyo")))
