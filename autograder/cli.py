"""The ``grade`` command: wiring only; the work is in api, registry and writers."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .i18n import LANGUAGES, Text, default_language
from .isolation.tiers import IsolationUnavailable, available_tiers, detect
from .registry import UnknownExercise, all_exercises, find
from .submission import SubmissionNotFound

EXIT_ALL_PASSED, EXIT_SOME_FAILED, EXIT_NOT_GRADED = 0, 1, 2


class GradeError(click.ClickException):
    """Nothing could be graded: a clear message and exit code 2."""

    exit_code = EXIT_NOT_GRADED


class ExerciseFirstGroup(click.Group):
    """``grade exercise3`` runs the hidden ``run`` command; named commands work as usual."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "run", self.commands["run"], args
        return super().resolve_command(ctx, args)


LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the feedback (default: from the locale).",
)


@click.group(cls=ExerciseFirstGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cross-entropy-autograder")
def main() -> None:
    """Grade the cross-entropy exercises.

    \b
      grade exercise3            grade exercises/exercise3.py
      grade 3                    the same
      grade all                  every exercise
      grade list                 what there is to grade
      grade 3 --submission f.py  grade another file (.py or .ipynb)
    """


@main.command("list")
@LANG_OPTION
def list_exercises(lang: str | None) -> None:
    """List the exercises and their points."""
    lang = lang or default_language()
    for exercise in all_exercises():
        points = f"{exercise.max_score:g}"
        if exercise.hidden_points_not_run:
            full = exercise.max_score + exercise.hidden_points_not_run
            points = Text(
                f"{full:g} points, {exercise.max_score:g} checked here",
                f"{full:g} 分，本地检查 {exercise.max_score:g} 分",
            )(lang)
        click.echo(f"{exercise.name}  {exercise.title(lang)}  ({points})")


@main.command("run", hidden=True)
@click.argument("exercise")
@click.option(
    "--submission",
    "-s",
    type=click.Path(path_type=Path),
    help="A .py or .ipynb file, or a folder holding exerciseN.py files.",
)
@LANG_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text for people; json is Gradescope's results.json.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of the terminal.",
)
@click.option("--seed", type=int, default=0, help="Seed of the generated inputs.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1, max=600),
    default=3.0,
    help="Seconds a single call of your function may take.",
)
def run(
    exercise: str,
    submission: Path | None,
    lang: str | None,
    output_format: str,
    output: Path | None,
    seed: int,
    timeout: float,
) -> None:
    """Grade EXERCISE (exercise3, 3, or all); `grade EXERCISE` is the short form."""
    lang = lang or default_language()
    exercises = _select(exercise, lang)
    if seed != 0 and any(e.is_release for e in exercises):
        raise GradeError(
            Text(
                "The local checks use fixed inputs: --seed is for the teacher's grader.",
                "本地检查使用固定输入：--seed 只用于老师的评分程序。",
            )(lang)
        )
    if submission is not None and exercise.lower() == "all" and submission.is_file():
        raise GradeError(
            Text(
                "With `all`, --submission must be a folder holding exercise1.py … .",
                "使用 `all` 时，--submission 必须是包含 exercise1.py 等文件的文件夹。",
            )(lang)
        )
    from .api import grade
    from .worker.process import Limits

    try:
        result = grade(exercises, submission, seed=seed, limits=Limits(call_timeout=timeout))
    except SubmissionNotFound as not_found:
        raise GradeError(not_found.message(lang)) from None
    except IsolationUnavailable as unavailable:
        raise GradeError(_unavailable(unavailable, lang)) from None
    _emit(result, lang, output_format, output)
    sys.exit(EXIT_ALL_PASSED if result.passed else EXIT_SOME_FAILED)


@main.command("isolation")
@LANG_OPTION
def isolation(lang: str | None) -> None:
    """Show how the code being graded is isolated on this machine."""
    lang = lang or default_language()
    try:
        tier = detect()
    except IsolationUnavailable as unavailable:
        raise GradeError(_unavailable(unavailable, lang)) from None
    click.echo(f"{tier.name}: {tier.summary(lang)}")
    others = [name for name in available_tiers() if name != tier.name]
    if others:
        click.echo(
            Text("also available (GRADE_ISOLATION=…): ", "也可使用（GRADE_ISOLATION=…）：")(lang)
            + ", ".join(others)
        )


def _unavailable(error: IsolationUnavailable, lang: str) -> str:
    return Text(
        f"GRADE_ISOLATION={error.asked} is not available here; available: {', '.join(error.available)}",
        f"本机不支持 GRADE_ISOLATION={error.asked}；可用：{'、'.join(error.available)}",
    )(lang)


@main.group("nbgrader")
def nbgrader_commands() -> None:
    """Teachers: an nbgrader course made from the exercises."""


@nbgrader_commands.command("init")
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@LANG_OPTION
@click.option("--force", is_flag=True, help="Overwrite the files of an earlier init.")
def nbgrader_init(course_dir: Path, lang: str | None, force: bool) -> None:
    """Write COURSE_DIR/nbgrader_config.py and source/exerciseN/exerciseN.ipynb.

    \b
    Then, in COURSE_DIR, use nbgrader as documented:
      nbgrader generate_assignment exercise1
      nbgrader autograde exercise1
      nbgrader generate_feedback exercise1
      nbgrader export
    """
    lang = lang or default_language()
    _teacher_only(lang)
    from .nbgrader_course import CourseExists, write_course

    try:
        written = write_course(course_dir, lang, force=force)
    except CourseExists as exists:
        raise GradeError(
            Text(
                f"These files exist already (use --force to overwrite): {exists}",
                f"这些文件已存在（用 --force 覆盖）：{exists}",
            )(lang)
        ) from None
    except OSError as error:
        raise GradeError(Text(f"Cannot write the course: {error}", f"无法写入课程：{error}")(lang)) from None
    for path in written:
        click.echo(str(path))


@main.command("release")
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@LANG_OPTION
@click.option(
    "--force", is_flag=True, help="Replace OUT_DIR if it is not empty, and release stubs that hold code."
)
def release(out_dir: Path, lang: str | None, force: bool) -> None:
    """Build the student copy of the course in OUT_DIR: stubs and the public checks only."""
    lang = lang or default_language()
    _teacher_only(lang)
    from .release import ReleaseError, build_release

    try:
        answered = build_release(out_dir, force=force)
    except ReleaseError as error:
        raise GradeError(error.message(lang)) from None
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


def _teacher_only(lang: str) -> None:
    if any(e.is_release for e in all_exercises()):
        raise GradeError(
            Text(
                "This is the student release: it has no reference solutions for that.",
                "这是学生版：其中没有参考答案，无法执行此命令。",
            )(lang)
        )


def _select(name: str, lang: str) -> list:
    if name.lower() == "all":
        return all_exercises()
    try:
        return [find(name)]
    except UnknownExercise:
        names = ", ".join(e.name for e in all_exercises())
        raise GradeError(
            Text(
                f"Unknown exercise '{name}'. Choose one of: {names}, or all.",
                f"没有练习 '{name}'。可选：{names}，或 all。",
            )(lang)
        ) from None


def _emit(result, lang: str, output_format: str, output: Path | None) -> None:
    if output_format == "json":
        from .writers.gradescope import results_json

        text = json.dumps(results_json(result, lang), ensure_ascii=False, indent=2) + "\n"
        color: bool | None = False
    else:
        from .writers.terminal import render

        unicode = output is not None or (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        text = render(result, lang, unicode=unicode)
        color = None if output is None else False
    if output is None:
        click.echo(text, nl=False, color=color)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary = output.with_name(output.name + ".tmp")
        temporary.write_text(click.unstyle(text), encoding="utf-8")
        os.replace(temporary, output)
    except OSError as exc:
        click.echo(click.unstyle(text), nl=False)  # the result is not lost
        raise GradeError(
            Text(f"Cannot write {output}: {exc.strerror}", f"无法写入 {output}：{exc.strerror}")(lang)
        ) from exc
    if output_format == "text":
        click.echo(Text(f"Report written to {output}", f"报告已写入 {output}")(lang), err=True)


def entry_point() -> None:
    """The console script: no traceback of the grader's ever reaches a student."""
    try:
        main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:
        click.echo(f"grade: internal error ({type(error).__name__}: {error}); please report it.", err=True)
        sys.exit(EXIT_NOT_GRADED)
