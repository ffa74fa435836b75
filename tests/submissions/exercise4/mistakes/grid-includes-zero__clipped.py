import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=float)


def log_penalty(p):
    return -np.log(np.asarray(p, dtype=float))


def penalty_table(ps):
    p = np.asarray(ps, dtype=float)
    lin = linear_penalty(p)
    lg = log_penalty(p)
    ratio = np.ones_like(p)
    ratio[lin > 0] = lg[lin > 0] / lin[lin > 0]
    return np.column_stack([p, lin, lg, ratio])


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        plt.figure()
        ax = plt.gca()
    p = np.arange(0, 1.001, 0.001)
    ax.plot(p, 1 - p, label="1 - p")
    ax.plot(p, -np.log(np.clip(p, 1e-12, 1)), label="-ln p")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.legend()
    return ax
