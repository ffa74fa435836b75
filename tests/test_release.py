"""The student release: public checks only, no solution, installable on its own."""

import ast
import inspect
import itertools
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS

from autograder.registry import all_exercises

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
                body = "\n".join(source.splitlines()[node.body[0].lineno - 1 : node.end_lineno])
                yield path.stem, node.name, textwrap.dedent(body)


def test_release_has_no_solution_body(release):
    files = release_text(release)
    assert not any("solutions" in p.parts for p in files)
    code = {
        p: "\n".join(line.strip() for line in t.splitlines()) for p, t in files.items() if p.suffix == ".py"
    }
    for exercise, function, body in solution_bodies():
        lines = [
            line.strip() for line in body.splitlines() if line.strip() and not line.strip().startswith("#")
        ]
        pairs = [f"{a}\n{b}" for a, b in itertools.pairwise(lines)]
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
    done = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "-q", release], capture_output=True, text=True
    )
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
        assert (
            f"All local checks passed; {hidden} hidden checks will be run when your work is graded."
            in done.stdout
        )
        assert "All checks passed." not in done.stdout
        public = sum(c.spec.points for c in exercise.checks() if not c.spec.hidden)
        assert (
            f"{exercise.name}: {public:g}/{public:g} points ({public:g} of {exercise.max_score:g} "
            f"points checked here)"
        ) in done.stdout


def test_release_lists_what_each_exercise_is_worth(installed, release):
    done = run_grade(installed, release, "list")
    for exercise in all_exercises():
        public = sum(c.spec.points for c in exercise.checks() if not c.spec.hidden)
        assert f"({exercise.max_score:g} points, {public:g} checked here)" in done.stdout


def test_release_still_names_known_mistakes(installed, release):
    done = run_grade(
        installed,
        release,
        "1",
        "--submission",
        SUBMISSIONS / "exercise1" / "mistakes" / "log10.py",
        "--format",
        "json",
    )
    report = json.loads(done.stdout)
    assert {d for t in report["tests"] for d in t["tags"]} == {"log10"}
    assert "cross_entropy_loss(probs=" in done.stdout


def test_release_refuses_teacher_commands(installed, release):
    assert run_grade(installed, release, "release", "elsewhere").returncode == 2
    assert run_grade(installed, release, "1", "--seed", "4").returncode == 2


def test_release_with_a_damaged_record_says_which_file(release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    record = copy / "autograder" / "checks" / "exercise1" / "recorded.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**data, "hidden_points": "3"}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "autograder", "1", "--lang", "en"], cwd=copy, capture_output=True, text=True
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert (
        f"{record} is not a release record this grader can read "
        "($.hidden_points: expected a number, found a string); reinstall the release."
    ) in done.stderr
    assert "Traceback" not in done.stderr


def answer_sigmoid(source):
    head, _, tail = source.partition("def sigmoid(")
    return head + "def sigmoid(" + tail.replace("raise NotImplementedError", "return 1 / (1 + np.exp(-z))", 1)


ANSWERED_STUBS = {  # how a teacher's trial leaves an answer in a stub, and what the refusal names
    "a function with code": ("exercise3", answer_sigmoid, "sigmoid"),
    "a stub rebound at module level": (
        "exercise2",
        lambda s: s + "\nsoftmax = lambda z: np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)\n",
        "line ",
    ),
    "a helper beside the stubs": (
        "exercise1",
        lambda s: s + "\n\ndef _log(p):\n    return np.log(np.clip(p, 1e-12, 1))\n",
        "_log",
    ),
}


@pytest.fixture
def teacher_checkout(tmp_path):
    """A copy of the project whose stubs a teacher can edit, run as ``python -m autograder``."""
    copy = tmp_path / "project"
    for name in ("autograder", "solutions", "exercises"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("case", sorted(ANSWERED_STUBS))
def test_release_refuses_stubs_that_hold_answers(case, teacher_checkout, tmp_path):
    exercise, answer, named = ANSWERED_STUBS[case]
    stub = teacher_checkout / "exercises" / f"{exercise}.py"
    stub.write_text(answer(stub.read_text(encoding="utf-8")), encoding="utf-8")
    command = [sys.executable, "-m", "autograder", "release", tmp_path / "out", "--lang", "en"]

    refused = subprocess.run(command, cwd=teacher_checkout, capture_output=True, text=True)
    assert refused.returncode == 2, refused.stderr
    assert f"{stub}: {named}" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "out").exists()

    forced = subprocess.run([*command, "--force"], cwd=teacher_checkout, capture_output=True, text=True)
    assert forced.returncode == 0, forced.stderr
    assert f"{stub}: {named}" in forced.stderr and "warning" in forced.stderr
    assert (tmp_path / "out" / "exercises" / f"{exercise}.py").read_text(encoding="utf-8") == stub.read_text(
        encoding="utf-8"
    )


def test_untouched_stubs_hold_no_answer():
    from autograder.stubs import answered_functions

    for path in sorted((ROOT / "exercises").glob("exercise*.py")):
        assert answered_functions(path) == [], path
