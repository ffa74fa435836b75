"""float32 throughout, np.divide(where=) for the limit, an object-oriented Figure with a
log-spaced grid and a figure-level legend."""
import numpy as np


def linear_penalty(p):
    p = np.asarray(p, dtype=np.float32)
    return np.float32(1) - p


def log_penalty(p):
    return np.negative(np.log(np.asarray(p, dtype=np.float32)))


def penalty_table(ps):
    p = np.array(ps, dtype=np.float32, copy=True).ravel()
    table = np.ones((p.size, 4), dtype=np.float32)
    table[:, 0] = p
    table[:, 1] = linear_penalty(p)
    table[:, 2] = log_penalty(p)
    np.divide(table[:, 2], table[:, 1], out=table[:, 3], where=table[:, 1] > 0)
    return table


def plot_penalties(ax=None):
    from matplotlib.figure import Figure

    if ax is None:
        ax = Figure().add_subplot(1, 1, 1)
    p = np.geomspace(0.01, 1.0, 64, dtype=np.float32)
    ax.plot(p, linear_penalty(p), color="tab:blue", label="linear: 1 - p")
    ax.plot(p, log_penalty(p), color="tab:red", label="logarithmic: -ln p")
    ax.set_xscale("log")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.figure.legend(loc="upper right")
    return ax
