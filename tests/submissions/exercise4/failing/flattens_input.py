"""Loops over the flattened input: a 2-D array of probabilities comes back 1-D."""
import math

import numpy as np


def linear_penalty(p):
    return np.array([1.0 - float(v) for v in np.ravel(p)])


def log_penalty(p):
    return np.array([-math.log(float(v)) for v in np.ravel(p)]) + 0.0


def penalty_table(ps):
    rows = []
    for v in np.ravel(ps):
        v = float(v)
        rows.append([v, 1.0 - v, -math.log(v), 1.0 if v == 1.0 else -math.log(v) / (1.0 - v)])
    return np.array(rows).reshape(-1, 4)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    p = np.linspace(0.01, 1, 200)
    ax.plot(p, linear_penalty(p), label="1 - p")
    ax.plot(p, log_penalty(p), label="-ln p")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.legend()
    return ax
