"""Finding a student's file and turning it into module source (a .py as is, a
notebook's code cells with IPython magics and shell escapes disarmed)."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from .errors import GradeError
from .i18n import Text
from .worker.frames import MAX_DEPTH, deeper_than

MAX_SUBMISSION_BYTES = 2 * 1024 * 1024
SUFFIXES = (".py", ".ipynb")


@dataclass(frozen=True)
class Source:
    """One exercise's submission: module source (a notebook already turned into code) and the
    file's name as the student knows it, for their tracebacks."""

    data: bytes
    shown_as: str


class SubmissionNotFound(GradeError):
    """Nothing to grade at the place given: the grader exits with code 2."""


class UnreadableSubmission(GradeError):
    """A file that is there but is no Python module: graded, 0 points."""


def locate(exercise_name: str, submission: Path | None, cwd: Path) -> Path:
    """The file to grade for one exercise, from ``--submission`` or the working folder."""
    if submission is None:
        candidates = [cwd / "exercises" / f"{exercise_name}{s}" for s in SUFFIXES]
        candidates += [cwd / f"{exercise_name}{s}" for s in SUFFIXES]
    elif submission.is_dir():
        candidates = in_folder(submission, exercise_name)
    elif submission.exists():
        if submission.suffix not in SUFFIXES:
            raise SubmissionNotFound(
                Text(
                    f"{submission} is neither a .py file nor a .ipynb notebook.",
                    f"{submission} 既不是 .py 文件，也不是 .ipynb 笔记本。",
                )
            )
        return submission
    else:
        raise SubmissionNotFound(
            Text(f"There is no file or folder {submission}.", f"找不到文件或文件夹 {submission}。")
        )
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    return _not_found(exercise_name, tried)


def in_folder(folder: Path, exercise_name: str) -> list[Path]:
    """Where a folder of one student's work holds an exercise's file, in order of preference:
    ``exercise3.py``, ``exercise3.ipynb``, or nbgrader's ``exercise3/exercise3.ipynb``."""
    return [
        *(folder / f"{exercise_name}{suffix}" for suffix in SUFFIXES),
        folder / exercise_name / f"{exercise_name}.ipynb",
    ]


def shown_path(path: Path, cwd: Path) -> str:
    """The file as the student knows it, for their tracebacks: from the working folder when
    it lies below it, else as it was given."""
    absolute, folder = path.absolute(), cwd.absolute()
    return str(absolute.relative_to(folder)) if absolute.is_relative_to(folder) else str(path)


def named_for_student(text: str, copy: Path, shown_as: str) -> str:
    """A traceback as the student reads it: the run folder's ``copy`` of their file named
    ``shown_as``, a notebook cell (compiled as ``<copy>:<place>``) by its place."""
    student_file = f'File "{shown_as}"'
    return re.sub(
        rf'File "{re.escape(str(copy))}(?::([^"\n]*))?"',
        lambda match: student_file if match[1] is None else match[1].replace(FILE, student_file),
        text,
    )


def _not_found(exercise_name: str, tried: str) -> Path:
    raise SubmissionNotFound(
        Text(
            f"No submission found for {exercise_name} (looked for {tried}). Run grade from the course "
            f"folder that holds exercises/, or pass --submission PATH.",
            f"没有找到 {exercise_name} 的作业（查找了 {tried}）。请在包含 exercises/ 的课程文件夹中运行 grade，"
            f"或用 --submission 指定文件。",
        )
    )


def read_source(path: Path) -> bytes:
    """The module source to import: the file itself, or a notebook's code."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SubmissionNotFound(
                Text(
                    f"{path} is a symbolic link: submit the file itself.",
                    f"{path} 是符号链接：请提交文件本身。",
                )
            ) from None
        raise SubmissionNotFound(
            Text(f"Cannot read {path}: {exc.strerror}.", f"无法读取 {path}：{exc.strerror}。")
        ) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise SubmissionNotFound(Text(f"{path} is not a regular file.", f"{path} 不是普通文件。"))
        data = handle.read(MAX_SUBMISSION_BYTES + 1)
    if len(data) > MAX_SUBMISSION_BYTES:
        raise UnreadableSubmission(
            Text(
                "The file is larger than 2 MB; a solution is a few kB.",
                "文件超过 2 MB；正常的答案只有几 KB。",
            )
        )
    return notebook_source(data) if path.suffix == ".ipynb" else data


MAGIC = re.compile(r"^(\s*)([%!].*)$")
TIMED = re.compile(r"^(\s*)%time\s+(.*)$")  # IPython runs the statement: so do we
ASSIGNED_MAGIC = re.compile(r"^(\s*[A-Za-z_][\w\s,.\[\]]*=)\s*([%!].*)$")  # x = !ls: x gets None
PYTHON_CELL_MAGICS = ("%%time", "%%capture", "%%prun")  # their cell is Python, run once
OLD_FORMATS = (1, 2, 3)  # converted to nbformat 4, which is read as it is
FILE = "{file}"  # in a cell's place: the worker writes the submission's File "…" there
GRADER_CELL_MARK = "autograder.notebook"  # test cells call the grader; they are not the student's code

CELL_RUNNER = """\
# Generated from a notebook: the cells run in turn, as in Jupyter, and a cell
# that fails does not stop the cells after it.
def _run_notebook_cells(cells, namespace, path):
    import linecache
    import traceback

    for label, source in cells:
        name = f"{{path}}:{{label}}"
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)
        try:
            exec(compile(source, name, "exec"), namespace)
        except BaseException as error:  # Jupyter reports it and goes on
            traceback.print_exception(type(error), error, error.__traceback__.tb_next)


_run_notebook_cells({cells!r}, globals(), __file__)
del _run_notebook_cells
"""


def notebook_source(data: bytes) -> bytes:
    """A notebook's code cells as a module that runs them one by one; nbgrader's
    autograder test cells are left out. A cell is named by its place in the notebook."""
    try:
        text = data.decode("utf-8")
        notebook = json.loads(text)
        if deeper_than(notebook, MAX_DEPTH):  # what a Python whose parser recursed less would refuse
            raise ValueError("nested too deeply")
        version = notebook.get("nbformat", 4)  # a file without one is read as it stands
        if version in OLD_FORMATS:
            notebook = _converted(text)
        elif version != 4:
            raise UnreadableSubmission(
                Text(
                    "The notebook is in a format this grader cannot read (it reads nbformat 1 to 4).",
                    "笔记本的格式无法读取（评分程序能读取 nbformat 1 到 4）。",
                )
            )
        cells = [
            (
                f"{FILE}, cell {number}",
                "".join(c["source"]) if isinstance(c["source"], list) else str(c["source"]),
            )
            for number, c in enumerate(notebook["cells"], 1)
            if isinstance(c, dict) and c.get("cell_type") == "code" and not _is_autograder_test(c)
        ]
    except (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, RecursionError):
        raise UnreadableSubmission(
            Text(
                "The notebook file is damaged: it is not valid notebook JSON.",
                "笔记本文件已损坏：不是有效的 notebook JSON。",
            )
        ) from None
    return cells_module(cells)


def _converted(text: str) -> dict:
    """An older notebook in format 4, converted by nbformat as Jupyter converts it on opening."""
    import nbformat  # slow to import: only for the notebooks that need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbformat's advice on how to save the file
            return nbformat.reads(text, as_version=4)
    except Exception:  # whatever nbformat makes of a damaged file
        raise ValueError("a notebook nbformat cannot convert") from None


def _is_autograder_test(cell: dict) -> bool:
    nbgrader = cell.get("metadata", {}).get("nbgrader", {})
    return bool(nbgrader.get("grade")) and not nbgrader.get("solution")


def _disarmed(line: str) -> str:
    """A line of a code cell as Python: ``%time stmt`` runs ``stmt``, ``x = !cmd`` sets x to
    None, any other magic or shell line does nothing."""
    if TIMED.match(line):
        return TIMED.sub(r"\1\2", line)
    if ASSIGNED_MAGIC.match(line):
        return ASSIGNED_MAGIC.sub(r"\1 None  # \2", line)
    return MAGIC.sub(r"\1pass  # \2", line)


def cells_module(cells: list[tuple[str, str]]) -> bytes:
    """Module source running notebook cells, (place, source) pairs, in order; magics and
    ``!shell`` lines are disarmed (see _disarmed), a cell magic disarms its whole cell unless
    its body is Python run once (``%%time``, ``%%capture``), grader calls are
    dropped. A cell's place is how the student's tracebacks name it, {FILE} standing for
    the submission's ``File "…"``; its frames are compiled as ``<module path>:<place>``."""
    kept = []
    for label, source in cells:
        if GRADER_CELL_MARK in source:
            continue
        lines = source.splitlines()
        first = lines[0].split()[0] if lines and lines[0].strip() else ""
        if first in PYTHON_CELL_MAGICS:
            lines = ["# " + lines[0], *lines[1:]]
        elif first.startswith("%%"):
            lines = ["# " + line for line in lines]
        lines = [_disarmed(line) for line in lines]
        kept.append((label, "\n".join(lines) + "\n"))
    return CELL_RUNNER.format(cells=kept).encode("utf-8")
