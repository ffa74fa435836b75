"""Recorded answers, for a student release that ships no reference solution.

At release time every call the public checks make of the reference, and every
imitation of a known mistake on every call they make of the student, are run
once and stored with their arguments (``recorded.json`` beside the checks). In
the release, :class:`ReplayReference` and :func:`replayed_mistakes` answer from
that record, so checks and diagnosis work without the code that computed it.
Only the public checks' fixed inputs are recorded.
"""

from __future__ import annotations

import base64
import hashlib
import inspect
import json
from pathlib import Path

from .i18n import Text
from .mistake import Mistake
from .worker.values import Probe, decode, encode, load_blob, map_leaves

FORMAT = 1


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


def store(value: object) -> dict:
    blobs: list[bytes] = []
    tree = encode(value, blobs)
    return {"tree": tree, "blobs": [base64.b64encode(b).decode("ascii") for b in blobs]}


def restore(stored: dict) -> object:
    arrays = [load_blob(base64.b64decode(b)) for b in stored["blobs"]]
    return decode(stored["tree"], arrays)


class ReplayReference:
    """The reference module of a release: each function answers from the record."""

    def __init__(self, record: dict, probe_names: dict[int, str]) -> None:
        self._calls = record["calls"]
        self._parameters = record["parameters"]
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

    def __init__(self, answers: dict[str, dict], probe_names: dict[int, str]) -> None:
        self._answers = answers
        self._probe_names = probe_names

    def __call__(self, *args, **kwargs):
        answer = self._answers.get(call_key(args, kwargs, self._probe_names))
        if answer is None:
            raise NotRecorded()
        if "raises" in answer:
            raise type(answer["raises"], (Exception,), {})()
        return restore(answer)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def replayed_mistakes(record: dict, probe_names: dict[int, str]) -> tuple[Mistake, ...]:
    """The exercise's mistakes, recognised by their recorded imitations only."""
    return tuple(
        Mistake(
            m["id"],
            tuple(m["functions"]),
            Text.from_dict(m["title"]),
            Text.from_dict(m["hint"]),
            imitations=tuple(ReplayImitation(answers, probe_names) for answers in m["imitations"]),
        )
        for m in record["mistakes"]
    )
