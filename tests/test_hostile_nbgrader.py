"""Hostile notebooks through the real nbgrader, under every tier that protects the grader.

One course per tier, one autograde of all its students. Each attack is a cell
placed before the stubs: it forges the check cells' verdict from inside the
kernel, or reaches for the teacher's files, the reference, the hidden checks
or the network. The points must come from the grader's worker all the same,
and the kernel must stay inside its own folder.
"""

import csv
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS, leftover_processes, load_notebook, save_notebook

from autograder.registry import find
from autograder.results import GRADE_RUN_SCHEMA, CheckResult, ExerciseResult, GradeRun

BIN = Path(sys.executable).parent
EXERCISE = find("exercise1")
CHECK_IDS = [c.id for c in EXERCISE.checks()]
REFERENCE_TEXT = EXERCISE.reference_path.read_text().splitlines()[0]  # its docstring: in no notebook
HIDDEN_CHECKS = ROOT / "autograder" / "checks" / "exercise1" / "test_exercise1.py"
HIDDEN_TEXT = HIDDEN_CHECKS.read_text().splitlines()[0]
FAKE_REPORT = GRADE_RUN_SCHEMA.dumps(  # what ``grade --format model`` answers for a correct exercise1
    GradeRun(
        (
            ExerciseResult(
                "exercise1",
                EXERCISE.title,
                tuple(
                    CheckResult("exercise1", c.id, c.spec.title, c.spec.points, False)
                    for c in EXERCISE.checks()
                ),
            ),
        ),
        seed=0,
    )
)

ATTACKS = {
    "replace_check_function": """
import autograder.notebook
autograder.notebook.check = lambda *args, **kwargs: print("Passed.")
""",
    "fake_subprocess_run": f"""
import subprocess
subprocess.run = lambda command, **kwargs: subprocess.CompletedProcess(command, 0, {FAKE_REPORT!r}, "")
""",
    "fake_report_cache": f"""
import autograder.notebook
from autograder.results import GRADE_RUN_SCHEMA
class Always(dict):
    def __contains__(self, key):
        return True
    def __getitem__(self, key):
        return GRADE_RUN_SCHEMA.loads({FAKE_REPORT!r})
autograder.notebook._runs = Always()
""",
    "fake_python": f"""
import os, sys
script = os.path.abspath("fake_python.sh")
with open(script, "w") as handle:
    handle.write("#!/bin/sh\\ncat <<'END'\\n" + {FAKE_REPORT!r} + "\\nEND\\n")
os.chmod(script, 0o755)
sys.executable = script
""",
    "history_hook": """
import importlib.util, pathlib
reference = pathlib.Path(importlib.util.find_spec("autograder.solutions.exercise1").origin).read_text()
shell = get_ipython()
shell.events.register("post_run_cell", lambda *args: shell.history_manager.input_hist_raw.append(reference))
""",
}

PROWLER = """
import importlib.util, os, pathlib, socket
pathlib.Path("inside-marker").write_text("the kernel ran here")
for folder in {targets!r}:
    try:
        pathlib.Path(folder, "escaped-marker").write_text("written by the kernel")
        print("wrote into", folder)
    except OSError as error:
        print("write blocked:", type(error).__name__)
for path in {secrets!r}:
    try:
        print(pathlib.Path(path).read_text())
    except OSError as error:
        print("read blocked:", type(error).__name__)
for name in ("autograder.solutions.exercise1", "solutions.exercise1", "autograder.checks.exercise1.test_exercise1"):
    try:
        print(pathlib.Path(importlib.util.find_spec(name).origin).read_text())
    except Exception as error:
        print("find blocked:", type(error).__name__)
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=5).close()
    print("network reached")
except OSError as error:
    print("network blocked:", type(error).__name__)
if os.fork() == 0:  # a daemon: it leaves the kernel's process tree and session, and waits
    os.setsid()
    if os.fork() == 0:
        import time
        time.sleep(600)
    os._exit(0)
"""


def run(command, cwd, env):
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-4000:]
    return log


def with_cell_before_stubs(notebook, source):
    notebook["cells"].insert(
        2,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "attack",
            "metadata": {},
            "outputs": [],
            "source": source,
        },
    )
    return notebook


def with_mistake(notebook, submission):
    """The release notebook whose cells define the functions of a submission file."""
    notebook["cells"].insert(
        2,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "mistake",
            "metadata": {},
            "outputs": [],
            "source": submission.read_text(),
        },
    )
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = "# answered above"
    return notebook


class Course:
    def __init__(self, root: Path, home: Path, outside: Path, listener: socket.socket, log: str) -> None:
        self.root, self.home, self.outside, self.listener, self.log = root, home, outside, listener, log

    def scores(self):
        with open(self.root / "grades.csv", newline="") as handle:
            return {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}

    def shown_to_anyone(self):
        """Every autograded notebook and feedback file, as text."""
        for folder in ("autograded", "feedback"):
            for path in (self.root / folder).rglob("*"):
                if path.is_file() and path.suffix in (".ipynb", ".html"):
                    yield path, path.read_text(encoding="utf-8", errors="replace")


_courses: dict[str, Course] = {}


@pytest.fixture(scope="module", autouse=True)
def _close_listeners():
    yield
    for graded in _courses.values():
        graded.listener.close()


def environment(home: Path) -> dict[str, str]:
    return dict(
        os.environ,
        HOME=str(home),
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache"),
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The course as generated, before any submission: copied for each tier."""
    base = tmp_path_factory.mktemp("nbgrader-generated")
    root, home = base / "course", base / "home"
    root.mkdir()
    home.mkdir()
    run([BIN / "grade", "nbgrader", "init", root, "--lang", "en"], root, environment(home))
    run([BIN / "nbgrader", "generate_assignment", "exercise1", "--force"], root, environment(home))
    return root


@pytest.fixture
def course(tier, generated, tmp_path_factory):
    """The course graded under ``tier``: made once per tier."""
    if tier not in _courses:
        _courses[tier] = _grade_course(generated, tmp_path_factory.mktemp(f"nbgrader-{tier}"))
    return _courses[tier]


def _grade_course(generated: Path, base: Path) -> Course:
    root, home, outside = base / "course", base / "home", base / "outside"
    shutil.copytree(generated, root)
    home.mkdir()
    outside.mkdir()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    env = environment(home)
    source = root / "source" / "exercise1" / "exercise1.ipynb"
    release = root / "release" / "exercise1" / "exercise1.ipynb"
    prowler = PROWLER.format(
        targets=[str(root), str(home), str(outside)],
        secrets=[str(EXERCISE.reference_path), str(HIDDEN_CHECKS)],
        port=listener.getsockname()[1],
    )
    students = {
        "alice": load_notebook(source),
        "carol": with_mistake(load_notebook(release), SUBMISSIONS / "exercise1" / "mistakes" / "log10.py"),
        "prowler": with_cell_before_stubs(load_notebook(release), prowler),
    }
    students.update(
        {name: with_cell_before_stubs(load_notebook(release), code) for name, code in ATTACKS.items()}
    )
    for student, notebook in students.items():
        save_notebook(notebook, root / "submitted" / student / "exercise1" / "exercise1.ipynb")
    log = run([BIN / "nbgrader", "autograde", "exercise1", "--force"], root, env)
    run([BIN / "nbgrader", "generate_feedback", "exercise1", "--force"], root, env)
    run([BIN / "nbgrader", "export"], root, env)
    return Course(root, home, outside, listener, log)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_forged_verdicts_score_nothing(course, attack):
    assert course.scores()[attack] == 0


def test_solution_still_scores_full_marks(course):
    assert course.scores()["alice"] == 10


def test_known_mistake_is_diagnosed_in_the_feedback(course):
    html = (course.root / "feedback" / "carol" / "exercise1" / "exercise1.html").read_text()
    assert "[log10]" in html
    assert course.scores()["carol"] < 10


def test_kernel_writes_only_in_its_own_folder(course):
    """Its own folder is a private copy of the notebook's: not even a file it may write stays."""
    prowled = (course.root / "autograded" / "prowler" / "exercise1" / "exercise1.ipynb").read_text()
    assert prowled.count("write blocked: ") == 3  # the kernel did run the cell
    left = [
        p
        for folder in (course.root, course.home, course.outside)
        for name in ("escaped-marker", "inside-marker")
        for p in folder.rglob(name)
    ]
    assert left == []


def test_kernel_reads_neither_the_reference_nor_the_hidden_checks(course):
    for path, text in course.shown_to_anyone():
        assert REFERENCE_TEXT not in text, path
        assert HIDDEN_TEXT not in text, path
    prowled = (course.root / "autograded" / "prowler" / "exercise1" / "exercise1.ipynb").read_text()
    assert "read blocked: " in prowled and "find blocked: " in prowled


def test_kernel_has_no_network(course):
    with pytest.raises(BlockingIOError):
        course.listener.accept()
    prowled = (course.root / "autograded" / "prowler" / "exercise1" / "exercise1.ipynb").read_text()
    assert "network blocked: " in prowled


def test_kernel_leaves_no_process_behind(course):
    """The prowler's kernel left a setsid daemon: it must be gone once autograde is done."""
    assert leftover_processes() == []
