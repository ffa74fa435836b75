"""The wheel: the course folders installed inside the grader's package, never as top-level
packages of their own, and a grader that works from it.

The wheel is built from a copy of the project (a build writes into its source folder) and
installed in a fresh venv, with the grader's dependencies hard-linked from this environment
(no download).
"""

import importlib.metadata
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement

from autograder.registry import CHECKS_DIR, all_exercises

PROJECT = "cross-entropy-autograder"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("autograder", "solutions", "exercises"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, source],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return next(out.glob("*.whl"))


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    site_packages = next(venv.glob("lib/python*/site-packages"))
    for distribution in dependencies(PROJECT):
        link_files(distribution, site_packages)
    pip = [sys.executable, "-m", "pip", "--python", venv / "bin" / "python"]
    installed = subprocess.run(
        [*pip, "install", "-q", "--no-deps", "--no-index", wheel],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    return venv


def dependencies(project: str) -> list[importlib.metadata.Distribution]:
    """The installed distributions ``project`` needs, without its extras, itself excluded."""
    found: dict[str, importlib.metadata.Distribution] = {}
    todo = [Requirement(r) for r in importlib.metadata.requires(project) or []]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        distribution = importlib.metadata.distribution(requirement.name)
        name = distribution.metadata["Name"].lower()
        if name not in found:
            found[name] = distribution
            todo += [Requirement(r) for r in distribution.requires or []]
    return list(found.values())


def link_files(distribution: importlib.metadata.Distribution, site_packages: Path) -> None:
    for file in distribution.files or []:
        if file.parts[0] == "..":  # scripts: the grader needs none
            continue
        target = site_packages / file
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(Path(str(distribution.locate_file(file))), target)
        except OSError:  # another file system
            shutil.copy2(Path(str(distribution.locate_file(file))), target)


def test_the_wheel_holds_the_course_folders_inside_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {n.split("/")[0] for n in names if ".dist-info/" not in n} == {"autograder"}
    for exercise in all_exercises():
        assert f"autograder/solutions/{exercise.name}.py" in names
        assert f"autograder/exercises/{exercise.name}.py" in names
        for path in (CHECKS_DIR / exercise.name).glob("*.py"):
            assert path.relative_to(ROOT).as_posix() in names


LOOK_UP = """
import importlib.util
from autograder.registry import find
print(importlib.util.find_spec("solutions"), importlib.util.find_spec("exercises"))
print(find("3").reference_path)
print(find("3").stub_path)
"""


def test_the_installed_grader_finds_its_course_folders_and_no_top_level_ones(venv):
    where = subprocess.run([venv / "bin" / "python", "-I", "-c", LOOK_UP], capture_output=True, text=True)
    assert where.returncode == 0, where.stderr
    package = next(venv.glob("lib/python*/site-packages/autograder"))
    assert where.stdout.splitlines() == [
        "None None",
        str(package / "solutions" / "exercise3.py"),
        str(package / "exercises" / "exercise3.py"),
    ]


@pytest.mark.parametrize(
    ("submission", "code", "shown"),
    [("solutions", 0, "All checks passed."), ("exercises", 1, "not implemented yet")],
)
def test_the_installed_grade_grades_a_course_folder(venv, tmp_path, submission, code, shown):
    (tmp_path / "exercises").mkdir()
    shutil.copy(ROOT / submission / "exercise3.py", tmp_path / "exercises" / "exercise3.py")
    done = subprocess.run(
        [venv / "bin" / "grade", "3", "--lang", "en"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == code, done.stdout[-2000:] + done.stderr[-2000:]
    assert shown in done.stdout


def test_a_release_made_by_the_installed_grader_ships_no_course_folder_of_the_package(venv, tmp_path):
    done = subprocess.run(
        [venv / "bin" / "grade", "release", tmp_path / "out"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    shipped = [p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*")]
    assert not any("solutions" in p.parts for p in shipped)
    assert not (tmp_path / "out" / "autograder" / "exercises").exists()
    assert (tmp_path / "out" / "exercises" / "exercise3.py").is_file()
