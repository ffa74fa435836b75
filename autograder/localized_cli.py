"""click commands that speak the course's two languages: help, usage lines and
error messages, click's own included, are shown in the language of the run.

That language is decided once, before click parses anything (so that a parse
error is already in it): ``--lang X`` wherever it stands on the command line,
else the environment's (:func:`autograder.i18n.default_language`). Commands
and options carry their help as :class:`Text`; the parameter types raise
their errors in the run's language; :meth:`LocalizedGroup.main` shows every
error click raises with our own words, keeping click's exit codes.
"""

from __future__ import annotations

import difflib
import importlib
import sys
from collections.abc import Sequence
from typing import Any, ClassVar

import click

from .cli_language import LANG_KEY, language, language_in
from .errors import GradeError
from .i18n import Text

EXIT_USAGE = 2  # click's code for a usage error

USAGE = Text("Usage: ", "用法：")
OPTIONS_METAVAR = Text("[OPTIONS]", "[选项]")
COMMAND_METAVAR = Text("COMMAND [ARGS]...", "命令 [参数]...")
OPTIONS = Text("Options:", "选项：")
COMMANDS = Text("Commands:", "命令：")
DEFAULT_OPTIONS = Text("Options of {usage}:", "{usage} 的选项：")
SHOW_HELP = Text("Show this message and exit.", "显示此帮助并退出。")
ERROR = Text("Error: {message}", "错误：{message}")
TRY_HELP = Text("Try '{command} --help' for help.", "用 '{command} --help' 查看帮助。")
ABORTED = Text("Aborted.", "已中止。")
NO_SUCH_OPTION = Text("No such option: {name}.", "没有选项 {name}。")
NO_SUCH_COMMAND = Text("No such command: {name}.", "没有命令 {name}。")
DID_YOU_MEAN = Text(" Did you mean {names}?", "你是不是想用 {names}？")
NEEDS_VALUE = Text("Option {name} needs a value.", "选项 {name} 后面需要一个值。")
TAKES_NO_VALUE = Text("Option {name} takes no value.", "选项 {name} 不接受值。")
MISSING_ARGUMENT = Text("Missing argument {name}.", "缺少参数 {name}。")
MISSING_OPTION = Text("Missing option {name}.", "缺少选项 {name}。")
EXTRA_ARGUMENTS = Text("Unexpected extra arguments: {arguments}.", "多余的参数：{arguments}。")
INVALID_VALUE = Text("Invalid value for {name}: {reason}", "{name} 的值无效：{reason}")


class LocalizedContext(click.Context):
    """The root context holds the run's language; every context below shares its meta."""

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if lang is not None:
            self.meta[LANG_KEY] = lang


class LocalizedCommand(click.Command):
    """A command whose help (a Text), usage line and parse errors are in the run's language."""

    context_class = LocalizedContext

    def __init__(self, name: str | None, *, help: Text, **attrs: Any) -> None:
        super().__init__(name, help=help.en, **attrs)
        self.help_text = help

    def summary(self, lang: str) -> str:
        """The first line of the help, for the list of commands."""
        return cleandoc(self.help_text(lang)).split("\n", 1)[0]

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [OPTIONS_METAVAR(language(ctx))]
        for param in self.get_params(ctx):
            pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path.rstrip(), " ".join(pieces), prefix=USAGE(language(ctx)))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(cleandoc(self.help_text(language(ctx))))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        records = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            if param is self.get_help_option(ctx):
                record = (record[0], SHOW_HELP(lang))
            records.append(record)
        _section(formatter, OPTIONS(lang), records)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parse, its errors tied to this command (for the usage line and the
        option they name), and the message for extra arguments in the run's language."""
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as error:
            error.ctx = error.ctx or ctx
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            ctx.fail(EXTRA_ARGUMENTS.format(arguments=" ".join(rest))(language(ctx)))
        return rest


class LocalizedGroup(LocalizedCommand, click.Group):
    """A group of localized commands; as the program's root, it decides the language
    and shows click's errors in it."""

    command_class = LocalizedCommand
    group_class: type[click.Group] | type[type] | None = type  # subgroups are of the same class
    lazy_commands: ClassVar[dict[str, str]] = {}  # name -> "module:attribute", imported when first asked for

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in self.lazy_commands:
            module, attribute = self.lazy_commands[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), COMMAND_METAVAR(language(ctx))]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        LocalizedCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                summary = command.summary(lang) if isinstance(command, LocalizedCommand) else ""
                rows.append((name, summary))
        _section(formatter, COMMANDS(lang), rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if self.get_command(ctx, name) is None and not name.startswith("-") and not ctx.resilient_parsing:
            lang = language(ctx)
            close = difflib.get_close_matches(name, self.list_commands(ctx))
            suggestion = DID_YOU_MEAN.format(names=", ".join(close))(lang) if close else ""
            ctx.fail(NO_SUCH_COMMAND.format(name=name)(lang) + suggestion)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """click's main, with click's errors shown in the run's language."""
        arguments = list(sys.argv[1:] if args is None else args)
        lang = language_in(arguments)
        try:
            result = super().main(
                arguments, prog_name, complete_var, standalone_mode=False, lang=lang, **extra
            )
        except click.ClickException as error:
            if not standalone_mode:
                raise
            show(error, lang)
            sys.exit(error.exit_code)
        except GradeError as error:
            if not standalone_mode:
                raise
            click.echo(ERROR.format(message=error.message(lang))(lang), err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            if not standalone_mode:
                raise
            click.echo(ABORTED(lang), err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)  # an int is the code of a click Exit


class DefaultCommandGroup(LocalizedGroup):
    """A group whose first argument, when no command has that name, is the argument of its
    hidden ``default_command`` (``grade exercise3``, ``grade batch SUBMISSIONS``)."""

    default_command = ""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Options of the default command may come before its argument (``grade -s f.py 3``):
        they are moved after it, the group's own options (``--lang``) staying where they are."""
        return super().parse_args(ctx, self._options_after_argument(ctx, args))

    def _options_after_argument(self, ctx: click.Context, args: list[str]) -> list[str]:
        own, theirs = _takes_value(self.params), _takes_value(self.commands[self.default_command].params)
        kept: list[str] = []
        moved: list[str] = []
        index = 0
        while index < len(args) and args[index].startswith("-") and args[index] not in ("-", "--"):
            word = args[index]
            name, attached = (
                (word.split("=")[0], "=" in word) if word.startswith("--") else (word[:2], len(word) > 2)
            )
            if name in own:
                target = kept
            elif name in theirs:
                target = moved
            else:
                return args  # an option no one has: click says so, where it stands
            taken = 2 if (own.get(name) or theirs.get(name)) and not attached else 1
            target += args[index : index + taken]
            index += taken
        if not moved or index >= len(args) or args[index] in self.list_commands(ctx):
            return args
        return [*kept, args[index], *moved, *args[index + 1 :]]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.list_commands(ctx) and not args[0].startswith("-"):
            return "", self.commands[self.default_command], args  # no name: usage reads "grade EXERCISE"
        return super().resolve_command(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The group's options, the default command's own (``grade --help`` shows how to grade),
        then the commands."""
        LocalizedCommand.format_options(self, ctx, formatter)
        lang = language(ctx)
        default = self.commands[self.default_command]
        shown = {opt for param in self.get_params(ctx) for opt in param.opts}
        records = [
            record
            for param in default.get_params(ctx)
            if isinstance(param, click.Option)
            and not shown.intersection(param.opts)
            and (record := param.get_help_record(ctx)) is not None
        ]
        if self.default_usage:
            _section(formatter, DEFAULT_OPTIONS.format(usage=self.default_usage)(lang), records)
        self.format_commands(ctx, formatter)

    default_usage = ""  # how help names the default command: "grade EXERCISE"


def _takes_value(params: list[click.Parameter]) -> dict[str, bool]:
    """Each option's names, and whether a value follows it."""
    return {
        name: not (param.is_flag or param.count)
        for param in params
        if isinstance(param, click.Option)
        for name in (*param.opts, *param.secondary_opts)
    }


def cleandoc(text: str) -> str:
    """inspect.cleandoc, imported only for help (inspect takes milliseconds to import, before
    a grading's worker starts)."""
    import inspect

    return inspect.cleandoc(text)


def help_without_command(ctx: click.Context) -> None:
    """A group named without a command: its help, as a usage error (exit 2)."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help(), err=True)
        ctx.exit(EXIT_USAGE)


def _section(formatter: click.HelpFormatter, heading: str, rows: list[tuple[str, str]]) -> None:
    """click's formatter.section, with the heading's colon as the language writes it."""
    if rows:
        formatter.write_paragraph()
        formatter.write_text(heading)
        with formatter.indentation():
            formatter.write_dl(rows)


def show(error: click.ClickException, lang: str) -> None:
    """An error as click would show it (usage line, hint, message), in ``lang``."""
    if isinstance(error, click.UsageError) and error.ctx is not None:
        click.echo(error.ctx.get_usage(), err=True)
        click.echo(TRY_HELP.format(command=error.ctx.command_path.rstrip())(lang) + "\n", err=True)
    click.echo(ERROR.format(message=describe(error, lang))(lang), err=True)


def describe(error: click.ClickException, lang: str) -> str:
    """click's message for an error, by its kind; our own errors are in the run's language already."""
    ctx = error.ctx if isinstance(error, click.UsageError) else None
    if isinstance(error, click.NoSuchOption):
        close = DID_YOU_MEAN.format(names=", ".join(error.possibilities))(lang) if error.possibilities else ""
        return NO_SUCH_OPTION.format(name=error.option_name)(lang) + close
    if isinstance(error, click.BadOptionUsage):
        params = ctx.command.get_params(ctx) if ctx is not None else []
        flag = any(isinstance(p, click.Option) and p.is_flag and error.option_name in p.opts for p in params)
        return (TAKES_NO_VALUE if flag else NEEDS_VALUE).format(name=error.option_name)(lang)
    if isinstance(error, click.MissingParameter):
        missing = MISSING_ARGUMENT if isinstance(error.param, click.Argument) else MISSING_OPTION
        return missing.format(name=_param_name(error))(lang)
    if isinstance(error, click.BadParameter):
        return INVALID_VALUE.format(name=_param_name(error), reason=error.message)(lang)
    return error.format_message()


def _param_name(error: click.BadParameter) -> str:
    if error.param is not None:
        hint = error.param.get_error_hint(error.ctx) if error.ctx is not None else error.param.name
        return str(hint)
    return str(error.param_hint or "")
