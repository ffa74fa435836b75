"""The grader's fingerprint: what two machines compare before one grades for the other, and
what a rerun compares to know a result is stale."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from autograder.batch.fingerprint import grader_fingerprint

COURSE_FOLDERS = ("solutions", "exercises")


def grader_copy(target: Path, installed: bool) -> Path:
    """The grader laid out as a checkout (course folders beside the package) or as installed
    (inside it); the folder to put on the path."""
    shutil.copytree(ROOT / "autograder", target / "autograder", ignore=shutil.ignore_patterns("__pycache__"))
    for name in COURSE_FOLDERS:
        inside = target / "autograder" / name if installed else target / name
        shutil.copytree(ROOT / name, inside, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def fingerprint_of(grader: Path) -> str:
    """The fingerprint a Python running the grader at ``grader`` computes."""
    code = "from autograder.batch.fingerprint import grader_fingerprint; print(grader_fingerprint())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=grader,
        env={**os.environ, "PYTHONPATH": str(grader)},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_a_checkout_and_the_installed_grader_have_one_fingerprint(tmp_path):
    checkout = grader_copy(tmp_path / "checkout", installed=False)
    installed = grader_copy(tmp_path / "installed", installed=True)
    (installed / "autograder" / "__pycache__").mkdir()
    (installed / "autograder" / "__pycache__" / "registry.cpython-311.pyc").write_bytes(b"bytecode")
    (installed / "autograder" / "solutions" / ".exercise1.py.swp").write_bytes(b"an editor's")
    assert fingerprint_of(checkout) == fingerprint_of(installed) == grader_fingerprint()


def test_another_edition_of_a_reference_is_another_grader(tmp_path):
    installed = grader_copy(tmp_path / "installed", installed=True)
    with open(installed / "autograder" / "solutions" / "exercise1.py", "a") as reference:
        reference.write("# the course's next edition\n")
    assert fingerprint_of(installed) != grader_fingerprint()
