"""Naming the known mistake that explains a student's numbers.

Each exercise lists its mistakes (ids from MISCONCEPTIONS.md). A mistake is
recognised either by an *imitation* — a small function that makes the same
mistake; if it reproduces the student's numbers on the failing input, and the
reference's numbers differ, the mistake is named — or by a *signature*, a
predicate over the observed call for what an imitation cannot reproduce
(errors of a certain kind, arguments changed in a certain way). Only numbers
are judged, never the student's source.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable

import numpy as np

from .calls import Call
from .compare import identical, same_numbers, tolerance_for
from .mistake import Mistake
from .results import Diagnosis

# Exceptions no imitation or signature models: they mean the grader's own code is wrong, and
# must reach the report as a grader error instead of passing for "this mistake does not apply".
GRADER_BUGS = (NameError, ImportError, SyntaxError)


def diagnose(call: Call, expected: object) -> tuple[Diagnosis, ...]:
    """The known mistakes (of the call's context) whose numbers match this call. Without an
    expected value only signatures are judged: an imitation's numbers name a mistake only
    where they differ from the reference's."""
    found = []
    for mistake in call.context.mistakes if call.context is not None else ():
        if call.function not in mistake.functions:
            continue
        if _signature_matches(mistake, call, expected) or (
            expected is not None
            and any(_imitation_matches(imitation, call, expected) for imitation in mistake.imitations)
        ):
            found.append(mistake.diagnosis())
    return tuple(found)


def _signature_matches(mistake: Mistake, call: Call, expected: object) -> bool:
    if mistake.signature is None:
        return False
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return bool(mistake.signature(call, expected))
    except GRADER_BUGS:
        raise
    except Exception:
        return False


def accepts(function: Callable, args: tuple, kwargs: dict) -> bool:
    """Whether ``function`` can be called with these arguments (an imitation of another
    function of the same mistake may not)."""
    try:
        signature = _signature(function)
    except ValueError:  # no signature to read (a builtin): let the call decide
        return True
    try:
        signature.bind(*args, **kwargs)
    except TypeError:
        return False
    return True


@functools.cache
def _signature(function: Callable) -> inspect.Signature:
    """Read once per function: a class is graded with the same imitations many times."""
    return inspect.signature(function)


def imitate(imitation: Callable, args: tuple, kwargs: dict) -> tuple[object, str | None]:
    """Run an imitation quietly: (its value, None), or (None, the name of what it raised)."""
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return imitation(*args, **kwargs), None
    except GRADER_BUGS:
        raise
    except Exception as exc:
        return None, type(exc).__name__


def _imitation_matches(imitation: Callable, call: Call, expected: object) -> bool:
    args, kwargs = call.fresh_arguments()
    if not accepts(imitation, args, kwargs):
        return False
    before = call.resolved_arguments[0]
    imitated, raised = imitate(imitation, args, kwargs)
    if raised is not None:
        return call.error is not None and call.error.kind == "raised" and call.error.type_name == raised
    if call.error is not None:
        return False
    rtol, atol = tolerance_for(call.args, call.kwargs, expected)
    if not same_numbers(call.received, imitated, rtol, atol):
        return False
    if same_numbers(expected, imitated, rtol, atol):
        return False
    changed = [i for i, (a, b) in enumerate(zip(before, args, strict=True)) if not identical(a, b)]
    if changed and call.args_after is not None:
        return all(same_numbers(args[i], call.args_after[i]) for i in changed)
    return True
