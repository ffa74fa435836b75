"""What a student's grading depends on, as one hash: a rerun whose hash is unchanged for a
student skips them. The grader counts by the bytes of its package and of the course folders
(references and stubs), with the Python and numpy it runs on."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from importlib.metadata import version

from ..registry import PACKAGE_DIR, Exercise, course_folder
from ..worker.process import Limits
from .work import Source, StudentWork


def grader_fingerprint() -> str:
    """A hash of every file of the grader and of the course folders, wherever installed."""
    digest = hashlib.sha256(f"{sys.version}\0numpy {version('numpy')}\0".encode())
    folders = [PACKAGE_DIR, course_folder("solutions"), course_folder("exercises")]
    for folder in folders:
        if folder != PACKAGE_DIR and folder.is_relative_to(PACKAGE_DIR):
            continue  # installed inside the package: counted with it
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                name = path.relative_to(folder.parent).as_posix()
                digest.update(f"{name}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\0".encode())
    return digest.hexdigest()


def content_hash(grader: str, exercises: list[Exercise], limits: Limits, lang: str, work: StudentWork) -> str:
    """The hash of one student's grading: the grader, what was asked (exercises, limits, the
    language of the reports), the student's id and seed, and each file handed in."""
    files = {
        name: [source.shown_as, hashlib.sha256(source.data).hexdigest()]
        if isinstance(source, Source)
        else ["not handed in", source.en]
        for name, source in sorted(work.files.items())
    }
    asked = {
        "grader": grader,
        "exercises": [e.name for e in exercises],
        "limits": dataclasses.asdict(limits),
        "lang": lang,
        "student": work.student,
        "seed": work.seed,
        "files": files,
    }
    return hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()
