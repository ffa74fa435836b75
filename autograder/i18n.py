"""Student-facing text in the two languages of the course."""

from __future__ import annotations

import os
from dataclasses import dataclass

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """One message, in English and Chinese."""

    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **values: object) -> Text:
        """Fill the placeholders; a value that is itself a Text fills each language with its own."""
        return Text(
            self.en.format(**{k: v.en if isinstance(v, Text) else v for k, v in values.items()}),
            self.zh.format(**{k: v.zh if isinstance(v, Text) else v for k, v in values.items()}),
        )


def default_language() -> str:
    """zh when the locale says Chinese, else en (GRADE_LANG overrides the locale)."""
    for name in ("GRADE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
