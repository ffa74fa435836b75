"""-ln p on a twin Axes with its own y scale (ax.twinx()): the Axes returned holds only 1 - p."""
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

    if ax is None:
        _, ax = plt.subplots()
    p = np.linspace(0.01, 1, 200)
    ax.plot(p, linear_penalty(p), color="C0", label="1 - p")
    twin = ax.twinx()
    twin.plot(p, log_penalty(p), color="C1", label="-ln p")
    ax.set_xlabel("p")
    ax.set_ylabel("1 - p")
    twin.set_ylabel("-ln p")
    ax.figure.legend()
    return ax
