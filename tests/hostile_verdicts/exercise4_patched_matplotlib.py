"""No plot drawn: a real, empty Axes, and matplotlib's methods patched to describe a perfect one."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

P = np.linspace(0.01, 1.0, 200)
LINES = [Line2D(P, 1.0 - P, label="1 - p"), Line2D(P, -np.log(P), label="-ln p")]


def _patch():
    Axes.get_lines = lambda self: list(LINES)
    Axes.get_xlabel = lambda self: "p"
    Axes.get_ylabel = lambda self: "penalty"
    Axes.get_legend = lambda self: Legend(self, LINES, ["1 - p", "-ln p"])
    Text.get_text = lambda self: "penalty"
    Line2D.get_xdata = lambda self, orig=True: P
    Line2D.get_ydata = lambda self, orig=True: -np.log(P) if self is LINES[1] else 1.0 - P


def linear_penalty(p):
    raise NotImplementedError


def log_penalty(p):
    raise NotImplementedError


def penalty_table(ps):
    raise NotImplementedError


def plot_penalties(ax=None):
    _, ax = plt.subplots()
    _patch()
    return ax
