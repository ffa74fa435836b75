"""nbgrader's autograde scores from our worker, not from the student's kernel.

Two preprocessors around nbgrader's own, in the pipeline the generated
``nbgrader_config.py`` sets up:

- ``GradeSubmittedCode`` runs first, before any kernel: it grades the code of
  the notebook as nbgrader read it from the submitted file (test cells restored
  from the source) with :func:`autograder.api.grade`, in our worker;
- ``RecordVerdicts`` runs just before ``SaveAutoGrades``: each test cell
  (grade id ``test_<check id>``) gets our feedback as its only output, and an
  error output when the check failed, which is how nbgrader gives it 0 points.

So whatever the kernel printed, wrote or patched, the saved points are ours.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade, is_solution
from traitlets import Unicode

from .api import grade
from .i18n import Text
from .isolation.tiers import TIERS
from .nbgrader_course import TEST_CELL_PREFIX
from .registry import named
from .results import CheckResult, ExerciseResult
from .writers.feedback import check_output

RESULT = "autograder_run"  # the resources key between the two preprocessors
NOT_A_CHECK = Text(
    "This cell is not a check of the grader: no points.", "这个单元格不是评分程序的检查：不计分。"
)
NOT_PROTECTED = Text(
    "Isolation: {name} — {summary}. The notebook's kernel ran under the same tier.",
    "隔离：{name}——{summary}。笔记本的内核也在同样的隔离级别下运行。",
)


class GradeSubmittedCode(NbGraderPreprocessor):
    """Grades the notebook's code in our worker before the kernel runs any of it."""

    def preprocess(self, nb, resources):
        notebook = resources["nbgrader"]["notebook"]
        exercise = named(notebook)
        if exercise is None:
            self.log.warning(
                "%s is not an exercise of the grader: nbgrader scores its cells itself", notebook
            )
            return nb, resources
        with tempfile.TemporaryDirectory(prefix="grade-nbgrader-") as folder:
            path = Path(folder) / f"{exercise.name}.ipynb"
            path.write_text(nbformat.writes(nb), encoding="utf-8")
            resources[RESULT] = grade([exercise], path, cwd=Path(folder))  # tracebacks name exerciseN.ipynb
        return nb, resources


class RecordVerdicts(NbGraderPreprocessor):
    """Replaces each test cell's outputs by our verdict, for SaveAutoGrades to score."""

    lang = Unicode("en", help="The language of the feedback: en or zh.").tag(config=True)

    def preprocess(self, nb, resources):
        run = resources.get(RESULT)
        if run is None:
            return nb, resources
        checks = {c.check: (e, c) for e in run.exercises for c in e.checks}
        notice = self._isolation_notice(run.isolation)
        for cell in nb.cells:
            if cell.cell_type != "code" or not is_grade(cell) or is_solution(cell):
                continue
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            found = (
                checks.get(grade_id[len(TEST_CELL_PREFIX) :])
                if grade_id.startswith(TEST_CELL_PREFIX)
                else None
            )
            cell.outputs = verdict_outputs(found, notice, self.lang)
            cell.execution_count = None
            notice = None  # once, on the first test cell
        return nb, resources

    def _isolation_notice(self, name: str) -> str | None:
        tier = TIERS[name]
        if tier.protects_grader_files:
            return None
        notice = NOT_PROTECTED(self.lang).format(name=name, summary=tier.summary(self.lang))
        self.log.warning(notice)
        return notice


def verdict_outputs(found: tuple[ExerciseResult, CheckResult] | None, notice: str | None, lang: str) -> list:
    """Our feedback as a test cell's outputs; an error output (0 points) unless it passed."""
    output = check_output(*found, lang) if found is not None else NOT_A_CHECK(lang)
    text = f"{notice}\n\n{output}" if notice else output
    outputs = [new_output("stream", name="stdout", text=text + "\n")]
    if found is None or not found[1].passed:
        summary = (output.splitlines() or [""])[0]
        outputs.append(
            new_output(
                "error", ename="CheckNotPassed", evalue=summary, traceback=[f"CheckNotPassed: {summary}"]
            )
        )
    return outputs
