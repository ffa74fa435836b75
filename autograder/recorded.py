"""Recorded answers, for a student release that ships no reference solution.

At release time every call the public checks make of the reference, and every
imitation of a known mistake on every call they make of the student, are run
once and stored with their arguments (``recorded.json`` beside the checks). In
the release, :class:`ReplayReference` and :func:`replayed_mistakes` answer from
that record, so checks and diagnosis work without the code that computed it.
Only the public checks' fixed inputs are recorded. The record is a :class:`ReleaseRecord`,
stored as plain data (:mod:`autograder.plain`) and checked when the release loads it.
"""

from __future__ import annotations

import base64
import hashlib
import inspect
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GradeError
from .i18n import Text
from .mistake import Mistake
from .plain import InvalidDocument, Schema
from .worker.values import Probe, decode, encode, load_blob, map_leaves


class NotRecorded(Exception):
    """This release holds no answer for that call (only the public checks' inputs are recorded)."""


def call_key(args: tuple, kwargs: dict, probe_names: dict[int, str]) -> str:
    """A stable name for a call's arguments; grader-side probe functions count by their name."""
    blobs: list[bytes] = []
    tree = encode(_probes_named([*list(args), kwargs], probe_names), blobs)
    digest = hashlib.sha256(json.dumps(tree, sort_keys=True).encode())
    for blob in blobs:
        digest.update(hashlib.sha256(blob).digest())
    return digest.hexdigest()


def _probes_named(value: object, probe_names: dict[int, str]) -> object:
    return map_leaves(
        value, lambda v: Probe(probe_names[id(v)]) if callable(v) and id(v) in probe_names else v
    )


@dataclass(frozen=True)
class Stored:
    """A value as the worker protocol encodes it: a tree of plain data, and its arrays as
    base64 .npy blobs."""

    tree: Any
    blobs: tuple[str, ...]


@dataclass(frozen=True)
class Raised:
    """What an imitation raised: replayed as an exception of that name."""

    type_name: str


@dataclass(frozen=True)
class RecordedMistake:
    """A known mistake with, for each of its imitations, the answer to each recorded call."""

    id: str
    functions: tuple[str, ...]
    title: Text
    hint: Text
    imitations: tuple[dict[str, Stored | Raised], ...]  # call key → answer, per imitation


@dataclass(frozen=True)
class ReleaseRecord:
    """What a release's public checks need of the reference and of the imitations."""

    hidden_checks: int  # the checks, and their points, that only the teacher's grader runs
    hidden_points: float
    probes: tuple[str, ...]  # the probe functions the public checks hand to the student's code
    calls: dict[str, dict[str, Stored]]  # reference function → call key → its answer
    parameters: dict[str, tuple[str, ...]]  # reference function → its parameter names
    mistakes: tuple[RecordedMistake, ...]


RECORD_SCHEMA = Schema(ReleaseRecord, version=2)


class UnreadableRecord(GradeError):
    """A release's record is damaged, or made for another version of the grader."""

    def __init__(self, path: Path, problem: Text) -> None:
        super().__init__(
            Text(
                "{path} is not a release record this grader can read ({problem}); reinstall the release.",
                "{path} 不是本评分程序能读取的发布记录（{problem}）；请重新安装学生版。",
            ).format(path=str(path), problem=problem)
        )


def load(path: Path) -> ReleaseRecord:
    try:
        return RECORD_SCHEMA.loads(path.read_bytes())
    except OSError as error:
        raise UnreadableRecord(path, Text(str(error.strerror), str(error.strerror))) from None
    except InvalidDocument as error:
        raise UnreadableRecord(path, error.message) from None


def store(value: object) -> Stored:
    blobs: list[bytes] = []
    tree = encode(value, blobs)
    return Stored(tree, tuple(base64.b64encode(b).decode("ascii") for b in blobs))


def restore(stored: Stored) -> object:
    arrays = [load_blob(base64.b64decode(b)) for b in stored.blobs]
    return decode(stored.tree, arrays)


class ReplayReference:
    """The reference module of a release: each function answers from the record."""

    def __init__(self, record: ReleaseRecord, probe_names: dict[int, str]) -> None:
        self._calls = record.calls
        self._parameters = record.parameters
        self._probe_names = probe_names

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        answers = self._calls.get(name, {})
        probe_names = self._probe_names

        def replayed(*args, **kwargs):
            key = call_key(args, kwargs, probe_names)
            if key not in answers:
                raise NotRecorded(name)
            return restore(answers[key])

        replayed.__name__ = name
        replayed.__signature__ = inspect.Signature(  # type: ignore[attr-defined]  # the parameter names, for showing calls
            [
                inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD)
                for p in self._parameters.get(name, [])
            ]
        )
        return replayed


class ReplayImitation:
    """One imitation of a mistake, answering from the record: the numbers, or the
    same kind of exception, that the imitation gave on those arguments."""

    def __init__(self, answers: dict[str, Stored | Raised], probe_names: dict[int, str]) -> None:
        self._answers = answers
        self._probe_names = probe_names

    def __call__(self, *args, **kwargs):
        answer = self._answers.get(call_key(args, kwargs, self._probe_names))
        if answer is None:
            raise NotRecorded()
        if isinstance(answer, Raised):
            raise type(answer.type_name, (Exception,), {})()
        return restore(answer)


def replayed_mistakes(record: ReleaseRecord, probe_names: dict[int, str]) -> tuple[Mistake, ...]:
    """The exercise's mistakes, recognised by their recorded imitations only."""
    return tuple(
        Mistake(
            m.id,
            m.functions,
            m.title,
            m.hint,
            imitations=tuple(ReplayImitation(answers, probe_names) for answers in m.imitations),
        )
        for m in record.mistakes
    )
