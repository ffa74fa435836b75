"""What the check cells of the generated notebooks call.

``check("exercise3", "sigmoid")`` takes the code the student ran in this kernel
(its input history, without the check cells), grades it once per exercise in a
fresh ``grade`` process — which runs it in its own worker and answers with the
result model's plain data (``--format model``) — and shows this check's result, for
students working in Jupyter. A failed check raises
:class:`CheckNotPassed`, shown as one line, not a traceback.

Everything here runs in the student's kernel, so it is advice, not a score:
``nbgrader autograde`` never runs it (its confined kernel cannot import the
grader) and takes its points from :mod:`autograder.nbgrader_grading`.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

from .i18n import Text
from .plain import InvalidDocument
from .results import GRADE_RUN_SCHEMA, GradeRun
from .submission import cells_module
from .writers.feedback import check_output

GRADING_TIMEOUT = 300
UNREADABLE = Text("The grader's answer could not be read: {problem}", "无法读取评分程序的结果：{problem}")
_runs: dict[str, GradeRun] = {}


class CheckNotPassed(Exception):
    """A check of the grader did not pass."""


def check(exercise: str, check_id: str, lang: str = "en", seed: int = 0) -> None:
    shell = _shell()
    history = shell.history_manager.input_hist_raw  # entry n is the cell run as In [n]
    module = cells_module([(f"Cell In[{n}]", cell) for n, cell in enumerate(history) if cell.strip()])
    key = hashlib.sha256(b"%s|%s|%d|" % (exercise.encode(), lang.encode(), seed) + module).hexdigest()
    if key not in _runs:
        _runs[key] = _grade(exercise, module, lang, seed)
    found = next(((e, c) for e in _runs[key].exercises for c in e.checks if c.check == check_id), None)
    if found is None:
        raise CheckNotPassed(
            Text(
                f"{exercise} has no check {check_id!r}: is the grader up to date?",
                f"{exercise} 没有名为 {check_id!r} 的检查：评分程序是否为最新版本？",
            )(lang)
        )
    output = check_output(*found, lang)
    print(output)
    if not found[1].passed:
        raise CheckNotPassed(output.splitlines()[0] if output else check_id)


def _grade(exercise: str, module: bytes, lang: str, seed: int) -> GradeRun:
    with tempfile.TemporaryDirectory(prefix="grade-notebook-") as folder:
        path = Path(folder) / f"{exercise}.py"
        path.write_bytes(module)
        command = [
            sys.executable,
            "-I",
            "-m",
            "autograder",
            exercise,
            "--submission",
            str(path),
            "--format",
            "model",
            "--lang",
            lang,
            "--seed",
            str(seed),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=GRADING_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise CheckNotPassed(Text("Grading took too long.", "评分超时。")(lang)) from None
    if done.returncode not in (0, 1):
        raise CheckNotPassed(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "grade failed")
    try:
        return GRADE_RUN_SCHEMA.loads(done.stdout)
    except InvalidDocument as error:
        raise CheckNotPassed(UNREADABLE.format(problem=error.message)(lang)) from None


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        get_ipython = None
    shell = get_ipython() if get_ipython else None
    if shell is None:
        raise RuntimeError("check() grades the code of a Jupyter notebook; run it in a notebook cell")
    shell.set_custom_exc((CheckNotPassed,), _show_failure)
    return shell


def _show_failure(shell, etype, value, tb, tb_offset=None):
    """A failed check is an error output (nbgrader scores on that) of one line."""
    shell._showtraceback(etype, value, [f"{etype.__name__}: {value}"])
