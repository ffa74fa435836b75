"""Consoles that are not UTF-8: a Chinese Windows console or pipe (GBK) and a Western one
(cp1252). Nothing `grade` writes there crashes it: our symbols fall back to plain marks,
Chinese stays where the encoding has it (else the run speaks English), and a student's
emoji or stray surrogates arrive escaped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GRADE = str(Path(sys.executable).parent / "grade")
MISTAKEN = str(ROOT / "tests" / "submissions" / "exercise3" / "mistakes" / "log10.py")
CORRECT = str(ROOT / "solutions" / "exercise3.py")

COMMANDS = [
    (["3", "-s", MISTAKEN], 1),
    (["3", "-s", CORRECT], 0),
    (["list"], 0),
    (["mistakes", "3"], 0),
    (["--help"], 0),
    (["3", "--help"], 0),
    (["nosuch"], 2),
    (["3", "--format", "pdf"], 2),
]


def run(arguments: list[str], encoding: str, lang: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "GRADE_LANG": lang}
    return subprocess.run([GRADE, *arguments], capture_output=True, env=env)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("encoding", ["gbk", "cp1252"])
@pytest.mark.parametrize(
    ("arguments", "code"),
    COMMANDS,
    ids=[" ".join(c[0][:2]).replace(MISTAKEN, "mistaken").replace(CORRECT, "correct") for c in COMMANDS],
)
def test_grade_speaks_through_the_console(arguments, code, encoding, lang):
    done = run(arguments, encoding, lang)
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)  # strict: no bytes it lacks
    assert done.returncode == code, err
    assert "internal error" not in err and "内部错误" not in err and "Traceback" not in err
    text = out + err
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert chinese == (lang == "zh" and encoding == "gbk")  # English where Chinese cannot show


@pytest.mark.parametrize("encoding", ["gbk", "cp1252"])
def test_marks_fall_back_and_numbers_stay(encoding):
    done = run(["3", "-s", MISTAKEN], encoding, "en")
    out = done.stdout.decode(encoding)
    assert "✓" not in out and "PASS" in out and "FAIL" in out
    assert "0.4343" in out and "[log10]" in out


def test_a_students_strange_text_arrives_escaped(tmp_path):
    submission = tmp_path / "exercise1.py"
    submission.write_text(
        "import sys\n"
        "print('smile 😀 中文 and a lone surrogate:', '\\ud800'.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogateescape'))\n"
        "raise ValueError('bad 😀 \\u2603 中文')\n",
        encoding="utf-8",
    )
    for encoding in ("gbk", "cp1252"):
        done = run(["1", "-s", str(submission)], encoding, "en")
        out = done.stdout.decode(encoding)
        assert done.returncode == 1
        assert "ValueError" in out and "😀" not in out
        assert "\\U0001f600" in out
