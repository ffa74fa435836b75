"""A new figure every time, even when an Axes is passed in."""
import numpy as np


def linear_penalty(p):
    return 1 - np.asarray(p, dtype=float)


def log_penalty(p):
    return -np.log(p) + 0.0


def penalty_table(ps):
    p = np.array(ps, dtype=float).ravel()
    lin, lg = linear_penalty(p), log_penalty(p)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(p == 1.0, 1.0, lg / lin)
    return np.c_[p, lin, lg, ratio]


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    p = np.linspace(0.01, 1, 200)
    ax.plot(p, linear_penalty(p), label="1 - p")
    ax.plot(p, log_penalty(p), label="-ln p")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.legend()
    return ax
