"""A course author checks an exercise: plain pytest on its checks, and the rules of
docs/authoring.md (tests/authoring_rules.py), each shown to catch what it forbids."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import authoring_rules as rules
import pytest
from conftest import ROOT, grade_file

from autograder.i18n import Text
from autograder.mistake import Mistake
from autograder.nbgrader_course import exercise_notebook
from autograder.registry import CHECKS_DIR, CheckDef, CheckSpec, all_exercises


def run_pytest(*args):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.name)
def test_reference_passes_every_check_under_plain_pytest(exercise):
    result = run_pytest(CHECKS_DIR / exercise.name)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{len(exercise.checks())} passed" in result.stdout


def test_plain_pytest_fails_the_checks_for_a_stub():
    result = run_pytest(CHECKS_DIR / "exercise1", "--submission", ROOT / "exercises" / "exercise1.py")
    assert result.returncode == 1
    assert "8 failed" in result.stdout
    assert "not implemented yet" in result.stdout


def test_seed_changes_the_generated_inputs():
    from autograder.runner import check_rng

    assert (
        check_rng(0, "exercise1", "batch_mean").random() != check_rng(1, "exercise1", "batch_mean").random()
    )
    assert (
        check_rng(0, "exercise1", "batch_mean").random() == check_rng(0, "exercise1", "batch_mean").random()
    )


# ---- the rules of docs/authoring.md, checked without grading ---------------------------


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.name)
def test_exercise_follows_the_authoring_rules(exercise):
    assert rules.problems(exercise) == []


def test_every_rule_is_stated_in_its_section_of_the_authoring_guide():
    text = rules.DOCS.read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0]: part for part in text.split("\n## ")[1:]}
    for rule in rules.RULES:
        assert f"Rule: {rule.text}." in sections[rule.section], rule


@pytest.mark.parametrize("exercise", all_exercises(), ids=lambda e: e.name)
def test_solution_notebook_scores_full_marks(exercise, tmp_path):
    """The notebook of `grade nbgrader init`: its solution cells are the reference, whole."""
    path = tmp_path / f"{exercise.name}.ipynb"
    path.write_text(json.dumps(exercise_notebook(exercise, "en")), encoding="utf-8")
    result = grade_file(exercise.name, path)
    assert result.score == result.max_score, [c.failure.summary.en for c in result.checks if c.failure]


CHECKS_FILE = CHECKS_DIR / "exercise6" / "test_exercise6.py"
MISTAKES_FILE = CHECKS_DIR / "exercise6" / "mistakes.py"
STUB_PARAMETERS = {"smooth_labels": ["y", "epsilon"], "smoothed_bce_grad_logit": ["z", "y", "epsilon"]}


def a_check(index, points=1.0, hidden=False, title=None, function=None):
    def check(student, reference):
        pass

    title = title or Text(f"title {index}", f"标题 {index}")
    return CheckDef(f"test_{index}", function or check, CheckSpec(points, title, hidden))


def six_checks(**first):
    """Six checks worth 10 points, the first hidden; ``first`` changes the first one."""
    checks = [a_check(i, points=2.0 if i < 4 else 1.0, hidden=i == 0) for i in range(6)]
    return [a_check(0, **dict({"points": 2.0, "hidden": True}, **first)), *checks[1:]]


def a_mistake(
    id_="one-sided-smoothing", functions=("smooth_labels",), title=None, hint=None, imitations=None
):
    def smoothed(y, epsilon=0.1):
        return y

    return Mistake(
        id_,
        functions,
        title or Text("only the 1s are smoothed: labels 0 stay 0", "只平滑了标签 1：标签 0 仍然是 0"),
        hint or Text("A 0 becomes ε too.", "标签 0 也要变成 ε。"),
        imitations=(smoothed,) if imitations is None else imitations,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def reference_with(tmp_path, code):
    path = write(tmp_path / "solutions" / "exercise6.py", "import numpy as np\n\n" + code)
    return rules.reference_problems(
        "exercise6", "def smooth_labels(y, epsilon=0.1):\n    raise NotImplementedError\n", path
    )


def with_function_of_the_stub(tmp_path, stub_code, reference_code):
    stub, reference = {}, {}
    exec(stub_code, stub)
    exec(reference_code, reference)
    return rules.signature_problems(
        tmp_path / "exercises" / "exercise6.py",
        {"smooth_labels": stub["smooth_labels"]},
        tmp_path / "solutions" / "exercise6.py",
        {k: v for k, v in reference.items() if k == "smooth_labels"},
    )


def submissions(tmp_path, mistakes, correct):
    for name in mistakes:
        write(tmp_path / "exercise6" / "mistakes" / name, "")
    for name in correct:
        write(tmp_path / "exercise6" / "correct" / name, "")
    return rules.submission_problems(tmp_path / "exercise6", {"one-sided-smoothing", "unsmoothed-grad"})


# each rule broken: what the problems say (the rule and its section follow)
BROKEN = {
    rules.FILES: (lambda tmp: rules.missing_files(tmp, "exercise6"), "exercises/exercise6.py: missing"),
    rules.TITLE: (
        lambda tmp: rules.title_problems(tmp / "__init__.py", Text("Label smoothing", "Label smoothing")),
        "__init__.py: the Chinese title is 'Label smoothing'",
    ),
    rules.STATEMENT: (
        lambda tmp: rules.statement_problems(
            tmp / "exercise6.py", '"""Label smoothing: the task in English."""'
        ),
        "exercise6.py: the module docstring has no 【中文】 and [English]",
    ),
    rules.STUB_FUNCTIONS: (
        lambda tmp: rules.stub_problems(
            write(
                tmp / "exercise6.py",
                '''
                def smooth_labels(y, epsilon=0.1):
                    raise NotImplementedError


                def smoothed_bce_grad_logit(z, y, epsilon=0.1):
                    """The gradient."""
                    return z - y
                ''',
            )
        ),
        "exercise6.py: `smooth_labels` has no docstring",
    ),
    rules.SIGNATURES: (
        lambda tmp: with_function_of_the_stub(
            tmp,
            "def smooth_labels(y, epsilon=0.1):\n    raise NotImplementedError",
            "def smooth_labels(y, epsilon=0.2):\n    return y",
        ),
        "solutions/exercise6.py: `smooth_labels(y, epsilon=0.2)` where",
    ),
    rules.REFERENCE_CODE: (
        lambda tmp: reference_with(
            tmp, "np.seterr(all='ignore')\n\ndef smooth_labels(y, epsilon=0.1):\n    return y\n"
        ),
        "solutions/exercise6.py: line 3: a reference solution holds only imports, constants, functions and classes",
    ),
    rules.CHECK_COUNT: (
        lambda tmp: rules.check_problems(CHECKS_FILE, six_checks()[:4]),
        "autograder/checks/exercise6/test_exercise6.py: 4 checks, the rule is at least 6 checks "
        "(docs/authoring.md, 'Checks')",
    ),
    rules.POINTS: (
        lambda tmp: rules.check_problems(CHECKS_FILE, six_checks(hidden=False, points=1.5)),
        "test_exercise6.py: 9.5 points (1.5, 2, 2, 2, 1, 1)",
    ),
    rules.CHECK_TITLES: (
        lambda tmp: rules.check_problems(CHECKS_FILE, six_checks(title=Text("title 1", "标题 1"))),
        "test_exercise6.py: two checks are titled 'title 1'",
    ),
    rules.CHECK_FIXTURES: (
        lambda tmp: rules.check_problems(CHECKS_FILE, six_checks(function=lambda student, tmp_path: None)),
        "test_exercise6.py: `test_0` takes tmp_path",
    ),
    rules.MISTAKE_IDS: (
        lambda tmp: rules.mistake_problems(MISTAKES_FILE, [a_mistake(), a_mistake()], STUB_PARAMETERS),
        "mistakes.py: `one-sided-smoothing` is defined twice for `smooth_labels`",
    ),
    rules.MISTAKE_FUNCTIONS: (
        lambda tmp: rules.mistake_problems(MISTAKES_FILE, [a_mistake(imitations=())], STUB_PARAMETERS),
        "mistakes.py: `one-sided-smoothing` has neither imitations nor a signature",
    ),
    rules.IMITATIONS: (
        lambda tmp: rules.mistake_problems(
            MISTAKES_FILE, [a_mistake(functions=("smoothed_bce_grad_logit",))], STUB_PARAMETERS
        ),
        "mistakes.py: `one-sided-smoothing`'s imitation `smoothed` takes ['y', 'epsilon']",
    ),
    rules.MISTAKE_TITLES: (
        lambda tmp: rules.mistake_problems(
            MISTAKES_FILE,
            [a_mistake(title=Text("only the 1s are smoothed", "只平滑了标签 1：标签 0 仍然是 0"))],
            STUB_PARAMETERS,
        ),
        "mistakes.py: `one-sided-smoothing`'s title is 'only the 1s are smoothed'",
    ),
    rules.HINTS: (
        lambda tmp: rules.mistake_problems(
            MISTAKES_FILE, [a_mistake(hint=Text("A 0 becomes ε too.", ""))], STUB_PARAMETERS
        ),
        "mistakes.py: `one-sided-smoothing`'s Chinese hint is ''",
    ),
    rules.CATALOGUE: (
        lambda tmp: rules.catalogue_problems(
            write(tmp / "mistakes.md", "# Known mistakes\n"), all_exercises()[0]
        ),
        "mistakes.md: exercise1's mistakes are not listed as they are defined",
    ),
    rules.MISTAKEN_SUBMISSIONS: (
        lambda tmp: submissions(
            tmp, ["one-sided-smoothing.py", "grad-sign__loop.py"], ["a.py", "b.py", "c.ipynb"]
        ),
        "exercise6/mistakes/grad-sign__loop.py: `grad-sign` is no id of MISTAKES",
    ),
    rules.CORRECT_SUBMISSIONS: (
        lambda tmp: submissions(tmp, ["one-sided-smoothing.py", "unsmoothed-grad.py"], ["a.py", "notes.txt"]),
        "exercise6/correct: 1 correct submissions",
    ),
}


def test_every_rule_has_an_example_of_breaking_it():
    assert list(BROKEN) == list(rules.RULES)


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda rule: rule.text[:40])
def test_a_broken_rule_names_the_file_and_the_rule(rule, tmp_path):
    make, what = BROKEN[rule]
    found = make(tmp_path)
    assert found, rule
    named = [p for p in found if what in p]
    assert named, found
    assert named[0].endswith(f", the rule is {rule.text} (docs/authoring.md, '{rule.section}')"), named[0]
