"""The result model as plain data: what crosses a process boundary, and how wrong data is refused."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import SUBMISSIONS

from autograder.cli import main
from autograder.i18n import Text
from autograder.plain import InvalidDocument, Schema
from autograder.results import (
    GRADE_RUN_SCHEMA,
    CheckResult,
    Diagnosis,
    ExerciseResult,
    Failure,
    GradeRun,
)
from autograder.writers.gradescope import results_json

LOG10 = SUBMISSIONS / "exercise1" / "mistakes" / "log10.py"
DIAGNOSIS = Diagnosis("log10", Text("log base 10", "以 10 为底的对数"), Text("use np.log", "请用 np.log"))
# every dataclass of the model, each optional field both set and unset
RUN = GradeRun(
    (
        ExerciseResult(
            "exercise4",
            Text("Plots", "画图"),
            (
                CheckResult("exercise4", "curves", Text("Curves", "曲线"), 2, False),
                CheckResult(
                    "exercise4",
                    "labels",
                    Text("Labels", "标签"),
                    1.5,
                    True,
                    Failure(
                        Text("no labels", "没有标签"),
                        call="plot(ax=<Axes>)",
                        expected=Text("an x label", "x 轴标签"),
                        received=Text("none", "无"),
                        diagnoses=(DIAGNOSIS,),
                        traceback="Traceback ...\nValueError: \\x1b[2J",
                    ),
                ),
                CheckResult(
                    "exercise4",
                    "values",
                    Text("Values", "数值"),
                    1,
                    False,
                    Failure(Text("wrong", "错误"), expected="0.5", received="0.25"),
                ),
            ),
            load_error=Failure(Text("could not be imported", "无法导入")),
            printed="hello 你好\n",
            hidden_not_run=2,
            hidden_points=3.0,
        ),
        ExerciseResult("exercise1", Text("One-hot", "独热"), ()),
    ),
    seed=7,
    execution_time=1.25,
    isolation="bubblewrap-uid",
)


def test_every_record_of_the_model_survives_a_round_trip():
    text = GRADE_RUN_SCHEMA.dumps(RUN)
    assert GRADE_RUN_SCHEMA.loads(text) == RUN
    data = json.loads(text)
    assert (data["type"], data["version"]) == ("GradeRun", 1)
    exercise = data["exercises"][0]
    failure = exercise["checks"][1]["failure"]
    assert [exercise["type"], exercise["checks"][0]["type"], failure["type"]] == [
        "ExerciseResult",
        "CheckResult",
        "Failure",
    ]
    assert failure["expected"] == {"type": "Text", "en": "an x label", "zh": "x 轴标签"}
    assert failure["diagnoses"][0]["type"] == "Diagnosis"
    assert exercise["checks"][2]["failure"]["expected"] == "0.5"
    assert exercise["checks"][1]["hidden"] is True
    assert "version" not in exercise


def test_model_output_of_grade_carries_what_the_gradescope_writer_shows(tmp_path):
    """Read back, ``--format model`` gives the Gradescope writer what ``--format json`` wrote."""
    noisy = tmp_path / "exercise1.py"
    noisy.write_text("print('hello from import')\n" + LOG10.read_text())
    reports = {}
    runner = CliRunner()
    for output_format in ("model", "json"):
        done = runner.invoke(main, ["1", "-s", str(noisy), "--format", output_format, "--lang", "zh"])
        assert done.exit_code == 1, done.output
        reports[output_format] = done.stdout
    run = GRADE_RUN_SCHEMA.loads(reports["model"])
    assert "hello from import" in run.exercises[0].printed
    assert "log10" in {d.id for d in run.exercises[0].mistakes}
    gradescope = json.loads(reports["json"])
    rewritten = results_json(run, "zh")
    for report in (gradescope, rewritten):
        del report["execution_time"]
    assert rewritten == gradescope


FOREIGN = {
    "gradescope's results.json": (
        {"score": 10, "tests": []},
        "$: expected a GradeRun record, found an object",
    ),
    "another record": (
        {"type": "ReleaseRecord", "version": 1},
        "$: expected a GradeRun record, found a record tagged 'ReleaseRecord'",
    ),
    "a newer version": (
        {**GRADE_RUN_SCHEMA.dump(RUN), "version": 2},
        "$: version 2, but this grader reads version 1",
    ),
    "no version": (
        {k: v for k, v in GRADE_RUN_SCHEMA.dump(RUN).items() if k != "version"},
        "$: missing version",
    ),
    "a list": ([], "$: expected a GradeRun record, found a list"),
}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_a_foreign_document_is_refused(name):
    data, message = FOREIGN[name]
    with pytest.raises(InvalidDocument) as refused:
        GRADE_RUN_SCHEMA.load(data)
    assert refused.value.message.en == message


def tampered(change):
    data = GRADE_RUN_SCHEMA.dump(RUN)
    change(data)
    return json.loads(json.dumps(data))


TAMPERED = {
    "points as a string": (
        lambda d: d["exercises"][0]["checks"][0].update(max_points="2"),
        "$.exercises[0].checks[0].max_points: expected a number, found a string",
    ),
    "hidden as a number": (
        lambda d: d["exercises"][0]["checks"][1].update(hidden=1),
        "$.exercises[0].checks[1].hidden: expected true or false, found a whole number",
    ),
    "a seed that is not whole": (
        lambda d: d.update(seed=7.5),
        "$.seed: expected a whole number, found a number",
    ),
    "a class the model does not hold": (
        lambda d: d["exercises"][0].update(load_error={"type": "Popen", "args": ["sh"]}),
        "$.exercises[0].load_error: expected a Failure record or null, found a record tagged 'Popen'",
    ),
    "another record in a Text's place": (
        lambda d: d["exercises"][0]["checks"][1]["failure"].update(received=d["exercises"][0]["load_error"]),
        "$.exercises[0].checks[1].failure.received: expected a string or a Text record or null, "
        "found a record tagged 'Failure'",
    ),
    "a field too many": (
        lambda d: d["exercises"][0]["checks"][0].update(score=100),
        "$.exercises[0].checks[0]: unexpected 'score'",
    ),
    "a field missing": (
        lambda d: d["exercises"][0]["checks"][1]["failure"]["diagnoses"][0].pop("hint"),
        "$.exercises[0].checks[1].failure.diagnoses[0]: missing hint",
    ),
    "checks as an object": (
        lambda d: d["exercises"][1].update(checks={}),
        "$.exercises[1].checks: expected a list, found an object",
    ),
}


@pytest.mark.parametrize("name", sorted(TAMPERED))
def test_a_tampered_document_is_refused_saying_where(name):
    change, message = TAMPERED[name]
    with pytest.raises(InvalidDocument) as refused:
        GRADE_RUN_SCHEMA.load(tampered(change))
    assert refused.value.message.en == message
    where = message.split(":")[0]
    assert refused.value.message.zh.startswith(f"{where}：")


def test_text_that_is_not_json_is_refused():
    with pytest.raises(InvalidDocument) as refused:
        GRADE_RUN_SCHEMA.loads("Traceback (most recent call last):")
    assert refused.value.message.en.startswith("$: not JSON (")
    assert refused.value.message.zh.startswith("$：不是 JSON（")


def test_records_the_plain_data_cannot_hold_are_refused_when_their_schema_is_made():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Holds:
        thing: set[str]

    with pytest.raises(TypeError, match="is not a shape of plain data"):
        Schema(Holds, version=1)

    @dataclass(frozen=True)
    class Text:  # a second record of that name: a tag could not tell them apart
        en: str

    @dataclass(frozen=True)
    class Twice:
        mine: Text
        theirs: Diagnosis

    with pytest.raises(TypeError, match="two records named Text"):
        Schema(Twice, version=1)


KERNEL_SESSION = """
import subprocess, sys
from IPython.testing.globalipapp import start_ipython

shell = start_ipython()
shell.run_cell(sys.argv[1], store_history=True)
shell.run_cell(f"from autograder.notebook import check\\ncheck('exercise1', {sys.argv[2]!r}, lang={sys.argv[3]!r})")
"""
# what the grading process answers in this kernel: Gradescope's results.json, claiming full marks
FOREIGN_ANSWER = """
import subprocess
answer = '{"score": 10, "tests": [{"extra_data": {"check": "chapter_examples"}, "status": "passed", "output": "Passed."}]}'
subprocess.run = lambda command, **kwargs: subprocess.CompletedProcess(command, 0, answer, "")
"""


def kernel(cell, check="chapter_examples", lang="en"):
    done = subprocess.run(
        [sys.executable, "-c", KERNEL_SESSION, cell, check, lang], capture_output=True, text=True, timeout=120
    )
    return done.stdout + done.stderr


def test_notebook_check_shows_the_verdict_of_the_model_data():
    shown = kernel(LOG10.read_text())
    assert "[log10]" in shown and "CheckNotPassed: " in shown, shown
    assert "Passed." in kernel(sorted((SUBMISSIONS / "exercise1" / "correct").glob("*.py"))[0].read_text())


def test_notebook_check_refuses_an_answer_that_is_not_the_model_data():
    shown = kernel(FOREIGN_ANSWER)
    assert (
        "CheckNotPassed: The grader's answer could not be read: "
        "$: expected a GradeRun record, found an object"
    ) in shown, shown
    assert "Passed." not in shown
    assert "无法读取评分程序的结果：$：应为 GradeRun 记录，实际为 对象" in kernel(FOREIGN_ANSWER, lang="zh")
