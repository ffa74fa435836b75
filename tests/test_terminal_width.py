"""The report wraps to the terminal's width, as readers of Chinese and English expect: run
through a real pty at 60 and 80 columns, each line fits, no number is cut, no line starts with
a closing mark, and continued lines keep their indentation. Piped, the report is not wrapped."""

from __future__ import annotations

import collections
import fcntl
import itertools
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from autograder.writers.wrapping import CLOSING, display_width, wrap

ROOT = Path(__file__).resolve().parent.parent
GRADE = str(Path(sys.executable).parent / "grade")
MISTAKES = ROOT / "tests" / "submissions"
CASES = [
    ("3", MISTAKES / "exercise3" / "mistakes" / "log10.py"),
    ("1", MISTAKES / "exercise1" / "mistakes" / "wrong-row-indexing.py"),
    ("5", MISTAKES / "exercise5" / "mistakes" / "bad-step.py"),
]
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
ENV = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}


def in_terminal(arguments: list[str], columns: int) -> str:
    """What `grade` shows in a terminal of ``columns`` columns (a pty), colours removed."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen([GRADE, *arguments], stdin=terminal, stdout=terminal, stderr=terminal, env=ENV)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # the terminal's other side is closed: the process is done
            break
        if not chunk:
            break
        output += chunk
    process.wait()
    os.close(controller)
    return ESCAPE.sub("", output.decode("utf-8")).replace("\r\n", "\n")


def piped(arguments: list[str]) -> str:
    return subprocess.run([GRADE, *arguments], capture_output=True, text=True, env=ENV).stdout


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("exercise", "submission"), CASES, ids=[c[0] for c in CASES])
def test_report_fits_the_terminal(exercise, submission, lang, columns):
    arguments = [exercise, "-s", str(submission), "--lang", lang]
    wrapped, whole = in_terminal(arguments, columns), piped(arguments)
    wide = [line for line in whole.splitlines() if display_width(line) > columns]
    assert wide, "this case needs lines to wrap"
    for line in wrapped.splitlines():
        assert display_width(line) <= columns, line
        assert line.lstrip()[:1] not in CLOSING, line
    # nothing lost, moved or cut: the same text and the same numbers, line by line
    assert re.sub(r"\s", "", wrapped) == re.sub(r"\s", "", whole)
    numbers = collections.Counter(n for line in whole.splitlines() for n in NUMBER.findall(line))
    assert collections.Counter(n for line in wrapped.splitlines() for n in NUMBER.findall(line)) == numbers
    # a continued line keeps the indentation of the line it continues, or deeper
    kept = set(whole.splitlines())
    for before, line in itertools.pairwise(wrapped.splitlines()):
        if line not in kept and before.strip():
            assert len(line) - len(line.lstrip()) >= min(2, len(before) - len(before.lstrip())), line


def test_piped_report_is_not_wrapped():
    arguments = ["3", "-s", str(CASES[0][1]), "--lang", "zh"]
    assert any(display_width(line) > 80 for line in piped(arguments).splitlines())


@pytest.mark.parametrize(
    ("line", "width", "expected"),
    [
        ("  expected  [0.25, 1.2345e-05, -0.25]", 24, ["  expected  [0.25,", "      1.2345e-05, -0.25]"]),
        (
            "提示：请用自然对数，而不是以十为底的对数。",
            20,
            ["提示：请用自然对数，", "  而不是以十为底的对", "  数。"],
        ),
        ("a (hidden check)", 12, ["a", "  (hidden check)"]),
        ("你好（隐藏检查）", 10, ["你好", "  （隐藏检查）"]),
    ],
)
def test_wrap_breaks_only_where_a_reader_would(line, width, expected):
    indent = "      " if line.startswith("  expected") else "  "
    assert wrap(line, width, indent) == expected
