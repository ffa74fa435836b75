"""What a teacher sees of a class grading in the terminal: a progress bar on stderr (rich,
imported only here) while it runs, and a summary in the run's language after."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import messages
from ..i18n import Text
from ..results import ExerciseResult
from .gradebook import exercise_names
from .run import Outcome

GRADING = Text("grading", "评分")
RATE = Text("{rate:.1f} students/s", "{rate:.1f} 人/秒")
STUDENTS = Text(
    "{students} students: {graded} graded, {skipped} skipped (unchanged since the last run)",
    "共 {students} 名学生：评分 {graded} 名，跳过 {skipped} 名（与上次运行相比没有变化）",
)
INTERRUPTED = Text(
    "{students} students: {done} done ({graded} graded now, {skipped} unchanged), {left} not graded",
    "共 {students} 名学生：完成 {done} 名（本次评分 {graded} 名，未变化 {skipped} 名），{left} 名未评分",
)
PROBLEMS = Text(
    "exercise submissions that failed to load (missing, unreadable or not importable): {failed}; "
    "that timed out: {timed_out}",
    "无法加载的练习提交（缺失、无法读取或无法导入）：{failed}；超时的：{timed_out}",
)
MEAN = Text("class mean: {means}", "班级平均分：{means}")
WRITTEN = Text("gradebook: {path}", "成绩册：{path}")


@contextmanager
def progress_bar(lang: str, total: int) -> Iterator[Callable[[], None]]:
    """A bar with done/total, rate and time left; yields the call that counts one more done."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text as RichText

    class RateColumn(ProgressColumn):
        def render(self, task: Any) -> RichText:
            speed = task.finished_speed or task.speed
            return RichText("" if speed is None else RATE(lang).format(rate=speed))

    columns = (TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, RateColumn(), TimeRemainingColumn(), console=Console(stderr=True)) as bar:
        task = bar.add_task(GRADING(lang), total=total)
        yield lambda: bar.advance(task)


def summary(outcome: Outcome, out: Path, lang: str) -> str:
    records = outcome.book.records
    if outcome.interrupted:
        counts = INTERRUPTED.format(
            students=outcome.students,
            done=len(records),
            graded=len(outcome.graded),
            skipped=len(outcome.skipped),
            left=outcome.students - len(records),
        )
    else:
        counts = STUDENTS.format(
            students=outcome.students, graded=len(outcome.graded), skipped=len(outcome.skipped)
        )
    results = [e for r in records for e in r.run.exercises]
    lines = [
        counts(lang),
        PROBLEMS.format(
            failed=sum(e.load_error is not None for e in results), timed_out=sum(map(_timed_out, results))
        )(lang),
    ]
    if results:
        means = []
        for name in exercise_names(records):
            of_exercise = [e for e in results if e.exercise == name]
            mean = sum(e.score for e in of_exercise) / len(of_exercise)
            means.append(f"{name} {mean:.1f}/{of_exercise[0].max_score:g}")
        lines.append(MEAN.format(means=" · ".join(means))(lang))
    lines.append(WRITTEN.format(path=out / "gradebook.csv")(lang))
    return "\n".join(lines) + "\n"


def _template(message: Text) -> str:
    """A message's English form as a pattern; function names hold no backtick, seconds are digits."""
    pattern = re.escape(message.en)
    return pattern.replace(r"\{function\}", "[^`]*").replace(r"\{seconds\}", "[0-9.]+")


TIMED_OUT = re.compile("|".join(_template(m) for m in (messages.TIMEOUT, messages.IMPORT_TIMEOUT)))


def _timed_out(result: ExerciseResult) -> bool:
    failures = [result.load_error] if result.load_error else [c.failure for c in result.checks]
    return any(f is not None and TIMED_OUT.fullmatch(f.summary.en) for f in failures)
