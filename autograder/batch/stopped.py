"""Students a grader could not finish (a grader process or a cluster's worker died, or the
grader failed on them): reported together once the others are graded, never saved as a
result, so that a rerun grades them."""

from __future__ import annotations

from ..errors import GradeError
from ..i18n import Text
from .work import StudentWork

STUDENTS_NAMED = 5  # in a message about students not graded

NOT_GRADED = Text(
    "{count} students could not be graded ({students}): {reason}",
    "{count} 名学生未能评分（{students}）：{reason}",
)
RUN_AGAIN = Text(
    "Students graded so far keep their results; run the same command again to grade the others.",
    "已评分学生的结果均已保留；再次运行同一命令即可为其余学生评分。",
)


def not_graded_error(groups: list[tuple[list[StudentWork], Text]]) -> GradeError:
    """One error naming each group of students left ungraded, with why."""
    lines = []
    for students, reason in groups:
        ids = [work.student for work in students[:STUDENTS_NAMED]]
        more = ", …" if len(students) > STUDENTS_NAMED else ""
        lines.append(NOT_GRADED.format(count=len(students), students=", ".join(ids) + more, reason=reason))
    lines.append(RUN_AGAIN)
    return GradeError(Text("\n".join(line.en for line in lines), "\n".join(line.zh for line in lines)))
