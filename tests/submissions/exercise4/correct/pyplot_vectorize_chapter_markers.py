"""pyplot's state-machine interface throughout; np.vectorize over math.log; the chapter's
probabilities marked (unlabelled) before the curves are drawn."""
import math

import matplotlib.pyplot as plt
import numpy as np

_minus_log = np.vectorize(lambda q: -math.log(q), otypes=[float])
_one_minus = np.vectorize(lambda q: 1.0 - q, otypes=[float])


def linear_penalty(p):
    return _one_minus(p)


def log_penalty(p):
    return _minus_log(p) + 0.0


def penalty_table(ps):
    rows = [
        (p, 1.0 - p, -math.log(p), 1.0 if p == 1.0 else -math.log(p) / (1.0 - p))
        for p in map(float, ps)
    ]
    return np.array(rows, dtype=float).reshape(-1, 4)


def plot_penalties(ax=None):
    if ax is None:
        plt.figure()
    else:
        plt.sca(ax)
    chapter = np.array([0.99, 0.9, 0.5, 0.1, 0.01])
    plt.plot(chapter, log_penalty(chapter), "ko", markersize=4)
    plt.plot(chapter, linear_penalty(chapter), "ks", markersize=4)
    grid = [0.01 + k * 0.01 for k in range(100)]
    plt.plot(grid, linear_penalty(grid), "b-", label="1 - p")
    plt.plot(grid, log_penalty(grid), "r-", label="-ln p")
    plt.xlabel("p")
    plt.ylabel("penalty")
    plt.title("1 - p vs -ln p")
    plt.legend()
    return plt.gca()
