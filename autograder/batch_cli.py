"""``grade batch``: a whole class graded into a folder, and shards' folders merged into one.
Wiring only; the work is in autograder.batch (imported when a command runs, rich with it)."""

from __future__ import annotations

from pathlib import Path

import click

from .batch.shards import NOT_A_SHARD, Shard, parse_shard
from .cli_language import current_language, language
from .errors import GradeError
from .grading_options import course_secret, secret_file_option, timeout_option
from .i18n import Text
from .localized_cli import DefaultCommandGroup, help_without_command
from .localized_params import LocalizedInt, LocalizedPath, lang_option, option
from .registry import all_exercises, find
from .teacher_cli import teacher_only

EXIT_INTERRUPTED = 130


class Interrupted(GradeError):
    """Ctrl-C: what was done is written; the exit code says the run did not finish."""

    exit_code = EXIT_INTERRUPTED


class SubmissionsFirstGroup(DefaultCommandGroup):
    """``grade batch SUBMISSIONS`` runs the hidden ``class`` command; ``grade batch merge`` merges."""

    default_command = "class"
    default_usage = "grade batch SUBMISSIONS"


@click.group(
    "batch",
    cls=SubmissionsFirstGroup,
    invoke_without_command=True,
    help=Text(
        """Teachers: grade a whole class, one folder per student (or nbgrader's submitted/).

        \b
          grade batch SUBMISSIONS -o OUT            every student, every exercise
          grade batch SUBMISSIONS -o OUT --shard 2/8  the 2nd of 8 shards (job arrays)
          grade batch merge OUT SHARD_OUT...        shards' outputs into one gradebook

        OUT gets gradebook.csv, gradebook.json, mistakes.csv and students/<id>/ (results.json
        for Gradescope, report.txt). A rerun grades only students whose work or grader changed.""",
        """教师用：为整个班级评分，每个学生一个文件夹（或 nbgrader 的 submitted/）。

        \b
          grade batch SUBMISSIONS -o OUT            所有学生、所有练习
          grade batch SUBMISSIONS -o OUT --shard 2/8  8 个分片中的第 2 个（作业数组）
          grade batch merge OUT SHARD_OUT...        把各分片的输出合并成一个成绩册

        OUT 中写入 gradebook.csv、gradebook.json、mistakes.csv 和 students/<编号>/（供 Gradescope
        使用的 results.json 和 report.txt）。再次运行时只为作业或评分程序有变化的学生评分。""",
    ),
)
@lang_option()
@click.pass_context
def batch(ctx: click.Context) -> None:
    help_without_command(ctx)


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> Shard | None:
    if value is None:
        return None
    shard = parse_shard(value)
    if shard is None:
        raise click.BadParameter(NOT_A_SHARD.format(value=repr(value))(language(ctx)), ctx, param)
    return shard


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter(Text("at least 1", "至少为 1")(language(ctx)), ctx, param)
    return value


@batch.command(
    "class",
    hidden=True,
    help=Text(
        "Grade every student of SUBMISSIONS into OUT; `grade batch SUBMISSIONS` is the short form.",
        "为 SUBMISSIONS 中的每个学生评分，结果写入 OUT；简写为 `grade batch SUBMISSIONS`。",
    ),
)
@click.argument("submissions", type=LocalizedPath(path_type=Path))
@option(
    "--output",
    "-o",
    required=True,
    type=LocalizedPath(path_type=Path, file_okay=False),
    help=Text("The folder the gradebook and the students' results go to.", "写入成绩册和学生结果的文件夹。"),
)
@option(
    "--exercises",
    default="all",
    help=Text("The exercises to grade, e.g. 1,3 (default: all).", "要评分的练习，例如 1,3（默认：all）。"),
)
@secret_file_option()
@option(
    "--shard",
    callback=_shard,
    metavar="K/N",
    help=Text(
        "Grade only the Kth of N shards of the students (by a hash of their id).",
        "只为学生的 N 个分片中的第 K 个评分（按学生编号的哈希划分）。",
    ),
)
@option(
    "--jobs",
    "-j",
    type=LocalizedInt(),
    callback=_jobs,
    help=Text("Students graded at once (default: one per core).", "同时评分的学生数（默认：每个核心一个）。"),
)
@timeout_option()
@option(
    "--dask",
    metavar="ADDRESS",
    help=Text(
        "Grade on this Dask scheduler (pip install '.[dask]') instead of this machine.",
        "在这个 Dask 调度器上评分（pip install '.[dask]'），而不是在本机。",
    ),
)
@lang_option()
def grade_class(
    submissions: Path,
    output: Path,
    exercises: str,
    secret_file: Path | None,
    shard: Shard | None,
    jobs: int | None,
    timeout: float,
    dask: str | None,
) -> None:
    from .batch.console import progress_bar, summary
    from .batch.run import Batch, run_batch
    from .worker.process import Limits

    lang = current_language()
    teacher_only()
    chosen = (
        all_exercises() if exercises.strip().lower() == "all" else [find(n) for n in exercises.split(",")]
    )
    job = Batch(
        submissions,
        output,
        list(dict.fromkeys(chosen)),
        course_secret(secret_file),
        lang,
        Limits(call_timeout=timeout),
        shard,
        jobs,
        dask,
    )
    try:
        outcome = run_batch(job, lambda total: progress_bar(lang, total))
    except OSError as error:  # the class's folder or OUT: what was done is written
        raise unusable(error, output) from None
    click.echo(summary(outcome, output, lang), nl=False)
    if outcome.interrupted:
        raise Interrupted(
            Text(
                "Interrupted: the students done are in the gradebook; run the same command again to grade the rest.",
                "已中断：已完成的学生在成绩册中；再次运行同一命令即可为其余学生评分。",
            )
        )


@batch.command(
    "merge",
    help=Text(
        "Merge the outputs of `grade batch --shard` into OUT: one gradebook, every student once.",
        "把 `grade batch --shard` 的各个输出合并到 OUT：一个成绩册，每个学生一次。",
    ),
)
@click.argument("out", type=LocalizedPath(path_type=Path, file_okay=False))
@click.argument(
    "shards", nargs=-1, required=True, type=LocalizedPath(path_type=Path, file_okay=False, exists=True)
)
@lang_option()
def merge_shards(out: Path, shards: tuple[Path, ...]) -> None:
    from .batch.merge import merge

    lang = current_language()
    teacher_only()
    try:
        book = merge(out, list(shards))
    except OSError as error:
        raise unusable(error, out) from None
    click.echo(
        Text(
            f"{len(book.records)} students from {len(shards)} shards: {out / 'gradebook.csv'}",
            f"来自 {len(shards)} 个分片的 {len(book.records)} 名学生：{out / 'gradebook.csv'}",
        )(lang)
    )


def unusable(error: OSError, folder: Path) -> GradeError:
    """A file the batch could not read or write, named."""
    name = error.filename or folder
    return GradeError(Text(f"Cannot use {name}: {error.strerror}.", f"无法使用 {name}：{error.strerror}。"))
