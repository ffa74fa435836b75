"""The protocol channel and the report, against submissions that write on the
grader's pipe or put terminal escapes in whatever text of theirs is shown.

A malformed reply (to a call or to the load request) counts as that call or that
load crashing and grading goes on; a notebook too deep to read is unreadable; no
raw control character of the student's reaches the terminal, an ``-o`` file or
the JSON, while the text stays visible as escapes.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, grade_file

from autograder.api import grade
from autograder.cli import main
from autograder.plain import plain
from autograder.registry import find
from autograder.worker.process import Limits

HOSTILE = Path(__file__).parent / "hostile_protocol"
QUICK = Limits(call_timeout=1.0, load_timeout=3.0)
MALFORMED = "malformed reply"
GRADE = Path(sys.executable).parent / "grade"


def _value_tree(depth: int) -> str:
    return '{"list": [' * depth + "1" + "]}" * depth


def _call_reply(result: str, **fields: str) -> str:
    body = {
        "result": result,
        "args_after": '{"list": []}',
        "kwargs_after": '{"dict": {}}',
        "probe_calls": "{}",
        "warnings": "[]",
    } | fields
    return '{"ok": true, ' + ", ".join(f'"{k}": {v}' for k, v in body.items()) + "}"


FORGED_REPLIES = {
    "nested_100000_deep": '{"ok": true, "result": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "value_tree_900_deep": _call_reply(_value_tree(450)),
    "probe_calls_not_a_dict": _call_reply("1.0", probe_calls="[1]"),
    "warnings_not_strings": _call_reply("1.0", warnings='[{"list": []}]'),
    "bad_blob_reference": _call_reply('{"array": 7}'),
    "unknown_value_kind": _call_reply('{"pickle": "gASVAAAA"}'),
    "number_of_5000_digits": _call_reply("1" + "0" * 5000),
    "arguments_after_not_a_list": _call_reply("1.0", args_after="3"),
    "ok_not_a_boolean": '{"ok": "yes", "result": 1.0}',
    "error_of_wrong_types": '{"ok": false, "error": {"type": ["NotImplementedError"], "message": {"a": 1}}}',
    "header_not_an_object": "[1, 2, 3]",
}


def _submission(tmp_path: Path, name: str, exercise: str = "exercise1", **fill: str) -> Path:
    text = (HOSTILE / name).read_text(encoding="utf-8")
    for key, value in fill.items():
        text = text.replace("{" + key + "}", value)
    path = tmp_path / f"{exercise}{Path(name).suffix}"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("forged", sorted(FORGED_REPLIES))
def test_malformed_call_reply_is_that_call_crashing(forged, tier, tmp_path):
    path = _submission(tmp_path, "forge_call_reply.py", HEADER=repr(FORGED_REPLIES[forged]))
    result = grade_file("exercise1", path, limits=QUICK)
    failed = {c.check: c.failure.summary.en for c in result.checks if c.failure}
    assert list(failed) == ["one_hot"], failed
    assert MALFORMED in failed["one_hot"] and "stopped the process" in failed["one_hot"]
    assert result.score == 9


def test_deep_reply_to_the_load_request_is_the_load_crashing(tier, tmp_path):
    shutil.copy(HOSTILE / "forge_load_reply.py", tmp_path / "exercise1.py")
    shutil.copy(ROOT / "solutions" / "exercise2.py", tmp_path / "exercise2.py")
    run = grade([find("exercise1"), find("exercise2")], tmp_path, limits=QUICK)
    forged, other = run.exercises
    assert forged.score == 0 and MALFORMED in forged.load_error.summary.en
    assert other.score == other.max_score == 10


def test_deep_notebook_is_unreadable(tier):
    result = grade_file("exercise1", HOSTILE / "deep_notebook.ipynb", limits=QUICK)
    assert result.score == 0 and "damaged" in result.load_error.summary.en


def test_deep_notebook_through_the_installed_command(tier, tmp_path):
    path = tmp_path / "exercise1.ipynb"
    shutil.copy(HOSTILE / "deep_notebook.ipynb", path)
    done = subprocess.run(
        [GRADE, "exercise1", "--submission", path, "--lang", "en"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr and "internal error" not in done.stderr
    assert "damaged" in done.stdout and "exercise1: 0/10 points" in done.stdout


# ---- terminal escapes ----------------------------------------------------------------------

RAW = {"ESC": "\x1b", "BEL": "\x07", "CSI": "\x9b", "RLO": "\u202e"}
CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
GRADER_STYLING = re.compile(r"\x1b\[(?:0|1|2|22|3[0-9])m")  # what click.style writes for the report
TITLE = "\\x1b]0;grade: 10/10\\x07"  # the forged window title, as the report shows it


def _reports(path: Path, tmp_path: Path) -> dict[str, str]:
    """The text report as a colour terminal gets it, and the -o text, JSON and model files."""
    runner = CliRunner()
    terminal = runner.invoke(main, ["exercise1", "-s", str(path), "--lang", "en"], color=True)
    assert terminal.exit_code == 1, terminal.output
    reports = {"terminal": terminal.output}
    for output_format in ("text", "json", "model"):
        out = tmp_path / f"report.{output_format}"
        done = runner.invoke(
            main, ["exercise1", "-s", str(path), "--lang", "en", "--format", output_format, "-o", str(out)]
        )
        assert done.exit_code == 1, done.output
        reports[output_format] = out.read_text(encoding="utf-8")
    return reports


def _shown_strings(report: object) -> str:
    """Every string of a parsed JSON report, joined."""
    if isinstance(report, dict):
        return "\n".join(_shown_strings(v) for v in [*report, *report.values()])
    if isinstance(report, list):
        return "\n".join(_shown_strings(v) for v in report)
    return report if isinstance(report, str) else ""


@pytest.mark.parametrize("name", ["escape_sequences.py", "escape_sequences.ipynb"])
def test_terminal_escapes_are_shown_inert(name, tier, tmp_path):
    path = _submission(tmp_path, name, **RAW)
    reports = _reports(path, tmp_path)
    for parsed in ("json", "model"):
        reports[f"{parsed} strings"] = _shown_strings(json.loads(reports[parsed]))
    reports["terminal"] = GRADER_STYLING.sub("", reports["terminal"])
    for where, text in reports.items():
        assert not CONTROLS.search(text), (where, CONTROLS.findall(text))
        assert "\\u001b" not in text, where
    del reports["json"], reports["model"]  # their strings are checked as parsed: JSON doubles each backslash
    for where, text in reports.items():
        assert f"Evil{TITLE}" in text, where  # the returned object's type name
        assert f"raised ValueError: {TITLE}" in text, where  # the exception message
    for where in ("terminal", "text"):
        text = reports[where]
        assert "\\x9b" in text and "\\u202e" in text, where  # the source line in the traceback
        assert "\\x1b[2J\\x1b[8m hidden" in text and "\\x1b]52;c;Z3JhZGU=\\x07" in text, where  # printed


def test_plot_type_name_is_shown_inert(tier, tmp_path):
    path = _submission(tmp_path, "plot_type_name.py", "exercise4", ESC="\x1b", BEL="\x07")
    result = grade_file("exercise4", path, limits=QUICK)
    shown = _shown_strings(plain(result))
    assert not CONTROLS.search(shown), CONTROLS.findall(shown)
    assert f"an object of type Axes{TITLE}" in shown


def test_inert_spells_out_controls_and_keeps_text():
    from autograder.inert import inert

    assert inert("loss:\t0.5\n中文 é 😀") == "loss:\t0.5\n中文 é 😀"
    assert inert("a\r\nb\rc\x08\x7f") == "a\nb\\rc\\x08\\x7f"
    assert inert("\x1b]52;c;eA==\x07\x9b2J\u202e\u2066\u200b\ufeff\u2028\ud800") == (
        "\\x1b]52;c;eA==\\x07\\x9b2J\\u202e\\u2066\\u200b\\ufeff\\u2028\\ud800"
    )
    assert inert(inert("\x1b[8m")) == inert("\x1b[8m")
