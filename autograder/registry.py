"""The exercises, found by name: nothing here lists them.

An exercise ``exerciseN`` is the folder ``autograder/checks/exerciseN/`` with
``__init__.py`` (its TITLE; optionally WORKER_PRELOAD, slow modules the worker
imports in the background, and REQUIRES, the packages it needs besides the
grader's), ``test_exerciseN.py`` (its checks), ``mistakes.py`` (its MISTAKES),
optionally ``probes.py`` (functions handed to the student's code, computed in
the grader: the worker never holds them), ``converters.py`` (run in the worker,
before the student's module, to turn results that are not plain data into plain
data) and ``worker_setup.py`` (what its workers' run folder and environment
need, see :class:`WorkerSetup`); plus the stub ``exercises/exerciseN.py`` and the
reference ``solutions/exerciseN.py`` (see :func:`course_folder`). Adding those
files adds the exercise.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from .errors import GradeError
from .i18n import Text

if TYPE_CHECKING:
    from .calls import CallContext
    from .recorded import ReleaseRecord

PACKAGE_DIR = Path(__file__).parent
CHECKS_DIR = PACKAGE_DIR / "checks"
NAME_PATTERN = re.compile(r"^exercise(\d+)$")


class UnknownExercise(GradeError):
    """No exercise goes by that name."""

    def __init__(self, name: str) -> None:
        names = ", ".join(e.name for e in all_exercises())
        super().__init__(
            Text(
                f"Unknown exercise '{name}'. Choose one of: {names}, or all.",
                f"没有练习 '{name}'。可选：{names}，或 all。",
            )
        )


def course_folder(name: Literal["solutions", "exercises"]) -> Path:
    """The references or the stubs: inside the package when installed (setup.py puts them
    there, out of the way of any other course's), beside it in a checkout, where teachers and
    students open them."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


@dataclass(frozen=True)
class CheckSpec:
    """What the ``check`` decorator of an exercise's check module says of a check."""

    points: float
    title: Text
    hidden: bool = False


@dataclass(frozen=True)
class CheckDef:
    """One check: a decorated test function of an exercise's check module."""

    name: str
    function: Callable[..., Any]
    spec: CheckSpec

    @property
    def id(self) -> str:
        return self.name.removeprefix("test_")


@dataclass(frozen=True)
class WorkerSetup:
    """An exercise's ``worker_setup.py``: trusted code the grader runs for the exercise's workers.

    ``prepare(run_dir)`` fills the run folder before a worker starts (the folder then goes to
    the worker's uid); ``environment(run_dir, notebook_kernel)`` is what the worker's scrubbed
    environment gets besides (``notebook_kernel``: the worker is a notebook's kernel)."""

    prepare: Callable[[Path], None]
    environment: Callable[[Path, bool], dict[str, str]]


@dataclass(frozen=True)
class Exercise:
    name: str
    number: int

    @property
    def package(self) -> str:
        return f"{__package__}.checks.{self.name}"

    @property
    def title(self) -> Any:
        return importlib.import_module(self.package).TITLE

    @property
    def worker_preload(self) -> tuple[str, ...]:
        """Modules the worker imports in the background while the first checks run."""
        return tuple(getattr(importlib.import_module(self.package), "WORKER_PRELOAD", ()))

    @property
    def requires(self) -> tuple[str, ...]:
        """The packages its checks and its worker import besides the grader's own (pip requirements)."""
        return tuple(getattr(importlib.import_module(self.package), "REQUIRES", ()))

    @property
    def worker_setup(self) -> WorkerSetup | None:
        """What this exercise's workers need from the grader; None without a worker_setup.py."""
        if not (CHECKS_DIR / self.name / "worker_setup.py").exists():
            return None
        module = importlib.import_module(f"{self.package}.worker_setup")
        return WorkerSetup(module.prepare, module.environment)

    def checks(self) -> tuple[CheckDef, ...]:
        return _checks(self.name)

    def mistakes(self) -> tuple:
        if self.is_release:
            from .recorded import replayed_mistakes

            return replayed_mistakes(_record(self.name), self.probe_names())
        return importlib.import_module(f"{self.package}.mistakes").MISTAKES

    def reference(self) -> Any:
        """The reference solution; in a student release, its recorded answers."""
        if self.is_release:
            from .recorded import ReplayReference

            return ReplayReference(_record(self.name), self.probe_names())
        return _reference(self.name)

    @property
    def record_path(self) -> Path:
        return CHECKS_DIR / self.name / "recorded.json"

    @property
    def is_release(self) -> bool:
        """A student release: public checks only, answering from recorded.json."""
        return self.record_path.exists()

    @property
    def hidden_checks_not_run(self) -> int:
        return _record(self.name).hidden_checks if self.is_release else 0

    @property
    def hidden_points_not_run(self) -> float:
        return _record(self.name).hidden_points if self.is_release else 0.0

    def probe_names(self) -> dict[int, str]:
        """Grader-side probe functions by identity, so recorded calls can name them."""
        if self.probes_path is None:
            return {}
        probes = importlib.import_module(f"{self.package}.probes")
        return {id(v): k for k, v in vars(probes).items() if callable(v) and not k.startswith("_")}

    @property
    def reference_path(self) -> Path:
        return course_folder("solutions") / f"{self.name}.py"

    @property
    def stub_path(self) -> Path:
        return course_folder("exercises") / f"{self.name}.py"

    @property
    def probes_path(self) -> Path | None:
        path = CHECKS_DIR / self.name / "probes.py"
        return path if path.exists() else None

    @property
    def converters_path(self) -> Path | None:
        path = CHECKS_DIR / self.name / "converters.py"
        return path if path.exists() else None

    @property
    def max_score(self) -> float:
        return sum(c.spec.points for c in self.checks())

    def probe(self, name: str) -> Callable[..., Any]:
        """The grader-side function of probe ``name``."""
        function = getattr(importlib.import_module(f"{self.package}.probes"), name, None)
        if name.startswith("_") or not callable(function):
            raise LookupError(f"{self.name} has no probe {name}")
        return function

    def context(self) -> CallContext:
        """What this exercise's checks judge the student's calls with; taken once per grading."""
        from .calls import CallContext  # with the mistakes: not before a grading's worker starts

        return CallContext(tuple(self.mistakes()), self.probe)


@cache
def _record(name: str) -> ReleaseRecord:
    from .recorded import load

    return load(CHECKS_DIR / name / "recorded.json")


@cache
def _reference(name: str) -> ModuleType:
    """The reference module, run from its file: the course folders are no package on sys.path."""
    path = course_folder("solutions") / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{__package__}.solutions.{name}", path)
    if spec is None or spec.loader is None:
        raise LookupError(f"no reference solution at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _checks(name: str) -> tuple[CheckDef, ...]:
    module = importlib.import_module(f"{__package__}.checks.{name}.test_{name}")
    return tuple(
        CheckDef(key, value, value.__check__)
        for key, value in vars(module).items()
        if key.startswith("test_") and hasattr(value, "__check__")
    )


def all_exercises() -> list[Exercise]:
    found = []
    for path in CHECKS_DIR.iterdir():
        match = NAME_PATTERN.match(path.name)
        if match and (path / "__init__.py").exists():
            found.append(Exercise(path.name, int(match.group(1))))
    return sorted(found, key=lambda e: e.number)


def named(name: str) -> Exercise | None:
    """The exercise called exactly ``name`` (a notebook's name), or None."""
    return next((e for e in all_exercises() if e.name == name), None)


def find(name: str) -> Exercise:
    """``exercise3``, ``3`` or ``ex3`` → the exercise; UnknownExercise otherwise."""
    text = name.strip().lower()
    digits = re.fullmatch(r"(?:exercise|ex)?0*(\d+)", text)
    for exercise in all_exercises():
        if digits and int(digits.group(1)) == exercise.number:
            return exercise
    raise UnknownExercise(name)
