"""plot_penalties returns an object whose type name carries a window-title escape;
{ESC} and {BEL} are filled in by the test with the raw characters."""
import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=float)


def log_penalty(p):
    return -np.log(np.asarray(p, dtype=float))


def penalty_table(ps):
    raise NotImplementedError


def plot_penalties(ax=None):
    return type("Axes{ESC}]0;grade: 10/10{BEL}", (), {})()
