"""Reference solution for exercise 4: the linear penalty 1 - p against the log penalty -ln p."""

import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=float)


def log_penalty(p):
    # + 0.0 turns the -0.0 that -ln 1 gives into a plain 0.0
    return -np.log(np.asarray(p, dtype=float)) + 0.0


def penalty_table(ps):
    p = np.asarray(ps, dtype=float).reshape(-1)
    linear = linear_penalty(p)
    log = log_penalty(p)
    # (-ln p) / (1 - p) is 0/0 at p = 1; its limit there is 1, so start from ones
    # and divide only where 1 - p is not zero.
    ratio = np.divide(log, linear, out=np.ones_like(p), where=linear != 0)
    return np.column_stack([p, linear, log, ratio])


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    p = np.linspace(0.01, 1.0, 200)  # from 0.01: -ln 0 is infinite
    ax.plot(p, linear_penalty(p), label="1 - p (linear penalty)")
    ax.plot(p, log_penalty(p), label="-ln p (log penalty)")
    ax.set_xlabel("p, the probability given to the true class")
    ax.set_ylabel("penalty")
    ax.set_title("1 - p versus -ln p")
    ax.legend()
    return ax
