"""The student's module as the checks see it: a proxy whose calls run in the worker.

Calling ``student.softmax(z)`` sends ``z`` to the worker as plain data and
returns what came back, or raises :class:`StudentCallFailed`. ``observe``
returns the whole :class:`Call` (result, error, the arguments as the student
left them, probe call counts) for checks and diagnosis to judge.
"""

from __future__ import annotations

from .calls import Call, CallContext
from .session import WorkerSession


class StudentCallFailed(Exception):
    """A student function raised, hung, crashed, or could not be called."""

    def __init__(self, call: Call) -> None:
        super().__init__(call.function)
        self.call = call


class StudentFunction:
    """One function of the student's module, called across the boundary."""

    def __init__(
        self, session: WorkerSession, context: CallContext, name: str, convert: str | None = None
    ) -> None:
        self.session = session
        self.context = context
        self.name = name
        self.convert = convert

    def observe(self, *args, **kwargs) -> Call:
        call = self.session.call(self.name, args, kwargs, self.convert, self.context.probe)
        call.context = self.context
        return call

    def __call__(self, *args, **kwargs):
        call = self.observe(*args, **kwargs)
        if call.error is not None:
            raise StudentCallFailed(call)
        return call.received


class StudentModule:
    """The submission as a module: ``student.softmax`` is a :class:`StudentFunction`."""

    def __init__(self, session: WorkerSession, context: CallContext) -> None:
        self._session = session
        self._context = context

    def __getattr__(self, name: str) -> StudentFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return StudentFunction(self._session, self._context, name)

    def converted(self, name: str, convert: str) -> StudentFunction:
        """``name``, with its result turned into plain data on the worker side by the
        exercise's converter ``convert``."""
        return StudentFunction(self._session, self._context, name, convert)
