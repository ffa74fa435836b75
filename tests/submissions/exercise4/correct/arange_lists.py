"""Python lists in, arrays out; np.arange grid; the ratio's limit patched in afterwards."""
import numpy as np


def linear_penalty(p):
    return np.subtract(1.0, p)


def log_penalty(p):
    return -np.log(np.array(p, dtype=float))


def penalty_table(ps):
    ps = list(ps)
    linear = linear_penalty(ps)
    log = log_penalty(ps)
    with np.errstate(all="ignore"):
        ratio = log / linear
    ratio = np.nan_to_num(ratio, nan=1.0)
    return np.array([ps, linear, log, ratio], dtype=float).T


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        ax = plt.subplots()[1]
    p = np.arange(1, 101) / 100
    ax.plot(p, linear_penalty(p), label="$1-p$", marker=".")
    ax.plot(p, log_penalty(p), label=r"$-\ln p$", marker=".")
    ax.set_xlabel("$p$")
    ax.set_ylabel("penalty")
    ax.grid(True)
    ax.legend(loc="upper center")
    return ax
