"""Grading a class on a real Dask cluster: a `dask scheduler` and `dask worker` processes on
127.0.0.1, started here from this environment's own `dask` and killed (whole process groups)
when each test is done."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS
from distributed import Client, get_task_stream

from autograder.batch import distributed as dask_grading
from autograder.batch.distributed import DaskGrader, shards
from autograder.batch.engine import ClassGrader
from autograder.batch.fingerprint import runtime
from autograder.batch.work import StudentWork
from autograder.errors import EXIT_NOT_GRADED, GradeError
from autograder.i18n import Text
from autograder.registry import find
from autograder.submission import Source
from autograder.worker.process import Limits
from autograder.worker.tree import kill_tree, reap

DASK = Path(sys.executable).parent / "dask"
STARTING = 120  # seconds a process may take to start before the test gives up on it
EXERCISES = [find("exercise1"), find("exercise3")]
UNREADABLE = Text("The file could not be read.", "无法读取该文件。")


def handed_in(exercise: str, kind: str, name: str) -> Source:
    path = SUBMISSIONS / exercise / kind / name
    return Source(path.read_bytes(), path.name)


CLASS = [
    StudentWork(
        "alice",
        101,
        {
            "exercise1": handed_in("exercise1", "correct", "vectorised.py"),
            "exercise3": handed_in("exercise3", "correct", "loops_and_math.py"),
        },
    ),
    StudentWork(
        "bob",
        202,
        {
            "exercise1": handed_in("exercise1", "mistakes", "log10.py"),
            "exercise3": handed_in("exercise3", "mistakes", "grad-sign.py"),
        },
    ),
    StudentWork("carol", 303, {"exercise3": handed_in("exercise3", "mistakes", "no-clip.py")}),
    StudentWork(
        "dave",
        404,
        {"exercise1": UNREADABLE, "exercise3": handed_in("exercise3", "uncatalogued", "bce_ignores_eps.py")},
    ),
]


def absent_class(size: int, first: int = 0) -> list[StudentWork]:
    """Students who handed in nothing: grading them starts no process, so only the shards cost."""
    return [StudentWork(f"student{i:04}", i, {}) for i in range(first, first + size)]


class Cluster:
    """A scheduler on 127.0.0.1 and the workers added to it, each in its own process group."""

    def __init__(self, folder: Path, **environment: str) -> None:
        self.folder = folder
        self.processes: dict[str, subprocess.Popen] = {}
        scheduler_file = folder / "scheduler.json"
        self._start(
            "scheduler",
            ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"],
            ["--scheduler-file", str(scheduler_file)],
            environment,
        )
        self.address = self._until(lambda: _address_in(scheduler_file), "the scheduler to write its address")
        self.client = Client(self.address, set_as_default=False)

    def add_worker(self, name: str, pythonpath: Path | None = None) -> None:
        """A worker of two threads (with its nanny, as teachers run them); ``pythonpath`` puts
        another grader ahead of this one."""
        environment = {"PYTHONPATH": str(pythonpath)} if pythonpath else {}
        options = ["--name", name, "--nthreads", "2", "--no-dashboard"]
        self._start(
            name,
            ["worker", self.address, *options],
            ["--local-directory", str(self.folder / name)],
            environment,
        )
        self._until(lambda: name in self.worker_names(), f"worker {name} to register")

    def worker_names(self) -> dict[str, str]:
        """Registered workers: name → address."""
        workers = self.client.scheduler_info()["workers"]
        return {info["name"]: address for address, info in workers.items()}

    def kill(self, name: str) -> None:
        """Kill the process and every process below it, its nanny's worker and the grading's
        sandboxes (in sessions of their own) alike."""
        process = self.processes.pop(name)
        killed = kill_tree(process.pid)
        process.wait()
        reap(killed)

    def close(self) -> None:
        self.client.close()
        for name in list(self.processes):
            self.kill(name)

    def _start(self, name: str, arguments: list[str], paths: list[str], environment: dict[str, str]) -> None:
        log = open(self.folder / f"{name}.log", "wb")  # noqa: SIM115 - the process holds it
        self.processes[name] = subprocess.Popen(
            [str(DASK), *arguments, *paths],
            cwd=self.folder,
            env={**os.environ, **environment},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def _until(self, found, what: str):
        """Poll ``found`` until it gives something; fail if a process of ours ended meanwhile."""
        deadline = time.monotonic() + STARTING
        while (value := found()) is None or value is False:
            ended = [name for name, process in self.processes.items() if process.poll() is not None]
            if ended or time.monotonic() > deadline:
                logs = {
                    name: (self.folder / f"{name}.log").read_text(errors="replace")[-2000:] for name in ended
                }
                pytest.fail(f"waited in vain for {what}; ended: {ended}\n{logs}")
            time.sleep(0.1)
        return value


def _address_in(scheduler_file: Path) -> str | None:
    try:
        return json.loads(scheduler_file.read_text())["address"]
    except (OSError, ValueError, KeyError):
        return None  # not written yet, or not whole yet


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    running = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        running.add_worker("first")
        running.add_worker("second")
        yield running
    finally:
        running.close()


@pytest.fixture
def bare_cluster(tmp_path):
    """A scheduler that allows no task to outlive its worker: its one try fails the task."""
    running = Cluster(tmp_path, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="0")
    try:
        yield running
    finally:
        running.close()


def comparable(run):
    return replace(run, execution_time=0.0)


def test_a_class_graded_on_the_cluster_equals_the_class_graded_here(cluster):
    with DaskGrader(cluster.address, EXERCISES) as grader:
        remote = dict(grader.grade(CLASS))
    with ClassGrader(EXERCISES) as grader:
        local = dict(grader.grade(CLASS))
    assert sorted(remote) == sorted(local) == ["alice", "bob", "carol", "dave"]
    assert {student: run.seed for student, run in remote.items()} == {w.student: w.seed for w in CLASS}
    assert {student: comparable(run) for student, run in remote.items()} == {
        student: comparable(run) for student, run in local.items()
    }
    assert remote["alice"].passed and not remote["bob"].passed
    assert remote["carol"].exercises[0].load_error is not None


def test_shards_of_many_students_travel_not_single_submissions(cluster):
    students = absent_class(120)
    with get_task_stream(cluster.client) as stream, DaskGrader(cluster.address, EXERCISES) as grader:
        graded = dict(grader.grade(students))
    assert {student: run.seed for student, run in graded.items()} == {w.student: w.seed for w in students}
    tasks = [task for task in stream.data if str(task["key"]).startswith("grade_shard-")]
    assert len(tasks) == 2  # 60 students each: two shards, the fewest students a shard may have


def test_shards_hold_50_to_200_students_and_a_few_per_worker_thread():
    def sizes(count: int, threads: int) -> list[int]:
        return [len(shard) for shard in shards(absent_class(count), threads)]

    assert sizes(10_000, 8) == [200] * 50
    assert sizes(10_000, 64) == [50] * 200
    assert sizes(2_000, 4) == [125] * 16
    assert sizes(120, 4) == [60, 60]
    assert sizes(101, 1) == [51, 50]
    assert sizes(30, 4) == [30]
    assert sizes(0, 4) == []
    students = absent_class(1_234)
    assert [w for shard in shards(students, 3) for w in shard] == students


def test_a_worker_running_another_grader_grades_nothing(bare_cluster, tmp_path):
    other = tmp_path / "other"
    for folder in ("autograder", "solutions", "exercises"):
        shutil.copytree(ROOT / folder, other / folder, ignore=shutil.ignore_patterns("__pycache__"))
    with open(other / "solutions" / "exercise1.py", "a") as reference:
        reference.write("# the course's next edition\n")
    bare_cluster.add_worker("other", pythonpath=other)
    graded = []
    with pytest.raises(GradeError) as refused, DaskGrader(bare_cluster.address, EXERCISES) as grader:
        graded.extend(grader.grade(CLASS))
    assert graded == []
    assert "runs another grader" in refused.value.message.en
    assert f"on {runtime()}; here" in refused.value.message.en
    assert "评分程序与本机不同" in refused.value.message.zh


def test_a_shard_whose_worker_died_is_reported_and_the_other_shards_kept(bare_cluster):
    bare_cluster.add_worker("only")
    sleeper = Source(b"import time\ntime.sleep(3600)\n", "exercise1.py")
    students = [*absent_class(50), StudentWork("sleeper", 50, {"exercise1": sleeper}), *absent_class(49, 51)]
    patient = Limits(load_timeout=3600)
    with DaskGrader(bare_cluster.address, EXERCISES, patient) as grader:
        graded = grader.grade(students)
        first = [next(graded) for _ in range(50)]
        assert [student for student, _ in first] == [w.student for w in students[:50]]
        # the other shard is on the worker, its first student asleep: kill the worker under it
        bare_cluster._until(lambda: any(bare_cluster.client.processing().values()), "the second shard to run")
        bare_cluster.kill("only")
        with pytest.raises(GradeError) as failed:
            next(graded)
    message = failed.value.message
    assert "50 students could not be graded (sleeper, student0051" in message.en
    assert "worker died" in message.en and "工作进程都中途退出" in message.zh
    assert "run the same command again" in message.en


def test_a_scheduler_without_workers_is_a_grade_error(bare_cluster, monkeypatch):
    monkeypatch.setattr(dask_grading, "WORKERS_SECONDS", 1)
    with pytest.raises(GradeError) as refused, DaskGrader(bare_cluster.address, EXERCISES):
        pass
    assert f"dask worker {bare_cluster.address}" in refused.value.message.en
    assert refused.value.exit_code == EXIT_NOT_GRADED


def test_an_address_where_no_scheduler_answers_is_a_grade_error(monkeypatch):
    monkeypatch.setattr(dask_grading, "CONNECT_SECONDS", 1)
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts connections, never answers
        with socket.create_server(("127.0.0.1", 0)) as closed:
            closed_port = closed.getsockname()[1]
        for port in (silent.getsockname()[1], closed_port):
            address = f"tcp://127.0.0.1:{port}"
            with pytest.raises(GradeError) as refused, DaskGrader(address, EXERCISES):
                pass
            assert f"Could not reach a Dask scheduler at {address}" in refused.value.message.en
            assert "无法连接" in refused.value.message.zh


def test_without_dask_the_message_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    with pytest.raises(GradeError) as refused, DaskGrader("tcp://127.0.0.1:8786", EXERCISES):
        pass
    assert 'pip install "cross-entropy-autograder[dask]"' in refused.value.message.en
    assert 'pip install "cross-entropy-autograder[dask]"' in refused.value.message.zh
