"""float32 throughout, a log-spaced grid on a log x axis, a dotted 1 − p guide from 0 to 1
drawn first, and a legend given the lines in its own order, with longer texts."""
import numpy as np


def linear_penalty(p):
    return np.float32(1.0) - np.asarray(p, dtype=np.float32)


def log_penalty(p):
    return -np.log(np.asarray(p, dtype=np.float32))


def penalty_table(ps):
    p = np.asarray(ps, dtype=np.float32).reshape(-1)
    lin, lg = linear_penalty(p), log_penalty(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(lin == 0, np.float32(1.0), lg / lin)
    return np.column_stack((p, lin, lg, ratio)).astype(np.float32)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(constrained_layout=True)
    ax.plot([0.0, 1.0], [1.0, 0.0], ":", color="grey", linewidth=0.8)
    p = np.logspace(-2, 0, 120, dtype=np.float32)
    linear_line, = ax.plot(p, linear_penalty(p), color="C0", label="1 − p")
    log_line, = ax.plot(p, log_penalty(p), color="C3", label="−ln p")
    ax.set_xscale("log")
    ax.set_xlabel("p (log scale)")
    ax.set_ylabel("penalty")
    ax.legend(handles=[log_line, linear_line], labels=["−ln p (log penalty)", "1 − p (linear penalty)"])
    return ax
