"""Options ``grade EXERCISE`` and ``grade batch`` share, so that one student graded alone is
graded exactly as in the class: the call timeout, the course secret and the student's seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .cli_language import current_language
from .i18n import Text
from .localized_params import LocalizedFloatRange, LocalizedPath, option

SECRET_CREATED = Text(
    "Created the course secret {path} (keep it: the students' seeds come from it).",
    "已创建课程密钥 {path}（请妥善保存：学生的随机种子由它生成）。",
)


def timeout_option() -> Any:
    return option(
        "--timeout",
        type=LocalizedFloatRange(min=0.1, max=600),
        default=3.0,
        help=Text("Seconds a single call of your function may take.", "你的函数每次调用最多可用的秒数。"),
    )


def secret_file_option() -> Any:
    return option(
        "--secret-file",
        type=LocalizedPath(path_type=Path, dir_okay=False),
        help=Text(
            "The course secret the students' seeds come from; created on first use "
            "(default: $XDG_CONFIG_HOME or ~/.config, cross-entropy-grader/course-secret).",
            "学生随机种子所依据的课程密钥；首次使用时创建"
            "（默认：$XDG_CONFIG_HOME 或 ~/.config 下的 cross-entropy-grader/course-secret）。",
        ),
    )


def student_option() -> Any:
    return option(
        "--student",
        help=Text(
            "Grade as `grade batch` grades this student: with their seed, from the course secret.",
            "像 `grade batch` 那样为这个学生评分：使用由课程密钥得出的该学生的随机种子。",
        ),
    )


def course_secret(secret_file: Path | None) -> bytes:
    """The course secret, created on first use; saying where when it was created."""
    from .batch.seeds import course_secret as read_or_create
    from .batch.seeds import default_secret_file

    path = secret_file or default_secret_file()
    secret, created = read_or_create(path)
    if created:
        click.echo(SECRET_CREATED.format(path=path)(current_language()), err=True)
    return secret


def seed_of_student(student: str, secret_file: Path | None) -> int:
    """``--student``'s seed, as ``grade batch`` derives it; with ``--seed`` too, a usage error."""
    from .batch.layout import student_id
    from .batch.seeds import student_seed
    from .teacher_cli import teacher_only

    teacher_only()  # a student release's checks use fixed inputs
    ctx = click.get_current_context()
    if ctx.get_parameter_source("seed") is click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError(
            Text(
                "--student gives the student's own seed: leave out --seed.",
                "--student 会使用该学生自己的随机种子：请不要同时使用 --seed。",
            )(current_language()),
            ctx,
        )
    return student_seed(course_secret(secret_file), student_id(student))
