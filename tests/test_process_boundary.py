"""Student code runs in a limited worker process; the grader survives whatever it does."""

import os
import textwrap

import pytest
from conftest import ROOT, grade_file

from autograder.isolation import tiers
from autograder.registry import find
from autograder.session import WorkerSession
from autograder.student import StudentModule
from autograder.worker.process import Limits, scrubbed_environment

SOLUTION = (ROOT / "solutions" / "exercise1.py").read_text()
QUICK = Limits(call_timeout=1.0, load_timeout=3.0)


def submission(tmp_path, source: str):
    path = tmp_path / "exercise1.py"
    path.write_text(textwrap.dedent(source))
    return path


def with_one_hot(body: str) -> str:
    """The reference solution, with one_hot replaced by ``body``."""
    head, _, rest = SOLUTION.partition("def one_hot(labels, num_classes):")
    _, _, tail = rest.partition("\n\n\n")
    return (
        head
        + "def one_hot(labels, num_classes):\n"
        + textwrap.indent(textwrap.dedent(body), "    ")
        + "\n\n\n"
        + tail
    )


def test_endless_loop_fails_its_check_and_grading_goes_on(tmp_path):
    result = grade_file(
        "exercise1", submission(tmp_path, with_one_hot("while True:\n    pass")), limits=QUICK
    )
    one_hot = result.checks[0]
    assert not one_hot.passed
    assert "did not return within 1 s" in one_hot.failure.summary.en
    assert result.score == 9


def test_crashing_worker_is_replaced(tmp_path):
    result = grade_file(
        "exercise1", submission(tmp_path, with_one_hot("import os\nos._exit(3)")), limits=QUICK
    )
    assert "stopped the process running your code (exit code 3)" in result.checks[0].failure.summary.en
    assert result.score == 9


def test_segfault_is_reported_by_name(tmp_path):
    source = with_one_hot("import ctypes\nctypes.string_at(0)")
    result = grade_file("exercise1", submission(tmp_path, source), limits=QUICK)
    assert "segmentation fault" in result.checks[0].failure.summary.en
    assert result.score == 9


def test_slow_import_is_not_graded(tmp_path):
    result = grade_file("exercise1", submission(tmp_path, "import time\ntime.sleep(30)\n"), limits=QUICK)
    assert result.score == 0
    assert "took longer than 3 s" in result.load_error.summary.en


def test_exit_at_import_is_not_graded(tmp_path):
    result = grade_file("exercise1", submission(tmp_path, "raise SystemExit(0)\n"), limits=QUICK)
    assert result.score == 0
    assert "could not be imported: SystemExit" in result.load_error.summary.en


def test_memory_bomb_fails_its_check_only(tmp_path):
    source = with_one_hot("return bytearray(8 * 1024**3)")
    result = grade_file("exercise1", submission(tmp_path, source), limits=QUICK)
    assert "MemoryError" in result.checks[0].failure.summary.en
    assert result.score == 9


def test_student_traceback_shows_only_student_frames(tmp_path):
    source = with_one_hot("def helper():\n    return 1 / 0\nreturn helper()")
    path = submission(tmp_path, source)
    failure = grade_file("exercise1", path).checks[0].failure
    assert "ZeroDivisionError" in failure.summary.en
    assert f'File "{path}"' in failure.traceback
    assert "in helper" in failure.traceback
    assert "autograder" not in failure.traceback and "main.py" not in failure.traceback


def test_prints_are_kept_apart_from_the_report(tmp_path, capfd):
    source = "print('at import')\n" + with_one_hot(
        "print('inside')\nimport numpy as np\nreturn np.eye(num_classes)[labels]"
    )
    result = grade_file("exercise1", submission(tmp_path, source))
    assert "at import" in result.printed and "inside" in result.printed
    captured = capfd.readouterr()
    assert "at import" not in captured.out + captured.err


@pytest.mark.parametrize("tier", tiers.available_tiers())
def test_worker_sees_exactly_the_scrubbed_environment(tier, monkeypatch):
    monkeypatch.setenv("GRADER_SECRET", "s3cret")
    monkeypatch.setenv("GRADE_ISOLATION", tier)
    tiers.detect.cache_clear()
    source = b"import os\ndef one_hot(labels, num_classes):\n    return dict(os.environ)\n"
    session = WorkerSession(source, "exercise1")
    try:
        seen = StudentModule(session, find("exercise1").context()).one_hot([0], 1)
    finally:
        session.close()
        tiers.detect.cache_clear()
    expected = scrubbed_environment(session.run_dir)
    assert {k: v for k, v in seen.items() if k in expected} == expected
    assert "GRADER_SECRET" not in seen


def test_objects_that_are_not_plain_data_do_not_cross(tmp_path):
    source = with_one_hot("class Always:\n    def __eq__(self, other):\n        return True\nreturn Always()")
    failure = grade_file("exercise1", submission(tmp_path, source)).checks[0].failure
    assert "expected numbers, got an object of type Always" in failure.summary.en


def test_worker_is_gone_after_grading(tmp_path):
    session = WorkerSession(SOLUTION.encode(), "exercise1")
    StudentModule(session, find("exercise1").context()).one_hot([0], 2)
    pid = session._worker.process.pid
    session.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not session.run_dir.exists()
