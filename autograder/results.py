"""The one result model every writer renders: plain, frozen dataclasses.

What crosses a process or machine boundary (the notebook's check cells, a class's
gradebook) is a :class:`GradeRun` as the plain data of :data:`GRADE_RUN_SCHEMA`, never a
writer's output.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Text
from .plain import Schema


@dataclass(frozen=True)
class Diagnosis:
    """A known mistake (an id from MISCONCEPTIONS.md) that explains the student's numbers."""

    id: str
    title: Text
    hint: Text


@dataclass(frozen=True)
class Failure:
    """What went wrong in one check, with the evidence that shows it."""

    summary: Text
    call: str | None = None
    expected: str | Text | None = None  # a value as printed, or a description in words (a Text)
    received: str | Text | None = None
    diagnoses: tuple[Diagnosis, ...] = ()
    traceback: str | None = None


@dataclass(frozen=True)
class CheckResult:
    exercise: str
    check: str
    title: Text
    max_points: float
    hidden: bool
    failure: Failure | None = None

    @property
    def passed(self) -> bool:
        return self.failure is None

    @property
    def points(self) -> float:
        return self.max_points if self.passed else 0.0

    @property
    def status(self) -> str:
        return "passed" if self.passed else "failed"


@dataclass(frozen=True)
class ExerciseResult:
    exercise: str
    title: Text
    checks: tuple[CheckResult, ...]
    load_error: Failure | None = None
    printed: str = ""
    hidden_not_run: int = 0  # checks of a student release that only the teacher's grader runs
    hidden_points: float = 0.0  # and the points they are worth

    @property
    def score(self) -> float:
        return sum(c.points for c in self.checks)

    @property
    def max_score(self) -> float:
        return sum(c.max_points for c in self.checks)

    @property
    def full_score(self) -> float:
        """What the exercise is worth, hidden checks not run here included."""
        return self.max_score + self.hidden_points

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def mistakes(self) -> tuple[Diagnosis, ...]:
        """The known mistakes the failed checks recognised, each once, in the checks' order."""
        found: dict[str, Diagnosis] = {}
        for check in self.checks:
            for diagnosis in check.failure.diagnoses if check.failure else ():
                found.setdefault(diagnosis.id, diagnosis)
        return tuple(found.values())


@dataclass(frozen=True)
class GradeRun:
    """Everything one ``grade`` invocation found, for one submission."""

    exercises: tuple[ExerciseResult, ...]
    seed: int
    execution_time: float = 0.0
    isolation: str = ""  # the sandbox tier the student's code ran under

    @property
    def score(self) -> float:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> float:
        return sum(e.max_score for e in self.exercises)

    @property
    def full_score(self) -> float:
        return sum(e.full_score for e in self.exercises)

    @property
    def passed(self) -> bool:
        return all(e.passed for e in self.exercises)


GRADE_RUN_SCHEMA = Schema(GradeRun, version=1)
