"""What a student's grading depends on, as one hash: a rerun whose hash is unchanged for a
student skips them. The grader counts by its fingerprint (fingerprint.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import json

from ..registry import Exercise
from ..submission import Source
from ..worker.process import Limits
from .work import StudentWork


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
