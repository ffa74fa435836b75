"""The language of a run of ``grade``: decided once, from the command line or the environment,
before click parses anything, so that even a parse error is told in it."""

from __future__ import annotations

from collections.abc import Sequence

import click

from .console_encoding import can_show
from .i18n import LANGUAGES, default_language

LANG_KEY = "autograder.lang"  # where the root context keeps it


def language_in(args: Sequence[str]) -> str:
    """The language a command line asks for (``--lang X`` or ``--lang=X`` before any
    ``--``), else the environment's."""
    chosen = default_language()
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        if value in LANGUAGES:
            chosen = value  # the last one counts, as in click
    if chosen == "zh" and not can_show("中文评分"):  # a console without Chinese (cp1252, ASCII)
        return "en"
    return chosen


def language(ctx: click.Context | None) -> str:
    """The language of this run, as decided when its command line was read."""
    lang = ctx.meta.get(LANG_KEY) if ctx is not None else None
    return lang if isinstance(lang, str) else default_language()


def current_language() -> str:
    return language(click.get_current_context(silent=True))
