"""click options and parameter types whose help and errors are in the run's language."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Any

import click

from .cli_language import language
from .i18n import LANGUAGES, Text

NOT_A_CHOICE = Text("{value} is not one of {choices}.", "{value} 不是可选值（{choices}）之一。")
NOT_AN_INTEGER = Text("{value} is not a whole number.", "{value} 不是整数。")
NOT_A_NUMBER = Text("{value} is not a number.", "{value} 不是数。")
OUT_OF_RANGE = Text("{value} is not between {low} and {high}.", "{value} 不在 {low} 到 {high} 之间。")
IS_A_FOLDER = Text("{value} is a folder.", "{value} 是一个文件夹。")
IS_A_FILE = Text("{value} is a file.", "{value} 是一个文件。")
UNUSABLE_PATH = Text("{value} cannot be used.", "{value} 无法使用。")


class LocalizedOption(click.Option):
    """An option whose help is a Text."""

    def __init__(self, param_decls: Sequence[str] | None = None, *, help: Text, **attrs: Any) -> None:
        super().__init__(param_decls, help=help.en, **attrs)
        self.help_text = help

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        return None if record is None else (record[0], self.help_text(language(ctx)))


def _fail(param_type: click.ParamType, text: Text, value: Any, param: Any, ctx: Any, **more: Any) -> Any:
    param_type.fail(text.format(value=repr(value), **more)(language(ctx)), param, ctx)


class LocalizedChoice(click.Choice):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            return _fail(self, NOT_A_CHOICE, value, param, ctx, choices=", ".join(map(str, self.choices)))


class LocalizedInt(click.types.IntParamType):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            return _fail(self, NOT_AN_INTEGER, value, param, ctx)


class LocalizedFloatRange(click.FloatRange):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            finite = math.isfinite(float(value))
        except (TypeError, ValueError):
            finite = False
        if not finite:
            return _fail(self, NOT_A_NUMBER, value, param, ctx)
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            return _fail(self, OUT_OF_RANGE, value, param, ctx, low=f"{self.min:g}", high=f"{self.max:g}")


class LocalizedPath(click.Path):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            if os.path.isdir(value):
                return _fail(self, IS_A_FOLDER, os.fsdecode(value), param, ctx)
            if os.path.isfile(value):
                return _fail(self, IS_A_FILE, os.fsdecode(value), param, ctx)
            return _fail(self, UNUSABLE_PATH, os.fsdecode(value), param, ctx)


def lang_option() -> Any:
    """``--lang``: read before parsing (:func:`language_in`); here for the help and its check."""
    return click.option(
        "--lang",
        cls=LocalizedOption,
        type=LocalizedChoice(LANGUAGES),
        expose_value=False,
        help=Text(
            "Language of the output (default: GRADE_LANG, else the locale).",
            "输出的语言（默认：GRADE_LANG，否则由系统区域设置决定）。",
        ),
    )


def option(*param_decls: str, help: Text, **attrs: Any) -> Any:
    """click.option with its help in both languages."""
    return click.option(*param_decls, cls=LocalizedOption, help=help, **attrs)
