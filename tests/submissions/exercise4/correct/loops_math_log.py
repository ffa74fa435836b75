"""Plain Python loops with math.log; pyplot's state-machine interface for the plot."""
import math

import numpy as np


def linear_penalty(p):
    values = np.asarray(p, dtype=float)
    out = np.empty_like(values)
    for index in np.ndindex(values.shape):
        out[index] = 1.0 - values[index]
    return out


def log_penalty(p):
    values = np.asarray(p, dtype=float)
    out = np.empty_like(values)
    for index in np.ndindex(values.shape):
        out[index] = -math.log(values[index])
    return out


def penalty_table(ps):
    rows = []
    for p in ps:
        p = float(p)
        linear = 1.0 - p
        log = -math.log(p)
        ratio = 1.0 if p == 1.0 else log / linear
        rows.append([p, linear, log, ratio])
    return np.array(rows, dtype=float).reshape(len(rows), 4)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        plt.figure()
    else:
        plt.sca(ax)
    grid = [0.01 + i * 0.99 / 49 for i in range(50)]
    plt.plot(grid, [1 - p for p in grid], label="1 - p")
    plt.plot(grid, [-math.log(p) for p in grid], label="-ln p")
    plt.xlabel("p (probability of the correct class)")
    plt.ylabel("penalty")
    plt.title("Linear and logarithmic penalties")
    plt.legend()
    return plt.gca()
