"""Everything drawn right, but the Axes is never returned."""
import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=float)


def log_penalty(p):
    return -np.log(np.asarray(p, dtype=float)) + 0.0


def penalty_table(ps):
    p = np.asarray(ps, dtype=float).reshape(-1)
    linear, log = linear_penalty(p), log_penalty(p)
    ratio = np.divide(log, linear, out=np.ones_like(p), where=linear != 0)
    return np.column_stack([p, linear, log, ratio])


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
