"""Grading a class on an existing Dask cluster (``grade batch --dask ADDRESS``).

The unit of work is a shard of students, never one submission: a task carries its students'
work as bytes (seeds already derived here, so the course secret stays on this machine), grades
them with a local :class:`ClassGrader` on the worker and sends back each GradeRun as the result
model's plain data. A worker whose grader differs from this one grades nothing. Dask itself
is imported only here, and only when a cluster is used (the ``dask`` extra).
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import GradeError
from ..i18n import Text
from ..inert import inert
from ..registry import Exercise
from ..results import GRADE_RUN_SCHEMA, GradeRun
from ..worker.process import Limits
from .engine import ClassGrader
from .fingerprint import grader_fingerprint, runtime
from .stopped import not_graded_error
from .work import StudentWork

if TYPE_CHECKING:
    from distributed import Client, Future

CONNECT_SECONDS = 5  # to reach the scheduler
WORKERS_SECONDS = 60  # for a first worker to join a scheduler that has none
SHARD_SMALLEST, SHARD_LARGEST = 50, 200  # students per task
TASKS_PER_THREAD = 4  # enough tasks that the last ones to finish leave few threads idle
NO_DASK = Text(
    'Grading on a Dask cluster needs Dask, which is not installed: pip install "cross-entropy-autograder[dask]"',
    '在 Dask 集群上评分需要 Dask，但尚未安装：pip install "cross-entropy-autograder[dask]"',
)
NO_SCHEDULER = Text(
    "Could not reach a Dask scheduler at {address} within {seconds} seconds ({error}). "
    "Start one there with `dask scheduler`, or give its address as tcp://host:8786.",
    "在 {seconds} 秒内无法连接 {address} 上的 Dask 调度器（{error}）。"
    "请先在该处运行 `dask scheduler`，或以 tcp://host:8786 的形式给出其地址。",
)
NO_WORKERS = Text(
    "The Dask scheduler at {address} has had no worker for {seconds} seconds. "
    "Start workers on the grading machines with `dask worker {address}`.",
    "{address} 上的 Dask 调度器在 {seconds} 秒内没有任何工作进程。"
    "请在评分机器上运行 `dask worker {address}` 启动工作进程。",
)
OTHER_GRADER = Text(
    "The Dask worker {worker} runs another grader than this machine's ({theirs} on {their_runtime}; "
    "here {ours} on {our_runtime}): it graded nothing. Install the same version of the grader and "
    "the course, on the same Python and numpy, on every worker, then run again.",
    "Dask 工作进程 {worker} 上的评分程序与本机不同（对方为 {theirs}，运行于 {their_runtime}；"
    "本机为 {ours}，运行于 {our_runtime}），因此未评分。请在每个工作进程上安装相同版本的评分程序和课程，"
    "并使用相同的 Python 与 numpy，然后重新运行。",
)
WORKER_DIED = Text(
    "their Dask worker died while grading them, each time Dask retried",
    "每次 Dask 重试时，为他们评分的工作进程都中途退出",
)
CANCELLED = Text("the cluster dropped their task", "集群丢弃了他们的任务")
TASK_FAILED = Text("their task failed on the worker: {error}", "他们的任务在工作进程上出错：{error}")


class ShardDone(TypedDict):
    """What a task sends back: plain data, and which grader made it where."""

    worker: str
    grader: str  # the worker's grader_fingerprint()
    runtime: str  # and what it runs on, for a message when the fingerprints differ
    runs: list[tuple[str, dict[str, Any]]]  # (student, GRADE_RUN_SCHEMA's data); none when refused


class DaskGrader:
    """ClassGrader's ``grade``, run as shards of students on the Dask cluster at ``address``;
    use as a context manager (it holds the connection to the scheduler)."""

    def __init__(self, address: str, exercises: list[Exercise], limits: Limits = Limits()) -> None:
        self.address = address
        self.exercises = exercises
        self.limits = limits
        self._client: Client | None = None

    def __enter__(self) -> DaskGrader:
        self._client = connect(self.address)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def grade(self, students: Iterable[StudentWork]) -> Iterator[tuple[str, GradeRun]]:
        """(student id, their GradeRun) for each student, shard by shard as shards finish. Students
        whose shard could not be graded come last, as one GradeError naming them."""
        from distributed import as_completed

        if self._client is None:
            raise RuntimeError("DaskGrader.grade outside its with block")
        client = self._client
        ours = grader_fingerprint()
        threads = sum(client.nthreads().values())
        pending: dict[Future, list[StudentWork]] = {
            client.submit(grade_shard, ours, self.exercises, self.limits, shard, pure=False): shard
            for shard in shards(list(students), threads)
        }
        not_graded: list[tuple[list[StudentWork], Text]] = []
        try:
            for future in as_completed(list(pending), loop=client.loop):
                shard = pending.pop(future)
                if future.status != "finished":
                    not_graded.append((shard, _why_failed(future)))
                    continue
                done: ShardDone = future.result()
                future.release()
                if done["grader"] != ours:
                    raise GradeError(
                        OTHER_GRADER.format(
                            worker=done["worker"],
                            theirs=done["grader"][:12],
                            their_runtime=done["runtime"],
                            ours=ours[:12],
                            our_runtime=runtime(),
                        )
                    )
                for student, data in done["runs"]:
                    yield student, GRADE_RUN_SCHEMA.load(data)
        finally:
            client.cancel(list(pending))
        if not_graded:
            raise not_graded_error(not_graded)


def connect(address: str) -> Client:
    """A client of the scheduler at ``address`` that has at least one worker."""
    try:
        from distributed import Client
    except ImportError:
        raise GradeError(NO_DASK) from None
    try:
        asyncio.run(_handshake(address))
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as error:  # anything at all may answer at a wrong address
        reason = _described(error)
        raise GradeError(
            NO_SCHEDULER.format(address=address, seconds=CONNECT_SECONDS, error=reason)
        ) from None
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except (TimeoutError, asyncio.TimeoutError):  # two classes before Python 3.11
        client.close()
        raise GradeError(NO_WORKERS.format(address=address, seconds=WORKERS_SECONDS)) from None
    return client


async def _handshake(address: str) -> None:
    """Greet whatever listens at ``address`` as Dask does, within CONNECT_SECONDS: Dask's own
    client waits for ever on a server that accepts and never answers (a dashboard's port)."""
    from distributed.comm import connect as open_comm

    comm = await asyncio.wait_for(open_comm(address, timeout=CONNECT_SECONDS), CONNECT_SECONDS)
    await comm.close()


def shards(students: list[StudentWork], threads: int) -> list[list[StudentWork]]:
    """The students in consecutive shards of nearly equal size, each of 50 to 200 students
    (one smaller shard when the class is): a few tasks per worker thread when the class allows."""
    if not students:
        return []
    most = max(1, len(students) // SHARD_SMALLEST)
    fewest = math.ceil(len(students) / SHARD_LARGEST)
    count = min(max(threads * TASKS_PER_THREAD, fewest), most)
    size, larger = divmod(len(students), count)
    bounds = [i * size + min(i, larger) for i in range(count + 1)]
    return [students[start:end] for start, end in itertools.pairwise(bounds)]


def grade_shard(
    grader: str, exercises: list[Exercise], limits: Limits, students: list[StudentWork]
) -> ShardDone:
    """A Dask task: grade ``students`` on this worker, unless its grader is not ``grader``."""
    from distributed import get_worker

    worker = get_worker().address
    here = grader_fingerprint()
    if here != grader:
        return ShardDone(worker=worker, grader=here, runtime=runtime(), runs=[])
    with ClassGrader(exercises, jobs=1, limits=limits) as local:
        runs = [(student, GRADE_RUN_SCHEMA.dump(run)) for student, run in local.grade(students)]
    return ShardDone(worker=worker, grader=here, runtime=runtime(), runs=runs)


def _why_failed(future: Future) -> Text:
    from distributed import KilledWorker

    if future.status == "cancelled":
        return CANCELLED
    error = future.exception()
    if isinstance(error, KilledWorker):
        return WORKER_DIED
    return TASK_FAILED.format(error=_described(error))


def _described(error: BaseException | None) -> str:
    """An error from another machine or whatever answered at an address, safe to show."""
    kind = type(error).__name__
    return inert(f"{kind}: {error}"[:300] if str(error) else kind)
