"""What a course author writes hidden tests with.

A check is a plain pytest-style function taking the fixtures ``student`` (the
submission, behind the process boundary), ``reference`` (the reference
solution module) and ``rng`` (a seeded numpy Generator), decorated with
:func:`check` for its points, visibility and title::

    @check(2, en="softmax of a batch", zh="批量 softmax")
    def test_softmax_batch(student, reference, rng):
        expect_same(student.softmax, reference.softmax, rng.normal(size=(3, 4)))

The same file runs under plain ``pytest`` (see ``autograder/checks/conftest.py``)
and under the grader; failures raise :class:`CheckFailed`, an AssertionError.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from typing import NoReturn

from . import messages
from .calls import Call
from .compare import mismatch, tolerance_for
from .diagnosis import diagnose
from .formatting import show, show_call
from .i18n import Text
from .registry import CheckSpec
from .results import Failure
from .student import StudentFunction
from .worker.values import Made, Probe


def check(points: float, *, en: str, zh: str, hidden: bool = False) -> Callable:
    """Mark a test function as a graded check worth ``points``."""

    def mark(function: Callable) -> Callable:
        function.__check__ = CheckSpec(points, Text(en, zh), hidden)  # type: ignore[attr-defined]
        return function

    return mark


class CheckFailed(AssertionError):
    def __init__(self, failure: Failure) -> None:
        super().__init__(_plain(failure))
        self.failure = failure


def _plain(failure: Failure) -> str:
    lines = [failure.summary.en]
    for label, value in (
        ("call", failure.call),
        ("expected", failure.expected),
        ("received", failure.received),
    ):
        if value is not None:
            lines.append(f"{label}: {value.en if isinstance(value, Text) else value}")
    lines += [f"diagnosis: {d.id}" for d in failure.diagnoses]
    return "\n".join(lines)


def expect_same(
    student_function: StudentFunction,
    reference_function: Callable,
    *args,
    rtol: float | None = None,
    atol: float | None = None,
    **kwargs,
) -> Call:
    """Call both with the same arguments; fail unless the student's result matches.
    Returns the student's call, for checks of what else it shows (how often a probe
    was called). Whether the arguments came back unmodified is for a check of its own
    (:func:`expect_unchanged`): one mistake, one deduction."""
    reference_args, reference_kwargs = student_function.context.resolve((args, kwargs))
    expected = reference_function(*reference_args, **reference_kwargs)
    call = student_function.observe(*args, **kwargs)
    if call.error is not None:
        raise CheckFailed(failure_for_error(call, reference_function, expected))
    default_rtol, default_atol = tolerance_for(args, kwargs, expected)
    reason = mismatch(
        call.received,
        expected,
        default_rtol if rtol is None else rtol,
        default_atol if atol is None else atol,
    )
    if reason is not None:
        summary = messages.WRONG_RESULT.format(function=call.function, reason=reason)
        raise CheckFailed(failure_for_call(call, summary, reference_function, expected))
    return call


def expect_unchanged(
    student_function: StudentFunction, reference_function: Callable, *args, **kwargs
) -> Call:
    """Call the student's function; fail only if it modified its arguments (its result is
    judged by other checks). A call that gives no value fails: there is nothing to judge.
    ``reference_function`` names the arguments in the message. Returns the student's call."""
    call = student_function.observe(*args, **kwargs)
    if call.error is not None:
        raise CheckFailed(failure_for_error(call, reference_function))
    changed = call.changed_arguments()
    if changed:
        summary = messages.CHANGED_INPUT.format(
            function=call.function, arguments=_argument_names(changed, reference_function)
        )
        raise CheckFailed(failure_for_call(call, summary, reference_function))
    return call


def _argument_names(changed: list[str], reference_function: Callable) -> str:
    names = list(inspect.signature(reference_function).parameters)
    shown = [names[int(c[1:])] if c.startswith("#") and int(c[1:]) < len(names) else c for c in changed]
    return ", ".join(f"`{n}`" for n in shown)


def failure_for_call(
    call: Call,
    summary: Text,
    reference_function: Callable | None = None,
    expected: object = None,
    show_expected: bool = True,
) -> Failure:
    """A failure showing the call, what was expected and received, and the known
    mistakes that explain it (imitations need ``expected``; signatures do not)."""
    return Failure(
        summary=summary,
        call=show_call(call.function, call.args, call.kwargs, reference_function),
        expected=show(expected) if show_expected and expected is not None else None,
        received=show(call.received) if call.error is None else None,
        diagnoses=diagnose(call, expected),
        traceback=call.error.traceback if call.error is not None and call.error.traceback else None,
    )


def failure_for_error(
    call: Call, reference_function: Callable | None = None, expected: object = None
) -> Failure:
    """A failure for a call that gave no value: not implemented, raised, hung, crashed."""
    error = call.error
    if error is None:
        raise ValueError(f"the call of {call.function} gave a value")
    function = call.function
    if error.kind == "not-implemented":
        return Failure(messages.NOT_IMPLEMENTED.format(function=function))
    if error.kind == "import-failed":
        return Failure(messages.NOT_GRADED)
    if error.kind == "missing":
        summary = messages.MISSING.format(function=function)
    elif error.kind == "timeout":
        summary = messages.TIMEOUT.format(function=function, seconds=error.message)
    elif error.kind == "crashed":
        summary = messages.CRASHED.format(function=function, reason=messages.crash_reason(error.message))
    elif error.kind == "unreadable":
        summary = messages.UNREADABLE.format(function=function, reason=error.message)
    else:
        summary = messages.RAISED.format(function=function, error=error.message or error.type_name)
    return failure_for_call(call, summary, reference_function, expected, show_expected=False)


def fail(
    call: Call,
    *,
    en: str,
    zh: str,
    expected: object = None,
    reference_function: Callable | None = None,
    shown_expected: str | Text | None = None,
    shown_received: str | Text | None = None,
    diagnose: bool = True,
) -> NoReturn:
    """Fail a check with the author's own message about ``call`` (for property checks).

    Known mistakes are diagnosed as in :func:`expect_same` (imitations only when
    ``expected`` is given), unless ``diagnose`` is False: for a check about what no
    known mistake explains (how a result is presented), which must not name one that
    another check already names. ``shown_expected`` / ``shown_received`` replace the
    rendering of the values, for results better described in words (a Text) than printed.
    """
    if call.error is not None:
        raise CheckFailed(failure_for_error(call, reference_function, expected))
    if not diagnose:
        call = dataclasses.replace(call, context=None)  # failure_for_call diagnoses in the call's context
    failure = failure_for_call(call, Text(en, zh), reference_function, expected)
    if shown_expected is not None or shown_received is not None:
        failure = dataclasses.replace(
            failure,
            expected=shown_expected if shown_expected is not None else failure.expected,
            received=shown_received if shown_received is not None else failure.received,
        )
    raise CheckFailed(failure)


__all__ = ["CheckFailed", "Made", "Probe", "check", "expect_same", "expect_unchanged", "fail"]
