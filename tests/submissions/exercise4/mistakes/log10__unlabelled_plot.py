"""math.log10 in every function; the plot has no labels and no legend either."""
import math

import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=float)


def log_penalty(p):
    return np.vectorize(lambda q: -math.log10(q) + 0.0, otypes=[float])(p)


def penalty_table(ps):
    rows = []
    for q in map(float, ps):
        log = -math.log10(q) + 0.0
        rows.append([q, 1.0 - q, log, 1.0 if q == 1.0 else log / (1.0 - q)])
    return np.array(rows).reshape(-1, 4)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        ax = plt.figure().gca()
    p = np.linspace(0.01, 1, 100)
    ax.plot(p, linear_penalty(p))
    ax.plot(p, log_penalty(p))
    return ax
