"""List comprehensions and math.log on plain floats; two subplots side by side (the ratio on
the second); pyplot's axhline(0) and the chapter's values with error bars drawn first."""
import math

import numpy as np


def linear_penalty(p):
    values = np.asarray(p, dtype=float)
    return np.array([1.0 - v for v in values.flat]).reshape(values.shape)


def log_penalty(p):
    values = np.asarray(p, dtype=float)
    return np.array([-math.log(v) for v in values.flat]).reshape(values.shape) + 0.0


def penalty_table(ps):
    table = []
    for p in [float(v) for v in ps]:
        linear, log = 1.0 - p, -math.log(p)
        table.append([p, linear, log, log / linear if linear else 1.0])
    return np.array(table, dtype=float).reshape(len(table), 4)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, (ax, ratio_ax) = plt.subplots(1, 2, figsize=(9, 3.5))
        q = [k / 100 for k in range(1, 100)]
        ratio_ax.plot(q, [-math.log(v) / (1 - v) for v in q], label="ratio")
        ratio_ax.axhline(1, color="grey", linewidth=0.5)
        ratio_ax.legend()
    plt.sca(ax)
    plt.axhline(0, color="grey", linewidth=0.5)
    chapter = [0.99, 0.9, 0.5, 0.1, 0.01]
    plt.errorbar(chapter, [-math.log(v) for v in chapter], yerr=0.05, fmt="o", color="k")
    grid = [k / 200 for k in range(2, 201)]
    plt.plot(grid, [1 - v for v in grid], label="1 − p")
    plt.plot(grid, [-math.log(v) for v in grid], label="−ln p")
    plt.xlabel("p")
    plt.ylabel("penalty")
    plt.legend()
    return ax
