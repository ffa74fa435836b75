"""A known mistake of an exercise: what it is, how to fix it, how its numbers are recognised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .i18n import Text
from .results import Diagnosis


@dataclass(frozen=True)
class Mistake:
    """``imitations``: functions making the same mistake, called like the student's function;
    ``signature``: ``(call, expected) -> bool``, for what an imitation cannot reproduce
    (see diagnosis)."""

    id: str
    functions: tuple[str, ...]
    title: Text
    hint: Text
    imitations: tuple[Callable, ...] = ()
    signature: Callable[..., bool] | None = None

    def diagnosis(self) -> Diagnosis:
        return Diagnosis(self.id, self.title, self.hint)
