"""The one result model every writer renders: plain, frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Text


@dataclass(frozen=True)
class Diagnosis:
    """A known mistake (an id from MISCONCEPTIONS.md) that explains the student's numbers."""

    id: str
    title: Text
    hint: Text

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title.to_dict(), "hint": self.hint.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> Diagnosis:
        return cls(data["id"], Text.from_dict(data["title"]), Text.from_dict(data["hint"]))


@dataclass(frozen=True)
class Failure:
    """What went wrong in one check, with the evidence that shows it."""

    summary: Text
    call: str | None = None
    expected: str | Text | None = None  # a value as printed, or a description in words (a Text)
    received: str | Text | None = None
    diagnoses: tuple[Diagnosis, ...] = ()
    traceback: str | None = None

    def to_dict(self) -> dict:
        return {
            "summary": self.summary.to_dict(),
            "call": self.call,
            "expected": _shown_to_dict(self.expected),
            "received": _shown_to_dict(self.received),
            "diagnoses": [d.to_dict() for d in self.diagnoses],
            "traceback": self.traceback,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Failure:
        return cls(
            Text.from_dict(data["summary"]),
            data["call"],
            _shown_from_dict(data["expected"]),
            _shown_from_dict(data["received"]),
            tuple(Diagnosis.from_dict(d) for d in data["diagnoses"]),
            data["traceback"],
        )


def _shown_to_dict(value: str | Text | None) -> str | dict[str, str] | None:
    return value.to_dict() if isinstance(value, Text) else value


def _shown_from_dict(value: str | dict[str, str] | None) -> str | Text | None:
    return Text.from_dict(value) if isinstance(value, dict) else value


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

    def to_dict(self) -> dict:
        return {
            "exercise": self.exercise,
            "check": self.check,
            "title": self.title.to_dict(),
            "max_points": self.max_points,
            "hidden": self.hidden,
            "failure": self.failure.to_dict() if self.failure else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> CheckResult:
        failure = Failure.from_dict(data["failure"]) if data["failure"] else None
        return cls(
            data["exercise"],
            data["check"],
            Text.from_dict(data["title"]),
            data["max_points"],
            data["hidden"],
            failure,
        )


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

    def to_dict(self) -> dict:
        return {
            "exercise": self.exercise,
            "title": self.title.to_dict(),
            "checks": [c.to_dict() for c in self.checks],
            "load_error": self.load_error.to_dict() if self.load_error else None,
            "printed": self.printed,
            "hidden_not_run": self.hidden_not_run,
            "hidden_points": self.hidden_points,
        }

    @classmethod
    def from_dict(cls, data: dict) -> ExerciseResult:
        load_error = Failure.from_dict(data["load_error"]) if data["load_error"] else None
        return cls(
            data["exercise"],
            Text.from_dict(data["title"]),
            tuple(CheckResult.from_dict(c) for c in data["checks"]),
            load_error,
            data["printed"],
            data["hidden_not_run"],
            data["hidden_points"],
        )


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
