"""``grade gradescope``: the autograder bundle a teacher uploads to Gradescope, and what it
runs there. Wiring only; the work is in autograder.gradescope."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_language import current_language
from .errors import GradeError
from .grading_options import course_secret, secret_file_option
from .i18n import Text
from .localized_cli import LocalizedCommand, LocalizedGroup, help_without_command
from .localized_params import LocalizedChoice, LocalizedPath, lang_option, option

HIDDEN_VISIBILITIES = ("after_due_date", "after_published", "hidden")


@click.group(
    "gradescope",
    cls=LocalizedGroup,
    invoke_without_command=True,
    help=Text("Teachers: grading on Gradescope.", "教师用：在 Gradescope 上评分。"),
)
@lang_option()
@click.pass_context
def gradescope(ctx: click.Context) -> None:
    help_without_command(ctx)


@gradescope.command(
    "build",
    cls=LocalizedCommand,
    help=Text(
        """Write the autograder zip to upload to Gradescope.

        The zip (a programming assignment's "Zip file upload") holds setup.sh,
        run_autograder and the grader. Each submission is graded with the seed
        `grade batch` gives its student (their Gradescope user id).""",
        """生成上传到 Gradescope 的自动评分 zip。

        该 zip（编程作业的 "Zip file upload"）包含 setup.sh、run_autograder 和评分程序。
        每份提交都使用 `grade batch` 给该学生的随机种子（按其 Gradescope 用户 id）评分。""",
    ),
)
@option(
    "-o",
    "--output",
    type=LocalizedPath(path_type=Path, dir_okay=False),
    required=True,
    help=Text("The zip to write.", "要写入的 zip 文件。"),
)
@option(
    "--hidden-visibility",
    type=LocalizedChoice(HIDDEN_VISIBILITIES),
    default="after_published",
    show_default=True,
    help=Text("When students see the hidden checks' results.", "学生何时能看到隐藏检查的结果。"),
)
@secret_file_option()
@lang_option()
def build(output: Path, hidden_visibility: str, secret_file: Path | None) -> None:
    lang = current_language()
    from .gradescope.bundle import build as build_bundle

    secret = course_secret(secret_file)
    try:
        build_bundle(output, secret, hidden_visibility, lang)
    except OSError as error:
        raise GradeError(
            Text(f"Cannot write {output}: {error.strerror}", f"无法写入 {output}：{error.strerror}")
        ) from None
    click.echo(
        Text(f"Gradescope autograder written to {output}", f"Gradescope 自动评分包已写入 {output}")(lang)
    )


@gradescope.command(
    "run",
    cls=LocalizedCommand,
    hidden=True,
    help=Text(
        "What the bundle's run_autograder runs: ROOT/submission graded into ROOT/results/results.json.",
        "评分包的 run_autograder 所运行的命令：把 ROOT/submission 评分并写入 ROOT/results/results.json。",
    ),
)
@option(
    "--root",
    type=LocalizedPath(path_type=Path, file_okay=False),
    default=Path("/autograder"),
    help=Text("Gradescope's folder.", "Gradescope 的目录。"),
)
def run(root: Path) -> None:
    from .gradescope.run import main

    main(root)
