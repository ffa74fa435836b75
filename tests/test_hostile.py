"""Hostile submissions, under every tier that protects the grader on this machine.

For each: no inflated score, the expected clear message, no file outside the run
folder changed, the grader's files untouched, the reference and the grader's
environment never shown, no worker process left behind, and grading goes on.
"""

import hashlib
import json
import os
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PROTECTING, ROOT, grade_file, grade_file_warm, leftover_processes

from autograder.isolation import paths
from autograder.plain import plain
from autograder.registry import CHECKS_DIR, find
from autograder.worker.process import Limits

HOSTILE = Path(__file__).parent / "hostile"
QUICK = Limits(call_timeout=1.0, load_timeout=3.0)
REFERENCE = find("exercise1").reference_path
REFERENCE_LINE = "encoded[np.arange(labels.size), labels] = 1.0"  # a line only the reference has
SECRET = "s3cret-grader-value"


@dataclass(frozen=True)
class Expect:
    max_score: float
    says: str | tuple[str, ...] = ""  # a tuple: any one of them
    where: str = "checks"  # checks | load | printed

    def found_in(self, text: str) -> bool:
        return any(s in text for s in ((self.says,) if isinstance(self.says, str) else self.says))


# wrong values that leave the caller's arrays alone keep the check of just that (1 point)
UNCHANGED_INPUTS = 1

EXPECTED = {
    "infinite_loop.py": Expect(9, "did not return within 1 s"),
    "sleep_at_import.py": Expect(0, "took longer than 3 s", "load"),
    "memory_bomb.py": Expect(9, ("MemoryError", "did not return within 1 s")),
    "fork_bomb.py": Expect(9),
    "setsid_grandchild.py": Expect(9),
    "exit_at_import.py": Expect(0, "(exit code 0)", "load"),
    "sys_exit_in_function.py": Expect(9, "raised SystemExit"),
    "keyboard_interrupt.py": Expect(9, "raised KeyboardInterrupt"),
    "custom_base_exception.py": Expect(9, "raised Escape"),
    "monkeypatch_numpy.py": Expect(UNCHANGED_INPUTS, "expected shape"),
    "monkeypatch_grader.py": Expect(0),
    "always_true_eq.py": Expect(UNCHANGED_INPUTS, "object of type Anything"),
    "ndarray_subclass.py": Expect(UNCHANGED_INPUTS),
    "broadcasting_shapes.py": Expect(UNCHANGED_INPUTS, "expected shape (4, 4), got shape (4, 4, 1)"),
    "read_reference.py": Expect(9, "blocked"),
    "read_reference_by_handle.py": Expect(9, "blocked"),
    "read_hidden_checks.py": Expect(9, "blocked"),
    "search_for_reference.py": Expect(9, "found: []"),
    "write_fake_results.py": Expect(0, "not implemented yet"),
    "print_fake_score.py": Expect(0, "not implemented yet"),
    "print_a_gigabyte.py": Expect(9),
    "kill_the_grader.py": Expect(9),
    "ignore_sigterm.py": Expect(9, "did not return within 1 s"),
    "plant_startup_files.py": Expect(0, "not implemented yet"),
    "delete_files.py": Expect(0, "not implemented yet"),
    "segfault.py": Expect(9, "segmentation fault"),
    "recursion_bomb.py": Expect(9),
    "non_utf8_output.py": Expect(0, "\ufffd", "printed"),
    "syntax_error.py": Expect(0, "SyntaxError", "load"),
    "nul_bytes.py": Expect(0, "could not be imported", "load"),
    "broken_notebook.ipynb": Expect(0, "damaged", "load"),
    "notebook_shell_escapes.ipynb": Expect(10),
    "open_a_network_connection.py": Expect(9, "blocked"),
    "fill_the_disk.py": Expect(9),
    "thread_bomb.py": Expect(9),
    "forge_protocol_messages.py": Expect(9),
    "read_grader_secrets.py": Expect(9, "seen:"),
    "link_capture_to_reference.py": Expect(0, "not implemented yet"),
    "setsid_daemon.py": Expect(9),
    "fork_away_forever.py": Expect(9),
    "connect_to_a_unix_socket.py": Expect(9, "blocked"),
    "run_as_root.py": Expect(9, "runs unprivileged"),
    "fill_the_disk_in_many_files.py": Expect(9, "capped"),
}


def test_every_hostile_file_has_an_expected_outcome():
    assert sorted(EXPECTED) == sorted(p.name for p in HOSTILE.iterdir())
    assert len(EXPECTED) >= 30


@pytest.fixture
def listener():
    """A local server a submission must not reach."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    yield server
    server.close()


@pytest.fixture
def unix_listeners():
    """A UNIX socket at a path anyone may reach and an abstract one, both of this test: a
    submission must reach neither (the same path could be D-Bus's or Docker's socket)."""
    folder = Path(tempfile.mkdtemp(prefix="grade-test-socket-"))
    folder.chmod(0o755)
    servers = []
    for address in (str(folder / "listener"), f"\0grade-test-{os.getpid()}-{id(folder)}"):
        server = socket.socket(socket.AF_UNIX)
        server.bind(address)
        server.listen(1)
        servers.append(server)
    os.chmod(folder / "listener", 0o777)
    yield str(folder / "listener"), servers[1].getsockname()[1:].decode()
    for server in servers:
        server.close()
    shutil.rmtree(folder)


def fingerprint(*folders: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
@pytest.mark.parametrize("grading", [grade_file, grade_file_warm], ids=["own-worker", "class"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_submission(name, grading, tier, tmp_path, monkeypatch, listener, unix_listeners):
    expect = EXPECTED[name]
    outside = tmp_path / "outside"
    outside.mkdir()
    sentinel = outside / "sentinel.txt"
    sentinel.write_text("keep me")
    marker = outside / "marker"
    substitutions = {
        "{REFERENCE}": str(REFERENCE),
        "{HIDDEN}": str(CHECKS_DIR / "exercise1" / "test_exercise1.py"),
        "{OUTSIDE}": str(outside),
        "{SENTINEL}": str(sentinel),
        "{MARKER}": str(marker),
        "{PORT}": str(listener.getsockname()[1]),
        "{GRADER}": str(outside / "grader"),
        "{UNIX_SOCKET}": unix_listeners[0],
        "{ABSTRACT_SOCKET}": unix_listeners[1],
    }
    text = (HOSTILE / name).read_bytes()
    for key, value in substitutions.items():
        text = text.replace(key.encode(), value.encode())
    submission = tmp_path / f"exercise1{Path(name).suffix}"
    submission.write_bytes(text)
    monkeypatch.setenv("GRADER_SECRET", SECRET)
    grader_files = fingerprint(ROOT / "autograder", ROOT / "solutions")
    site_packages = sorted(p.name for p in Path(paths.library_roots()[-1]).rglob("*.pth"))

    started = time.monotonic()
    result = grading("exercise1", submission, limits=QUICK)
    assert time.monotonic() - started < 60

    assert result.score <= expect.max_score
    if expect.where == "load":
        assert expect.found_in(result.load_error.summary.en), result.load_error.summary.en
    elif expect.where == "printed":
        assert expect.found_in(result.printed), result.printed
    elif expect.says:
        assert any(expect.found_in(c.failure.summary.en) for c in result.checks if c.failure), [
            c.failure.summary.en for c in result.checks if c.failure
        ]
    shown = json.dumps(plain(result), ensure_ascii=False)
    assert REFERENCE_LINE not in shown and "LEAKED" not in shown and "CONNECTED" not in shown
    assert SECRET not in shown
    assert len(result.printed) < 5000

    assert leftover_processes() == []
    assert sorted(p.name for p in outside.iterdir()) == ["sentinel.txt"]
    assert sentinel.read_text() == "keep me"
    assert fingerprint(ROOT / "autograder", ROOT / "solutions") == grader_files
    assert sorted(p.name for p in Path(paths.library_roots()[-1]).rglob("*.pth")) == site_packages
