"""The teacher's commands of ``grade``: the nbgrader course and the student release."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_language import current_language
from .errors import GradeError
from .i18n import Text
from .localized_cli import LocalizedCommand, LocalizedGroup, help_without_command
from .localized_params import LocalizedPath, lang_option, option
from .registry import all_exercises


@click.group(
    "nbgrader",
    cls=LocalizedGroup,
    invoke_without_command=True,
    help=Text(
        "Teachers: an nbgrader course made from the exercises.", "教师用：由这些练习生成的 nbgrader 课程。"
    ),
)
@lang_option()
@click.pass_context
def nbgrader_commands(ctx: click.Context) -> None:
    help_without_command(ctx)


@nbgrader_commands.command(
    "init",
    help=Text(
        """Write COURSE_DIR/nbgrader_config.py and source/exerciseN/exerciseN.ipynb.

        \b
        Then, in COURSE_DIR, use nbgrader as documented:
          nbgrader generate_assignment exercise1
          nbgrader autograde exercise1
          nbgrader generate_feedback exercise1
          nbgrader export
        """,
        """写入 COURSE_DIR/nbgrader_config.py 和 source/exerciseN/exerciseN.ipynb。

        \b
        然后在 COURSE_DIR 中按 nbgrader 的文档使用：
          nbgrader generate_assignment exercise1
          nbgrader autograde exercise1
          nbgrader generate_feedback exercise1
          nbgrader export
        """,
    ),
)
@click.argument("course_dir", type=LocalizedPath(path_type=Path, file_okay=False))
@lang_option()
@option(
    "--force",
    is_flag=True,
    help=Text("Overwrite the files of an earlier init.", "覆盖之前 init 写入的文件。"),
)
def nbgrader_init(course_dir: Path, force: bool) -> None:
    lang = current_language()
    teacher_only()
    from .nbgrader_course import write_course

    try:
        written = write_course(course_dir, lang, force=force)
    except OSError as error:
        raise GradeError(Text(f"Cannot write the course: {error}", f"无法写入课程：{error}")) from None
    for path in written:
        click.echo(str(path))


@click.command(
    "release",
    cls=LocalizedCommand,
    help=Text(
        "Build the student copy of the course in OUT_DIR: stubs and the public checks only.",
        "在 OUT_DIR 中生成学生版课程：只有练习模板和公开的检查。",
    ),
)
@click.argument("out_dir", type=LocalizedPath(path_type=Path, file_okay=False))
@lang_option()
@option(
    "--force",
    is_flag=True,
    help=Text(
        "Replace OUT_DIR if it is not empty, and release stubs that hold code.",
        "OUT_DIR 不为空时替换它，并且允许发布含有代码的模板。",
    ),
)
def release(out_dir: Path, force: bool) -> None:
    lang = current_language()
    teacher_only()
    from .release import build_release

    answered = build_release(out_dir, force=force)
    if answered:
        click.echo(
            Text(
                "warning: these stub functions were released with their code: ",
                "警告：以下模板函数连同其中的代码一起发布了：",
            )(lang)
            + "; ".join(answered),
            err=True,
        )
    click.echo(Text(f"Student release written to {out_dir}", f"学生版已写入 {out_dir}")(lang))


def teacher_only() -> None:
    """Refuse a teacher's command in the student release, which holds no references."""
    if any(e.is_release for e in all_exercises()):
        raise GradeError(
            Text(
                "This is the student release: it has no reference solutions for that.",
                "这是学生版：其中没有参考答案，无法执行此命令。",
            )
        )
