"""An nbgrader course made from the exercises: the config and one source notebook each.

This module owns nbgrader's cell metadata contract (schema 3). Each notebook
holds the task statement, the imports and the stub's constants, one solution cell
per function (the stub's signature and docstring around the reference's body and
the reference's constants and helpers that body needs, between BEGIN/END SOLUTION),
and one autograded test cell per check, hidden checks between BEGIN/END HIDDEN
TESTS, worth the same points as in ``grade``.
"""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

from .errors import GradeError
from .i18n import Text
from .reference_source import Reference, segment
from .registry import Exercise, all_exercises

SCHEMA_VERSION = 3
TEST_CELL_PREFIX = "test_"  # then the check id: how autograde finds a test cell's check
CONFIG = """\
# nbgrader configuration of the cross-entropy course, written by `grade nbgrader init`.
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, GetGrades,
                                    IgnorePattern, LimitOutput, SaveAutoGrades)

from autograder.nbgrader_grading import GradeSubmittedCode, RecordVerdicts
from autograder.nbgrader_kernel import ConfinedExecute

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file
c.CourseDirectory.course_id = "cross-entropy"
# The points come from the grader: GradeSubmittedCode grades the notebook's code in the grader's
# sandbox before the kernel runs, RecordVerdicts writes each check's result into its test cell.
# The kernel runs the notebook confined like the grader's worker (for the outputs students see).
c.Autograde.autograde_preprocessors = [
    GradeSubmittedCode, ConfinedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    RecordVerdicts, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]
c.RecordVerdicts.lang = "{lang}"
c.Execute.timeout = 60
# Feedback shows what each check found, never the source of the hidden checks.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
"""
POINTS = Text("{points:g} point(s)", "{points:g} 分")
HIDDEN_NOTE = Text("hidden check, run when your work is graded", "隐藏检查，批改时运行")
STATEMENT_MARKERS = {"zh": ("【中文】", "[English]"), "en": ("[English]", None)}


class CourseExists(GradeError):
    """The course folder already has files we would overwrite."""

    def __init__(self, existing: list[Path]) -> None:
        listed = ", ".join(str(p) for p in existing)
        super().__init__(
            Text(
                f"These files exist already (use --force to overwrite): {listed}",
                f"这些文件已存在（用 --force 覆盖）：{listed}",
            )
        )


def write_course(root: Path, lang: str, *, force: bool = False) -> list[Path]:
    """Write nbgrader_config.py and source/exerciseN/exerciseN.ipynb under ``root``."""
    planned = {root / "nbgrader_config.py": CONFIG.replace("{lang}", lang)}
    for exercise in all_exercises():
        path = root / "source" / exercise.name / f"{exercise.name}.ipynb"
        planned[path] = json.dumps(exercise_notebook(exercise, lang), ensure_ascii=False, indent=1) + "\n"
    existing = [p for p in planned if p.exists()]
    if existing and not force:
        raise CourseExists(existing)
    for path, text in planned.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(planned)


def exercise_notebook(exercise: Exercise, lang: str) -> dict:
    stub = exercise.stub_path.read_text(encoding="utf-8")
    solution = exercise.reference_path.read_text(encoding="utf-8")
    cells = [_markdown(f"{exercise.name}-statement", _statement(exercise, stub, lang))]
    cells += code_cells(exercise.name, stub, solution, exercise.reference_path)
    for check in exercise.checks():
        cells.append(_test_cell(exercise, check, lang))
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def code_cells(name: str, stub: str, solution: str, solution_path: Path) -> list[dict]:
    """The imports and the stub's constants, then one solution cell per function of the stub."""
    stub_tree = ast.parse(stub)
    stub_functions = [node for node in stub_tree.body if isinstance(node, ast.FunctionDef)]
    reference = Reference.parse(solution, solution_path, {node.name for node in stub_functions})
    given = _imports(stub, solution) + [
        segment(stub, node) for node in stub_tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
    ]
    cells = [_code(f"{name}-imports", "\n".join(given))]
    for node in stub_functions:
        cells.append(_solution_cell(node, stub, reference))
    return cells


def _statement(exercise: Exercise, stub: str, lang: str) -> str:
    docstring = ast.get_docstring(ast.parse(stub)) or ""
    begin, end = STATEMENT_MARKERS[lang]
    body = docstring.split(begin, 1)[-1]
    if end:
        body = body.split(end, 1)[0]
    return f"# {exercise.name}: {exercise.title(lang)}\n\n{body.strip()}"


def _imports(stub: str, solution: str) -> list[str]:
    """The imports of both modules, each once, ``from __future__`` first (as Python requires)."""
    found: list[str] = []
    for source in (stub, solution):
        for node in ast.parse(source).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)) and segment(source, node) not in found:
                found.append(segment(source, node))
    return sorted(found, key=lambda text: not text.startswith("from __future__"))


def _solution_cell(stub_node: ast.FunctionDef, stub: str, reference: Reference) -> dict:
    """The stub's signature and docstring; then, as the solution region, the helpers the
    reference's function needs and its body."""
    stub_lines = stub.splitlines()
    header_end = (
        stub_node.body[0].end_lineno if ast.get_docstring(stub_node) else stub_node.body[0].lineno - 1
    )
    header = stub_lines[stub_node.lineno - 1 : header_end]
    solution_node = reference.functions[stub_node.name]
    body = solution_node.body
    if ast.get_docstring(solution_node):
        body = body[1:]
    indent = " " * body[0].col_offset
    helpers = [textwrap.indent(h.source, indent) + "\n" for h in reference.helpers_of(stub_node.name)]
    solution_lines = reference.source.splitlines()[body[0].lineno - 1 : solution_node.end_lineno]
    source = "\n".join(
        [*header, indent + "### BEGIN SOLUTION", *helpers, *solution_lines, indent + "### END SOLUTION"]
    )
    return _code(stub_node.name, source, nbgrader={"grade": False, "solution": True, "locked": False})


def _test_cell(exercise: Exercise, check, lang: str) -> dict:
    points = POINTS(lang).format(points=check.spec.points)
    comment = f"# {check.spec.title(lang)} ({points}"
    comment += f"; {HIDDEN_NOTE(lang)})" if check.spec.hidden else ")"
    call = f"from autograder.notebook import check\ncheck({exercise.name!r}, {check.id!r}, lang={lang!r})"
    if check.spec.hidden:
        call = f"### BEGIN HIDDEN TESTS\n{call}\n### END HIDDEN TESTS"
    return _code(
        f"{TEST_CELL_PREFIX}{check.id}",
        f"{comment}\n{call}",
        nbgrader={"grade": True, "solution": False, "locked": True, "points": check.spec.points},
    )


def _markdown(grade_id: str, text: str) -> dict:
    nbgrader = {
        "grade": False,
        "solution": False,
        "locked": True,
        "grade_id": grade_id,
        "schema_version": SCHEMA_VERSION,
        "task": False,
    }
    return {
        "cell_type": "markdown",
        "id": _cell_id(grade_id),
        "metadata": {"nbgrader": nbgrader},
        "source": text,
    }


def _code(grade_id: str, source: str, nbgrader: dict | None = None) -> dict:
    metadata = {}
    if nbgrader is not None:
        metadata["nbgrader"] = dict(nbgrader, grade_id=grade_id, schema_version=SCHEMA_VERSION, task=False)
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": _cell_id(grade_id),
        "metadata": metadata,
        "outputs": [],
        "source": source,
    }


def _cell_id(grade_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in grade_id)[:64]
