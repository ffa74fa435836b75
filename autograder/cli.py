"""The ``grade`` command: wiring only; the work is in api, registry and writers."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import ClassVar

import click

from .cli_language import current_language, language_in
from .console_encoding import can_show, make_output_safe
from .errors import EXIT_NOT_GRADED, GradeError
from .files import write_atomically
from .grading_options import secret_file_option, seed_of_student, student_option, timeout_option
from .i18n import Text
from .isolation.tiers import available_tiers, detect
from .localized_cli import DefaultCommandGroup, LocalizedGroup
from .localized_params import (
    LocalizedChoice,
    LocalizedInt,
    LocalizedOption,
    LocalizedPath,
    lang_option,
    option,
)
from .registry import all_exercises, find

EXIT_ALL_PASSED, EXIT_SOME_FAILED = 0, 1


class ExerciseFirstGroup(DefaultCommandGroup):
    """``grade exercise3`` runs the hidden ``run`` command; named commands work as usual."""

    group_class = LocalizedGroup
    default_command = "run"
    default_usage = "grade EXERCISE"
    lazy_commands: ClassVar[
        dict[str, str]
    ] = {  # teachers' commands: a student's `grade exercise3` never imports them
        "batch": "autograder.batch_cli:batch",
        "gradescope": "autograder.gradescope_cli:gradescope",
        "nbgrader": "autograder.teacher_cli:nbgrader_commands",
        "release": "autograder.teacher_cli:release",
    }


@click.group(
    cls=ExerciseFirstGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=Text(
        """Grade the cross-entropy exercises.

        \b
          grade exercise3            grade exercises/exercise3.py
          grade 3                    the same
          grade all                  every exercise
          grade list                 what there is to grade
          grade 3 --submission f.py  grade another file (.py or .ipynb)
          grade mistakes 3           the known mistakes the feedback names
          grade batch SUBS -o OUT    teachers: a whole class (grade batch --help)
        """,
        """为交叉熵练习评分。

        \b
          grade exercise3            评 exercises/exercise3.py
          grade 3                    同上
          grade all                  评所有练习
          grade list                 列出可以评分的练习
          grade 3 --submission f.py  评另一个文件（.py 或 .ipynb）
          grade mistakes 3           反馈中会指出的已知错误
          grade batch SUBS -o OUT    教师用：为整个班级评分（grade batch --help）
        """,
    ),
)
@click.version_option(
    package_name="cross-entropy-autograder",
    message="%(prog)s %(version)s",
    cls=LocalizedOption,
    help=Text("Show the version and exit.", "显示版本并退出。"),
)
@lang_option()
@click.pass_context
def main(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is None:  # `grade` alone: the help, as a usage error
        click.echo(ctx.get_help(), err=True)
        ctx.exit(EXIT_NOT_GRADED)


@main.command("list", help=Text("List the exercises and their points.", "列出各个练习及其分值。"))
@lang_option()
def list_exercises() -> None:
    lang = current_language()
    for exercise in all_exercises():
        points = f"{exercise.max_score:g}"
        if exercise.hidden_points_not_run:
            full = exercise.max_score + exercise.hidden_points_not_run
            points = Text(
                f"{full:g} points, {exercise.max_score:g} checked here",
                f"{full:g} 分，本地检查 {exercise.max_score:g} 分",
            )(lang)
        click.echo(f"{exercise.name}  {exercise.title(lang)}  ({points})")


@main.command(
    "run",
    hidden=True,
    help=Text(
        "Grade EXERCISE (exercise3, 3, or all).",
        "为 EXERCISE 评分（exercise3、3 或 all）。",
    ),
)
@click.argument("exercise")
@option(
    "--submission",
    "-s",
    type=LocalizedPath(path_type=Path),
    help=Text(
        "A .py or .ipynb file, or a folder holding exerciseN.py files.",
        "一个 .py 或 .ipynb 文件，或包含 exerciseN.py 文件的文件夹。",
    ),
)
@lang_option()
@option(
    "--format",
    "output_format",
    type=LocalizedChoice(["text", "json", "model", "html"]),
    default="text",
    help=Text(
        "text for people; json is Gradescope's results.json; model is the full results as the "
        "grader's own data, for programs; html is a page to open in a browser (with -o).",
        "text 供人阅读；json 是 Gradescope 的 results.json 格式；model 是评分程序自己的完整结果数据，"
        "供程序读取；html 是在浏览器中打开的网页（配合 -o）。",
    ),
)
@option(
    "--output",
    "-o",
    type=LocalizedPath(path_type=Path, dir_okay=False),
    help=Text(
        "Write the report to this file instead of the terminal.", "把报告写入这个文件，而不是显示在终端上。"
    ),
)
@option(
    "--seed",
    type=LocalizedInt(),
    default=0,
    help=Text("Seed of the generated inputs.", "生成输入数据所用的随机种子。"),
)
@timeout_option()
@student_option()
@secret_file_option()
def run(
    exercise: str,
    submission: Path | None,
    output_format: str,
    output: Path | None,
    seed: int,
    timeout: float,
    student: str | None,
    secret_file: Path | None,
) -> None:
    lang = current_language()
    exercises = _select(exercise)
    if student is not None:
        seed = seed_of_student(student, secret_file)
    if seed != 0 and any(e.is_release for e in exercises):
        raise GradeError(
            Text(
                "The local checks use fixed inputs: --seed is for the teacher's grader.",
                "本地检查使用固定输入：--seed 只用于老师的评分程序。",
            )
        )
    if submission is not None and exercise.lower() == "all" and submission.is_file():
        raise GradeError(
            Text(
                "With `all`, --submission must be a folder holding exercise1.py … .",
                "使用 `all` 时，--submission 必须是包含 exercise1.py 等文件的文件夹。",
            )
        )
    from .api import grade
    from .worker.process import Limits

    result = grade(exercises, submission, seed=seed, limits=Limits(call_timeout=timeout))
    _emit(result, lang, output_format, output)
    raise Graded(EXIT_ALL_PASSED if result.passed else EXIT_SOME_FAILED)


@main.command(
    "mistakes",
    help=Text(
        """The known mistakes the feedback names, of EXERCISE (3, exercise3) or of all.

        Each with its id (as in the reports' diagnosis), what it is, how it shows in
        the numbers, and the hint.""",
        """EXERCISE（3、exercise3）或全部练习中，反馈会指出的已知错误。

        每个错误列出其编号（即报告中 diagnosis 的值）、错误内容、在数值上的表现和提示。""",
    ),
)
@click.argument("exercise", default="all")
@lang_option()
@option(
    "--format",
    "output_format",
    type=LocalizedChoice(["text", "markdown"]),
    default="text",
    help=Text(
        "text in the chosen language; markdown in both (as docs/mistakes.md).",
        "text 使用所选语言；markdown 同时包含两种语言（即 docs/mistakes.md）。",
    ),
)
def mistakes(exercise: str, output_format: str) -> None:
    from .catalogue import render_markdown, render_text

    lang = current_language()
    exercises = _select(exercise)
    click.echo(
        render_markdown(exercises) if output_format == "markdown" else render_text(exercises, lang), nl=False
    )


@main.command(
    "isolation",
    help=Text(
        "Show how the code being graded is isolated on this machine.", "显示本机如何隔离被评分的代码。"
    ),
)
@lang_option()
def isolation() -> None:
    lang = current_language()
    tier = detect()
    click.echo(f"{tier.name}: {tier.summary(lang)}")
    others = [name for name in available_tiers() if name != tier.name]
    if others:
        click.echo(
            Text("also available (GRADE_ISOLATION=…): ", "也可使用（GRADE_ISOLATION=…）：")(lang)
            + ", ".join(others)
        )


def _select(name: str) -> list:
    if name.lower() == "all":
        return all_exercises()
    return [find(name)]


def _emit(result, lang: str, output_format: str, output: Path | None) -> None:
    if output_format == "json":
        from .writers.gradescope import results_json

        text = json.dumps(results_json(result, lang), ensure_ascii=False, indent=2) + "\n"
        color: bool | None = False
    elif output_format == "html":
        from .writers.html import render_html

        text = render_html(result, lang)
        color = False
    elif output_format == "model":
        from .results import GRADE_RUN_SCHEMA

        text = GRADE_RUN_SCHEMA.dumps(result, indent=2) + "\n"
        color = False
    else:
        from .writers.terminal import render

        unicode = output is not None or can_show("✓✗")
        width = shutil.get_terminal_size().columns if output is None and sys.stdout.isatty() else None
        text = render(result, lang, unicode=unicode, width=width)
        color = None if output is None else False
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    try:
        write_atomically(output, click.unstyle(text))
    except OSError as exc:
        click.echo(click.unstyle(text), nl=False)  # the result is not lost
        raise GradeError(
            Text(f"Cannot write {output}: {exc.strerror}", f"无法写入 {output}：{exc.strerror}")
        ) from exc
    if output_format == "text":
        click.echo(Text(f"Report written to {output}", f"报告已写入 {output}")(lang), err=True)


class Graded(SystemExit):
    """`grade EXERCISE` is done: its workers are killed, its run folders removed, its report
    written. The console script then exits at once: the interpreter's teardown of numpy and
    the checks (a tenth of the command's time) would leave nothing different behind."""


def entry_point() -> None:
    """The console script: no traceback of the grader's ever reaches a student."""
    make_output_safe()
    try:
        main(standalone_mode=True)
    except Graded as graded:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:  # a closed pipe: what could be written was
                pass
        os._exit(graded.code if isinstance(graded.code, int) else EXIT_NOT_GRADED)
    except KeyboardInterrupt:
        click.echo(Text("interrupted", "已中断")(language_in(sys.argv[1:])), err=True)
        sys.exit(130)
    except Exception as error:
        click.echo(
            Text(
                "grade: internal error ({error}); please report it.",
                "grade：内部错误（{error}），请报告给老师。",
            ).format(error=f"{type(error).__name__}: {error}")(language_in(sys.argv[1:])),
            err=True,
        )
        sys.exit(EXIT_NOT_GRADED)
