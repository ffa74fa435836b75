"""The hostile corpus graded as a class, under every tier that protects the grader: each file is
one student's exercise1. The batch completes, each student gets the verdict single grading gives
them, the other students' results do not change, and nothing outside OUT is touched."""

import contextlib
import json
import os
from pathlib import Path

import pytest
from conftest import PROTECTING, ROOT, SUBMISSIONS, leftover_processes
from test_hostile import (  # noqa: F401 (listener and unix_listeners are fixtures)
    EXPECTED,
    HOSTILE,
    QUICK,
    REFERENCE,
    REFERENCE_LINE,
    SECRET,
    fingerprint,
    listener,
    unix_listeners,
)

from autograder.batch.console import summary
from autograder.batch.run import Batch, run_batch
from autograder.batch.store import student_folder
from autograder.isolation import paths
from autograder.registry import CHECKS_DIR, find

CORRECT = SUBMISSIONS / "exercise1" / "correct" / "vectorised.py"
LOG10 = SUBMISSIONS / "exercise1" / "mistakes" / "log10.py"
WELL_BEHAVED = {"aaa-correct": (CORRECT, 10.0), "mmm-log10": (LOG10, 2.0), "zzz-correct": (CORRECT, 10.0)}


@contextlib.contextmanager
def no_progress_bar(total):
    yield lambda: None


def hostile_class(root: Path, substitutions: dict[str, str]) -> Path:
    """A folder per hostile file, named after it, holding it as exercise1; and three students
    who did their work, around them in the order of the class."""
    for path in HOSTILE.iterdir():
        text = path.read_bytes()
        for key, value in substitutions.items():
            text = text.replace(key.encode(), value.encode())
        (root / path.stem).mkdir(parents=True)
        (root / path.stem / f"exercise1{path.suffix}").write_bytes(text)
    for student, (source, _) in WELL_BEHAVED.items():
        (root / student).mkdir()
        (root / student / "exercise1.py").write_bytes(source.read_bytes())
    return root


@pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
def test_a_class_of_hostile_submissions(tier, tmp_path, monkeypatch, listener, unix_listeners):  # noqa: F811
    outside = tmp_path / "outside"
    outside.mkdir()
    sentinel = outside / "sentinel.txt"
    sentinel.write_text("keep me")
    substitutions = {
        "{REFERENCE}": str(REFERENCE),
        "{HIDDEN}": str(CHECKS_DIR / "exercise1" / "test_exercise1.py"),
        "{OUTSIDE}": str(outside),
        "{SENTINEL}": str(sentinel),
        "{MARKER}": str(outside / "marker"),
        "{PORT}": str(listener.getsockname()[1]),
        "{GRADER}": str(outside / "grader"),
        "{UNIX_SOCKET}": unix_listeners[0],
        "{ABSTRACT_SOCKET}": unix_listeners[1],
    }
    submissions = hostile_class(tmp_path / "submissions", substitutions)
    handed_in = fingerprint(submissions)
    monkeypatch.setenv("GRADER_SECRET", SECRET)
    grader_files = fingerprint(ROOT / "autograder", ROOT / "solutions")
    site_packages = sorted(p.name for p in Path(paths.library_roots()[-1]).rglob("*.pth"))
    out = tmp_path / "out"
    batch = Batch(submissions, out, [find("exercise1")], b"course secret", "en", QUICK)

    outcome = run_batch(batch, no_progress_bar)

    assert not outcome.interrupted and outcome.book.complete
    results = {r.student: r.run.exercises[0] for r in outcome.book.records}
    assert sorted(results) == sorted([Path(name).stem for name in EXPECTED] + list(WELL_BEHAVED))
    for name, expect in EXPECTED.items():
        result = results[Path(name).stem]
        assert result.score <= expect.max_score, name
        if expect.where == "load":
            assert expect.found_in(result.load_error.summary.en), (name, result.load_error.summary.en)
        elif expect.where == "printed":
            assert expect.found_in(result.printed), (name, result.printed)
        elif expect.says:
            summaries = [c.failure.summary.en for c in result.checks if c.failure]
            assert any(expect.found_in(s) for s in summaries), (name, summaries)
        assert len(result.printed) < 5000, name
    for student, (_, score) in WELL_BEHAVED.items():
        assert results[student].score == score, (student, results[student])
    assert {d.id for d in results["mmm-log10"].mistakes} == {"log10"}
    said = [
        [(r.load_error or c.failure).summary.en for c in r.checks if r.load_error or c.failure]
        for r in results.values()
    ]
    timed_out = sum(any("did not return within" in s or "took longer than" in s for s in r) for r in said)
    failed = sum(r.load_error is not None for r in results.values())
    assert timed_out >= 3 and failed >= 5
    told = summary(outcome, out, "en")
    assert f"(missing, unreadable or not importable): {failed}; that timed out: {timed_out}" in told
    assert f"{len(results)} students: {len(results)} graded, 0 skipped" in told

    written = [p for p in out.rglob("*") if p.is_file()]
    assert {p.parent for p in written} == {out} | {student_folder(out, s) for s in results}
    shown = "\n".join(p.read_text(encoding="utf-8") for p in written)
    assert REFERENCE_LINE not in shown and "LEAKED" not in shown and "CONNECTED" not in shown
    assert SECRET not in shown
    assert leftover_processes() == []
    assert sorted(os.listdir(outside)) == ["sentinel.txt"] and sentinel.read_text() == "keep me"
    assert fingerprint(submissions) == handed_in
    assert fingerprint(ROOT / "autograder", ROOT / "solutions") == grader_files
    assert sorted(p.name for p in Path(paths.library_roots()[-1]).rglob("*.pth")) == site_packages
    assert json.loads((out / "gradebook.json").read_text(encoding="utf-8"))["complete"] is True
