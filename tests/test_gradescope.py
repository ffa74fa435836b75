"""Gradescope: results.json against a schema written from Gradescope's autograder
specification, and the bundle of `grade gradescope build` run end to end, unpacked into a
folder mounted at /autograder (bubblewrap), on a correct, a mistaken and a misnamed submission."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from autograder.batch.seeds import student_seed
from autograder.cli import main
from autograder.gradescope.run import student_id

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = ROOT / "tests" / "submissions"
GRADE = Path(sys.executable).parent / "grade"

# Gradescope's autograder specification, "Output format" (results.json): the keys it reads
# and the values it accepts; no other key at the top level or in a test.
VISIBILITY = {"enum": ["hidden", "after_due_date", "after_published", "visible"]}
OUTPUT_FORMAT = {"enum": ["text", "html", "simple_format", "md", "ansi"]}
TEST = {
    "type": "object",
    "properties": {
        "score": {"type": "number"},
        "max_score": {"type": "number"},
        "status": {"enum": ["passed", "failed"]},
        "name": {"type": "string"},
        "name_format": OUTPUT_FORMAT,
        "number": {"type": "string"},
        "output": {"type": "string"},
        "output_format": OUTPUT_FORMAT,
        "tags": {"type": "array", "items": {"type": "string"}},
        "visibility": VISIBILITY,
        "extra_data": {"type": "object"},
    },
    "required": ["score", "max_score", "name", "output"],
    "additionalProperties": False,
}
RESULTS_SCHEMA = {
    "type": "object",
    "properties": {
        "score": {"type": "number"},
        "execution_time": {"type": "number"},
        "output": {"type": "string"},
        "output_format": OUTPUT_FORMAT,
        "test_output_format": OUTPUT_FORMAT,
        "test_name_format": OUTPUT_FORMAT,
        "visibility": VISIBILITY,
        "stdout_visibility": VISIBILITY,
        "extra_data": {"type": "object"},
        "tests": {"type": "array", "items": TEST},
        "leaderboard": {"type": "array"},
    },
    "anyOf": [{"required": ["score"]}, {"required": ["tests"]}],
    "additionalProperties": False,
}


def valid(results: dict) -> dict:
    jsonschema.validate(results, RESULTS_SCHEMA)
    return results


def test_the_schema_refuses_what_gradescope_would():
    with pytest.raises(jsonschema.ValidationError):
        valid(
            {"score": 1, "tests": [{"score": 1, "max_score": 1, "name": "a", "output": "", "status": "ok"}]}
        )
    with pytest.raises(jsonschema.ValidationError):
        valid({"score": 1, "tests": [], "visibility": "later"})


@pytest.mark.parametrize("submission", ["correct", "mistaken"])
def test_grade_format_json_is_valid_markdown_with_tags(submission, tmp_path):
    path = (
        ROOT / "solutions" / "exercise3.py"
        if submission == "correct"
        else SUBMISSIONS / "exercise3" / "mistakes" / "log10.py"
    )
    out = tmp_path / "results.json"
    CliRunner().invoke(main, ["3", "-s", str(path), "--format", "json", "-o", str(out)])
    results = valid(json.loads(out.read_text()))
    assert results["output_format"] == "md"
    assert {t["output_format"] for t in results["tests"]} == {"md"}
    tags = {tag for t in results["tests"] for tag in t["tags"]}
    assert tags == (set() if submission == "correct" else {"log10"})
    hidden = [t for t in results["tests"] if t["extra_data"]["hidden"]]
    assert hidden and {t["visibility"] for t in hidden} == {"after_published"}
    assert f"{len(hidden)} hidden checks" in results["output"]


def test_student_text_stays_in_a_fence_it_cannot_close(tmp_path):
    """A submission printing backticks, HTML and Markdown: all of it inside one code block."""
    submission = tmp_path / "exercise1.py"
    submission.write_text(
        "print('````\\n<script>alert(1)</script>\\n# title\\n[x](javascript:alert(1))')\n"
        "raise ValueError('``` <img src=x onerror=alert(1)>')\n"
    )
    out = tmp_path / "results.json"
    CliRunner().invoke(main, ["1", "-s", str(submission), "--format", "json", "-o", str(out)])
    results = valid(json.loads(out.read_text()))
    for text in [results["output"], *(t["output"] for t in results["tests"])]:
        _assert_fenced(text, "<script>", "<img")


def _assert_fenced(markdown: str, *dangerous: str) -> None:
    """Every line holding a dangerous string lies between an opening fence and its close."""
    fence = None
    for line in markdown.split("\n"):
        if fence is None and line.startswith("```"):
            fence = line
        elif fence is not None and line == fence:
            fence = None
        elif fence is None:
            assert not any(d in line for d in dangerous), line


def test_student_id_is_the_users_ids():
    assert student_id({"users": [{"id": 42, "email": "a@example.com"}]}) == "42"
    assert student_id({"users": [{"id": "b"}, {"id": "a"}]}) == "a+b"
    assert student_id({}) == student_id({"users": "nonsense"}) == ""


# ---- the bundle ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> tuple[Path, bytes]:
    folder = tmp_path_factory.mktemp("bundle")
    secret = folder / "secret"
    secret.write_text("a course secret for the tests\n")
    done = subprocess.run(
        [str(GRADE), "gradescope", "build", "-o", str(folder / "autograder.zip"), "--secret-file", str(secret),
         "--hidden-visibility", "after_due_date", "--lang", "en"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return folder / "autograder.zip", b"a course secret for the tests"


def test_bundle_holds_what_gradescope_runs(bundle):
    path, secret = bundle
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        modes = {i.filename: i.external_attr >> 16 for i in archive.infolist()}
        assert {"setup.sh", "run_autograder", "requirements.txt"} <= names
        assert modes["setup.sh"] & stat.S_IXUSR and modes["run_autograder"] & stat.S_IXUSR
        assert "bubblewrap" in archive.read("setup.sh").decode()
        assert (
            archive.read("autograder/course-secret").strip() == secret
        )  # inside the package workers cannot read
        assert json.loads(archive.read("autograder/gradescope.json"))["hidden_visibility"] == "after_due_date"
        assert {"autograder/solutions/exercise3.py", "autograder/exercises/exercise3.py"} <= names
        assert not any("__pycache__" in n for n in names)


@pytest.mark.parametrize(
    "arguments",
    [["--hidden-visibility", "later"], [], ["-o"]],
    ids=["bad visibility", "no output", "output without a value"],
)
def test_build_refuses_bad_options(arguments, tmp_path):
    done = subprocess.run([str(GRADE), "gradescope", "build", *arguments], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "Error" in done.stderr


def test_build_into_a_missing_folder_says_so(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s\n")
    out = tmp_path / "no" / "such" / "autograder.zip"
    done = subprocess.run(
        [str(GRADE), "gradescope", "build", "-o", str(out), "--secret-file", str(secret)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2 and str(out) in done.stderr and "Traceback" not in done.stderr


def _run_autograder(bundle_zip: Path, tmp_path: Path, files: dict[str, Path], user: int) -> dict:
    """Unpack the bundle as Gradescope does, into a folder mounted at /autograder, and run its
    run_autograder there (setup.sh's installs are this test's venv, mounted at /autograder/venv)."""
    autograder = tmp_path / "autograder"
    (autograder / "source").mkdir(parents=True)
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(autograder / "source")
    for name in ("run_autograder", "setup.sh"):
        (autograder / "source" / name).chmod(0o755)
    shutil.copy(autograder / "source" / "run_autograder", autograder / "run_autograder")
    (autograder / "venv").mkdir()
    (autograder / "submission").mkdir()
    for name, source in files.items():
        shutil.copy(source, autograder / "submission" / name)
    (autograder / "submission_metadata.json").write_text(json.dumps({"users": [{"id": user, "name": "S"}]}))
    command = ["bwrap", "--die-with-parent", "--tmpfs", "/"]
    for entry in sorted(os.listdir("/")):
        if entry in ("proc", "dev", "sys", "tmp", "autograder"):
            continue
        if os.path.islink(f"/{entry}"):
            command += ["--symlink", os.readlink(f"/{entry}"), f"/{entry}"]
        else:
            command += ["--ro-bind", f"/{entry}", f"/{entry}"]
    command += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for needed in {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), ROOT}:
        if needed.is_relative_to("/tmp"):  # a CI venv: below the sandbox's own /tmp
            command += ["--ro-bind", str(needed), str(needed)]
    command += ["--bind", str(autograder), "/autograder", "--ro-bind", sys.prefix, "/autograder/venv"]
    command += ["/autograder/run_autograder"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return valid(json.loads((autograder / "results" / "results.json").read_text()))


needs_bubblewrap = pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap is not installed")


@needs_bubblewrap
def test_bundle_grades_a_correct_submission_with_the_students_seed(bundle, tmp_path):
    path, secret = bundle
    results = _run_autograder(
        path, tmp_path, {"exercise3.py": ROOT / "solutions" / "exercise3.py"}, user=4711
    )
    graded = [t for t in results["tests"] if t["extra_data"]["exercise"] == "exercise3"]
    assert graded and all(t["status"] == "passed" for t in graded)
    assert results["score"] == sum(t["max_score"] for t in graded)
    assert results["extra_data"]["seed"] == student_seed(secret, "4711")
    assert {t["visibility"] for t in graded if t["extra_data"]["hidden"]} == {"after_due_date"}
    assert "shown after the due date" in results["output"]


@needs_bubblewrap
def test_bundle_names_the_mistake_and_keeps_the_prints_inert(bundle, tmp_path):
    mistaken = tmp_path / "mistaken.py"
    mistaken.write_text(
        (SUBMISSIONS / "exercise3" / "mistakes" / "log10.py").read_text()
        + "\nprint('hello from the student <b>bold</b> ```')\n"
    )
    results = _run_autograder(bundle[0], tmp_path, {"exercise3.py": mistaken}, user=1)
    graded = [t for t in results["tests"] if t["extra_data"]["exercise"] == "exercise3"]
    assert any("log10" in t["tags"] for t in graded)
    assert 0 < results["score"] < sum(t["max_score"] for t in graded)
    assert "hello from the student" in results["output"]
    _assert_fenced(results["output"], "<b>")


@needs_bubblewrap
def test_bundle_scores_a_misnamed_file_zero_and_names_the_expected_files(bundle, tmp_path):
    results = _run_autograder(
        bundle[0], tmp_path, {"Exercise 3 (final).py": ROOT / "solutions" / "exercise3.py"}, user=2
    )
    assert results["score"] == 0
    graded = [t for t in results["tests"] if t["extra_data"]["exercise"] == "exercise3"]
    assert all(t["score"] == 0 for t in graded)
    assert "exercise3.py / exercise3.ipynb" in graded[0]["output"]
    assert "Exercise 3 (final).py" in graded[0]["output"]
