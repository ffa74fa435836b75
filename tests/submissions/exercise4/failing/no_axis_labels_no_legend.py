"""Labelled lines, but no axis labels and no legend."""
import math

import numpy as np


def linear_penalty(p):
    p = np.asarray(p, dtype=float)
    return np.ones_like(p) - p


def log_penalty(p):
    return np.vectorize(lambda q: -math.log(q) + 0.0)(np.asarray(p, dtype=float))


def penalty_table(ps):
    rows = []
    for q in ps:
        q = float(q)
        ratio = 1.0 if q == 1 else -math.log(q) / (1 - q)
        rows.append([q, 1 - q, -math.log(q) + 0.0, ratio])
    return np.array(rows, dtype=float).reshape(-1, 4)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    p = np.linspace(0.01, 1, 200)
    ax.plot(p, linear_penalty(p), label="1 - p")
    ax.plot(p, log_penalty(p), label="-ln p")
    ax.set_title("penalties")
    return ax
