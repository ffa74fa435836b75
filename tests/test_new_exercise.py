"""Adding an exercise is adding its files.

A sixth exercise (label smoothing, from the course's text 004), whose files sit in
tests/sixth_exercise/ laid out as in the project, is added to a copy of the project. There,
with no other edit, every command takes it up, nbgrader grades it, and the project's own
tests of an exercise (the authoring rules among them) pass on it.
"""

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

SIXTH = Path(__file__).parent / "sixth_exercise"
PROJECT_FILES = ("autograder", "solutions", "exercises", "tests", "docs", "pyproject.toml", "README.md")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")
BIN = Path(sys.executable).parent
SUBMISSIONS = Path("tests") / "submissions" / "exercise6"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The copy, with the sixth exercise's files added and docs/mistakes.md regenerated as
    docs/authoring.md asks."""
    root = tmp_path_factory.mktemp("new-exercise") / "project"
    for name in PROJECT_FILES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name, ignore=IGNORED)
        else:
            shutil.copy2(ROOT / name, root / name)
    shutil.copytree(SIXTH, root, dirs_exist_ok=True, ignore=IGNORED)
    catalogue = grade(root, "mistakes", "--format", "markdown")
    assert catalogue.returncode == 0, catalogue.stderr
    (root / "docs" / "mistakes.md").write_text(catalogue.stdout, encoding="utf-8")
    return root


def environment(packages: Path) -> dict[str, str]:
    """The copy's packages before the installed ones, and this environment's programs."""
    return dict(os.environ, PYTHONPATH=str(packages), PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def grade(packages: Path, *args):
    """``grade`` as the copy at ``packages`` (a project or a release) runs it, from there."""
    return subprocess.run(
        [sys.executable, "-m", "autograder", *map(str, args), "--lang", "en"],
        cwd=packages,
        env=environment(packages),
        capture_output=True,
        text=True,
    )


def test_grade_list_and_all_take_the_new_exercise_up(project):
    assert "exercise6  Label smoothing  (10)\n" in grade(project, "list").stdout
    stubs = grade(project, "all")
    assert stubs.returncode == 1
    assert "exercise6: 0/10 points" in stubs.stdout and "not implemented yet" in stubs.stdout


def test_grade_6_grades_the_reference_and_names_a_mistake_in_json(project):
    reference = grade(project, "6", "--submission", project / "solutions" / "exercise6.py")
    assert reference.returncode == 0, reference.stdout
    assert "exercise6: 10/10 points" in reference.stdout
    mistaken = grade(
        project, "6", "--submission", SUBMISSIONS / "mistakes" / "unsmoothed-grad.py", "--format", "json"
    )
    report = json.loads(mistaken.stdout)
    assert report["score"] == 5
    assert {test["extra_data"]["exercise"] for test in report["tests"]} == {"exercise6"}
    assert {d for test in report["tests"] for d in test["tags"]} == {"unsmoothed-grad"}


def test_grade_mistakes_6_lists_the_new_mistakes(project):
    done = grade(project, "mistakes", "6")
    assert done.stdout.startswith("exercise6  Label smoothing\n")
    assert "  [one-sided-smoothing]\n" in done.stdout and "  [unsmoothed-grad]\n" in done.stdout
    assert "    in the numbers  labels 0 stay 0 instead of becoming ε\n" in done.stdout


def test_the_release_carries_the_new_exercise(project, tmp_path):
    out = tmp_path / "release"
    done = grade(project, "release", out)
    assert done.returncode == 0, done.stderr
    assert "- `exercises/exercise6.py`: Label smoothing / 标签平滑\n" in (out / "README.md").read_text(
        encoding="utf-8"
    )
    assert (out / "exercises" / "exercise6.py").read_bytes() == (
        project / "exercises" / "exercise6.py"
    ).read_bytes()
    assert (
        not (out / "solutions").exists()
        and not (out / "autograder" / "checks" / "exercise6" / "mistakes.py").exists()
    )
    graded = grade(out, "6", "--submission", project / SUBMISSIONS / "correct" / "vectorised_where.py")
    assert graded.returncode == 0, graded.stdout
    assert "All local checks passed; 3 hidden checks will be run when your work is graded." in graded.stdout


def nbgrader(project: Path, course: Path, *args: str) -> None:
    done = subprocess.run(
        [BIN / "nbgrader", *args],
        cwd=course,
        env=environment(project),
        capture_output=True,
        text=True,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0 and "Exception while loading config file" not in log, log[-4000:]


def test_nbgrader_grades_the_new_exercise(project, tmp_path):
    """The reference's constant and helper (solutions/exercise6.py) travel hidden in the solution cells."""
    course = tmp_path / "course"
    done = grade(project, "nbgrader", "init", course)
    assert done.returncode == 0, done.stderr
    source = course / "source" / "exercise6" / "exercise6.ipynb"
    nbformat.validate(nbformat.read(source, as_version=4))
    assert grade(project, "6", "--submission", source).returncode == 0  # the source notebook is the solution
    nbgrader(project, course, "generate_assignment", "exercise6", "--force")
    release = course / "release" / "exercise6" / "exercise6.ipynb"
    assert "_sigmoid" not in release.read_text(encoding="utf-8")
    for student, notebook in (("alice", source), ("bob", release)):
        (course / "submitted" / student / "exercise6").mkdir(parents=True)
        shutil.copyfile(notebook, course / "submitted" / student / "exercise6" / "exercise6.ipynb")
    nbgrader(project, course, "autograde", "exercise6", "--force")
    nbgrader(project, course, "export")
    with open(course / "grades.csv", newline="") as handle:
        scores = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    assert scores == {"alice": 10.0, "bob": 0.0}


def test_the_projects_tests_of_an_exercise_pass_on_the_new_one(project):
    """The authoring rules, full marks for the reference and the correct submissions, zero for
    the stub, each mistake named exactly."""
    modules = ["tests/test_authoring.py", "tests/test_correct_code_passes.py", "tests/test_diagnosis.py"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *modules, "-k", "exercise6"],
        cwd=project,
        env=environment(project),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    assert "11 passed" in done.stdout, done.stdout[-2000:]
