"""Everything `grade` itself says (help, usage lines, click's errors) in the chosen language."""

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from autograder.cli import main
from autograder.localized_cli import LocalizedCommand
from autograder.localized_params import (
    LocalizedChoice,
    LocalizedFloatRange,
    LocalizedInt,
    LocalizedOption,
    LocalizedPath,
)

GRADE = Path(sys.executable).parent / "grade"
CLICK_ENGLISH = re.compile(r"\b(Usage|Error|Try|Options|Commands|Invalid|Missing|No such|Show this|Got)\b")
ENGLISH_ENV = {"GRADE_LANG": "en"}


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, arguments, **options):
    return runner.invoke(main, arguments, prog_name="grade", **options)


# (arguments, the Chinese message, the English one); the language comes from --lang, wherever it stands
USAGE_ERRORS = [
    (["exercise9"], "错误：没有练习 'exercise9'。", "Error: Unknown exercise 'exercise9'."),
    (["3", "--bogus"], "错误：没有选项 --bogus。", "Error: No such option: --bogus."),
    (["3", "--submision", "x.py"], "你是不是想用 --submission？", "Did you mean --submission?"),
    (
        ["3", "--submission", "/nonexistent"],
        "错误：找不到文件或文件夹 /nonexistent。",
        "There is no file or folder",
    ),
    (
        ["3", "--format", "xml"],
        "'--format' 的值无效：'xml' 不是可选值（text, json, model, html）之一。",
        "'xml' is not one of",
    ),
    (
        ["3", "--timeout", "0"],
        "'--timeout' 的值无效：'0' 不在 0.1 到 600 之间。",
        "'0' is not between 0.1 and 600.",
    ),
    (["3", "--timeout", "nan"], "'nan' 不是数。", "'nan' is not a number."),
    (["3", "--seed", "x"], "'--seed' 的值无效：'x' 不是整数。", "'x' is not a whole number."),
    (["3", "extra"], "错误：多余的参数：extra。", "Error: Unexpected extra arguments: extra."),
    (["3", "-o", "/"], "'--output' / '-o' 的值无效：'/' 是一个文件夹。", "'/' is a folder."),
    (["release"], "错误：缺少参数 'OUT_DIR'。", "Error: Missing argument 'OUT_DIR'."),
    (["release", "x", "--force=1"], "错误：选项 --force 不接受值。", "Error: Option --force takes no value."),
    (
        ["nbgrader", "ini"],
        "错误：没有命令 ini。你是不是想用 init？",
        "Error: No such command: ini. Did you mean init?",
    ),
    (["mistakes", "9"], "错误：没有练习 '9'。", "Error: Unknown exercise '9'."),
]


@pytest.mark.parametrize(("arguments", "zh", "en"), USAGE_ERRORS)
@pytest.mark.parametrize("where", ["first", "last"])
def test_usage_errors_in_chinese(runner, arguments, zh, en, where):
    line = ["--lang", "zh", *arguments] if where == "first" else [*arguments, "--lang", "zh"]
    result = invoke(runner, line, env=ENGLISH_ENV)
    assert result.exit_code == 2
    assert zh in result.stderr
    assert not CLICK_ENGLISH.search(result.output), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("arguments", "zh", "en"), USAGE_ERRORS)
def test_usage_errors_in_english(runner, arguments, zh, en):
    result = invoke(runner, [*arguments, "--lang=en"], env={"GRADE_LANG": "zh"})
    assert result.exit_code == 2
    assert en in result.stderr
    assert not re.search(r"[\u4e00-\u9fff]", result.output), result.output


@pytest.mark.parametrize(
    ("lang", "message"),
    [("zh", "错误：选项 --submission 后面需要一个值。"), ("en", "Error: Option --submission needs a value.")],
)
def test_option_without_its_value_at_the_end(runner, lang, message):
    result = invoke(runner, ["--lang", lang, "3", "--submission"])
    assert result.exit_code == 2 and message in result.stderr


def test_usage_error_shows_the_usage_line_and_where_help_is(runner):
    result = invoke(runner, ["3", "--bogus", "--lang", "zh"])
    assert result.stderr.splitlines()[:2] == [
        "用法：grade [选项] EXERCISE",
        "用 'grade --help' 查看帮助。",
    ]


def test_help_in_chinese(runner):
    result = invoke(runner, ["--lang", "zh", "--help"], env=ENGLISH_ENV)
    assert result.exit_code == 0
    assert result.output.startswith("用法：grade [选项] 命令 [参数]...\n")
    assert "为交叉熵练习评分。" in result.output
    assert "选项：\n" in result.output and "命令：\n" in result.output
    assert "-h, --help      显示此帮助并退出。" in result.output
    assert re.search(r"mistakes +EXERCISE（3、exercise3）或全部练习中，反馈会指出的已知错误。", result.output)
    assert not CLICK_ENGLISH.search(result.output), result.output


@pytest.mark.parametrize(
    ("arguments", "zh"),
    [
        (["3", "--help"], "-s, --submission PATH           一个 .py 或 .ipynb 文件"),
        (["mistakes", "--help"], "每个错误列出其编号"),
        (["nbgrader", "init", "--help"], "然后在 COURSE_DIR 中按 nbgrader 的文档使用："),
        (["release", "--help"], "--force         OUT_DIR 不为空时替换它"),
    ],
)
def test_help_of_each_command_in_chinese(runner, arguments, zh):
    result = invoke(runner, [*arguments, "--lang", "zh"], env=ENGLISH_ENV)
    assert result.exit_code == 0
    assert zh in result.output
    assert not CLICK_ENGLISH.search(result.output), result.output


@pytest.mark.parametrize(
    "env", [{"GRADE_LANG": "zh"}, {"GRADE_LANG": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"}]
)
def test_help_and_errors_follow_the_environment(runner, env):
    assert invoke(runner, ["--help"], env=env).output.startswith("用法：grade")
    result = invoke(runner, ["3", "--bogus"], env=env)
    assert result.exit_code == 2 and "错误：没有选项 --bogus。" in result.stderr


def test_grade_alone_shows_the_help_and_exits_2(runner):
    result = invoke(runner, ["--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr.startswith("用法：grade [选项] 命令 [参数]...")


def test_every_command_option_and_type_speaks_both_languages():
    """New commands and options cannot slip in with English-only help or errors."""
    localized_types = (
        LocalizedChoice,
        LocalizedFloatRange,
        LocalizedInt,
        LocalizedPath,
        click.types.BoolParamType,
        click.types.StringParamType,
    )

    def walk(command: click.Command, ctx: click.Context):
        yield command, ctx
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, click.Context(sub, parent=ctx, info_name=name))

    commands = list(walk(main, click.Context(main, info_name="grade")))
    assert len(commands) >= 7
    for command, _ in commands:
        assert isinstance(command, LocalizedCommand), command.name
        for param in command.params:
            assert isinstance(param.type, localized_types), (command.name, param.name, param.type)
            assert isinstance(param, (LocalizedOption, click.Argument)), (command.name, param.name)


def test_installed_grade_speaks_chinese():
    done = subprocess.run(
        [GRADE, "--lang", "zh", "3", "--bogus"], capture_output=True, text=True, env={"PATH": "/usr/bin"}
    )
    assert done.returncode == 2
    assert "错误：没有选项 --bogus。" in done.stderr
    assert not CLICK_ENGLISH.search(done.stderr), done.stderr
