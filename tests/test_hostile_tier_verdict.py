"""A remembered bubblewrap verdict spares each grading the probe, and never weakens isolation.

Through the installed `grade`, a fresh process each time, with this test's own cache folder
(XDG_CACHE_HOME) and a `bwrap` of its own first on PATH: a wrapper that logs how it is run
and runs the real one, or a broken one that fails as bubblewrap does where it cannot start a
sandbox. "Works" is remembered and believed while the facts it was found under hold; a
verdict file anyone else could have written is ignored; a remembered "works" that turns out
false makes the grader probe again and grade under the tier it finds, and GRADE_ISOLATION
asking for bubblewrap then gets an error, not a weaker tier.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, leftover_processes

from autograder.isolation import tiers, verdict

GRADE = Path(sys.executable).parent / "grade"
SOLUTION = ROOT / "solutions" / "exercise1.py"
AS_ROOT = os.geteuid() == 0
BUBBLEWRAP_TIER = "bubblewrap-uid" if AS_ROOT else "bubblewrap"
REAL_BWRAP = shutil.which("bwrap")
PROBE = "--ro-bind / /"  # the probe's sandbox; a worker's binds only chosen folders

needs_bubblewrap = pytest.mark.skipif(
    BUBBLEWRAP_TIER not in tiers.available_tiers(), reason="bubblewrap does not work here"
)


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """This test's cache folder and first folder on PATH, for the gradings it runs."""
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("GRADE_ISOLATION", raising=False)
    yield tmp_path
    assert leftover_processes() == []


def bwrap(machine: Path, body: str) -> Path:
    path = machine / "bin" / "bwrap"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def logging_bwrap(machine: Path) -> Path:
    return bwrap(machine, f'echo "$*" >> {machine / "runs.log"}\nexec {REAL_BWRAP} "$@"')


def grade(**environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [GRADE, "exercise1", "--submission", SOLUTION, "--lang", "en"],
        capture_output=True,
        text=True,
        env=dict(os.environ, **environment),
    )


def probes_run(machine: Path) -> int:
    log = machine / "runs.log"
    return sum(PROBE in line for line in log.read_text().splitlines()) if log.exists() else 0


def verdict_file(machine: Path) -> Path:
    return machine / "cache" / "cross-entropy-grader" / "bubblewrap"


@needs_bubblewrap
def test_works_is_remembered_and_the_next_grading_does_not_probe(machine):
    logging_bwrap(machine)
    assert grade().returncode == 0
    assert probes_run(machine) == 1
    info = verdict_file(machine).stat()
    assert info.st_uid == os.geteuid() and info.st_mode & 0o077 == 0
    done = grade()
    assert done.returncode == 0 and f"isolation: {BUBBLEWRAP_TIER}" in done.stdout
    assert probes_run(machine) == 1


@needs_bubblewrap
def test_a_changed_bubblewrap_is_probed_again(machine):
    wrapper = logging_bwrap(machine)
    assert grade().returncode == 0
    os.utime(wrapper, ns=(0, 0))  # another binary, as far as anyone can tell
    assert grade().returncode == 0
    assert probes_run(machine) == 2


@needs_bubblewrap
def test_a_verdict_others_could_have_written_is_not_believed(machine):
    logging_bwrap(machine)
    assert grade().returncode == 0
    verdict_file(machine).chmod(0o622)
    assert grade().returncode == 0
    assert probes_run(machine) == 2
    verdict_file(machine).parent.chmod(0o777)
    assert grade().returncode == 0
    assert probes_run(machine) == 3


def test_a_remembered_works_that_is_false_is_found_out_and_never_weakens_isolation(machine):
    broken = bwrap(machine, "echo 'bwrap: No permissions to create new namespace' >&2\nexit 1")
    verdict.remember(verdict.facts(str(broken), AS_ROOT))  # as if bubblewrap had worked before

    done = grade()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "exercise1: 10/10 points" in done.stdout
    fallback = next(t for t in tiers.available_tiers() if not tiers.TIERS[t].uses_bubblewrap)
    assert f"isolation: {fallback}" in done.stdout
    assert not verdict_file(machine).exists()

    verdict.remember(verdict.facts(str(broken), AS_ROOT))
    forced = grade(GRADE_ISOLATION=BUBBLEWRAP_TIER)
    assert forced.returncode == 2, forced.stdout + forced.stderr
    assert f"GRADE_ISOLATION={BUBBLEWRAP_TIER} is not available" in forced.stderr
    assert "Traceback" not in forced.stdout + forced.stderr


def test_a_failed_probe_is_not_remembered(machine):
    bwrap(machine, "exit 1")
    done = grade()
    assert done.returncode == 0
    assert f"isolation: {BUBBLEWRAP_TIER}" not in done.stdout
    assert not verdict_file(machine).exists()
