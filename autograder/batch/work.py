"""What one student hands in for a class grading, as bytes: it travels to another process
or machine (a Dask task) and comes back as a GradeRun."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Text
from ..submission import Source


@dataclass(frozen=True)
class StudentWork:
    """A student's submissions, one per exercise name, or why there is none (missing,
    unreadable): that exercise scores 0 with the message."""

    student: str
    seed: int
    files: dict[str, Source | Text]
