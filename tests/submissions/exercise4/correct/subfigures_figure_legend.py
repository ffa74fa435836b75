"""A figure split into subfigures: the penalties on the left, their ratio on the right,
one legend for the whole figure (fig.legend)."""
import numpy as np


def linear_penalty(p):
    return np.subtract(1, p, dtype=float)


def log_penalty(p):
    return np.negative(np.log(p, dtype=float))


def penalty_table(ps):
    p = np.array(ps, dtype=float, ndmin=1)
    lin, lg = linear_penalty(p), log_penalty(p)
    ratio = np.divide(lg, lin, out=np.ones_like(p), where=lin > 0)
    return np.vstack([p, lin, lg, ratio]).T


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    figure = None
    if ax is None:
        figure = plt.figure(figsize=(9, 3.5), layout="constrained")
        left, right = figure.subfigures(1, 2)
        ax = left.subplots()
        ratio_ax = right.subplots()
        q = np.linspace(0.01, 0.99, 99)
        ratio_ax.plot(q, log_penalty(q) / linear_penalty(q), color="k")
        ratio_ax.set(xlabel="p", ylabel="(−ln p) / (1 − p)", title="how many times larger")
    p = np.linspace(0.01, 1.0, 100)
    ax.plot(p, linear_penalty(p), label="1 − p")
    ax.plot(p, log_penalty(p), label="−ln p")
    ax.set(xlabel="p", ylabel="penalty", title="two penalties")
    if figure is not None:
        figure.legend(loc="outside lower center", ncols=2)
    else:
        ax.legend()
    return ax
