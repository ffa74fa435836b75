"""Vectorised, np.where for the limit at p = 1; the legend gets its labels from ax.legend([...])."""
import numpy as np


def linear_penalty(p):
    return 1 - np.asarray(p)


def log_penalty(p):
    return -np.log(p)


def penalty_table(ps):
    p = np.asarray(ps, dtype=np.float64)
    lin, lg = linear_penalty(p), log_penalty(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(p == 1, 1.0, lg / lin)
    return np.c_[p, lin, lg, ratio]


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots(figsize=(5, 3.5))
    p = np.linspace(0.01, 1, 500)
    ax.plot(p, linear_penalty(p), "--")
    ax.plot(p, log_penalty(p), "-")
    ax.axhline(0, color="grey", linewidth=0.5)
    ax.set(xlabel="p", ylabel="loss", title="1 - p vs -ln p")
    ax.legend(["1 - p", "-ln p"])
    return ax
