"""The student release: public checks only, no solution, installable on its own."""
import ast
import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from autograder.registry import all_exercises
from conftest import ROOT, SUBMISSIONS

GRADE = Path(sys.executable).parent / "grade"


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release") / "course"
    done = subprocess.run([GRADE, "release", out], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def release_text(release):
    return {path: path.read_text(encoding="utf-8") for path in release.rglob("*") if path.is_file()}


def solution_bodies():
    """Each reference function's body, and each of its distinctive lines."""
    for path in sorted((ROOT / "solutions").glob("exercise*.py")):
        source = path.read_text()
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef):
                body = "\n".join(source.splitlines()[node.body[0].lineno - 1:node.end_lineno])
                yield path.stem, node.name, textwrap.dedent(body)


def test_release_has_no_solution_body(release):
    files = release_text(release)
    assert not any("solutions" in p.parts for p in files)
    code = {p: "\n".join(line.strip() for line in t.splitlines()) for p, t in files.items() if p.suffix == ".py"}
    for exercise, function, body in solution_bodies():
        lines = [line.strip() for line in body.splitlines() if line.strip() and not line.strip().startswith("#")]
        pairs = [f"{a}\n{b}" for a, b in zip(lines, lines[1:])]
        for path, text in files.items():
            assert body not in text, (exercise, function, path)
        for path, text in code.items():
            for pair in pairs:
                assert pair not in text, (exercise, function, pair, path)


def test_release_has_no_hidden_check_and_no_imitation(release):
    files = release_text(release)
    assert not any(p.name == "mistakes.py" for p in files)
    for exercise in all_exercises():
        for check in exercise.checks():
            if check.spec.hidden:
                source = inspect.getsource(check.function)
                for path, text in files.items():
                    assert f"def {check.name}(" not in text, (check.name, path)
                    assert source not in text
        record = json.loads((release / "autograder" / "checks" / exercise.name / "recorded.json").read_text())
        assert record["hidden_checks"] == sum(c.spec.hidden for c in exercise.checks())


def test_release_probes_hold_only_what_public_checks_use(release):
    text = (release / "autograder" / "checks" / "exercise5" / "probes.py").read_text()
    assert "softmax" not in text  # exercise 2's answers must not travel in exercise 5's probes


@pytest.fixture(scope="module")
def installed(release, tmp_path_factory):
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    done = subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", release],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv / "bin" / "grade"


def run_grade(grade, release, *args):
    return subprocess.run([grade, *args, "--lang", "en"], cwd=release, capture_output=True, text=True)


def test_release_grades_the_untouched_stubs(installed, release):
    done = run_grade(installed, release, "exercise3")
    assert done.returncode == 1
    assert "not implemented yet" in done.stdout
    assert "hidden checks will be run when your work is graded" in done.stdout


def test_release_passes_a_correct_submission_and_announces_hidden_checks(installed, release):
    for exercise in all_exercises():
        correct = sorted((SUBMISSIONS / exercise.name / "correct").glob("*.py"))[0]
        done = run_grade(installed, release, exercise.name, "--submission", correct)
        assert done.returncode == 0, done.stdout[-2000:]
        hidden = sum(c.spec.hidden for c in exercise.checks())
        assert (f"All local checks passed; {hidden} hidden checks will be run when your work is graded."
                in done.stdout)
        assert "All checks passed." not in done.stdout


def test_release_still_names_known_mistakes(installed, release):
    done = run_grade(installed, release, "1", "--submission", SUBMISSIONS / "exercise1" / "mistakes" / "log10.py",
                     "--format", "json")
    report = json.loads(done.stdout)
    assert {d for t in report["tests"] for d in t["extra_data"]["diagnosis"]} == {"log10"}
    assert "cross_entropy_loss(probs=" in done.stdout


def test_release_refuses_teacher_commands(installed, release):
    assert run_grade(installed, release, "release", "elsewhere").returncode == 2
    assert run_grade(installed, release, "1", "--seed", "4").returncode == 2
