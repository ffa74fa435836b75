"""pyplot calls throughout: a given ax is never drawn on (plt.plot draws on the current Axes)."""
import numpy as np


def linear_penalty(p):
    return np.subtract(1.0, p)


def log_penalty(p):
    return np.negative(np.log(np.asarray(p, dtype=float))) + 0.0


def penalty_table(ps):
    p = np.asarray(ps, dtype=float).reshape(-1)
    table = np.ones((p.size, 4))
    table[:, 0], table[:, 1], table[:, 2] = p, linear_penalty(p), log_penalty(p)
    np.divide(table[:, 2], table[:, 1], out=table[:, 3], where=table[:, 1] != 0)
    return table


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        plt.figure()
    p = np.linspace(0.01, 1, 200)
    plt.plot(p, linear_penalty(p), label="1 - p")
    plt.plot(p, log_penalty(p), label="-ln p")
    plt.xlabel("p")
    plt.ylabel("penalty")
    plt.legend()
    return plt.gca()
