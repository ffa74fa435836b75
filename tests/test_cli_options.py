"""Options anywhere: the grading options before the exercise (`grade --lang zh -s f.py 3`)
work as after it; `grade --help` shows them; no usage line names a command the user did not
type. Through click's runner and through the installed `grade`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.cli import main

ROOT = Path(__file__).resolve().parent.parent
GRADE = str(Path(sys.executable).parent / "grade")
MISTAKEN = str(ROOT / "tests" / "submissions" / "exercise3" / "mistakes" / "log10.py")
ENV = {**os.environ, "GRADE_LANG": "en"}

SAME_RUNS = [
    (["3", "-s", MISTAKEN, "--lang", "zh"], ["--lang", "zh", "-s", MISTAKEN, "3"]),
    (["3", "--submission", MISTAKEN, "--seed", "7"], ["--seed", "7", f"--submission={MISTAKEN}", "3"]),
    (["3", "-s", MISTAKEN, "--timeout", "5", "--format", "model"], ["--timeout=5", "--format", "model", f"-s{MISTAKEN}", "3"]),
    (["exercise3", "-s", MISTAKEN, "--lang", "en"], ["-s", MISTAKEN, "exercise3", "--lang", "en"]),
]  # fmt: skip


def _comparable(text: str) -> str:
    return re.sub(r'"execution_time": [0-9.e-]+', "", text)


@pytest.mark.parametrize(("after", "before"), SAME_RUNS)
def test_options_before_the_exercise_grade_the_same(after, before):
    runner = CliRunner()
    expected, moved = runner.invoke(main, after, env=ENV), runner.invoke(main, before, env=ENV)
    assert expected.exit_code == moved.exit_code == 1
    assert _comparable(moved.output) == _comparable(expected.output)


def test_options_before_the_exercise_with_the_installed_grade():
    expected = subprocess.run(
        [GRADE, "3", "-s", MISTAKEN, "--lang", "zh"], capture_output=True, text=True, env=ENV
    )
    moved = subprocess.run(
        [GRADE, "--lang", "zh", "-s", MISTAKEN, "3"], capture_output=True, text=True, env=ENV
    )
    assert expected.returncode == moved.returncode == 1
    assert moved.stdout == expected.stdout and "log10" in moved.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_help_shows_the_grading_options(lang):
    result = CliRunner().invoke(main, ["--lang", lang, "--help"], env=ENV)
    assert result.exit_code == 0
    heading = {"en": "Options of grade EXERCISE:", "zh": "grade EXERCISE 的选项："}[lang]
    section = result.output.split(heading, 1)[1]
    for option in (
        "--submission",
        "--format",
        "--output",
        "--seed",
        "--timeout",
        "--student",
        "--secret-file",
    ):
        assert option in section.split("\n\n", 1)[0]
    assert "run" not in re.findall(r"^  (\w+) ", result.output, re.M)  # the hidden command is not listed


ERRORS = [
    ["3", "--bogus"],
    ["3", "--format"],
    ["3", "--format", "pdf"],
    ["-s", MISTAKEN, "--bogus", "3"],
    ["--timeout", "0", "3"],
    ["--format", "json"],
    ["nosuch"],
    ["mistakes", "--bogus"],
]


@pytest.mark.parametrize("arguments", ERRORS, ids=[" ".join(a).replace(MISTAKEN, "F") for a in ERRORS])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_errors_name_only_what_was_typed(arguments, lang):
    done = subprocess.run(
        [GRADE, *arguments], capture_output=True, text=True, env={**ENV, "GRADE_LANG": lang}
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    for usage in re.findall(r"^(?:Usage|用法)[:：]\s*(.*)$", done.stderr, re.M):
        named = [w for w in usage.split() if w.isalpha() and w.islower()]
        assert set(named) <= {"grade", *arguments}, usage


def test_batch_options_before_the_submissions(tmp_path):
    (tmp_path / "class" / "alice").mkdir(parents=True)
    (tmp_path / "class" / "alice" / "exercise1.py").write_text(
        (ROOT / "solutions" / "exercise1.py").read_text()
    )
    secret = tmp_path / "secret"
    done = subprocess.run(
        [GRADE, "batch", "-o", str(tmp_path / "out"), "--exercises", "1", "--secret-file", str(secret),
         "--jobs", "1", str(tmp_path / "class")],
        capture_output=True, text=True, env=ENV,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "gradebook.csv").read_text().count("alice") == 1
