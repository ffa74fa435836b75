"""The `grade` command, through CliRunner and as installed."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SUBMISSIONS

from autograder.cli import main

SOLUTION = ROOT / "solutions" / "exercise1.py"
STUB = ROOT / "exercises" / "exercise1.py"
LOG10 = SUBMISSIONS / "exercise1" / "mistakes" / "log10.py"
GRADE = Path(sys.executable).parent / "grade"


@pytest.fixture
def runner():
    return CliRunner()


def test_list_names_every_exercise_with_its_points(runner):
    result = runner.invoke(main, ["list", "--lang", "en"])
    assert result.exit_code == 0
    assert "exercise1  Clipped cross-entropy  (10)" in result.output


def test_correct_submission_exits_0(runner):
    result = runner.invoke(main, ["exercise1", "--submission", str(SOLUTION), "--lang", "en"])
    assert result.exit_code == 0
    assert "exercise1: 10/10 points · 8 of 8 checks passed" in result.output


def test_number_alone_names_the_exercise(runner):
    result = runner.invoke(main, ["1", "--submission", str(SOLUTION), "--lang", "en"])
    assert result.exit_code == 0


def test_stub_exits_1_with_not_implemented_messages(runner):
    result = runner.invoke(main, ["1", "--submission", str(STUB), "--lang", "en"])
    assert result.exit_code == 1
    assert "`cross_entropy_loss` is not implemented yet" in result.output
    assert "Traceback" not in result.output
    assert "exercise1: 0/10 points" in result.output


def test_failure_shows_input_expected_received_and_the_mistake(runner):
    result = runner.invoke(main, ["1", "--submission", str(LOG10), "--lang", "en"])
    assert result.exit_code == 1
    assert (
        "call            cross_entropy_from_labels(probs=array([[0.1, 0.2, 0.6, 0.1]]), "
        "labels=array([2], dtype=int64))"
    ) in result.output
    assert "expected        0.5108256" in result.output
    assert "received        0.2218487" in result.output
    assert "received/expected = 0.4343" in result.output
    assert "[log10]" in result.output and "np.log is the natural logarithm" in result.output


def test_chinese_feedback(runner):
    result = runner.invoke(main, ["1", "--submission", str(LOG10), "--lang", "zh"])
    assert result.exit_code == 1
    assert "可能的错误" in result.output and "自然对数" in result.output
    assert "exercise1：" in result.output


def test_language_follows_the_locale(runner):
    result = runner.invoke(
        main, ["1", "--submission", str(SOLUTION)], env={"LANG": "zh_CN.UTF-8", "LC_ALL": ""}
    )
    assert "全部检查通过" in result.output


def test_unknown_exercise_exits_2(runner):
    result = runner.invoke(main, ["exercise9", "--lang", "en"])
    assert result.exit_code == 2
    assert "Unknown exercise 'exercise9'" in result.output


def test_missing_submission_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["1", "--submission", str(tmp_path / "nope.py"), "--lang", "en"])
    assert result.exit_code == 2
    assert "There is no file or folder" in result.output


def test_no_exercises_folder_exits_2_with_advice(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["1", "--lang", "en"])
    assert result.exit_code == 2
    assert "--submission" in result.output


def test_default_submission_is_exercises_folder(runner, tmp_path, monkeypatch):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "exercise1.py").write_text(SOLUTION.read_text())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["exercise1", "--lang", "en"])
    assert result.exit_code == 0


def test_bad_option_exits_2(runner):
    result = runner.invoke(main, ["1", "--format", "xml"])
    assert result.exit_code == 2


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", [["3", "--bogus"], ["exercise3", "--seed"], ["3", "--help"]])
def test_no_usage_line_names_a_command_the_user_never_typed(args, lang):
    done = subprocess.run([GRADE, *args, "--lang", lang], capture_output=True, text=True)
    shown = done.stdout + done.stderr
    assert "grade [" in shown, shown
    assert "grade run" not in shown


def test_syntax_error_is_graded_zero_and_exits_1(runner, tmp_path):
    broken = tmp_path / "my_draft.py"
    broken.write_text("def one_hot(labels, num_classes)\n    return 1\n")
    result = runner.invoke(main, ["1", "--submission", str(broken), "--lang", "en"])
    assert result.exit_code == 1
    assert "could not be imported: SyntaxError" in result.output
    assert f'File "{broken}", line 1' in result.output
    assert "0/10 points" in result.output


def test_json_is_gradescope_results_and_nothing_else(runner, tmp_path):
    noisy = tmp_path / "exercise1.py"
    noisy.write_text(
        "print('hello from import')\n"
        + LOG10.read_text().replace(
            "def one_hot(labels, num_classes):\n",
            "def one_hot(labels, num_classes):\n    print('score: 100')\n",
        )
    )
    result = runner.invoke(main, ["1", "--submission", str(noisy), "--format", "json", "--lang", "en"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) >= {"score", "execution_time", "output", "tests", "extra_data"}
    assert len(report["tests"]) == 8
    test = report["tests"][1]
    assert set(test) >= {
        "name",
        "number",
        "score",
        "max_score",
        "status",
        "output",
        "visibility",
        "extra_data",
    }
    assert test["status"] == "failed" and test["score"] == 0
    assert test["extra_data"]["exercise"] == "exercise1"
    assert test["extra_data"]["check"] == "chapter_examples"
    assert test["tags"] == ["log10"]
    assert report["tests"][0]["tags"] == []
    assert {t["visibility"] for t in report["tests"]} == {"visible", "after_published"}
    assert report["score"] == sum(t["score"] for t in report["tests"])


def test_json_to_a_file(runner, tmp_path):
    out = tmp_path / "results.json"
    result = runner.invoke(main, ["1", "--submission", str(SOLUTION), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text())["score"] == 10


def test_all_with_a_file_is_refused(runner):
    result = runner.invoke(main, ["all", "--submission", str(SOLUTION), "--lang", "en"])
    assert result.exit_code == 2


def test_installed_command_exit_codes_and_json():
    ok = subprocess.run([GRADE, "exercise1", "--submission", SOLUTION], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    failed = subprocess.run(
        [GRADE, "1", "--submission", LOG10, "--format", "json"], capture_output=True, text=True
    )
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["score"] < 10
    unknown = subprocess.run([GRADE, "42"], capture_output=True, text=True)
    assert unknown.returncode == 2
    assert "Traceback" not in unknown.stderr


def test_installed_all_on_solutions_scores_everything():
    result = subprocess.run(
        [GRADE, "all", "--submission", ROOT / "solutions", "--format", "json"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-2000:]
    report = json.loads(result.stdout)
    assert (
        report["score"]
        == report["extra_data"]["max_score"]
        == 10 * len({t["extra_data"]["exercise"] for t in report["tests"]})
    )


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "autograder", "list"], capture_output=True, text=True)
    assert result.returncode == 0 and "exercise1" in result.stdout
