"""Folders and file names with spaces and Chinese characters: as a student's submission (a
file, a folder, a notebook), as a class's folders for `grade batch`, and as the place the
grader itself lives, under every isolation tier this machine has."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.isolation.tiers import available_tiers

ROOT = Path(__file__).resolve().parent.parent
GRADE = str(Path(sys.executable).parent / "grade")
MISTAKEN = ROOT / "tests" / "submissions" / "exercise3" / "mistakes" / "log10.py"
ENV = {**os.environ, "GRADE_LANG": "en"}


def grade(*arguments: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GRADE, *arguments], capture_output=True, text=True, cwd=cwd, env=env or ENV)


@pytest.fixture
def homework(tmp_path) -> Path:
    folder = tmp_path / "作业 3" / "第 1 周"
    folder.mkdir(parents=True)
    shutil.copy(MISTAKEN, folder / "exercise3.py")
    shutil.copy(ROOT / "solutions" / "exercise1.py", folder / "exercise1.py")
    return folder


def test_a_file_and_a_folder_with_spaces_and_chinese(homework, tmp_path):
    done = grade("3", "--submission", str(homework / "exercise3.py"), cwd=tmp_path)
    assert done.returncode == 1 and "[log10]" in done.stdout, done.stderr
    relative = grade("3", "-s", "作业 3/第 1 周/exercise3.py", cwd=tmp_path)
    assert relative.stdout == done.stdout
    everything = grade("all", "--submission", str(homework), "--format", "json", cwd=tmp_path)
    scores = {t["extra_data"]["exercise"] for t in json.loads(everything.stdout)["tests"] if t["score"] > 0}
    assert scores == {"exercise1", "exercise3"}


def test_a_notebook_in_such_a_folder(homework, tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(MISTAKEN.read_text())]
    path = homework / "练习 三.ipynb"
    nbformat.write(notebook, path)
    done = grade("3", "-s", str(path), cwd=tmp_path)
    assert done.returncode == 1 and "[log10]" in done.stdout, done.stderr


def test_a_traceback_names_the_file_as_the_student_knows_it(homework, tmp_path):
    (homework / "exercise3.py").write_text("import numpy as np\nraise ValueError('oops')\n")
    done = grade("3", "-s", "作业 3/第 1 周/exercise3.py", cwd=tmp_path)
    assert 'File "作业 3/第 1 周/exercise3.py", line 2' in done.stdout


def test_batch_over_such_folders(tmp_path):
    classroom = tmp_path / "班级 A"
    for student in ("张 三", "li si"):
        (classroom / student).mkdir(parents=True)
        shutil.copy(ROOT / "solutions" / "exercise1.py", classroom / student / "exercise1.py")
    out = tmp_path / "输出 B"
    done = grade(
        "batch", str(classroom), "-o", str(out), "--exercises", "1", "--jobs", "1",
        "--secret-file", str(tmp_path / "密钥 文件"), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    gradebook = (out / "gradebook.csv").read_text(encoding="utf-8")
    assert "张 三" in gradebook and "li si" in gradebook


@pytest.mark.parametrize("tier", available_tiers())
def test_the_grader_itself_in_such_a_folder(tier, tmp_path):
    """The package copied as installed (references and stubs inside it) below a folder with a
    space and Chinese characters, run from there."""
    home = tmp_path / "课程 代码"
    shutil.copytree(ROOT / "autograder", home / "autograder", ignore=shutil.ignore_patterns("__pycache__"))
    for course in ("solutions", "exercises"):
        shutil.copytree(
            ROOT / course, home / "autograder" / course, ignore=shutil.ignore_patterns("__pycache__")
        )
    env = {**ENV, "PYTHONPATH": str(home), "GRADE_ISOLATION": tier}
    found = subprocess.run(
        [sys.executable, "-c", "import autograder; print(autograder.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert found.stdout.strip() == str(home / "autograder" / "__init__.py")
    done = subprocess.run(
        [sys.executable, "-m", "autograder", "3", "-s", str(MISTAKEN), "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    results = json.loads(done.stdout)
    assert results["extra_data"]["isolation"] == tier
    assert any("log10" in t["tags"] for t in results["tests"])
