"""What the grader tells a user when it cannot do what was asked: one base, a message in both
languages and the exit code to end on. The CLI shows any of them in the run's language."""

from __future__ import annotations

from .i18n import Text

EXIT_NOT_GRADED = 2


class GradeError(Exception):
    """A problem the user can act on, told in their language; never a traceback."""

    exit_code = EXIT_NOT_GRADED

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message
