"""A call of a student function as the checks judge it, and what the grader gives it to
judge with: the exercise's known mistakes and its grader-side probe functions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from .mistake import Mistake

ErrorKind = Literal[
    "raised", "not-implemented", "missing", "timeout", "crashed", "import-failed", "unreadable"
]


@dataclass(frozen=True)
class StudentError:
    """Why a call gave no value."""

    kind: ErrorKind
    type_name: str = ""
    message: str = ""
    traceback: str = ""


@dataclass(frozen=True)
class CallContext:
    """What an exercise's checks judge its calls with, decided once per grading: the known
    mistakes (a student release's recorded ones) and the probe functions by name."""

    mistakes: tuple[Mistake, ...]
    probe: Callable[[str], Callable[..., Any]]

    def resolve(self, value: Any) -> Any:
        """A copy of ``value`` with each Probe replaced by the grader-side function."""
        from .worker.values import Probe, copy_tree, map_leaves  # numpy: not before the workers have started

        return map_leaves(copy_tree(value), lambda v: self.probe(v.name) if isinstance(v, Probe) else v)


@dataclass
class Call:
    """One call of a student function: what went in, what came back."""

    function: str
    args: tuple
    kwargs: dict
    received: object = None
    error: StudentError | None = None
    args_after: tuple | None = None
    kwargs_after: dict | None = None
    probe_calls: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    context: CallContext | None = None

    def fresh_arguments(self) -> tuple[tuple, dict]:
        """A new copy of the arguments, probes resolved: for an imitation to be called with."""
        from .worker.values import copy_tree

        return copy_tree(self.resolved_arguments)

    @cached_property
    def resolved_arguments(self) -> tuple[tuple, dict]:
        """The arguments, probes resolved, as they went in: to be read, never changed (an
        imitation gets a fresh copy). Made once: a call is judged by many imitations."""
        if self.context is None:
            from .worker.values import copy_tree

            return copy_tree((self.args, self.kwargs))
        return self.context.resolve((self.args, self.kwargs))

    def changed_arguments(self) -> list[str]:
        """Positions (``#0``) or names of the arguments the student's code modified."""
        from .compare import identical

        changed = []
        if self.args_after is not None:
            changed += [
                f"#{i}"
                for i, (a, b) in enumerate(zip(self.args, self.args_after, strict=True))
                if not identical(a, b)
            ]
        if self.kwargs_after is not None:
            changed += [k for k, v in self.kwargs.items() if not identical(v, self.kwargs_after.get(k))]
        return changed
