"""What the check cells of the generated notebooks call.

``check("exercise3", "sigmoid")`` takes the code the student ran in this kernel
(its input history, without the check cells), grades it once per exercise in a
fresh ``grade`` process — which runs it in its own worker — and shows this
check's result, for students working in Jupyter. A failed check raises
:class:`CheckNotPassed`, shown as one line, not a traceback.

Everything here runs in the student's kernel, so it is advice, not a score:
``nbgrader autograde`` never runs it (its confined kernel cannot import the
grader) and takes its points from :mod:`autograder.nbgrader_grading`.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .i18n import Text
from .submission import cells_module

GRADING_TIMEOUT = 300
_reports: dict[str, dict] = {}


class CheckNotPassed(Exception):
    """A check of the grader did not pass."""


def check(exercise: str, check_id: str, lang: str = "en", seed: int = 0) -> None:
    shell = _shell()
    history = shell.history_manager.input_hist_raw  # entry n is the cell run as In [n]
    module = cells_module([(f"Cell In[{n}]", cell) for n, cell in enumerate(history) if cell.strip()])
    key = hashlib.sha256(b"%s|%s|%d|" % (exercise.encode(), lang.encode(), seed) + module).hexdigest()
    if key not in _reports:
        _reports[key] = _grade(exercise, module, lang, seed)
    test = next((t for t in _reports[key]["tests"] if t["extra_data"]["check"] == check_id), None)
    if test is None:
        raise CheckNotPassed(
            Text(
                f"{exercise} has no check {check_id!r}: is the grader up to date?",
                f"{exercise} 没有名为 {check_id!r} 的检查：评分程序是否为最新版本？",
            )(lang)
        )
    print(test["output"])
    if test["status"] != "passed":
        raise CheckNotPassed(test["output"].splitlines()[0] if test["output"] else check_id)


def _grade(exercise: str, module: bytes, lang: str, seed: int) -> dict:
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
            "json",
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
    return json.loads(done.stdout)


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
