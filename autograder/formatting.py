"""Short, readable renderings of values for feedback: inputs, expected, received."""

from __future__ import annotations

import inspect

import numpy as np

from .inert import inert

MAX_CHARS = 400


def show(value: object) -> str:
    """``value`` in one short line; whatever text of the student's it holds is made inert."""
    if isinstance(value, np.ndarray):
        text = np.array2string(
            value,
            precision=6,
            threshold=24,
            edgeitems=3,
            separator=", ",
            suppress_small=False,
            max_line_width=10_000,
        )
        text = " ".join(text.split())  # one line: rows stay visible through their brackets
        suffix = "" if value.dtype == np.float64 else f", dtype={value.dtype}"
        text = f"array({text}{suffix})"
    elif isinstance(value, (float, np.floating)):
        text = f"{float(value):.7g}"
        if isinstance(value, np.floating) and value.dtype != np.float64:
            text = f"np.{value.dtype}({text})"
    elif isinstance(value, list):
        text = "[" + ", ".join(show(v) for v in value[:12]) + (", …" if len(value) > 12 else "") + "]"
    elif isinstance(value, tuple):
        text = "(" + ", ".join(show(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    else:
        text = repr(value)
    text = inert(text)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def show_call(function_name: str, args: tuple, kwargs: dict, reference=None) -> str:
    """``name(param=value, ...)`` with the parameter names of the reference signature."""
    names: list[str] = []
    if reference is not None:
        try:
            names = list(inspect.signature(reference).parameters)
        except (TypeError, ValueError):
            names = []
    parts = [f"{names[i]}={show(a)}" if i < len(names) else show(a) for i, a in enumerate(args)]
    parts += [f"{k}={show(v)}" for k, v in kwargs.items()]
    return f"{function_name}({', '.join(parts)})"
