"""`grade mistakes` and docs/mistakes.md: the catalogue of the mistakes the feedback names."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from autograder.catalogue import REGENERATE, render_markdown
from autograder.cli import main
from autograder.registry import all_exercises, find

GRADE = Path(sys.executable).parent / "grade"


@pytest.fixture
def runner():
    return CliRunner()


def test_mistakes_of_one_exercise_name_each_with_its_numbers_and_hint(runner):
    result = runner.invoke(main, ["mistakes", "3", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("exercise3  Binary cross-entropy and its derivatives\n")
    for mistake in find("exercise3").mistakes():
        assert f"[{mistake.id}]" in result.output
    assert "    what it is      a base-10 (or base-2) logarithm\n" in result.output
    assert "    in the numbers  your losses are 0.434× (or 1.443×) the natural-log ones\n" in result.output
    assert "    hint            np.log is the natural logarithm; use it" in result.output
    assert "exercise1" not in result.output


def test_mistakes_in_chinese_with_lang_before_the_command(runner):
    result = runner.invoke(main, ["--lang", "zh", "mistakes", "exercise3"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("exercise3  二元交叉熵及其导数\n")
    assert "    数值表现  你的损失是自然对数结果的 0.434 倍（或 1.443 倍）\n" in result.output
    assert "np.log 就是自然对数" in result.output
    assert "natural logarithm" not in result.output


@pytest.mark.parametrize("spelling", ["3", "exercise3", "ex3", "Exercise03"])
def test_mistakes_accepts_the_spellings_of_grade(runner, spelling):
    expected = runner.invoke(main, ["mistakes", "exercise3", "--lang", "en"]).output
    assert runner.invoke(main, ["mistakes", spelling, "--lang", "en"]).output == expected


def test_mistakes_without_an_exercise_lists_every_exercise(runner):
    result = runner.invoke(main, ["mistakes", "--lang", "en"])
    assert result.exit_code == 0
    headers = [line.split()[0] for line in result.output.splitlines() if line.startswith("exercise")]
    assert headers == [e.name for e in all_exercises()]


def test_a_mistake_defined_for_each_of_its_functions_is_listed_once(runner):
    output = runner.invoke(main, ["mistakes", "5", "--lang", "en"]).output
    assert output.count("[forward-difference]") == 1
    assert "    functions       numerical_gradient, gradient_check\n" in output


def test_mistakes_of_an_unknown_exercise_exit_2_naming_the_choices(runner):
    result = runner.invoke(main, ["mistakes", "exercise9", "--lang", "en"])
    assert result.exit_code == 2
    assert "Error: Unknown exercise 'exercise9'. Choose one of: exercise1," in result.output
    assert "Traceback" not in result.output


def test_docs_mistakes_md_is_current():
    committed = (ROOT / "docs" / "mistakes.md").read_text(encoding="utf-8")
    assert committed == render_markdown(all_exercises()), (
        f"docs/mistakes.md is stale: regenerate it with `{REGENERATE}`"
    )


def test_docs_mistakes_md_holds_both_languages():
    text = (ROOT / "docs" / "mistakes.md").read_text(encoding="utf-8")
    assert "### `log10`" in text
    assert "| hint / 提示 | np.log is the natural logarithm; use it, not np.log10 or np.log2. |" in text
    assert "np.log 就是自然对数" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 4 for row in rows)  # a | in a text is escaped


def test_installed_grade_mistakes():
    done = subprocess.run([GRADE, "mistakes", "3", "--lang", "en"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "[log10]" in done.stdout and "np.log is the natural logarithm" in done.stdout
    unknown = subprocess.run([GRADE, "mistakes", "9", "--lang", "zh"], capture_output=True, text=True)
    assert unknown.returncode == 2
    assert "错误：没有练习 '9'" in unknown.stderr and "Traceback" not in unknown.stderr
