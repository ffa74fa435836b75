import math

import numpy as np


def linear_penalty(p):
    return np.array([1.0 - v for v in p])


def log_penalty(p):
    return np.array([-math.log2(v) for v in p])


def penalty_table(ps):
    rows = []
    for v in ps:
        lin = 1.0 - v
        lg = -math.log2(v)
        ratio = lg / lin if lin != 0 else float("nan")
        rows.append([v, lin, lg, ratio])
    return np.array(rows)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        ax = plt.figure().add_subplot()
    grid = [0.01 + i * 0.01 for i in range(100)]
    ax.plot(grid, linear_penalty(grid), label="linear")
    ax.plot(grid, log_penalty(grid), label="log")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.legend()
    return ax
